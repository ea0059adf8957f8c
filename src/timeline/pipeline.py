"""The pipeline, end to end: loader → NER → date resolver → event builder → merge.

Each stage is its own module with a pure core; this module only wires them
together so that the flow stays visible in one place:

    build_timeline
      loader.load_paths            stage 1: files → Articles, bad files → Problems
      analyse_articles             stages 2–4, per article (cached; run by an executor)
        analysis.analyse_batch       NER, time expressions, event mentions
      assemble                     stage 5: merge/dedup into the Timeline, then the
                                   editorial corrections (`timeline.corrections`)

Analysing an article depends on nothing but the article and the pipeline, so
`analyse_articles` takes each one from the cache (`timeline.cache`) when it is
there, has an executor (`timeline.executors`: this process, `BuildOptions.jobs`
worker processes or a Dask cluster) analyse the rest and stores each result as
soon as it arrives. Results are put back in article-id order, so the output does
not depend on the cache, the executor, the number of jobs or the file order.
Corrections apply to the merged events only (after `redate_from_corpus`), so a
changed corrections file costs a merge, never an analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language

from timeline import cache, copies, loader, merge, ner
from timeline.actors import load_actors
from timeline.analysis import date_and_events
from timeline.corrections import Corrections, apply_corrections, load_corrections
from timeline.executors import AnalysisSpec, Executor, ExecutorKind, SerialExecutor
from timeline.schema import (
    Article,
    ArticleAnalysis,
    ArticleInfo,
    CorrectionRecord,
    EventMention,
    Problem,
    Timeline,
)
from timeline.timex.corpus import narrow_by_corpus


@dataclass(frozen=True)
class BuildOptions:
    focus: frozenset[str] | None = None  # actor ids one of whom must take part
    max_bytes: int = loader.DEFAULT_MAX_BYTES
    model_dir: Path | None = None
    cache_dir: Path | None = None  # the per-article analysis cache; None: no cache
    jobs: int = 1  # worker processes analysing articles; 0: one per CPU
    executor: ExecutorKind = ExecutorKind.auto  # where articles are analysed (make_executor)
    scheduler: str | None = None  # a Dask scheduler's address (executor dask)
    # narrow month-only date lines from the rest of the corpus (timex/corpus.py);
    # False keeps every date line as written, the convention the gold files follow
    corpus_dates: bool = True
    # editorial corrections applied after the merge (`read_corrections`); None: none
    corrections: Corrections | None = None


@dataclass
class BuildResult:
    timeline: Timeline
    analyses: list[ArticleAnalysis]
    articles: list[Article]
    problems: list[Problem] = field(default_factory=list)
    analysed: list[str] = field(default_factory=list)  # ids analysed in this run
    cached: list[str] = field(default_factory=list)  # ids taken from the cache
    cache_warnings: list[str] = field(default_factory=list)


@dataclass
class Analysed:
    """Stages 2–4 done for every article, in article-id order."""

    articles: list[Article]  # with the publication date narrowed
    analyses: list[ArticleAnalysis]
    focus: frozenset[str]
    analysed: list[str] = field(default_factory=list)
    # False: the analyses come without their tokens (a build keeps only what it merges)
    tokens: bool = True
    cached: list[str] = field(default_factory=list)
    cache_warnings: list[str] = field(default_factory=list)


def redate_from_corpus(
    analysed: Analysed,
    timeline: Timeline,
    options: BuildOptions = BuildOptions(),
    *,
    executor: Executor | None = None,
) -> Analysed:
    """Month-dated articles that the chronology dates more tightly get their time
    expressions and mentions again with that date (`timex.corpus`); one pass.

    Analyses kept without tokens take them again for the narrowed articles only:
    from the cache, else analysed anew (`options`, `executor`)."""
    narrowed = narrow_by_corpus(timeline.events, analysed.articles)
    if not narrowed:
        return analysed
    kb = load_actors()
    articles, analyses = list(analysed.articles), list(analysed.analyses)
    at = [i for i, article in enumerate(articles) if article.id in narrowed]
    warnings = analysed.cache_warnings
    if not analysed.tokens:
        full = analyse_articles([articles[i] for i in at], options, executor=executor)
        warnings = [*warnings, *full.cache_warnings]
        for i, analysis in zip(at, full.analyses, strict=True):
            analyses[i] = analysis
    for i in at:
        articles[i] = articles[i].model_copy(update={"published": narrowed[articles[i].id]})
        analyses[i] = date_and_events(
            articles[i], analyses[i].entities, kb, analysed.focus, analyses[i].tokens
        )
        if not analysed.tokens:
            analyses[i] = _without_tokens(analyses[i])  # only these took their tokens back
    return replace(analysed, articles=articles, analyses=analyses, cache_warnings=warnings)


def _without_tokens(analysis: ArticleAnalysis) -> ArticleAnalysis:
    return analysis.model_copy(update={"tokens": []}) if analysis.tokens else analysis


def analyse_articles(
    articles: Sequence[Article],
    options: BuildOptions = BuildOptions(),
    *,
    nlp: Language | None = None,
    on_article: Callable[[Article], None] | None = None,
    tokens: bool = True,
    executor: Executor | None = None,
) -> Analysed:
    """Stages 2–4 for every article: from the cache if it has them, else analysed and cached.

    With `tokens=False` each analysis is kept without its tokens (most of its size),
    and the cache is read without them: what a build needs, in bounded memory."""
    kb = load_actors()
    focus = options.focus if options.focus is not None else kb.focus_ids
    model_dir = options.model_dir or ner.default_model_dir()
    store = cache.open_cache(options.cache_dir, model_dir, focus)
    ordered = sorted(articles, key=lambda a: a.id)
    results: list[tuple[Article, ArticleAnalysis] | None] = [None] * len(ordered)
    todo: list[tuple[int, Article]] = []
    cached: list[str] = []
    for i, article in enumerate(ordered):
        hit = store.get(article, tokens=tokens) if store else None
        if hit is None:
            todo.append((i, article))
            continue
        results[i] = hit
        cached.append(article.id)
        if on_article:
            on_article(hit[0])
    executor = executor or make_executor(options, nlp)
    spec = AnalysisSpec(focus, options.model_dir)
    for i, (article, analysis) in executor.analyse(todo, spec):
        if store:
            store.put(ordered[i], article, analysis)  # at once: a killed build resumes here
        results[i] = (article, analysis if tokens else _without_tokens(analysis))
        if on_article:
            on_article(article)
    done = [r for r in results if r is not None]
    return Analysed(
        articles=[a for a, _ in done],
        analyses=[x for _, x in done],
        focus=focus,
        analysed=sorted(ordered[i].id for i, _ in todo),
        cached=cached,
        cache_warnings=store.warnings if store else [],
        tokens=tokens,
    )


def make_executor(options: BuildOptions, nlp: Language | None = None) -> Executor:
    """The executor `options` ask for; `nlp`, when given, serves in-process analysis."""
    kind = ExecutorKind(options.executor)
    if kind is ExecutorKind.dask:
        from timeline.dask_executor import DaskExecutor  # Dask is an optional dependency

        return DaskExecutor(options.scheduler, options.jobs)
    if kind is ExecutorKind.serial or (kind is ExecutorKind.auto and options.jobs == 1):
        return SerialExecutor(nlp)
    from timeline.workers import ProcessExecutor

    return ProcessExecutor(options.jobs, nlp)


def read_corrections(path: Path, label: str | None = None) -> Corrections:
    """A corrections file, validated (participants must be known actor ids)."""
    return load_corrections(path, label, known_actors=[a.id for a in load_actors().actors])


def assemble(
    analysed: Analysed, problems: Sequence[Problem] = (), corrections: Corrections | None = None
) -> Timeline:
    """Stage 5: merge the event mentions of every article into one chronology, then
    apply the editorial corrections (stale ones become problems)."""
    mentions: list[EventMention] = [m for a in analysed.analyses for m in a.events]
    wire = copies.find_copies(analysed.articles)  # one report republished on several sites
    records: list[CorrectionRecord] = []
    if corrections is None:
        events = merge.merge(mentions, analysed.focus, wire)
    else:
        applied = apply_corrections(mentions, analysed.focus, corrections, analysed.articles, wire)
        events, records = applied.events, applied.records
        problems = [*problems, *applied.problems]
    return Timeline(
        events=events,
        articles=[
            ArticleInfo(
                article=a.id, published=a.published, sha256=a.sha256, copy_of=wire.get(a.id)
            )
            for a in analysed.articles
        ],
        problems=list(problems),
        corrections=records,
    )


def build_from_articles(
    articles: Sequence[Article],
    options: BuildOptions = BuildOptions(),
    *,
    nlp: Language | None = None,
    on_article: Callable[[Article], None] | None = None,
) -> tuple[Timeline, list[ArticleAnalysis], list[Article]]:
    analysed = analyse_articles(articles, options, nlp=nlp, on_article=on_article)
    if options.corpus_dates:
        analysed = redate_from_corpus(analysed, assemble(analysed))
    timeline = assemble(analysed, (), options.corrections)
    return timeline, analysed.analyses, analysed.articles


def build_timeline(
    paths: Sequence[str | Path],
    options: BuildOptions = BuildOptions(),
    *,
    nlp: Language | None = None,
    on_article: Callable[[Article], None] | None = None,
    stdin: bytes | None = None,
) -> BuildResult:
    """Build the merged chronology of every article under `paths`."""
    loaded = loader.load_paths(paths, max_bytes=options.max_bytes, stdin=stdin)  # stage 1
    executor = make_executor(options, nlp)
    analysed = analyse_articles(
        loaded.articles, options, on_article=on_article, tokens=False, executor=executor
    )
    # month-only date lines the rest of the corpus pins down (stage 3 again, then 4)
    if options.corpus_dates:
        analysed = redate_from_corpus(analysed, assemble(analysed), options, executor=executor)
    # stage 5: merge/dedup, then the editorial corrections
    timeline = assemble(analysed, loaded.problems, options.corrections)
    return BuildResult(
        timeline,
        analysed.analyses,
        analysed.articles,
        list(timeline.problems),
        analysed=analysed.analysed,
        cached=analysed.cached,
        cache_warnings=analysed.cache_warnings,
    )
