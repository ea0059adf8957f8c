"""The recogniser: compiled patterns over the text → `Mention`s with underspecified values.

Rules are a table of (name, pattern, production), as in Duckling: the patterns
are data (lang/nl/time_rules.toml), filled with the word lists of
lang/nl/time_words.toml; a production (`productions.PRODUCTIONS`) turns a match
into a `Value` (or rejects it). Overlaps go to the longest match; then prefixes
("in", "op", "sinds", "tot", "vóór", "tussen … en") widen a match.

Speed: one search for every rule's keys (`needs`, as a trie pattern), then each rule
runs only on the windows around its keys, case-sensitively on the lower-cased text
where that is the same (`_safe`); `recognise(..., windowed=False)` is the plain
reference the tests compare it with.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

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


class Mention(NamedTuple):
    start: int
    end: int
    rule: str
    value: Value
    # "prev": anchored on the previous mention; "near": on a mention in the same sentence
    anchor: str | None = None


_PREFIX = re.compile(
    r"\b(?P<w>tot\s+en\s+met|sinds|sedert|vanaf|tot|tegen(?:\s+de)?|vóór|voor|na|in|op|tussen)\s+$",
    re.IGNORECASE,
)
# how a text that `_PREFIX` matches at its end ends, once stripped of white space
_PREFIX_ENDS = (
    "met",
    "sinds",
    "sedert",
    "vanaf",
    "tot",
    "tegen",
    "tegen de",
    "vóór",
    "voor",
    "na",
    "in",
    "op",
    "tussen",
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
    # "tegen de kerst", "tegen het weekend": by then, from now
    "tegen": {"holiday", "weekend", "weekday", "date", "month_name"},
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
# (The C1 controls \x80-\x9f have no case and are no word characters: safe too.)
_SAFE_CHARS = "\x00-\u00b4\u00b6-\u00ff\u2000-\u206f\u20a0-\u20cf"
_UNSAFE = re.compile(f"[^{_SAFE_CHARS}]")
_SAFE_CHAR = re.compile(f"[{_SAFE_CHARS}]")


def _safe(text: str) -> bool:
    """No character outside `_SAFE_CHARS` (Latin-1 but "µ" first: the common case, fast)."""
    if text.isascii():
        return True
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return _UNSAFE.search(text) is None
    return "\xb5" not in text


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


# How far a match may reach before / after the key inside it, plus what its lookarounds
# read: a rule is run only on windows this wide around its keys.
_BEFORE = 40
_AFTER = 56


_WORD_START = "\\b"  # a key written "\bwort" starts a word in every match that holds it


@cache
def _keys(initial: bool) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The rule keys (lower case) that start a word (`initial`) or may stand anywhere,
    each with the rules (indices into `compiled()`) it opens.

    A key also opens the rules of each key of its kind it begins with ("dagen", "dag"):
    the search (`_key_pattern`) reports only the longest key starting at a position.
    """
    by_key: dict[str, set[int]] = {}
    for i, r in enumerate(compiled()):
        for k in r.keys:
            if k.startswith(_WORD_START) == initial:
                by_key.setdefault(k.removeprefix(_WORD_START), set()).add(i)
    out = {k: set().union(*(ix for o, ix in by_key.items() if k.startswith(o))) for k in by_key}
    return tuple((k, tuple(sorted(ix))) for k, ix in sorted(out.items()))


@cache
def _key_table(initial: bool) -> dict[str, tuple[int, ...]]:
    return dict(_keys(initial))


@cache
def _key_pattern(initial: bool) -> re.Pattern[str] | None:
    """The keys of a kind as one pattern: a trie (a branch per first character, and so
    on), longest first, so that searching again from the next character finds every
    occurrence of every key; word-initial keys behind \b (which fails fast inside words)."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for key, _ in _keys(initial):
        t = trie
        for ch in key:
            t = t.setdefault(ch, {})
        t[""] = {}

    def build(t: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(t.items()) if ch]
        if "" in t and alts:
            alts.append("")  # the key ends here: tried after every longer one
        if len(alts) <= 1:
            return alts[0] if alts else ""
        return "(?:" + "|".join(alts) + ")"

    if not trie:
        return None
    return re.compile((r"\b" if initial else "") + build(trie))


def _windows(low: str, lo: int, hi: int) -> dict[int, list[tuple[int, int]]]:
    """For each rule with a key in low[lo:hi], the merged windows around its keys.

    Every match of a rule contains one of its keys (time_rules.toml `needs`) and
    reaches at most `_BEFORE` / `_AFTER` characters from it, so the rule's matches
    in the windows are its matches in the text (checked in tests/test_timex.py).
    """
    spots: dict[int, list[tuple[int, int]]] = {}
    for initial in (True, False):
        pattern = _key_pattern(initial)
        if pattern is None:
            continue
        table = _key_table(initial)
        pos = lo
        while (m := pattern.search(low, pos, hi)) is not None:
            p = m.start()
            s, e = max(lo, p - _BEFORE), min(hi, m.end() + _AFTER)
            for i in table[m.group()]:
                ws = spots.get(i)
                if ws is None:
                    spots[i] = [(s, e)]
                elif s <= ws[-1][1] and s >= ws[-1][0]:
                    if e > ws[-1][1]:
                        ws[-1] = (ws[-1][0], e)
                else:
                    ws.append((s, e))
            pos = p + 1
    out: dict[int, list[tuple[int, int]]] = {}
    for i, ws in spots.items():
        if len(ws) > 1 and any(ws[j][0] > ws[j + 1][0] for j in range(len(ws) - 1)):
            ws.sort()  # the second search's windows came after the first's
            merged = [ws[0]]
            for s, e in ws[1:]:
                if s <= merged[-1][1]:
                    if e > merged[-1][1]:
                        merged[-1] = (merged[-1][0], e)
                else:
                    merged.append((s, e))
            ws = merged
        out[i] = ws
    return out


def _expand_needs(needs: list[str], lists: dict[str, list[str]]) -> tuple[str, ...]:
    """`needs` with each {LIST} replaced by the longest word of each of that list's entries
    (a word of a phrase starts a word of the text); a leading \\b marks a word start."""
    out: set[str] = set()
    for n in needs:
        mark = _WORD_START if n.startswith(_WORD_START) else ""
        n = n.removeprefix(_WORD_START)
        if n.startswith("{") and n.endswith("}"):
            out.update(mark + max(w.lower().split(), key=len) for w in lists[n[1:-1]])
        elif n.strip():
            out.add(mark + n.strip().lower())
    return tuple(sorted(out))


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


def _since_event_matches(text: str, lo: int, hi: int, low: str | None = None) -> list[Mention]:
    """ "sinds de oorlog begon": a reference event after sinds / vanaf.

    `low`, the lower-cased text when its offsets are the text's, finds the words faster.
    """
    if low is None:
        starts = [m.start() for m in _SINCE.finditer(text, lo, hi)]
    else:
        starts = []
        for w in ("sinds", "sedert", "vanaf"):
            p = low.find(w, lo, hi)
            while p >= 0:
                starts.append(p)
                p = low.find(w, p + 1, hi)
        starts.sort()
    out: list[Mention] = []
    for start in starts:
        m = _SINCE.match(text, start, hi)
        if m is None:
            continue
        for ev in words().events:
            em = ev.pattern.match(text, m.end(), min(hi, m.end() + 80))
            if em:
                op = WRAP_OPS[norm(m.group("op"))]
                v = Value("wrap", op=op, inner=Value("fixed", date=ev.date))
                out.append(Mention(m.start(), em.end(), "since_event", v))
                break
    return out


def _rule_windows(
    windows: dict[int, list[tuple[int, int]]] | None, rules: tuple[Rule, ...], lo: int, hi: int
) -> list[list[tuple[int, int]]]:
    """Where each rule runs: around its keys, or over the whole text (no windows, no keys)."""
    whole = [(lo, hi)]
    if windows is None:
        return [whole] * len(rules)
    return [windows.get(i, []) if r.keys else whole for i, r in enumerate(rules)]


def recognise(
    text: str, lo: int = 0, hi: int | None = None, *, windowed: bool = True
) -> list[Mention]:
    """All time expressions in text[lo:hi], non-overlapping, in text order (pure).

    `windowed=False` runs every rule over the whole text (slower, the same result).
    """
    hi = len(text) if hi is None else hi
    cands: list[Mention] = []
    full_low = text.lower()
    # matching the lower-cased text case-sensitively is faster and, for these characters, the same
    fast = len(full_low) == len(text) and _safe(text)
    all_rules = compiled()
    # keys are found in the lower-cased text, whose offsets are the text's only when `fast`
    windows = _windows(full_low, lo, hi) if windowed and fast else None
    for rule, ws in zip(all_rules, _rule_windows(windows, all_rules, lo, hi), strict=True):
        if not ws:
            continue
        if fast and rule.lowered is not None:
            pattern, subject = rule.lowered, full_low
        else:
            pattern, subject = rule.pattern, text
        production, name, anchor = rule.production, rule.name, rule.anchor
        for s, e in ws:
            for m in pattern.finditer(subject, s, e):
                if m.end() == m.start():
                    continue
                v = production(m, text)
                if v is not None:
                    cands.append(Mention(m.start(), m.end(), name, v, anchor))
    # an event clause that holds a time expression of its own is not one ("sinds Trump
    # bijna drie weken geleden opnieuw aantrad": the expression is "bijna drie weken
    # geleden"); only a match that starts inside the clause can lie inside it (none is
    # empty), and the clauses come in text order, so none lies inside a later one
    found = sorted(cands, key=lambda c: c.start)
    found_starts = [c.start for c in found]
    for ev in _since_event_matches(text, lo, hi, full_low if fast else None):
        inside = found[bisect_right(found_starts, ev.start) : bisect_left(found_starts, ev.end)]
        if not any(c.end <= ev.end for c in inside):
            cands.append(ev)
    return _widen(text, lo, _longest_first(cands))


def _longest_first(cands: list[Mention]) -> list[Mention]:
    """The candidates that overlap no longer one (between equals, the first), in text
    order: events after "kort voor" / "sinds" beat the shorter generic reading.

    The spans chosen so far are disjoint and kept in text order, so their ends are in
    order too: of those that start before a candidate ends, only the last can reach
    into it (bisection, not a walk through every span chosen)."""
    chosen: list[Mention] = []
    starts: list[int] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        i = bisect_left(starts, c.end)
        if i and chosen[i - 1].end > c.start:
            continue
        chosen.insert(i, c)
        starts.insert(i, c.start)
    return chosen


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
        # "twee dagen na 18 maart": a shift from a dated expression (the cheap test first:
        # a match in the 40 characters before ends in "na" or "voor" and white space)
        before = text[max(lo, m.start - 40) : m.start].rstrip().casefold()
        nm = None
        if m.value.kind in _DATED_KINDS and before.endswith(("na", "voor")):
            nm = _counted_prefix().search(text, max(lo, m.start - 40), m.start)
        if nm and nm.start() >= prev_end and m.value.kind in _DATED_KINDS:
            ws = words()
            n, _ = ws.count(nm.group("num"))
            op = "na_n" if nm.group("dir").lower() == "na" else "voor_n"
            unit = ws.unit(nm.group("unit"))
            v = Value("wrap", op=op, lo=n, unit=unit, inner=m.value)  # type: ignore[arg-type]
            out.append(Mention(nm.start(), m.end, f"{m.rule}+{op}", v))
            continue
        pm = None
        if before.endswith(_PREFIX_ENDS):
            pm = _PREFIX.search(text, max(lo, m.start - 16), m.start)
        if pm and pm.start() >= prev_end:
            w = norm(pm.group("w"))
            key = {
                "tot en met": "tot",
                "vanaf": "sinds",
                "sedert": "sinds",
                "tegen de": "tegen",
            }.get(w, w)
            if key == "tussen":
                nxt = ms[i + 1] if i + 1 < len(ms) else None
                if nxt and re.fullmatch(r"\s+en\s+", text[m.end : nxt.start]):
                    v = Value("pair", inner=m.value, other=nxt.value)
                    out.append(Mention(pm.start(), nxt.end, "tussen", v))
                    ms[i + 1] = nxt._replace(rule="_merged")
                    continue
            elif m.value.kind in _PREFIX_KINDS.get(key, set()) and _may_widen(
                text, pm.start(), m, key
            ):
                if key in ("in", "op"):
                    m = m._replace(start=pm.start())
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
