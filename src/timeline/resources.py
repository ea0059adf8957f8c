"""Access to the Dutch language data shipped with the package (`timeline/lang/nl`)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


def lang_path(name: str, lang: str = "nl") -> Any:
    """The packaged data file `lang/<lang>/<name>` as a Traversable."""
    return resources.files("timeline").joinpath("lang", lang, name)


@cache
def load_toml(name: str, lang: str = "nl") -> dict[str, Any]:
    """Parse a packaged TOML data file (cached: the files are read-only package data)."""
    with lang_path(name, lang).open("rb") as fh:
        return tomllib.load(fh)
