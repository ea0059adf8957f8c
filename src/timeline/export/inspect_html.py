"""`timeline inspect -f html`: the article with entities and dates highlighted, and its event mentions."""

from __future__ import annotations

from typing import Any

from timeline.export.html import environment
from timeline.schema import ArticleAnalysis, FurnitureLine


def _pieces(text: str, body_start: int, a: ArticleAnalysis) -> list[dict[str, Any]]:
    marks: list[tuple[int, int, str, str]] = []
    for t in a.timexes:
        marks.append(
            (
                t.start,
                t.end,
                "tx",
                f"{t.earliest or '…'} – {t.latest or '…'} ({t.value or ''}; {t.rule})",
            )
        )
    for e in a.entities:
        if all(e.end <= s or e.start >= x for s, x, _, _ in marks):
            marks.append(
                (e.start, e.end, f"ent {e.label}", e.label + (f" → {e.actor}" if e.actor else ""))
            )
    marks.sort()
    pieces: list[dict[str, Any]] = []
    pos = body_start
    for start, end, cls, title in marks:
        if start < pos:
            continue  # overlaps an earlier mark
        pieces.append({"kind": "text", "text": text[pos:start]})
        pieces.append({"kind": "mark", "text": text[start:end], "cls": cls, "title": title})
        pos = end
    pieces.append({"kind": "text", "text": text[pos:]})
    return pieces


def render_inspect(
    analyses: list[ArticleAnalysis],
    texts: dict[str, tuple[str, int]],
    furniture: dict[str, list[FurnitureLine]] | None = None,
) -> str:
    articles = [
        {
            "id": a.article,
            "published": a.published,
            "events": a.events,
            "furniture": (furniture or {}).get(a.article, []),
            "pieces": _pieces(*texts[a.article], a),
        }
        for a in analyses
    ]
    return environment().get_template("inspect.html.j2").render(articles=articles)
