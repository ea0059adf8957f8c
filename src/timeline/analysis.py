"""Stages 2–4 for one article: NER and the linguistic layer, time expressions, event mentions.

The per-article stage that every executor runs (`timeline.executors`), in this
process, in worker processes or on Dask workers. It depends on nothing but the
article, the spaCy pipeline, the actor base and the focus, so its result can be
cached and computed anywhere.

`analyse_batch` runs the spaCy pipeline over several articles at once
(`Language.pipe`): the same analyses as one article at a time (tested), about a
fifth faster (bench/bench_executors.py).

A body longer than any news article (`MAX_DOC_CHARS`: a live blog, a scraped
page) is read by spaCy in pieces cut at paragraph breaks (`pieces`), its entities
and tokens joined with the offsets and token indexes of the whole body: one Doc
of 25,000 tokens costs spaCy a quarter more than the same tokens in pieces (its
parsers advance the pieces together), so an article's cost stays in proportion to
its length. A body within the limit is one Doc, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from timeline import bylines, events, ner, segment, syntax, timex
from timeline.actors import ActorBase
from timeline.schema import Article, ArticleAnalysis, Entity, Token

# the article as analysed (its date narrowed) and its analysis
Analysis = tuple[Article, ArticleAnalysis]

BATCH_SIZE = 32  # articles per `nlp.pipe` batch: the fastest of 1, 8, 32 and 128 on data/
# The longest body of the development, real-news and data/ articles has 2,961
# characters; a body over this many (more than three times that) is read in pieces
# of at most this many.
MAX_DOC_CHARS = 10_000
# The characters of one `nlp.pipe` batch: about those of 32 articles of data/ or a
# generated archive (47,000 and 50,000), five pieces of a long body.
BATCH_CHARS = 50_000
# where a piece may end, strongest first; the white space after it ends the piece
_BREAKS = (
    re.compile(r"\n[ \t]*\n\s*"),  # a paragraph break
    re.compile(r"\n\s*"),  # a line break
    re.compile(r"[.!?…][\"'”’)]*\s+(?=[\"'“‘(]?[A-ZÀ-Ý0-9])"),  # the end of a sentence
    re.compile(r"\s+"),  # white space
)


def pieces(body: str, limit: int = MAX_DOC_CHARS) -> list[str]:
    """`body` as spaCy reads it: whole when it has at most `limit` characters, else
    in pieces of at most `limit` (and, but for the last, at least half of it) that
    end after the last paragraph break in that stretch, else the last line break,
    sentence end or white space. The pieces join into the body."""
    out: list[str] = []
    start = 0
    while len(body) - start > limit:
        end = _cut(body, start + limit // 2, start + limit)
        out.append(body[start:end])
        start = end
    out.append(body[start:])
    return out


def _cut(body: str, lo: int, hi: int) -> int:
    """Where a piece ending between `lo` and `hi` ends: after the last break of the
    strongest kind there (`_BREAKS`), else at `hi` (a stretch without white space)."""
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(body, lo, hi)]
        if ends:
            return ends[-1]
    return hi


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
    parts = pieces(article.body)
    docs = [nlp(article.body)] if len(parts) == 1 else list(nlp.pipe(parts))  # stage 2: spaCy
    return analyse_docs(article, docs, kb, focus)


def analyse_batch(
    todo: Iterable[tuple[int, Article]],
    nlp: Language,
    kb: ActorBase,
    focus: frozenset[str],
    batch_size: int = BATCH_SIZE,
) -> Iterator[tuple[int, Analysis]]:
    """(index, analysis) for every (index, article) of `todo`, in order, the spaCy
    pipeline running over `batch_size` articles (or pieces of a long one) at a time."""
    prepared = ((i, prepare(a)) for i, a in todo)
    docs: list[Doc] = []
    for batch in _batches(_pieces_of(prepared), batch_size):
        for doc, (i, article, n) in nlp.pipe(batch, batch_size=len(batch), as_tuples=True):
            docs.append(doc)
            if len(docs) == n:  # the article's last piece
                yield i, analyse_docs(article, docs, kb, focus)
                docs = []


Piece = tuple[str, tuple[int, Article, int]]  # (text, (index, article, its number of pieces))


def _pieces_of(prepared: Iterable[tuple[int, Article]]) -> Iterator[Piece]:
    """Each piece of each body, with its article."""
    for i, article in prepared:
        parts = pieces(article.body)
        for part in parts:
            yield part, (i, article, len(parts))


def _batches(items: Iterable[Piece], size: int, chars: int = BATCH_CHARS) -> Iterator[list[Piece]]:
    """`items` in batches of at most `size` texts and `chars` characters (or one text
    longer than that): spaCy's layers run over a batch's tokens at once, and a batch
    of a whole long article's pieces would cost more per token again."""
    batch: list[Piece] = []
    total = 0
    for item in items:
        if batch and (len(batch) == size or total + len(item[0]) > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += len(item[0])
    if batch:
        yield batch


def analyse_docs(
    article: Article, docs: Sequence[Doc], kb: ActorBase, focus: frozenset[str]
) -> Analysis:
    """Stages 3 and 4 for a prepared article whose body spaCy has analysed into
    `docs` (one Doc, or one per piece, in order)."""
    entities: list[Entity] = []
    tokens: list[Token] = []
    offset, first = article.body_start, 0
    for doc in docs:
        entities += ner.extract_entities(doc, offset)
        tokens += syntax.extract_tokens(doc, offset, first)
        offset += len(doc.text)
        first += len(doc)
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
