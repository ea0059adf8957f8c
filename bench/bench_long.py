"""Benchmark: one article that is long in sentences, and one long sentence.

Run: .venv/bin/python bench/bench_long.py [--sizes 250 1000 5000] [--words 30000] [--repeat N]
     [--live 1 2 4 8 [--live-date 2025-06] [--with-data]]

An article of n copies of "Trump sprak met Poetin." and one sentence of N words
without a full stop (a scraped table; then the same with dates among its words) are
built end to end (`build_timeline`, model loaded once, not timed, and used once
before timing); the time per size shows whether the per-article work is linear: each
line gives the wall and CPU seconds and how the CPU time grew from the size before
(x2 the sentences should cost x2). --live builds a live blog of the bodies of data/'s
articles K times over (real sentences, paragraphs and time expressions), alone or
with data/'s articles (--with-data: with a month-only --live-date, the corpus then
narrows the blog's date). With --repeat N each size is built N times and the build of
least CPU time is reported. Measured on this machine (2 cores, shared), whole process
before / build after the fixes of this benchmark's first commit: n = 1,000: 7.9 s /
1.1 s; n = 5,000: 135 s / 8.3 s; a 30,000-word sentence: 139 s / 5.7 s. README
"Performance" has the later figures.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from timeline import ner
from timeline.pipeline import build_timeline

DATA = Path(__file__).resolve().parents[1] / "data"


def _time(
    nlp: object, body: str, repeat: int = 1, date: str = "2025-03-01", with_data: bool = False
) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process, events) of building `body` (with the
    articles of data/ when `with_data`): the build of least CPU time of `repeat` (the
    machine is shared)."""
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(f"date {date}\n{body}\n", encoding="utf-8")
        paths = [path, DATA] if with_data else [path]
        for _ in range(repeat):
            t, cpu = time.perf_counter(), time.process_time()
            result = build_timeline(paths, nlp=nlp)  # type: ignore[arg-type]
            wall, cpu = time.perf_counter() - t, time.process_time() - cpu
            runs.append((cpu, wall, len(result.timeline.events)))
    cpu, wall, events = min(runs)
    return wall, cpu, events


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[250, 1000, 5000])
    parser.add_argument("--words", type=int, default=30000)
    parser.add_argument("--repeat", type=int, default=1, help="builds per size; the least CPU")
    parser.add_argument(
        "--live", type=int, nargs="*", default=[], help="live blogs of data/'s bodies K times over"
    )
    parser.add_argument("--live-date", default="2025-06-01", help="their date line (or YYYY-MM)")
    parser.add_argument(
        "--with-data", action="store_true", help="build each live blog with data/'s articles"
    )
    args = parser.parse_args()
    nlp = ner.load_pipeline()
    _time(nlp, "Trump sprak met Poetin. " * 10)  # first use (lazy tables), not timed
    previous: tuple[int, float] | None = None
    for n in args.sizes:
        seconds, cpu, events = _time(nlp, " ".join(["Trump sprak met Poetin."] * n), args.repeat)
        # the growth of the CPU time against the size before: x2 the sentences, x2 the time
        growth = f"   CPU x{cpu / previous[1]:.2f} for x{n / previous[0]:g}" if previous else ""
        print(
            f"{n:6} sentences   {seconds:8.2f} s   CPU {cpu:8.2f} s   "
            f"{cpu / n * 1000:6.2f} ms/sentence  events {events}{growth}"
        )
        previous = (n, cpu)
    _live(nlp, args.live, args.live_date, args.repeat, args.with_data)
    rng = random.Random(1)
    words = [
        "Trump",
        "Poetin",
        "de",
        "het",
        "gesprek",
        "met",
        "en",
        "een",
        "over",
        "Zelensky",
        "overleg",
        "in",
        "Moskou",
        "tabel",
    ]
    salad = " ".join(rng.choice(words) for _ in range(args.words))
    seconds, cpu, events = _time(nlp, salad, args.repeat)
    print(
        f"{args.words:6} words, one sentence   {seconds:8.2f} s   CPU {cpu:8.2f} s   events {events}"
    )
    # the same with time expressions among the words: each one reads its sentence
    words += ["maandag", "gisteren", "18 maart", "twee dagen later"]
    rng = random.Random(1)
    salad = " ".join(rng.choice(words) for _ in range(args.words))
    seconds, cpu, events = _time(nlp, salad, args.repeat)
    print(
        f"{args.words:6} words with dates   {seconds:8.2f} s   CPU {cpu:8.2f} s   events {events}"
    )


def _live(nlp: object, copies: list[int], date: str, repeat: int, with_data: bool) -> None:
    """A live blog: the bodies of data/'s articles, one paragraph block each, the whole
    list `k` times over (some 1,000 sentences and 15,500 words each time). With a
    month-only date line and data/ beside it, the corpus narrows its date."""
    bodies = [_body(p) for p in sorted(DATA.glob("*.txt"))]
    previous: tuple[int, float] | None = None
    for k in copies:
        body = "\n\n".join(bodies * k)
        seconds, cpu, events = _time(nlp, body, repeat, date, with_data)
        growth = f"   CPU x{cpu / previous[1]:.2f} for x{k / previous[0]:g}" if previous else ""
        print(
            f"live blog x{k:<3} {len(body.split()):8,} words   {seconds:8.2f} s   CPU {cpu:8.2f} s"
            f"   events {events}{growth}"
        )
        previous = (k, cpu)


def _body(path: Path) -> str:
    """An article's text without its date line."""
    text = path.read_text(encoding="utf-8").strip()
    return text.split(None, 2)[2] if text.startswith("date ") else text


if __name__ == "__main__":
    main()
