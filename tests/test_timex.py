"""The timex API (issue 3): find_timexes, narrow_published, and the evaluator."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from timeline.evaluation.timex import evaluate_timex
from timeline.loader import parse_article
from timeline.schema import TimeExpression
from timeline.timex import find_timexes, narrow_published

D = dt.date


def test_find_timexes_offsets_rule_and_note() -> None:
    article = parse_article("date 2025-02-12\n\nTrump belde gisteren met Poetin.", "a.txt")
    (t,) = find_timexes(article)
    assert article.text[t.start : t.end] == t.text == "gisteren"
    assert (t.earliest, t.latest, t.value, t.granularity) == (
        D(2025, 2, 11),
        D(2025, 2, 11),
        "2025-02-11",
        "day",
    )
    assert t.rule == "deictic"
    assert t.note


def test_een_dag_later_follows_the_previous_date() -> None:
    text = "date 2025-01-27\n\nTrump sprak donderdag met Poetin. Een dag later zei Poetin iets."
    found = {t.text: t for t in find_timexes(parse_article(text, "a.txt"))}
    assert found["donderdag"].earliest == D(2025, 1, 23)
    assert found["Een dag later"].earliest == D(2025, 1, 24)


def test_narrow_published_by_inauguration() -> None:
    text = (
        "date 2025-02\n\nHet eerste contact sinds Trump bijna drie weken geleden "
        "opnieuw aantrad als president."
    )
    pub = narrow_published(parse_article(text, "a.txt"))
    assert pub.narrowed is not None
    assert (pub.narrowed.earliest, pub.narrowed.latest) == (D(2025, 2, 4), D(2025, 2, 10))
    assert pub.narrowed_because and "inauguration" in pub.narrowed_because


def test_narrow_published_leaves_day_dates_alone() -> None:
    article = parse_article("date 2025-02-12\n\nsinds Trump drie weken geleden aantrad", "a.txt")
    assert narrow_published(article) == article.published


def _tx(text: str, start: int, day: dt.date) -> TimeExpression:
    return TimeExpression(
        text=text,
        start=start,
        end=start + len(text),
        earliest=day,
        latest=day,
        value=day.isoformat(),
        granularity="day",
    )


def test_evaluate_timex(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"article": "a", "text": "gisteren", "earliest": "2025-02-11", "latest": "2025-02-11"},
        {"article": "a", "text": "morgen", "earliest": "2025-02-13", "latest": "2025-02-13"},
        {"article": "a", "text": "vandaag", "earliest": "2025-02-12", "latest": "2025-02-12"},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    pred = {
        "a": [
            _tx("Gisteren", 0, D(2025, 2, 11)),
            _tx("morgen", 10, D(2025, 2, 14)),
            _tx("zo", 20, D(2025, 2, 16)),
        ]
    }
    r = evaluate_timex(gold, pred)
    assert (r.matched, r.exact) == (2, 1)
    assert r.precision == 2 / 3 and r.recall == 2 / 3
    assert [m.text for m in r.misses] == ["vandaag"]
    assert [m.text for m in r.spurious] == ["zo"]
    assert [w.text for w in r.wrong] == ["morgen"]
    assert "F1" in r.render()


def test_dev_gold_targets() -> None:
    """Tracker issue 3: extent F1 and exact-interval accuracy ≥ 0.95 on the dev gold."""
    from timeline.loader import load_paths

    root = Path(__file__).resolve().parents[1]
    gold = root / "tests/fixtures/dev/gold/timex.jsonl"
    ids = {json.loads(line)["article"] for line in gold.read_text("utf-8").splitlines() if line}
    articles = [a for a in load_paths([root / "data"]).articles if a.id in ids]
    report = evaluate_timex(gold, {a.id: find_timexes(a) for a in articles})
    assert report.f1 >= 0.95
    assert report.accuracy >= 0.95


def test_every_rule_has_a_production() -> None:
    """The rules file and the productions agree (a registry guard, as spaCy's factories)."""
    from timeline.resources import load_toml
    from timeline.timex.recognise import PRODUCTIONS, compiled

    names = [r["name"] for r in load_toml("time_rules.toml")["rule"]]
    assert sorted(names) == sorted(PRODUCTIONS)
    assert len(compiled()) == len(names)
