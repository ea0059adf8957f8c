"""Score the syntax pipeline on UD_Dutch-Alpino test and measure its speed.

Scores (spaCy's Scorer, as `spacy evaluate`: the text is tokenised by the pipeline and
aligned to the gold tokens): UPOS (pos_acc), TAG = Dutch XPOS (tag_acc), morph
(morph_acc, FEATS), lemma (lemma_acc), UAS, LAS, and sentence-boundary F.

Speed: words per second of the whole pipeline (tokeniser included) over the test
texts with nlp.pipe, one thread (OMP/OPENBLAS_NUM_THREADS=1 unless set), best of
--repeat passes. With --ner MODEL, also the speed of the NER pipeline and of NER + syntax
run over one Doc with a shared vocab, as the project runs them.

Usage: python training/syntax/evaluate.py [--model models/syntax-nl]
           [--data training/corpus/syntax/test.spacy] [--ner models/ner-nl] [--json OUT]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterable  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.training import Example  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
METRICS = (
    ("UPOS", "pos_acc"),
    ("TAG", "tag_acc"),
    ("morph", "morph_acc"),
    ("lemma", "lemma_acc"),
    ("UAS", "dep_uas"),
    ("LAS", "dep_las"),
    ("sents_f", "sents_f"),
)
TARGETS = {"UPOS": 0.94, "morph": 0.92, "lemma": 0.91, "LAS": 0.74}


def words_per_second(run: Callable[[Iterable[str]], Iterable[Doc]], texts: list[str],
                     repeat: int) -> float:
    best = float("inf")
    n_words = 0
    for _ in range(repeat):
        start = time.perf_counter()
        n_words = sum(len(doc) for doc in run(texts))
        best = min(best, time.perf_counter() - start)
    return n_words / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, default=REPO / "models" / "syntax-nl")
    ap.add_argument("--data", type=Path,
                    default=REPO / "training" / "corpus" / "syntax" / "test.spacy")
    ap.add_argument("--ner", type=Path, default=None, help="also time NER + syntax")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()

    nlp: Language = spacy.load(args.model)
    gold = list(DocBin().from_disk(args.data).get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(d.text), d) for d in gold]
    scores = nlp.evaluate(examples, batch_size=args.batch_size)
    texts = [d.text for d in gold]
    n_words = sum(len(d) for d in gold)
    result: dict[str, object] = {
        "model": str(args.model),
        "data": str(args.data),
        "docs": len(gold),
        "words": n_words,
        **{name: round(float(scores[key] or 0.0), 4) for name, key in METRICS},
        "words_per_second": round(
            words_per_second(lambda t: nlp.pipe(t, batch_size=args.batch_size), texts,
                             args.repeat)
        ),
        "size_mb": round(
            sum(p.stat().st_size for p in args.model.rglob("*") if p.is_file()) / 1e6, 1
        ),
    }
    if args.ner:
        ner = spacy.load(args.ner)
        syntax = spacy.load(args.model, vocab=ner.vocab)

        def both(batch: Iterable[str]) -> Iterable[Doc]:
            docs = ner.pipe(batch, batch_size=args.batch_size)
            for _, proc in syntax.pipeline:
                docs = proc.pipe(docs, batch_size=args.batch_size)
            return docs

        result["ner_words_per_second"] = round(
            words_per_second(lambda t: ner.pipe(t, batch_size=args.batch_size), texts,
                             args.repeat)
        )
        result["ner_plus_syntax_words_per_second"] = round(
            words_per_second(both, texts, args.repeat)
        )

    print(f"{args.data.name}: {len(gold)} docs, {n_words} words ({args.model})")
    print(f"{'metric':<10}{'score':>8}{'target':>8}")
    for name, _ in METRICS:
        target = TARGETS.get(name)
        mark = "" if target is None else ("  ok" if result[name] >= target else "  below")
        tgt = "" if target is None else f"{target:.2f}"
        print(f"{name:<10}{result[name]:>8.4f}{tgt:>8}{mark}")
    for key in ("words_per_second", "ner_words_per_second", "ner_plus_syntax_words_per_second"):
        if key in result:
            print(f"{key:<34}{result[key]:>10,}")
    print(f"{'size_mb':<34}{result['size_mb']:>10}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
