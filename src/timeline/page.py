"""Page furniture: the lines of a news web page that are not the story.

Text copied from a news site carries more than the story: bylines ("Door Jan
Jansen", "woensdag, 5 maart 2025, 09:12", "Bijgewerkt: 12:03"), live-blog stamps
("Update 20:05 - ..."), photo captions and credits ("Foto: ANP", "(Beeld:
Reuters)", a caption left in English), agency credits ("(ANP/AFP)") and the lines
that lead away from it ("Lees ook: ...", "Meld je aan voor onze nieuwsbrief",
"Deel dit artikel"). `find_furniture` finds them, line by line, with the rule
that matched; segmentation marks them (`Sentence.furniture`) and the event
builder skips them, so no event quotes a caption or a link. A byline's date can
narrow a month-only date line (`timeline.bylines`).

The words are in `lang/nl/page.toml`; this module only combines them. Pure: no
input makes it raise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal

from timeline.resources import load_toml

__all__ = [
    "Furniture",
    "LineMark",
    "classify_line",
    "find_furniture",
    "head_furniture",
    "iter_lines",
]

Kind = Literal["byline", "prefix", "caption", "credit", "trailer"]


@dataclass(frozen=True)
class LineMark:
    """What one line is: its kind, why, and how much of it (`end`, from the line start)."""

    kind: Kind
    why: str
    end: int  # a prefix covers the start of the line only; the others all of it
    date: tuple[int, int] | None = None  # a byline: the span of its date and time
    updated: bool = False  # a byline date labelled as a change ("Bijgewerkt")
    opens_links: bool = False  # a trailer label alone: the link titles below are furniture


@dataclass(frozen=True)
class Furniture:
    """A furniture line (or a line's prefix) of an article, offsets into its text."""

    kind: Kind
    start: int
    end: int
    text: str
    why: str
    date: str | None = None  # a byline's date and time as written
    updated: bool = False


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Rules:
    author: re.Pattern[str]
    from_role: re.Pattern[str]
    particles: frozenset[str]
    roles: frozenset[str]
    date_vocab: frozenset[str]
    date_heads: frozenset[str]  # weekdays and months: where a byline date may start
    labels: frozenset[str]
    updated: frozenset[str]
    prefix: re.Pattern[str]
    caption_start: re.Pattern[str]
    caption_end: re.Pattern[str]
    caption_mark: re.Pattern[str]
    english: frozenset[str]
    dutch: frozenset[str]
    english_min: int
    credit: re.Pattern[str]
    trailer_start: re.Pattern[str]
    trailer_label: re.Pattern[str]
    link_max_words: int


@cache
def _rules() -> _Rules:
    data = load_toml("page.toml")
    by, px, cap, tr = data["byline"], data["prefix"], data["caption"], data["trailer"]
    labels = _alt(cap["labels"])
    marks = _alt(cap["marks"])
    return _Rules(
        author=re.compile(
            rf"(?i:{_alt(by['authors'])})\s+"
            rf"(?:(?i:(?:{_alt(by['from'])})\s+(?:{_alt(by['roles'])}))\s+)?(?=[A-ZÀ-Ý])"
        ),
        from_role=re.compile(rf"(?i:(?:{_alt(by['from'])})\s+(?:{_alt(by['roles'])}))\b"),
        particles=frozenset(by["particles"]),
        roles=frozenset(by["roles"]),
        date_vocab=frozenset(by["labels"] + by["date_words"] + by["weekdays"] + by["months"]),
        date_heads=frozenset(by["weekdays"] + by["months"]),
        labels=frozenset(by["labels"]),
        updated=frozenset(by["updated"]),
        prefix=re.compile(
            rf"(?i:{_alt(px['labels'])})\s*:?\s*\d{{1,2}}[:.u]\d{{2}}\s*(?:uur|u)?\s*[-–—:|]\s+(?=\S)"
        ),
        caption_start=re.compile(
            rf"\(?\s*(?:(?:[A-Z]{{2,10}}\s+)?(?i:{labels})\s*(?::|/|\s+(?=[A-ZÀ-Ý©]))|{marks})"
        ),
        caption_end=re.compile(
            rf"(?:\(\s*(?:[A-Z]{{2,10}}\s+)?(?i:{labels})\b[^()]*\)"
            rf"|\b(?i:{labels})\s*:\s*[A-ZÀ-Ý][^.!?:]{{0,60}}"
            rf"|(?:{marks})\s*[A-ZÀ-Ý][^.!?:]{{0,60}})\s*\Z"
        ),
        caption_mark=re.compile(rf"\(.*(?:\b(?i:{labels})\b|{marks}).*\)\Z"),
        english=frozenset(cap["english"]),
        dutch=frozenset(cap["dutch"]),
        english_min=int(cap["english_min"]),
        credit=re.compile(
            rf"\(\s*[\w.]+(?:\s*/\s*[\w.]+){{0,{int(data['credit']['max_names']) - 1}}}\s*\)\Z"
        ),
        trailer_start=re.compile(rf"(?i:{_alt(tr['starts'])})\b"),
        trailer_label=re.compile(rf"(?i:{_alt(tr['labels'])})\s*(?::|\Z)"),
        link_max_words=int(tr["link_max_words"]),
    )


_TOKEN = re.compile(r"[^\s,|·•()\[\]]+")
_EDGE = ".:;-–—/'’\"“”"
_NUMBER = re.compile(r"\d{1,4}(?:e|ste|de|st|nd|rd|th)?|'\d{2}")
_TIME = re.compile(r"\d{1,2}[:.hu]\d{2}(?:u|uur|h)?")
_NUMDATE = re.compile(
    r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}"
    r"|\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?"  # ISO 8601
)
_WORD = re.compile(r"[a-zà-ÿ]+(?:[.'][a-z]+)*")
_QUOTES = re.compile(r"[\"“”„«»]|(?:^|\s)['‘’]|['‘’](?:\s|$)")
_CLOSED = re.compile(r"[.!?;][\"'”’)]*\Z")
_HEADLINE_MAX_WORDS = 20
_BYLINE_MAX_TOKENS = 16


def _tokens(line: str, limit: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, lower-case word) of each token, edge punctuation left out; with
    `limit`, no more than limit + 1 of them (enough to tell the line is longer)."""
    out = []
    for m in _TOKEN.finditer(line):
        raw = m.group()
        core = raw.strip(_EDGE)
        if not core:
            continue
        a = m.start() + raw.index(core)
        out.append((a, a + len(core), core.lower()))
        if limit is not None and len(out) > limit:
            break
    return out


def _datey(word: str, rules: _Rules) -> bool:
    return (
        word.rstrip(".") in rules.date_vocab
        or _NUMBER.fullmatch(word) is not None
        or _TIME.fullmatch(word) is not None
        or _NUMDATE.fullmatch(word) is not None
    )


def _date_span(toks: list[tuple[int, int, str]], rules: _Rules) -> tuple[int, int] | None:
    """The date and time at the end of the tokens: the longest run of date words that
    ends the line and holds a digit, from its first number, weekday or month."""
    i = len(toks)
    while i > 0 and _datey(toks[i - 1][2], rules):
        i -= 1
    run = toks[i:]
    if not any(any(c.isdigit() for c in w) for _, _, w in run):
        return None
    for a, _, w in run:
        if w[0].isdigit() or w[0] == "'" or w.rstrip(".") in rules.date_heads:
            return a, run[-1][1]
    return None


def _byline(line: str, rules: _Rules) -> LineMark | None:
    toks = _tokens(line, _BYLINE_MAX_TOKENS)  # a paragraph is not read to its end
    if not toks or len(toks) > _BYLINE_MAX_TOKENS:
        return None
    span = _date_span(toks, rules)
    updated = any(w.rstrip(".:") in rules.updated for _, _, w in toks)
    # a date and time alone, after a label at most: "Bijgewerkt: 12:03"
    if all(_datey(w, rules) for _, _, w in toks):
        if not any(any(c.isdigit() for c in w) for _, _, w in toks):
            return None
        timed = any(_TIME.fullmatch(w) for _, _, w in toks)
        kind = ("a date and time" if timed else "a date") if span else "a time"
        return LineMark("byline", f"byline: {kind} alone", len(line), span, updated)
    head = rules.author.match(line) or rules.from_role.match(line)
    if head is None:
        return None
    rest = [t for t in toks if t[0] >= head.end() and (span is None or t[0] < span[0])]
    if not all(_name_word(line[a:b], w, rules) for a, b, w in rest):
        return None
    why = f"byline: '{line[: head.end()].strip()}' and a name" + (" and a date" if span else "")
    return LineMark("byline", why, len(line), span, updated)


def _name_word(raw: str, word: str, rules: _Rules) -> bool:
    return raw[0].isupper() or word in rules.particles or word in rules.roles


def _caption(line: str, rules: _Rules) -> LineMark | None:
    if rules.caption_start.match(line):
        return LineMark("caption", "caption: starts with a photo credit", len(line))
    if rules.caption_mark.match(line) or rules.caption_end.search(line):
        return LineMark("caption", "caption: ends with a photo credit", len(line))
    if _QUOTES.search(line):
        return None  # a quoted English statement is part of the story
    words = [w.strip(".'") for w in _WORD.findall(line.lower())]
    english = [w for w in words if w in rules.english]
    if len(english) >= rules.english_min and not any(w in rules.dutch for w in words):
        shown = ", ".join(dict.fromkeys(english[:4]))
        return LineMark("caption", f"caption: an English line ({shown})", len(line))
    return None


def _trailer(line: str, rules: _Rules) -> LineMark | None:
    m = rules.trailer_start.match(line)
    if m is not None:
        alone = not line[m.end() :].strip(" :.»›>-–—")
        return LineMark("trailer", f"trailer: '{m.group()}'", len(line), opens_links=alone)
    m = rules.trailer_label.match(line)
    if m is not None:
        alone = not line[m.end() :].strip()
        return LineMark(
            "trailer", f"trailer: '{m.group().rstrip(':').strip()}'", len(line), opens_links=alone
        )
    return None


def classify_line(line: str) -> LineMark | None:
    """What a line of an article body is, if it is page furniture (`line` is stripped)."""
    rules = _rules()
    if not line:
        return None
    m = rules.prefix.match(line)
    if m is not None:
        return LineMark("prefix", f"live-blog stamp '{m.group().strip()}'", m.end())
    if rules.credit.match(line):
        return LineMark("credit", "credit: an agency line", len(line))
    return _trailer(line, rules) or _byline(line, rules) or _caption(line, rules)


def iter_lines(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line of `text[start:]`, white space stripped."""
    pos = start
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        a, b = pos, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            yield a, b
        pos = end + 1


def _link(line: str, max_words: int) -> bool:
    """A link title under "Lees ook": a short line without closing punctuation."""
    return 0 < len(line.split()) <= max_words and not _CLOSED.search(line)


def find_furniture(text: str, start: int = 0) -> list[Furniture]:
    """The furniture lines (and line prefixes) of `text[start:]`, in text order."""
    rules = _rules()
    out: list[Furniture] = []
    links = False
    for a, b in iter_lines(text, start):
        line = text[a:b]
        mark = classify_line(line)
        if mark is None and links and _link(line, rules.link_max_words):
            mark = LineMark("trailer", "trailer: a link under a 'lees ook' label", len(line))
        elif mark is None or not mark.opens_links:
            links = False
        if mark is None:
            continue
        links = links or mark.opens_links
        date = line[mark.date[0] : mark.date[1]] if mark.date else None
        end = a + mark.end
        while end > a and text[end - 1].isspace():
            end -= 1
        out.append(Furniture(mark.kind, a, end, text[a:end], mark.why, date, mark.updated))
    return out


def head_furniture(text: str, start: int = 0) -> list[Furniture]:
    """The furniture above the story: before the first line that is neither furniture
    nor a headline (a line of the story ends in closing punctuation or is long)."""
    found = find_furniture(text, start)
    starts = {f.start for f in found}
    story = len(text)
    for a, b in iter_lines(text, start):
        line = text[a:b]
        if a not in starts and (_CLOSED.search(line) or len(line.split()) > _HEADLINE_MAX_WORDS):
            story = a
            break
    return [f for f in found if f.start < story]
