"""Weekday direction from the verb group of the clause (`timex.tense.tree_direction`) and
its use by the resolver; invented sentences as hand-made trees."""

from __future__ import annotations

import datetime as dt

from tests.timex_articles import make_article
from tests.trees import tokens
from timeline.schema import Token
from timeline.syntax import Tree
from timeline.timex import find_timexes
from timeline.timex.tense import tree_direction

D = dt.date


def toks(text: str, rows: list[tuple[str, str, str, int, str]], offset: int) -> list[Token]:
    """(lemma, pos, dep, head, morph) per whitespace-separated word of `text`."""
    words = text.split()
    return tokens([(w, *r) for w, r in zip(words, rows, strict=True)], offset)


PRES = "Tense=Pres|VerbForm=Fin"
PAST = "Tense=Past|VerbForm=Fin"


def test_past_present_and_future_verb_groups() -> None:
    # "Trump belde woensdag" / "Trump belt woensdag" / "Trump zal woensdag bellen"
    past = toks(
        "Trump belde woensdag",
        [
            ("Trump", "PROPN", "nsubj", 1, ""),
            ("bellen", "VERB", "ROOT", 1, PAST),
            ("woensdag", "NOUN", "obl", 1, ""),
        ],
        0,
    )
    assert tree_direction(Tree(past), 12, 20) == "past"
    pres = toks(
        "Trump belt woensdag",
        [
            ("Trump", "PROPN", "nsubj", 1, ""),
            ("bellen", "VERB", "ROOT", 1, PRES),
            ("woensdag", "NOUN", "obl", 1, ""),
        ],
        0,
    )
    assert tree_direction(Tree(pres), 11, 19) == "present"
    fut = toks(
        "Trump zal woensdag bellen",
        [
            ("Trump", "PROPN", "nsubj", 3, ""),
            ("zullen", "AUX", "aux", 3, PRES),
            ("woensdag", "NOUN", "obl", 3, ""),
            ("bellen", "VERB", "ROOT", 3, "VerbForm=Inf"),
        ],
        0,
    )
    assert tree_direction(Tree(fut), 10, 18) == "future"
    perfect = toks(
        "Trump heeft woensdag gebeld",
        [
            ("Trump", "PROPN", "nsubj", 3, ""),
            ("hebben", "AUX", "aux", 3, PRES),
            ("woensdag", "NOUN", "obl", 3, ""),
            ("bellen", "VERB", "ROOT", 3, "VerbForm=Part"),
        ],
        0,
    )
    assert tree_direction(Tree(perfect), 12, 20) == "past"


def test_no_direction_across_a_clause_boundary() -> None:
    # a weekday hanging from a clause head that is no verb (a bad parse) says nothing
    parsed = toks(
        "Hij zei Poetin woensdag",
        [
            ("hij", "PRON", "nsubj", 1, ""),
            ("zeggen", "VERB", "ROOT", 1, PAST),
            ("Poetin", "PROPN", "ccomp", 1, ""),
            ("woensdag", "NOUN", "flat", 2, ""),
        ],
        0,
    )
    assert tree_direction(Tree(parsed), 15, 23) is None


def test_present_weekday_is_today_when_the_day_is_known() -> None:
    # 2025-12-03 is a Wednesday: "reist woensdag" in the present is that day
    body = "Hij reist woensdag naar Ankara."
    rows = [
        ("hij", "PRON", "nsubj", 1, ""),
        ("reizen", "VERB", "ROOT", 1, PRES),
        ("woensdag", "NOUN", "obl", 1, ""),
        ("naar", "ADP", "case", 4, ""),
        ("Ankara.", "PROPN", "obl", 1, ""),
    ]
    article = make_article(f"date 2025-12-03\n\n{body}", "a.txt")
    parsed = toks(body, rows, article.body_start)
    (t,) = [x for x in find_timexes(article, parsed) if x.text == "woensdag"]
    assert (t.earliest, t.latest) == (D(2025, 12, 3), D(2025, 12, 3))
    # a month-only date line cannot make it today: the next Wednesday of each day
    month = make_article(f"date 2025-12\n\n{body}", "b.txt")
    (t,) = [
        x for x in find_timexes(month, toks(body, rows, month.body_start)) if x.text == "woensdag"
    ]
    assert t.earliest == D(2025, 12, 3) and t.latest == D(2026, 1, 7)


def test_an_infinitive_takes_the_tense_of_the_finite_verb_above_it() -> None:
    # "Zij kreeg een verzoek om te reizen na het beraad van vrijdag": past, last Friday
    text = "Zij kreeg een verzoek om te reizen na het beraad van vrijdag"
    rows = [
        ("zij", "PRON", "nsubj", 1, ""),
        ("krijgen", "VERB", "ROOT", 1, PAST),
        ("een", "DET", "det", 3, ""),
        ("verzoek", "NOUN", "obj", 1, ""),
        ("om", "ADP", "mark", 6, ""),
        ("te", "ADP", "mark", 6, ""),
        ("reizen", "VERB", "acl", 3, "VerbForm=Inf"),
        ("na", "ADP", "case", 9, ""),
        ("het", "DET", "det", 9, ""),
        ("beraad", "NOUN", "obl", 6, ""),
        ("van", "ADP", "case", 11, ""),
        ("vrijdag", "NOUN", "nmod", 9, ""),
    ]
    start = text.index("vrijdag")
    assert tree_direction(Tree(toks(text, rows, 0)), start, start + 7) == "past"


def test_a_weekday_ahead_on_its_own_weekday_is_today() -> None:
    # 2025-12-07 is a Sunday; a bad parse hangs the weekday from a name outside the
    # clause, so no verb group directs it, and the words around it read ahead: that
    # Sunday, not the next one
    body = "Rutte ontmoet Scholz en Tusk zondag in Berlijn."
    rows = [
        ("Rutte", "PROPN", "nsubj", 1, ""),
        ("ontmoeten", "VERB", "ROOT", 1, PRES),
        ("Scholz", "PROPN", "obj", 1, ""),
        ("en", "CCONJ", "cc", 4, ""),
        ("Tusk", "PROPN", "parataxis", 2, ""),
        ("zondag", "NOUN", "flat", 4, ""),
        ("in", "ADP", "case", 7, ""),
        ("Berlijn.", "PROPN", "obl", 1, ""),
    ]
    article = make_article(f"date 2025-12-07\n\n{body}", "a.txt")
    parsed = toks(body, rows, article.body_start)
    start = article.text.index("zondag")
    assert tree_direction(Tree(parsed), start, start + 6) is None
    (t,) = [x for x in find_timexes(article, parsed) if x.text == "zondag"]
    assert (t.earliest, t.latest) == (D(2025, 12, 7), D(2025, 12, 7))


def test_the_future_in_the_past_is_ahead() -> None:
    # "Hij zei dat de ploeg woensdag zou vertrekken": zou + infinitive, a plan ahead;
    # "zou woensdag hebben gebeld", a perfect infinitive, is a claim about the past
    plan = toks(
        "ploeg zou woensdag vertrekken",
        [
            ("ploeg", "NOUN", "nsubj", 3, ""),
            ("zullen", "AUX", "aux", 3, PAST),
            ("woensdag", "NOUN", "obl", 3, ""),
            ("vertrekken", "VERB", "ROOT", 3, "VerbForm=Inf"),
        ],
        0,
    )
    assert tree_direction(Tree(plan), 10, 18) == "future"
    claim = toks(
        "hij zou woensdag hebben gebeld",
        [
            ("hij", "PRON", "nsubj", 4, ""),
            ("zullen", "AUX", "aux", 4, PAST),
            ("woensdag", "NOUN", "obl", 4, ""),
            ("hebben", "AUX", "aux", 4, "VerbForm=Inf"),
            ("bellen", "VERB", "ROOT", 4, "VerbForm=Part"),
        ],
        0,
    )
    assert tree_direction(Tree(claim), 8, 16) == "past"


def test_a_coordinated_weekday_keeps_its_clause() -> None:
    # "Zij vertrok maandag of dinsdag": the second weekday hangs from the first
    text = "Zij vertrok maandag of dinsdag"
    rows = [
        ("zij", "PRON", "nsubj", 1, ""),
        ("vertrekken", "VERB", "ROOT", 1, PAST),
        ("maandag", "NOUN", "obl", 1, ""),
        ("of", "CCONJ", "cc", 4, ""),
        ("dinsdag", "NOUN", "conj", 2, ""),
    ]
    start = text.index("dinsdag")
    assert tree_direction(Tree(toks(text, rows, 0)), start, start + 7) == "past"


def test_a_month_name_on_a_verb_takes_its_direction() -> None:
    # in a June article: "Ze hadden in maart willen tekenen" is last March; "Ze
    # kwamen met een plan, nog voor eind maart" puts the deadline ahead
    body = "Ze hadden het akkoord al in maart willen tekenen op een top in Rome."
    rows = [
        ("ze", "PRON", "nsubj", 8, ""),
        ("hebben", "AUX", "aux", 8, PAST),
        ("het", "DET", "det", 3, ""),
        ("akkoord", "NOUN", "obj", 8, ""),
        ("al", "ADV", "advmod", 8, ""),
        ("in", "ADP", "case", 6, ""),
        ("maart", "PROPN", "obl", 8, ""),
        ("willen", "AUX", "aux", 8, "VerbForm=Inf"),
        ("tekenen", "VERB", "ROOT", 8, "VerbForm=Inf"),
        ("op", "ADP", "case", 11, ""),
        ("een", "DET", "det", 11, ""),
        ("top", "NOUN", "obl", 8, ""),
        ("in", "ADP", "case", 13, ""),
        ("Rome.", "PROPN", "nmod", 11, ""),
    ]
    article = make_article(f"date 2025-06-10\n\n{body}", "a.txt")
    (t,) = [x for x in find_timexes(article, toks(body, rows, article.body_start))]
    assert (t.earliest, t.latest) == (D(2025, 3, 1), D(2025, 3, 31))
    body = "Ze kwamen met een plan, nog voor eind maart."
    rows = [
        ("ze", "PRON", "nsubj", 1, ""),
        ("komen", "VERB", "ROOT", 1, PAST),
        ("met", "ADP", "case", 4, ""),
        ("een", "DET", "det", 4, ""),
        ("plan,", "NOUN", "obl", 1, ""),
        ("nog", "ADV", "advmod", 7, ""),
        ("voor", "ADP", "case", 7, ""),
        ("eind", "NOUN", "obl", 1, ""),
        ("maart.", "PROPN", "nmod", 7, ""),
    ]
    article = make_article(f"date 2025-06-10\n\n{body}", "b.txt")
    (t,) = [x for x in find_timexes(article, toks(body, rows, article.body_start))]
    assert t.earliest is not None and t.earliest.year == 2026  # ahead: next March


def test_a_light_verb_with_an_object_is_present_not_a_perfect() -> None:
    # "Rutte heeft vrijdag een gesprek met Tusk": "heeft" holds a noun, not a participle
    text = "Rutte heeft vrijdag een gesprek"
    rows = [
        ("Rutte", "PROPN", "nsubj", 1, ""),
        ("hebben", "AUX", "ROOT", 1, PRES),
        ("vrijdag", "NOUN", "obl", 1, ""),
        ("een", "DET", "det", 4, ""),
        ("gesprek", "NOUN", "obj", 1, ""),
    ]
    start = text.index("vrijdag")
    assert tree_direction(Tree(toks(text, rows, 0)), start, start + 7) == "present"
    # with a participle it is the perfect: "heeft vrijdag een gesprek gevoerd"
    perfect = [*rows, ("voeren", "VERB", "xcomp", 1, "VerbForm=Part")]
    text += " gevoerd"
    assert tree_direction(Tree(toks(text, perfect, 0)), start, start + 7) is None


def test_a_weekday_on_a_planned_contact_lies_ahead() -> None:
    # "Het geplande beraad zondag is afgeblazen": whatever the verb, the weekday dates
    # a contact its modifier says has not taken place
    text = "Het geplande beraad zondag is afgeblazen"
    rows = [
        ("het", "DET", "det", 2, ""),
        ("plannen", "VERB", "amod", 2, "VerbForm=Part"),
        ("beraad", "NOUN", "nsubj:pass", 5, ""),
        ("zondag", "PROPN", "appos", 2, ""),
        ("zijn", "AUX", "aux:pass", 5, PRES),
        ("afblazen", "VERB", "ROOT", 5, "VerbForm=Part"),
    ]
    start = text.index("zondag")
    assert tree_direction(Tree(toks(text, rows, 0)), start, start + 6) == "future"
