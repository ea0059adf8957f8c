"""Score an NER model on a DocBin (default: UD test), with and without the entity ruler.

Exact-span micro P/R/F per label; the overall figure is over PER/ORG/LOC (MISC is
shown but not in the overall, as in the development-corpus evaluation).

Usage: python training/ner/evaluate.py [--model DIR] [--data FILE.spacy] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
LABELS = ("PER", "ORG", "LOC", "MISC")
OVERALL = ("PER", "ORG", "LOC")


def _spans(doc: Doc) -> set[tuple[int, int, str]]:
    return {(e.start, e.end, e.label_) for e in doc.ents}


def score(gold_docs: list[Doc], run: Callable[[Doc], Doc]) -> dict[str, dict[str, float | int]]:
    counts = {lab: [0, 0, 0] for lab in LABELS}
    for gold in gold_docs:
        pred = run(
            Doc(
                gold.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold]
            )
        )
        want, got = _spans(gold), _spans(pred)
        for lab in LABELS:
            w = {s for s in want if s[2] == lab}
            g = {s for s in got if s[2] == lab}
            counts[lab][0] += len(w & g)
            counts[lab][1] += len(g - w)
            counts[lab][2] += len(w - g)
    out: dict[str, dict[str, float | int]] = {}
    for name, labs in [*((lab, (lab,)) for lab in LABELS), ("overall", OVERALL)]:
        tp = sum(counts[lab][0] for lab in labs)
        fp = sum(counts[lab][1] for lab in labs)
        fn = sum(counts[lab][2] for lab in labs)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[name] = {
            "p": round(p, 4),
            "r": round(r, 4),
            "f": round(f, 4),
            "tp": tp,
            "fp": fp,
            "fn": fn,
        }
    return out


def _runner(nlp: Language) -> Callable[[Doc], Doc]:
    def run(doc: Doc) -> Doc:
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return doc

    return run


def render(title: str, scores: dict[str, dict[str, float | int]]) -> str:
    lines = [title, f"{'label':<8}{'P':>7}{'R':>7}{'F':>7}"]
    for name, s in scores.items():
        lines.append(f"{name:<8}{s['p']:>7.3f}{s['r']:>7.3f}{s['f']:>7.3f}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, default=REPO / "models" / "ner-nl")
    ap.add_argument("--data", type=Path, default=HERE.parent / "corpus" / "ud_test.spacy")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()

    from timeline.ner import load_pipeline

    stat = spacy.load(args.model)
    docs = list(DocBin().from_disk(args.data).get_docs(stat.vocab))
    results = {
        "statistical": score(docs, _runner(stat)),
        "with_ruler": score(docs, _runner(load_pipeline(args.model))),
    }
    for name, s in results.items():
        print(render(f"{args.data.name} — {name} ({args.model})", s), end="\n\n")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
