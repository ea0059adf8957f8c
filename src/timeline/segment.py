"""Paragraphs, sub-headings and sentences of an article body, with offsets.

Pure and rule-based: news prose is regular enough, and the event builder needs
sentence boundaries that respect the article layout (a sub-heading is never
glued to the next sentence), which a punctuation-only sentencizer does not.
Page furniture (`timeline.page`: bylines, captions, "Lees ook" lines) is one
sentence per line, marked `furniture`; a live-blog stamp ("Update 20:05 -")
is left out of the sentence that follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline import page
from timeline.resources import load_toml

_PARAGRAPH = re.compile(r"\n[ \t]*\n+")
_HEADING_MAX_WORDS = 8
# The longest sentence of the development and real-news articles has 399 characters;
# anything beyond three times that is analysed in windows (`_windows`).
MAX_SENTENCE_CHARS = 1200
_END = re.compile(r"[.!?…][\"'”’)]*(?=\s+[\"'“‘(]?[A-ZÀ-Ý0-9])")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    heading: bool = False
    furniture: bool = False  # a byline, caption, credit or trailer line (`timeline.page`)


def _abbreviations() -> frozenset[str]:
    return frozenset(load_toml("abbreviations.toml")["abbreviations"])


def paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph of `text[start:]`."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _PARAGRAPH.finditer(text, start):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [x for a, b in spans if (x := _stripped(text, a, b))[0] < x[1]]


def _stripped(text: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) without the white space at either end."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def is_heading(chunk: str) -> bool:
    """A short line without closing punctuation, on its own."""
    words = chunk.split()
    return (
        "\n" not in chunk
        and 0 < len(words) <= _HEADING_MAX_WORDS
        and not chunk.rstrip("'\"”’").endswith((".", "!", "?", ":", ";", ","))
    )


def _split(text: str, a: int, b: int, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    out = []
    pos = a
    for m in _END.finditer(text, a, b):
        word = text[text.rfind(" ", pos, m.start()) + 1 : m.start() + 1].lower()
        if word in abbreviations or re.fullmatch(r"\d{1,2}\.|[a-z]\.", word):
            continue
        out.append((pos, m.end()))
        pos = m.end()
        while pos < b and text[pos].isspace():
            pos += 1
    if pos < b:
        out.append((pos, b))
    return out


def sentences(text: str, start: int = 0) -> list[Sentence]:
    """Sentences of `text[start:]`, sub-headings and furniture marked, offsets into `text`."""
    abbreviations = _abbreviations()
    furniture = {f.start: f for f in page.find_furniture(text, start)}
    out: list[Sentence] = []
    for p, (a, b) in enumerate(paragraphs(text, start)):
        for la, lb in _lines(text, a, b):
            found = furniture.get(la)
            if found is not None and found.kind == "prefix":
                la = _stripped(text, found.end, lb)[0]  # the story after the stamp
            elif found is not None:
                out.append(Sentence(len(out), la, lb, text[la:lb], p, furniture=True))
                continue
            chunk = text[la:lb]
            if is_heading(chunk):
                out.append(Sentence(len(out), la, lb, chunk, p, heading=True))
                continue
            for s, e in _split(text, la, lb, abbreviations):
                for ws, we in _windows(text, s, e):
                    out.append(Sentence(len(out), ws, we, text[ws:we], p))
    return out


def _windows(text: str, a: int, b: int, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """A sentence longer than any real one (a scraped table, a list without full stops)
    in windows of at most `limit` characters, cut after a comma or at a space, so the
    work per sentence stays bounded."""
    out = []
    while b - a > limit:
        cut = max(text.rfind(", ", a, a + limit) + 1, text.rfind(" ", a, a + limit))
        cut = cut if cut > a else a + limit
        out.append(_stripped(text, a, cut))
        a = _stripped(text, cut, b)[0]
    out.append((a, b))
    return [(x, y) for x, y in out if x < y]


def _lines(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The lines of a paragraph: news page text is not hard-wrapped, so a line break
    ends a sentence (a headline right above its story: "Kop\nWASHINGTON (ANP) - ...")."""
    out, pos = [], a
    while pos < b:
        nl = text.find("\n", pos, b)
        end = b if nl < 0 else nl
        la, lb = _stripped(text, pos, end)
        if la < lb:
            out.append((la, lb))
        pos = end + 1
    return out
