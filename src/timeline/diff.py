"""`timeline diff OLD NEW`: a semantic diff of two timelines.

Events are matched across the two versions as the same *contact*, not by id
alone (ids may change when the sources of an event change):

1. events with an equal id are the same contact;
2. the remaining events are paired by a similarity score (see `match_score`)
   over participants (Jaccard), type (`talks` is compatible with `call` and
   `meeting`), dates (overlap, or a gap of a few days: an occurred event can be
   re-dated), shared sources (same article and overlapping quote) and status
   family (planned/proposed/cancelled vs occurred/claimed/denied: a planned
   event can become cancelled, but a plan does not turn into its realisation,
   which is a separate event, so the families must be equal). Pairs at or
   above `THRESHOLD` are taken one to one, greedily by best score; ties are
   broken by the ids, so the result is deterministic and symmetric
   (diff(a, b) is diff(b, a) with added and removed swapped).

For each matched pair the field-level changes are reported for `status`,
`date` (`{"earliest", "latest"}` as ISO strings or null; the `basis` is not
compared), `type`, `participants`, `location`, `realizes` (old ids are mapped
to their matched new ids first, so an id change alone is not a change) and
`sources`. `sources` is one field whose `from` lists the sources only in the
old event and whose `to` lists the sources only in the new event, each as an
`"article: quote"` string, sorted; a source is the same when its article and
quote text are equal.

Editorial corrections (`timeline.corrections`) are reported apart from changes
in the extraction, under `corrected`: a matched pair whose corrections differ; an
added or removed event made by a merge, split or add; an event that a correction
of the other side removed (listed in that timeline's `corrections` log). With the
same corrections on both sides nothing lands there, so a diff of two corpus
versions still shows what the extraction changed.

JSON shape (`TimelineDiff.to_json_dict`)::

    {"added": [event, ...], "removed": [event, ...],
     "changed": [{"id": new_id, "old_id": old_id,
                  "changes": [{"field": ..., "from": ..., "to": ...}, ...]}, ...],
     "corrected": [{"change": "added" | "removed" | "changed", "id": new_id | null,
                    "old_id": old_id | null, "corrections": [...], "was": [...],
                    "changes": [...], "event": event | null}, ...]}

`corrected` is left out when empty; `corrections` are those of the new side (for
an event a correction removed: that correction), `was` those of the old side.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError
from rich.console import Console
from rich.table import Table
from rich.text import Text

from timeline.errors import TimelineFileError
from timeline.merge import sort_key
from timeline.schema import (
    AppliedCorrection,
    CorrectionRecord,
    Event,
    Source,
    Timeline,
    types_compatible,
)

ANNOUNCED: frozenset[str] = frozenset({"planned", "proposed", "cancelled"})
FIELDS: tuple[str, ...] = (
    "status",
    "date",
    "type",
    "participants",
    "location",
    "realizes",
    "sources",
)
THRESHOLD = 0.6
W_PARTICIPANTS = 0.35
W_TYPE = 0.1
W_DATE = 0.25
W_SOURCES = 0.3
NEAR_GAP_DAYS = 3
FAR_GAP_DAYS = 14
QUOTE_OVERLAP = 0.5


class FieldChange(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="forbid")

    field: str
    from_: Any = Field(validation_alias=AliasChoices("from", "from_"), serialization_alias="from")
    to: Any


class ChangedEvent(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="the id in the new timeline")
    old_id: str = Field(description="the id in the old timeline")
    changes: list[FieldChange]


class CorrectedEvent(BaseModel):
    """An event added, removed or changed by an editorial correction."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    change: Literal["added", "removed", "changed"]
    id: str | None = Field(description="the id in the new timeline")
    old_id: str | None = Field(description="the id in the old timeline")
    corrections: list[AppliedCorrection] = Field(description="the new side's corrections")
    was: list[AppliedCorrection] = Field(description="the old side's corrections")
    changes: list[FieldChange] = Field(default_factory=list)
    event: Event | None = Field(default=None, description="the event added or removed")


class TimelineDiff(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    added: list[Event]
    removed: list[Event]
    changed: list[ChangedEvent]
    corrected: list[CorrectedEvent] = Field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.corrected)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "added": [e.model_dump(mode="json") for e in self.added],
            "removed": [e.model_dump(mode="json") for e in self.removed],
            "changed": [
                {
                    "id": c.id,
                    "old_id": c.old_id,
                    "changes": [{"field": f.field, "from": f.from_, "to": f.to} for f in c.changes],
                }
                for c in self.changed
            ],
            **(
                {
                    "corrected": [
                        {
                            "change": c.change,
                            "id": c.id,
                            "old_id": c.old_id,
                            "corrections": [x.model_dump(mode="json") for x in c.corrections],
                            "was": [x.model_dump(mode="json") for x in c.was],
                            "changes": [
                                {"field": f.field, "from": f.from_, "to": f.to} for f in c.changes
                            ],
                            "event": c.event.model_dump(mode="json") if c.event else None,
                        }
                        for c in self.corrected
                    ]
                }
                if self.corrected
                else {}
            ),
        }


# --- matching -----------------------------------------------------------------


def family(status: str) -> str:
    return "announced" if status in ANNOUNCED else "reported"


def _jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


_WORD = re.compile(r"\w+")


def _quotes_overlap(a: Source, b: Source) -> bool:
    if a.article != b.article:
        return False
    if a.quote == b.quote or a.quote in b.quote or b.quote in a.quote:
        return True
    if a.start < b.end and b.start < a.end:
        return True
    wa = set(_WORD.findall(a.quote.lower()))
    wb = set(_WORD.findall(b.quote.lower()))
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= QUOTE_OVERLAP


def _covered(a: Event, b: Event) -> float:
    hit = sum(1 for s in a.sources if any(_quotes_overlap(s, t) for t in b.sources))
    return hit / len(a.sources)


def _source_share(a: Event, b: Event) -> float:
    """The larger of the shares of either side's sources with a counterpart (symmetric)."""
    if not a.sources or not b.sources:
        return 0.0
    return max(_covered(a, b), _covered(b, a))


def _date_score(a: Event, b: Event) -> float:
    ia, ib = a.date.interval, b.date.interval
    if ia.overlaps(ib):
        return 1.0
    # disjoint, so both sides are bounded where they face each other
    if ia.latest is not None and ib.earliest is not None and ia.latest < ib.earliest:
        gap = (ib.earliest - ia.latest).days
    elif ib.latest is not None and ia.earliest is not None:
        gap = (ia.earliest - ib.latest).days
    else:  # pragma: no cover - disjoint intervals always have facing bounds
        return 0.0
    if gap <= NEAR_GAP_DAYS:
        return 0.5
    if gap <= FAR_GAP_DAYS:
        return 0.25
    return 0.0


def match_score(a: Event, b: Event) -> float:
    """How likely `a` and `b` are the same contact, in [0, 1]; symmetric.

    0 when they share no participant, their types are incompatible, their
    statuses are of different families (the pipeline never merges a plan with
    a report: the occurred contact `realizes` the plan), or neither their dates
    overlap nor do they share a source. Otherwise a weighted sum of the
    participants' Jaccard index, type equality (1, or 0.5 when one is `talks`),
    date closeness (1 on overlap, 0.5 within 3 days, 0.25 within 14) and the
    share of sources with a counterpart (same article, overlapping quote).
    """
    jac = _jaccard(a.participants, b.participants)
    if jac == 0.0 or not types_compatible(a.type, b.type):
        return 0.0
    if family(a.status) != family(b.status):
        return 0.0
    date = _date_score(a, b)
    share = _source_share(a, b)
    if date < 1.0 and share == 0.0:
        return 0.0
    return (
        W_PARTICIPANTS * jac
        + W_TYPE * (1.0 if a.type == b.type else 0.5)
        + W_DATE * date
        + W_SOURCES * share
    )


def match_events(old: Sequence[Event], new: Sequence[Event]) -> dict[int, int]:
    """Old index → new index for the events that are the same contact."""
    pairs: dict[int, int] = {}
    new_by_id: dict[str, int] = {}
    for j, e in enumerate(new):
        new_by_id.setdefault(e.id, j)
    used: set[int] = set()
    for i, e in enumerate(old):
        same = new_by_id.get(e.id)
        if same is not None and same not in used:
            pairs[i] = same
            used.add(same)
    candidates: list[tuple[float, tuple[str, str], int, int]] = []
    for i, a in enumerate(old):
        if i in pairs:
            continue
        for j, b in enumerate(new):
            if j in used:
                continue
            score = match_score(a, b)
            if score >= THRESHOLD:
                # the tie-break key does not depend on which side is old
                ids = (a.id, b.id) if a.id <= b.id else (b.id, a.id)
                candidates.append((-score, ids, i, j))
    candidates.sort(key=lambda c: (c[0], c[1]))
    for _, _, i, j in candidates:
        if i in pairs or j in used:
            continue
        pairs[i] = j
        used.add(j)
    return pairs


# --- field changes --------------------------------------------------------------


def _date_json(e: Event) -> dict[str, str | None]:
    return {
        "earliest": e.date.earliest.isoformat() if e.date.earliest else None,
        "latest": e.date.latest.isoformat() if e.date.latest else None,
    }


def source_label(s: Source) -> str:
    return f"{s.article}: {s.quote}"


def _same_ref(a: str | None, b: str | None, id_map: dict[str, str], new_ids: set[str]) -> bool:
    """Whether old `realizes` a and new `realizes` b point at the same contact.

    A matched old id stands for its matched new id; an unmatched id only
    equals the same unmatched id. Symmetric under swapping old and new.
    """
    if a is not None and a in id_map:
        return id_map[a] == b
    if b is not None and b in new_ids:
        return False
    return a == b


def field_changes(
    old: Event, new: Event, id_map: dict[str, str], new_ids: set[str] | None = None
) -> list[FieldChange]:
    """The field-level changes from `old` to `new`.

    `id_map` maps matched old ids to their new ids; `new_ids` are the matched
    new ids (by default the values of `id_map`).
    """
    if new_ids is None:
        new_ids = set(id_map.values())
    out: list[FieldChange] = []
    if old.status != new.status:
        out.append(FieldChange(field="status", from_=old.status, to=new.status))
    if (old.date.earliest, old.date.latest) != (new.date.earliest, new.date.latest):
        out.append(FieldChange(field="date", from_=_date_json(old), to=_date_json(new)))
    if old.type != new.type:
        out.append(FieldChange(field="type", from_=old.type, to=new.type))
    if sorted(old.participants) != sorted(new.participants):
        out.append(
            FieldChange(
                field="participants", from_=sorted(old.participants), to=sorted(new.participants)
            )
        )
    if old.location != new.location:
        out.append(FieldChange(field="location", from_=old.location, to=new.location))
    if not _same_ref(old.realizes, new.realizes, id_map, new_ids):
        out.append(FieldChange(field="realizes", from_=old.realizes, to=new.realizes))
    before = {(s.article, s.quote): source_label(s) for s in old.sources}
    after = {(s.article, s.quote): source_label(s) for s in new.sources}
    gone = sorted(v for k, v in before.items() if k not in after)
    came = sorted(v for k, v in after.items() if k not in before)
    if gone or came:
        out.append(FieldChange(field="sources", from_=gone, to=came))
    return out


STRUCTURAL: frozenset[str] = frozenset({"merge", "split", "add"})


def _made_by_correction(e: Event) -> bool:
    return any(c.action in STRUCTURAL for c in e.corrections)


def _removal(records: Sequence[CorrectionRecord], event_id: str) -> list[AppliedCorrection]:
    """The corrections of a timeline's log that removed `event_id`."""
    return [
        AppliedCorrection(action=r.action, note=r.note, by=r.by)
        for r in records
        if event_id in r.removed
    ]


def diff_timelines(old: Timeline, new: Timeline) -> TimelineDiff:
    pairs = match_events(old.events, new.events)
    id_map = {old.events[i].id: new.events[j].id for i, j in pairs.items()}
    matched_new = set(pairs.values())
    added: list[Event] = []
    removed: list[Event] = []
    corrected: list[tuple[tuple[object, ...], CorrectedEvent]] = []
    for j, e in enumerate(new.events):
        if j in matched_new:
            continue
        undone = _removal(old.corrections, e.id)  # the old side's correction removed it
        if _made_by_correction(e) or undone:
            item = CorrectedEvent(
                change="added", id=e.id, old_id=None, corrections=e.corrections, was=undone, event=e
            )
            corrected.append(((*sort_key(e), ""), item))
        else:
            added.append(e)
    for i, e in enumerate(old.events):
        if i in pairs:
            continue
        by = _removal(new.corrections, e.id)
        if _made_by_correction(e) or by:
            item = CorrectedEvent(
                change="removed", id=None, old_id=e.id, corrections=by, was=e.corrections, event=e
            )
            corrected.append(((*sort_key(e), e.id), item))
        else:
            removed.append(e)
    changed: list[tuple[tuple[object, ...], ChangedEvent]] = []
    for i, j in pairs.items():
        a, b = old.events[i], new.events[j]
        changes = field_changes(a, b, id_map, set(id_map.values()))
        if a.corrections != b.corrections:
            item_c = CorrectedEvent(
                change="changed",
                id=b.id,
                old_id=a.id,
                corrections=b.corrections,
                was=a.corrections,
                changes=changes,
            )
            corrected.append(((*sort_key(b), a.id), item_c))
        elif changes:
            changed.append(
                ((*sort_key(b), a.id), ChangedEvent(id=b.id, old_id=a.id, changes=changes))
            )
    changed.sort(key=lambda c: c[0])
    corrected.sort(key=lambda c: c[0])
    return TimelineDiff(
        added=sorted(added, key=sort_key),
        removed=sorted(removed, key=sort_key),
        changed=[c for _, c in changed],
        corrected=[c for _, c in corrected],
    )


# --- loading ------------------------------------------------------------------


def load_timeline_json(path: Path) -> Timeline:
    """Read a timeline written by `Timeline.model_dump_json`."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TimelineFileError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TimelineFileError(
            f"{path}: is not UTF-8 text (byte at offset {exc.start}): not a timeline JSON file"
        ) from exc
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise TimelineFileError(
            f"{path}: is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    try:
        return Timeline.model_validate_json(text)
    except ValidationError as exc:
        errors = exc.errors()
        shown = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}" for err in errors[:3]
        )
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        raise TimelineFileError(f"{path}: is not a timeline JSON file: {shown}{more}") from exc


# --- rendering ------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~!])")

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "added": "Nieuw",
        "removed": "Verwijderd",
        "changed": "Gewijzigd",
        "empty": "Geen verschillen.",
        "title": "Wijzigingen in de tijdlijn",
        "field": "veld",
        "from": "was",
        "to": "wordt",
        "event": "contact",
        "date": "datum",
        "status": "status",
        "type": "soort",
        "participants": "deelnemers",
        "location": "plaats",
        "realizes": "verwezenlijkt",
        "sources": "bronnen",
        "sources_from": "vervallen",
        "sources_to": "erbij",
        "open": "open",
        "none": "—",
        "summary": "{a} nieuw, {r} verwijderd, {c} gewijzigd.",
        "summary_corrected": " {k} door redactionele correcties.",
        "corrected": "Redactionele correcties",
        "change_added": "erbij",
        "change_removed": "weg",
        "change_changed": "gewijzigd",
        "correction": "correctie",
        "was": "eerder",
    },
    "en": {
        "added": "Added",
        "removed": "Removed",
        "changed": "Changed",
        "empty": "No differences.",
        "title": "Changes to the timeline",
        "field": "field",
        "from": "from",
        "to": "to",
        "event": "contact",
        "date": "date",
        "status": "status",
        "type": "type",
        "participants": "participants",
        "location": "location",
        "realizes": "realizes",
        "sources": "sources",
        "sources_from": "dropped",
        "sources_to": "new",
        "open": "open",
        "none": "—",
        "summary": "{a} added, {r} removed, {c} changed.",
        "summary_corrected": " {k} by editorial corrections.",
        "corrected": "Editorial corrections",
        "change_added": "added",
        "change_removed": "removed",
        "change_changed": "changed",
        "correction": "correction",
        "was": "before",
    },
}


def escape_md(text: str) -> str:
    """Neutralise Markdown and HTML specials in article text (one line)."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["en"])


def _fmt_interval(earliest: str | None, latest: str | None, lab: dict[str, str]) -> str:
    if earliest is not None and earliest == latest:
        return earliest
    return f"{earliest or lab['open']} – {latest or lab['open']}"


def _fmt_value(field: str, value: Any, lab: dict[str, str]) -> str:
    if value is None:
        return lab["none"]
    if field == "date" and isinstance(value, dict):
        return _fmt_interval(value.get("earliest"), value.get("latest"), lab)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or lab["none"]
    return str(value)


def _event_summary(e: Event, lab: dict[str, str]) -> str:
    d = _date_json(e)
    text = f"{e.id} · {e.type} · {', '.join(e.participants)} · "
    text += f"{_fmt_interval(d['earliest'], d['latest'], lab)} · {e.status}"
    if e.location:
        text += f" · {e.location}"
    return text


def _md_event(e: Event, lab: dict[str, str]) -> list[str]:
    lines = [f"- {escape_md(_event_summary(e, lab))}"]
    for s in e.sources:
        lines.append(f"  - {escape_md(s.article)}: “{escape_md(s.quote)}”")
    return lines


def _md_source(label: str) -> str:
    """An "article: quote" label as `article: “quote”`, escaped."""
    article, sep, quote = str(label).partition(": ")
    if not sep:
        return f"“{escape_md(article)}”"
    return f"{escape_md(article)}: “{escape_md(quote)}”"


def render_markdown(d: TimelineDiff, *, lang: str = "nl") -> str:
    """A changelog-style summary of the diff."""
    lab = _labels(lang)
    lines = [f"# {lab['title']}", ""]
    if d.is_empty:
        lines.append(lab["empty"])
        return "\n".join(lines) + "\n"
    summary = lab["summary"].format(a=len(d.added), r=len(d.removed), c=len(d.changed))
    if d.corrected:
        summary += lab["summary_corrected"].format(k=len(d.corrected))
    lines += [summary, ""]
    for key, events in (("added", d.added), ("removed", d.removed)):
        if not events:
            continue
        lines += [f"## {lab[key]}", ""]
        for e in events:
            lines += _md_event(e, lab)
        lines.append("")
    if d.changed:
        lines += [f"## {lab['changed']}", ""]
        for c in d.changed:
            head = c.id if c.id == c.old_id else f"{c.id} ({c.old_id})"
            lines.append(f"- {escape_md(head)}")
            lines += _md_changes(c.changes, lab)
        lines.append("")
    if d.corrected:
        lines += [f"## {lab['corrected']}", ""]
        for k in d.corrected:
            lines.append(f"- {escape_md(_corrected_head(k, lab))}")
            for x in k.corrections:
                lines.append(f"  - ✎ {escape_md(_correction_line(x))}")
            for x in k.was:
                lines.append(f"  - {lab['was']}: ✎ {escape_md(_correction_line(x))}")
            if k.event is not None:
                lines += [f"  {line}" for line in _md_event(k.event, lab)]
            lines += _md_changes(k.changes, lab)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _corrected_head(k: CorrectedEvent, lab: dict[str, str]) -> str:
    ids = k.id or k.old_id or ""
    if k.id and k.old_id and k.id != k.old_id:
        ids = f"{k.id} ({k.old_id})"
    return f"{ids}: {lab['change_' + k.change]}"


def _correction_line(c: AppliedCorrection) -> str:
    fields = f" ({', '.join(c.fields)})" if c.action == "set" and c.fields else ""
    return f"{c.action}{fields}: {c.note}" + (f" — {c.by}" if c.by else "")


def _md_changes(changes: Sequence[FieldChange], lab: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for f in changes:
        name = lab.get(f.field, f.field)
        if f.field == "sources":
            for q in f.from_:
                lines.append(f"  - {name}, {lab['sources_from']}: {_md_source(q)}")
            for q in f.to:
                lines.append(f"  - {name}, {lab['sources_to']}: {_md_source(q)}")
        else:
            was = escape_md(_fmt_value(f.field, f.from_, lab))
            now = escape_md(_fmt_value(f.field, f.to, lab))
            lines.append(f"  - {name}: {was} → {now}")
    return lines


def _cell(field: str, value: Any, lab: dict[str, str]) -> str:
    if field == "sources" and isinstance(value, list):
        return "\n".join(str(v) for v in value) or lab["none"]
    return _fmt_value(field, value, lab)


def render_table(d: TimelineDiff, console: Console, *, lang: str = "nl") -> None:
    """The diff as rich tables: added and removed events, then field changes."""
    lab = _labels(lang)
    if d.is_empty:
        console.print(Text(lab["empty"]))
        return
    for key, events in (("added", d.added), ("removed", d.removed)):
        if not events:
            continue
        table = Table(title=f"{lab[key]} ({len(events)})", title_justify="left")
        for col in ("id", lab["date"], lab["type"], lab["participants"], lab["status"]):
            table.add_column(col)
        table.add_column(lab["location"])
        for e in events:
            dj = _date_json(e)
            table.add_row(
                Text(e.id),
                Text(_fmt_interval(dj["earliest"], dj["latest"], lab)),
                Text(e.type),
                Text(", ".join(e.participants)),
                Text(e.status),
                Text(e.location or lab["none"]),
            )
        console.print(table)
    if d.changed:
        table = Table(title=f"{lab['changed']} ({len(d.changed)})", title_justify="left")
        table.add_column("id")
        table.add_column(lab["field"])
        table.add_column(lab["from"])
        table.add_column(lab["to"])
        for c in d.changed:
            head = c.id if c.id == c.old_id else f"{c.id} ({c.old_id})"
            for k, f in enumerate(c.changes):
                table.add_row(
                    Text(head if k == 0 else ""),
                    Text(lab.get(f.field, f.field)),
                    Text(_cell(f.field, f.from_, lab)),
                    Text(_cell(f.field, f.to, lab)),
                )
        console.print(table)
    if d.corrected:
        table = Table(title=f"{lab['corrected']} ({len(d.corrected)})", title_justify="left")
        for col in ("id", lab["correction"], lab["field"], lab["from"], lab["to"]):
            table.add_column(col)
        for fix in d.corrected:
            notes = "\n".join(f"✎ {_correction_line(x)}" for x in fix.corrections)
            notes += "".join(f"\n{lab['was']}: ✎ {_correction_line(x)}" for x in fix.was)
            rows = [(lab.get(f.field, f.field), f.from_, f.to, f.field) for f in fix.changes]
            first = [Text(_corrected_head(fix, lab)), Text(notes.strip())]
            if not rows:
                summary = _event_summary(fix.event, lab) if fix.event else ""
                table.add_row(*first, Text(""), Text(""), Text(summary))
            for n, (name, was, now, field) in enumerate(rows):
                lead = first if n == 0 else [Text(""), Text("")]
                table.add_row(
                    *lead,
                    Text(name),
                    Text(_cell(field, was, lab)),
                    Text(_cell(field, now, lab)),
                )
        console.print(table)
