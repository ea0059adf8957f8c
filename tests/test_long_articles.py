"""Long articles (issue #16): a body longer than any news article is read by spaCy in
pieces (`analysis.pieces`), in batches bounded in characters; what it yields has the
offsets and token indexes of the whole body. Articles of normal length are one piece."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import loader
from timeline.actors import load_actors
from timeline.analysis import (
    BATCH_CHARS,
    MAX_DOC_CHARS,
    Piece,
    _batches,
    analyse_article,
    analyse_batch,
    pieces,
)
from timeline.schema import Article

from .conftest import DATA


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Een zin.", "woord", " ", "\n", "\n\n", "Trump. Poetin", "x" * 30])),
    st.integers(2, 80),
)
def test_pieces_join_into_the_body_within_the_limit(parts: list[str], limit: int) -> None:
    body = "".join(parts)
    cut = pieces(body, limit)
    assert "".join(cut) == body
    assert all(len(p) <= limit for p in cut)
    assert all(len(p) >= limit // 2 for p in cut[:-1])  # no run of tiny pieces
    assert len(body) > limit or cut == [body]


def test_a_piece_ends_at_the_strongest_break() -> None:
    two = "Een zin. Nog een zin.\n\nTweede alinea hier. En meer."
    assert pieces(two, 30) == ["Een zin. Nog een zin.\n\n", "Tweede alinea hier. En meer."]
    one = "Een zin. Nog een zin. Derde zin hier. En meer."
    assert pieces(one, 30) == ["Een zin. Nog een zin. ", "Derde zin hier. En meer."]
    assert pieces("een zin nog een zin derde", 20) == ["een zin nog een zin ", "derde"]


def test_every_article_of_data_is_one_piece() -> None:
    """The articles the outputs are checked on are read whole, as before."""
    for article in loader.load_paths([DATA]).articles:
        assert len(article.body) <= MAX_DOC_CHARS // 3
        assert pieces(article.body) == [article.body]


def _items(lengths: list[int]) -> list[Piece]:
    article = loader.load_paths([sorted(DATA.glob("*.txt"))[0]]).articles[0]
    return [("x" * n, (i, article, 1)) for i, n in enumerate(lengths)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(1, 30_000), max_size=40), st.integers(1, 40))
def test_batches_are_bounded_in_texts_and_characters(lengths: list[int], size: int) -> None:
    items = _items(lengths)
    cut = list(_batches(items, size))
    assert [x for batch in cut for x in batch] == items
    for batch in cut:
        assert 1 <= len(batch) <= size
        assert len(batch) == 1 or sum(len(t) for t, _ in batch) <= BATCH_CHARS


def _long_article() -> Article:
    """An invented live blog of five paragraphs repeated past `MAX_DOC_CHARS`."""
    paragraphs = [
        "Trump heeft dinsdag met Poetin gebeld over een staakt-het-vuren.",
        "Het gesprek duurde volgens het Kremlin ruim twee uur.",
        "Zelensky reist donderdag naar Washington voor overleg met Trump.",
        "Aansluitend wil Trump opnieuw met Poetin spreken, zei zijn woordvoerder.",
        "Kop van een blok\n\nLater die dag sprak Witkoff in Moskou met Poetin.",
    ]
    body = "\n\n".join(paragraphs * 80)
    assert len(body) > 2 * MAX_DOC_CHARS
    return loader.parse_article(f"date 2025-03-12\n\n{body}\n", "liveblog.txt")


def test_a_long_body_is_analysed_in_pieces_with_its_own_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _long_article()
    kb = load_actors()
    assert len(pieces(article.body)) > 2
    (_, (done, analysis)), *rest = list(analyse_batch([(0, article)], nlp, kb, kb.focus_ids))
    assert rest == []
    text = done.text
    for t in analysis.tokens:
        assert text[t.start : t.end] == t.text
    # the indexes of the body tokenised whole (cuts fall in white space)
    whole = nlp.make_doc(article.body)
    for t in analysis.tokens:
        assert (whole[t.i].text, whole[t.i].idx + done.body_start) == (t.text, t.start)
    # a token's head is in the token's own piece (a white-space token's, or a word's)
    ends = list(accumulate(len(p) for p in pieces(article.body)))
    by_index = {t.i: t for t in analysis.tokens}
    for t in analysis.tokens:
        head = by_index.get(t.head)
        if head is not None:
            piece = bisect_right(ends, t.start - done.body_start)
            assert bisect_right(ends, head.start - done.body_start) == piece
    assert all(text[e.start : e.end] == e.text for e in analysis.entities)
    assert {e.actor for e in analysis.entities} >= {"trump", "putin", "zelensky"}
    assert analysis.events  # the contacts are found across the pieces
    # one article at a time reads it in the same pieces
    assert analyse_article(article, nlp, kb, kb.focus_ids) == (done, analysis)
