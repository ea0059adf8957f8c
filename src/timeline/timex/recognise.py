"""The recogniser: compiled patterns over the text → `Mention`s with underspecified values.

Rules are a table of (name, pattern, production), as in Duckling: the patterns
are data (lang/nl/time_rules.toml), filled with the word lists of
lang/nl/time_words.toml; a production (`productions.PRODUCTIONS`) turns a match
into a `Value` (or rejects it). Overlaps go to the longest match; then prefixes
("in", "op", "sinds", "tot", "vóór", "tussen … en") widen a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from timeline.resources import load_toml
from timeline.timex.productions import (
    PRODUCTIONS,
    WRAP_OPS,
    Production,
    context_pattern,
    norm,
    pieces,
)
from timeline.timex.tense import sentence_bounds
from timeline.timex.values import Value
from timeline.timex.words import words

__all__ = ["PRODUCTIONS", "Mention", "Rule", "compiled", "recognise", "sentence_of"]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    rule: str
    value: Value
    # "prev": anchored on the previous mention; "near": on a mention in the same sentence
    anchor: str | None = None


_PREFIX = re.compile(
    r"\b(?P<w>tot\s+en\s+met|sinds|sedert|vanaf|tot|vóór|voor|na|in|op|tussen)\s+$", re.IGNORECASE
)
_PREFIX_KINDS = {
    "in": {"month_name", "year_name", "season"},
    "op": {"date"},
    "sinds": {
        "month_name",
        "date",
        "year_name",
        "year",
        "month",
        "week",
        "weekday",
        "holiday",
        "season",
        "dom",
    },
    "tot": {
        "date",
        "day",
        "month_name",
        "year_name",
        "year",
        "month",
        "week",
        "weekday",
        "holiday",
        "season",
        "dom",
    },
    "vóór": {"year_name", "holiday", "month_name", "date"},
    "voor": {"holiday"},
    "na": {"year_name", "month_name", "date"},
}


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    production: Production
    anchor: str | None
    needs: tuple[str, ...]


@cache
def compiled() -> tuple[Rule, ...]:
    """The rules of lang/nl/time_rules.toml, with their word lists filled in."""
    fills = pieces(words())
    rules = []
    for r in load_toml("time_rules.toml")["rule"]:
        pattern = "".join(r["pattern"]).format(**fills)
        rules.append(
            Rule(
                name=r["name"],
                pattern=re.compile(pattern, re.IGNORECASE),
                production=PRODUCTIONS[r["name"]],
                anchor=r.get("anchor"),
                needs=tuple(r.get("needs", ())),
            )
        )
    return tuple(rules)


def _since_event_matches(text: str, lo: int, hi: int) -> list[Mention]:
    out: list[Mention] = []
    for m in re.finditer(
        r"\b(?P<op>sinds|sedert|vanaf)\s+",
        text[:hi],
        re.IGNORECASE,
    ):
        if m.start() < lo:
            continue
        for ev in words().events:
            em = ev.pattern.match(text, m.end(), min(hi, m.end() + 80))
            if em:
                op = WRAP_OPS[norm(m.group("op"))]
                v = Value("wrap", op=op, inner=Value("fixed", date=ev.date))
                out.append(Mention(m.start(), em.end(), "since_event", v))
                break
    return out


def recognise(text: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
    """All time expressions in text[lo:hi], non-overlapping, in text order (pure)."""
    hi = len(text) if hi is None else hi
    cands: list[Mention] = []
    low = text[lo:hi].lower()
    for rule in compiled():
        if rule.needs and not any(n in low for n in rule.needs):
            continue
        for m in rule.pattern.finditer(text, lo, hi):
            if m.end() == m.start():
                continue
            v = rule.production(m, text)
            if v is not None:
                cands.append(Mention(m.start(), m.end(), rule.name, v, rule.anchor))
    # an event clause that holds a time expression of its own is not one ("sinds Trump
    # bijna drie weken geleden opnieuw aantrad": the expression is "bijna drie weken geleden")
    for ev in _since_event_matches(text, lo, hi):
        if not any(ev.start < c.start and c.end <= ev.end for c in cands):
            cands.append(ev)
    # events after "kort voor" / "sinds" beat the shorter generic reading
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    chosen: list[Mention] = []
    for c in cands:
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return _widen(text, lo, chosen)


_DATED_KINDS = {"date", "weekday", "day", "holiday", "dom"}


@cache
def _counted_prefix() -> re.Pattern[str]:
    p = pieces(words())
    return re.compile(
        rf"\b(?P<num>{p['NUM']})\s+(?P<unit>{p['UNIT']})\s+(?P<dir>na|voor)\s+$", re.IGNORECASE
    )


def _widen(text: str, lo: int, ms: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for i, m in enumerate(ms):
        prev_end = out[-1].end if out else lo
        # "twee dagen na 18 maart": a shift from a dated expression
        nm = _counted_prefix().search(text, max(lo, m.start - 40), m.start)
        if nm and nm.start() >= prev_end and m.value.kind in _DATED_KINDS:
            ws = words()
            n, _ = ws.count(nm.group("num"))
            op = "na_n" if nm.group("dir").lower() == "na" else "voor_n"
            unit = ws.unit(nm.group("unit"))
            v = Value("wrap", op=op, lo=n, unit=unit, inner=m.value)  # type: ignore[arg-type]
            out.append(Mention(nm.start(), m.end, f"{m.rule}+{op}", v))
            continue
        pm = _PREFIX.search(text, max(lo, m.start - 16), m.start)
        if pm and pm.start() >= prev_end:
            w = norm(pm.group("w"))
            key = {"tot en met": "tot", "vanaf": "sinds", "sedert": "sinds"}.get(w, w)
            if key == "tussen":
                nxt = ms[i + 1] if i + 1 < len(ms) else None
                if nxt and re.fullmatch(r"\s+en\s+", text[m.end : nxt.start]):
                    v = Value("pair", inner=m.value, other=nxt.value)
                    out.append(Mention(pm.start(), nxt.end, "tussen", v))
                    ms[i + 1] = replace(nxt, rule="_merged")
                    continue
            elif m.value.kind in _PREFIX_KINDS.get(key, set()) and _may_widen(
                text, pm.start(), m, key
            ):
                if key in ("in", "op"):
                    m = replace(m, start=pm.start())
                    pm2 = _PREFIX.search(text, max(lo, m.start - 16), m.start)
                    if pm2 and pm2.start() >= prev_end and norm(pm2.group("w")) == "sinds":
                        pm, key = pm2, "sinds"
                if key not in ("in", "op"):
                    op = WRAP_OPS[key]
                    m = Mention(
                        pm.start(), m.end, f"{m.rule}+{key}", Value("wrap", op=op, inner=m.value)
                    )
        if m.rule == "_merged":
            continue
        out.append(m)
    return out


@cache
def _coordinated() -> re.Pattern[str]:
    """ "in mei en juni": a preposition shared by two expressions."""
    p = pieces(words())
    return re.compile(rf"\s+en\s+(?:\d|(?:{p['MON']}|{p['WD']})\b)", re.IGNORECASE)


def _may_widen(text: str, pos: int, m: Mention, key: str) -> bool:
    """Whether the preposition belongs to the expression.

    Not after a focus adverb ("uiterlijk in 2035", "voor het laatst op 14 juni"),
    not when it governs a coordination ("in mei en juni"), not for the target
    of a postponement ("uitgesteld tot 10 maart"); plain "voor" only before a
    definite holiday ("voor de jaarwisseling").
    """
    before = text[max(0, pos - 30) : pos]
    if context_pattern("focus").search(before):
        return False
    if key in ("in", "op") and _coordinated().match(text, m.end):
        return False
    if key == "tot" and context_pattern("postponement").search(before):
        return False
    return not (key == "voor" and not text[m.start : m.end].lower().startswith("de "))


def sentence_of(text: str, m: Mention) -> tuple[int, int]:
    return sentence_bounds(text, m.start, m.end)
