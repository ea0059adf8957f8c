"""JSON export: the Timeline model, byte-identical for the same input."""

from __future__ import annotations

import json

from timeline.schema import Timeline


def render(timeline: Timeline, *, lang: str = "nl") -> str:
    data = timeline.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
