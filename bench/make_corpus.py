"""Make an archive-sized corpus of N articles from the development articles in data/.

Run: .venv/bin/python bench/make_corpus.py N OUT_DIR [--seed S]

Deterministic for a given N and seed: the same files, byte for byte. Each article is
one of four kinds (weights in KINDS), made from an article of data/:

- shifted: reworded, and the date line moved by up to a year (days for a day date, months for a
  month-only date line); relative words ("gisteren", "vorige week", "dinsdag") follow
  the new date, explicit dates in the text stay as written;
- swapped: shifted, and the names of non-leaders swapped with another person of the
  actor base in a like office (Witkoff <-> Kellogg, Lavrov <-> Peskov, ...), so the
  contacts are new ones between other people;
- near-copy: an earlier article of this corpus republished: a line added at the end
  or after the headline, or the headline changed (a wire story on another site);
- filler: a shifted article with the three leaders' names and offices replaced by people
  outside the actor base, so it names no focus actor and gives no contact.

Shifted, swapped and filler articles are reworded a little (`reword`: an outlet's
attribution added to about half of the sentences), so that they are new articles
rather than copies; no two files have the same body (one that would repeat an earlier
body becomes a near-copy of it instead), so the loader reports no duplicates.

Files are written as OUT_DIR/NNN/NNNNNN_kind_source.txt (1,000 a folder); the folder
must be empty or absent. No article is dated after --latest (default 31 December 2025: a
fixed day, so the corpus does not depend on the day it is made).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"

LATEST = dt.date(2025, 12, 31)  # fixed, so the corpus does not depend on the day

KINDS = {"shifted": 0.45, "swapped": 0.15, "near-copy": 0.25, "filler": 0.15}

_DATE_LINE = re.compile(r"\A(\s*date[ \t]+)(\d{4})-(\d{2})(?:-(\d{2}))?")

# Non-leaders in a like office, as in lang/nl/actors.toml: swapping their names keeps
# every sentence grammatical and every name in the actor base.
SWAPS = [
    (("Steve Witkoff", "Witkoff"), ("Keith Kellogg", "Kellogg")),
    (("Marco Rubio", "Rubio"), ("Mike Waltz", "Waltz")),
    (("Sergej Lavrov", "Lavrov"), ("Dmitri Peskov", "Peskov")),
    (("Emmanuel Macron", "Macron"), ("Keir Starmer", "Starmer")),
    (("Andrij Jermak", "Jermak"), ("Andrij Sybiha", "Sybiha")),
]

# The leaders' names (longest first) and offices, replaced in filler articles by
# people and offices outside the actor base.
FILLER_NAMES = {
    "trump": (
        ["Donald J. Trump", "Donald Trump", "Trump's", "Trumps", "Trump"],
        ["Pieter Hendriks", "Pieter Hendriks", "Hendriks'", "Hendriks'", "Hendriks"],
    ),
    "zelensky": (
        ["Volodymyr Zelensky", "Zelensky's", "Zelenski", "Zelensky"],
        ["Anna de Wit", "De Wits", "De Wit", "De Wit"],
    ),
    "putin": (
        ["Vladimir Poetin", "Poetins", "Poetin", "Putin"],
        ["Karel Jacobs", "Jacobs'", "Jacobs", "Jacobs"],
    ),
}
FILLER_WORDS = {
    "Amerikaanse": "Zeeuwse",
    "Amerikaans": "Zeeuws",
    "Russische": "Drentse",
    "Russisch": "Drents",
    "Oekraïense": "Friese",
    "Oekraïens": "Fries",
    "president": "gedeputeerde",
    "Kremlin": "provinciehuis",
    "Witte Huis": "gemeentehuis",
}

# Attributions a site adds when it rewrites a wire story: a shifted article gets one
# at the end of some of its sentences, so that its text (the loader drops a second
# copy of the same body) and its set of sentences (a wire copy shares most of them
# with its original) differ from every other article's.
ATTRIBUTIONS = [
    "meldt ANP",
    "meldt Reuters",
    "aldus AFP",
    "schrijft de NOS",
    "meldt persbureau Belga",
    "bericht RTL Nieuws",
    "schrijft de Volkskrant",
    "meldt NRC",
    "schrijft Trouw",
    "meldt de VRT",
    "schrijft De Standaard",
    "bericht het AD",
]
_SENTENCE_END = re.compile(r"(?<=[a-zë]{3})\.(?=\s|\Z)")

HEADLINES = ["Het laatste nieuws", "Overzicht van de dag", "Oekraïne en de diplomatie"]

ADDED_LINES = [
    "Met medewerking van onze correspondent.",
    "Dit bericht is bijgewerkt.",
    "Bron: ANP.",
    "Volg het laatste nieuws in onze app.",
    "Het bericht is aangevuld met een reactie.",
]


@dataclass(frozen=True)
class Source:
    name: str
    text: str


def _words(names: tuple[str, ...]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def replace_names(text: str, mapping: dict[str, str]) -> str:
    """Every whole-word occurrence of a key replaced by its value, in one pass."""
    pattern = re.compile(rf"(?<!\w)(?:{_words(tuple(mapping))})(?!\w)")
    return pattern.sub(lambda m: mapping[m.group(0)], text)


def shift_date_line(text: str, days: int, latest: dt.date) -> str:
    """The date line moved by some days (a day) or about as many months (a month)."""
    m = _DATE_LINE.match(text)
    if m is None:
        return text
    year, month = int(m[2]), int(m[3])
    if m[4] is not None:
        day = dt.date(year, month, int(m[4])) + dt.timedelta(days=days)
        while day > latest:
            day -= dt.timedelta(days=364)
        value = day.isoformat()
    else:
        index = year * 12 + month - 1 + round(days / 30.4)
        while dt.date(index // 12, index % 12 + 1, 1) > latest.replace(day=1):
            index -= 12
        value = f"{index // 12:04d}-{index % 12 + 1:02d}"
    return text[: m.start(2)] + value + text[m.end() :]


def swap_names(text: str, rng: random.Random) -> str:
    """One or two like-office pairs of names swapped (full names and surnames)."""
    mapping: dict[str, str] = {}
    for a, b in rng.sample(SWAPS, k=2):
        for x, y in zip(a, b, strict=True):
            mapping[x], mapping[y] = y, x
    return replace_names(text, mapping)


def filler(text: str) -> str:
    """The leaders and their offices replaced by people outside the actor base."""
    mapping = dict(FILLER_WORDS)
    for names, others in FILLER_NAMES.values():
        mapping.update(zip(names, others, strict=True))
    return replace_names(text, mapping)


def reword(text: str, rng: random.Random) -> str:
    """About half of the sentences that end in a word get an attribution before
    their full stop ("..., meldt ANP."): the same story, told by another outlet."""
    m = _DATE_LINE.match(text)
    start = m.end() if m else 0
    source = rng.choice(ATTRIBUTIONS)

    def attribute(end: re.Match[str]) -> str:
        return f", {source}." if rng.random() < 0.5 else "."

    return text[:start] + _SENTENCE_END.sub(attribute, text[start:])


def near_copy(text: str, rng: random.Random) -> str:
    """The same article republished: a line added at the end or after the first
    paragraph, or a headline put above the story (or the headline changed)."""
    m = _DATE_LINE.match(text)
    head = m.end() if m else 0
    paragraphs = text[head:].strip().split("\n\n")
    how = rng.randrange(3)
    if how == 0:
        paragraphs.append(rng.choice(ADDED_LINES))
    elif how == 1:
        paragraphs.insert(1, rng.choice(ADDED_LINES))
    elif len(paragraphs[0]) < 120 and "." not in paragraphs[0]:
        paragraphs[0] = f"{paragraphs[0]} (update)"
    else:
        paragraphs.insert(0, rng.choice(HEADLINES))
    return text[:head] + "\n" + "\n\n".join(paragraphs) + "\n"


def body(text: str) -> str:
    """The text after the date line: what the loader compares to find duplicates."""
    m = _DATE_LINE.match(text)
    return text[text.index(" ", m.end()) if m and " " in text[m.end() :] else 0 :].strip()


def make(n: int, seed: int, latest: dt.date) -> list[tuple[str, str]]:
    """N (file name, text) pairs; the same for the same N, seed and latest."""
    sources = [Source(p.stem, p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("*.txt"))]
    rng = random.Random(seed)
    kinds, weights = list(KINDS), list(KINDS.values())
    made: list[tuple[str, str]] = []
    seen: set[str] = set()
    for i in range(n):
        kind = rng.choices(kinds, weights)[0] if made else "shifted"
        source = rng.choice(sources)
        label = source.name
        if kind == "near-copy":
            original, text = rng.choice(made)
            text = near_copy(text, rng)
            label = original.split("_", 2)[-1].removesuffix(".txt")
        else:
            text = reword(shift_date_line(source.text, rng.randint(-400, 330), latest), rng)
            if kind == "swapped":
                text = swap_names(text, rng)
            elif kind == "filler":
                text = filler(text)
        while body(text) in seen:  # the same body as an earlier one: republished instead
            kind, text = "near-copy", near_copy(text, rng)
        seen.add(body(text))
        made.append((f"{i // 1000:03d}/{i:06d}_{kind}_{label}.txt", text))
    return made


def write(files: list[tuple[str, str]], out: Path) -> None:
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out}: not empty")
    for name, text in files:
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles (e.g. 1000, 10000, 100000)")
    parser.add_argument("out", type=Path, help="an empty or new folder")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument(
        "--latest",
        type=dt.date.fromisoformat,
        default=LATEST,
        help="no date line after this day (default %(default)s)",
    )
    args = parser.parse_args()
    files = make(args.n, args.seed, args.latest)
    write(files, args.out)
    counts = {k: sum(f"_{k}_" in name for name, _ in files) for k in KINDS}
    words = sum(len(text.split()) for _, text in files)
    print(f"{args.n} articles, {words:,} words in {args.out}: {counts}")


if __name__ == "__main__":
    main()
