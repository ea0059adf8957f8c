"""Scoring time expressions against gold (tests/fixtures/dev/gold/timex.jsonl).

Matching: within an article, gold and predicted expressions are aligned in text
order on case-insensitive text (a greedy in-order alignment, so a repeated
"gisteren" matches the next unused one). Gold with character offsets (the
real-news set) is aligned by overlap instead (a relaxed extent match: "op 20
januari" and "20 januari" are one expression). Extent P/R/F1 counts aligned pairs;
exact-interval accuracy is the share of gold expressions whose aligned
prediction has exactly the gold earliest and latest.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pydantic import BaseModel

from timeline.schema import TimeExpression


class GoldTimex(BaseModel):
    article: str
    text: str
    earliest: dt.date | None
    latest: dt.date | None
    value: str | None = None
    start: int | None = None
    end: int | None = None


class WrongInterval(BaseModel):
    article: str
    text: str
    gold: tuple[dt.date | None, dt.date | None]
    predicted: tuple[dt.date | None, dt.date | None]
    rule: str = ""


class Miss(BaseModel):
    article: str
    text: str


class TimexReport(BaseModel):
    gold: int
    predicted: int
    matched: int
    exact: int
    precision: float
    recall: float
    f1: float
    accuracy: float
    misses: list[Miss]
    spurious: list[Miss]
    wrong: list[WrongInterval]

    def render(self) -> str:
        lines = [
            f"gold {self.gold}  predicted {self.predicted}  matched {self.matched}",
            f"extent  P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}",
            f"exact-interval accuracy {self.accuracy:.3f} ({self.exact}/{self.gold})",
        ]
        if self.misses:
            lines.append(f"misses ({len(self.misses)}):")
            lines += [f"  {m.article}: {m.text!r}" for m in self.misses]
        if self.spurious:
            lines.append(f"spurious ({len(self.spurious)}):")
            lines += [f"  {m.article}: {m.text!r}" for m in self.spurious]
        if self.wrong:
            lines.append(f"wrong intervals ({len(self.wrong)}):")
            lines += [
                f"  {w.article}: {w.text!r} gold {_iv(w.gold)} got {_iv(w.predicted)} [{w.rule}]"
                for w in self.wrong
            ]
        return "\n".join(lines)


def _iv(p: tuple[dt.date | None, dt.date | None]) -> str:
    return f"{p[0] or '…'}…{p[1] or '…'}"


def load_gold(path: Path) -> dict[str, list[GoldTimex]]:
    out: dict[str, list[GoldTimex]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = GoldTimex.model_validate_json(line)
            out.setdefault(g.article, []).append(g)
    return out


def _align(gold: list[GoldTimex], pred: list[TimeExpression]) -> list[tuple[int, int]]:
    """Longest common subsequence on lower-cased text: order-preserving, one-to-one."""
    a = [g.text.lower() for g in gold]
    b = [p.text.lower() for p in pred]
    n, m = len(a), len(b)
    t = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            t[i][j] = t[i + 1][j + 1] + 1 if a[i] == b[j] else max(t[i + 1][j], t[i][j + 1])
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif t[i + 1][j] >= t[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _align_spans(gold: list[GoldTimex], pred: list[TimeExpression]) -> list[tuple[int, int]]:
    """One-to-one pairs of overlapping spans, the largest overlap first."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            overlap = min(g.end or 0, p.end) - max(g.start or 0, p.start)
            if overlap > 0:
                cands.append((-overlap, i, j))
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            pairs.append((i, j))
            used_g.add(i)
            used_p.add(j)
    return sorted(pairs)


def evaluate_timex(gold_path: Path, predictions: dict[str, list[TimeExpression]]) -> TimexReport:
    gold = load_gold(gold_path)
    n_gold = n_pred = matched = exact = 0
    misses: list[Miss] = []
    spurious: list[Miss] = []
    wrong: list[WrongInterval] = []
    for art in sorted(set(gold) | set(predictions)):
        gs, ps = gold.get(art, []), predictions.get(art, [])
        if art not in gold:
            continue  # articles without gold are not scored
        n_gold += len(gs)
        n_pred += len(ps)
        offsets = all(g.start is not None and g.end is not None for g in gs)
        pairs = _align_spans(gs, ps) if offsets else _align(gs, ps)
        gi = {i for i, _ in pairs}
        pj = {j for _, j in pairs}
        matched += len(pairs)
        for i, j in pairs:
            g, p = gs[i], ps[j]
            if (g.earliest, g.latest) == (p.earliest, p.latest):
                exact += 1
            else:
                wrong.append(
                    WrongInterval(
                        article=art,
                        text=g.text,
                        gold=(g.earliest, g.latest),
                        predicted=(p.earliest, p.latest),
                        rule=p.rule,
                    )
                )
        misses += [Miss(article=art, text=g.text) for i, g in enumerate(gs) if i not in gi]
        spurious += [Miss(article=art, text=p.text) for j, p in enumerate(ps) if j not in pj]
    prec = matched / n_pred if n_pred else 0.0
    rec = matched / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return TimexReport(
        gold=n_gold,
        predicted=n_pred,
        matched=matched,
        exact=exact,
        precision=prec,
        recall=rec,
        f1=f1,
        accuracy=exact / n_gold if n_gold else 0.0,
        misses=misses,
        spurious=spurious,
        wrong=wrong,
    )


def dump_predictions(predictions: dict[str, list[TimeExpression]]) -> str:
    rows = []
    for art, ps in predictions.items():
        for p in ps:
            rows.append(
                json.dumps(
                    {
                        "article": art,
                        "text": p.text,
                        "earliest": p.earliest.isoformat() if p.earliest else None,
                        "latest": p.latest.isoformat() if p.latest else None,
                        "value": p.value,
                    },
                    ensure_ascii=False,
                )
            )
    return "\n".join(rows)
