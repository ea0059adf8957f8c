"""Direction from tense: is a bare weekday in this sentence past or future?

The cue words are data (lang/nl/tense_cues.toml). The nearest cue to the time
expression within its sentence decides; a present-tense sentence without cues
gets the default (Dutch news uses the present for plans: "Zelensky reist vrijdag").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, lru_cache
from typing import Literal

from timeline.resources import load_toml
from timeline.schema import Token
from timeline.segment import MAX_SENTENCE_CHARS
from timeline.syntax import Tree, base_lemma, feature
from timeline.timex.values import Direction
from timeline.timex.words import words

_TOKEN = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


_MARK = re.compile(r"[.!?\n]")


@lru_cache(maxsize=8)
def _mark_ends(text: str) -> tuple[int, ...]:
    r"""Where each match of `_SENTENCE_END` in `text` ends, as `finditer` would find them.

    (A one-character class scans much faster than the alternation; the whitespace after
    "." is checked here: `\s` is `str.isspace`.)
    """
    out: list[int] = []
    pos = 0  # where the next match may start: finditer's matches do not overlap
    n = len(text)
    for p in [m.start() for m in _MARK.finditer(text)]:
        if p < pos:
            continue
        if text[p] == "\n":
            out.append(p + 1)
            pos = p + 1
        elif p + 1 < n and text[p + 1].isspace():
            out.append(p + 2)
            pos = p + 2
    return tuple(out)


def sentence_bounds(
    text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS
) -> tuple[int, int]:
    """The sentence around text[start:end], at most `limit` characters to either side:
    no real sentence is that long, and a text without full stops (a scraped table) is
    read around each expression, not whole for each one."""
    # the last mark that ends by `start`: what scanning text[:start] would find last
    ends = _mark_ends(text)
    i = bisect_right(ends, start) - 1
    lo = max(ends[i] if i >= 0 else 0, start - limit)
    # the first mark after `end` ends it, or `limit` characters on
    m2 = _SENTENCE_END.search(text, end, end + limit)
    return lo, (m2.start() + 1 if m2 else min(len(text), end + limit))


@lru_cache(maxsize=4096)
def cue_direction(token: str) -> Direction | None:
    w = words()
    t = token.lower()
    if t in w.future_cues:
        return "future"
    if t in w.past_cues:
        return "past"
    if t in w.not_past or t.endswith(("ende", "enden", "ste", "sten")):
        return None
    if w.weak_past.fullmatch(t) and not token[:1].isupper():
        return "past"
    if (
        t.startswith("ge")
        and len(t) > 5
        and t.endswith(("d", "t", "en"))
        and not token[:1].isupper()
    ):
        return "past"
    return None


_CLAUSE = re.compile(
    r"[,;:()]|\b(?:dat|die|omdat|nadat|voordat|als|toen|waar|waarna|terwijl|maar|hoewel|zodat|om)\b",
    re.IGNORECASE,
)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: between commas and subordinators, inside the sentence."""
    lo, hi = sentence_bounds(text, start, end)
    c_lo = lo
    for m in _CLAUSE.finditer(text, lo, start):
        c_lo = m.end()
    m2 = _CLAUSE.search(text, end, hi)
    return c_lo, (m2.start() if m2 else hi)


def direction_at(text: str, start: int, end: int) -> Direction:
    """The direction of the clause around text[start:end]; the default when it has no cue."""
    found = tense_at(text, start, end)
    if found is None:
        return "future" if words().default_direction == "future" else "past"
    return found


def tense_at(text: str, start: int, end: int) -> Direction | None:
    """The direction the nearest tense cue of the clause gives, or None without a cue."""
    lo, hi = clause_bounds(text, start, end)
    best: tuple[int, Direction] | None = None
    for m in _TOKEN.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        d = cue_direction(m.group())
        if d is None:
            continue
        dist = start - m.end() if m.end() <= start else m.start() - end
        # a cue before the expression is usually its clause's finite verb
        dist = dist if m.end() <= start else dist + 8
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else None


@lru_cache(maxsize=1)
def tree_aux() -> tuple[frozenset[str], frozenset[str]]:
    """(auxiliaries of the future and modals, perfect auxiliaries): `[tree]` of
    tense_cues.toml, shared with the event builder's grammar."""
    tree = load_toml("tense_cues.toml")["tree"]
    return frozenset(tree["future_aux"]), frozenset(tree["perfect_aux"])


@cache
def _future_in_past() -> frozenset[str]:
    return frozenset(load_toml("tense_cues.toml")["tree"]["future_in_past"])


_CLAUSAL = frozenset({"ccomp", "advcl", "acl", "acl:relcl", "parataxis", "xcomp", "csubj", "conj"})


def tree_direction(tree: Tree, start: int, end: int) -> Direction | Literal["present"] | None:
    """The direction the verb group governing text[start:end] gives (`[tree]` of
    tense_cues.toml): "past", "future", "present" for a plain present-tense finite
    verb ("Rutte reist woensdag": that day or later), or None when the tree says
    nothing (no parse, no verb)."""
    root = tree.head_of(start, end)
    if root is None:
        return None
    if _not_yet(tree, root):
        return "future"  # "het geplande overleg zondag"
    verb = None
    node = root
    for anc in tree.ancestors(root):
        if node.dep in _CLAUSAL and (node.dep != "conj" or node.pos in ("VERB", "AUX")):
            # the path leaves the clause before it meets a verb (a bad parse); a
            # conjunct word ("maandag of dinsdag") stays in its clause
            return None
        if anc.pos in ("VERB", "AUX"):
            verb = anc
            break
        node = anc
    if verb is None:
        return None
    aux = [c for c in tree.children(verb) if c.dep in ("aux", "aux:pass", "cop")]
    if not aux and feature(verb, "VerbForm") == "Inf":
        # "een verzoek om te reizen na het beraad van vrijdag": an infinitive has no
        # tense of its own; the finite verb it depends on gives it ("kreeg": past)
        finite = next((a for a in tree.ancestors(verb) if a.pos in ("VERB", "AUX")), None)
        if finite is not None and feature(finite, "VerbForm") == "Fin":
            verb = finite
            aux = [c for c in tree.children(verb) if c.dep in ("aux", "aux:pass", "cop")]
    future_aux, perfect_aux = tree_aux()
    group = [verb, *aux]
    perfect = feature(verb, "VerbForm") == "Part" and any(base_lemma(a) in perfect_aux for a in aux)
    if not perfect and any(
        feature(a, "Tense") == "Past" and base_lemma(a) in _future_in_past() for a in aux
    ):
        return "future"  # "zou maandag ingaan"
    if any(feature(v, "Tense") == "Past" for v in group) or perfect:
        return "past"
    if any(base_lemma(a) in future_aux for a in aux):
        return "future"
    light = base_lemma(verb) in light_verbs() and any(c.dep == "obj" for c in tree.children(verb))
    if present_finite(tree, verb, light):
        return "present"
    return None


@cache
def _not_yet_words() -> frozenset[str]:
    """Modifiers that say a contact has not taken place ([modifiers] of grammar.toml)."""
    mods = load_toml("grammar.toml")["modifiers"]
    return frozenset(w for words in mods.values() for w in words)


def _not_yet(tree: Tree, t: Token) -> bool:
    """`t` hangs from a noun a not-yet modifier qualifies ("het geplande overleg zondag",
    "de mogelijke top van vrijdag"); adjectives inflect with -e."""
    head = tree.head(t)
    if head is None or head.pos not in ("NOUN", "PROPN") or t.dep not in ("appos", "nmod", "flat"):
        return False
    words = _not_yet_words()
    return any(
        c.dep == "amod" and (c.text.lower() in words or c.text.lower().removesuffix("e") in words)
        for c in tree.children(head)
    )


@cache
def deadline_preps() -> frozenset[str]:
    return frozenset(load_toml("tense_cues.toml")["tree"]["deadline_preps"])


@cache
def light_verbs() -> frozenset[str]:
    return frozenset(load_toml("tense_cues.toml")["tree"]["light_verbs"])


def holds_participle(tree: Tree, verb: Token) -> bool:
    """A "hebben"/"zijn" that is an auxiliary or holds a participle is the perfect's
    auxiliary, however the parse attached the rest ("heeft geen contact ... bevestigd")."""
    return verb.dep in ("aux", "aux:pass") or any(
        feature(c, "VerbForm") == "Part" for c in tree.children(verb)
    )


def present_finite(tree: Tree, verb: Token, light: bool = False) -> bool:
    """A present-tense finite verb group with no auxiliary ("spreekt", "heeft ... een gesprek").

    The tagger's `Tense=Pres` is checked against the past-tense word forms of
    `tense_cues.toml`, so a mis-tagged "bespraken" stays past; a `light` verb ("heeft
    een gesprek") is a main verb here, not the perfect's auxiliary."""
    return (
        feature(verb, "Tense") == "Pres"
        and feature(verb, "VerbForm") == "Fin"
        and not any(c.dep in ("aux", "aux:pass", "cop") for c in tree.children(verb))
        and (light or cue_direction(verb.text) != "past")
        and not (light and holds_participle(tree, verb))
    )
