"""Copy a trained syntax pipeline into `models/syntax-nl` with the project's metadata.

The trained model-best is copied without anything but the pipeline itself (spaCy's
model-best holds no optimizer state); meta.json gets name/version/description/licence/
sources and a `timeline` block with the sha256 of `training/syntax/config.cfg` and of
every data file (CoNLL-U) under training/syntax/data/, plus the convert options and the
Alpino-test scores if given (--scores, the JSON of evaluate.py), so tests can tell when
the model drifts from its sources.

Usage: python training/syntax/package.py MODEL_DIR [--out models/syntax-nl]
           [--convert-args "..."] [--scores OUT.json] [--force]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from pathlib import Path

import spacy

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
NAME = "nl_timeline_syntax"
VERSION = "0.1.0"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("--out", type=Path, default=REPO / "models" / "syntax-nl")
    ap.add_argument("--convert-args", default="")
    ap.add_argument("--scores", type=Path, default=None, help="evaluate.py --json output")
    ap.add_argument("--force", action="store_true", help="package a model of another config")
    args = ap.parse_args()

    trained = spacy.util.load_config(args.model / "config.cfg")
    source = spacy.util.load_config(HERE / "config.cfg")
    if trained["components"] != source["components"] and not args.force:
        raise SystemExit(f"{args.model} was not trained with training/syntax/config.cfg (--force)")
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(args.model, args.out)
    meta_path = args.out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    data_files = sorted(p for p in (HERE / "data").rglob("*.conllu") if p.is_file())
    timeline: dict[str, object] = {
        "config_sha256": sha256(HERE / "config.cfg"),
        "convert_args": args.convert_args,
        "data_sha256": {p.relative_to(HERE).as_posix(): sha256(p) for p in data_files},
        "trained_on": [
            p.relative_to(HERE).as_posix() for p in data_files if p.parent.name != "test"
        ],
        "evaluation_only": [
            p.relative_to(HERE).as_posix() for p in data_files if p.parent.name == "test"
        ],
    }
    if args.scores and args.scores.exists():
        timeline["alpino_test"] = json.loads(args.scores.read_text(encoding="utf-8"))
    meta.update(
        {
            "name": NAME,
            "version": VERSION,
            "description": (
                "Dutch syntax for the timeline project: HashEmbed CNN tok2vec + tagger "
                "(Alpino XPOS), morphologizer (UPOS + FEATS), edit-tree lemmatizer and "
                "transition-based dependency parser, trained on UD_Dutch-Alpino dev and "
                "UD_Dutch-LassySmall dev + test. Runs next to models/ner-nl on one Doc."
            ),
            "author": "timeline project",
            "license": "CC BY-SA 4.0",
            "sources": [
                {
                    "name": "UD_Dutch-Alpino (dev)",
                    "author": "G. Bouma, G. van Noord et al.",
                    "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino",
                    "license": "CC BY-SA 4.0",
                },
                {
                    "name": "UD_Dutch-LassySmall (dev, test)",
                    "author": "G. van Noord, G. Bouma et al.",
                    "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall",
                    "license": "CC BY-SA 4.0",
                },
            ],
            "timeline": timeline,
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"packaged {args.model} → {args.out} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
