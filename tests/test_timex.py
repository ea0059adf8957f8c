"""The timex API (issue 3): find_timexes, narrow_published, and the evaluator."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.timex_articles import make_article
from timeline.evaluation.timex import evaluate_timex
from timeline.schema import Article, TimeExpression
from timeline.timex import find_timexes, narrow_published
from timeline.timex.recognise import compiled, recognise

D = dt.date


def test_find_timexes_offsets_rule_and_note() -> None:
    article = make_article("date 2025-02-12\n\nTrump belde gisteren met Poetin.", "a.txt")
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
    found = {t.text: t for t in find_timexes(make_article(text, "a.txt"))}
    assert found["donderdag"].earliest == D(2025, 1, 23)
    assert found["Een dag later"].earliest == D(2025, 1, 24)


def test_narrow_published_by_inauguration() -> None:
    text = (
        "date 2025-02\n\nHet eerste contact sinds Trump bijna drie weken geleden "
        "opnieuw aantrad als president."
    )
    pub = narrow_published(make_article(text, "a.txt"))
    assert pub.narrowed is not None
    assert (pub.narrowed.earliest, pub.narrowed.latest) == (D(2025, 2, 4), D(2025, 2, 10))
    assert pub.narrowed_because and "inauguration" in pub.narrowed_because


def test_narrow_published_by_counted_event() -> None:
    """ "gisteren … bijna drie weken nadat hij aantrad": gisteren is 4–10 February."""
    text = (
        "date 2025-02\n\nTrump belde gisteren met Poetin, bijna drie weken nadat hij "
        "op 20 januari opnieuw aantrad."
    )
    pub = narrow_published(make_article(text))
    assert pub.narrowed is not None
    assert (pub.narrowed.earliest, pub.narrowed.latest) == (D(2025, 2, 5), D(2025, 2, 11))
    assert pub.narrowed_because and "gisteren" in pub.narrowed_because


def test_narrow_published_not_across_reported_speech() -> None:
    text = (
        "date 2025-02\n\nVandaag zei Trump dat hij Poetin bijna drie weken nadat hij aantrad belde."
    )
    assert narrow_published(make_article(text)).narrowed is None


def test_seed_expressions_are_sound() -> None:
    """The seed articles (`date 2025-02`): each expression holds the day it denotes."""
    seeds = {p.name[:3]: p for p in (ROOT / "data").glob("0*.txt")}
    a = make_article(seeds["000"].read_text("utf-8"), seeds["000"].name)
    a = a.model_copy(update={"published": narrow_published(a)})
    got = {t.text.lower(): (t.earliest, t.latest) for t in find_timexes(a)}
    # narrowed to 4–10 February by "sinds Trump bijna drie weken geleden opnieuw aantrad"
    assert got["volgende week"] == (D(2025, 2, 10), D(2025, 2, 23))
    assert got["bijna drie weken geleden"] == (D(2025, 1, 14), D(2025, 1, 26))
    assert got["eerder deze week"] == (D(2025, 2, 3), D(2025, 2, 8))
    assert got["gisteren"] == (D(2025, 2, 3), D(2025, 2, 9))
    b = make_article(seeds["002"].read_text("utf-8"), seeds["002"].name)
    got = {t.text.lower(): (t.earliest, t.latest) for t in find_timexes(b)}
    assert got["gisteren"] == (D(2025, 1, 31), D(2025, 2, 27))
    assert got["vorig jaar"] == (D(2024, 1, 1), D(2024, 12, 31))
    assert got["in februari 2022"] == (D(2022, 2, 1), D(2022, 2, 28))
    assert got["sinds begin 2022"] == (D(2022, 1, 1), D(2025, 2, 28))
    assert got["kort voordat"] == (D(2022, 2, 10), D(2022, 2, 24))


def test_narrow_published_leaves_day_dates_alone() -> None:
    article = make_article("date 2025-02-12\n\nsinds Trump drie weken geleden aantrad", "a.txt")
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


ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests/fixtures/dev/gold/timex.jsonl"


def _dev_articles() -> list[Article]:
    """The dev articles of the gold, narrowed as the pipeline narrows them."""
    ids = {json.loads(line)["article"] for line in GOLD.read_text("utf-8").splitlines() if line}
    out = []
    for name in sorted(ids):
        a = make_article((ROOT / "data" / name).read_text("utf-8"), name)
        out.append(a.model_copy(update={"published": narrow_published(a)}))
    return out


def test_dev_gold_targets() -> None:
    """Tracker issue 3: extent F1 and exact-interval accuracy ≥ 0.95 on the dev gold."""
    report = evaluate_timex(GOLD, {a.id: find_timexes(a) for a in _dev_articles()})
    assert report.f1 >= 0.95
    assert report.accuracy >= 0.95


def test_windows_find_what_the_whole_text_holds() -> None:
    """Rules run only around their keys (recognise.py `_windows`): the same matches."""
    seeds = [make_article(p.read_text("utf-8"), p.name) for p in sorted(ROOT.glob("data/0*.txt"))]
    for a in [*_dev_articles(), *seeds]:
        assert recognise(a.text, a.body_start) == recognise(a.text, a.body_start, windowed=False)


def test_every_rule_has_keys_in_its_matches() -> None:
    """Each rule's `needs` occur in each of its matches over the dev articles (a key
    marked \\b at the start of a word)."""
    for a in _dev_articles():
        low = a.text.lower()
        for rule in compiled():
            for m in rule.pattern.finditer(a.text, a.body_start):
                if m.end() == m.start() or not rule.keys:
                    continue
                span = low[m.start() : m.end()]
                found = False
                for k in rule.keys:
                    word = k.removeprefix("\\b")
                    at = [i for i in range(len(span)) if span.startswith(word, i)]
                    if k.startswith("\\b"):
                        at = [
                            i
                            for i in at
                            if m.start() + i == 0 or not low[m.start() + i - 1].isalnum()
                        ]
                    found = found or bool(at)
                assert found, (rule.name, m)


def _read(date: str, body: str) -> dict[str, tuple[dt.date | None, dt.date | None]]:
    """Each time expression of `body`, dated `date`, with its interval."""
    article = make_article(f"date {date}\n\n{body}", "a.txt")
    return {t.text: (t.earliest, t.latest) for t in find_timexes(article)}


def test_a_day_of_the_month_the_article_is_dated_by_is_of_that_year() -> None:
    # a month-only date line: "12 mei" is May 2025 whether it lies ahead or past;
    # another month keeps the union over the possible days of publication
    found = _read("2025-05", "De ministers praten op 12 mei en op 3 mei.")
    assert found["op 12 mei"] == (dt.date(2025, 5, 12), dt.date(2025, 5, 12))
    assert found["op 3 mei"] == (dt.date(2025, 5, 3), dt.date(2025, 5, 3))
    other = _read("2025-05", "De ministers spraken op 20 april.")
    assert other == {"op 20 april": (dt.date(2025, 4, 20), dt.date(2025, 4, 20))}


def test_the_past_week_with_an_article_is_the_seven_days_before() -> None:
    # Tuesday 2025-11-25: "de afgelopen week" is the seven days before; "vorige week"
    # and "de komende week" are calendar weeks
    body = "De afgelopen week sprak zij Rutte. Vorige week ook. De komende week reist ze."
    found = _read("2025-11-25", body)
    assert found["De afgelopen week"] == (dt.date(2025, 11, 18), dt.date(2025, 11, 24))
    assert found["Vorige week"] == (dt.date(2025, 11, 17), dt.date(2025, 11, 23))
    assert found["komende week"] == (dt.date(2025, 12, 1), dt.date(2025, 12, 7))


def test_last_weekday_is_before_the_article_day() -> None:
    # Friday 2025-02-28: "afgelopen vrijdag" is a week ago; a bare "vrijdag" in the
    # past is that day
    body = "Afgelopen vrijdag sprak zij Rutte. Vrijdag sprak zij Macron."
    found = {k: v[0] for k, v in _read("2025-02-28", body).items()}
    assert found == {"Afgelopen vrijdag": dt.date(2025, 2, 21), "Vrijdag": dt.date(2025, 2, 28)}


def test_earlier_and_later_this_year() -> None:
    # Wednesday 2025-06-11: "eerder dit jaar" runs from 1 January to the day before,
    # "later dit jaar" from the day after to 31 December
    body = "Eerder dit jaar sprak zij Rutte. Later dit jaar spreekt zij Macron."
    found = _read("2025-06-11", body)
    assert found == {
        "Eerder dit jaar": (dt.date(2025, 1, 1), dt.date(2025, 6, 10)),
        "Later dit jaar": (dt.date(2025, 6, 12), dt.date(2025, 12, 31)),
    }


def test_a_preposition_directs_a_weekday() -> None:
    # Wednesday 2025-08-27, a clause in the past: "tot vrijdag" still lies ahead,
    # "sinds maandag" behind
    body = "De bond gaf de clubs tot vrijdag de tijd. Sinds maandag lag alles stil."
    found = _read("2025-08-27", body)
    assert found["tot vrijdag"] == (dt.date(2025, 8, 27), dt.date(2025, 8, 29))
    assert found["Sinds maandag"] == (dt.date(2025, 8, 25), dt.date(2025, 8, 27))


def test_by_a_date_runs_from_the_article_to_it() -> None:
    # Tuesday 2025-12-09: "tegen de kerst", "tegen vrijdag" are by then, from now
    body = "Tegen de kerst wil hij een akkoord. Tegen vrijdag valt een besluit."
    found = _read("2025-12-09", body)
    assert found == {
        "Tegen de kerst": (dt.date(2025, 12, 9), dt.date(2025, 12, 25)),
        "Tegen vrijdag": (dt.date(2025, 12, 9), dt.date(2025, 12, 12)),
    }
    assert (
        find_timexes(make_article("date 2025-12-09\n\nHij vocht tegen de Russen.", "b.txt")) == []
    )
