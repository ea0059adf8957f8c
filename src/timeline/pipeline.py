"""The pipeline, end to end: loader → NER → date resolver → event builder → merge.

Each stage is its own module with a pure core; this module only wires them
together so that the flow stays visible in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from timeline import events, loader, merge, ner, segment, timex
from timeline.actors import ActorBase, load_actors
from timeline.schema import (
    Article,
    ArticleAnalysis,
    ArticleInfo,
    EventMention,
    Problem,
    Timeline,
)


@dataclass(frozen=True)
class BuildOptions:
    focus: frozenset[str] | None = None  # actor ids one of whom must take part
    max_bytes: int = loader.DEFAULT_MAX_BYTES
    model_dir: Path | None = None


@dataclass
class BuildResult:
    timeline: Timeline
    analyses: list[ArticleAnalysis]
    articles: list[Article]
    problems: list[Problem] = field(default_factory=list)


def analyse_article(
    article: Article, nlp: Language, kb: ActorBase, focus: frozenset[str]
) -> tuple[Article, ArticleAnalysis]:
    """NER, time expressions and event mentions for one article."""
    article = article.model_copy(update={"published": timex.narrow_published(article)})
    doc = nlp(article.body)  # stage 2: Dutch NER (spaCy)
    entities = ner.extract_entities(doc, article.body_start)
    timexes = timex.find_timexes(article)  # stage 3: relative-date resolver
    sentences = segment.sentences(article.text, article.body_start)
    mentions = events.build_mentions(
        article, sentences, entities, timexes, kb, focus=focus
    )  # stage 4
    return article, ArticleAnalysis(
        article=article.id,
        published=article.published,
        entities=entities,
        timexes=timexes,
        events=mentions,
    )


def build_from_articles(
    articles: Sequence[Article],
    options: BuildOptions = BuildOptions(),
    *,
    nlp: Language | None = None,
    on_article: Callable[[Article], None] | None = None,
) -> tuple[Timeline, list[ArticleAnalysis], list[Article]]:
    kb = load_actors()
    focus = options.focus if options.focus is not None else kb.focus_ids
    nlp = nlp or ner.load_pipeline(options.model_dir)
    analyses: list[ArticleAnalysis] = []
    done: list[Article] = []
    for article in sorted(articles, key=lambda a: a.id):
        article, analysis = analyse_article(article, nlp, kb, focus)
        analyses.append(analysis)
        done.append(article)
        if on_article:
            on_article(article)
    mentions: list[EventMention] = [m for a in analyses for m in a.events]
    timeline = Timeline(
        events=merge.merge(mentions, focus),  # stage 5: merge/dedup
        articles=[ArticleInfo(article=a.id, published=a.published, sha256=a.sha256) for a in done],
    )
    return timeline, analyses, done


def build_timeline(
    paths: Sequence[str | Path],
    options: BuildOptions = BuildOptions(),
    *,
    nlp: Language | None = None,
    on_article: Callable[[Article], None] | None = None,
    stdin: bytes | None = None,
) -> BuildResult:
    """Build the merged chronology of every article under `paths` (stage 1: the loader)."""
    loaded = loader.load_paths(paths, max_bytes=options.max_bytes, stdin=stdin)
    timeline, analyses, articles = build_from_articles(
        loaded.articles, options, nlp=nlp, on_article=on_article
    )
    timeline = timeline.model_copy(update={"problems": loaded.problems})
    return BuildResult(timeline, analyses, articles, loaded.problems)
