"""Stage 1, the loader: article files → `Article` models, bad files → `Problem`s.

An article is a text file laid out as the seed articles are: optional leading
white space, `date YYYY-MM` or `date YYYY-MM-DD`, white space, then the body.
Paragraphs are separated by blank lines; a short line on its own is a
sub-heading.

The pure core is `parse_article(text, article_id)`; `load_paths` adds the file
system: directory walking, size limit, decoding, duplicate detection. No input
makes it raise: every file is either an Article or a Problem.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from timeline import page
from timeline.errors import WARNINGS, ArticleError, Code, message
from timeline.schema import Article, Problem, Published

DEFAULT_MAX_BYTES = 5_000_000
ARTICLE_SUFFIXES = (".txt",)
# the editorial corrections next to the articles (timeline/corrections.py): not an article
CORRECTIONS_FILE = "corrections.toml"
_BACKUP = re.compile(r"(~|\.bak|\.swp|\.swo|\.tmp|\.orig)$|^#.*#$", re.IGNORECASE)
_DATE_LINE = re.compile(r"\A\s*date[ \t]+(?P<value>\S+)")
_DATE_VALUE = re.compile(r"\A(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?\Z")
_SNIFF = 8192


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


MIN_YEAR, MAX_YEAR = 1800, 2200  # the years a date line may name


def parse_published(value: str) -> Published:
    """`2025-02` → every day of February 2025; `2025-02-12` → that day."""
    m = _DATE_VALUE.match(value)
    if not m:
        raise ArticleError(
            Code.BAD_DATE, line=f"date {value}", detail="expected YYYY-MM or YYYY-MM-DD"
        )
    year, month = int(m["y"]), int(m["m"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        # "date 0000-02" or a typo like "date 2205-02": no news article, and dates
        # counted from it could leave the calendar
        raise ArticleError(
            Code.BAD_DATE,
            line=f"date {value}",
            detail=f"year {year} is not in {MIN_YEAR}–{MAX_YEAR}",
        )
    if not 1 <= month <= 12:
        raise ArticleError(Code.BAD_DATE, line=f"date {value}", detail=f"no month {month}")
    if m["d"] is None:
        last = calendar.monthrange(year, month)[1]
        return Published(
            text=value,
            earliest=dt.date(year, month, 1),
            latest=dt.date(year, month, last),
            granularity="month",
        )
    try:
        day = dt.date(year, month, int(m["d"]))
    except ValueError as exc:
        raise ArticleError(Code.BAD_DATE, line=f"date {value}", detail=str(exc)) from None
    return Published(text=value, earliest=day, latest=day, granularity="day")


def parse_article(text: str, article_id: str) -> Article:
    """Parse decoded article text. Raises ArticleError when it cannot be used."""
    if not text.strip():
        raise ArticleError(Code.EMPTY)
    m = _DATE_LINE.match(text)
    if not m:
        raise ArticleError(Code.NO_DATE)
    published = parse_published(m["value"])
    body_start = m.end()
    while body_start < len(text) and text[body_start].isspace():
        body_start += 1
    return Article(
        id=article_id,
        text=text,
        body_start=body_start,
        published=published,
        sha256=hashlib.sha256(text[body_start:].encode("utf-8")).hexdigest(),
    )


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding). UTF-8 (BOM allowed) first, then Windows-1252.

    Newlines are normalised to LF so that offsets are the same on every platform.
    """
    if b"\x00" in data[:_SNIFF] or b"\x00" in data:
        raise ArticleError(Code.BINARY)
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        try:
            text, encoding = data.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError:
            raise ArticleError(
                Code.UNDECODABLE, byte=f"0x{data[exc.start]:02x}", offset=exc.start
            ) from None
        if any(0x80 <= ord(c) <= 0x9F for c in text):
            raise ArticleError(
                Code.UNDECODABLE, byte=f"0x{data[exc.start]:02x}", offset=exc.start
            ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _problem(path: str, code: Code, **detail: object) -> Problem:
    return Problem(
        path=path,
        code=code.value,
        message=message(code, **detail),
        severity="warning" if code in WARNINGS else "error",
    )


def _ignored_reason(name: str) -> str | None:
    if name.startswith("."):
        return "hidden file"
    if _BACKUP.search(name):
        return "editor backup or temporary file"
    if not name.lower().endswith(ARTICLE_SUFFIXES):
        return "not a .txt article"
    return None


def _walk(root: Path, problems: list[Problem], rel: str) -> Iterator[tuple[Path, str]]:
    """Yield (file, id relative to the corpus root), recursively in sorted order."""
    seen: set[str] = set()

    def walk(directory: Path, prefix: str) -> Iterator[tuple[Path, str]]:
        real = os.path.realpath(directory)
        if real in seen:
            problems.append(_problem(f"{prefix or rel}", Code.SYMLINK_LOOP, target=real))
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            problems.append(_problem(prefix or rel, Code.UNREADABLE, detail=exc.strerror))
            return
        for entry in entries:
            ident = f"{prefix}{entry.name}"
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if entry.name.startswith("."):
                    problems.append(_problem(ident + "/", Code.IGNORED, detail="hidden directory"))
                    continue
                yield from walk(Path(entry.path), ident + "/")
                continue
            if not prefix and entry.name == CORRECTIONS_FILE:
                continue  # read by the corrections layer, said nothing about here
            reason = _ignored_reason(entry.name)
            if reason:
                problems.append(_problem(ident, Code.IGNORED, detail=reason))
                continue
            yield Path(entry.path), ident

    yield from walk(root, "")


def iter_sources(
    paths: Sequence[str | Path], problems: list[Problem]
) -> Iterator[tuple[Path, str]]:
    """Expand the command-line paths to (file, article id) pairs."""
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":
            yield path, "-"
        elif path.is_dir():
            yield from _walk(path, problems, str(raw))
        elif path.exists() or path.is_symlink():
            yield path, path.name
        else:
            problems.append(_problem(str(raw), Code.NOT_FOUND))


def read_source(path: Path, ident: str, max_bytes: int, stdin: bytes | None = None) -> Article:
    if ident == "-":
        data = stdin if stdin is not None else sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ArticleError(Code.TOO_LARGE, size=len(data), limit=max_bytes)
    else:
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise ArticleError(Code.TOO_LARGE, size=size, limit=max_bytes)
            data = path.read_bytes()
        except OSError as exc:
            raise ArticleError(Code.UNREADABLE, detail=exc.strerror or str(exc)) from None
    text, encoding = decode(data)
    article = parse_article(text, ident)
    return article.model_copy(update={"encoding": encoding})


def load_paths(
    paths: Sequence[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: bytes | None = None,
) -> LoadResult:
    """Load every article under `paths`; never raises for a bad file."""
    result = LoadResult()
    by_hash: dict[str, str] = {}
    ids: set[str] = set()
    for path, ident in iter_sources(paths, result.problems):
        if ident in ids:
            continue
        ids.add(ident)
        try:
            article = read_source(path, ident, max_bytes, stdin)
        except ArticleError as exc:
            result.problems.append(_problem(ident, exc.code, **exc.detail))
            continue
        if article.encoding != "utf-8":
            result.problems.append(_problem(ident, Code.LEGACY_ENCODING, encoding=article.encoding))
        if article.sha256 in by_hash:
            result.problems.append(_problem(ident, Code.DUPLICATE, other=by_hash[article.sha256]))
            continue
        by_hash[article.sha256] = ident
        result.articles.append(article)
    result.articles.sort(key=lambda a: a.id)
    return result


def future_problems(articles: Iterable[Article], today: dt.date) -> list[Problem]:
    """Warnings for articles dated after `today` (kept out of the JSON: they depend on the day)."""
    return [
        _problem(a.id, Code.FUTURE_DATE, date=a.published.text)
        for a in articles
        if a.published.earliest > today
    ]


# A wire story's dateline at the start of the body: "PARIJS (ANP/AFP) - ",
# "LONDEN (ANP/RTR/DPA) - ": the place (in capitals) the story was filed from
# and the agencies. It stays in the text (sentences quote it); the event builder
# reads it as the place of a meeting held that the story reports without a place.
_DATELINE = re.compile(
    r"\s*(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'. -]{1,40}?)\s*\((?P<agencies>[A-Za-z]+(?:\s*/\s*[A-Za-z]+)*)\)\s*[-–—]\s"
)


class Dateline(NamedTuple):
    place: str  # as written, in capitals
    agencies: tuple[str, ...]
    start: int
    end: int


def find_dateline(text: str, body_start: int) -> Dateline | None:
    """The dateline at the start of the body (after a one-line headline, if any, and
    the bylines and other page furniture above the story)."""
    starts = [body_start]
    first_break = text.find("\n", body_start)
    if 0 <= first_break - body_start <= 200:
        starts.append(first_break)  # "headline\n\nMOSKOU (ANP) - ..."
    # "headline\nDoor Jan Jansen\n5 maart 2025, 09:12\n\nMOSKOU (ANP) - ..."
    starts += [f.end for f in page.head_furniture(text, body_start) if f.kind != "prefix"]
    for pos in starts:
        m = _DATELINE.match(text, pos)
        if m is not None:
            agencies = tuple(a.strip() for a in m.group("agencies").split("/"))
            return Dateline(m.group("place").strip(), agencies, m.start("place"), m.end())
    return None
