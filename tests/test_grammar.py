"""The general Dutch grammar over the linguistic layer (`timeline.grammar`), on invented
sentences given as hand-made trees, so each mechanism is tested apart from the model."""

from __future__ import annotations

import pytest

from tests.trees import Row, tokens
from timeline.events.grammar import (
    contact_type,
    contact_words,
    demonstrative_alone,
    governed_status,
    grammar,
    lemma,
    modifier_status,
    passing_contacts,
    predicate_of_pronoun,
)
from timeline.schema import Token
from timeline.syntax import Tree, feature

G = grammar()


def tree(rows: list[Row]) -> Tree:
    """(text, lemma, pos, dep, head, morph) per token; offsets follow from the texts."""
    return Tree(tokens(rows))


def test_feature_reads_one_morphological_feature() -> None:
    t = Token(i=0, text="sprak", start=0, end=5, morph="Number=Sing|Tense=Past|VerbForm=Fin")
    assert (feature(t, "Tense"), feature(t, "Mood")) == ("Past", "")


@pytest.mark.parametrize(
    ("text", "lem", "pos", "expected"),
    [
        ("spraken", "spreken", "VERB", "talks"),
        ("gesproken", "spreken", "VERB", "talks"),
        ("opgebeld", "op_bellen", "VERB", "call"),
        ("belden", "bellen", "VERB", "call"),
        ("vredesoverleg", "vredesoverleg", "NOUN", "talks"),
        ("topoverleg", "topoverleg", "NOUN", "talks"),
        ("videogesprek", "videogesprek", "NOUN", "call"),
        ("vredesberaad", "vredesberaad", "NOUN", "talks"),
        ("werklunch", "werklunch", "NOUN", "meeting"),
        ("desktop", "desktop", "NOUN", None),  # ends in "top", no contact
        ("stop", "stop", "NOUN", None),  # too short a prefix
        ("sprekende", "spreken", "ADJ", None),  # a participle used as an adjective
    ],
)
def test_contact_type_by_lemma_and_compound_head(
    text: str, lem: str, pos: str, expected: str | None
) -> None:
    t = tree([(text, lem, pos, "ROOT", 0, "")])
    assert contact_type(t, t.tokens[0], G) == expected


def test_contact_words_offsets_are_relative_to_the_span() -> None:
    # "Ze belden over het topoverleg"
    t = tree(
        [
            ("Ze", "ze", "PRON", "nsubj", 1, ""),
            ("belden", "bellen", "VERB", "ROOT", 1, "Tense=Past|VerbForm=Fin"),
            ("over", "over", "ADP", "case", 4, ""),
            ("het", "het", "DET", "det", 4, ""),
            ("topoverleg", "topoverleg", "NOUN", "obl", 1, ""),
        ]
    )
    words = contact_words(t, 3, 40, G)
    assert [(w[2], w[3]) for w in words] == [("call", "belden"), ("talks", "topoverleg")]
    assert words[0][:2] == (0, 6)  # relative to offset 3


def test_separated_particle_joins_the_lemma() -> None:
    # "Hij kijkt uit naar het gesprek": uit + kijken
    t = tree(
        [
            ("Hij", "hij", "PRON", "nsubj", 1, ""),
            ("kijkt", "kijken", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("uit", "uit", "ADP", "compound:prt", 1, ""),
        ]
    )
    assert lemma(t, t.tokens[1]) == "uitkijken"


def _noun_under(verb: str, verb_lemma: str, morph: str, prt: str | None = None) -> Tree:
    # "<Zij> <verb> [<prt>] op een ontmoeting"
    rows = [
        ("Zij", "zij", "PRON", "nsubj", 1, ""),
        (verb, verb_lemma, "VERB", "ROOT", 1, morph),
        ("op", "op", "ADP", "case", 4, ""),
        ("een", "een", "DET", "det", 4, ""),
        ("ontmoeting", "ontmoeting", "NOUN", "obl:arg", 1, ""),
    ]
    if prt:
        rows.append((prt, prt, "ADP", "compound:prt", 1, ""))
    return tree(rows)


@pytest.mark.parametrize(
    ("verb", "verb_lemma", "morph", "prt", "status"),
    [
        ("pleit", "pleiten", "Tense=Pres|VerbForm=Fin", None, "proposed"),
        ("bereidden", "bereiden", "Tense=Past|VerbForm=Fin", "voor", "planned"),
        ("zeggen", "zeggen", "Tense=Pres|VerbForm=Fin", "af", "cancelled"),
        ("ontkent", "ontkennen", "Tense=Pres|VerbForm=Fin", None, "denied"),
        ("kijkt", "uit_kijken", "Tense=Pres|VerbForm=Fin", None, "planned"),
    ],
)
def test_governing_predicate_sets_the_status_of_a_contact_noun(
    verb: str, verb_lemma: str, morph: str, prt: str | None, status: str
) -> None:
    t = _noun_under(verb, verb_lemma, morph, prt)
    got = governed_status(t, [t.tokens[4]], G)
    assert got is not None and got[0] == status


def test_a_verb_outside_the_classes_leaves_the_status_to_the_sentence() -> None:
    t = _noun_under("wacht", "wachten", "Tense=Pres|VerbForm=Fin")
    assert governed_status(t, [t.tokens[4]], G) is None


def test_modifier_makes_a_contact_noun_a_proposal() -> None:
    # "Ze schreven over een mogelijke top"
    t = tree(
        [
            ("Ze", "ze", "PRON", "nsubj", 1, ""),
            ("schreven", "schrijven", "VERB", "ROOT", 1, "Tense=Past|VerbForm=Fin"),
            ("over", "over", "ADP", "case", 5, ""),
            ("een", "een", "DET", "det", 5, ""),
            ("mogelijke", "mogelijk", "ADJ", "amod", 5, ""),
            ("top", "top", "NOUN", "obl", 1, ""),
        ]
    )
    assert governed_status(t, [t.tokens[5]], G) == ("proposed", ["modified by 'mogelijke'"])


def _clause(mark: str, tense: str) -> Tree:
    # "<mark> Rutte een gesprek heeft/had met Trump"
    return tree(
        [
            (mark, mark.lower(), "SCONJ", "mark", 4, ""),
            ("Rutte", "Rutte", "PROPN", "nsubj", 4, ""),
            ("een", "een", "DET", "det", 3, ""),
            ("gesprek", "gesprek", "NOUN", "obj", 4, ""),
            ("heeft", "hebben", "VERB", "ROOT", 4, f"Tense={tense}|VerbForm=Fin"),
        ]
    )


def test_a_clause_conjunction_puts_a_contact_ahead_unless_the_clause_is_past() -> None:
    t = _clause("zodra", "Pres")
    assert governed_status(t, [t.tokens[3]], G) == ("planned", ["in a clause with 'zodra'"])
    t = _clause("als", "Pres")
    assert governed_status(t, [t.tokens[3]], G) == ("proposed", ["in a clause with 'als'"])
    t = _clause("zodra", "Past")
    assert governed_status(t, [t.tokens[3]], G) is None


def test_empty_tree_finds_nothing() -> None:
    empty = Tree([])
    assert not empty
    assert contact_words(empty, 0, 100, G) == []
    assert governed_status(empty, [], G) is None


def test_zou_hebben_gesproken_is_a_claim() -> None:
    # "Trump zou Poetin hebben gesproken"
    t = tree(
        [
            ("Trump", "Trump", "PROPN", "nsubj", 4, ""),
            ("zou", "zullen", "AUX", "aux", 4, "Tense=Past|VerbForm=Fin"),
            ("Poetin", "Poetin", "PROPN", "obj", 4, ""),
            ("hebben", "hebben", "AUX", "aux", 4, "VerbForm=Inf"),
            ("gesproken", "spreken", "VERB", "ROOT", 4, "VerbForm=Part"),
        ]
    )
    got = governed_status(t, [t.tokens[4]], G)
    assert got is not None and got[0] == "claimed"


def test_present_tense_contact_verb_announces() -> None:
    # "Trump spreekt met Poetin" (and a mis-tagged past form stays with the sentence)
    for verb, expected in (("spreekt", "planned"), ("bespraken", None)):
        t = tree(
            [
                ("Trump", "Trump", "PROPN", "nsubj", 1, ""),
                (verb, "spreken", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
                ("met", "met", "ADP", "case", 3, ""),
                ("Poetin", "Poetin", "PROPN", "obl", 1, ""),
            ]
        )
        got = governed_status(t, [t.tokens[1]], G)
        assert (got[0] if got else None) == expected


def test_light_verb_in_the_present_holds_a_contact_ahead() -> None:
    # "Zelensky heeft een ontmoeting" is ahead; "Zelensky heeft een ontmoeting gehad" is not
    t = tree(
        [
            ("Zelensky", "Zelensky", "PROPN", "nsubj", 1, ""),
            ("heeft", "hebben", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("een", "een", "DET", "det", 3, ""),
            ("ontmoeting", "ontmoeting", "NOUN", "obj", 1, ""),
        ]
    )
    assert governed_status(t, [t.tokens[3]], G) == ("planned", ["present tense: 'heeft'"])
    t = tree(
        [
            ("Zelensky", "Zelensky", "PROPN", "nsubj", 4, ""),
            ("heeft", "hebben", "AUX", "aux", 4, "Tense=Pres|VerbForm=Fin"),
            ("een", "een", "DET", "det", 3, ""),
            ("ontmoeting", "ontmoeting", "NOUN", "obj", 4, ""),
            ("gehad", "hebben", "VERB", "ROOT", 4, "VerbForm=Part"),
        ]
    )
    assert governed_status(t, [t.tokens[3]], G) is None


def test_contact_named_in_passing_by_its_preposition() -> None:
    # "Trump belt na het gesprek met Zelensky"
    t = tree(
        [
            ("Trump", "Trump", "PROPN", "nsubj", 1, ""),
            ("belt", "bellen", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("na", "na", "ADP", "case", 4, ""),
            ("het", "het", "DET", "det", 4, ""),
            ("gesprek", "gesprek", "NOUN", "obl", 1, ""),
            ("met", "met", "ADP", "case", 6, ""),
            ("Zelensky", "Zelensky", "PROPN", "nmod", 4, ""),
        ]
    )
    ((start, end, prep, det, head),) = passing_contacts(t, 0, 100, G)
    assert (prep, det, head) == ("na", "het", "na het gesprek")
    assert (start, end) == (11, 38)  # "na het gesprek met Zelensky"


def test_contact_nouns_coordinated_in_a_passing_phrase_are_two_contacts() -> None:
    # "Rutte juicht na overleg met Scholz en een ontmoeting met Tusk": the parser hangs the
    # second noun from the first one's name; each noun is a contact with its own side
    t = tree(
        [
            ("Rutte", "Rutte", "PROPN", "nsubj", 1, ""),
            ("juicht", "juichen", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("na", "na", "ADP", "case", 3, ""),
            ("overleg", "overleg", "NOUN", "obl", 1, ""),
            ("met", "met", "ADP", "case", 5, ""),
            ("Scholz", "Scholz", "PROPN", "nmod", 3, ""),
            ("en", "en", "CCONJ", "cc", 8, ""),
            ("een", "een", "DET", "det", 8, ""),
            ("ontmoeting", "ontmoeting", "NOUN", "conj", 5, ""),
            ("met", "met", "ADP", "case", 10, ""),
            ("Tusk", "Tusk", "PROPN", "nmod", 8, ""),
        ]
    )
    text = "Rutte juicht na overleg met Scholz en een ontmoeting met Tusk"
    found = passing_contacts(t, 0, 100, G)
    assert [(text[s:e], prep, det, head) for s, e, prep, det, head in found] == [
        ("na overleg met Scholz", "na", "", "na overleg"),
        ("en een ontmoeting met Tusk", "na", "een", "en een ontmoeting"),
    ]


def test_a_contact_noun_predicated_of_a_pronoun_tells_the_contact_again() -> None:
    # "Volgens Parijs was het een open gesprek": what the contact just told was
    t = tree(
        [
            ("Volgens", "volgens", "ADP", "case", 1, ""),
            ("Parijs", "Parijs", "PROPN", "obl", 7, ""),
            ("was", "zijn", "AUX", "cop", 7, "Tense=Past|VerbForm=Fin"),
            ("het", "het", "PRON", "nsubj", 7, ""),
            ("een", "een", "DET", "det", 7, ""),
            ("open", "open", "ADJ", "amod", 7, ""),
            ("x", "x", "X", "dep", 7, ""),
            ("gesprek", "gesprek", "NOUN", "ROOT", 7, ""),
        ]
    )
    assert predicate_of_pronoun(t, [t.tokens[7]])
    # the contact noun as the subject ("Het gesprek was open") is no such predicate
    named = tree(
        [
            ("Het", "het", "DET", "det", 1, ""),
            ("gesprek", "gesprek", "NOUN", "nsubj", 3, ""),
            ("was", "zijn", "AUX", "cop", 3, "Tense=Past|VerbForm=Fin"),
            ("open", "open", "ADJ", "ROOT", 3, ""),
        ]
    )
    assert not predicate_of_pronoun(named, [named.tokens[1]])


def test_a_demonstrative_contact_noun_without_parties_points_back() -> None:
    # "In dat overleg kregen Rutte en Tusk hun zin": the talks already told
    t = tree(
        [
            ("In", "in", "ADP", "case", 2, ""),
            ("dat", "dat", "DET", "det", 2, ""),
            ("overleg", "overleg", "NOUN", "obl", 3, ""),
            ("kregen", "krijgen", "VERB", "ROOT", 3, "Tense=Past|VerbForm=Fin"),
            ("Rutte", "Rutte", "PROPN", "nsubj", 3, ""),
        ]
    )
    assert demonstrative_alone(t, [t.tokens[2]], G)
    # "dat gesprek met Tusk" has a party of its own; "zo'n top" is a kind of contact
    own = tree(
        [
            ("dat", "dat", "DET", "det", 1, ""),
            ("gesprek", "gesprek", "NOUN", "ROOT", 1, ""),
            ("met", "met", "ADP", "case", 3, ""),
            ("Tusk", "Tusk", "PROPN", "nmod", 1, ""),
        ]
    )
    assert not demonstrative_alone(own, [own.tokens[1]], G)
    kind = tree([("zo'n", "zo'n", "DET", "det", 1, ""), ("top", "top", "NOUN", "ROOT", 1, "")])
    assert not demonstrative_alone(kind, [kind.tokens[1]], G)


def test_a_governor_under_another_takes_the_outer_ones_status() -> None:
    # "Rutte stelt voor een top te organiseren": organising is planning, but what is
    # organised is only proposed
    t = tree(
        [
            ("Rutte", "Rutte", "PROPN", "nsubj", 1, ""),
            ("stelt", "stellen", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("voor", "voor", "ADP", "compound:prt", 1, ""),
            ("een", "een", "DET", "det", 4, ""),
            ("top", "top", "NOUN", "obj", 6, ""),
            ("te", "te", "ADP", "mark", 6, ""),
            ("organiseren", "organiseren", "VERB", "xcomp", 1, "VerbForm=Inf"),
        ]
    )
    status, _ = governed_status(t, [t.tokens[4]], G) or (None, [])
    assert status == "proposed"
    # ... and a modifier of the noun itself: "een eventuele top"
    t = tree(
        [
            ("een", "een", "DET", "det", 2, ""),
            ("eventuele", "eventueel", "ADJ", "amod", 2, ""),
            ("top", "top", "NOUN", "ROOT", 2, ""),
        ]
    )
    assert modifier_status(t, t.tokens[2], G) == ("proposed", "modified by 'eventuele'")


def test_a_reported_perfect_is_a_claim_when_hebben_heads_the_participle() -> None:
    # "Zij zou vorige week hebben gebeld": the parse made "hebben" the head
    t = tree(
        [
            ("Zij", "zij", "PRON", "nsubj", 4, ""),
            ("zou", "zullen", "AUX", "aux", 4, "Tense=Past|VerbForm=Fin"),
            ("vorige", "vorig", "ADJ", "amod", 3, ""),
            ("week", "week", "NOUN", "obl", 4, ""),
            ("hebben", "hebben", "VERB", "ROOT", 4, "Tense=Pres|VerbForm=Fin"),
            ("gebeld", "bellen", "VERB", "obj", 4, "VerbForm=Part"),
        ]
    )
    status, _ = governed_status(t, [t.tokens[5]], G) or (None, [])
    assert status == "claimed"


def test_contact_under_another_contact_word_is_named_in_passing() -> None:
    # "Ze spraken over zijn ontmoeting met Erdogan": any preposition under a contact word
    t = tree(
        [
            ("Ze", "ze", "PRON", "nsubj", 1, ""),
            ("spraken", "spreken", "VERB", "ROOT", 1, "Tense=Past|VerbForm=Fin"),
            ("over", "over", "ADP", "case", 4, ""),
            ("zijn", "zijn", "PRON", "nmod:poss", 4, ""),
            ("ontmoeting", "ontmoeting", "NOUN", "obl", 1, ""),
        ]
    )
    assert [p[2:4] for p in passing_contacts(t, 0, 100, G)] == [("over", "zijn")]
    # ... but not under a verb that is no contact word ("Ze wachten op een ontmoeting")
    t = tree(
        [
            ("Ze", "ze", "PRON", "nsubj", 1, ""),
            ("wachten", "wachten", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("op", "op", "ADP", "case", 3, ""),
            ("ontmoeting", "ontmoeting", "NOUN", "obl", 1, ""),
        ]
    )
    assert passing_contacts(t, 0, 100, G) == []


def test_habits_and_states_are_out_of_scope() -> None:
    from timeline.events.grammar import out_of_scope

    # "Ze spreken elkaar regelmatig"
    t = tree(
        [
            ("Ze", "ze", "PRON", "nsubj", 1, ""),
            ("spreken", "spreken", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("elkaar", "elkaar", "PRON", "obj", 1, ""),
            ("regelmatig", "regelmatig", "ADJ", "advmod", 1, ""),
        ]
    )
    assert out_of_scope(t, [t.tokens[1]], G) == "habitual: 'regelmatig'"
    # "Hij heeft contact met Poetin" (a state) / "... heeft contact gehad" (a contact)
    state = tree(
        [
            ("Hij", "hij", "PRON", "nsubj", 1, ""),
            ("heeft", "hebben", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("contact", "contact", "NOUN", "obj", 1, ""),
        ]
    )
    assert out_of_scope(state, [state.tokens[2]], G) is not None
    held = tree(
        [
            ("Hij", "hij", "PRON", "nsubj", 3, ""),
            ("heeft", "hebben", "AUX", "aux", 3, "Tense=Pres|VerbForm=Fin"),
            ("contact", "contact", "NOUN", "obj", 3, ""),
            ("gehad", "hebben", "VERB", "ROOT", 3, "VerbForm=Part"),
        ]
    )
    assert out_of_scope(held, [held.tokens[2]], G) is None
    # "Zij heeft naar haar weten contact": the parse hangs the noun from the nominal
    # infinitive "weten"; the state verb above it still holds it
    said = tokens(
        [
            ("Zij", "zij", "PRON", "nsubj", 1, ""),
            ("heeft", "hebben", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("naar", "naar", "ADP", "case", 4, ""),
            ("haar", "haar", "PRON", "nmod:poss", 4, ""),
            ("weten", "weten", "VERB", "obl", 1, "VerbForm=Inf"),
            ("contact", "contact", "NOUN", "nmod", 4, ""),
        ]
    )
    said[4] = said[4].model_copy(update={"tag": "WW|inf|nom|zonder,zonder-n"})
    nominal = Tree(said)
    assert out_of_scope(nominal, [nominal.tokens[5]], G) is not None


def test_pronoun_subject_of_the_main_clause() -> None:
    from timeline.events.grammar import pronoun_subject

    # "Hij zegt dat Poetin wacht"
    t = tree(
        [
            ("Hij", "hij", "PRON", "nsubj", 1, "Case=Nom|Person=3|PronType=Prs"),
            ("zegt", "zeggen", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("dat", "dat", "SCONJ", "mark", 4, ""),
            ("Poetin", "Poetin", "PROPN", "nsubj", 4, ""),
            ("wacht", "wachten", "VERB", "ccomp", 1, "Tense=Pres|VerbForm=Fin"),
        ]
    )
    assert pronoun_subject(t, 0, 100)
    named = tree(
        [
            ("Poetin", "Poetin", "PROPN", "nsubj", 1, ""),
            ("zegt", "zeggen", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
        ]
    )
    assert not pronoun_subject(named, 0, 100)


def test_hoe_vaak_asks_and_states_no_habit() -> None:
    from timeline.events.grammar import out_of_scope

    t = tree(
        [
            ("hoe", "hoe", "ADV", "advmod", 1, ""),
            ("vaak", "vaak", "ADV", "advmod", 3, ""),
            ("ze", "ze", "PRON", "nsubj", 3, ""),
            ("spraken", "spreken", "VERB", "ROOT", 3, "Tense=Past|VerbForm=Fin"),
        ]
    )
    assert out_of_scope(t, [t.tokens[3]], G) is None


def test_a_phrase_under_a_modal_is_told_ahead() -> None:
    from timeline.events.grammar import told_ahead

    # "Hij wil het bespreken tijdens hun ontmoeting" / "Hij besprak het tijdens hun ontmoeting"
    def sentence(verb: str, lem: str, morph: str, modal: bool) -> Tree:
        rows: list[Row] = [("Hij", "hij", "PRON", "nsubj", 1, "")]
        if modal:
            rows.append(("wil", "willen", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"))
            rows.append((verb, lem, "VERB", "xcomp", 1, morph))
            verb_i = 2
        else:
            rows.append((verb, lem, "VERB", "ROOT", 1, morph))
            verb_i = 1
        rows += [
            ("tijdens", "tijdens", "ADP", "case", verb_i + 3, ""),
            ("hun", "hun", "PRON", "nmod:poss", verb_i + 3, ""),
            ("ontmoeting", "ontmoeting", "NOUN", "obl", verb_i, ""),
        ]
        return tree(rows)

    ahead = sentence("bespreken", "bespreken", "VerbForm=Inf", modal=True)
    noun = ahead.tokens[5]
    assert told_ahead(ahead, noun.start, noun.end, G)
    held = sentence("besprak", "bespreken", "Tense=Past|VerbForm=Fin", modal=False)
    noun = held.tokens[4]
    assert not told_ahead(held, noun.start, noun.end, G)
    # the parse hangs the phrase from the modal itself: still ahead
    rough = tree(
        [
            ("Hij", "hij", "PRON", "nsubj", 1, ""),
            ("wil", "willen", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("tijdens", "tijdens", "ADP", "case", 4, ""),
            ("hun", "hun", "PRON", "nmod:poss", 4, ""),
            ("ontmoeting", "ontmoeting", "NOUN", "obl", 1, ""),
        ]
    )
    noun = rough.tokens[4]
    assert told_ahead(rough, noun.start, noun.end, G)


def test_relative_pronoun_subject_is_the_noun_it_hangs_from() -> None:
    from timeline.events.grammar import relative_antecedent

    # "met Trump , die Poetin belde": by the arc (acl:relcl) or, in a rough parse, the
    # word before the pronoun
    rows: list[Row] = [
        ("met", "met", "ADP", "case", 1, ""),
        ("Trump", "Trump", "PROPN", "obl", 1, ""),
        (",", ",", "PUNCT", "punct", 5, ""),
        ("die", "die", "PRON", "nsubj", 5, "PronType=Rel"),
        ("Poetin", "Poetin", "PROPN", "obj", 5, ""),
        ("belde", "bellen", "VERB", "acl:relcl", 1, "Tense=Past|VerbForm=Fin"),
    ]
    t = tree(rows)
    assert relative_antecedent(t, 10, 40) == t.tokens[1].start
    rough = tree([*rows[:5], ("belde", "bellen", "VERB", "advcl", 0, "Tense=Past|VerbForm=Fin")])
    assert relative_antecedent(rough, 10, 40) == rough.tokens[1].start


def test_zou_with_an_infinitive_is_the_future_in_the_past() -> None:
    # "Trump zou Poetin later bellen": announced, not claimed
    t = tree(
        [
            ("Trump", "Trump", "PROPN", "nsubj", 4, ""),
            ("zou", "zullen", "AUX", "aux", 4, "Tense=Past|VerbForm=Fin"),
            ("Poetin", "Poetin", "PROPN", "obj", 4, ""),
            ("later", "laat", "ADV", "advmod", 4, ""),
            ("bellen", "bellen", "VERB", "ROOT", 4, "VerbForm=Inf"),
        ]
    )
    got = governed_status(t, [t.tokens[4]], G)
    assert got is not None and got[0] == "planned"


def test_a_verb_of_taking_place_sets_the_status_of_its_subject() -> None:
    # "De top vindt morgen plaats": announced; "De top vond plaats" stays with the sentence
    for verb, tense, expected in (("vindt", "Pres", "planned"), ("vond", "Past", None)):
        t = tree(
            [
                ("De", "de", "DET", "det", 1, ""),
                ("top", "top", "NOUN", "nsubj", 2, ""),
                (verb, "vinden", "VERB", "ROOT", 2, f"Tense={tense}|VerbForm=Fin"),
                ("morgen", "morgen", "ADV", "advmod", 2, ""),
                ("plaats", "plaats", "ADP", "compound:prt", 2, ""),
            ]
        )
        got = governed_status(t, [t.tokens[1]], G)
        assert (got[0] if got else None) == expected


def test_a_verb_of_proposing_over_the_clause_of_the_contact() -> None:
    # "Trump hoopt dat er een top volgt": the top is hoped for, not announced
    t = tree(
        [
            ("Trump", "Trump", "PROPN", "nsubj", 1, ""),
            ("hoopt", "hopen", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("dat", "dat", "SCONJ", "mark", 6, ""),
            ("er", "er", "ADV", "expl", 6, ""),
            ("een", "een", "DET", "det", 5, ""),
            ("top", "top", "NOUN", "nsubj", 6, ""),
            ("volgt", "volgen", "VERB", "ccomp", 1, "Tense=Pres|VerbForm=Fin"),
        ]
    )
    got = governed_status(t, [t.tokens[5]], G)
    assert got is not None and got[0] == "proposed"


def test_told_ahead_reads_the_auxiliary_of_a_verb_tagged_as_a_noun() -> None:
    from timeline.events.grammar import told_ahead

    # "Trump zal na zijn gesprek Poetin bijpraten", "bijpraten" mis-tagged NOUN
    t = tree(
        [
            ("Trump", "Trump", "PROPN", "nsubj", 6, ""),
            ("zal", "zullen", "AUX", "aux", 6, "Tense=Pres|VerbForm=Fin"),
            ("na", "na", "ADP", "case", 4, ""),
            ("zijn", "zijn", "PRON", "nmod:poss", 4, ""),
            ("gesprek", "gesprek", "NOUN", "obl", 6, ""),
            ("Poetin", "Poetin", "PROPN", "obj", 6, ""),
            ("bijpraten", "bijpraten", "NOUN", "ROOT", 6, ""),
        ]
    )
    phrase = t.tokens[2].start, t.tokens[4].end
    assert told_ahead(t, *phrase, G)
    # "Trump had na zijn gesprek Poetin gebeld": past, nothing ahead
    past = tree(
        [
            ("Trump", "Trump", "PROPN", "nsubj", 6, ""),
            ("had", "hebben", "AUX", "aux", 6, "Tense=Past|VerbForm=Fin"),
            ("na", "na", "ADP", "case", 4, ""),
            ("zijn", "zijn", "PRON", "nmod:poss", 4, ""),
            ("gesprek", "gesprek", "NOUN", "obl", 6, ""),
            ("Poetin", "Poetin", "PROPN", "obj", 6, ""),
            ("gebeld", "bellen", "VERB", "ROOT", 6, "VerbForm=Part"),
        ]
    )
    assert not told_ahead(past, past.tokens[2].start, past.tokens[4].end, G)


def test_a_particle_joins_a_verb_the_tagger_took_for_a_noun() -> None:
    # "De adviseurs legden een top vast": vastleggen governs a plan
    t = tree(
        [
            ("De", "de", "DET", "det", 1, ""),
            ("adviseurs", "adviseur", "NOUN", "nsubj", 2, ""),
            ("legden", "leggen", "NOUN", "ROOT", 2, ""),
            ("een", "een", "DET", "det", 4, ""),
            ("top", "top", "NOUN", "obj", 2, ""),
            ("vast", "vast", "ADJ", "compound:prt", 2, ""),
        ]
    )
    assert lemma(t, t.tokens[2]) == "vastleggen"
    got = governed_status(t, [t.tokens[4]], G)
    assert got is not None and got[0] == "planned"


def test_a_contact_verb_in_a_clause_after_a_preposition_is_named_in_passing() -> None:
    # "Rutte sprak Macron over wat hij met Zelensky overlegde": two contacts; with
    # "nadat" instead of "over" the clause is a clause of its own
    rows: list[Row] = [
        ("Rutte", "Rutte", "PROPN", "nsubj", 1, ""),
        ("sprak", "spreken", "VERB", "ROOT", 1, "Tense=Past|VerbForm=Fin"),
        ("Macron", "Macron", "PROPN", "obj", 1, ""),
        ("over", "over", "ADP", "case", 8, ""),
        ("wat", "wat", "PRON", "obj", 8, "PronType=Int"),
        ("hij", "hij", "PRON", "nsubj", 8, "PronType=Prs"),
        ("met", "met", "ADP", "case", 7, ""),
        ("Zelensky", "Zelensky", "PROPN", "obl", 8, ""),
        ("overlegde", "overleggen", "VERB", "ccomp", 1, "Tense=Past|VerbForm=Fin"),
    ]
    t = tree(rows)
    (found,) = passing_contacts(t, 0, 60, G)
    assert found[2] == "over" and found[4] == "overlegde"
    assert found[0] == t.tokens[3].start and found[1] == t.tokens[8].end
    conj = tree([*rows[:3], ("nadat", "nadat", "SCONJ", "mark", 8, ""), *rows[4:]])
    assert passing_contacts(conj, 0, 60, G) == []


def test_a_name_the_parse_took_for_a_particle_stays_out_of_the_lemma() -> None:
    t = tree(
        [
            ("belde", "bellen", "VERB", "ROOT", 0, "Tense=Past|VerbForm=Fin"),
            ("Zelensky", "Zelensky", "PROPN", "compound:prt", 0, ""),
        ]
    )
    assert lemma(t, t.tokens[0]) == "bellen"


def test_a_contact_word_with_a_preposition_is_a_noun_named_in_passing() -> None:
    # "Hij meldt een doorbraak na telefoongesprekken met Poetin", the plural tagged
    # as an infinitive
    t = tree(
        [
            ("Hij", "hij", "PRON", "nsubj", 1, ""),
            ("meldt", "melden", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("een", "een", "DET", "det", 3, ""),
            ("doorbraak", "doorbraak", "NOUN", "obj", 1, ""),
            ("na", "na", "ADP", "case", 5, ""),
            ("telefoongesprekken", "telefoongesprek", "VERB", "obl", 1, "VerbForm=Inf"),
            ("met", "met", "ADP", "case", 7, ""),
            ("Poetin", "Poetin", "PROPN", "nmod", 5, ""),
        ]
    )
    (found,) = passing_contacts(t, 0, 80, G)
    assert found[2] == "na" and found[4] == "na telefoongesprekken"
