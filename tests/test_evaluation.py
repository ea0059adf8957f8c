"""Scoring against gold: quotes (development corpus) and character offsets (real news)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from tests.test_timex import _tx
from timeline.evaluation.events import evaluate_events
from timeline.evaluation.timex import evaluate_timex
from timeline.schema import Event, EventDate, Source, Timeline

D = dt.date
ROOT = Path(__file__).resolve().parents[1]


def _event(eid: str, article: str, start: int, end: int, **kw: object) -> Event:
    day = kw.pop("day", D(2025, 3, 1))
    return Event(
        id=eid,
        type=kw.pop("type", "call"),  # type: ignore[arg-type]
        participants=list(kw.pop("participants", ["putin", "trump"])),  # type: ignore[call-overload]
        status=kw.pop("status", "occurred"),  # type: ignore[arg-type]
        date=EventDate(earliest=day, latest=day, basis="test"),  # type: ignore[arg-type]
        location=kw.pop("location", None),  # type: ignore[arg-type]
        realizes=kw.pop("realizes", None),  # type: ignore[arg-type]
        sources=[Source(article=article, quote="x" * (end - start), start=start, end=end)],
    )


def _gold(tmp_path: Path, events: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"events": events}), encoding="utf-8")
    return path


def _gold_event(gid: str, article: str, start: int, end: int, **kw: object) -> dict[str, object]:
    return {
        "id": gid,
        "type": kw.get("type", "call"),
        "participants": ["putin", "trump"],
        "status": "occurred",
        "date": {"earliest": "2025-03-01", "latest": "2025-03-01"},
        "location": kw.get("location"),
        "realizes": kw.get("realizes"),
        "mentions": [{"article": article, "start": start, "end": end}],
    }


def test_offset_mentions_hit_by_overlap(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [_gold_event("g1", "a.txt", 100, 180)])
    hit = evaluate_events(gold, Timeline(events=[_event("E1", "a.txt", 150, 200)]))
    assert (hit.matched, hit.source_recall) == (1, 1.0)
    # adjacent, not overlapping: the sentence is not a source of the gold event
    miss = evaluate_events(gold, Timeline(events=[_event("E1", "a.txt", 180, 200)]))
    assert miss.source_recall == 0.0


def test_a_match_must_share_a_source_article(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [_gold_event("g1", "a.txt", 0, 50)])
    report = evaluate_events(gold, Timeline(events=[_event("E1", "b.txt", 0, 50)]))
    assert report.matched == 0 and report.missed and report.spurious


def test_location_and_realizes_are_scored(tmp_path: Path) -> None:
    gold = _gold(
        tmp_path,
        [
            _gold_event("plan", "a.txt", 0, 50, type="meeting"),
            _gold_event("held", "a.txt", 60, 90, type="meeting", location="Riyad", realizes="plan"),
        ],
    )
    right = Timeline(
        events=[
            _event("E1", "a.txt", 0, 50, type="meeting"),
            _event("E2", "a.txt", 60, 90, type="meeting", location="riyad", realizes="E1"),
        ]
    )
    r = evaluate_events(gold, right)
    assert (r.location_gold, r.location_accuracy, r.realizes_gold, r.realizes_accuracy) == (
        1,
        1.0,
        1,
        1.0,
    )
    wrong = Timeline(
        events=[
            _event("E1", "a.txt", 0, 50, type="meeting"),
            _event("E2", "a.txt", 60, 90, type="meeting", location="Washington"),
        ]
    )
    r = evaluate_events(gold, wrong)
    assert (r.location_accuracy, r.realizes_accuracy) == (0.0, 0.0)


def test_offset_timex_gold_is_aligned_by_overlap(tmp_path: Path) -> None:
    gold = tmp_path / "timex.jsonl"
    rows = [
        {
            "article": "a",
            "text": "op 20 januari",
            "start": 10,
            "end": 23,
            "earliest": "2025-01-20",
            "latest": "2025-01-20",
        },
        {
            "article": "a",
            "text": "gisteren",
            "start": 40,
            "end": 48,
            "earliest": "2025-02-11",
            "latest": "2025-02-11",
        },
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    # the prediction leaves out the preposition (relaxed match) and misses 'gisteren'
    pred = {"a": [_tx("20 januari", 13, D(2025, 1, 20)), _tx("gisteren", 60, D(2025, 2, 11))]}
    r = evaluate_timex(gold, pred)
    assert (r.matched, r.exact, r.recall) == (1, 1, 0.5)


REALDEV = ROOT.parent / "shared" / "corpus" / "realdev"
REALDEV_TEXTS = Path(os.environ.get("REALDEV_ARTICLES", ROOT / ".realdev" / "articles"))


@pytest.mark.skipif(
    not (REALDEV_TEXTS / "ra01.txt").exists(), reason="real-news texts not fetched (see README)"
)
def test_realdev_scores_do_not_fall_below_the_recorded_baseline() -> None:
    """The real-news set, when its texts are present: a floor under today's figures."""
    from timeline.evaluation.events import evaluate_events as score
    from timeline.loader import load_paths
    from timeline.pipeline import analyse_articles, assemble, redate_from_corpus

    analysed = analyse_articles(load_paths([REALDEV_TEXTS]).articles)
    timeline = assemble(redate_from_corpus(analysed, assemble(analysed)))
    r = score(REALDEV / "gold" / "timeline.json", timeline)
    # measured F1 0.827, status 0.887, date 0.806 when this floor was set; the floor
    # leaves room for a retrained model, not for a regression
    assert r.f1 >= 0.80 and r.status_accuracy >= 0.85 and r.date_accuracy >= 0.78
