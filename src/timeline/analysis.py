"""Stages 2–4 for one article: NER and the linguistic layer, time expressions, event mentions.

The per-article stage that every executor runs (`timeline.executors`), in this
process, in worker processes or on Dask workers. It depends on nothing but the
article, the spaCy pipeline, the actor base and the focus, so its result can be
cached and computed anywhere.

`analyse_batch` runs the spaCy pipeline over several articles at once
(`Language.pipe`): the same analyses as one article at a time (tested), about a
fifth faster (bench/bench_executors.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from timeline import bylines, events, ner, segment, syntax, timex
from timeline.actors import ActorBase
from timeline.schema import Article, ArticleAnalysis, Entity, Token

# the article as analysed (its date narrowed) and its analysis
Analysis = tuple[Article, ArticleAnalysis]

BATCH_SIZE = 32  # articles per `nlp.pipe` batch: the fastest of 1, 8, 32 and 128 on data/


def prepare(article: Article) -> Article:
    """The article with its publication date narrowed from its own text: to the
    byline's day (`bylines`), else where the text pins it against a reference event
    (`timex.narrow_published`)."""
    published = bylines.narrow_by_byline(article) or timex.narrow_published(article)
    return article.model_copy(update={"published": published})


def analyse_article(
    article: Article, nlp: Language, kb: ActorBase, focus: frozenset[str]
) -> Analysis:
    """NER, time expressions and event mentions for one article."""
    article = prepare(article)
    return analyse_doc(article, nlp(article.body), kb, focus)  # stage 2: spaCy


def analyse_batch(
    todo: Iterable[tuple[int, Article]],
    nlp: Language,
    kb: ActorBase,
    focus: frozenset[str],
    batch_size: int = BATCH_SIZE,
) -> Iterator[tuple[int, Analysis]]:
    """(index, analysis) for every (index, article) of `todo`, in order, the spaCy
    pipeline running over `batch_size` articles at a time."""
    prepared = ((i, prepare(a)) for i, a in todo)
    pairs = nlp.pipe(((a.body, (i, a)) for i, a in prepared), batch_size=batch_size, as_tuples=True)
    for doc, (i, article) in pairs:
        yield i, analyse_doc(article, doc, kb, focus)


def analyse_doc(article: Article, doc: Doc, kb: ActorBase, focus: frozenset[str]) -> Analysis:
    """Stages 3 and 4 for a prepared article whose body spaCy has analysed into `doc`."""
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
