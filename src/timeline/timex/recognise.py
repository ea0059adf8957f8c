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
    "in": {"month_name", "year_name", "season", "quarter"},
    "op": {"date", "dayrange"},
    "sinds": {
        "quarter",
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
        "quarter",
        "dayrange",
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
    # the same pattern without IGNORECASE, for the lower-cased text (None if not equivalent)
    lowered: re.Pattern[str] | None = None
    # lower-case strings one of which every match contains (from `needs`)
    keys: tuple[str, ...] = ()


# Characters whose IGNORECASE matching against a lower-case-stable literal of this set, and
# whose \w, \d, \s and \b behaviour, equal case-sensitive matching of their str.lower(), which
# is one character (checked over all code points: not "ſ", "ı", "İ", "µ").
_SAFE_CHARS = "\x00-\x7f\u00a0-\u00b4\u00b6-\u00ff\u2000-\u206f\u20a0-\u20cf"
_UNSAFE = re.compile(f"[^{_SAFE_CHARS}]")
_SAFE_CHAR = re.compile(f"[{_SAFE_CHARS}]")


def _literal_ok(c: int) -> bool:
    ch = chr(c)
    return ch.lower() == ch and _SAFE_CHAR.fullmatch(ch) is not None


def _case_free(pattern: str) -> bool:
    """Whether `pattern` under IGNORECASE equals it case-sensitively on lower-cased safe text."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import sre_constants as c
        import sre_parse

    def ok(items) -> bool:  # type: ignore[no-untyped-def]
        for op, av in items:
            if op is c.LITERAL:
                if not _literal_ok(av):
                    return False
            elif op is c.IN:
                for o, a in av:
                    if o is c.LITERAL:
                        if not _literal_ok(a):
                            return False
                    elif o is c.CATEGORY:
                        if a not in (c.CATEGORY_DIGIT, c.CATEGORY_SPACE, c.CATEGORY_WORD):
                            return False
                    elif o is not c.NEGATE:
                        return False
            elif op is c.BRANCH:
                if not all(ok(b) for b in av[1]):
                    return False
            elif op is c.SUBPATTERN:
                if not ok(av[3]):
                    return False
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                if not ok(av[2]):
                    return False
            elif op in (c.ASSERT, c.ASSERT_NOT):
                if not ok(av[1]):
                    return False
            elif op is c.AT:
                if av not in (c.AT_BOUNDARY, c.AT_NON_BOUNDARY):
                    return False
            else:
                return False
        return True

    return ok(sre_parse.parse(pattern, re.IGNORECASE))


# How far a match may reach from the key inside it (plus what its lookarounds read), plus
# the longest key: a rule is run only on windows of this many characters around its keys.
_REACH = 64


@cache
def _keys() -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Every rule key (lower case) with the rules (indices into `compiled()`) it opens.

    A key that holds a shorter key ("vrijdag", "dag") is dropped and its rules go to the
    shorter one, whose windows lie within a key's length of its own: one search fewer.
    """
    by_key: dict[str, set[int]] = {}
    for i, r in enumerate(compiled()):
        for k in r.keys:
            by_key.setdefault(k, set()).add(i)
    short = [k for k in by_key if not any(o != k and o in k for o in by_key)]
    out: dict[str, set[int]] = {k: set() for k in short}
    for k, ix in by_key.items():
        for o in short:
            if o in k:
                out[o] |= ix
    return tuple((k, tuple(sorted(ix))) for k, ix in sorted(out.items()))


def _windows(low: str, lo: int, hi: int) -> dict[int, list[tuple[int, int]]]:
    """For each rule with a key in low[lo:hi], the merged windows around its keys.

    Every match of a rule contains one of its keys (time_rules.toml `needs`), and
    reaches at most `_REACH` characters from it, so the rule's matches in the
    windows are its matches in the text (checked in tests/test_timex.py).
    """
    spots: dict[int, list[tuple[int, int]]] = {}
    for key, rules in _keys():
        p = low.find(key, lo, hi)
        while p >= 0:
            s, e = max(lo, p - _REACH), min(hi, p + len(key) + _REACH)
            for i in rules:
                spots.setdefault(i, []).append((s, e))
            p = low.find(key, p + 1, hi)
    out: dict[int, list[tuple[int, int]]] = {}
    for i, ws in spots.items():
        ws.sort()
        merged = [ws[0]]
        for s, e in ws[1:]:
            if s <= merged[-1][1]:
                if e > merged[-1][1]:
                    merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        out[i] = merged
    return out


def _expand_needs(needs: list[str], lists: dict[str, list[str]]) -> tuple[str, ...]:
    """`needs` with each {LIST} replaced by the longest word of each of that list's entries."""
    out: set[str] = set()
    for n in needs:
        if n.startswith("{") and n.endswith("}"):
            out.update(max(w.lower().split(), key=len) for w in lists[n[1:-1]])
        elif n.strip():
            out.add(n.strip().lower())
    # a key that holds a shorter key adds no window
    return tuple(sorted(k for k in out if not any(o != k and o in k for o in out)))


@cache
def compiled() -> tuple[Rule, ...]:
    """The rules of lang/nl/time_rules.toml, with their word lists filled in."""
    w = words()
    fills = pieces(w)
    lists = {
        "WD": list(w.weekdays),
        "MON": list(w.months),
        "UNIT": list(w.units),
        "DEICTIC": list(w.deictic),
        "PASTREF": w.past_refs,
        "FUTREF": w.future_refs,
        "HOLIDAY": list(w.holidays),
        "SEASON": list(w.seasons),
        "QUARTER": list(w.quarters),
    }
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
                lowered=re.compile(pattern) if _case_free(pattern) else None,
                keys=_expand_needs(r.get("needs", []), lists),
            )
        )
    return tuple(rules)


_SINCE = re.compile(r"\b(?P<op>sinds|sedert|vanaf)\s+", re.IGNORECASE)


def _since_event_matches(text: str, lo: int, hi: int) -> list[Mention]:
    out: list[Mention] = []
    for m in _SINCE.finditer(text, lo, hi):
        for ev in words().events:
            em = ev.pattern.match(text, m.end(), min(hi, m.end() + 80))
            if em:
                op = WRAP_OPS[norm(m.group("op"))]
                v = Value("wrap", op=op, inner=Value("fixed", date=ev.date))
                out.append(Mention(m.start(), em.end(), "since_event", v))
                break
    return out


def recognise(
    text: str, lo: int = 0, hi: int | None = None, *, windowed: bool = True
) -> list[Mention]:
    """All time expressions in text[lo:hi], non-overlapping, in text order (pure).

    `windowed=False` runs every rule over the whole text (slower, the same result).
    """
    hi = len(text) if hi is None else hi
    cands: list[Mention] = []
    full_low = text.lower()
    low = full_low[lo:hi]
    # matching the lower-cased text case-sensitively is faster and, for these characters, the same
    fast = len(full_low) == len(text) and _UNSAFE.search(text) is None
    all_rules = compiled()
    # keys are found in the lower-cased text, whose offsets are the text's only when `fast`
    windows = _windows(full_low, lo, hi) if windowed and fast else None
    by_rule: dict[int, list[re.Match[str]]] = {}
    for i, rule in enumerate(all_rules):
        pattern = rule.lowered if fast and rule.lowered is not None else rule.pattern
        subject = full_low if pattern is rule.lowered else text
        if windows is None or not rule.keys:
            by_rule[i] = list(pattern.finditer(subject, lo, hi))
        else:
            by_rule[i] = [m for s, e in windows.get(i, ()) for m in pattern.finditer(subject, s, e)]
    active = list(by_rule)
    for i in active:
        rule = all_rules[i]
        for m in by_rule[i]:
            if m.end() == m.start():
                continue
            v = rule.production(m, text)
            if v is not None:
                cands.append(Mention(m.start(), m.end(), rule.name, v, rule.anchor))
    # an event clause that holds a time expression of its own is not one ("sinds Trump
    # bijna drie weken geleden opnieuw aantrad": the expression is "bijna drie weken geleden")
    since = ("sinds" in low or "sedert" in low or "vanaf" in low) if fast else True
    for ev in _since_event_matches(text, lo, hi) if since else ():
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


_DATED_KINDS = {"date", "weekday", "day", "holiday", "dom", "dayrange"}


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
