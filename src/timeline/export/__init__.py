"""Stage 6, export: a `Timeline` → text in one of several formats.

Every exporter is a module with `render(timeline, *, lang) -> str`; this registry
maps format names (and file extensions) to them.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from timeline.schema import Timeline

Renderer = Callable[..., str]

FORMATS: dict[str, str] = {
    "json": "timeline.export.json_format",
    "md": "timeline.export.markdown",
    "html": "timeline.export.html",
    "timelinejs": "timeline.export.timelinejs",
    "csv": "timeline.export.csv",
    "ics": "timeline.export.ics",
}
EXTENSIONS: dict[str, str] = {
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".ics": "ics",
}


def format_for(path: Path | None, explicit: str | None) -> str:
    """The format asked for, else the one the output file's extension implies, else JSON."""
    if explicit:
        return explicit
    if path is not None and str(path) != "-":
        return EXTENSIONS.get(path.suffix.lower(), "json")
    return "json"


def render(timeline: Timeline, fmt: str, *, lang: str = "nl") -> str:
    module = import_module(FORMATS[fmt])
    return str(module.render(timeline, lang=lang))
