"""`timeline diff` end to end: identical corpora, and the two development versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.corpus_versions import materialise_version
from timeline.evaluation.events import load_gold, participants_match

from .conftest import DATA, DEV

runner = CliRunner()


def test_same_corpus_no_changes() -> None:
    result = runner.invoke(app, ["diff", str(DATA), str(DATA)])
    assert result.exit_code == 0
    assert result.stdout == "no changes\n"
    result = runner.invoke(app, ["diff", str(DATA), str(DATA), "--quiet"])
    assert result.exit_code == 0 and result.stdout == ""


def _versions(root: Path) -> tuple[Path, Path]:
    """The older development corpus (v1) and the current one, as two folders."""
    v1 = materialise_version(DEV / "versions.json", DATA, DEV / "v1", root / "v1")
    v2 = root / "v2"
    v2.mkdir()
    for p in sorted(DATA.glob("1*.txt")):
        (v2 / p.name).write_bytes(p.read_bytes())
    return v1, v2


@pytest.fixture(scope="module")
def version_diff(tmp_path_factory: pytest.TempPathFactory) -> dict:
    v1, v2 = _versions(tmp_path_factory.mktemp("versions"))
    result = runner.invoke(app, ["diff", str(v1), str(v2), "-f", "json"])
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def test_versions_diff_finds_the_new_contacts(version_diff: dict) -> None:
    expected = json.loads((DEV / "versions.json").read_text(encoding="utf-8"))["expected_diff"]
    gold = {g.id: g for g in load_gold(DEV / "gold" / "timeline.json")}
    found = [
        gid
        for gid in expected["added"]
        if any(
            participants_match(gold[gid].participants, e["participants"])
            and gold[gid].date.earliest is not None
            and (e["date"]["latest"] or "9999") >= gold[gid].date.earliest.isoformat()
            and (e["date"]["earliest"] or "0000")
            <= (gold[gid].date.latest or gold[gid].date.earliest).isoformat()
            for e in version_diff["added"]
        )
    ]
    assert len(found) / len(expected["added"]) >= 0.6, found


def test_versions_diff_sees_the_cancelled_summit(version_diff: dict) -> None:
    # E227 in the gold: the Budapest summit, planned in v1, called off in the current corpus
    status_changes = [
        (c["changes"], c["id"])
        for c in version_diff["changed"]
        if any(
            x["field"] == "status" and x["from"] == "planned" and x["to"] == "cancelled"
            for x in c["changes"]
        )
    ]
    assert status_changes


def test_diff_markdown_between_json_files(tmp_path: Path) -> None:
    a = runner.invoke(app, ["build", str(DATA / "000_f477c49fb5cfa348.txt"), "-q"]).stdout
    b = runner.invoke(
        app,
        [
            "build",
            str(DATA / "000_f477c49fb5cfa348.txt"),
            str(DATA / "002_e357c4b761ac78d2.txt"),
            "-q",
        ],
    ).stdout
    (tmp_path / "a.json").write_text(a, encoding="utf-8")
    (tmp_path / "b.json").write_text(b, encoding="utf-8")
    result = runner.invoke(
        app, ["diff", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "-f", "md"]
    )
    assert result.exit_code == 1
    assert "## " in result.stdout


# The fields of an event that `expected_diff` speaks of: all but `sources`, which
# change with the articles' sentences and which it does not list.
GOLD_FIELDS = ("type", "participants", "status", "date", "location", "realizes")


def _gold_id(event: dict, gold: list, taken: set[str]) -> str | None:
    """The gold event this diff event is: same participants, type and status, overlapping
    dates, reported by one of the same articles."""
    from timeline.schema import Interval

    date = Interval.model_validate_json(
        json.dumps({"earliest": event["date"]["earliest"], "latest": event["date"]["latest"]})
    )
    fits = [
        g
        for g in gold
        if g.id not in taken
        and participants_match(g.participants, event["participants"])
        and g.type == event["type"]
        and g.status == event["status"]
        and g.date.overlaps(date)
        and {m.article for m in g.mentions} & {s["article"] for s in event["sources"]}
    ]
    # the tightest gold event first: a vaguer one is the less likely reading
    fits.sort(key=lambda g: (g.date.width() if g.date.width() is not None else 10**6, g.id))
    return fits[0].id if fits else None


@pytest.fixture(scope="module")
def version_diff_as_written(tmp_path_factory: pytest.TempPathFactory) -> dict:
    v1, v2 = _versions(tmp_path_factory.mktemp("versions-as-written"))
    result = runner.invoke(app, ["diff", str(v1), str(v2), "-f", "json", "--date-lines-as-written"])
    assert result.exit_code == 1, result.output
    built = runner.invoke(app, ["build", str(v2), "-q", "--date-lines-as-written"])
    assert built.exit_code == 0, built.output
    diff = json.loads(result.stdout)
    diff["new_events"] = {e["id"]: e for e in json.loads(built.stdout)["events"]}
    return diff


def test_versions_diff_is_exactly_the_expected_diff(version_diff_as_written: dict) -> None:
    """With date lines as written (the gold's convention), the diff of the two corpus
    versions is `expected_diff`: the same added and removed contacts, and the same
    changed fields with the same values, in the fields the gold has."""
    expected = json.loads((DEV / "versions.json").read_text(encoding="utf-8"))["expected_diff"]
    gold = load_gold(DEV / "gold" / "timeline.json")
    d = version_diff_as_written
    taken: set[str] = set()
    added = []
    for e in sorted(d["added"], key=lambda e: (e["date"]["earliest"] or "", e["id"])):
        gid = _gold_id(e, gold, taken)
        added.append(gid)
        taken.add(gid or "")
    assert sorted(added, key=str) == sorted(expected["added"])
    assert d["removed"] == [] == expected["removed"]
    changed = set()
    for c in d["changed"]:
        # sources change with the articles; `expected_diff` lists none
        fields = [x for x in c["changes"] if x["field"] != "sources"]
        assert all(x["field"] in GOLD_FIELDS for x in fields), fields
        if not fields:
            continue
        gid = _gold_id(d["new_events"][c["id"]], gold, set())
        for x in fields:
            changed.add((gid, x["field"], json.dumps(x["from"]), json.dumps(x["to"])))
    want = {
        (x["id"], x["field"], json.dumps(x["from"]), json.dumps(x["to"]))
        for x in expected["changed"]
    }
    assert changed == want
