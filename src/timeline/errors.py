"""Typed errors and the one catalogue of problem messages.

The library raises or returns these; only the CLI prints them.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """Problem codes, stable for scripts that read `problems` in the JSON."""

    UNREADABLE = "unreadable"
    TOO_LARGE = "too-large"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    LEGACY_ENCODING = "legacy-encoding"
    EMPTY = "empty"
    NO_DATE = "no-date-line"
    BAD_DATE = "malformed-date"
    FUTURE_DATE = "future-date"
    DUPLICATE = "duplicate"
    IGNORED = "ignored"
    SYMLINK_LOOP = "symlink-loop"
    NOT_FOUND = "not-found"


MESSAGES: dict[Code, str] = {
    Code.UNREADABLE: "cannot be read: {detail}",
    Code.TOO_LARGE: "is {size:,} bytes, above the limit of {limit:,} bytes (see --max-bytes)",
    Code.BINARY: "looks like a binary file (NUL bytes), not an article",
    Code.UNDECODABLE: "is not valid UTF-8 (byte {byte} at offset {offset}) nor Windows-1252 text",
    Code.LEGACY_ENCODING: "is not UTF-8; decoded as {encoding}: check the accents in the output",
    Code.EMPTY: "is empty",
    Code.NO_DATE: "has no date line: the text must start with 'date YYYY-MM' or 'date YYYY-MM-DD'",
    Code.BAD_DATE: "has a malformed date line {line!r}: {detail}",
    Code.FUTURE_DATE: "is dated {date}, after today",
    Code.DUPLICATE: "has the same text as {other}: used once, as {other}",
    Code.IGNORED: "ignored ({detail})",
    Code.SYMLINK_LOOP: "is a symbolic link loop back to {target}: not followed",
    Code.NOT_FOUND: "does not exist",
}

WARNINGS = frozenset({Code.LEGACY_ENCODING, Code.FUTURE_DATE, Code.DUPLICATE, Code.IGNORED})


def message(code: Code, **detail: object) -> str:
    return MESSAGES[code].format(**detail)


class TimelineError(Exception):
    """Base class of the errors the library raises on bad input."""


class ArticleError(TimelineError):
    """An article file cannot be used; carries the problem code."""

    def __init__(self, code: Code, **detail: object) -> None:
        self.code = code
        self.detail = detail
        super().__init__(message(code, **detail))


class TimelineFileError(TimelineError):
    """A timeline JSON file given to `export` or `diff` cannot be read."""


class OutputError(TimelineError):
    """The output cannot be written (unwritable path, full disk)."""
