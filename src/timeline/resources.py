"""Access to the Dutch language data shipped with the package (`timeline/lang/nl`)."""

from __future__ import annotations

import json
import os
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


def lang_path(name: str, lang: str = "nl") -> Any:
    """The packaged data file `lang/<lang>/<name>` as a Traversable."""
    return resources.files("timeline").joinpath("lang", lang, name)


@cache
def load_toml(name: str, lang: str = "nl") -> dict[str, Any]:
    """Parse a packaged TOML data file (cached: the files are read-only package data)."""
    with lang_path(name, lang).open("rb") as fh:
        return tomllib.load(fh)


def shipped_model_dir(name: str) -> Path:
    """The directory of a pipeline shipped in the package `timeline.models`.

    In a checkout that is `models/<name>` (pyproject.toml maps `models/` to
    `timeline.models`, for editable and normal installs alike); in a wheel it is
    package data in site-packages. Without that package (a source tree on
    `sys.path` by hand) the repository's `models/` is used.
    """
    try:
        base = Path(str(resources.files("timeline.models")))
    except ModuleNotFoundError:
        base = Path(__file__).resolve().parents[2] / "models"
    return base / name


SHIPPED_MODELS = ("ner-nl", "syntax-nl")


def model_versions() -> list[tuple[str, str]]:
    """(lang_name, version) of each pipeline in use, from its meta.json.

    `$TIMELINE_MODEL_DIR` replaces the NER pipeline, as it does at run time.
    """
    out = []
    for name in SHIPPED_MODELS:
        path = shipped_model_dir(name)
        if name == "ner-nl" and os.environ.get("TIMELINE_MODEL_DIR"):
            path = Path(os.environ["TIMELINE_MODEL_DIR"])
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        lang, label = str(meta.get("lang", "")), str(meta.get("name", name))
        full = label if not lang or label.startswith(f"{lang}_") else f"{lang}_{label}"
        out.append((full, str(meta.get("version", "?"))))
    return out
