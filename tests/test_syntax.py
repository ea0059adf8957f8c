"""The linguistic layer's runtime pieces: the lemma backoff and the tree index."""

from __future__ import annotations

from timeline.schema import Token
from timeline.syntax import LemmaBackoff, Tree, default_lemma_table

TABLE = {"bereidden": "bereiden", "meldt": "melden", "eventuele": "eventueel", "Kyiv": "Kyiv"}


def test_backoff_takes_the_table_where_the_model_left_the_form() -> None:
    b = LemmaBackoff(TABLE)
    assert b.lemma("bereidden", "VERB", "bereidden") == "bereiden"  # left as it was
    assert b.lemma("eventuele", "ADJ", "eventuel") == "eventueel"  # no lemma the table knows


def test_backoff_keeps_a_known_lemma_and_unknown_words() -> None:
    b = LemmaBackoff(TABLE)
    assert b.lemma("meldt", "VERB", "bereiden") == "bereiden"  # a lemma the table knows
    assert b.lemma("overleg", "NOUN", "overleg") == "overleg"  # not in the table
    assert b.lemma("Kyiv", "PROPN", "kyiv") == "kyiv"  # names keep the model's lemma


def test_backoff_lemmatises_the_participle_of_a_separable_verb() -> None:
    b = LemmaBackoff({**TABLE, "geroepen": "roepen"})
    assert b.lemma("opgegeven", "VERB", "op_gegeven") == "op_geven"  # ge- taken off
    assert b.lemma("omgeroepen", "VERB", "om_geroepen") == "om_roepen"  # the table's lemma
    assert b.lemma("opgegeven", "ADJ", "op_gegeven") == "op_gegeven"  # verbs only
    assert b.lemma("opgeven", "VERB", "op_geven") == "op_geven"  # a lemma already


def test_shipped_table_loads_and_knows_inflected_verbs() -> None:
    b = LemmaBackoff.load(default_lemma_table())
    assert b is not None
    assert b.lemma("belden", "VERB", "belden") == "bellen"
    assert b.lemma("opgebeld", "VERB", "opgebeld") == "opbellen"


def test_tree_span_and_ancestors() -> None:
    rows = [("De", 1), ("top", 2), ("vond", 2), ("plaats", 2)]
    toks, pos = [], 0
    for i, (text, head) in enumerate(rows):
        toks.append(Token(i=i, text=text, start=pos, end=pos + len(text), dep="x", head=head))
        pos += len(text) + 1
    tree = Tree(toks)
    assert tree.span(toks[1]) == (0, 6)  # "De top"
    assert [a.text for a in tree.ancestors(toks[0])] == ["top", "vond"]
    assert [t.text for t in tree.at(3, 11)] == ["top", "vond"]


def test_fine_verb_tag_wins_over_a_noun_reading() -> None:
    from timeline.syntax import reconcile

    assert reconcile("NOUN", "WW|vd|vrij|zonder", "Gender=Neut") == ("VERB", "VerbForm=Part")
    assert reconcile("NOUN", "WW|pv|verl|mv", "") == ("VERB", "Tense=Past|VerbForm=Fin")
    assert reconcile("VERB", "WW|pv|tgw|ev", "Tense=Pres|VerbForm=Fin") == (
        "VERB",
        "Tense=Pres|VerbForm=Fin",
    )
    assert reconcile("NOUN", "N|soort|ev", "Number=Sing") == ("NOUN", "Number=Sing")


def test_tree_at_finds_the_tokens_of_a_span_by_bisection() -> None:
    from tests.trees import tokens
    from timeline.syntax import Tree

    toks = tokens([(w, w, "X", "dep", 0, "") for w in ["een", "twee", "drie", "vier", "vijf"]], 10)
    t = Tree(toks)
    for start, end in [(10, 13), (11, 20), (14, 40), (0, 10), (28, 29), (0, 100)]:
        assert t.at(start, end) == [x for x in toks if start <= x.start < end]
