"""A few small articles of the bundled corpus, copied into a test's folder."""

from __future__ import annotations

import random
from pathlib import Path

from .conftest import DATA

SMALL = [
    "117_witkoff-bij-poetin.txt",
    "118_trump-belt-dinsdag-poetin.txt",
    "149_kremlin-over-gesprek-trump.txt",
    "150_trump-opnieuw-poetin-gesproken.txt",
]


def copy_corpus(target: Path, names: list[str] = SMALL, *, shuffle_seed: int | None = None) -> Path:
    """Copy `names` from data/ into `target` (in a shuffled creation order if seeded)."""
    target.mkdir(parents=True, exist_ok=True)
    order = list(names)
    if shuffle_seed is not None:
        random.Random(shuffle_seed).shuffle(order)
    for name in order:
        (target / name).write_bytes((DATA / name).read_bytes())
    return target
