"""Dutch time expressions: recognise (`recognise.py`), then resolve (`resolve.py`).

find_timexes(article)      every time expression of the body, resolved
narrow_published(article)  the publication date, narrowed where the text pins it
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from timeline.schema import Article, Interval, Published, TimeExpression, Token
from timeline.syntax import Tree, base_lemma
from timeline.timex.narrow import narrow_published
from timeline.timex.recognise import Mention, recognise, sentence_of
from timeline.timex.resolve import Resolved, resolve
from timeline.timex.tense import deadline_preps, tree_direction

__all__ = ["find_timexes", "narrow_published", "resolve_mentions"]


# a weekday with its own direction word ("afgelopen dinsdag", "komende vrijdag")
_EXPLICIT = re.compile(
    r"(?i)(?:afgelopen|vorige|komende|volgende|aanstaande|deze|jongstleden|eerstvolgende)\b"
)
_DAYLIKE = {"day", "weekday", "date", "dom", "holiday", "fixed", "anchor", "night", "night_of"}


def _bounded(r: Resolved) -> bool:
    return (
        r.earliest is not None
        and r.latest is not None
        and r.value not in ("PAST_REF", "FUTURE_REF")
    )


_HEADING = re.compile(r"(?:\A|\n\n)([^\n.!?]{1,60})\n\n")


def _section_start(text: str, pos: int) -> int:
    """Start of the section holding `pos`: after the last sub-heading (a short line on its own)."""
    ends = _heading_ends(text)
    i = bisect_right(ends, pos) - 1
    return ends[i] if i >= 0 else 0


@lru_cache(maxsize=8)
def _heading_ends(text: str) -> tuple[int, ...]:
    """Where each sub-heading of `text` ends, in order: found once per text, not once
    per expression anchored on its section. (A heading holds no line break, so the
    headings found up to any position are the first of these.)"""
    return tuple(m.end() for m in _HEADING.finditer(text))


def _anchor(
    text: str,
    i: int,
    ms: list[Mention],
    done: list[Resolved | None],
    mode: str | None,
    dct: Interval | None = None,
) -> Interval | None:
    """The date an anchored expression refers to: the previous mention, or one in its sentence."""
    if mode is None:
        return None
    prev = _previous(text, i, ms, done)
    if mode == "near":
        lo, hi = sentence_of(text, ms[i])
        if prev is not None and ms[prev].start >= lo:
            r = done[prev]
            return r.interval if r else None
        if _unanchored_after(i, ms, hi):
            return None  # resolved in a second pass, see resolve_mentions
    if prev is not None:
        r = done[prev]
        if r is None:
            return None
        if mode == "near" and dct is not None and _undated_clause(text, ms[i]):
            return _until_dct(r.interval, dct)
        return r.interval
    return None


def _previous(text: str, i: int, ms: list[Mention], done: list[Resolved | None]) -> int | None:
    """The latest mention before `ms[i]` that resolved to a bounded date (for "een dag
    later", "eerder op de dag": a day, not a month; for "op de dag": one in its
    section). `ms` is in text order, so the walk back stops at the first that fits
    (or at the section's start), not at the article's."""
    m = ms[i]
    daylike = m.value.kind == "anchor"
    par = _section_start(text, m.start) if daylike and m.rule == "sameday" else 0
    for j in range(i - 1, -1, -1):
        if ms[j].start < par:
            return None
        r = done[j]
        if r is not None and _bounded(r) and (not daylike or ms[j].value.kind in _DAYLIKE):
            return j
    return None


def _unanchored_after(i: int, ms: list[Mention], hi: int) -> bool:
    """Is there a mention without an anchor after `ms[i]` in its sentence (ending at `hi`)?"""
    j = i + 1
    while j < len(ms) and ms[j].start < hi:
        if ms[j].anchor is None:
            return True
        j += 1
    return False


def _undated_clause(text: str, m: Mention) -> bool:
    """ "kort voordat hij vertrok" with no date in its sentence: the clause's own event."""
    return text[m.start : m.end].lower().endswith(("voordat", "nadat"))


def _until_dct(prev: Interval, dct: Interval) -> Interval:
    """An undated past event told after a dated one lies between that date and the DCT.

    "Het gesprek dat Trump gisteren voerde … Dat zei hij, kort voordat hij naar Iowa
    vloog": the flight is after the call and before publication, not on the call's day.
    """
    if prev.earliest is None or prev.latest is None or dct.latest is None:
        return prev
    if prev.latest > dct.latest:
        return prev
    return Interval(earliest=prev.earliest, latest=dct.latest)


def resolve_mentions(text: str, ms: list[Mention], dct: Interval) -> list[Resolved | None]:
    done: list[Resolved | None] = [None] * len(ms)
    for i, m in enumerate(ms):
        if m.anchor is None or (m.value.kind == "wrap" and m.value.inner is not None):
            done[i] = resolve(m.value, dct)
    for i, m in enumerate(ms):
        if done[i] is not None:
            continue
        anchor = _anchor(text, i, ms, done, m.anchor, dct)
        if anchor is None and m.anchor == "near":
            # the first bounded mention after it, in its sentence or later
            later = next(
                (r for j in range(i + 1, len(ms)) if (r := done[j]) is not None and _bounded(r)),
                None,
            )
            if later is not None:
                anchor = later.interval
        if anchor is None and m.anchor == "prev" and m.rule == "shift":
            # "twee jaar later" with no date before it: later than what is not said
            done[i] = Resolved(None, None, None, "open")
            continue
        done[i] = resolve(m.value, dct, anchor or dct)
    return done


def find_timexes(article: Article, tokens: Sequence[Token] = ()) -> list[TimeExpression]:
    """All time expressions of the body, resolved against `article.published.interval`.

    With the article's `tokens` (the linguistic layer), a bare weekday takes its
    direction from the verb group of its clause where that decides it."""
    text = article.text
    dct = article.published.interval
    ms = recognise(text, article.body_start)
    if tokens:
        ms = _directed(ms, Tree(tokens), text, dct.earliest == dct.latest)
    out: list[TimeExpression] = []
    for m, r in zip(ms, resolve_mentions(text, ms, dct), strict=True):
        if r is None:
            continue
        out.append(
            TimeExpression(
                text=text[m.start : m.end],
                start=m.start,
                end=m.end,
                earliest=r.earliest,
                latest=r.latest,
                value=r.value,
                granularity=r.granularity,  # type: ignore[arg-type]
                rule=m.rule,
                note=_note(m, article.published),
            )
        )
    return out


def _directed(ms: list[Mention], tree: Tree, text: str, day_known: bool) -> list[Mention]:
    """Bare weekdays and month names directed by the verb group of their clause
    (`tense.tree_direction`).

    A weekday told in the present is that day or the next such day; the article's
    own weekday is that day, but only when the date line gives the day. A month name
    that hangs from a verb takes a past or future verb group's direction ("hadden in
    februari willen tekenen"); the present says nothing about a month."""
    out = []
    for m in ms:
        v = m.value
        if v.kind == "month_name" and v.year is None and not _EXPLICIT.match(text, m.start):
            found = tree_direction(tree, m.start, m.end) if _on_verb(tree, m) else None
            if found in ("past", "future"):
                m = m._replace(value=v._replace(direction=found))
        elif v.kind == "weekday" and v.part is None and not _EXPLICIT.match(text, m.start):
            found = tree_direction(tree, m.start, m.end)
            direction = "future" if found == "present" else found or v.direction
            # the article's own weekday is today, ahead as well as past ("komen maandag"
            # on a Monday), when the date line gives the day
            today = "today" if day_known and direction == "future" else None
            m = m._replace(value=v._replace(direction=direction, part=today))
        out.append(m)
    return out


def _on_verb(tree: Tree, m: Mention) -> bool:
    """The expression hangs from a verb itself, not from a noun ("een voorstel voor
    een top in augustus" dates the top, whatever tense proposed it), and no deadline
    preposition puts it ahead ("nog voor eind augustus")."""
    root = tree.head_of(m.start, m.end)
    head = tree.head(root) if root is not None else None
    if root is None or head is None or head.pos not in ("VERB", "AUX"):
        return False
    deadline = deadline_preps()
    return not any(c.dep == "case" and base_lemma(c) in deadline for c in tree.children(root))


def _note(m: Mention, published: Published) -> str:
    v = m.value
    bits = [v.kind]
    if v.direction:
        bits.append(v.direction)
    if v.op:
        bits.append(v.op)
    if m.anchor:
        bits.append(f"anchored on the {'previous' if m.anchor == 'prev' else 'nearest'} date")
    bits.append(f"against DCT {published.text}")
    return "; ".join(bits)
