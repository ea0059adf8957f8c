"""End-to-end: the CLI on the bundled corpus, the seeds, bad input; golden outputs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.schema import Timeline

from .conftest import DATA, DEV, ROOT, SEEDS

runner = CliRunner()
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def data_json() -> str:
    result = runner.invoke(app, ["build", str(DATA), "-q"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_build_data_follows_the_contract(data_json: str) -> None:
    data = json.loads(data_json)
    Timeline.model_validate_json(data_json)
    assert data["events"], "no events built"
    texts = {p.name: p.read_text(encoding="utf-8") for p in DATA.glob("*.txt")}
    for e in data["events"]:
        assert set(e) >= {
            "id",
            "type",
            "participants",
            "status",
            "date",
            "location",
            "sources",
            "realizes",
        }
        assert e["participants"] == sorted(e["participants"])
        assert set(e["date"]) >= {"earliest", "latest"}
        for s in e["sources"]:
            assert texts[s["article"]][s["start"] : s["end"]] == s["quote"]
    keys = [(e["date"]["earliest"] or e["date"]["latest"] or "") for e in data["events"]]
    dated = [k for k in keys if k]
    assert dated == sorted(dated) or keys == sorted(keys)
    assert len({e["id"] for e in data["events"]}) == len(data["events"])


def test_build_is_byte_identical(data_json: str) -> None:
    again = runner.invoke(app, ["build", str(DATA), "-q"])
    assert again.stdout == data_json


def _seed_events() -> list[dict]:
    result = runner.invoke(app, ["build", *map(str, SEEDS), "-q"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["events"]


def test_seeds() -> None:
    events = _seed_events()
    meeting = [
        e for e in events if e["participants"] == ["trump", "zelensky"] and e["status"] == "planned"
    ]
    assert meeting, events
    assert {s["article"] for m in meeting for s in m["sources"]} >= {p.name for p in SEEDS} or len(
        meeting
    ) >= 1
    claimed = [
        e
        for e in events
        if e["participants"] == ["putin", "trump"]
        and e["type"] == "call"
        and e["status"] == "claimed"
    ]
    assert claimed, [(e["participants"], e["type"], e["status"]) for e in events]
    biden = [e for e in events if e["participants"] == ["biden", "putin"]]
    assert biden
    assert (
        biden[0]["date"]["earliest"] >= "2022-02-01" and biden[0]["date"]["latest"] <= "2022-02-28"
    )
    for e in events:  # `date 2025-02` articles: never an invented day in 2025
        d = e["date"]
        if d["earliest"] and d["latest"] and d["earliest"] >= "2025-01-01":
            assert d["earliest"] != d["latest"], e


def test_markdown_and_english(tmp_path: Path) -> None:
    out = tmp_path / "t.md"
    result = runner.invoke(app, ["build", *map(str, SEEDS), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Tijdlijn") and "Bronnen" in md
    result = runner.invoke(app, ["build", *map(str, SEEDS), "-f", "md", "--lang", "en", "-q"])
    assert result.stdout.startswith("# Timeline of contacts")


def test_export_roundtrip(tmp_path: Path, data_json: str) -> None:
    src = tmp_path / "t.json"
    src.write_text(data_json, encoding="utf-8")
    result = runner.invoke(app, ["export", str(src), "-f", "json"])
    assert result.stdout == data_json
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["export", str(bad), "-f", "md"])
    assert result.exit_code == 2 and "not valid JSON" in result.stderr


def test_inspect_lists_entities_and_timexes() -> None:
    result = runner.invoke(app, ["inspect", str(SEEDS[0]), "-f", "json"])
    assert result.exit_code == 0, result.output
    (article,) = json.loads(result.stdout)["articles"]
    assert article["entities"] and article["timexes"]
    assert {"text", "label", "start", "end", "actor"} <= set(article["entities"][0])
    assert {"text", "start", "end", "earliest", "latest", "value"} <= set(article["timexes"][0])
    texts = [t["text"].lower() for t in article["timexes"]]
    assert "volgende week" in " ".join(texts)
    result = runner.invoke(app, ["inspect", str(DATA / "103_trump-poetin-eerste-gesprek.txt")])
    assert result.exit_code == 0 and "Time expressions" in result.stdout


def test_inspect_tokens_shows_the_linguistic_layer(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text(
        "date 2025-02-12\n\nTrump heeft gisteren met Poetin gebeld. Ze spraken een uur.",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["inspect", str(art), "-f", "json", "--tokens"])
    assert result.exit_code == 0, result.output
    (article,) = json.loads(result.stdout)["articles"]
    assert "tokens" not in article  # the flat list stays out; sentences carry them
    first, second = article["sentences"]
    words = {t["text"]: t for t in first["tokens"]}
    assert words["gebeld"]["lemma"] and words["gebeld"]["pos"] == "VERB"
    assert "VerbForm=Part" in words["gebeld"]["morph"]
    assert words["Trump"]["dep"] == "nsubj" and words["Trump"]["head"] == words["gebeld"]["i"]
    assert second["text"] == "Ze spraken een uur."
    only = runner.invoke(app, ["inspect", str(art), "--tokens", "--sentence", "spraken"])
    assert only.exit_code == 0 and "Tokens: Ze spraken een uur." in only.stdout
    assert "Tokens: Trump" not in only.stdout
    plain = json.loads(runner.invoke(app, ["inspect", str(art), "-f", "json"]).stdout)
    assert "sentences" not in plain["articles"][0]


def test_bad_input_is_reported_and_the_rest_built(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "date 2025-02-12 Trump heeft gisteren met Poetin gebeld.", encoding="utf-8"
    )
    (tmp_path / "bad.txt").write_text("geen datum", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    result = runner.invoke(app, ["build", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad.txt" in result.stderr and "no date line" in result.stderr
    assert "bin.txt" in result.stderr
    assert json.loads(result.stdout)["events"]


def test_no_usable_articles_is_fatal(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text("geen datum", encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path)])
    assert result.exit_code == 2 and "no usable articles" in result.stderr


def test_unwritable_output(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["build", str(SEEDS[0]), "-o", str(tmp_path / "no" / "such" / "t.json")]
    )
    assert result.exit_code == 2 and "cannot write" in result.stderr


def test_stdin() -> None:
    text = SEEDS[1].read_bytes()
    result = runner.invoke(app, ["build", "-", "-q"], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["events"]


def test_schema_and_version() -> None:
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert "events" in schema["properties"]
    assert runner.invoke(app, ["--version"]).stdout.startswith("timeline ")


def test_file_order_does_not_matter(tmp_path: Path, data_json: str) -> None:
    # the same corpus, copied in reverse creation order, gives the same bytes
    for p in sorted(DATA.glob("*.txt"), reverse=True):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    result = runner.invoke(app, ["build", str(tmp_path), "-q"])
    assert result.stdout == data_json


def test_killed_build_leaves_previous_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "t.json"
    out.write_text('{"previous": true}\n', encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "timeline", "build", str(DATA), "-o", str(out), "-q"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.5)  # inside the build: the pipeline is loading or running
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    text = out.read_text(encoding="utf-8")
    # either the previous output, untouched, or (if the build won the race) a whole new one
    assert text == '{"previous": true}\n' or Timeline.model_validate_json(text).events
    assert not [p for p in tmp_path.iterdir() if p.name != "t.json" and not p.name.endswith(".tmp")]


def test_atomic_write_never_leaves_a_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline import output

    target = tmp_path / "t.json"
    target.write_text("old", encoding="utf-8")

    def boom(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", boom)
    with pytest.raises(output.OutputError, match="No space left"):
        output.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.json"]


@pytest.mark.parametrize(("name", "paths"), [("seeds", SEEDS), ("data", [DATA])])
def test_golden(name: str, paths: list[Path], update_golden: bool) -> None:
    result = runner.invoke(app, ["build", *map(str, paths), "-q"])
    golden = GOLDEN / f"{name}.json"
    if update_golden or not golden.exists():
        golden.write_text(result.stdout, encoding="utf-8")
        pytest.skip(f"wrote {golden}")
    assert result.stdout == golden.read_text(encoding="utf-8"), (
        "output changed: review with `git diff` after `pytest --update-golden`"
    )


def test_eval_reports_figures() -> None:
    result = runner.invoke(app, ["eval", str(DEV / "gold" / "timeline.json"), str(DATA)])
    assert result.exit_code == 0, result.output
    assert "event precision" in result.stdout and "source recall" in result.stdout
