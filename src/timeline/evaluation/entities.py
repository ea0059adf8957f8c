"""Entity evaluation against a gold file of distinct (string, label) pairs per article.

Gold format (JSON lines), one line per article:

    {"article": "101_kremlin-wacht-op-signalen.txt", "entities": [["Kremlin", "ORG"], ...]}

The gold lists the DISTINCT (string, label) pairs of an article, so the system's
entities are reduced to the same set per article and the two sets are compared.
Only PER, ORG and LOC are scored; MISC is ignored on both sides.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from timeline.schema import Entity

SCORED_LABELS: tuple[str, ...] = ("PER", "ORG", "LOC")
_DATE_LINE = re.compile(r"\A\s*date[ \t]+\S+\s*")


class Scores(BaseModel):
    model_config = ConfigDict(frozen=True)

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class EntityError(BaseModel):
    model_config = ConfigDict(frozen=True)

    article: str
    text: str
    label: str


class EntityReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    overall: Scores
    per_label: dict[str, Scores]
    articles: int
    misses: list[EntityError] = Field(default_factory=list, description="gold, not found")
    spurious: list[EntityError] = Field(default_factory=list, description="found, not gold")
    missing_articles: list[str] = Field(
        default_factory=list, description="gold articles the system did not analyse"
    )

    @property
    def f1(self) -> float:
        return self.overall.f1

    def render(self, max_errors: int = 50) -> str:
        """A readable report: the score table, then misses and spurious entities."""
        lines = [f"Entities (PER/ORG/LOC, distinct per article) over {self.articles} articles"]
        lines.append(f"{'label':<8}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
        rows = [*((k, self.per_label[k]) for k in SCORED_LABELS), ("overall", self.overall)]
        for name, s in rows:
            lines.append(
                f"{name:<8}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
                f"{s.tp:>6}{s.fp:>6}{s.fn:>6}"
            )
        if self.missing_articles:
            lines.append(f"\nNot analysed ({len(self.missing_articles)}):")
            lines.extend(f"  {a}" for a in self.missing_articles)
        for title, errors in (("Misses", self.misses), ("Spurious", self.spurious)):
            lines.append(f"\n{title} ({len(errors)}):")
            for e in errors[:max_errors]:
                lines.append(f"  {e.label:<4} {e.text!r:<32} {e.article}")
            if len(errors) > max_errors:
                lines.append(f"  … {len(errors) - max_errors} more")
        return "\n".join(lines)


def load_gold(gold_path: Path) -> dict[str, set[tuple[str, str]]]:
    gold: dict[str, set[tuple[str, str]]] = {}
    for n, line in enumerate(Path(gold_path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            gold[item["article"]] = {(str(s), str(lab)) for s, lab in item["entities"]}
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{gold_path}:{n}: not a gold entity line: {exc}") from None
    return gold


def _scored(pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    return {(s, lab) for s, lab in pairs if lab in SCORED_LABELS}


def evaluate_entities(gold_path: Path, analyses: Mapping[str, Sequence[Entity]]) -> EntityReport:
    """Compare the system's distinct (text, label) pairs with the gold, article by article.

    Articles in `analyses` but not in the gold are not scored; gold articles that
    are not in `analyses` count as all misses and are listed in `missing_articles`.
    """
    gold = load_gold(gold_path)
    counts = {lab: [0, 0, 0] for lab in SCORED_LABELS}
    misses: list[EntityError] = []
    spurious: list[EntityError] = []
    missing: list[str] = []
    for article in sorted(gold):
        want = _scored(gold[article])
        if article not in analyses:
            missing.append(article)
            got: set[tuple[str, str]] = set()
        else:
            got = _scored((e.text, e.label) for e in analyses[article])
        for _s, lab in sorted(want & got):
            counts[lab][0] += 1
        for s, lab in sorted(got - want):
            counts[lab][1] += 1
            spurious.append(EntityError(article=article, text=s, label=lab))
        for s, lab in sorted(want - got):
            counts[lab][2] += 1
            misses.append(EntityError(article=article, text=s, label=lab))
    per_label = {lab: Scores(tp=c[0], fp=c[1], fn=c[2]) for lab, c in counts.items()}
    overall = Scores(
        tp=sum(c[0] for c in counts.values()),
        fp=sum(c[1] for c in counts.values()),
        fn=sum(c[2] for c in counts.values()),
    )
    return EntityReport(
        overall=overall,
        per_label=per_label,
        articles=len(gold),
        misses=misses,
        spurious=spurious,
        missing_articles=missing,
    )


def _article_bodies(paths: Sequence[str | Path]) -> list[tuple[str, str, int]]:
    """(article id, text, body start) for every article under `paths`."""
    try:
        from timeline.loader import load_paths
    except ImportError:  # pragma: no cover - the loader is another stage's module
        load_paths = None  # type: ignore[assignment]
    if load_paths is not None:
        result = load_paths(paths)
        return [(a.id, a.text, a.body_start) for a in result.articles]
    out: list[tuple[str, str, int]] = []
    for p in map(Path, paths):
        files = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        for f in files:
            text = f.read_text(encoding="utf-8")
            m = _DATE_LINE.match(text)
            ident = f.relative_to(p).as_posix() if p.is_dir() else f.name
            out.append((ident, text, m.end() if m else 0))
    return out


def entities_for_paths(
    paths: Sequence[str | Path], nlp: object | None = None
) -> dict[str, list[Entity]]:
    """Run the NER pipeline over the article files under `paths`.

    Returns {article id: entities}; the id is the file name relative to the corpus
    root ("101_kremlin-wacht-op-signalen.txt"); offsets are into `Article.text`.
    """
    from timeline.ner import analyse_texts, get_pipeline

    pipeline = nlp if nlp is not None else get_pipeline()
    items = _article_bodies(paths)
    results = analyse_texts(pipeline, ((text[start:], start) for _, text, start in items))  # type: ignore[arg-type]
    return {ident: ents for (ident, _, _), ents in zip(items, results, strict=True)}
