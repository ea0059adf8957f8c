"""atheris (libFuzzer) target for the loader and the time resolver.

    .venv/bin/python bench/atheris_fuzz.py -runs=100000        # a bounded run
    .venv/bin/python bench/atheris_fuzz.py -max_total_time=600 .fuzz/corpus
    make fuzz                                                  # seeded from data/

Every input is used twice:

1. as the bytes of an article file: `loader.decode` → `loader.parse_article`;
2. as a recipe for an article (`atheris.FuzzedDataProvider`): a leading BOM or
   white space, a date line (well-formed, out of range or arbitrary text) and a
   body of Dutch words drawn from the time vocabulary in `lang/nl/time_words.toml`
   with reference-event and tense words, joined by spaces, commas, full stops and
   paragraph breaks, plus arbitrary text.

Whatever parses is dated: `timex.narrow_published` (the publication date
narrowed by the text) and `timex.find_timexes` (every time expression,
resolved). The only exception allowed is the documented `ArticleError` of the
loader (see `bench/fuzz.py` / `tests/test_fuzz.py`, its hypothesis twin); anything
else, or a broken invariant, is a crash that libFuzzer reports and saves:

- every time expression quotes the article: `text[start:end] == text`;
- `earliest <= latest` for every time expression and the narrowed date;
- the narrowed publication date lies inside the date line's interval.
"""

from __future__ import annotations

import sys
from typing import Any

try:
    import atheris
except ImportError:  # pragma: no cover - depends on the platform
    sys.exit(
        "atheris is not installed (pip install atheris: wheels for Linux x86-64, "
        "Python 3.11+); use bench/fuzz.py, the hypothesis fuzz run, instead"
    )

with atheris.instrument_imports(include=["timeline"]):
    from timeline.errors import ArticleError
    from timeline.loader import decode, parse_article
    from timeline.resources import load_toml
    from timeline.schema import Article
    from timeline.timex import find_timexes, narrow_published


def _words(value: Any) -> list[str]:
    """Every word of a TOML data table: table keys and string values, recursively."""
    if isinstance(value, dict):
        return [
            w for k, v in value.items() for w in ([k] if isinstance(k, str) else []) + _words(v)
        ]
    if isinstance(value, list):
        return [w for v in value for w in _words(v)]
    return [value] if isinstance(value, str) else []


EXTRA = [
    "Trump",
    "Poetin",
    "Zelensky",
    "hij",
    "heeft",
    "had",
    "zal",
    "wil",
    "gebeld",
    "belde",
    "gesprek",
    "ontmoeting",
    "ontmoeten",
    "top",
    "geleden",
    "later",
    "eerder",
    "daarna",
    "nadat",
    "voordat",
    "kort",
    "sinds",
    "tussen",
    "en",
    "tot",
    "op",
    "in",
    "van",
    "de",
    "het",
    "een",
    "opnieuw",
    "aantrad",
    "inauguratie",
    "de oorlog begon",
    "de invasie",
    "2022",
    "2025",
    "2026",
    "18-3",
    "20",
    "1",
    "31",
    "half",
    "begin",
    "eind",
    "midden",
    "dagen",
    "weken",
    "maanden",
    "jaar",
    "zei",
    '"',
    "(",
    ")",
    ":",
    "-",
]
VOCABULARY = sorted(
    {w for w in _words(load_toml("time_words.toml")) if w and not w.startswith("easter")}
    | set(EXTRA)
)
LEADS = ["", " ", "\n", "\ufeff", "\n\n  "]
GLUE = [" ", " ", " ", ", ", ". ", "\n\n", "\n"]


def _recipe(data: bytes) -> str:
    fdp = atheris.FuzzedDataProvider(data)
    lead = fdp.PickValueInList(LEADS)
    kind = fdp.ConsumeIntInRange(0, 3)
    if kind <= 1:  # a valid date line, to a month or a day
        year, month = fdp.ConsumeIntInRange(1990, 2035), fdp.ConsumeIntInRange(1, 12)
        date = f"date {year}-{month:02d}"
        if kind == 1:
            date += f"-{fdp.ConsumeIntInRange(1, 28):02d}"
    elif kind == 2:  # numbers out of range: month 0 or 13, day 0, 29–32
        year, month, day = (
            fdp.ConsumeIntInRange(0, 9999),
            fdp.ConsumeIntInRange(0, 13),
            fdp.ConsumeIntInRange(0, 32),
        )
        date = f"date {year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    else:
        date = "date " + fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 20))
    body = [
        fdp.PickValueInList(VOCABULARY) + fdp.PickValueInList(GLUE)
        for _ in range(fdp.ConsumeIntInRange(0, 80))
    ]
    return f"{lead}{date} {''.join(body)}{fdp.ConsumeUnicodeNoSurrogates(40)}"


def _check(article: Article) -> None:
    pub = narrow_published(article)
    if pub.narrowed is not None:
        n = pub.narrowed
        assert n.earliest and n.latest and n.earliest <= n.latest, pub
        assert pub.earliest <= n.earliest and n.latest <= pub.latest, pub
    article = article.model_copy(update={"published": pub})
    for t in find_timexes(article):
        assert article.text[t.start : t.end] == t.text, t
        assert article.body_start <= t.start < t.end <= len(article.text), t
        if t.earliest and t.latest:
            assert t.earliest <= t.latest, t


def _article(data: bytes) -> Article | None:
    try:
        text, _ = decode(data)
        return parse_article(text, "fuzz.txt")
    except ArticleError:
        return None  # documented: the loader reports the file


def test_one_input(data: bytes) -> None:
    for raw in (data, _recipe(data).encode("utf-8")):
        article = _article(raw)
        if article is not None:
            _check(article)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
