"""Properties of the whole merge (wire copies, date lines narrowed from the corpus,
merge again) over real analyses of development articles, analysed once per module.

- For any corpus C of them, C plus near-copies of its articles (a line added, another
  headline, both) gives the events C gives, ids and sources aside, and every copy is a
  source where its original is.
- Adding unrelated articles (other articles, moved a year on: other contacts) never
  splits an event of C, nor changes what it says.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline import pipeline
from timeline.loader import parse_article
from timeline.merge import merge
from timeline.schema import Article, ArticleAnalysis, Event, EventMention, Interval, Published

from .conftest import DATA

SAMPLE = [
    "117_witkoff-bij-poetin.txt",
    "118_trump-belt-dinsdag-poetin.txt",
    "121_kremlin-geen-gesprek-gepland.txt",
    "122_witkoff-sint-petersburg.txt",
    "124_witkoff-kremlin-april.txt",
    "125_trump-zelensky-sint-pieter.txt",
    "129_trump-overweegt-turkije.txt",
    "131_trump-kondigt-gesprek-aan.txt",
    "132_trump-poetin-ruim-twee-uur.txt",
    "143_witkoff-poetin-kremlin.txt",
    "110_zestiende-sanctiepakket.txt",  # no contact at all
]
# how a site republishes a wire story; sites sort after the originals, which were
# published first (the original is the first published, then the first by id)
VARIANTS = {
    "line": lambda date, body: f"{date}\n{body.rstrip()}\n\nMet medewerking van de redactie.\n",
    "headline": lambda date, body: f"{date}\nHet laatste nieuws in het kort\n{body}",
    "both": lambda date, body: (
        f"{date}\nOnze correspondent meldt\n{body.rstrip()}\n\nBron: persbureau.\n"
    ),
}
Item = tuple[Article, ArticleAnalysis]


class Analysed(dict[str, Item]):
    def __repr__(self) -> str:  # hypothesis prints its arguments when a test fails
        return f"<{len(self)} analysed articles>"


@pytest.fixture(scope="module")
def analysed(nlp) -> Analysed:  # type: ignore[no-untyped-def]
    """Every sample article and each of its variants (as `sites/<variant>/<id>`)."""
    articles = []
    for name in SAMPLE:
        text = (DATA / name).read_text(encoding="utf-8")
        articles.append(parse_article(text, name))
        date, _, body = text.partition("\n")
        for variant, make in VARIANTS.items():
            articles.append(parse_article(make(date, body), f"sites/{variant}/{name}"))
    done = pipeline.analyse_articles(articles, pipeline.BuildOptions(), nlp=nlp)
    return Analysed({a.id: (a, x) for a, x in zip(done.articles, done.analyses, strict=True)})


def build(items: Sequence[Item]) -> list[Event]:
    """What `timeline build` gives for these analysed articles."""
    ordered = sorted(items, key=lambda item: item[0].id)
    analysed = pipeline.Analysed(
        articles=[a for a, _ in ordered],
        analyses=[x for _, x in ordered],
        focus=frozenset({"trump", "putin", "zelensky"}),
    )
    analysed = pipeline.redate_from_corpus(analysed, pipeline.assemble(analysed))
    return pipeline.assemble(analysed).events


def said(e: Event) -> str:
    """An event as the reader sees it, ids and sources aside (of `realizes`, whether
    it realizes a plan)."""
    plain = e.model_copy(update={"id": "", "sources": [], "realizes": None})
    return f"{plain.model_dump_json()} realizes={e.realizes is not None}"


def sources(e: Event) -> set[str]:
    return {s.model_dump_json() for s in e.sources}


subsets = st.lists(st.sampled_from(SAMPLE), min_size=1, max_size=6, unique=True)
profile = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@profile
@given(corpus=subsets, data=st.data())
def test_near_copies_give_the_events_of_one_copy(
    analysed: dict[str, Item], corpus: list[str], data: st.DataObject
) -> None:
    sites = {
        name: data.draw(st.lists(st.sampled_from(sorted(VARIANTS)), unique=True), label=name)
        for name in corpus
    }
    copies = [f"sites/{v}/{name}" for name, variants in sites.items() for v in variants]
    alone = build([analysed[n] for n in corpus])
    with_copies = build([analysed[n] for n in corpus + copies])
    assert Counter(map(said, with_copies)) == Counter(map(said, alone))
    # every copy is a source of the event its original is a source of
    where = {(s.article, s.quote): e.id for e in with_copies for s in e.sources}
    for copy in copies:
        original = copy.split("/", 2)[2]
        for (article, quote), event in where.items():
            if article == original:
                assert where.get((copy, quote)) == event, (copy, quote)


def _shift(item: Item, weeks: int) -> Item:
    """The article moved `weeks` on, with everything its analysis dates: other contacts."""
    a, x = item
    by = dt.timedelta(weeks=weeks)

    def day(d: dt.date | None) -> dt.date | None:
        return None if d is None else d + by

    def published(p: Published) -> Published:
        text = (p.earliest + by).isoformat()[: len(p.text)]
        return parse_article(f"date {text}\n\nx\n", "x").published

    def mention(m: EventMention) -> EventMention:
        d = m.source.date
        return m.model_copy(
            update={
                "article": ident,
                "date": m.date.model_copy(
                    update={"earliest": day(m.date.earliest), "latest": day(m.date.latest)}
                ),
                "source": m.source.model_copy(
                    update={
                        "article": ident,
                        "published": published(a.published).text,
                        "date": None
                        if d is None
                        else Interval(earliest=day(d.earliest), latest=day(d.latest)),
                    }
                ),
            }
        )

    ident = f"later/{a.id}"
    moved = a.model_copy(update={"id": ident, "published": published(a.published)})
    analysis = x.model_copy(
        update={
            "article": ident,
            "published": moved.published,
            "events": [mention(m) for m in x.events],
            "timexes": [],
        }
    )
    return moved, analysis


@profile
@given(corpus=subsets, others=subsets, weeks=st.sampled_from([53, 106]))
def test_unrelated_articles_never_split_an_event(
    analysed: dict[str, Item], corpus: list[str], others: list[str], weeks: int
) -> None:
    unrelated = [_shift(analysed[n], weeks) for n in others if n not in corpus]
    alone = build([analysed[n] for n in corpus])
    more = build([analysed[n] for n in corpus] + unrelated)
    for e in alone:
        # one event holds every report of it, and says the same of it
        holding = [x for x in more if sources(e) <= sources(x)]
        assert [said(x) for x in holding] == [said(e)], said(e)


def _renamed(item: Item, ident: str) -> list[EventMention]:
    return [
        m.model_copy(
            update={"article": ident, "source": m.source.model_copy(update={"article": ident})}
        )
        for m in item[1].events
    ]


@profile
@given(corpus=subsets, times=st.integers(1, 3))
def test_reports_repeated_word_for_word_converge_without_knowing_the_copies(
    analysed: Analysed, corpus: list[str], times: int
) -> None:
    """The merge alone (no copies found: another date line, a copy too short to tell)
    gives the same events for reports repeated word for word by other articles."""
    focus = frozenset({"trump", "putin", "zelensky"})
    mentions = [m for n in corpus for m in analysed[n][1].events]
    repeated = [m for n in corpus for k in range(times) for m in _renamed(analysed[n], f"r{k}/{n}")]
    alone = merge(mentions, focus)
    again = merge(mentions + repeated, focus)
    assert Counter(map(said, again)) == Counter(map(said, alone))
