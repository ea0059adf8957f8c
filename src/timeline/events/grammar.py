"""General Dutch grammar over the linguistic layer (`syntax.Tree`).

Two mechanisms the event builder applies to every sentence, their words in
`lang/nl/grammar.toml`:

- `contact_words`: contact words found by lemma and by compound head, so every
  inflection of a contact verb counts ("spraken", "opgebeld") and so does every
  compound of a contact noun ("vredesoverleg", "videogesprek");
- `governed_status`: the factuality a contact noun takes from the predicate that
  governs it ("plannen een top": planned; "blazen het overleg af": cancelled),
  from its modifiers ("een mogelijke top": proposed), from the conjunction of its
  clause ("zodra ze een gesprek hebben": planned) and from its verb group;
- and the smaller views the builder asks for: contacts named in passing, scope
  (habits and states), a pronoun subject, a relative pronoun's antecedent, a
  phrase told ahead under a modal.

All read only lemmas, parts of speech, morphology and arcs; without the syntax
pipeline (`Tree` empty) they find nothing and the builder's string cues decide.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from timeline.resources import load_toml
from timeline.schema import EventStatus, EventType, Token
from timeline.syntax import Tree, base_lemma, feature
from timeline.timex.tense import (
    holds_participle,
    light_verbs,
    present_finite,
    tree_aux,
)

NOMINAL_RELS = frozenset({"obj", "obl", "nmod", "nsubj", "nsubj:pass", "obl:arg", "iobj", "appos"})
VERBAL = frozenset({"VERB", "AUX"})


@dataclass(frozen=True)
class Grammar:
    lemmas: dict[str, EventType]
    heads: tuple[tuple[str, EventType], ...]  # compound heads, longest first
    call_prefixes: tuple[str, ...]
    not_contacts: frozenset[str]
    governors: dict[str, EventStatus]
    modifiers: dict[str, EventStatus]
    marks: dict[str, EventStatus]
    reportative_aux: frozenset[str]
    perfect_aux: frozenset[str]
    light_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]
    passing_preps: frozenset[str]
    embedded_clauses: frozenset[str]
    senders: frozenset[str]
    future_aux: frozenset[str]
    habitual: frozenset[str]
    states: dict[str, frozenset[str]]
    demonstratives: frozenset[str]


def _by_word(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: key for key, words in table.items() for word in words}


@cache
def grammar() -> Grammar:
    data = load_toml("grammar.toml")
    heads = data["compounds"]["heads"]
    return Grammar(
        lemmas=_by_word(data["lemmas"]),  # type: ignore[arg-type]
        heads=tuple(sorted(heads.items(), key=lambda kv: -len(kv[0]))),
        call_prefixes=tuple(data["compounds"]["call_prefixes"]),
        not_contacts=frozenset(data["compounds"]["not_contacts"]),
        governors=_by_word(data["governors"]),  # type: ignore[arg-type]
        modifiers=_by_word(data["modifiers"]),  # type: ignore[arg-type]
        marks=_by_word(data["marks"]),  # type: ignore[arg-type]
        reportative_aux=frozenset(data["tense"]["reportative_aux"]),
        perfect_aux=tree_aux()[1],
        light_verbs=light_verbs(),
        occurrence_verbs=frozenset(data["tense"]["occurrence_verbs"]),
        passing_preps=frozenset(data["passing"]["prepositions"]),
        embedded_clauses=frozenset(data["passing"]["embedded_clauses"]),
        senders=frozenset(data["sending"]["lemmas"]),
        future_aux=tree_aux()[0],
        habitual=frozenset(data["scope"]["habitual"]),
        states={k: frozenset(v) for k, v in data["scope"]["states"].items()},
        demonstratives=frozenset(data["discourse"]["demonstratives"]),
    )


def lemma(tree: Tree, t: Token) -> str:
    """The lemma as one lower-case word, a separated particle joined on ("kijkt ... uit"),
    also where the tagger took the verb for a noun ("legden ... vast")."""
    base = base_lemma(t)
    for c in tree.children(t):
        if c.dep == "compound:prt" and c.text.islower() and not base.startswith(c.text):
            return c.text + base  # not a name the parse took for a particle
    return base


def contact_type(tree: Tree, t: Token, g: Grammar) -> EventType | None:
    """The contact type of one token by its lemma or its compound head, else None."""
    lem = lemma(tree, t)
    if lem in g.lemmas and t.pos in ("VERB", "NOUN"):
        return g.lemmas[lem]
    if t.pos != "NOUN":
        return None
    low = t.text.lower()
    if low in g.not_contacts or "-" in low:
        return None
    for head, etype in g.heads:
        if low.endswith(head) and len(low) - len(head) >= 3:
            return "call" if low.startswith(g.call_prefixes) else etype
    return None


def contact_words(
    tree: Tree, start: int, end: int, g: Grammar
) -> list[tuple[int, int, EventType, str]]:
    """(start, end, type, word) of the contact words in [start, end) of the article text,
    offsets relative to `start` (the sentence), as `contact_words.find_triggers` gives."""
    out = []
    for t in tree.at(start, end):
        etype = contact_type(tree, t, g)
        if etype is not None:
            out.append((t.start - start, t.end - start, etype, t.text))
    return out


def passing_contacts(
    tree: Tree, start: int, end: int, g: Grammar
) -> list[tuple[int, int, str, str, str]]:
    """Contacts named in passing in [start, end): (start, end, preposition, determiner,
    head phrase), offsets relative to `start`, the phrase from its preposition to the
    end of the contact noun's subtree (cut at `end`)."""
    out = []
    for t in tree.at(start, end):
        if t.pos == "VERB" and (clause := _embedded_contact(tree, t, g)) is not None:
            s, e = tree.span(t)
            s, e = max(s, start), min(e, end)
            out.append((s - start, e - start, clause, "", t.text))
            continue
        case = _case(tree, t, g)
        # a word with a preposition of its own is a noun, whatever the tagger said
        # ("na telefoongesprekken met ..." tagged as an infinitive)
        if (t.pos != "NOUN" and case is None) or contact_type(tree, t, g) is None:
            continue
        head = tree.head(t)
        if case is None or head is None:
            continue
        under_contact = contact_type(tree, head, g) is not None and t.dep != "conj"
        if lemma(tree, case) not in g.passing_preps and not under_contact:
            continue
        det = next((c.text.lower() for c in tree.children(t) if c.dep in ("det", "nmod:poss")), "")
        # "na overleg met Scholz en een ontmoeting met Tusk": each
        # contact noun of a coordination is a contact of its own
        s, e = tree.span(t, skip=_conjunct_contacts(tree, t, g))
        s, e = max(s, case.start), min(e, end)
        first = case if case.start >= s else tree.at(s, e)[0]  # a conjunct: its own words
        out.append((s - start, e - start, case.text.lower(), det, tree_text(tree, first, t)))
    return out


def _own_case(tree: Tree, t: Token) -> Token | None:
    return next((c for c in tree.children(t) if c.dep == "case" and c.start < t.start), None)


def _case(tree: Tree, t: Token, g: Grammar) -> Token | None:
    """The preposition of the phrase `t` heads; for a contact noun coordinated inside
    another's phrase ("na X met A en een Y met B"), the preposition of that phrase."""
    case = _own_case(tree, t)
    if case is not None or t.dep != "conj":
        return case
    for anc in tree.ancestors(t):
        if contact_type(tree, anc, g) is not None:
            return _own_case(tree, anc)
    return None


def _conjunct_contacts(tree: Tree, t: Token, g: Grammar) -> list[Token]:
    """The contact nouns coordinated inside the phrase of `t`: contacts of their own."""
    out, todo = [], list(tree.children(t))
    while todo:
        cur = todo.pop()
        if cur.dep == "conj" and contact_type(tree, cur, g) is not None:
            out.append(cur)
        else:
            todo.extend(tree.children(cur))
    return out


def _embedded_contact(tree: Tree, t: Token, g: Grammar) -> str | None:
    """A contact verb whose clause a preposition makes the topic of another contact
    word ("sprak Rutte over wat hij met Zelensky had overlegd") names a contact in
    passing: the preposition. Clauses with a conjunction ("nadat", "om te") are clauses
    of their own (`lexicon.clauses`)."""
    head = tree.head(t)
    if (
        t.dep not in g.embedded_clauses
        or head is None
        or head is t
        or contact_type(tree, t, g) is None
        or contact_type(tree, head, g) is None
    ):
        return None
    intro = next((c for c in tree.children(t) if c.dep == "case" and c.i < t.i), None)
    return intro.text.lower() if intro is not None else None


def tree_text(tree: Tree, first: Token, last: Token) -> str:
    """The words from `first` to `last` (inclusive), joined by single spaces."""
    return " ".join(tree.tokens[i].text for i in range(first.i, last.i + 1) if i in tree.tokens)


def out_of_scope(tree: Tree, triggers: Iterable[Token], g: Grammar) -> str | None:
    """Why the contact words report no single contact ([scope] in grammar.toml): a
    habitual adverb in their clause, or a contact noun held by a state verb in the
    present ("heeft contact met"; "heeft contact gehad" is a contact); else None."""
    seen: set[int] = set()
    for t in triggers:
        head = tree.head(t)
        while head is not None and head.tag.startswith("WW|inf|nom"):
            head = tree.head(head)  # "heeft naar haar weten contact": past the nominal "weten"
        states = g.states.get(lemma(tree, t))
        if (
            states
            and head is not None
            and lemma(tree, head) in states
            and not _past(tree, head)
            and not holds_participle(tree, head)
        ):
            return f"a state: {head.text!r} {t.text!r}"
        verb = _clause_verb(tree, t)
        for node in (t, verb) if verb is not None else (t,):
            if node.i in seen:
                continue  # the clause verb of several contact words: once
            seen.add(node.i)
            for c in tree.children(node):
                asked = tree.tokens.get(c.i - 1)  # "hoe vaak": a question, not a habit
                if (
                    c.dep in ("advmod", "obl")
                    and lemma(tree, c) in g.habitual
                    and not (asked is not None and asked.text.lower() == "hoe")
                ):
                    return f"habitual: {c.text!r}"
    return None


def told_ahead(tree: Tree, start: int, end: int, g: Grammar) -> bool:
    """Does the verb group governing the phrase in [start, end) put it ahead: an
    auxiliary of the future or a modal ("wil het tijdens een lunch met Rutte bespreken")?"""
    root = tree.head_of(start, end)
    if root is None:
        return False
    verb = root if root.pos in VERBAL else _clause_verb(tree, root)
    governor = tree.head(root)
    if governor is not None and any(c.dep == "aux" for c in tree.children(governor)):
        verb = governor  # a verb the tagger took for a noun still has its auxiliaries
    if verb is None or _past(tree, verb):
        return False
    head = tree.head(verb)
    modal = verb.dep == "xcomp" and head is not None and lemma(tree, head) in g.future_aux
    # "wil hij bespreken tijdens hun ontmoeting", the phrase hanging from the modal itself
    own = lemma(tree, verb) in g.future_aux
    return modal or own or any(lemma(tree, a) in g.future_aux for a in _auxiliaries(tree, verb))


def relative_antecedent(tree: Tree, start: int, end: int) -> int | None:
    """The character offset of the noun a relative clause in [start, end) hangs from,
    when the clause's subject is its relative pronoun ("Macron, die ... belde"); else None."""
    for t in tree.at(start, end):
        if t.dep.startswith("nsubj") and "PronType=Rel" in t.morph:
            clause = tree.head(t)
            if clause is not None and clause.dep == "acl:relcl" and tree.head(clause):
                return tree.head(clause).start  # type: ignore[union-attr]
            # a rough parse: the word right before the pronoun (", die ...")
            before = [x for x in (tree.tokens.get(t.i - k) for k in (1, 2)) if x is not None]
            word = next((x for x in before if x.pos != "PUNCT"), None)
            return word.start if word is not None and word.pos in ("PROPN", "NOUN") else None
    return None


def pronoun_subject(tree: Tree, start: int, end: int) -> bool:
    """Is the subject of the main clause in [start, end) a personal pronoun ("Hij zegt")?"""
    for t in tree.at(start, end):
        head = tree.head(t)
        if t.dep.startswith("nsubj") and head is not None and head.dep == "ROOT":
            return t.pos == "PRON" and "Prs" in t.morph and "Person=3" in t.morph
    return False


def _clause_verb(tree: Tree, t: Token) -> Token | None:
    if t.pos in VERBAL:
        return t
    return next((a for a in tree.ancestors(t) if a.pos in VERBAL), None)


def _auxiliaries(tree: Tree, verb: Token) -> list[Token]:
    return [c for c in tree.children(verb) if c.dep in ("aux", "aux:pass", "cop")]


def _past(tree: Tree, verb: Token) -> bool:
    group = [verb, *_auxiliaries(tree, verb)]
    return any(feature(v, "Tense") == "Past" for v in group) or (
        feature(verb, "VerbForm") == "Part" and any(c.dep == "aux" for c in tree.children(verb))
    )


def verb_group_status(tree: Tree, verb: Token, g: Grammar) -> tuple[EventStatus, list[str]] | None:
    """The status the verb group of a contact's clause gives it, or None.

    "zou(den) ... hebben gesproken" claims, "zou(den) ... bellen" (the future in the
    past) announces; a present-tense contact verb ("spreekt met", "belt") announces;
    so does a light verb in the present holding a contact noun ("heeft dinsdag een
    gesprek").
    """
    aux = _auxiliaries(tree, verb)
    head = tree.head(verb)
    if (
        not aux
        and feature(verb, "VerbForm") == "Part"
        and head is not None
        and lemma(tree, head) in g.perfect_aux
    ):
        aux = [head, *_auxiliaries(tree, head)]  # "zou ... hebben gebeld", "hebben" the head
    lemmas = {lemma(tree, a) for a in aux}
    if (
        any(lemma(tree, a) in g.reportative_aux and feature(a, "Tense") == "Past" for a in aux)
        and lemmas & g.perfect_aux
        and feature(verb, "VerbForm") == "Part"
    ):
        return "claimed", [f"reported: {' '.join(a.text for a in aux)} ... {verb.text}"]
    if (
        any(lemma(tree, a) in g.reportative_aux and feature(a, "Tense") == "Past" for a in aux)
        and not lemmas & g.perfect_aux
        and feature(verb, "VerbForm") == "Inf"
    ):
        return "planned", [f"future in the past: {' '.join(a.text for a in aux)} ... {verb.text}"]
    if present_finite(tree, verb, lemma(tree, verb) in g.light_verbs):
        return "planned", [f"present tense: {verb.text!r}"]
    if lemma(tree, verb) in g.light_verbs and feature(verb, "VerbForm") == "Inf":
        head = tree.head(verb)
        if head is not None and head.pos in VERBAL and present_finite(tree, head):
            return "planned", [f"present tense: {head.text!r} ... {verb.text!r}"]
    return None


def predicate_of_pronoun(tree: Tree, triggers: Iterable[Token]) -> bool:
    """A contact noun that is the predicate of a pronoun subject ("Het was een positief
    gesprek", "Dat was een goede ontmoeting") says what the contact just told was."""
    for t in triggers:
        kids = tree.children(t) if t.pos == "NOUN" else []
        if any(c.dep == "cop" for c in kids) and any(
            c.dep.startswith("nsubj") and c.pos == "PRON" for c in kids
        ):
            return True
    return False


def demonstrative_alone(tree: Tree, triggers: Iterable[Token], g: Grammar) -> bool:
    """A contact noun with a demonstrative ("die gesprekken", "dat overleg") and no
    name or pronoun in its own phrase: it points back at a contact already told."""
    for t in triggers:
        kids = tree.children(t) if t.pos == "NOUN" else []
        if any(c.dep == "det" and base_lemma(c) in g.demonstratives for c in kids):
            lo, hi = tree.span(t)
            own = [w for w in tree.at(lo, hi) if w is not t and w.dep != "det"]
            return not any(w.pos in ("PROPN", "PRON") for w in own)
    return False


def modifier_status(tree: Tree, t: Token, g: Grammar) -> tuple[EventStatus, str] | None:
    """The status a modifier of the contact noun `t` gives it ("een mogelijke top",
    "het geplande overleg"), and the cue."""
    for c in tree.children(t):
        if c.dep in ("amod", "advmod") and lemma(tree, c) in g.modifiers:
            return g.modifiers[lemma(tree, c)], f"modified by {c.text!r}"
    return None


def governed_status(
    tree: Tree, triggers: Iterable[Token], g: Grammar
) -> tuple[EventStatus, list[str]] | None:
    """The status the grammar of a contact word's own phrase and clause gives it."""
    for t in triggers:
        verb = _clause_verb(tree, t)
        if t.pos == "NOUN":
            node = t
            for anc in tree.ancestors(t):
                if node.dep not in NOMINAL_RELS and node.dep != "amod":
                    break
                word = lemma(tree, anc)
                if word in g.governors:
                    # "stelt voor om een top te organiseren": the outer governor decides
                    outer = _embedding_governor(tree, anc, g) if anc.pos in VERBAL else None
                    return outer or (g.governors[word], [f"governed by {anc.text!r}"])
                if anc.pos in VERBAL:
                    break
                node = anc
            if (modified := modifier_status(tree, t, g)) is not None:
                return modified[0], [modified[1]]
        if verb is None:
            continue
        if not _past(tree, verb):
            for c in tree.children(verb):
                if c.dep == "mark" and lemma(tree, c) in g.marks:
                    return g.marks[lemma(tree, c)], [f"in a clause with {c.text!r}"]
        if (embedding := _embedding_governor(tree, verb, g)) is not None:
            return embedding
        own = (
            verb is t
            or (t.dep == "obj" and lemma(tree, verb) in g.light_verbs)
            or (t.dep.startswith("nsubj") and lemma(tree, verb) in g.occurrence_verbs)
        )
        if own and (found := verb_group_status(tree, verb, g)) is not None:
            return found
    return None


def _embedding_governor(
    tree: Tree, verb: Token, g: Grammar
) -> tuple[EventStatus, list[str]] | None:
    """The status a verb of planning or proposing gives the complement clause the
    contact is in ("wenst dat er een gesprek plaatsvindt", "stelt voor om een ontmoeting te
    organiseren"): the outermost such verb."""
    found = None
    node = verb
    while node.dep in ("ccomp", "xcomp") and (head := tree.head(node)) is not None:
        if lemma(tree, head) in g.governors:
            found = g.governors[lemma(tree, head)], [f"in a clause under {head.text!r}"]
        node = head
    return found
