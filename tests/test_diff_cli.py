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


@pytest.fixture(scope="module")
def version_diff(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("versions")
    v1 = materialise_version(DEV / "versions.json", DATA, DEV / "v1", root / "v1")
    v2 = root / "v2"
    v2.mkdir()
    for p in sorted(DATA.glob("1*.txt")):
        (v2 / p.name).write_bytes(p.read_bytes())
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
