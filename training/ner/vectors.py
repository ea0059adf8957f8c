"""Train small static (floret) word vectors on the raw text of the NER training data.

Raw text, one sentence (or news item) a line, case kept:

- UD train sentences (`data/ud-nl-ner/train.iob`),
- the news items that are trained on (the held-out tenth is left out),
- MultiCoNER v1 Dutch train + dev, case restored as in `convert.py`.

Never UD dev or UD test (UD dev is held out for model selection in some runs)
and never the development corpus. The vectors are floret (hashed subword rows:
every word, also an unseen name, gets a vector), written as a spaCy vectors
pipeline for `[initialize] vectors` / `[paths] vectors`.

Usage: python training/ner/vectors.py [--out training/output/vectors/nl_floret]
       [--dim 64] [--bucket 20000] [--epoch 20]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
import convert

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent / "output" / "vectors" / "nl_floret"


def raw_lines() -> list[str]:
    nlp = spacy.blank("nl")
    data = convert.DATA
    ud_train = list(convert.read_iob(data / "ud-nl-ner" / "train.iob"))
    ud_dev = list(convert.read_iob(data / "ud-nl-ner" / "dev.iob"))
    news = list(convert.news_docs(nlp, data / "news-nl" / "news.jsonl"))
    news_sents = [
        ([t.text for t in d], [t.ent_iob_ + "-" + t.ent_type_ if t.ent_type_ else "O" for t in d])
        for _, d in news
    ]
    # the same recaser as convert.py (its vocabulary: UD train + dev + news casing)
    recaser = convert.Recaser(ud_train + ud_dev + news_sents)
    mc = []
    for name in ("nl_train.conll", "nl_dev.conll"):
        mc += list(convert.multiconer(data / "multiconer-nl" / name, recaser))
    return convert.raw_text_lines(ud_train, news, mc)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--bucket", type=int, default=20000, help="floret hash rows")
    ap.add_argument("--epoch", type=int, default=20)
    ap.add_argument("--minn", type=int, default=3)
    ap.add_argument("--maxn", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--model", default="skipgram")
    args = ap.parse_args()

    import floret

    args.out.parent.mkdir(parents=True, exist_ok=True)
    raw = args.out.parent / (args.out.name + ".txt")
    lines = raw_lines()
    raw.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"raw text: {len(lines)} lines, {sum(len(x.split()) for x in lines)} tokens → {raw}")
    model = floret.train_unsupervised(
        str(raw),
        model=args.model,
        mode="floret",
        hashCount=2,
        bucket=args.bucket,
        minn=args.minn,
        maxn=args.maxn,
        dim=args.dim,
        epoch=args.epoch,
        minCount=args.min_count,
        thread=1,
    )
    vec = args.out.parent / (args.out.name + ".floret")
    model.save_floret_vectors(str(vec))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "init",
            "vectors",
            "nl",
            str(vec),
            str(args.out),
            "--mode",
            "floret",
        ],
        check=True,
    )
    print(f"vectors: {args.out}")


if __name__ == "__main__":
    main()
