"""Editorial corrections (#17): the file, applying it, stale and contradictory entries,
the CLI (build, diff, correct, inspect) and the exports, on a small invented corpus
built with the real pipeline (tests/fixtures/corrections)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import export
from timeline.cli import app
from timeline.corrections import (
    CorrectionsError,
    Entry,
    Evidence,
    anchor,
    append_entry,
    parse_corrections,
)
from timeline.merge import sort_key
from timeline.schema import Event, EventDate, Source, Timeline

from .conftest import DATA, FIXTURES, ROOT

runner = CliRunner()
CORPUS = FIXTURES / "corrections" / "corpus"
EXTRA = FIXTURES / "corrections" / "extra"
ACTORS = ["putin", "trump", "zelensky", "witkoff"]

# the sentences the corrections file quotes (tests/fixtures/corrections/corpus/corrections.toml)
CALL_201 = ("201_trump-belt-poetin.txt", "ruim twee uur met de Russische president Poetin gebeld")
CALL_202 = ("202_kremlin-over-gesprek.txt", "telefoongesprek tussen Poetin en Trump van zondag")
MONDAY = ("203_zelensky-over-contact.txt", "Het eerste gesprek was maandag")
ROME = ("203_zelensky-over-contact.txt", "De ontmoeting in Rome gaat")
PESKOV = ("204_peskov-zwijgt.txt", "wilde vandaag niet zeggen of er een ontmoeting")
ADVISERS = ("202_kremlin-over-gesprek.txt", "wisselden Trump en Poetin via hun adviseurs")
THE_ENTRIES = ["merge", "split", "set", "drop", "add", "set"]


def copy(target: Path, *, extra: bool = False, without: tuple[str, ...] = ()) -> Path:
    shutil.copytree(CORPUS, target)
    if extra:
        for p in EXTRA.glob("*.txt"):
            shutil.copy(p, target / p.name)
    for name in without:
        (target / name).unlink()
    return target


def build(*args: str, code: int = 0) -> dict:
    result = runner.invoke(app, ["build", *args, "-q"])
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)


def citing(data: dict, sentence: tuple[str, str]) -> list[dict]:
    article, quote = sentence
    return [
        e
        for e in data["events"]
        if any(s["article"] == article and quote in s["quote"] for s in e["sources"])
    ]


def actions(event: dict) -> list[str]:
    return [c["action"] for c in event.get("corrections", [])]


@pytest.fixture(scope="module")
def corrected() -> dict:
    return build(str(CORPUS))


@pytest.fixture(scope="module")
def uncorrected() -> dict:
    return build(str(CORPUS), "--no-corrections")


# --- the file ----------------------------------------------------------------------


def test_the_corpus_file_is_valid_and_uses_every_action() -> None:
    text = (CORPUS / "corrections.toml").read_text(encoding="utf-8")
    parsed = parse_corrections(text, "corrections.toml", ACTORS)
    assert [e.action for e in parsed.entries] == THE_ENTRIES
    assert set(THE_ENTRIES) == {"set", "drop", "merge", "split", "add"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[correction]\nnote = 1", "c.toml: not valid TOML"),
        (
            '[[correction]]\nmatch = [{article = "a.txt", quote = "x"}]\nnote = "n"\n',
            "c.toml: entry 1: give exactly one action",
        ),
        (
            '[[correction]]\nmatch = [{article = "a.txt", quote = "x"}]\ndrop = true\nnote = "n"\n'
            '[[correction]]\nmatch = [{article = "a.txt", quote = "x"}]\ndrop = true\n'
            'split = true\nnote = "n"\n',
            "c.toml: entry 2: give exactly one action",
        ),
        (
            '[[correction]]\nmatch = [{article = "a.txt", quote = "x"}]\n'
            'set = {status = "held"}\nnote = "n"\n',
            "c.toml: entry 1, field set.status: Input should be",
        ),
        (
            '[[correction]]\nmatch = [{article = "a.txt", quote = "x"}]\n'
            'set = {earliest = "2025-13-01"}\nnote = "n"\n',
            "c.toml: entry 1, field set.earliest",
        ),
        (
            '[[correction]]\nmatch = [{article = "a.txt", quote = "x"}]\n'
            'set = {earliest = 2025-05-02, latest = 2025-05-01}\nnote = "n"\n',
            "earliest 2025-05-02 is after latest 2025-05-01",
        ),
        (
            '[[correction]]\nmatch = [{article = "a.txt", quote = "x"}]\nset = {}\nnote = "n"\n',
            "c.toml: entry 1, field set: give at least one of",
        ),
        (
            '[[correction]]\nmatch = [{article = "a.txt", quote = "x"}]\nmerge = true\nnote = "n"\n',
            "c.toml: entry 1: merge needs at least two quotes",
        ),
        (
            '[[correction]]\nmatch = [{article = "a.txt"}]\ndrop = true\nnote = "n"\n',
            "c.toml: entry 1, field match.0.quote: Field required",
        ),
        (
            '[[correction]]\nmatch = [{article = "a.txt", quote = "x"}]\ndrop = true\n',
            "c.toml: entry 1, field note: Field required",
        ),
        (
            '[[correction]]\nmatch = [{article = "a.txt", quote = "x"}]\ndrop = true\n'
            'note = "n"\nreason = "r"\n',
            "c.toml: entry 1, field reason: Extra inputs are not permitted",
        ),
        (
            '[[correction]]\nmatch = [{article = "a.txt", quote = "x"}]\n'
            'add = {type = "call", participants = ["trump", "obama"]}\nnote = "n"\n',
            "c.toml: entry 1, field add.participants: unknown actor id 'obama'",
        ),
        ('[[correctie]]\nnote = "n"\n', "c.toml: field correctie: Extra inputs"),
    ],
)
def test_validation_errors_name_file_entry_and_field(text: str, expected: str) -> None:
    with pytest.raises(CorrectionsError) as err:
        parse_corrections(text, "c.toml", ACTORS)
    assert expected in str(err.value)


def test_an_invalid_file_stops_the_build_before_any_analysis(tmp_path: Path) -> None:
    corpus = copy(tmp_path / "c")
    (corpus / "corrections.toml").write_text(
        '[[correction]]\nmatch = [{article = "x.txt", quote = "y"}]\nset = {status = "held"}\n'
        'note = "n"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["build", str(corpus), "--no-cache"])
    assert result.exit_code == 2
    assert "corrections.toml: entry 1, field set.status" in result.stderr
    assert "Traceback" not in result.output


# --- applying --------------------------------------------------------------------------


def test_every_correction_applied_and_recorded(corrected: dict, uncorrected: dict) -> None:
    Timeline.model_validate_json(json.dumps(corrected))
    log = corrected["corrections"]
    assert [r["entry"] for r in log] == [1, 2, 3, 4, 5, 6]
    assert [r["action"] for r in log] == THE_ENTRIES
    assert not corrected["problems"]
    by_id = {e["id"]: e for e in corrected["events"]}
    for record in log:
        for event_id in record["events"]:
            notes = [c["note"] for c in by_id[event_id]["corrections"]]
            assert record["note"] in notes
    # merge: the two reports of the call are one event, dated by the White House's day
    (call,) = citing(corrected, CALL_201)
    assert citing(corrected, CALL_202) == [call]
    assert len(citing(uncorrected, CALL_201) + citing(uncorrected, CALL_202)) == 2
    assert actions(call) == ["merge"] and call["conflicts"]
    assert log[0]["events"] == [call["id"]] and len(log[0]["removed"]) == 1
    # split, then set on the sentence split off
    (monday,) = citing(corrected, MONDAY)
    assert [s["quote"][:30] for s in monday["sources"]] == [MONDAY[1]]
    assert monday["type"] == "call" and actions(monday) == ["split", "set"]
    (rome,) = citing(corrected, ROME)
    assert rome is not monday and actions(rome) == ["split", "set"]
    assert (rome["status"], rome["location"]) == ("planned", "Rome")
    assert rome["corrections"][1]["fields"] == ["status", "location"]
    (before,) = citing(uncorrected, MONDAY)
    assert citing(uncorrected, ROME) == [before]
    # drop
    assert citing(corrected, PESKOV) == [] and len(citing(uncorrected, PESKOV)) == 1
    assert log[3]["removed"] == [citing(uncorrected, PESKOV)[0]["id"]]
    # add
    assert citing(uncorrected, ADVISERS) == []
    (added,) = citing(corrected, ADVISERS)
    assert (added["type"], added["status"], added["participants"]) == (
        "message",
        "occurred",
        ["putin", "trump"],
    )
    assert added["date"]["earliest"] == added["date"]["latest"] == "2025-05-17"
    assert added["corrections"][0]["by"] == "redactie buitenland"
    # order and ids as merge.py makes them
    events = Timeline.model_validate_json(json.dumps(corrected)).events
    assert events == sorted(events, key=sort_key)
    assert len({e["id"] for e in corrected["events"]}) == len(corrected["events"])


def test_uncorrected_events_are_untouched(corrected: dict, uncorrected: dict) -> None:
    touched = {i for r in corrected["corrections"] for i in r["events"] + r["removed"]}
    before = {e["id"]: e for e in uncorrected["events"] if e["id"] not in touched}
    after = {e["id"]: e for e in corrected["events"] if e["id"] not in touched}
    assert before == after and before
    assert "corrections" not in uncorrected and all(
        "corrections" not in e for e in uncorrected["events"]
    )


def test_the_build_is_byte_identical_with_corrections() -> None:
    first = runner.invoke(app, ["build", str(CORPUS), "-q"])
    again = runner.invoke(app, ["build", str(CORPUS), "-q", "--no-cache"])
    assert first.stdout == again.stdout


def test_an_empty_corrections_file_changes_nothing(tmp_path: Path, uncorrected: dict) -> None:
    empty = tmp_path / "none.toml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    assert build(str(CORPUS), "--corrections", str(empty)) == uncorrected


def test_one_more_article_and_every_correction_still_applies(tmp_path: Path) -> None:
    data = build(str(copy(tmp_path / "c", extra=True)))
    assert [r["action"] for r in data["corrections"]] == THE_ENTRIES
    assert not data["problems"]
    new = {p.name for p in EXTRA.glob("*.txt")}
    assert any(s["article"] in new for e in data["events"] for s in e["sources"])
    assert len(citing(data, CALL_201)) == 1 and citing(data, CALL_201) == citing(data, CALL_202)
    assert citing(data, PESKOV) == [] and len(citing(data, ADVISERS)) == 1


def test_a_removed_article_makes_exactly_its_entry_stale(tmp_path: Path) -> None:
    corpus = copy(tmp_path / "c", without=(PESKOV[0],))
    result = runner.invoke(app, ["build", str(corpus)])
    assert result.exit_code == 0, result.output  # a warning: the build succeeds
    data = json.loads(result.stdout)
    (problem,) = data["problems"]
    assert problem["code"] == "stale-correction" and problem["severity"] == "warning"
    assert problem["path"] == "corrections.toml"
    assert problem["message"].startswith("entry 4 (drop) no longer applies")
    assert f"the corpus has no article {PESKOV[0]}" in problem["message"]
    assert "entry 4 (drop) no longer applies" in result.stderr
    assert "5 corrections applied, 1 stale" in result.stderr
    assert [r["entry"] for r in data["corrections"]] == [1, 2, 3, 5, 6]


def test_an_added_contact_the_build_finds_itself_is_stale(tmp_path: Path) -> None:
    corpus = copy(tmp_path / "c")
    (corpus / "corrections.toml").write_text(
        "[[correction]]\n"
        f'match = [{{ article = "{MONDAY[0]}", quote = "{MONDAY[1]}" }}]\n'
        'add = { type = "talks", participants = ["trump", "zelensky"] }\n'
        'note = "n"\n',
        encoding="utf-8",
    )
    (problem,) = build(str(corpus))["problems"]
    assert "finds this contact itself" in problem["message"]


def _contradiction(tmp_path: Path, entries: str) -> str:
    corpus = copy(tmp_path / "c")
    (corpus / "corrections.toml").write_text(entries, encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus)])
    assert result.exit_code == 2, result.output
    return result.stderr


def _entry(sentence: tuple[str, str], action: str) -> str:
    return (
        f'[[correction]]\nmatch = [{{ article = "{sentence[0]}", quote = "{sentence[1]}" }}]\n'
        f'{action}\nnote = "n"\n'
    )


def test_two_sets_of_one_field_contradict(tmp_path: Path) -> None:
    err = _contradiction(
        tmp_path,
        _entry(ROME, 'set = { status = "planned" }')
        + _entry(ROME, 'set = { status = "cancelled", location = "Rome" }'),
    )
    assert "entry 1 (set) and entry 2 (set) contradict each other" in err
    assert "status" in err and "'planned'" in err and "'cancelled'" in err


def test_drop_and_set_of_one_event_contradict(tmp_path: Path) -> None:
    err = _contradiction(
        tmp_path, _entry(PESKOV, 'set = { status = "proposed" }') + _entry(PESKOV, "drop = true")
    )
    assert "entry 1 (set) and entry 2 (drop) contradict each other" in err


def test_merge_and_split_of_one_sentence_contradict(tmp_path: Path) -> None:
    merge = (
        "[[correction]]\nmatch = [\n"
        f'  {{ article = "{MONDAY[0]}", quote = "{MONDAY[1]}" }},\n'
        f'  {{ article = "{CALL_201[0]}", quote = "{CALL_201[1]}" }},\n'
        ']\nmerge = true\nnote = "n"\n'
    )
    err = _contradiction(tmp_path, _entry(MONDAY, "split = true") + merge)
    assert "entry 1 (split) and entry 2 (merge) contradict each other" in err
    assert MONDAY[0] in err


def test_the_same_set_twice_is_no_contradiction(tmp_path: Path) -> None:
    corpus = copy(tmp_path / "c")
    (corpus / "corrections.toml").write_text(
        _entry(ROME, 'set = { status = "planned" }') + _entry(ROME, 'set = { status = "planned" }'),
        encoding="utf-8",
    )
    (rome,) = citing(build(str(corpus)), ROME)
    assert rome["status"] == "planned" and actions(rome) == ["set", "set"]


# --- CLI: diff, correct, inspect, schema ----------------------------------------------


def test_diff_with_and_without_lists_exactly_the_corrected_events(
    tmp_path: Path, corrected: dict, uncorrected: dict
) -> None:
    old, new = tmp_path / "without.json", tmp_path / "with.json"
    old.write_text(json.dumps(uncorrected), encoding="utf-8")
    new.write_text(json.dumps(corrected), encoding="utf-8")
    result = runner.invoke(app, ["diff", str(old), str(new), "-f", "json"])
    assert result.exit_code == 1
    d = json.loads(result.stdout)
    assert d["added"] == d["removed"] == d["changed"] == []
    log = corrected["corrections"]
    made = {i for r in log for i in r["events"]}
    gone = {i for r in log for i in r["removed"]}
    listed = {(c["id"] or c["old_id"]) for c in d["corrected"]}
    assert listed == made | gone
    assert all(c["corrections"] for c in d["corrected"])
    changes = {c["id"] or c["old_id"]: c["change"] for c in d["corrected"]}
    assert {changes[i] for i in gone} == {"removed"}
    md = runner.invoke(app, ["diff", str(old), str(new), "-f", "md", "--lang", "en"]).stdout
    assert f"0 added, 0 removed, 0 changed. {len(listed)} by editorial corrections." in md
    assert "## Editorial corrections" in md and "✎ drop: Peskov" in md
    back = json.loads(runner.invoke(app, ["diff", str(new), str(old), "-f", "json"]).stdout)
    assert {(c["id"] or c["old_id"]) for c in back["corrected"]} == listed
    same = runner.invoke(app, ["diff", str(new), str(new)])
    assert same.exit_code == 0 and same.stdout == "no changes\n"


def test_diff_of_corpus_folders_applies_their_corrections() -> None:
    result = runner.invoke(app, ["diff", str(CORPUS), str(CORPUS), "--quiet"])
    assert result.exit_code == 0
    d = json.loads(
        runner.invoke(app, ["diff", str(CORPUS), str(CORPUS), "-f", "json"]).stdout or "{}"
    )
    assert d == {"added": [], "removed": [], "changed": []}


def test_correct_appends_an_entry_that_the_next_build_applies(tmp_path: Path) -> None:
    corpus = copy(tmp_path / "c")
    before = build(str(corpus))
    (target,) = [
        e
        for e in before["events"]
        if e["participants"] == ["trump", "zelensky"]
        and e["sources"][0]["article"] == "201_trump-belt-poetin.txt"
        and e["type"] == "call"
    ]
    text = (corpus / "corrections.toml").read_text(encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "correct",
            target["id"],
            str(corpus),
            "--status",
            "claimed",
            "--note",
            "Only Trump says so",
            "--by",
            "eindredactie",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "entry 7 added" in result.stderr
    after_text = (corpus / "corrections.toml").read_text(encoding="utf-8")
    assert after_text.startswith(text)  # comments and entries kept as written
    assert "# Corrections to the chronology" in after_text
    after = build(str(corpus))
    (event,) = [e for e in after["events"] if e["id"] == target["id"]]
    assert event["status"] == "claimed"
    assert event["corrections"] == [
        {"action": "set", "note": "Only Trump says so", "by": "eindredactie", "fields": ["status"]}
    ]
    assert [r["entry"] for r in after["corrections"]] == [1, 2, 3, 4, 5, 6, 7]


def test_correct_from_a_built_timeline_and_drop(tmp_path: Path, corrected: dict) -> None:
    built = tmp_path / "built.json"
    built.write_text(json.dumps(corrected), encoding="utf-8")
    (denied,) = [e for e in corrected["events"] if e["status"] == "denied"]
    file = tmp_path / "edits.toml"
    result = runner.invoke(
        app,
        [
            "correct",
            denied["id"],
            "--timeline",
            str(built),
            "--corrections",
            str(file),
            "--drop",
            "--note",
            "A rumour, not a contact",
        ],
    )
    assert result.exit_code == 0, result.output
    parsed = parse_corrections(file.read_text(encoding="utf-8"), "edits.toml", ACTORS)
    (entry,) = parsed.entries
    assert entry.action == "drop"
    assert entry.match[0].article == denied["sources"][0]["article"]
    data = build(str(CORPUS), "--corrections", str(file))
    assert not any(e["status"] == "denied" for e in data["events"])


def test_correct_usage_errors(tmp_path: Path, corrected: dict) -> None:
    built = tmp_path / "built.json"
    built.write_text(json.dumps(corrected), encoding="utf-8")
    file = str(tmp_path / "x.toml")
    base = ["correct", "Enope", "--timeline", str(built), "--corrections", file]
    missing = runner.invoke(app, [*base, "--drop", "--note", "n"])
    assert missing.exit_code == 2 and "no event Enope" in missing.stderr
    event_id = corrected["events"][0]["id"]
    base[1] = event_id
    assert runner.invoke(app, [*base, "--drop"]).exit_code == 2  # no --note
    both = runner.invoke(app, [*base, "--drop", "--status", "denied", "--note", "n"])
    assert both.exit_code == 2
    bad = runner.invoke(app, [*base, "--status", "held", "--note", "n"])
    assert bad.exit_code == 2 and "status" in bad.stderr
    assert not Path(file).exists()


def test_inspect_lists_the_entries_that_quote_the_article() -> None:
    article = CORPUS / MONDAY[0]
    result = runner.invoke(app, ["inspect", str(article), "-f", "json"])
    assert result.exit_code == 0, result.output
    (info,) = json.loads(result.stdout)["articles"]
    assert [(x["entry"], x["action"], x["found"]) for x in info["corrections"]] == [
        (2, "split", "event mention"),
        (3, "set", "event mention"),
        (6, "set", "event mention"),
    ]
    text = runner.invoke(app, ["inspect", str(CORPUS / ADVISERS[0])]).stdout
    assert "Corrections (corrections.toml)" in text and "Messages through" in text
    plain = json.loads(
        runner.invoke(app, ["inspect", str(article), "-f", "json", "--no-corrections"]).stdout
    )
    assert "corrections" not in plain["articles"][0]


def test_the_corrections_file_is_no_article() -> None:
    result = runner.invoke(app, ["build", str(CORPUS)])
    assert "corrections.toml" not in result.stderr


def test_schema_has_the_corrections() -> None:
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert "corrections" in schema["properties"]
    assert "corrections" in schema["$defs"]["Event"]["properties"]
    assert "AppliedCorrection" in schema["$defs"]


# --- exports --------------------------------------------------------------------------


def test_exports_mark_corrected_events(corrected: dict) -> None:
    timeline = Timeline.model_validate_json(json.dumps(corrected))
    md = export.render(timeline, "md", lang="en")
    assert md.count("✎ edited") == sum(1 for e in timeline.events if e.corrections)
    assert "> ✎ dropped" not in md and "> ✎ added: Messages through their advisers" in md
    html = export.render(timeline, "html")
    assert html.count('class="edited"') == sum(1 for e in timeline.events if e.corrections)
    assert "Redactionele correcties" in html
    rows = list(csv.DictReader(io.StringIO(export.render(timeline, "csv", lang="en"))))
    marked = {r["id"] for r in rows if r["corrections"]}
    assert marked == {e.id for e in timeline.events if e.corrections}
    assert "Bewerkt: samengevoegd" in export.render(timeline, "ics").replace("\r\n ", "")
    tjs = json.loads(export.render(timeline, "timelinejs"))
    assert sum("✎" in e["text"]["text"] for e in tjs["events"]) == len(marked)


# --- units ---------------------------------------------------------------------------


def _event(id: str, *quotes: str) -> Event:
    sources = [
        Source(article="a.txt", quote=q, start=i * 100, end=i * 100 + len(q))
        for i, q in enumerate(quotes)
    ]
    return Event(
        id=id,
        type="call",
        participants=["putin", "trump"],
        status="occurred",
        date=EventDate(earliest=None, latest=None),
        sources=sources,
    )


def test_anchor_adds_sentences_until_the_event_is_named_alone() -> None:
    one = _event("E1", "Trump  belde\nPoetin.", "Zij spraken lang.")
    two = _event("E2", "Trump belde Poetin.", "Een ander verhaal.")
    assert anchor(one, [one]) == [Evidence(article="a.txt", quote="Trump belde Poetin.")]
    assert [e.quote for e in anchor(one, [one, two])] == [
        "Trump belde Poetin.",
        "Zij spraken lang.",
    ]


def test_append_entry_keeps_the_file_and_round_trips() -> None:
    text = '# top comment\n\n[[correction]]  # first\nmatch = [{ article = "a.txt", quote = "x" }]\ndrop = true\nnote = "n"\n'
    entry = Entry.model_validate(
        {
            "match": [{"article": "b.txt", "quote": 'zei "ja"'}],
            "set": {"status": "cancelled", "earliest": "2025-05-01"},
            "note": "why",
            "by": "me",
        }
    )
    out = append_entry(text, entry)
    assert out.startswith(text)
    parsed = parse_corrections(out, "c.toml", ACTORS)
    assert parsed.entries[1] == entry
    fresh = parse_corrections(append_entry("", entry), "c.toml", ACTORS)
    assert fresh.entries == (entry,)
    inline = (
        'correction = [{ match = [{ article = "a.txt", quote = "x" }], drop = true, note = "n" }]\n'
    )
    both = parse_corrections(append_entry(inline, entry), "c.toml", ACTORS)
    assert [e.action for e in both.entries] == ["drop", "set"]


def test_readme_documents_corrections() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Correcting the chronology" in readme
    assert "timeline correct" in readme


def test_an_empty_file_leaves_the_bundled_corpus_as_golden(tmp_path: Path) -> None:
    empty = tmp_path / "corrections.toml"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["build", str(DATA), "-q", "--corrections", str(empty)])
    assert result.exit_code == 0
    assert result.stdout == (ROOT / "tests" / "golden" / "data.json").read_text(encoding="utf-8")


def test_two_splits_of_one_event(tmp_path: Path) -> None:
    corpus = copy(tmp_path / "c")
    (corpus / "corrections.toml").write_text(
        _entry(MONDAY, "split = true") + _entry(ROME, "split = true"), encoding="utf-8"
    )
    data = build(str(corpus))
    (monday,) = citing(data, MONDAY)
    (rome,) = citing(data, ROME)
    assert monday is not rome and len(monday["sources"]) == len(rome["sources"]) == 1
    assert [r["entry"] for r in data["corrections"]] == [1, 2]
