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


def timed(fn, articles: list[Article], rounds: int) -> tuple[list[float], dict]:  # type: ignore[no-untyped-def]
    """Seconds per pass over the articles, one pass per round, and the predictions."""
    preds = {}
    secs = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        preds = {a.id: fn(a) for a in articles}
        secs.append(time.perf_counter() - t0)
    return secs, preds


def report(name: str, secs: list[float], n: int, preds: dict) -> float:  # type: ignore[type-arg]
    rate = n / min(secs)
    r = evaluate_timex(GOLD, preds)
    print(
        f"{name:12s} {rate:10.1f} articles/s  extent P {r.precision:.3f} R {r.recall:.3f}"
        f" F1 {r.f1:.3f}  exact-interval {r.accuracy:.3f}"
    )
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--repeat", type=int, default=5, help="rounds of timing (3 of ours, 1 of dateparser)"
    )
    args = ap.parse_args()
    articles = [a for a in load_paths([ROOT / "data"]).articles if a.id.startswith("1")]
    print(f"{len(articles)} articles, gold {GOLD.relative_to(ROOT)}")
    # one untimed pass each first, so that neither side is timed loading its data or patterns;
    # then passes alternate and each side keeps its best (the machine may be shared: a load
    # burst then slows one pass of either side, not all of one side)
    for fn in (find_timexes, dateparser_timexes):
        for a in articles:
            fn(a)
    ours: list[float] = []
    theirs: list[float] = []
    our_preds: dict = {}  # type: ignore[type-arg]
    their_preds: dict = {}  # type: ignore[type-arg]
    for _ in range(args.repeat):
        s, our_preds = timed(find_timexes, articles, 3)
        ours.extend(s)
        s, their_preds = timed(dateparser_timexes, articles, 1)
        theirs.extend(s)
    a = report("timeline", ours, len(articles), our_preds)
    b = report("dateparser", theirs, len(articles), their_preds)
    print(
        f"speed ratio timeline/dateparser: {a / b:.1f}x (best of {len(ours)} / {len(theirs)} passes)"
    )


if __name__ == "__main__":
    main()
