"""Benchmark: our Dutch time resolver vs dateparser.search.search_dates on the dev articles.

    .venv/bin/python bench/bench_timex.py [--repeat N]

Both run on the same articles in one process; both are scored with
`timeline.evaluation.timex.evaluate_timex` against the dev gold. dateparser
returns a datetime per phrase, so it is scored as the day it names (it fills a
fake day into "februari 2025"; we keep the period, see /work/shared/STYLE.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from dateparser.search import search_dates

from timeline.evaluation.timex import evaluate_timex
from timeline.loader import load_paths
from timeline.schema import Article, TimeExpression
from timeline.timex import find_timexes

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests/fixtures/dev/gold/timex.jsonl"


def dateparser_timexes(article: Article) -> list[TimeExpression]:
    base = dt.datetime.combine(article.published.earliest, dt.time(12))
    body = article.body
    found = search_dates(body, languages=["nl"], settings={"RELATIVE_BASE": base}) or []
    out: list[TimeExpression] = []
    pos = 0
    for phrase, when in found:
        i = body.find(phrase, pos)
        if i < 0:
            continue
        pos = i + len(phrase)
        day = when.date()
        start = article.body_start + i
        out.append(
            TimeExpression(
                text=phrase,
                start=start,
                end=start + len(phrase),
                earliest=day,
                latest=day,
                value=day.isoformat(),
                granularity="day",
                rule="dateparser",
            )
        )
    return out


def run(name: str, fn, articles: list[Article], repeat: int) -> tuple[float, dict]:  # type: ignore[no-untyped-def]
    preds = {}
    t0 = time.perf_counter()
    for _ in range(repeat):
        preds = {a.id: fn(a) for a in articles}
    secs = time.perf_counter() - t0
    rate = repeat * len(articles) / secs if secs else float("inf")
    report = evaluate_timex(GOLD, preds)
    print(
        f"{name:12s} {rate:10.1f} articles/s  extent P {report.precision:.3f} R {report.recall:.3f}"
        f" F1 {report.f1:.3f}  exact-interval {report.accuracy:.3f}"
    )
    return rate, preds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="passes over the articles for timing")
    args = ap.parse_args()
    articles = [a for a in load_paths([ROOT / "data"]).articles if a.id.startswith("1")]
    print(f"{len(articles)} articles, gold {GOLD.relative_to(ROOT)}")
    ours, _ = run("timeline", find_timexes, articles, args.repeat)
    theirs, _ = run("dateparser", dateparser_timexes, articles, 1)
    print(f"speed ratio timeline/dateparser: {ours / theirs:.1f}x")


if __name__ == "__main__":
    main()
