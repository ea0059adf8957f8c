"""Copy a trained spaCy pipeline into `models/ner-nl` with the project's metadata.

- meta.json gets name/version/description/licence/sources and a `timeline` block
  with the sha256 of `training/ner/config.cfg` and of every data file trained on,
  plus the convert options, so tests can tell when the model drifts from its sources;
- `common_words.txt` is written next to it: lower-case words that the training
  text writes in lower case (almost) everywhere except sentence-initially
  (never capitalised mid-sentence, or at least 3 times lower case and at most 5%
  capitalised). The
  runtime drops a one-token statistical entity that is such a word at the start
  of a sentence or line ("Natuurlijk", "Gesprekken").

Usage: python training/ner/package.py MODEL_DIR [--out models/ner-nl] [--convert-args "..."]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CORPUS = HERE.parent / "corpus"
COMMON_WORDS = "common_words.txt"
MIN_LOWER = 3
MAX_CAPITAL_SHARE = 0.05


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def common_words(train: Path) -> list[str]:
    nlp = spacy.blank("nl")
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for doc in DocBin().from_disk(train).get_docs(nlp.vocab):
        for tok in doc:
            if tok.i == 0 or not tok.is_alpha or doc[tok.i - 1].is_punct:
                continue
            if tok.text.islower():
                lower[tok.text] += 1
            elif tok.text[:1].isupper():
                capital[tok.text.lower()] += 1
    return sorted(
        w
        for w, n in lower.items()
        if len(w) > 1
        and (capital[w] == 0 or (n >= MIN_LOWER and capital[w] <= MAX_CAPITAL_SHARE * n))
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("--out", type=Path, default=REPO / "models" / "ner-nl")
    ap.add_argument("--convert-args", default="")
    ap.add_argument("--train", type=Path, default=CORPUS / "train.spacy")
    ap.add_argument("--force", action="store_true", help="package a model of another config")
    args = ap.parse_args()

    trained = spacy.util.load_config(args.model / "config.cfg")
    source = spacy.util.load_config(HERE / "config.cfg")
    if trained["components"] != source["components"] and not args.force:
        raise SystemExit(f"{args.model} was not trained with training/ner/config.cfg (--force)")
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(args.model, args.out)
    meta_path = args.out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    data_files = sorted(
        p
        for p in (HERE / "data").rglob("*")
        if p.is_file() and p.suffix in {".iob", ".jsonl", ".conll"}
    )
    meta.update(
        {
            "name": "ner_nl",
            "version": "0.1.0",
            "description": (
                "Dutch news NER (PER/ORG/LOC/MISC) for the timeline project: "
                "HashEmbed CNN tok2vec + transition-based NER, trained on UD Dutch "
                "(NER layer), news-nl and recased MultiCoNER v1 Dutch."
            ),
            "author": "timeline project",
            "license": "CC BY-SA 4.0",
            "sources": [
                {
                    "name": "UD_Dutch-Alpino and UD_Dutch-LassySmall (NER layer)",
                    "author": "G. Bouma, G. van Noord et al.",
                    "url": "https://github.com/UniversalDependencies",
                    "license": "CC BY-SA 4.0",
                },
                {"name": "news-nl", "author": "timeline project", "license": "project data"},
                {
                    "name": "MultiCoNER v1 (Dutch)",
                    "author": "S. Malmasi, A. Fang, B. Fetahu, S. Kar, O. Rokhlenko",
                    "url": "https://registry.opendata.aws/multiconer/",
                    "license": "CC BY 4.0",
                },
            ],
            "timeline": {
                "config_sha256": sha256(HERE / "config.cfg"),
                "convert_args": args.convert_args,
                "data_sha256": {p.relative_to(HERE).as_posix(): sha256(p) for p in data_files},
                "common_words": COMMON_WORDS,
            },
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    words = common_words(args.train)
    (args.out / COMMON_WORDS).write_text("\n".join(words) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"packaged {args.model} → {args.out} ({size / 1e6:.1f} MB, {len(words)} common words)")


if __name__ == "__main__":
    main()
