"""Hand-made parses for tests of the linguistic layer's users (no model needed)."""

from __future__ import annotations

from timeline.schema import Token

Row = tuple[str, str, str, str, int, str]  # text, lemma, UPOS, dependency, head, morphology


def tokens(rows: list[Row], offset: int = 0) -> list[Token]:
    """Tokens for `rows`, one space apart, the first at `offset`."""
    out, pos = [], offset
    for i, (text, lem, upos, dep, head, morph) in enumerate(rows):
        out.append(
            Token(
                i=i,
                text=text,
                start=pos,
                end=pos + len(text),
                lemma=lem,
                pos=upos,
                morph=morph,
                dep=dep,
                head=head,
            )
        )
        pos += len(text) + 1
    return out
