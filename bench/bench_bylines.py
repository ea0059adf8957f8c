"""Measure: byline dates read by the Dutch grammar alone vs with the dateparser fallback.

    .venv/bin/python bench/bench_bylines.py

On the invented byline table tests/fixtures/page/bylines.toml (Dutch, Flemish and
English page formats): how many lines `timeline.page` takes as a byline with a
date, and how many of those the Dutch grammar (`timex/`) reads to the right day,
dateparser alone, and the two in the order `timeline.bylines` uses them (grammar
first). The figures are in the README, "Why dateparser only in bylines".
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections import Counter
from pathlib import Path

from timeline.bylines import dateparser_date, grammar_date, parse_byline_date
from timeline.page import classify_line
from timeline.schema import Interval

TABLE = Path(__file__).resolve().parents[1] / "tests/fixtures/page/bylines.toml"


def main() -> None:
    rows = tomllib.loads(TABLE.read_text(encoding="utf-8"))["byline"]
    right: Counter[tuple[str, str]] = Counter()
    total: Counter[str] = Counter()
    for row in rows:
        lang, want = row["lang"], dt.date.fromisoformat(row["day"])
        total[lang] += 1
        mark = classify_line(row["text"])
        if mark is None or mark.kind != "byline" or mark.date is None:
            print(f"not a dated byline: {row['text']!r}")
            continue
        right[("byline", lang)] += 1
        date = row["text"][mark.date[0] : mark.date[1]]
        month = Interval(earliest=want.replace(day=1), latest=want.replace(day=28))
        both = parse_byline_date(date, month)
        for name, got in (
            ("grammar", grammar_date(date, month)),
            ("dateparser", dateparser_date(date, month)),
            ("both", both.day if both else None),
        ):
            right[(name, lang)] += got == want
            if name == "both" and got != want:
                print(f"wrong: {row['text']!r} -> {got} (want {want})")
    langs = sorted(total)
    print(f"{'':22}" + "".join(f"{x:>8}" for x in [*langs, "all"]))
    for name, label in (
        ("byline", "taken as dated byline"),
        ("grammar", "Dutch grammar alone"),
        ("dateparser", "dateparser alone"),
        ("both", "grammar + dateparser"),
    ):
        cells = [f"{right[(name, x)]}/{total[x]}" for x in langs]
        cells.append(f"{sum(right[(name, x)] for x in langs)}/{sum(total.values())}")
        print(f"{label:22}" + "".join(f"{c:>8}" for c in cells))


if __name__ == "__main__":
    main()
