"""Scoring a built timeline against a gold timeline (corpus/dev/gold/timeline.json).

Matching: a predicted event matches a gold event when their participant sets are
equal (for meetings of three or more, when the leaders among them are equal and
the sets overlap by at least half) and their date intervals overlap. Pairs are
matched one-to-one, best first (same type, same status, tighter date).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pydantic import BaseModel

from timeline.schema import Event, Interval, Timeline

FOCUS = frozenset({"trump", "zelensky", "putin"})


class GoldMention(BaseModel):
    article: str
    quote: str


class GoldEvent(BaseModel):
    id: str
    type: str
    participants: list[str]
    status: str
    date: Interval
    true_date: dt.date | None = None
    mentions: list[GoldMention]


class EventReport(BaseModel):
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    type_accuracy: float
    status_accuracy: float
    date_accuracy: float
    duplicates: int
    source_recall: float
    missed: list[str]
    spurious: list[str]
    wrong: list[str]

    def render(self) -> str:
        lines = ["Events"]
        lines += [f"  missed   {m}" for m in self.missed]
        lines += [f"  spurious {s}" for s in self.spurious]
        lines += [f"  wrong    {w}" for w in self.wrong]
        lines += [
            f"gold {self.gold}, predicted {self.predicted}, matched {self.matched}, "
            f"duplicates {self.duplicates}",
            f"event precision {self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f}",
            f"type accuracy {self.type_accuracy:.3f}",
            f"status accuracy {self.status_accuracy:.3f}",
            f"date accuracy {self.date_accuracy:.3f}",
            f"source recall {self.source_recall:.3f}",
        ]
        return "\n".join(lines)


def load_gold(path: Path) -> list[GoldEvent]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [GoldEvent.model_validate_json(json.dumps(e)) for e in raw["events"]]


def participants_match(gold: list[str], pred: list[str]) -> bool:
    g, p = set(gold), set(pred)
    if g == p:
        return True
    if len(g) >= 3 or len(p) >= 3:
        return (g & FOCUS) == (p & FOCUS) and len(g & p) / len(g | p) >= 0.5
    return False


def date_right(gold: GoldEvent, pred: Event) -> bool:
    inside = gold.date.contains(pred.date.interval)
    if gold.true_date is not None:
        day = Interval(earliest=gold.true_date, latest=gold.true_date)
        return inside and pred.date.interval.contains(day)
    return inside


def _fmt(e: GoldEvent | Event) -> str:
    d = e.date
    return f"{e.id} {e.type} {e.status} {'+'.join(e.participants)} {d.earliest or '…'}–{d.latest or '…'}"


def _source_hit(g: GoldMention, pred: Event) -> bool:
    return any(
        s.article == g.article and (g.quote in s.quote or s.quote in g.quote) for s in pred.sources
    )


def evaluate_events(gold_path: Path, timeline: Timeline) -> EventReport:
    gold = load_gold(gold_path)
    pred = timeline.events
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if participants_match(g.participants, p.participants) and g.date.overlaps(
                p.date.interval
            ):
                score = (
                    -sum(_source_hit(m, p) for m in g.mentions),
                    g.type != p.type,
                    g.status != p.status,
                    not date_right(g, p),
                    gi,
                    pi,
                )
                pairs.append((score, gi, pi))
    pairs.sort()
    gold_to_pred: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in gold_to_pred and pi not in used:
            gold_to_pred[gi] = pi
            used.add(pi)
    matched = len(gold_to_pred)
    # a duplicate: an unmatched event built from sentences of an event already matched
    duplicates = sum(
        1
        for pi, p in enumerate(pred)
        if pi not in used
        and any(
            participants_match(gold[gi].participants, p.participants)
            and any(_source_hit(m, p) for m in gold[gi].mentions)
            for gi in gold_to_pred
        )
    )
    types = sum(gold[g].type == pred[p].type for g, p in gold_to_pred.items())
    statuses = sum(gold[g].status == pred[p].status for g, p in gold_to_pred.items())
    dates = sum(date_right(gold[g], pred[p]) for g, p in gold_to_pred.items())
    total_mentions = sum(len(g.mentions) for g in gold)
    hits = sum(
        _source_hit(m, pred[gold_to_pred[gi]])
        for gi, g in enumerate(gold)
        if gi in gold_to_pred
        for m in g.mentions
    )
    precision = matched / len(pred) if pred else 0.0
    recall = matched / len(gold) if gold else 0.0
    wrong = [
        f"{_fmt(gold[g])}  ←  {_fmt(pred[p])}"
        for g, p in sorted(gold_to_pred.items())
        if gold[g].type != pred[p].type
        or gold[g].status != pred[p].status
        or not date_right(gold[g], pred[p])
    ]
    return EventReport(
        gold=len(gold),
        predicted=len(pred),
        matched=matched,
        precision=precision,
        recall=recall,
        f1=2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        type_accuracy=types / matched if matched else 0.0,
        status_accuracy=statuses / matched if matched else 0.0,
        date_accuracy=dates / matched if matched else 0.0,
        duplicates=duplicates,
        source_recall=hits / total_mentions if total_mentions else 0.0,
        missed=[_fmt(g) for gi, g in enumerate(gold) if gi not in gold_to_pred],
        spurious=[_fmt(p) for pi, p in enumerate(pred) if pi not in used],
        wrong=wrong,
    )
