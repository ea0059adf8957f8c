"""Scoring a built timeline against a gold timeline (corpus/dev/gold/timeline.json).

Matching: a predicted event matches a gold event when their participant sets are
equal (for meetings of three or more, when the leaders among them are equal and
the sets overlap by at least half), their date intervals overlap and they share a
source article (an event found in other articles than the ones that report it is
not the same finding). Pairs are matched one-to-one, best first (more shared
sentences, same type, same status, tighter date).

A gold mention is either a quote (`{"article", "quote"}`, the development corpus)
or a character span of the article text (`{"article", "start", "end"}`, the
real-news set, whose texts may not be quoted): a source sentence hits it when the
quotes contain one another, or when the spans overlap.

Location is scored on the matched events whose gold names one, `realizes` on the
matched events whose gold links a plan (right when the prediction links the event
matched to that plan).
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
    quote: str | None = None
    start: int | None = None
    end: int | None = None


class GoldEvent(BaseModel):
    id: str
    type: str
    participants: list[str]
    status: str
    date: Interval
    true_date: dt.date | None = None
    location: str | None = None
    realizes: str | None = None
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
    matched_source_recall: float = 0.0
    location_gold: int = 0
    location_accuracy: float = 0.0
    realizes_gold: int = 0
    realizes_accuracy: float = 0.0
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
            f"source recall {self.source_recall:.3f} (of all gold sentences; "
            f"{self.matched_source_recall:.3f} of those of matched events)",
            f"location accuracy {self.location_accuracy:.3f} (of {self.location_gold} matched "
            "events with a gold location)",
            f"realizes accuracy {self.realizes_accuracy:.3f} (of {self.realizes_gold} matched "
            "events that realize a plan)",
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
    for s in pred.sources:
        if s.article != g.article:
            continue
        if g.quote is not None:
            if g.quote in s.quote or s.quote in g.quote:
                return True
        elif g.start is not None and g.end is not None and s.start < g.end and g.start < s.end:
            return True
    return False


def _shares_article(g: GoldEvent, pred: Event) -> bool:
    return bool({m.article for m in g.mentions} & {s.article for s in pred.sources})


def _place(name: str | None) -> str:
    return (name or "").casefold().strip()


def evaluate_events(gold_path: Path, timeline: Timeline) -> EventReport:
    gold = load_gold(gold_path)
    pred = timeline.events
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if (
                participants_match(g.participants, p.participants)
                and g.date.overlaps(p.date.interval)
                and _shares_article(g, p)
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
    matched_mentions = sum(len(gold[gi].mentions) for gi in gold_to_pred)
    located = [(g, p) for g, p in gold_to_pred.items() if gold[g].location]
    places = sum(_place(gold[g].location) == _place(pred[p].location) for g, p in located)
    gold_index = {e.id: i for i, e in enumerate(gold)}
    linked = [(g, p) for g, p in gold_to_pred.items() if gold[g].realizes]
    links = sum(
        (target := gold_to_pred.get(gold_index.get(gold[g].realizes or "", -1))) is not None
        and pred[p].realizes == pred[target].id
        for g, p in linked
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
        matched_source_recall=hits / matched_mentions if matched_mentions else 0.0,
        location_gold=len(located),
        location_accuracy=places / len(located) if located else 0.0,
        realizes_gold=len(linked),
        realizes_accuracy=links / len(linked) if linked else 0.0,
        missed=[_fmt(g) for gi, g in enumerate(gold) if gi not in gold_to_pred],
        spurious=[_fmt(p) for pi, p in enumerate(pred) if pi not in used],
        wrong=wrong,
    )
