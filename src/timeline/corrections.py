"""Editorial corrections (`corrections.toml`) applied to the merged chronology.

An editor states a correction once, next to the corpus, and every later build
applies it. Each entry names its event by evidence, not by id (ids change when
the sources change): one or more source sentences, given as the article's file
name and a `quote`, a piece of a sentence the event cites (compared with white
space normalised, case-sensitive). An entry then does one of five things:

    set    the event's type, status, participants, earliest/latest, location
    drop   the event is not a contact
    merge  the sentences quoted belong to one contact
    split  the sentences quoted are a contact of their own
    add    a contact the tool missed, with the sentences that report it

Corrections apply after the merge (`merge.cluster_mentions`), on its clusters of
mentions, so that an event made by a merge, a split or an add is built, dated and
given its id exactly as `merge.py` builds any event. In order: drop, split and
merge (resolved against the uncorrected events), add, then set (resolved against
the events the others leave, so a `set` may name a sentence that a split moved or
an add cited); `realizes` links are computed afterwards and the events sorted by
`merge.sort_key`.

An entry whose evidence matches nothing is *stale*: reported as a warning
`Problem` and skipped. Two entries that contradict each other raise
`CorrectionsError` naming both.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomlkit
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from tomlkit.items import AoT, Array

from timeline import merge, segment
from timeline.errors import TimelineError
from timeline.loader import CORRECTIONS_FILE
from timeline.schema import (
    AppliedCorrection,
    Article,
    CorrectionAction,
    CorrectionRecord,
    Event,
    EventDate,
    EventMention,
    EventStatus,
    EventType,
    Interval,
    Problem,
    Source,
)

FILE_NAME = CORRECTIONS_FILE
STALE = "stale-correction"
DATE_BASIS = "editorial correction"
SET_FIELDS: tuple[str, ...] = ("type", "status", "participants", "earliest", "latest", "location")


class CorrectionsError(TimelineError):
    """The corrections file cannot be used: unreadable, invalid, or contradictory."""


# --- the file ------------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Model):
    """A source sentence: the article's file name and a piece of the sentence."""

    article: str = Field(min_length=1)
    quote: str = Field(min_length=1)

    @field_validator("quote")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be blank")
        return v


class SetFields(_Model):
    type: EventType | None = None
    status: EventStatus | None = None
    participants: list[str] | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    location: str | None = Field(default=None, description="'' clears the place")

    @model_validator(mode="after")
    def _something(self) -> SetFields:
        if not self.given():
            raise ValueError(f"give at least one of {', '.join(SET_FIELDS)}")
        if self.earliest and self.latest and self.earliest > self.latest:
            raise ValueError(f"earliest {self.earliest} is after latest {self.latest}")
        return self

    def given(self) -> list[str]:
        return [f for f in SET_FIELDS if getattr(self, f) is not None]


class AddFields(_Model):
    type: EventType
    participants: list[str] = Field(min_length=2)
    status: EventStatus = "occurred"
    earliest: dt.date | None = None
    latest: dt.date | None = None
    location: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> AddFields:
        if self.earliest and self.latest and self.earliest > self.latest:
            raise ValueError(f"earliest {self.earliest} is after latest {self.latest}")
        return self


class Entry(_Model):
    """One `[[correction]]` of the file."""

    match: list[Evidence] = Field(min_length=1)
    set: SetFields | None = None
    drop: bool = False
    merge: bool = False
    split: bool = False
    add: AddFields | None = None
    note: str = Field(min_length=1)
    by: str | None = None

    @model_validator(mode="after")
    def _one_action(self) -> Entry:
        chosen = [
            name
            for name, on in (
                ("set", self.set is not None),
                ("drop", self.drop),
                ("merge", self.merge),
                ("split", self.split),
                ("add", self.add is not None),
            )
            if on
        ]
        if len(chosen) != 1:
            raise ValueError(
                "give exactly one action: set = {...}, drop = true, merge = true, "
                f"split = true or add = {{...}} (found {', '.join(chosen) or 'none'})"
            )
        if self.merge and len(self.match) < 2:
            raise ValueError("merge needs at least two quotes in match")
        return self

    @property
    def action(self) -> CorrectionAction:
        if self.set is not None:
            return "set"
        if self.add is not None:
            return "add"
        return "drop" if self.drop else "merge" if self.merge else "split"


class CorrectionsFile(_Model):
    correction: list[Entry] = Field(default_factory=list)


@dataclass(frozen=True)
class Corrections:
    """A validated corrections file: `label` names it in messages and problems."""

    label: str
    entries: tuple[Entry, ...]


def _where(loc: tuple[int | str, ...]) -> str:
    if len(loc) >= 2 and loc[0] == "correction" and isinstance(loc[1], int):
        rest = ".".join(str(p) for p in loc[2:])
        return f"entry {loc[1] + 1}" + (f", field {rest}" if rest else "")
    return "field " + (".".join(str(p) for p in loc) or "(top)")


def parse_corrections(
    text: str, label: str, known_actors: Iterable[str] | None = None
) -> Corrections:
    """Validate the text of a corrections file; errors name the file, entry and field."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CorrectionsError(f"{label}: not valid TOML: {exc}") from None
    try:
        parsed = CorrectionsFile.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors()
        shown = "; ".join(
            f"{_where(tuple(e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
            for e in errors[:3]
        )
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        raise CorrectionsError(f"{label}: {shown}{more}") from None
    if known_actors is not None:
        known = frozenset(known_actors)
        for n, entry in enumerate(parsed.correction, 1):
            fields = entry.set or entry.add
            for who in (fields.participants or []) if fields else []:
                if who not in known:
                    raise CorrectionsError(
                        f"{label}: entry {n}, field {entry.action}.participants: unknown actor "
                        f"id {who!r} (known: {', '.join(sorted(known))})"
                    )
    return Corrections(label=label, entries=tuple(parsed.correction))


def load_corrections(
    path: Path, label: str | None = None, known_actors: Iterable[str] | None = None
) -> Corrections:
    label = label or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorrectionsError(f"{label}: cannot be read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorrectionsError(f"{label}: is not UTF-8 text (byte at offset {exc.start})") from None
    return parse_corrections(text, label, known_actors)


# --- evidence --------------------------------------------------------------------


def normalise(text: str) -> str:
    return " ".join(text.split())


def cites(source: Source, evidence: Evidence) -> bool:
    return source.article == evidence.article and normalise(evidence.quote) in normalise(
        source.quote
    )


def _describe(evidence: Evidence) -> str:
    quote = normalise(evidence.quote)
    return f"{evidence.article} '{quote if len(quote) <= 60 else quote[:57] + '...'}'"


@dataclass
class _Group:
    """A cluster in the making: the mentions of one event and the entries that shaped it."""

    mentions: list[EventMention]
    key: tuple[str, ...]
    family: str
    origin: set[str] = field(default_factory=set)  # ids the uncorrected build gives its parts
    cluster: merge.Cluster | None = None  # merge.py's own cluster, while no entry changed it
    applied: list[int] = field(default_factory=list)  # entry indexes

    def cites(self, evidence: Evidence) -> bool:
        return any(cites(m.source, evidence) for m in self.mentions)


def _sentence(m: EventMention) -> str:
    return _describe(Evidence(article=m.article, quote=m.source.quote))


def _ids(g: _Group) -> str:
    return ", ".join(sorted(g.origin))


def _citing(groups: Sequence[_Group], evidence: Sequence[Evidence]) -> list[int]:
    """Indexes of the groups that cite every piece of evidence."""
    return [i for i, g in enumerate(groups) if all(g.cites(e) for e in evidence)]


def _cluster(g: _Group) -> merge.Cluster:
    """The cluster of `g`'s mentions, dated and checked as `merge.py` does."""
    counts = merge.article_counts(g.mentions)
    reports = sorted(
        (merge._report(m, counts[id(m)]) for m in g.mentions), key=merge._mention_order
    )
    c = merge.Cluster(key=g.key, family=g.family, interval=reports[0].interval)
    for r in reports:
        c.add(r)
    return c


def _event(g: _Group) -> Event:
    return merge.to_events([g.cluster or _cluster(g)])[0]


# --- applying ----------------------------------------------------------------------


@dataclass
class Applied:
    events: list[Event]
    problems: list[Problem]
    records: list[CorrectionRecord]


def _entry_name(n: int, entry: Entry) -> str:
    return f"entry {n + 1} ({entry.action})"


def _contradiction(label: str, a: int, ea: Entry, b: int, eb: Entry, why: str) -> CorrectionsError:
    first, second = sorted([(a, ea), (b, eb)], key=lambda x: x[0])
    return CorrectionsError(
        f"{label}: {_entry_name(*first)} and {_entry_name(*second)} contradict each other: {why}"
    )


def _stale(corrections: Corrections, n: int, why: str) -> Problem:
    entry = corrections.entries[n]
    return Problem(
        path=corrections.label,
        code=STALE,
        message=f"{_entry_name(n, entry)} no longer applies: {why} (note: {entry.note})",
        severity="warning",
    )


def _find_sentence(article: Article, evidence: Evidence) -> segment.Sentence | None:
    want = normalise(evidence.quote)
    for sentence in segment.sentences(article.text, article.body_start):
        if want in normalise(sentence.text):
            return sentence
    return None


def _added_mentions(entry: Entry, article_by_id: dict[str, Article]) -> list[EventMention] | str:
    """The mentions an `add` entry states, or why its evidence is not found."""
    assert entry.add is not None
    fields = entry.add
    out: list[EventMention] = []
    for ev in entry.match:
        article = article_by_id.get(ev.article)
        if article is None:
            return f"no article {ev.article}"
        sentence = _find_sentence(article, ev)
        if sentence is None:
            return f"no sentence of {ev.article} contains '{normalise(ev.quote)}'"
        interval = Interval(earliest=fields.earliest, latest=fields.latest)
        source = Source(
            article=article.id,
            quote=sentence.text,
            start=sentence.start,
            end=sentence.end,
            published=article.published.text,
            cues=["correction"],
            type=fields.type,
            status=fields.status,
            date=interval,
        )
        out.append(
            EventMention(
                article=article.id,
                type=fields.type,
                participants=sorted(set(fields.participants)),
                status=fields.status,
                date=EventDate(earliest=fields.earliest, latest=fields.latest, basis=DATE_BASIS),
                location=fields.location,
                source=source,
                sentence_index=sentence.index,
            )
        )
    return out


def _set_value(fields: SetFields, name: str) -> Any:
    value = getattr(fields, name)
    if name == "participants":
        return sorted(set(value))
    return value


def _apply_set(event: Event, sets: list[tuple[int, Entry]], label: str) -> Event:
    update: dict[str, Any] = {}
    earliest, latest = event.date.earliest, event.date.latest
    dated = False
    for _, entry in sets:
        assert entry.set is not None
        for name in entry.set.given():
            value = _set_value(entry.set, name)
            if name == "earliest":
                earliest, dated = value, True
            elif name == "latest":
                latest, dated = value, True
            elif name == "location":
                update["location"] = value or None
            else:
                update[name] = value
    if dated:
        if earliest and latest and earliest > latest:
            names = " and ".join(_entry_name(n, e) for n, e in sets)
            raise CorrectionsError(
                f"{label}: {names} would date event {event.id} from {earliest} to {latest}: "
                "give both earliest and latest"
            )
        update["date"] = EventDate(earliest=earliest, latest=latest, basis=DATE_BASIS)
    return event.model_copy(update=update)


def _unique_ids(
    built: list[tuple[_Group, Event]], entries: Sequence[Entry]
) -> list[tuple[_Group, Event]]:
    """An event a correction made keeps merge.py's id unless another event has it (an
    added contact whose first sentence starts an event of the same parties): then the
    id hashes that id with the entries that made it, so that it is still stable."""
    seen = {e.id for g, e in built if not g.applied}
    out = []
    for g, e in built:
        new_id = e.id
        if g.applied:
            made = ",".join(f"{n + 1}:{entries[n].action}" for n in g.applied)
            while new_id in seen:
                new_id = "E" + hashlib.sha1(f"{new_id}|{made}".encode()).hexdigest()[:10]
            seen.add(new_id)
        out.append((g, e if new_id == e.id else e.model_copy(update={"id": new_id})))
    return out


def apply_corrections(
    mentions: Iterable[EventMention],
    focus: frozenset[str],
    corrections: Corrections,
    articles: Sequence[Article],
    copies: Mapping[str, str] | None = None,
) -> Applied:
    """The merged events with every entry of `corrections` applied (`copies`: the wire
    copies `merge.merge` is given).

    Raises `CorrectionsError` when two entries contradict each other.
    """
    label, entries = corrections.label, corrections.entries
    clusters = merge.cluster_mentions(mentions, focus, copies)
    base = merge.to_events(clusters)
    groups = [
        _Group(mentions=list(c.mentions), key=c.key, family=c.family, origin={e.id}, cluster=c)
        for c, e in zip(clusters, base, strict=True)
    ]
    problems: list[Problem] = []
    stale: set[int] = set()

    present = {a.id for a in articles}

    def uncited(evidence: Evidence) -> str:
        if evidence.article not in present:
            return f"the corpus has no article {evidence.article}"
        return f"no event cites {_describe(evidence)}"

    def unmatched(n: int, evidence: Sequence[Evidence]) -> bool:
        missing = [e for e in evidence if not _citing(groups, [e])]
        if missing:
            problems.append(_stale(corrections, n, uncited(missing[0])))
            stale.add(n)
        return bool(missing)

    # resolve drop, split and merge against the uncorrected events
    drops: dict[int, int] = {}  # group index -> entry
    splits: dict[tuple[int, int], int] = {}  # (group, mention index) -> entry
    split_groups: list[tuple[int, int, list[int]]] = []  # (entry, group, mention indexes)
    merge_sets: list[tuple[int, set[int]]] = []
    merged_sentences: dict[tuple[str, int], int] = {}
    for n, entry in enumerate(entries):
        if entry.action in ("set", "add") or unmatched(n, entry.match):
            continue
        if entry.action == "merge":
            targets = {i for e in entry.match for i in _citing(groups, [e])}
            merge_sets.append((n, targets))
            for i in targets:
                for m in groups[i].mentions:
                    if any(cites(m.source, e) for e in entry.match):
                        merged_sentences[(m.article, m.source.start)] = n
            continue
        targets_list = _citing(groups, entry.match)
        if not targets_list:
            problems.append(_stale(corrections, n, "no one event cites all its quotes"))
            stale.add(n)
            continue
        for i in targets_list:
            if entry.action == "drop":
                drops.setdefault(i, n)
                continue
            picked = [
                k
                for k, m in enumerate(groups[i].mentions)
                if any(cites(m.source, e) for e in entry.match)
            ]
            for k in picked:
                other = splits.setdefault((i, k), n)
                if other != n:
                    raise _contradiction(
                        label,
                        other,
                        entries[other],
                        n,
                        entry,
                        f"both split off {_sentence(groups[i].mentions[k])}",
                    )
            split_groups.append((n, i, picked))

    # contradictions between the structural entries
    for n, i, picked in split_groups:
        if i in drops:
            raise _contradiction(
                label,
                drops[i],
                entries[drops[i]],
                n,
                entries[n],
                f"one drops event {_ids(groups[i])}, the other splits it",
            )
        for k in picked:
            m = groups[i].mentions[k]
            merging = merged_sentences.get((m.article, m.source.start))
            if merging is not None:
                raise _contradiction(
                    label,
                    merging,
                    entries[merging],
                    n,
                    entries[n],
                    f"one merges and the other splits off {_sentence(m)}",
                )
    for n, merged_groups in merge_sets:
        for i in sorted(merged_groups):
            if i in drops:
                raise _contradiction(
                    label,
                    drops[i],
                    entries[drops[i]],
                    n,
                    entries[n],
                    f"one drops event {_ids(groups[i])}, the other merges it",
                )

    # drop, split, merge
    alive = [i not in drops for i in range(len(groups))]
    original = [list(g.mentions) for g in groups]
    for n, i, picked in split_groups:
        g = groups[i]
        taken = [original[i][k] for k in picked]
        rest = [m for m in g.mentions if not any(m is t for t in taken)]
        if rest:
            g.mentions, g.cluster = rest, None
            g.applied.append(n)
            groups.append(
                _Group(
                    mentions=taken, key=g.key, family=g.family, origin=set(g.origin), applied=[n]
                )
            )
            alive.append(True)
        else:
            g.applied.append(n)  # the event is already just these sentences
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for n, _ in merge_sets:
        # the group that holds each quoted sentence now (a split may have moved it)
        now = {j for e in entries[n].match for j in _citing(groups, [e]) if alive[j]}
        if not now:  # pragma: no cover - a merged sentence is neither dropped nor split off
            continue
        first, *others = sorted({root(j) for j in now})
        for j in others:
            parent[j] = first
        groups[first].applied.append(n)
    merged: dict[int, list[int]] = defaultdict(list)
    for i in range(len(groups)):
        if alive[i]:
            merged[root(i)].append(i)
    shaped: list[_Group] = []
    for r, members in sorted(merged.items()):
        if len(members) == 1:
            shaped.append(groups[r])
            continue
        mentions_all = [m for j in members for m in groups[j].mentions]
        families = Counter(groups[j].family for j in members)
        family = "reported" if families["reported"] else "announced"
        shaped.append(
            _Group(
                mentions=mentions_all,
                key=merge.block_key(
                    sorted({p for m in mentions_all for p in m.participants}), focus
                ),
                family=family,
                origin={x for j in members for x in groups[j].origin},
                applied=sorted({n for j in members for n in groups[j].applied}),
            )
        )

    # add
    article_by_id = {a.id: a for a in articles}
    for n, entry in enumerate(entries):
        if entry.action != "add":
            continue
        made = _added_mentions(entry, article_by_id)
        if isinstance(made, str):
            problems.append(_stale(corrections, n, made))
            stale.add(n)
            continue
        assert entry.add is not None
        found = [
            g
            for g in shaped
            if all(g.cites(e) for e in entry.match)
            and set(entry.add.participants) <= {p for m in g.mentions for p in m.participants}
        ]
        if found:
            problems.append(
                _stale(
                    corrections,
                    n,
                    f"the build now finds this contact itself ({_event(found[0]).id})",
                )
            )
            stale.add(n)
            continue
        participants = made[0].participants
        shaped.append(
            _Group(
                mentions=made,
                key=merge.block_key(participants, focus),
                family=merge.family(entry.add.status),
                applied=[n],
            )
        )

    # set, against the events the other entries leave
    sets: dict[int, list[tuple[int, Entry]]] = defaultdict(list)
    dropped_groups = [groups[i] for i in drops]
    for n, entry in enumerate(entries):
        if entry.action != "set":
            continue
        chosen = [i for i, g in enumerate(shaped) if all(g.cites(e) for e in entry.match)]
        if not chosen:
            hit = next((g for g in dropped_groups if all(g.cites(e) for e in entry.match)), None)
            if hit is not None:
                d = next(i for i in drops if groups[i] is hit)
                raise _contradiction(
                    label,
                    drops[d],
                    entries[drops[d]],
                    n,
                    entry,
                    f"one drops event {_ids(hit)}, the other sets its "
                    + ", ".join(entry.set.given() if entry.set else []),
                )
            missing = [e for e in entry.match if not any(g.cites(e) for g in shaped)]
            why = uncited(missing[0]) if missing else ""
            problems.append(_stale(corrections, n, why or "no one event cites all its quotes"))
            stale.add(n)
            continue
        for i in chosen:
            for other, prior in sets[i]:
                assert prior.set is not None and entry.set is not None
                for name in set(prior.set.given()) & set(entry.set.given()):
                    a, b = _set_value(prior.set, name), _set_value(entry.set, name)
                    if a != b:
                        raise _contradiction(
                            label,
                            other,
                            prior,
                            n,
                            entry,
                            f"both set {name} of one event, to {a!r} and to {b!r}",
                        )
            sets[i].append((n, entry))
            shaped[i].applied.append(n)

    # build the events: merge.py's clusters, the sets, then realizes links and order
    built: list[tuple[_Group, Event]] = []
    for i, g in enumerate(shaped):
        g.applied = sorted(set(g.applied))
        e = _event(g)
        if i in sets:
            e = _apply_set(e, sets[i], label)
        if g.applied:
            e = e.model_copy(update={"corrections": [_applied(entries[n]) for n in g.applied]})
        built.append((g, e))
    built = _unique_ids(built, entries)
    events = sorted(merge.link_realizations([e for _, e in built]), key=merge.sort_key)
    return Applied(
        events=events,
        problems=problems,
        records=_records(entries, stale, built, drops, groups),
    )


def _applied(entry: Entry) -> AppliedCorrection:
    if entry.set is not None:
        fields = entry.set.given()
    elif entry.add is not None:
        fields = ["type", "participants", "status", "date", "location"]
    else:
        fields = ["sources"]
    return AppliedCorrection(action=entry.action, note=entry.note, by=entry.by, fields=fields)


def _records(
    entries: Sequence[Entry],
    stale: set[int],
    built: Sequence[tuple[_Group, Event]],
    drops: dict[int, int],
    groups: Sequence[_Group],
) -> list[CorrectionRecord]:
    """One record per entry applied: the events it changed, the uncorrected ids it removed."""
    final_ids = {e.id for _, e in built}
    changed: dict[int, set[str]] = defaultdict(set)
    removed: dict[int, set[str]] = defaultdict(set)
    for g, e in built:
        for n in g.applied:
            changed[n].add(e.id)
            if entries[n].action in ("merge", "split"):
                removed[n] |= g.origin - final_ids
    for i, n in drops.items():
        removed[n] |= groups[i].origin
    return [
        CorrectionRecord(
            entry=n + 1,
            action=entry.action,
            note=entry.note,
            by=entry.by,
            events=sorted(changed[n]),
            removed=sorted(removed[n]),
        )
        for n, entry in enumerate(entries)
        if n not in stale
    ]


# --- writing (`timeline correct`) ----------------------------------------------------


def anchor(event: Event, events: Sequence[Event]) -> list[Evidence]:
    """Evidence naming `event`: its first source sentence, and the next ones while
    another event of `events` also cites every sentence so far."""
    chosen: list[Evidence] = []
    for s in event.sources:
        chosen.append(Evidence(article=s.article, quote=normalise(s.quote)))
        others = [
            e
            for e in events
            if e.id != event.id and all(any(cites(x, ev) for x in e.sources) for ev in chosen)
        ]
        if not others:
            break
    return chosen


def append_entry(text: str, entry: Entry) -> str:
    """`text` (a corrections file, possibly empty) with `entry` appended as one more
    `[[correction]]`, written by tomlkit. The text before it is kept byte for byte
    (comments, layout); only a file that holds its entries in an inline array
    (`correction = [...]`) is rewritten through tomlkit."""
    table = tomlkit.table()
    matches = tomlkit.array()
    for ev in entry.match:
        item = tomlkit.inline_table()
        item.update({"article": ev.article, "quote": ev.quote})
        matches.append(item)
    table.add("match", matches)
    if entry.set is not None:
        fields = tomlkit.inline_table()
        fields.update({name: _set_value(entry.set, name) for name in entry.set.given()})
        table.add("set", fields)
    else:
        table.add(entry.action, True)
    table.add("note", entry.note)
    if entry.by:
        table.add("by", entry.by)
    doc = tomlkit.parse(text)
    existing = doc.get("correction")
    if existing is None or isinstance(existing, AoT):
        block = tomlkit.document()
        block.append("correction", tomlkit.aot())
        block["correction"].append(table)
        head = text if not text or text.endswith("\n") else text + "\n"
        return head + ("\n" if head.strip() else "") + tomlkit.dumps(block)
    if isinstance(existing, Array):
        inline = tomlkit.inline_table()
        inline.update(table.unwrap())
        existing.append(inline)
        out = tomlkit.dumps(doc)
        return out if out.endswith("\n") else out + "\n"
    raise CorrectionsError("'correction' in the corrections file is not a list of entries")


# --- seeing which entries touch an article (`timeline inspect`) -----------------------


class ArticleEntry(_Model):
    """An entry of the corrections file that quotes one article, and what its quote finds."""

    entry: int
    action: CorrectionAction
    what: str = Field(description="the fields set or added, e.g. 'status = cancelled'")
    note: str
    by: str | None = None
    quote: str
    found: str = Field(
        description="'event mention': a sentence the article's mentions cite; "
        "'text': a sentence of the text no mention cites (as for an add); 'missing': neither"
    )


def _what(entry: Entry) -> str:
    fields = entry.set or entry.add
    if fields is None:
        return ""
    data = fields.model_dump(exclude_none=True)
    return ", ".join(f"{k} = {','.join(v) if isinstance(v, list) else v}" for k, v in data.items())


def article_entries(
    corrections: Corrections, article: Article, mentions: Sequence[EventMention]
) -> list[ArticleEntry]:
    """The entries whose evidence quotes `article`, in file order."""
    out: list[ArticleEntry] = []
    for n, entry in enumerate(corrections.entries):
        for ev in entry.match:
            if ev.article != article.id:
                continue
            if any(cites(m.source, ev) for m in mentions):
                found = "event mention"
            elif _find_sentence(article, ev) is not None:
                found = "text"
            else:
                found = "missing"
            out.append(
                ArticleEntry(
                    entry=n + 1,
                    action=entry.action,
                    what=_what(entry),
                    note=entry.note,
                    by=entry.by,
                    quote=normalise(ev.quote),
                    found=found,
                )
            )
    return out
