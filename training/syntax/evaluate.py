"""Score the syntax pipeline on UD_Dutch-Alpino test and measure its speed.

Scores (spaCy's Scorer, as `spacy evaluate`: the text is tokenised by the pipeline and
aligned to the gold tokens): UPOS (pos_acc), TAG = Dutch XPOS (tag_acc), morph
(morph_acc, FEATS), lemma (lemma_acc), UAS, LAS, and sentence-boundary F.

Two test sets (both written by convert.py): `test.spacy`, one sentence per Doc (as
`spacy convert -c conllu` writes by default; the headline scores), and
`test_docs.spacy`, 10 consecutive sentences per Doc, where the parser also has to find
the sentence boundaries ("docs" columns; skipped if the file is missing).

Speed: words per second of the whole pipeline (tokeniser included) with nlp.pipe
(batch 64) over the project's 70 articles in data/ (as bench/bench_ner.py; the test
texts if data/ is missing), one thread (OMP/OPENBLAS_NUM_THREADS=1 unless set), best of
--repeat passes after a warm-up. With --ner MODEL, also the NER pipeline alone and NER +
syntax run over one Doc with a shared vocab, as the project runs them.

Usage: python training/syntax/evaluate.py [--model models/syntax-nl]
           [--data training/corpus/syntax/test.spacy] [--ner models/ner-nl] [--json OUT]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example

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


def words_per_second(
    run: Callable[[Iterable[str]], Iterable[Doc]], texts: list[str], repeat: int
) -> float:
    best = float("inf")
    n_words = 0
    for _ in run(texts[:5]):  # warm-up
        pass
    for _ in range(repeat):
        start = time.perf_counter()
        n_words = sum(len(doc) for doc in run(texts))
        best = min(best, time.perf_counter() - start)
    return n_words / best


def _rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(REPO).as_posix()
    except ValueError:
        return str(path)


def _speed_texts() -> list[str]:
    try:
        from timeline.loader import load_paths
    except ImportError:
        return []
    if not (REPO / "data").is_dir():
        return []
    return [a.body for a in load_paths([REPO / "data"]).articles]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, default=REPO / "models" / "syntax-nl")
    ap.add_argument(
        "--data", type=Path, default=REPO / "training" / "corpus" / "syntax" / "test.spacy"
    )
    ap.add_argument("--ner", type=Path, default=None, help="also time NER + syntax")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()

    nlp: Language = spacy.load(args.model)

    def evaluate(path: Path) -> tuple[list[Doc], dict[str, float]]:
        gold = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        examples = [Example(nlp.make_doc(d.text), d) for d in gold]
        scores = nlp.evaluate(examples, batch_size=args.batch_size)
        return gold, {name: round(float(scores[key] or 0.0), 4) for name, key in METRICS}

    gold, scores = evaluate(args.data)
    n_words = sum(len(d) for d in gold)
    docs_path = args.data.with_name(args.data.stem + "_docs.spacy")
    docs_scores = evaluate(docs_path)[1] if docs_path.exists() else {}
    texts = _speed_texts() or [d.text for d in gold]
    result: dict[str, object] = {
        "model": _rel(args.model),
        "data": _rel(args.data),
        "docs": len(gold),
        "words": n_words,
        **scores,
        "docs_scores": docs_scores,
        "speed_words": sum(len(d) for d in nlp.tokenizer.pipe(texts)),
        "words_per_second": round(
            words_per_second(lambda t: nlp.pipe(t, batch_size=args.batch_size), texts, args.repeat)
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
            words_per_second(lambda t: ner.pipe(t, batch_size=args.batch_size), texts, args.repeat)
        )
        result["ner_plus_syntax_words_per_second"] = round(
            words_per_second(both, texts, args.repeat)
        )

    print(f"{args.data.name}: {len(gold)} docs, {n_words} words ({args.model})")
    print(f"{'metric':<10}{'score':>8}{'docs':>8}{'target':>8}")
    for name, _ in METRICS:
        target = TARGETS.get(name)
        mark = "" if target is None else ("  ok" if result[name] >= target else "  below")
        tgt = "" if target is None else f"{target:.2f}"
        in_docs = f"{docs_scores[name]:>8.4f}" if docs_scores else f"{'':>8}"
        print(f"{name:<10}{result[name]:>8.4f}{in_docs}{tgt:>8}{mark}")
    print(f"speed over {len(texts)} texts, {result['speed_words']} words, best of {args.repeat}:")
    for key in ("words_per_second", "ner_words_per_second", "ner_plus_syntax_words_per_second"):
        if key in result:
            print(f"{key:<34}{result[key]:>10,}")
    print(f"{'size_mb':<34}{result['size_mb']:>10}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
