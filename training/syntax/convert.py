"""Convert the UD Dutch treebanks (CoNLL-U) into spaCy DocBins for the syntax pipeline.

Reads training/syntax/data/ (copies of UD_Dutch-Alpino dev and UD_Dutch-LassySmall
dev + test; the Alpino test section lives in data/test/ and is evaluation only) and
writes to training/corpus/syntax/ (git-ignored):

- train.spacy  the training sentences, in documents of N consecutive sentences (the
               Alpino news blocks --alpino-repeat times: the test set is Alpino news)
- dev.spacy    the held-out slice used by `spacy train` for model selection: every
               10th block of N consecutive sentences (blocks 9, 19, 29, ... counted
               over the three files in a fixed order), so the split is deterministic
               and needs no seed
- test.spacy   UD_Dutch-Alpino test (never trained on), one sentence per document (as
               `spacy convert -c conllu` writes it by default): the reported scores
- test_docs.spacy  the same in documents of N consecutive sentences, so the parser
               also has to find the sentence boundaries (as on whole articles)

Each document keeps the sentences' own text and spacing (SpaceAfter=No), UPOS (pos),
XPOS (tag), FEATS (morph), lemma, and the basic dependency tree (heads, deprel);
empty nodes (8.1) and the enhanced graph are dropped.

Usage: python training/syntax/convert.py [--n-sents 10] [--dev-every 10] [--alpino-repeat K]
           [--out DIR]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training.converters.conllu_to_docs import read_conllx

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DATA = HERE / "data"
# Fixed order: the dev split depends on it.
TRAIN_FILES = (
    "nl_alpino-ud-dev.conllu",
    "nl_lassysmall-ud-dev.conllu",
    "nl_lassysmall-ud-test.conllu",
)
TEST_FILE = "test/nl_alpino-ud-test.conllu"


def sentences(path: Path) -> list[Doc]:
    # A pattern that never matches: the treebanks have no NER in MISC, so no doc.ents.
    return list(read_conllx(path.read_text(encoding="utf-8"), ner_tag_pattern="(?!)"))


def blocks(sents: list[Doc], n: int) -> list[list[Doc]]:
    return [sents[i : i + n] for i in range(0, len(sents), n)]


def save(docs: list[Doc], path: Path) -> dict[str, int]:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return {
        "docs": len(docs),
        "sents": sum(len(list(d.sents)) for d in docs),
        "words": sum(len(d) for d in docs),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n-sents", type=int, default=10, help="sentences per document")
    ap.add_argument("--dev-every", type=int, default=10, help="every k-th block is dev")
    ap.add_argument(
        "--alpino-repeat",
        type=int,
        default=1,
        help="put the Alpino (news) training blocks K times into train.spacy",
    )
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=REPO / "training" / "corpus" / "syntax")
    args = ap.parse_args()

    train: list[Doc] = []
    dev: list[Doc] = []
    k = 0
    for name in TRAIN_FILES:
        # Blocks never cross a file boundary.
        for block in blocks(sentences(args.data / name), args.n_sents):
            doc = Doc.from_docs(block, ensure_whitespace=True)
            if k % args.dev_every == args.dev_every - 1:
                dev.append(doc)
            else:
                train.extend([doc] * (args.alpino_repeat if "alpino" in name else 1))
            k += 1
    test = sentences(args.data / TEST_FILE)
    test_docs = [Doc.from_docs(b, ensure_whitespace=True) for b in blocks(test, args.n_sents)]
    args.out.mkdir(parents=True, exist_ok=True)
    stats = {
        "train": save(train, args.out / "train.spacy"),
        "dev": save(dev, args.out / "dev.spacy"),
        "test": save(test, args.out / "test.spacy"),
        "test_docs": save(test_docs, args.out / "test_docs.spacy"),
        "n_sents": args.n_sents,
        "dev_every": args.dev_every,
        "alpino_repeat": args.alpino_repeat,
    }
    (args.out / "stats.json").write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
