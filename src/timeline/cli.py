"""The command-line interface: thin typer commands over the library.

Data goes to stdout (or `-o FILE`, written atomically); progress, problems and
summaries go to stderr. Exit status: 0 all inputs used; 1 some inputs could not
be used (or, for `diff`, the timelines differ); 2 usage or fatal error.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from timeline import __version__, bylines, export, segment
from timeline.cache import default_cache_dir
from timeline.corrections import STALE, ArticleEntry, Corrections, article_entries
from timeline.dask_executor import SCHEDULER_ENV
from timeline.errors import OutputError, TimelineError
from timeline.executors import ExecutorKind
from timeline.loader import CORRECTIONS_FILE, DEFAULT_MAX_BYTES, future_problems, load_paths
from timeline.output import emit
from timeline.pipeline import (
    BuildOptions,
    BuildResult,
    analyse_articles,
    assemble,
    build_from_articles,
    build_timeline,
    read_corrections,
    redate_from_corpus,
)
from timeline.schema import ArticleAnalysis, FurnitureLine, Problem, Timeline

app = typer.Typer(
    name="timeline",
    help="Build a chronology of Trump–Zelensky–Putin contacts from Dutch news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
EXIT_OK, EXIT_PROBLEMS, EXIT_FATAL = 0, 1, 2


class Format(StrEnum):
    json = "json"
    md = "md"
    html = "html"
    timelinejs = "timelinejs"
    csv = "csv"
    ics = "ics"


class InspectFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


class DiffFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"


class Lang(StrEnum):
    nl = "nl"
    en = "en"


PathsArg = Annotated[list[str], typer.Argument(help="Article files or folders; '-' reads stdin.")]
OutputOpt = Annotated[
    Path | None, typer.Option("-o", "--output", help="Write here (atomically); default stdout.")
]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Language of human-readable output.")]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", help="Skip (and report) article files larger than this.")
]
FocusOpt = Annotated[
    str | None,
    typer.Option("--focus", help="Comma-separated actor ids one of whom must take part."),
]
CacheOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache",
        metavar="DIR",
        help="Per-article analysis cache. Default: $TIMELINE_CACHE_DIR, else "
        "$XDG_CACHE_HOME/timeline, else ~/.cache/timeline.",
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Analyse every article afresh; use no cache.")
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "-j",
        "--jobs",
        min=0,
        metavar="N",
        help="Analyse articles in N processes (0: one per CPU). Default 1; "
        "with --executor dask, a local cluster of one worker per CPU.",
    ),
]
ExecutorOpt = Annotated[
    ExecutorKind,
    typer.Option(
        "--executor",
        help="Where articles are analysed: auto (this process for --jobs 1, else worker "
        "processes), serial, processes, or dask (a Dask cluster: --scheduler).",
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="With --executor dask: the Dask scheduler (tcp://host:8786). Default: "
        f"${SCHEDULER_ENV}, else a local cluster of this machine.",
    ),
]

CorrectionsOpt = Annotated[
    Path | None,
    typer.Option(
        "--corrections",
        metavar="FILE",
        help="Editorial corrections to apply. Default: corrections.toml in the corpus folder.",
    ),
]
NoCorrectionsOpt = Annotated[
    bool,
    typer.Option(
        "--no-corrections", help="Apply no editorial corrections (the tool's own output)."
    ),
]

AsWrittenOpt = Annotated[
    bool,
    typer.Option(
        "--date-lines-as-written",
        help="Keep month-only date lines as written: do not narrow them from the rest "
        "of the corpus (the convention of the development corpus's gold files).",
    ),
]


def _err() -> Console:
    return Console(stderr=True, highlight=False)


def _report(problems: list[Problem], console: Console) -> None:
    for p in problems:
        style = "yellow" if p.severity == "warning" else "red"
        console.print(
            f"[{style}]{p.severity}[/]: {p.path} {p.message}", markup=True, soft_wrap=True
        )


def _options(
    max_bytes: int = DEFAULT_MAX_BYTES,
    focus: str | None = None,
    cache: Path | None = None,
    no_cache: bool = False,
    jobs: int | None = None,
    as_written: bool = False,
    executor: ExecutorKind = ExecutorKind.auto,
    scheduler: str | None = None,
) -> BuildOptions:
    if cache is not None and no_cache:
        raise typer.BadParameter("give --cache DIR or --no-cache, not both", param_hint="--cache")
    if scheduler is not None and executor is not ExecutorKind.dask:
        raise typer.BadParameter("is for --executor dask", param_hint="--scheduler")
    ids = frozenset(x.strip() for x in focus.split(",") if x.strip()) if focus else None
    cache_dir = None if no_cache else (cache or default_cache_dir())
    if jobs is None:  # not given: one process, or a local Dask cluster of one worker per CPU
        jobs = 0 if executor is ExecutorKind.dask else 1
    return BuildOptions(
        focus=ids,
        max_bytes=max_bytes,
        cache_dir=cache_dir,
        jobs=jobs,
        corpus_dates=not as_written,
        executor=executor,
        scheduler=scheduler,
    )


def corrections_file(paths: Sequence[str], given: Path | None = None) -> tuple[Path, str] | None:
    """The corrections file to apply and its name in messages: `given`, else the
    corrections.toml of the corpus folder among `paths` (a file's folder for `inspect`)."""
    if given is not None:
        return given, str(given)
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        folder = path if path.is_dir() else path.parent if raw != "-" else None
        candidate = folder / CORRECTIONS_FILE if folder is not None else None
        if candidate is not None and candidate.is_file() and candidate not in found:
            found.append(candidate)
    if len(found) > 1:
        raise TimelineError(
            "several folders have a corrections.toml ("
            + ", ".join(map(str, found))
            + "): give one with --corrections FILE"
        )
    return (found[0], CORRECTIONS_FILE) if found else None


def _with_corrections(
    options: BuildOptions,
    paths: Sequence[str],
    given: Path | None,
    none: bool,
    *,
    folders_only: bool = True,
) -> BuildOptions:
    """`options` with the corrections to apply (read and validated before any analysis)."""
    if given is not None and none:
        raise typer.BadParameter(
            "give --corrections FILE or --no-corrections, not both", param_hint="--corrections"
        )
    if none:
        return options
    where = [p for p in paths if Path(p).is_dir()] if folders_only else list(paths)
    chosen = corrections_file(where, given)
    if chosen is None:
        return options
    return replace(options, corrections=read_corrections(*chosen))


def _report_cache(result: BuildResult, console: Console) -> None:
    for warning in result.cache_warnings:
        console.print(f"[yellow]warning[/]: {escape(warning)}", soft_wrap=True)


def _build(paths: list[str], options: BuildOptions, console: Console, quiet: bool) -> BuildResult:
    stdin = sys.stdin.buffer.read(options.max_bytes + 1) if "-" in paths else None
    if quiet or not console.is_terminal:
        return build_timeline(paths, options, stdin=stdin)
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("Reading articles", total=None)
        return build_timeline(
            paths, options, stdin=stdin, on_article=lambda a: progress.advance(task)
        )


def _fail(console: Console, message: str) -> typer.Exit:
    console.print(f"[red]error[/]: {escape(message)}", soft_wrap=True)
    return typer.Exit(EXIT_FATAL)


@app.command()
def build(
    paths: PathsArg,
    output: OutputOpt = None,
    fmt: Annotated[
        Format | None,
        typer.Option("-f", "--format", help="Default: from -o's extension, else json."),
    ] = None,
    lang: LangOpt = Lang.nl,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    focus: FocusOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    jobs: JobsOpt = None,
    executor: ExecutorOpt = ExecutorKind.auto,
    scheduler: SchedulerOpt = None,
    as_written: AsWrittenOpt = False,
    corrections: CorrectionsOpt = None,
    no_corrections: NoCorrectionsOpt = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No summary on stderr.")] = False,
) -> None:
    """Build the merged chronology of the articles under PATHS.

    Example: timeline build data/ -o timeline.json
    """
    console = _err()
    options = _options(max_bytes, focus, cache, no_cache, jobs, as_written, executor, scheduler)
    try:
        options = _with_corrections(options, paths, corrections, no_corrections)
        result = _build(paths, options, console, quiet)
        _report_cache(result, console)
        _report(result.problems + future_problems(result.articles, dt.date.today()), console)
        if not result.articles:
            raise _fail(console, "no usable articles in " + " ".join(paths))
        chosen = export.format_for(output, fmt.value if fmt else None)
        emit(export.render(result.timeline, chosen, lang=lang.value), output)
    except (OutputError, TimelineError) as exc:
        raise _fail(console, str(exc)) from None
    errors = [p for p in result.problems if p.severity == "error"]
    if not quiet:
        applied = len(result.timeline.corrections)
        stale = sum(1 for p in result.problems if p.code == STALE)
        console.print(
            f"{len(result.timeline.events)} events from {len(result.articles)} articles"
            + (f" ({len(result.cached)} from the cache)" if result.cached else "")
            + (f"; {applied} corrections applied" if options.corrections else "")
            + (f", {stale} stale" if stale else "")
            + (f"; {len(errors)} files could not be used" if errors else ""),
        )
    raise typer.Exit(EXIT_PROBLEMS if errors else EXIT_OK)


def token_sentences(
    a: ArticleAnalysis, text: str, body_start: int, grep: str | None
) -> list[dict[str, object]]:
    """The article's sentences with their tokens (JSON-ready), those containing `grep`."""
    out: list[dict[str, object]] = []
    for sentence in segment.sentences(text, body_start):
        if grep and grep not in sentence.text:
            continue
        toks = [t for t in a.tokens if sentence.start <= t.start < sentence.end]
        out.append(
            {
                "text": sentence.text,
                "start": sentence.start,
                "tokens": [t.model_dump(mode="json") for t in toks],
            }
        )
    return out


def _inspect_tokens(
    a: ArticleAnalysis, text: str, body_start: int, grep: str | None, console: Console
) -> None:
    by_i = {t.i: t for t in a.tokens}
    for sentence in token_sentences(a, text, body_start, grep):
        table = Table(
            "i",
            "token",
            "lemma",
            "pos",
            "tag",
            "morph",
            "dep",
            "head",
            title=f"Tokens: {sentence['text']}",
            title_justify="left",
        )
        for t in sentence["tokens"]:  # type: ignore[attr-defined]
            head = by_i.get(t["head"])
            table.add_row(
                str(t["i"]),
                t["text"],
                t["lemma"],
                t["pos"],
                t["tag"],
                t["morph"],
                t["dep"],
                f"{t['head']} {head.text if head else ''}",
            )
        console.print(table)


def _inspect_text(a: ArticleAnalysis, console: Console) -> None:
    pub = a.published
    console.rule(f"[bold]{a.article}[/]")
    line = f"date line {pub.text}: {pub.earliest} … {pub.latest}"
    if pub.narrowed:
        line += f"; narrowed to {pub.narrowed.earliest} … {pub.narrowed.latest} ({pub.narrowed_because})"
    console.print(line)
    ents = Table("entity", "label", "actor", "offsets", title="Entities", title_justify="left")
    for e in a.entities:
        ents.add_row(e.text, e.label, e.actor or "", f"{e.start}-{e.end}")
    console.print(ents)
    tx = Table(
        "expression",
        "earliest",
        "latest",
        "value",
        "rule",
        title="Time expressions",
        title_justify="left",
    )
    for t in a.timexes:
        tx.add_row(t.text, str(t.earliest or "…"), str(t.latest or "…"), t.value or "", t.rule)
    console.print(tx)
    ev = Table(
        "type",
        "status",
        "participants",
        "date",
        "why",
        title="Event mentions",
        title_justify="left",
    )
    for m in a.events:
        s = m.source
        why = f"trigger: {s.trigger}; actors: {', '.join(s.actors)}; date: {m.date.basis}"
        if s.cues:
            why += f"; cues: {', '.join(s.cues)}"
        ev.add_row(
            m.type,
            m.status,
            ", ".join(m.participants),
            f"{m.date.earliest or '…'} – {m.date.latest or '…'}",
            why,
        )
    console.print(ev)


def _inspect_furniture(lines: list[FurnitureLine], console: Console) -> None:
    if not lines:
        return
    table = Table("line", "kind", "why", "date", title="Page furniture", title_justify="left")
    for f in lines:
        date = f"'{f.date}'" if f.date else ""
        if f.day:
            date += f" → {f.day} ({f.parser})"
        table.add_row(f.text, f.kind, f.why, date)
    console.print(table)


def _inspect_corrections(
    entries: list[ArticleEntry], edits: Corrections | None, console: Console
) -> None:
    if edits is None:
        return
    if not entries:
        console.print(f"No entry of {edits.label} quotes this article.")
        return
    table = Table(
        "entry",
        "action",
        "what",
        "quote",
        "found in",
        "note",
        title=f"Corrections ({edits.label})",
        title_justify="left",
    )
    for x in entries:
        note = x.note + (f" — {x.by}" if x.by else "")
        table.add_row(str(x.entry), x.action, x.what, x.quote, x.found, note)
    console.print(table)


@app.command()
def inspect(
    paths: PathsArg,
    fmt: Annotated[InspectFormat, typer.Option("-f", "--format")] = InspectFormat.text,
    output: OutputOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    tokens: Annotated[
        bool,
        typer.Option(
            "--tokens",
            help="Also show the linguistic layer: lemma, tags, morphology and head of every token.",
        ),
    ] = False,
    grep: Annotated[
        str | None,
        typer.Option(
            "--sentence", help="With --tokens: only the sentences that contain this text."
        ),
    ] = None,
    corrections: CorrectionsOpt = None,
    no_corrections: NoCorrectionsOpt = False,
) -> None:
    """Show why: per article its date, entities, time expressions and event mentions.

    Examples: timeline inspect data/000_f477c49fb5cfa348.txt ;
    timeline inspect data/000_f477c49fb5cfa348.txt --tokens --sentence "volgende week"
    """
    console = _err()
    loaded = load_paths(paths, max_bytes=max_bytes)
    _report(loaded.problems, console)
    if not loaded.articles:
        raise _fail(console, "no usable articles in " + " ".join(paths))
    try:
        edits = _with_corrections(
            BuildOptions(), paths, corrections, no_corrections, folders_only=False
        ).corrections
        _, analyses, articles = build_from_articles(loaded.articles)
        texts = {a.id: (a.text, a.body_start) for a in articles}
        by_id = {a.id: a for a in articles}
        furniture = {a.id: bylines.furniture_lines(a) for a in articles}
        touched = {
            a.article: article_entries(edits, by_id[a.article], a.events) if edits else []
            for a in analyses
        }
        if fmt is InspectFormat.json:
            data = {
                "articles": [
                    {
                        **a.model_dump(mode="json", exclude={"tokens"}),
                        "furniture": [f.model_dump(mode="json") for f in furniture[a.article]],
                        **(
                            {"sentences": token_sentences(a, *texts[a.article], grep)}
                            if tokens
                            else {}
                        ),
                        **(
                            {"corrections": [x.model_dump(mode="json") for x in touched[a.article]]}
                            if edits
                            else {}
                        ),
                    }
                    for a in analyses
                ]
            }
            emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
        elif fmt is InspectFormat.html:
            from timeline.export.inspect_html import render_inspect

            emit(render_inspect(analyses, texts, furniture), output)
        else:
            out = Console(highlight=False, width=160) if output is None else None
            if out is None:
                with open(output, "w", encoding="utf-8") as fh:  # type: ignore[arg-type]
                    file_console = Console(file=fh, highlight=False, width=160)
                    for a in analyses:
                        _inspect_text(a, file_console)
                        _inspect_furniture(furniture[a.article], file_console)
                        _inspect_corrections(touched[a.article], edits, file_console)
                        if tokens:
                            _inspect_tokens(a, *texts[a.article], grep, file_console)
            else:
                for a in analyses:
                    _inspect_text(a, out)
                    _inspect_furniture(furniture[a.article], out)
                    _inspect_corrections(touched[a.article], edits, out)
                    if tokens:
                        _inspect_tokens(a, *texts[a.article], grep, out)
    except (OutputError, TimelineError) as exc:
        raise _fail(console, str(exc)) from None
    raise typer.Exit(EXIT_PROBLEMS if loaded.errors else EXIT_OK)


def _load_timeline(path: Path) -> Timeline:
    from timeline.diff import load_timeline_json

    return load_timeline_json(path)


@app.command("export")
def export_cmd(
    timeline_json: Annotated[Path, typer.Argument(help="A JSON file written by 'timeline build'.")],
    fmt: Annotated[Format | None, typer.Option("-f", "--format")] = None,
    output: OutputOpt = None,
    lang: LangOpt = Lang.nl,
) -> None:
    """Convert a timeline JSON into another format.

    Example: timeline export timeline.json -f md -o timeline.md
    """
    console = _err()
    try:
        timeline = _load_timeline(timeline_json)
        chosen = export.format_for(output, fmt.value if fmt else None)
        emit(export.render(timeline, chosen, lang=lang.value), output)
    except (OutputError, TimelineError) as exc:
        raise _fail(console, str(exc)) from None


def _parse_day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint=option) from None


@app.command()
def correct(
    event_id: Annotated[str, typer.Argument(help="The event's id, as a build shows it.")],
    corpus: Annotated[
        Path | None,
        typer.Argument(help="The corpus folder: its corrections.toml is appended to."),
    ] = None,
    note: Annotated[str, typer.Option("--note", help="Why: required.")] = "",
    by: Annotated[str | None, typer.Option("--by", help="Who made the correction.")] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="Set the status (occurred, planned, …).")
    ] = None,
    type_: Annotated[
        str | None, typer.Option("--type", help="Set the type (call, meeting, talks, message).")
    ] = None,
    participants: Annotated[
        str | None,
        typer.Option("--participants", help="Set the participants: ids, comma-separated."),
    ] = None,
    earliest: Annotated[
        str | None, typer.Option("--earliest", metavar="YYYY-MM-DD", help="Set the earliest day.")
    ] = None,
    latest: Annotated[
        str | None, typer.Option("--latest", metavar="YYYY-MM-DD", help="Set the latest day.")
    ] = None,
    location: Annotated[
        str | None, typer.Option("--location", help="Set the place ('' clears it).")
    ] = None,
    drop: Annotated[bool, typer.Option("--drop", help="The event is not a contact.")] = False,
    timeline_json: Annotated[
        Path | None,
        typer.Option(
            "--timeline",
            metavar="FILE",
            help="Find the event in this built timeline JSON instead of building CORPUS.",
        ),
    ] = None,
    corrections: Annotated[
        Path | None,
        typer.Option(
            "--corrections", metavar="FILE", help="Append here. Default: CORPUS/corrections.toml."
        ),
    ] = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Append a correction of one event to the corpus's corrections.toml.

    The entry names the event by its first source sentence (and more, if another
    event cites that one too), so it still applies when ids change.
    Example: timeline correct E3a01f57d13 data/ --status cancelled --note "Called off"
    """
    from timeline.corrections import Entry, anchor, append_entry, parse_corrections
    from timeline.output import write_atomic

    console = _err()
    changes = {
        "status": status,
        "type": type_,
        "participants": [p.strip() for p in participants.split(",") if p.strip()]
        if participants is not None
        else None,
        "earliest": _parse_day(earliest, "--earliest"),
        "latest": _parse_day(latest, "--latest"),
        "location": location,
    }
    given = {k: v for k, v in changes.items() if v is not None}
    if drop == bool(given):
        raise typer.BadParameter(
            "give --drop, or what to set (--status, --type, --participants, --earliest, "
            "--latest, --location), not both",
            param_hint="--drop",
        )
    if not note.strip():
        raise typer.BadParameter("say why with --note", param_hint="--note")
    target = corrections or (corpus / CORRECTIONS_FILE if corpus is not None else None)
    if target is None:
        raise typer.BadParameter("give the CORPUS folder or --corrections FILE")
    if timeline_json is None and corpus is None:
        raise typer.BadParameter("give the CORPUS folder to build, or --timeline FILE")
    try:
        existing = target.read_text(encoding="utf-8") if target.is_file() else ""
        if timeline_json is not None:
            where, timeline = str(timeline_json), _load_timeline(timeline_json)
        else:
            assert corpus is not None
            options = _options(cache=cache, no_cache=no_cache)
            if existing:
                options = replace(options, corrections=read_corrections(target, str(target)))
            where, timeline = str(corpus), build_timeline([corpus], options).timeline
        event = next((e for e in timeline.events if e.id == event_id), None)
        if event is None:
            raise _fail(console, f"no event {event_id} in {where}")
        raw: dict[str, object] = {
            "match": [e.model_dump() for e in anchor(event, timeline.events)],
            "note": note.strip(),
            **({"set": given} if given else {"drop": True}),
            **({"by": by} if by else {}),
        }
        try:
            entry = Entry.model_validate(raw)
        except ValidationError as exc:
            errors = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
            )
            raise _fail(console, f"not a valid correction: {errors}") from None
        text = append_entry(existing, entry)
        check = parse_corrections(text, str(target), known_actors=_actor_ids())
        write_atomic(target, text)
    except (OutputError, TimelineError) as exc:
        raise _fail(console, str(exc)) from None
    quotes = "; ".join(f"{m.article}: '{m.quote}'" for m in entry.match)
    what = ", ".join(f"{k} = {v}" for k, v in given.items()) if given else "drop"
    console.print(
        f"entry {len(check.entries)} added to {target}: {what} on {event_id}, "
        f"anchored by {escape(quotes)}",
        soft_wrap=True,
        highlight=False,
    )


def _actor_ids() -> list[str]:
    from timeline.actors import load_actors

    return [a.id for a in load_actors().actors]


@app.command()
def schema() -> None:
    """Print the JSON Schema of the timeline JSON."""
    sys.stdout.write(json.dumps(Timeline.model_json_schema(), indent=2, ensure_ascii=False) + "\n")


def _timeline_for(
    side: str, options: BuildOptions, console: Console, no_corrections: bool = False
) -> Timeline:
    path = Path(side)
    if path.is_file() and path.suffix.lower() == ".json":
        return _load_timeline(path)
    options = _with_corrections(options, [side], None, no_corrections)
    result = build_timeline([side], options)
    _report_cache(result, console)
    _report(result.problems, console)
    return result.timeline


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="Older corpus folder or timeline JSON.")],
    new: Annotated[str, typer.Argument(help="Newer corpus folder or timeline JSON.")],
    fmt: Annotated[DiffFormat, typer.Option("-f", "--format")] = DiffFormat.table,
    output: OutputOpt = None,
    lang: LangOpt = Lang.nl,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    jobs: JobsOpt = None,
    executor: ExecutorOpt = ExecutorKind.auto,
    scheduler: SchedulerOpt = None,
    as_written: AsWrittenOpt = False,
    no_corrections: NoCorrectionsOpt = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Exit status only.")] = False,
) -> None:
    """What changed between two versions of a corpus: exit 0 identical, 1 different, 2 error.

    Example: timeline diff old-corpus/ data/ -f md
    """
    from timeline.diff import diff_timelines, render_markdown, render_table

    console = _err()
    options = _options(
        cache=cache,
        no_cache=no_cache,
        jobs=jobs,
        as_written=as_written,
        executor=executor,
        scheduler=scheduler,
    )
    try:
        d = diff_timelines(
            _timeline_for(old, options, console, no_corrections),
            _timeline_for(new, options, console, no_corrections),
        )
        if quiet:
            pass
        elif d.is_empty and fmt is not DiffFormat.json:
            emit("no changes\n", output)
        elif fmt is DiffFormat.json:
            emit(json.dumps(d.to_json_dict(), ensure_ascii=False, indent=2) + "\n", output)
        elif fmt is DiffFormat.md:
            emit(render_markdown(d, lang=lang.value), output)
        else:
            render_table(d, Console(highlight=False), lang=lang.value)
    except (OutputError, TimelineError) as exc:
        raise _fail(console, str(exc)) from None
    raise typer.Exit(EXIT_OK if d.is_empty else EXIT_PROBLEMS)


@app.command("eval")
def eval_cmd(
    args: Annotated[list[str], typer.Argument(help="[GOLD_TIMELINE.json] PATH")],
    timex_gold: Annotated[
        Path | None, typer.Option("--timex", help="Score time expressions against this gold JSONL.")
    ] = None,
    entities_gold: Annotated[
        Path | None, typer.Option("--entities", help="Score entities against this gold JSONL.")
    ] = None,
) -> None:
    """Score the pipeline against gold files.

    Examples: timeline eval tests/fixtures/dev/gold/timeline.json data/ ;
    timeline eval --timex tests/fixtures/dev/gold/timex.jsonl data/
    """
    console = _err()
    if not args:
        raise _fail(
            console, "give the corpus PATH (and a gold timeline JSON unless --timex/--entities)"
        )
    *golds, path = args
    loaded = load_paths([path])
    _report([p for p in loaded.problems if p.severity == "error"], console)
    analysed = analyse_articles(loaded.articles)
    timeline = assemble(redate_from_corpus(analysed, assemble(analysed)))
    # time expressions are scored as the resolver reads each article against its own
    # date line (the conventions the gold follows), before the corpus narrows it
    analyses = analysed.analyses
    out = Console(highlight=False, width=140)
    if timex_gold:
        from timeline.evaluation.timex import evaluate_timex

        out.print(evaluate_timex(timex_gold, {a.article: a.timexes for a in analyses}).render())
    if entities_gold:
        from timeline.evaluation.entities import evaluate_entities

        out.print(
            evaluate_entities(entities_gold, {a.article: a.entities for a in analyses}).render()
        )
    for gold in golds:
        from timeline.evaluation.events import evaluate_events

        out.print(evaluate_events(Path(gold), timeline).render())
    if not (golds or timex_gold or entities_gold):
        raise _fail(console, "nothing to score: give a gold timeline JSON, --timex or --entities")


def _version(value: bool) -> None:
    if value:
        from timeline.resources import model_versions

        models = ", ".join(f"{name} {version}" for name, version in model_versions())
        typer.echo(f"timeline {__version__} (models: {models or 'none found'})")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """timeline: contacts between Trump, Zelensky and Putin, dated from the articles' own words."""


def main() -> None:
    app()
