"""Wire copies: articles that republish one report.

The same ANP story appears on many sites, with another headline or a line added.
An article is a *copy* of an earlier one when most of their sentences are the same
word for word: the Jaccard index of their sets of sentences is at least
`SIMILAR`, with at least `MIN_SHARED` sentences in common. A sentence is compared
with case and white space folded; one of fewer than `MIN_WORDS` words (a
sub-heading, "Lees ook:") does not count.

Articles are taken in order of publication (the first day their date line allows,
then the last, then the id), so the *original* is the one published first. Each is
compared only with the originals that share a sentence with it (an inverted index
from sentence hash to originals) and becomes a copy of the one it is most similar
to, or an original itself. A copy is never the original of another, so groups do
not chain from story to story. A sentence that more than `COMMON` originals share
is boilerplate (a photo credit, a standard line), not a sign of a copy, and is not
used to find candidates. The work is linear in the sentences of the corpus.

Exact sentence hashes rather than MinHash shingles: the merge can only treat a
copy's report as the original's when its sentence is the same word for word
(`merge._said`), and exact hashes find exactly those pairs, deterministically and
without tuning.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from timeline.schema import Article, ArticleInfo, Source

SIMILAR = 0.5  # Jaccard index of the two sets of sentences
MIN_SHARED = 2
MIN_WORDS = 4
COMMON = 50

# a sentence ends at . ! ? (before white space) or at a line break
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\s*\n\s*")


def sentence_keys(text: str) -> frozenset[int]:
    """The sentences of `text` that count, each as a 64-bit hash of its folded words."""
    keys = set()
    for sentence in _SENTENCE_END.split(text):
        words = sentence.casefold().split()
        if len(words) >= MIN_WORDS:
            digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
            keys.add(int.from_bytes(digest, "big"))
    return frozenset(keys)


def find_copies(articles: Sequence[Article]) -> dict[str, str]:
    """Every article that is a wire copy, mapped to the id of its original."""
    order = sorted(articles, key=lambda a: (a.published.earliest, a.published.latest, a.id))
    originals: list[tuple[str, frozenset[int]]] = []
    index: dict[int, list[int]] = {}
    common: set[int] = set()  # boilerplate: in more than COMMON originals
    out: dict[str, str] = {}
    for article in order:
        keys = sentence_keys(article.body)
        shared: Counter[int] = Counter()
        for key in keys - common:
            shared.update(index.get(key, ()))
        best: tuple[float, int, int] | None = None
        for i, n in shared.items():
            if n < MIN_SHARED:
                continue
            similar = n / len(keys | originals[i][1])
            if similar >= SIMILAR and (best is None or (similar, n, -i) > best):
                best = (similar, n, -i)
        if best is not None:
            out[article.id] = originals[-best[2]][0]
            continue
        i = len(originals)
        originals.append((article.id, keys))
        for key in keys - common:
            holders = index.setdefault(key, [])
            holders.append(i)
            if len(holders) > COMMON:
                common.add(key)
                del index[key]
    return out


def reports(copies: Mapping[str, str]) -> dict[str, list[str]]:
    """Each original with its copies, the original first, the copies by id."""
    out: dict[str, list[str]] = {}
    for copy, original in sorted(copies.items()):
        out.setdefault(original, [original]).append(copy)
    return out


def copies_of(articles: Sequence[ArticleInfo]) -> dict[str, str]:
    """The copies a built timeline names (`ArticleInfo.copy_of`)."""
    return {a.article: a.copy_of for a in articles if a.copy_of is not None}


def source_groups(sources: Sequence[Source], copies: Mapping[str, str]) -> list[list[Source]]:
    """An event's sources with each report and its republications together: a source
    in a copy that quotes the same sentence as a source in its original (or in another
    copy of it) joins that one. Groups in the order of their first source; in a group,
    the original first, then the copies by id."""
    groups: dict[tuple[str, str], list[Source]] = {}
    for s in sources:
        key = (copies.get(s.article, s.article), " ".join(s.quote.split()))
        groups.setdefault(key, []).append(s)
    return [
        sorted(group, key=lambda s: (s.article in copies, s.article, s.start))
        for group in groups.values()
    ]
