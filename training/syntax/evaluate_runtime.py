"""Score the linguistic layer as `timeline` runs it on UD_Dutch-Alpino test.

`evaluate.py` scores the spaCy pipeline alone. The tool adds two steps after it
(`timeline.syntax`): lemmas back off to the Dutch lemma table of spacy-lookups-data
(`models/lemma-nl`), and UPOS/morphology follow the Dutch fine tag where that says
verb. This script scores lemma, UPOS and morph (exact match, as spaCy's Scorer) on
the gold tokens of the test section, with and without those steps.

Usage: python training/syntax/evaluate_runtime.py [--model models/syntax-nl] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy
from spacy.tokens import Doc

from timeline.syntax import LemmaBackoff, default_lemma_table, reconcile

HERE = Path(__file__).resolve().parent
TEST = HERE / "data" / "test" / "nl_alpino-ud-test.conllu"


def sentences(path: Path) -> list[list[tuple[str, str, str, str]]]:
    """(form, lemma, UPOS, FEATS) per word of each sentence (multi-word and empty
    nodes dropped)."""
    out, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if cur:
                out.append(cur)
                cur = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                cur.append((cols[1], cols[2], cols[3], "" if cols[5] == "_" else cols[5]))
    return out + ([cur] if cur else [])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, default=HERE.parents[1] / "models" / "syntax-nl")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    backoff = LemmaBackoff.load(default_lemma_table())
    if backoff is None:
        raise SystemExit(f"no lemma table at {default_lemma_table()}")
    hits = dict.fromkeys(
        ("lemma", "lemma_runtime", "upos", "upos_runtime", "morph", "morph_runtime"), 0
    )
    n = 0
    for sent in sentences(TEST):
        doc = Doc(nlp.vocab, words=[w for w, *_ in sent])
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        for tok, (_, lemma, upos, feats) in zip(doc, sent, strict=True):
            n += 1
            pos, morph = reconcile(tok.pos_, tok.tag_, str(tok.morph))
            hits["lemma"] += tok.lemma_ == lemma
            hits["lemma_runtime"] += backoff.lemma(tok.text, tok.pos_, tok.lemma_) == lemma
            hits["upos"] += tok.pos_ == upos
            hits["upos_runtime"] += pos == upos
            hits["morph"] += str(tok.morph) == feats
            hits["morph_runtime"] += morph == feats
    scores = {k: round(v / n, 4) for k, v in hits.items()}
    print(f"UD_Dutch-Alpino test, {n} gold tokens")
    for name in ("lemma", "upos", "morph"):
        print(
            f"{name:<6} model {scores[name]:.3f}   as the tool runs it {scores[name + '_runtime']:.3f}"
        )
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
