"""The pipeline, end to end: loader → NER → date resolver → event builder → merge.

Each stage is its own module with a pure core; this module only wires them
together so that the flow stays visible in one place:

    build_timeline
      loader.load_paths            stage 1: files → Articles, bad files → Problems
      analyse_articles             stages 2–4, per article (cached, in N processes)
        analyse_article              NER, time expressions, event mentions
      assemble                     stage 5: merge/dedup into the Timeline

Analysing an article depends on nothing but the article and the pipeline, so
`analyse_articles` takes each one from the cache (`timeline.cache`) when it is
there, analyses the rest (in `BuildOptions.jobs` worker processes) and stores
each result as soon as it is done. Results are put back in article-id order, so
the output does not depend on the cache, the number of jobs or the file order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language

from timeline import cache, copies, events, loader, merge, ner, segment, syntax, timex, workers
from timeline.actors import ActorBase, load_actors
from timeline.schema import (
    Article,
    ArticleAnalysis,
    ArticleInfo,
    Entity,
    EventMention,
    Problem,
    Timeline,
    Token,
)
from timeline.timex.corpus import narrow_by_corpus


@dataclass(frozen=True)
class BuildOptions:
    focus: frozenset[str] | None = None  # actor ids one of whom must take part
    max_bytes: int = loader.DEFAULT_MAX_BYTES
    model_dir: Path | None = None
    cache_dir: Path | None = None  # the per-article analysis cache; None: no cache
    jobs: int = 1  # worker processes analysing articles; 0: one per CPU
    # narrow month-only date lines from the rest of the corpus (timex/corpus.py);
    # False keeps every date line as written, the convention the gold files follow
    corpus_dates: bool = True


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
    cached: list[str] = field(default_factory=list)
    cache_warnings: list[str] = field(default_factory=list)


def analyse_article(
    article: Article, nlp: Language, kb: ActorBase, focus: frozenset[str]
) -> tuple[Article, ArticleAnalysis]:
    """NER, time expressions and event mentions for one article."""
    article = article.model_copy(update={"published": timex.narrow_published(article)})
    doc = nlp(article.body)  # stage 2: Dutch NER and the linguistic layer (spaCy)
    entities = ner.extract_entities(doc, article.body_start)
    tokens = syntax.extract_tokens(doc, article.body_start)
    return article, date_and_events(article, entities, kb, focus, tokens)


def date_and_events(
    article: Article,
    entities: list[Entity],
    kb: ActorBase,
    focus: frozenset[str],
    tokens: list[Token] | None = None,
) -> ArticleAnalysis:
    """Stages 3 and 4 for one article whose entities (and tokens) are known."""
    timexes = timex.find_timexes(article, tokens or ())  # stage 3: relative-date resolver
    sentences = segment.sentences(article.text, article.body_start)
    mentions = events.build_mentions(
        article, sentences, entities, timexes, kb, focus=focus, tokens=tokens or ()
    )  # stage 4
    return ArticleAnalysis(
        article=article.id,
        published=article.published,
        entities=entities,
        timexes=timexes,
        events=mentions,
        tokens=tokens or [],
    )


def redate_from_corpus(analysed: Analysed, timeline: Timeline) -> Analysed:
    """Month-dated articles that the chronology dates more tightly get their time
    expressions and mentions again with that date (`timex.corpus`); one pass."""
    narrowed = narrow_by_corpus(timeline.events, analysed.articles)
    if not narrowed:
        return analysed
    kb = load_actors()
    articles, analyses = list(analysed.articles), list(analysed.analyses)
    for i, article in enumerate(articles):
        if article.id in narrowed:
            articles[i] = article.model_copy(update={"published": narrowed[article.id]})
            analyses[i] = date_and_events(
                articles[i], analyses[i].entities, kb, analysed.focus, analyses[i].tokens
            )
    return replace(analysed, articles=articles, analyses=analyses)


def analyse_articles(
    articles: Sequence[Article],
    options: BuildOptions = BuildOptions(),
    *,
    nlp: Language | None = None,
    on_article: Callable[[Article], None] | None = None,
) -> Analysed:
    """Stages 2–4 for every article: from the cache if it has them, else analysed and cached."""
    kb = load_actors()
    focus = options.focus if options.focus is not None else kb.focus_ids
    model_dir = options.model_dir or ner.default_model_dir()
    store = cache.open_cache(options.cache_dir, model_dir, focus)
    ordered = sorted(articles, key=lambda a: a.id)
    results: list[tuple[Article, ArticleAnalysis] | None] = [None] * len(ordered)
    todo: list[tuple[int, Article]] = []
    cached: list[str] = []
    for i, article in enumerate(ordered):
        hit = store.get(article) if store else None
        if hit is None:
            todo.append((i, article))
            continue
        results[i] = hit
        cached.append(article.id)
        if on_article:
            on_article(hit[0])
    for i, (article, analysis) in _analyse_all(todo, kb, focus, model_dir, options.jobs, nlp):
        if store:
            store.put(ordered[i], article, analysis)  # at once: a killed build resumes here
        results[i] = (article, analysis)
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
    )


def _analyse_all(
    todo: list[tuple[int, Article]],
    kb: ActorBase,
    focus: frozenset[str],
    model_dir: Path,
    jobs: int,
    nlp: Language | None,
) -> Iterator[tuple[int, tuple[Article, ArticleAnalysis]]]:
    """(index, result) for every article of `todo`, in this process or in worker processes."""
    n = min(jobs if jobs > 0 else workers.cpu_count(), len(todo))
    if n <= 1:
        for i, article in todo:
            nlp = nlp or ner.load_pipeline(model_dir)  # loaded only when there is work
            yield i, analyse_article(article, nlp, kb, focus)
        return
    yield from workers.analyse_in_processes(todo, model_dir, focus, n)


def assemble(analysed: Analysed, problems: Sequence[Problem] = ()) -> Timeline:
    """Stage 5: merge the event mentions of every article into one chronology."""
    mentions: list[EventMention] = [m for a in analysed.analyses for m in a.events]
    wire = copies.find_copies(analysed.articles)  # one report republished on several sites
    return Timeline(
        events=merge.merge(mentions, analysed.focus, wire),
        articles=[
            ArticleInfo(
                article=a.id, published=a.published, sha256=a.sha256, copy_of=wire.get(a.id)
            )
            for a in analysed.articles
        ],
        problems=list(problems),
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
    return assemble(analysed), analysed.analyses, analysed.articles


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
    analysed = analyse_articles(loaded.articles, options, nlp=nlp, on_article=on_article)
    # month-only date lines the rest of the corpus pins down (stage 3 again, then 4)
    if options.corpus_dates:
        analysed = redate_from_corpus(analysed, assemble(analysed))
    timeline = assemble(analysed, loaded.problems)  # stage 5: merge/dedup
    return BuildResult(
        timeline,
        analysed.analyses,
        analysed.articles,
        loaded.problems,
        analysed=analysed.analysed,
        cached=analysed.cached,
        cache_warnings=analysed.cache_warnings,
    )
