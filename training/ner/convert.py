"""Convert the NER training data in `training/ner/data/` into spaCy DocBins.

Sources (see `data/NOTICE.md` for licences and attribution):

- `ud-nl-ner/{train,dev,test}.iob`: UD Dutch Alpino + LassySmall sentences, IOB2.
- `news-nl/news.jsonl`: short Dutch news items, entity strings in order.
- `multiconer-nl/nl_{train,dev}.conll`: MultiCoNER v1 Dutch, lower case. Case is
  restored from the cased data's vocabulary (see `Recaser`) and labels are mapped
  to the project's PER/ORG/LOC/MISC.

Outputs (in `training/corpus/`, git-ignored):

- `train.spacy`: UD train + news (minus a held-out tenth) + MultiCoNER (optional)
- `dev.spacy`:   UD dev + the held-out news items (model selection)
- `ud_test.spacy`: UD test (Alpino newspaper text; reported, never trained on)
- `ud_dev.spacy`: UD dev alone; `news_dev.spacy`: the held-out news items alone

Usage: python training/ner/convert.py [--multiconer N] [--out DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training import biluo_tags_to_spans, iob_to_biluo

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
DEFAULT_OUT = HERE.parent / "corpus"
LABELS = ("PER", "ORG", "LOC", "MISC")
MULTICONER_MAP = {"PER": "PER", "LOC": "LOC", "GRP": "ORG", "CORP": "ORG", "CW": "MISC"}
MULTICONER_MAP["PROD"] = "MISC"
SEED = 13

Sentence = tuple[list[str], list[str]]


def read_iob(path: Path, sep: str = "\t", tag_col: int = 1) -> Iterator[Sentence]:
    """Sentences of a CoNLL-like file: `token<sep>...tag` lines, blank-line separated."""
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            continue
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        parts = line.split(sep)
        words.append(parts[0])
        tags.append(parts[tag_col] if len(parts) > tag_col else parts[-1])
    if words:
        yield words, tags


def _count_prefix(path: Path, prefix: str) -> int:
    """Leading sentences whose sent_id starts with `prefix` (the file is grouped by corpus)."""
    n = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            if not line.removeprefix("# sent_id = ").startswith(prefix):
                break
            n += 1
    return n


def make_doc(nlp: Language, words: list[str], tags: list[str]) -> Doc:
    doc = Doc(nlp.vocab, words=words, spaces=_spaces(words))
    tags = [_fix_iob(t, tags[i - 1] if i else "O") for i, t in enumerate(tags)]
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
    return doc


_NO_SPACE_BEFORE = re.compile(r"^[.,;:!?)\]}%'']|^''$|^'s$")
_NO_SPACE_AFTER = re.compile(r"^[(\[{]$|^,,$")


def _spaces(words: list[str]) -> list[bool]:
    """Plausible whitespace, so Doc.text reads like running text."""
    out = []
    for i, _w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        out.append(
            nxt is not None and not _NO_SPACE_BEFORE.match(nxt) and not _NO_SPACE_AFTER.match(_w)
        )
    return out


def _fix_iob(tag: str, prev: str) -> str:
    """Repair an I- tag that does not continue its label (treat it as B-)."""
    if tag.startswith("I-") and prev[2:] != tag[2:]:
        return "B-" + tag[2:]
    return tag


def news_docs(nlp: Language, path: Path) -> Iterator[tuple[str, Doc]]:
    """news.jsonl items: entity strings are found in order of appearance."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        text = item["text"]
        doc = nlp.make_doc(text)
        spans = []
        pos = 0
        for string, label in item["ents"]:
            start = text.find(string, pos)
            if start < 0:
                raise ValueError(f"{item['id']}: {string!r} not found after {pos}")
            end = start + len(string)
            pos = end
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None:
                continue
            if spans and span.start < spans[-1].end:
                continue
            spans.append(span)
        doc.ents = spans
        yield item["id"], doc


class Recaser:
    """Restore case in lower-cased text from the cased data's vocabulary.

    A token takes its most frequent cased form; entity tokens prefer the form
    seen inside entities. Unknown entity tokens are capitalised, unknown others
    stay lower case (Dutch common nouns are lower case). The first token of a
    sentence is capitalised.
    """

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        ent_forms: dict[str, Counter[str]] = defaultdict(Counter)
        for words, tags in sentences:
            for i, (w, t) in enumerate(zip(words, tags, strict=True)):
                if i == 0 and t == "O":
                    continue  # sentence-initial case is not lexical
                forms[w.lower()][w] += 1
                if t != "O":
                    ent_forms[w.lower()][w] += 1
        self.forms = {k: c.most_common(1)[0][0] for k, c in forms.items()}
        self.ent_forms = {k: c.most_common(1)[0][0] for k, c in ent_forms.items()}

    def __call__(self, words: list[str], tags: list[str]) -> list[str]:
        out = []
        for i, (w, t) in enumerate(zip(words, tags, strict=True)):
            low = w.lower()
            if t != "O":
                first = t.startswith("B-")
                if low in self.ent_forms:
                    form = self.ent_forms[low]
                elif low in self.forms and not first and not self.forms[low][:1].isupper():
                    form = self.forms[low]  # "van", "de" inside names
                else:
                    form = _capitalise(w)
            else:
                form = self.forms.get(low, w)
            if i == 0:
                form = _capitalise(form)
            out.append(form)
        return out


def _capitalise(w: str) -> str:
    return w[:1].upper() + w[1:] if w[:1].isalpha() else w


_ADJECTIVE = re.compile(r"(?<!s)se$|sche$")


def _drop_adjectives(words: list[str], tags: list[str]) -> list[str]:
    """MultiCoNER tags nationality adjectives ("franse" B-LOC); the guidelines do not.

    A LOC/GRP entity whose first word is an adjective ("-se", "-sche") and whose
    other words are lower case (common nouns: "roemeense gemeente") becomes O;
    "russische federatie" (recased "Russische Federatie") is kept.
    """
    out = list(tags)
    i = 0
    while i < len(tags):
        if tags[i].startswith("B-") and tags[i][2:] in ("LOC", "GRP"):
            j = i + 1
            while j < len(tags) and tags[j] == "I-" + tags[i][2:]:
                j += 1
            rest = words[i + 1 : j]
            if _ADJECTIVE.search(words[i].lower()) and all(w.islower() for w in rest):
                out[i:j] = ["O"] * (j - i)
            i = j
        else:
            i += 1
    return out


def multiconer(path: Path, recaser: Recaser) -> Iterator[Sentence]:
    for words, tags in read_iob(path, sep=" ", tag_col=3):
        recased = recaser(words, tags)
        tags = _drop_adjectives(recased, tags)
        mapped = [t if t == "O" else t[:2] + MULTICONER_MAP[t[2:]] for t in tags]
        yield recased, mapped


def surname_variant(doc: Doc) -> Doc | None:
    """The sentence with every multi-token person reduced to the surname, or None.

    News names a person in full once, then by surname ("Benjamin de Wit" … "De
    Wit", "minister Netelenbos"); the cased training text has few such mentions,
    so the model mistakes lone surnames for MISC/ORG. The surname is everything
    after the first token, capitalised ("de Wit" → "De Wit").
    """
    if not any(e.label_ == "PER" and len(e) > 1 for e in doc.ents):
        return None

    def surname(ent: Span) -> list[tuple[str, bool]]:
        if ent.label_ != "PER" or len(ent) == 1:
            return [(t.text, bool(t.whitespace_)) for t in ent]
        toks = list(ent)[1:]
        return [
            (_capitalise(t.text) if k == 0 else t.text, bool(t.whitespace_))
            for k, t in enumerate(toks)
        ]

    return _rewrite_entities(doc, surname)


def _rewrite_entities(doc: Doc, rewrite: Callable[[Span], list[tuple[str, bool]]]) -> Doc:
    """`doc` with each entity's tokens replaced by `rewrite(entity)` (words and the
    space after each), labels kept."""
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    ents = {e.start: e for e in doc.ents}
    i = 0
    while i < len(doc):
        ent = ents.get(i)
        if ent is None:
            words.append(doc[i].text)
            spaces.append(bool(doc[i].whitespace_))
            tags.append("O")
            i += 1
            continue
        for k, (w, space) in enumerate(rewrite(ent)):
            words.append(w)
            spaces.append(space)
            tags.append(("B-" if k == 0 else "I-") + ent.label_)
        i = ent.end
    out = Doc(doc.vocab, words=words, spaces=spaces)
    out.ents = biluo_tags_to_spans(out, iob_to_biluo(tags))
    return out


MAX_SUBSTITUTE_TOKENS = 6


def entity_inventory(
    docs: Iterable[Doc], labels: Iterable[str]
) -> dict[str, list[tuple[str, ...]]]:
    """Distinct entity strings (as token tuples) per label, sorted (deterministic sampling).

    Only names with a capitalised word and at most `MAX_SUBSTITUTE_TOKENS` tokens; the
    inventory is the training data's own (never UD test or the development corpus).
    """
    wanted = set(labels)
    inv: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ not in wanted or len(ent) > MAX_SUBSTITUTE_TOKENS:
                continue
            words = tuple(t.text for t in ent)
            if any(w[:1].isupper() for w in words):
                inv[ent.label_].add(words)
    return {lab: sorted(names) for lab, names in inv.items()}


def substitute_variant(
    doc: Doc, inventory: dict[str, list[tuple[str, ...]]], rng: random.Random
) -> Doc | None:
    """The sentence with every entity of an inventory label replaced by another name of
    that label (the same name for repeated mentions), or None when it has none.

    Raises the variety of names the model sees in real (cased) context: the cased
    sentences are few and name few Dutch companies, clubs and institutions.
    """
    if not any(e.label_ in inventory for e in doc.ents):
        return None
    chosen: dict[tuple[str, str], tuple[str, ...]] = {}

    def other_name(ent: Span) -> list[tuple[str, bool]]:
        if ent.label_ in inventory:
            key = (ent.label_, ent.text)
            if key not in chosen:
                chosen[key] = rng.choice(inventory[ent.label_])
            new = list(chosen[key])
        else:
            new = [t.text for t in ent]
        return [(w, k < len(new) - 1 or bool(ent[-1].whitespace_)) for k, w in enumerate(new)]

    return _rewrite_entities(doc, other_name)


def raw_text_lines(
    ud_train: list[Sentence], news: list[tuple[str, Doc]], mc: list[Sentence]
) -> list[str]:
    """Unlabelled text for `spacy pretrain` (and static vectors), one sentence or item a line.

    UD train, the news items that are trained on and MultiCoNER (recased), tokens
    joined by spaces. Never UD dev (held out in some runs), UD test or the
    development corpus.
    """
    lines = [" ".join(w) for w, _ in ud_train]
    lines += [" ".join(t.text for t in d) for i, d in news if not _held_out(i)]
    lines += [" ".join(w) for w, _ in mc]
    return lines


def _held_out(ident: str, tenth: int = 10) -> bool:
    return int(hashlib.sha1(ident.encode()).hexdigest(), 16) % tenth == 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument(
        "--multiconer", type=int, default=0, help="MultiCoNER sentences to add (0: none, -1: all)"
    )
    ap.add_argument("--news-repeat", type=int, default=1, help="copies of the news items")
    ap.add_argument("--ud-repeat", type=int, default=1, help="copies of the UD train sentences")
    ap.add_argument("--ud-dev-train", action="store_true", help="also train on UD dev")
    ap.add_argument(
        "--alpino-repeat", type=int, default=1, help="copies of the UD Alpino (newspaper) sentences"
    )
    ap.add_argument(
        "--surnames", action="store_true", help="add surname-only copies of cased PER sentences"
    )
    ap.add_argument(
        "--multiconer-no-misc",
        action="store_true",
        help="leave out the MultiCoNER sentences with a CW/PROD (→ MISC) entity",
    )
    ap.add_argument(
        "--substitute",
        type=int,
        default=0,
        help="entity-substituted copies of each cased sentence (UD, news) with an entity",
    )
    ap.add_argument(
        "--substitute-labels",
        default="PER,ORG,LOC",
        help="labels replaced in the substituted copies (comma-separated)",
    )
    ap.add_argument(
        "--raw-text",
        type=Path,
        default=None,
        help="also write the unlabelled text for `spacy pretrain` here (JSONL, needs --multiconer)",
    )
    args = ap.parse_args()

    nlp = spacy.blank("nl")
    ud = DATA / "ud-nl-ner"
    ud_train = list(read_iob(ud / "train.iob"))
    n_alpino = _count_prefix(ud / "train.iob", "alpino_")
    ud_dev = list(read_iob(ud / "dev.iob"))
    ud_test = list(read_iob(ud / "test.iob"))
    news = list(news_docs(nlp, DATA / "news-nl" / "news.jsonl"))

    train = [make_doc(nlp, w, t) for w, t in ud_train] * args.ud_repeat
    alpino = [make_doc(nlp, w, t) for w, t in ud_train[:n_alpino]]
    train += alpino * (args.alpino_repeat - 1)
    dev = [make_doc(nlp, w, t) for w, t in ud_dev]
    if args.ud_dev_train:
        train += dev * args.ud_repeat
    news_train = [d for i, d in news if not _held_out(i)]
    news_dev = [d for i, d in news if _held_out(i)]
    train += news_train * args.news_repeat
    dev += news_dev
    cased = [make_doc(nlp, w, t) for w, t in ud_train] + news_train
    if args.ud_dev_train:
        cased += dev[: len(ud_dev)]
    n_surnames = 0
    if args.surnames:
        variants = [v for d in train if (v := surname_variant(d)) is not None]
        train += variants
        n_surnames = len(variants)

    n_mc = 0
    if args.multiconer:
        news_sents = [
            (
                [t.text for t in d],
                [t.ent_iob_ + "-" + t.ent_type_ if t.ent_type_ else "O" for t in d],
            )
            for _, d in news
        ]
        recaser = Recaser(ud_train + ud_dev + news_sents)
        mc = list(multiconer(DATA / "multiconer-nl" / "nl_train.conll", recaser))
        mc += list(multiconer(DATA / "multiconer-nl" / "nl_dev.conll", recaser))
        if args.raw_text is not None:
            args.raw_text.parent.mkdir(parents=True, exist_ok=True)
            with args.raw_text.open("w", encoding="utf-8") as f:
                for line in raw_text_lines(ud_train, news, mc):
                    f.write(json.dumps({"text": line}, ensure_ascii=False) + "\n")
        if args.multiconer_no_misc:
            mc = [(w, t) for w, t in mc if "B-MISC" not in t]
        random.Random(SEED).shuffle(mc)
        if args.multiconer > 0:
            mc = mc[: args.multiconer]
        mc_docs = [make_doc(nlp, w, t) for w, t in mc]
        train += mc_docs
        n_mc = len(mc)
    else:
        mc_docs = []

    n_subst = 0
    if args.substitute:
        labels = [lab for lab in args.substitute_labels.split(",") if lab]
        inventory = entity_inventory(cased + mc_docs, labels)
        rng = random.Random(SEED)
        for _ in range(args.substitute):
            variants = [
                v for d in cased if (v := substitute_variant(d, inventory, rng)) is not None
            ]
            train += variants
            n_subst += len(variants)
        sizes = ", ".join(f"{lab} {len(names)}" for lab, names in sorted(inventory.items()))
        print(f"substitution inventory: {sizes}")

    args.out.mkdir(parents=True, exist_ok=True)
    for name, docs in (
        ("train", train),
        ("dev", dev),
        ("ud_dev", [make_doc(nlp, w, t) for w, t in ud_dev]),
        ("ud_test", [make_doc(nlp, w, t) for w, t in ud_test]),
        ("news_dev", news_dev),
    ):
        DocBin(docs=docs, store_user_data=False).to_disk(args.out / f"{name}.spacy")
        n_ents = sum(len(d.ents) for d in docs)
        print(f"{name}: {len(docs)} docs, {n_ents} entities")
    print(
        f"(news train {len(news_train)}, news dev {len(news_dev)}, multiconer {n_mc}, "
        f"alpino sentences {n_alpino} x{args.alpino_repeat}, surname variants {n_surnames}, "
        f"substituted {n_subst})"
    )


if __name__ == "__main__":
    main()
