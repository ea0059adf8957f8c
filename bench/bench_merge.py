"""Benchmark: the merge on an archive of wire copies, and on many distinct contacts.

Run: .venv/bin/python bench/bench_merge.py [DATA] [--copies 1,4,16,64] [--scale 10000,100000]

Two measurements, each in one run on this machine:

1. **Copies** (issue #16): `DATA` (default `data/`) replicated k times, each copy
   with one line appended so that no two files are identical. The articles of
   `DATA` are analysed once (through the analysis cache); a copy is the same
   `Article` with the line appended and a new id, and the same `ArticleAnalysis`
   with that id: the appended line names no contact, so this is what analysing
   the copy gives (`--check-copies` analyses real copies once to confirm it).
   For every k it prints the mentions, the events of the whole build (merge,
   date lines narrowed from the corpus, merge again), how many of those differ
   from what k = 1 gives (ids and sources aside), and the time of one merge
   (`pipeline.assemble`, which also finds the copies).
2. **Scale**: the mentions of `DATA` shifted k times by 53 weeks (a weekday stays
   that weekday), so every shift adds contacts of its own, up to N mentions; the
   merge time per N and the ratio between successive sizes (linear: the ratio
   of the sizes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from timeline import loader, merge, pipeline
from timeline.schema import Article, ArticleAnalysis, Event, EventMention, Interval

REPO = Path(__file__).resolve().parents[1]
SHIFT = dt.timedelta(weeks=53)


def _signature(e: Event) -> tuple[object, ...]:
    """An event as the reader sees it, ids and sources aside."""
    return (e.type, tuple(e.participants), e.status, e.date.earliest, e.date.latest, e.location)


def _rename(m: EventMention, article: str) -> EventMention:
    return m.model_copy(
        update={"article": article, "source": m.source.model_copy(update={"article": article})}
    )


def copies(analysed: pipeline.Analysed, k: int) -> pipeline.Analysed:
    """`analysed` k times: copy j > 0 of each article under `xNN/`, one line appended."""
    articles: list[Article] = []
    analyses: list[ArticleAnalysis] = []
    for j in range(k):
        for a, x in zip(analysed.articles, analysed.analyses, strict=True):
            if j == 0:
                articles.append(a)
                analyses.append(x)
                continue
            ident = f"x{j:02d}/{a.id}"
            text = a.text.rstrip("\n") + f"\n\nBijgewerkt: versie {j}.\n"
            sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
            articles.append(a.model_copy(update={"id": ident, "text": text, "sha256": sha}))
            analyses.append(
                x.model_copy(
                    update={"article": ident, "events": [_rename(m, ident) for m in x.events]}
                )
            )
    order = sorted(range(len(articles)), key=lambda i: articles[i].id)
    return pipeline.Analysed(
        articles=[articles[i] for i in order],
        analyses=[analyses[i] for i in order],
        focus=analysed.focus,
    )


def build(analysed: pipeline.Analysed) -> tuple[list[Event], float]:
    """The events of a whole build, and the seconds of one merge."""
    first = pipeline.assemble(analysed)
    analysed = pipeline.redate_from_corpus(analysed, first)
    gc.collect()
    t = time.process_time()
    timeline = pipeline.assemble(analysed)
    return timeline.events, time.process_time() - t


def _day(d: dt.date | None, n: int) -> dt.date | None:
    return None if d is None else d + SHIFT * n


def _shift_published(text: str, n: int) -> str:
    if len(text) == 7:  # "2025-02": the same month n × 53 weeks on
        first = dt.date.fromisoformat(text + "-15") + SHIFT * n
        return first.isoformat()[:7]
    try:
        return (dt.date.fromisoformat(text) + SHIFT * n).isoformat()
    except ValueError:
        return text


def _shift(m: EventMention, n: int) -> EventMention:
    article = f"s{n:05d}/{m.article}"
    date = m.date.model_copy(
        update={"earliest": _day(m.date.earliest, n), "latest": _day(m.date.latest, n)}
    )
    d = m.source.date
    source = m.source.model_copy(
        update={
            "article": article,
            "published": _shift_published(m.source.published, n),
            "date": None
            if d is None
            else Interval(earliest=_day(d.earliest, n), latest=_day(d.latest, n)),
        }
    )
    return m.model_copy(update={"article": article, "date": date, "source": source})


def scale(mentions: Sequence[EventMention], focus: frozenset[str], sizes: Sequence[int]) -> None:
    print("\nmerge of distinct contacts (mentions shifted by 53 weeks per copy)")
    print(f"{'mentions':>10} {'events':>8} {'seconds':>9} {'µs/mention':>11} {'×time':>7}")
    previous: tuple[int, float] | None = None
    for size in sizes:
        shifted = [_shift(mentions[i % len(mentions)], i // len(mentions)) for i in range(size)]
        gc.collect()
        t = time.process_time()
        events = merge.merge(shifted, focus)
        secs = time.process_time() - t
        ratio = f"{secs / previous[1]:6.1f}×" if previous else "      -"
        grow = f" (mentions ×{size / previous[0]:.0f})" if previous else ""
        print(
            f"{size:>10,} {len(events):>8,} {secs:>9.2f} {secs / size * 1e6:>11.1f} {ratio}{grow}"
        )
        previous = (size, secs)
        del shifted, events


def check_copies(
    original: pipeline.Analysed, sources: Sequence[Article], options: pipeline.BuildOptions
) -> None:
    """Analyse real copies (k = 2) and compare their mentions with the renamed ones."""
    copied = [
        loader.parse_article(a.text.rstrip("\n") + "\n\nBijgewerkt: versie 1.\n", f"x01/{a.id}")
        for a in sources
    ]
    real = pipeline.analyse_articles(copied, options)
    by_id = {x.article: x for x in original.analyses}
    differ = 0
    for a, x in zip(real.articles, real.analyses, strict=True):
        renamed = [_rename(m, a.id) for m in by_id[a.id.removeprefix("x01/")].events]
        differ += renamed != x.events
    print(f"check: {differ} of {len(copied)} analysed copies differ from the renamed analyses")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=REPO / "data")
    ap.add_argument("--copies", default="1,4,16,64", help="k values, comma-separated")
    ap.add_argument("--scale", default="10000,100000", help="mention counts; '' for none")
    ap.add_argument("--cache", type=Path, default=None, help="analysis cache (default: the user's)")
    ap.add_argument("--check-copies", action="store_true")
    ap.add_argument(
        "--no-copies", action="store_true", help="merge without finding wire copies (as before)"
    )
    args = ap.parse_args()
    if args.no_copies:
        from timeline import copies as wire

        wire.find_copies = lambda articles: {}  # type: ignore[assignment]
    from timeline.cache import default_cache_dir

    cache_dir = args.cache or default_cache_dir() or Path(tempfile.mkdtemp())
    options = pipeline.BuildOptions(cache_dir=cache_dir)
    loaded = loader.load_paths([args.data])
    t = time.perf_counter()
    original = pipeline.analyse_articles(loaded.articles, options)
    print(
        f"analysed {len(original.articles)} articles in {time.perf_counter() - t:.1f} s "
        f"({len(original.cached)} from the cache)",
        file=sys.stderr,
    )
    if args.check_copies:
        check_copies(original, loaded.articles, options)
    print(f"{args.data.name}/ replicated k times, one line appended to each copy")
    print(f"{'k':>4} {'mentions':>9} {'events':>7} {'differ':>7} {'merge s':>9} {'×time':>7}")
    base: Counter[tuple[object, ...]] | None = None
    previous: float | None = None
    for k in [int(x) for x in args.copies.split(",") if x]:
        analysed = copies(original, k)
        mentions = sum(len(x.events) for x in analysed.analyses)
        events, secs = build(analysed)
        got = Counter(_signature(e) for e in events)
        base = base if base is not None else got
        differ = sum(((got - base) + (base - got)).values())
        ratio = f"{secs / previous:6.1f}×" if previous else "      -"
        print(f"{k:>4} {mentions:>9,} {len(events):>7} {differ:>7} {secs:>9.3f} {ratio}")
        previous = secs
    sizes = [int(x) for x in args.scale.split(",") if x]
    if sizes:
        mentions_1 = [m for x in original.analyses for m in x.events]
        scale(mentions_1, original.focus, sizes)


if __name__ == "__main__":
    main()
