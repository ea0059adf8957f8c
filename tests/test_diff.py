"""`timeline.diff`: matching events across versions, field changes, rendering."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from timeline.corpus_versions import materialise_version
from timeline.diff import (
    TimelineDiff,
    diff_timelines,
    escape_md,
    load_timeline_json,
    match_score,
    render_markdown,
    render_table,
)
from timeline.errors import TimelineFileError
from timeline.schema import Event, EventDate, Source, Timeline

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "fixtures" / "dev"
DATA = ROOT / "data"


def src(article: str, quote: str, start: int = 0) -> Source:
    return Source(article=article, quote=quote, start=start, end=start + len(quote))


def ev(
    id: str,
    *,
    type: str = "call",
    participants: tuple[str, ...] = ("putin", "trump"),
    status: str = "occurred",
    earliest: str | None = "2025-02-12",
    latest: str | None = "2025-02-12",
    location: str | None = None,
    sources: list[Source] | None = None,
    realizes: str | None = None,
) -> Event:
    return Event(
        id=id,
        type=type,  # type: ignore[arg-type]
        participants=list(participants),
        status=status,  # type: ignore[arg-type]
        date=EventDate(
            earliest=dt.date.fromisoformat(earliest) if earliest else None,
            latest=dt.date.fromisoformat(latest) if latest else None,
        ),
        location=location,
        sources=sources if sources is not None else [src("103_a.txt", f"quote of {id}")],
        realizes=realizes,
    )


def tl(*events: Event) -> Timeline:
    return Timeline(events=list(events))


def fields(d: TimelineDiff) -> dict[str, dict[str, tuple[object, object]]]:
    return {c.id: {f.field: (f.from_, f.to) for f in c.changes} for c in d.changed}


# --- unit tests --------------------------------------------------------------------


def test_identical_is_empty() -> None:
    a = tl(ev("E1"), ev("E2", earliest="2025-03-01", latest="2025-03-01"))
    d = diff_timelines(a, a)
    assert d.is_empty
    assert d.to_json_dict() == {"added": [], "removed": [], "changed": []}


def test_added_and_removed() -> None:
    e1 = ev("E1")
    e2 = ev(
        "E2",
        participants=("trump", "zelensky"),
        earliest="2025-03-05",
        latest="2025-03-05",
        sources=[src("120_b.txt", "Trump en Zelensky spraken een uur.")],
    )
    e3 = ev(
        "E3",
        type="meeting",
        participants=("witkoff", "putin"),
        earliest="2025-04-11",
        latest="2025-04-11",
        sources=[src("122_c.txt", "Witkoff sprak Poetin in Sint-Petersburg.")],
    )
    d = diff_timelines(tl(e1, e3), tl(e1, e2))
    assert [e.id for e in d.added] == ["E2"]
    assert [e.id for e in d.removed] == ["E3"]
    assert d.changed == []
    j = d.to_json_dict()
    assert j["added"][0]["date"] == {"earliest": "2025-03-05", "latest": "2025-03-05", "basis": ""}
    assert j["removed"][0]["id"] == "E3"


def test_status_planned_to_cancelled_with_new_id() -> None:
    quote = "Trump en Poetin zouden elkaar in Boedapest ontmoeten."
    old = ev(
        "OLD7",
        type="meeting",
        status="planned",
        earliest="2025-10-17",
        latest="2025-10-31",
        location="Boedapest",
        sources=[src("157_x.txt", quote, 10)],
    )
    new = old.model_copy(
        update={
            "id": "NEW9",
            "status": "cancelled",
            "sources": [*old.sources, src("160_y.txt", "De top in Boedapest is afgeblazen.")],
        }
    )
    d = diff_timelines(tl(old), tl(new))
    assert d.added == [] and d.removed == []
    assert [(c.id, c.old_id) for c in d.changed] == [("NEW9", "OLD7")]
    ch = fields(d)["NEW9"]
    assert ch["status"] == ("planned", "cancelled")
    assert ch["sources"] == ([], ["160_y.txt: De top in Boedapest is afgeblazen."])
    assert set(ch) == {"status", "sources"}


def test_date_narrowed() -> None:
    s = [src("138_d.txt", "Trump en Zelensky ontmoeten elkaar in Den Haag.", 5)]
    old = ev("E4", type="meeting", earliest="2025-06-21", latest="2025-06-30", sources=s)
    new = ev("E4", type="meeting", earliest="2025-06-25", latest="2025-06-25", sources=s)
    d = diff_timelines(tl(old), tl(new))
    assert fields(d) == {
        "E4": {
            "date": (
                {"earliest": "2025-06-21", "latest": "2025-06-30"},
                {"earliest": "2025-06-25", "latest": "2025-06-25"},
            )
        }
    }
    j = d.to_json_dict()["changed"][0]
    assert j == {
        "id": "E4",
        "old_id": "E4",
        "changes": [
            {
                "field": "date",
                "from": {"earliest": "2025-06-21", "latest": "2025-06-30"},
                "to": {"earliest": "2025-06-25", "latest": "2025-06-25"},
            }
        ],
    }


def test_redated_event_matched_by_shared_source() -> None:
    """An occurred call moved from Friday to Saturday; the quote was corrected."""
    old = ev(
        "A1",
        participants=("trump", "zelensky"),
        earliest="2025-10-10",
        latest="2025-10-10",
        sources=[src("156_z.txt", "De twee hadden vrijdag al met elkaar gesproken.", 150)],
    )
    new = ev(
        "B1",
        participants=("trump", "zelensky"),
        earliest="2025-10-11",
        latest="2025-10-11",
        sources=[src("156_z.txt", "Het eerste telefoontje vond zaterdag plaats.", 170)],
    )
    d = diff_timelines(tl(old), tl(new))
    assert d.added == [] and d.removed == []
    assert fields(d)["B1"]["date"][1] == {"earliest": "2025-10-11", "latest": "2025-10-11"}


def test_id_change_alone_is_no_change() -> None:
    plan = ev("P1", type="meeting", status="planned", earliest="2025-08-15", latest="2025-08-15")
    met = ev("M1", type="meeting", earliest="2025-08-15", latest="2025-08-15", realizes="P1")
    plan2 = plan.model_copy(update={"id": "P2"})
    met2 = met.model_copy(update={"id": "M2", "realizes": "P2"})
    d = diff_timelines(tl(plan, met), tl(plan2, met2))
    assert d.is_empty, d.to_json_dict()


def test_realizes_change_reported() -> None:
    plan = ev("P1", type="meeting", status="planned", earliest="2025-08-15", latest="2025-08-15")
    met = ev("M1", type="meeting", earliest="2025-08-15", latest="2025-08-15")
    d = diff_timelines(tl(plan, met), tl(plan, met.model_copy(update={"realizes": "P1"})))
    assert fields(d) == {"M1": {"realizes": (None, "P1")}}


def test_plan_is_not_its_realisation() -> None:
    """A planned contact and the occurred one are different events."""
    plan = ev("P1", type="meeting", status="planned", earliest="2025-08-15", latest="2025-08-15")
    met = ev("M1", type="meeting", earliest="2025-08-15", latest="2025-08-15")
    d = diff_timelines(tl(plan), tl(met))
    assert [e.id for e in d.added] == ["M1"]
    assert [e.id for e in d.removed] == ["P1"]


def test_other_field_changes_and_talks_compatible() -> None:
    s = [src("146_a.txt", "Trump en Poetin spraken in Anchorage.")]
    old = ev("E1", type="talks", participants=("putin", "trump"), sources=s)
    new = ev(
        "E1x",
        type="meeting",
        participants=("putin", "trump", "witkoff"),
        location="Anchorage",
        sources=s,
    )
    assert match_score(old, new) == match_score(new, old) > 0.6
    d = diff_timelines(tl(old), tl(new))
    ch = fields(d)["E1x"]
    assert ch["type"] == ("talks", "meeting")
    assert ch["participants"] == (["putin", "trump"], ["putin", "trump", "witkoff"])
    assert ch["location"] == (None, "Anchorage")


def test_incompatible_types_do_not_match() -> None:
    a = ev("E1", type="call")
    b = ev("E2", type="meeting", sources=a.sources)
    assert match_score(a, b) == 0.0


def test_greedy_best_match_wins() -> None:
    """Two calls two days apart: each old one pairs with its own new version."""
    fri = ev("F", earliest="2025-10-10", latest="2025-10-10", sources=[src("a.txt", "vrijdag")])
    sun = ev("S", earliest="2025-10-12", latest="2025-10-12", sources=[src("a.txt", "zondag", 50)])
    sat = fri.model_copy(
        update={
            "id": "F2",
            "date": EventDate(earliest=dt.date(2025, 10, 11), latest=dt.date(2025, 10, 11)),
        }
    )
    sun2 = sun.model_copy(update={"id": "S2"})
    d = diff_timelines(tl(fri, sun), tl(sat, sun2))
    assert d.added == [] and d.removed == []
    assert [(c.id, c.old_id) for c in d.changed] == [("F2", "F")]


def test_output_order_follows_new_sort_order() -> None:
    late = ev("A", earliest="2025-05-01", latest="2025-05-01", sources=[src("x", "a")])
    early = ev("Z", earliest="2025-01-01", latest="2025-01-01", sources=[src("y", "b")])
    d = diff_timelines(tl(), tl(late, early))
    assert [e.id for e in d.added] == ["Z", "A"]


# --- properties ------------------------------------------------------------------

ACTORS = ["trump", "putin", "zelensky", "witkoff"]
ARTICLES = ["a.txt", "b.txt", "c.txt"]
QUOTES = ["Trump belde Poetin.", "Zelensky sprak Trump.", "Witkoff in Moskou.", "Geen gesprek."]
IDS = [f"E{i}" for i in range(8)]


@st.composite
def events(draw: st.DrawFn, id: str) -> Event:
    start = draw(st.none() | st.integers(0, 40))
    length = draw(st.integers(0, 10))
    earliest = dt.date(2025, 1, 1) + dt.timedelta(days=start) if start is not None else None
    latest = (
        (earliest or dt.date(2025, 1, 1)) + dt.timedelta(days=length)
        if draw(st.booleans())
        else None
    )
    sources = draw(
        st.lists(
            st.builds(
                lambda a, q, s: src(a, q, s),
                st.sampled_from(ARTICLES),
                st.sampled_from(QUOTES),
                st.integers(0, 200),
            ),
            min_size=1,
            max_size=3,
        )
    )
    return Event(
        id=id,
        type=draw(st.sampled_from(["call", "meeting", "talks", "message"])),
        participants=sorted(draw(st.sets(st.sampled_from(ACTORS), min_size=1, max_size=3))),
        status=draw(
            st.sampled_from(["occurred", "claimed", "denied", "planned", "proposed", "cancelled"])
        ),
        date=EventDate(earliest=earliest, latest=latest),
        location=draw(st.sampled_from([None, "Riyad", "Den Haag"])),
        sources=sources,
        realizes=draw(st.none() | st.sampled_from(IDS)),
    )


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    ids = draw(st.lists(st.sampled_from(IDS), unique=True, max_size=6))
    return Timeline(events=[draw(events(i)) for i in ids])


PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(timelines())
def test_prop_self_diff_empty(a: Timeline) -> None:
    assert diff_timelines(a, a).is_empty


@PROPS
@given(timelines(), timelines())
def test_prop_swap_is_symmetric(a: Timeline, b: Timeline) -> None:
    ab, ba = diff_timelines(a, b), diff_timelines(b, a)
    assert [e.id for e in ab.added] == [e.id for e in ba.removed]
    assert [e.id for e in ab.removed] == [e.id for e in ba.added]
    fwd = {(c.old_id, c.id): {f.field: (f.from_, f.to) for f in c.changes} for c in ab.changed}
    back = {(c.id, c.old_id): {f.field: (f.to, f.from_) for f in c.changes} for c in ba.changed}
    assert fwd == back


@PROPS
@given(timelines(), timelines())
def test_prop_partition(a: Timeline, b: Timeline) -> None:
    """Every event is added/removed or matched exactly once; output is deterministic."""
    d = diff_timelines(a, b)
    assert d == diff_timelines(a, b)
    matched = len(a.events) - len(d.removed)
    assert matched == len(b.events) - len(d.added)
    assert len({c.id for c in d.changed}) == len(d.changed)
    assert len({c.old_id for c in d.changed}) == len(d.changed)
    json.dumps(d.to_json_dict())


# --- rendering ---------------------------------------------------------------------

NASTY = "# Kop | tabel [link](http://x) `code` <script>alert(1)</script> *vet* _x_"


def test_escape_md() -> None:
    out = escape_md(NASTY)
    assert out.startswith("\\#")
    for raw in ("|", "[", "]", "`", "<", ">", "*", "_"):
        assert out.count(raw) == out.count("\\" + raw), raw
    assert "<script>" not in out
    assert escape_md("regel\nnieuwe regel") == "regel nieuwe regel"


def test_render_markdown_sections_and_escaping() -> None:
    s_old = [src("a.txt", "Trump belde Poetin.")]
    old = ev("E1", status="planned", sources=s_old)
    new = ev("E1", status="planned", sources=[*s_old, src("b|c.txt", NASTY)])
    gone = ev("E9", participants=("witkoff", "putin"), earliest="2025-09-01", latest="2025-09-01")
    fresh = ev(
        "E5",
        participants=("zelensky", "trump"),
        earliest="2025-11-01",
        latest=None,
        sources=[src("d.txt", NASTY)],
    )
    d = diff_timelines(tl(old, gone), tl(new, fresh))
    md = render_markdown(d)
    assert "## Nieuw" in md and "## Verwijderd" in md and "## Gewijzigd" in md
    assert "<script>" not in md
    assert "\\<script\\>" in md
    assert "b\\|c.txt" in md
    assert "\\[link\\]" in md
    assert "\\`code\\`" in md
    for line in md.splitlines():
        assert not line.startswith("# Kop")
    en = render_markdown(d, lang="en")
    assert "## Added" in en and "## Removed" in en and "## Changed" in en
    assert "No differences." in render_markdown(diff_timelines(tl(), tl()), lang="en")
    assert "Geen verschillen." in render_markdown(diff_timelines(tl(), tl()))


def test_render_table() -> None:
    old = ev("E1", status="planned", sources=[src("a.txt", "[bold]x[/bold]")])
    new = ev("E1", status="cancelled", sources=[src("a.txt", "[bold]x[/bold]")])
    buf = io.StringIO()
    console = Console(file=buf, width=160, color_system=None)
    render_table(
        diff_timelines(
            tl(old),
            tl(
                new,
                ev("E2", earliest="2025-05-05", latest="2025-05-05", sources=[src("q", "[red]r")]),
            ),
        ),
        console,
    )
    out = buf.getvalue()
    assert "Gewijzigd" in out and "Nieuw" in out
    assert "planned" in out and "cancelled" in out
    buf2 = io.StringIO()
    render_table(diff_timelines(tl(), tl()), Console(file=buf2), lang="en")
    assert "No differences." in buf2.getvalue()


# --- loading -----------------------------------------------------------------------


def test_load_roundtrip(tmp_path: Path) -> None:
    t = tl(ev("E1", location="Riyad"), ev("E2", earliest=None, latest="2025-01-01"))
    p = tmp_path / "t.json"
    p.write_text(t.model_dump_json(indent=2), encoding="utf-8")
    assert load_timeline_json(p) == t


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"events": [{"id": 1}]}', "not a timeline JSON file"),
        (b'{"events": [], "extra": 1}', "not a timeline JSON file"),
        (b"[1, 2]", "not a timeline JSON file"),
        (b"\xff\xfe\x00", "not UTF-8"),
    ],
)
def test_load_errors(tmp_path: Path, content: bytes, needle: str) -> None:
    p = tmp_path / "bad.json"
    p.write_bytes(content)
    with pytest.raises(TimelineFileError, match=needle) as info:
        load_timeline_json(p)
    assert str(p) in str(info.value)


def test_load_missing(tmp_path: Path) -> None:
    with pytest.raises(TimelineFileError, match="cannot be read"):
        load_timeline_json(tmp_path / "nope.json")


# --- corpus versions ---------------------------------------------------------------


def test_materialise_version(tmp_path: Path) -> None:
    versions = json.loads((DEV / "versions.json").read_text(encoding="utf-8"))["v1"]
    dest = materialise_version(DEV / "versions.json", DATA, DEV / "v1", tmp_path / "v1corpus")
    assert dest == tmp_path / "v1corpus"
    names = sorted(p.name for p in dest.iterdir())
    assert names == sorted(versions["articles"])
    for name in names:
        if name in versions["replaced"]:
            expected = (DEV / versions["replaced"][name]).read_bytes()
            assert expected != (DATA / name).read_bytes()
        else:
            expected = (DATA / name).read_bytes()
        assert (dest / name).read_bytes() == expected, name
    assert "160_top-boedapest-afgeblazen.txt" not in names


def test_materialise_v1_dir_fallback(tmp_path: Path) -> None:
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "1.txt").write_text("date 2025-01-01 nieuw", encoding="utf-8")
    (arts / "2.txt").write_text("date 2025-01-02 twee", encoding="utf-8")
    old = tmp_path / "old"
    old.mkdir()
    (old / "1.txt").write_text("date 2025-01-01 oud", encoding="utf-8")
    vj = tmp_path / "meta" / "versions.json"
    vj.parent.mkdir()
    vj.write_text(
        json.dumps({"v1": {"articles": ["1.txt", "2.txt"], "replaced": {"1.txt": "v1/1.txt"}}}),
        encoding="utf-8",
    )
    dest = materialise_version(vj, arts, old, tmp_path / "out")
    assert (dest / "1.txt").read_text(encoding="utf-8").endswith("oud")
    assert (dest / "2.txt").read_text(encoding="utf-8").endswith("twee")


@pytest.mark.parametrize(
    ("spec", "needle"),
    [
        ({"v1": {"articles": ["missing.txt"]}}, "not found"),
        ({"v1": {"articles": ["../escape.txt"]}}, "plain file name"),
        ({"v2": {}}, "'v1'"),
        ({"v1": {"articles": ["a.txt"], "replaced": {"b.txt": "v1/b.txt"}}}, "not in the version"),
    ],
)
def test_materialise_errors(tmp_path: Path, spec: dict[str, object], needle: str) -> None:
    (tmp_path / "a.txt").write_text("date 2025-01-01 x", encoding="utf-8")
    vj = tmp_path / "versions.json"
    vj.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(TimelineFileError, match=needle):
        materialise_version(vj, tmp_path, tmp_path, tmp_path / "out")


# --- gold-like versions ------------------------------------------------------------


def _gold_event(g: dict[str, object], texts: dict[str, str], prefix: str) -> Event | None:
    sources = []
    for m in g["mentions"]:  # type: ignore[attr-defined]
        text = texts.get(m["article"])
        start = text.find(m["quote"]) if text is not None else -1
        if start >= 0:
            sources.append(src(m["article"], m["quote"], start))
    if not sources:
        return None
    date = g["date"]
    return Event(
        id=prefix + str(g["id"]),
        type=g["type"],  # type: ignore[arg-type]
        participants=list(g["participants"]),  # type: ignore[call-overload]
        status=g["status"],  # type: ignore[arg-type]
        date=EventDate(
            earliest=dt.date.fromisoformat(date["earliest"]) if date["earliest"] else None,  # type: ignore[index]
            latest=dt.date.fromisoformat(date["latest"]) if date["latest"] else None,  # type: ignore[index]
        ),
        location=g["location"],  # type: ignore[arg-type]
        sources=sources,
        realizes=prefix + str(g["realizes"]) if g["realizes"] else None,
    )


def test_gold_like_versions_give_expected_diff() -> None:
    """v1 built from the gold events as the older corpus reported them, with other ids."""
    gold = json.loads((DEV / "gold" / "timeline.json").read_text(encoding="utf-8"))["events"]
    versions = json.loads((DEV / "versions.json").read_text(encoding="utf-8"))
    v1 = versions["v1"]
    expected = versions["expected_diff"]
    now = {p.name: p.read_text(encoding="utf-8") for p in DATA.glob("1*.txt")}
    then = {
        name: (DEV / v1["replaced"][name]).read_text(encoding="utf-8")
        if name in v1["replaced"]
        else now[name]
        for name in v1["articles"]
    }
    new = tl(*(e for g in gold if (e := _gold_event(g, now, ""))))
    from_values = {c["id"]: (c["field"], c["from"]) for c in expected["changed"]}
    old_events = []
    for g in gold:
        if g["id"] in expected["added"]:
            continue
        g = dict(g)
        if g["id"] in from_values:
            field, value = from_values[g["id"]]
            g[field] = value
        e = _gold_event(g, then, "v1-") or _gold_event(g, now, "v1-")
        assert e is not None
        old_events.append(e)
    d = diff_timelines(tl(*old_events), new)
    assert sorted(e.id for e in d.added) == sorted(expected["added"])
    assert [e.id for e in d.removed] == expected["removed"]
    assert all(c.old_id == "v1-" + c.id for c in d.changed)
    got = [
        {"id": c.id, "field": f.field, "from": f.from_, "to": f.to}
        for c in d.changed
        for f in c.changes
        if f.field != "sources"
    ]
    assert sorted(got, key=lambda c: c["id"]) == sorted(expected["changed"], key=lambda c: c["id"])
