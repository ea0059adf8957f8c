"""The loader: the seed layout, and every kind of bad input reported, never raised."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from timeline.errors import ArticleError, Code
from timeline.loader import decode, future_problems, load_paths, parse_article, parse_published


def test_parse_seed_layout() -> None:
    a = parse_article(" date 2025-02 Er lijkt een ontmoeting.\n\nKop\n\nTekst.", "x.txt")
    assert a.published.granularity == "month"
    assert a.published.earliest == dt.date(2025, 2, 1)
    assert a.published.latest == dt.date(2025, 2, 28)
    assert a.body.startswith("Er lijkt")
    assert a.text[a.body_start :] == a.body


@pytest.mark.parametrize(
    ("value", "earliest", "latest"),
    [
        ("2025-02-12", dt.date(2025, 2, 12), dt.date(2025, 2, 12)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2025-12", dt.date(2025, 12, 1), dt.date(2025, 12, 31)),
    ],
)
def test_parse_published(value: str, earliest: dt.date, latest: dt.date) -> None:
    p = parse_published(value)
    assert (p.earliest, p.latest) == (earliest, latest)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", Code.EMPTY),
        ("   \n\t ", Code.EMPTY),
        ("Geen datumregel hier.", Code.NO_DATE),
        ("date 2025-13 Tekst", Code.BAD_DATE),
        ("date 2025-02-30 Tekst", Code.BAD_DATE),
        ("date morgen Tekst", Code.BAD_DATE),
        ("date 2025-02-12T10:00 Tekst", Code.BAD_DATE),
        ("date: 2025-02-12 Tekst", Code.NO_DATE),
    ],
)
def test_bad_articles(text: str, code: Code) -> None:
    with pytest.raises(ArticleError) as info:
        parse_article(text, "x.txt")
    assert info.value.code is code


def test_decode_bom_crlf_and_legacy() -> None:
    assert decode("\ufeffdate 2025-02 a\r\nb".encode()) == ("date 2025-02 a\nb", "utf-8")
    text, enc = decode("date 2025-02 Oekraïne".encode("cp1252"))
    assert (text, enc) == ("date 2025-02 Oekraïne", "windows-1252")
    with pytest.raises(ArticleError) as info:
        decode(b"date 2025-02 \x00\x01\x02")
    assert info.value.code is Code.BINARY
    with pytest.raises(ArticleError) as info:
        decode(b"date 2025-02 \x81\x8d\x8f")
    assert info.value.code is Code.UNDECODABLE


def _write(d: Path, name: str, data: bytes | str) -> Path:
    p = d / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data.encode() if isinstance(data, str) else data)
    return p


def test_load_directory_reports_each_problem_and_keeps_the_rest(tmp_path: Path) -> None:
    good = " date 2025-02-12 Trump belde gisteren met Poetin."
    _write(tmp_path, "a.txt", good)
    _write(tmp_path, "sub/deeper/b.txt", "date 2025-02 Een ander artikel.")
    _write(tmp_path, "empty.txt", "")
    _write(tmp_path, "nodate.txt", "Tekst zonder datum.")
    _write(tmp_path, "binary.txt", b"\x00\x01\x02\x03")
    _write(tmp_path, "dup.txt", good)
    _write(tmp_path, ".hidden.txt", good)
    _write(tmp_path, "a.txt~", good)
    _write(tmp_path, "latin.txt", "date 2025-02 Zelensky in München".encode("cp1252"))
    _write(tmp_path, "big.txt", "date 2025-02 " + "x" * 2000)
    result = load_paths([tmp_path], max_bytes=1000)
    ids = [a.id for a in result.articles]
    assert ids == ["a.txt", "latin.txt", "sub/deeper/b.txt"]
    codes = {p.path: p.code for p in result.problems}
    assert codes["empty.txt"] == Code.EMPTY
    assert codes["nodate.txt"] == Code.NO_DATE
    assert codes["binary.txt"] == Code.BINARY
    assert codes["dup.txt"] == Code.DUPLICATE
    assert codes[".hidden.txt"] == Code.IGNORED
    assert codes["a.txt~"] == Code.IGNORED
    assert codes["latin.txt"] == Code.LEGACY_ENCODING
    assert codes["big.txt"] == Code.TOO_LARGE
    assert all(p.message for p in result.problems)
    assert {p.path for p in result.errors} == {"empty.txt", "nodate.txt", "binary.txt", "big.txt"}


def test_symlink_loop_is_reported(tmp_path: Path) -> None:
    _write(tmp_path, "d/a.txt", "date 2025-02 Tekst.")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    result = load_paths([tmp_path])
    assert [a.id for a in result.articles] == ["d/a.txt"]
    assert any(p.code == Code.SYMLINK_LOOP for p in result.problems)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    p = _write(tmp_path, "a.txt", "date 2025-02 Tekst.")
    p.chmod(0)
    result = load_paths([tmp_path])
    assert result.problems[0].code == Code.UNREADABLE


def test_missing_path_and_stdin(tmp_path: Path) -> None:
    result = load_paths([tmp_path / "nope"])
    assert result.problems[0].code == Code.NOT_FOUND
    result = load_paths(["-"], stdin=b"date 2025-02-01 Tekst.")
    assert [a.id for a in result.articles] == ["-"]


def test_future_dates_are_warnings() -> None:
    a = parse_article("date 2199-01-01 Tekst.", "x.txt")
    (p,) = future_problems([a], dt.date(2026, 1, 1))
    assert p.severity == "warning" and p.code == Code.FUTURE_DATE


def test_ten_thousand_tiny_files(tmp_path: Path) -> None:
    for i in range(10_000):
        (tmp_path / f"{i:05d}.txt").write_text(f"date 2025-02 Artikel nummer {i}.")
    result = load_paths([tmp_path])
    assert len(result.articles) == 10_000 and not result.problems


def test_dateline_of_a_wire_story() -> None:
    from timeline.loader import find_dateline

    text = "date 2025-03\n\nSINT-PETERSBURG (ANP/AFP/RTR) - De gezant sprak met Poetin."
    line = find_dateline(text, 14)
    assert line is not None
    assert (line.place, line.agencies) == ("SINT-PETERSBURG", ("ANP", "AFP", "RTR"))
    assert text[line.start : line.end].startswith("SINT-PETERSBURG")
    headline = "date 2025-03\n\nKop zonder punt\n\nKYIV (ANP) - Tekst."
    assert find_dateline(headline, 14).place == "KYIV"  # type: ignore[union-attr]
    assert find_dateline("date 2025-03\n\nDe NAVO (de alliantie) - ook", 14) is None


def test_meeting_held_without_a_place_is_at_the_dateline() -> None:
    from tests.test_events import mentions

    (m,) = mentions("MOSKOU (ANP) - Poetin heeft gisteren Witkoff ontvangen.", "2025-04-12")
    assert (m.type, m.status, m.location) == ("meeting", "occurred", "Moskou")
