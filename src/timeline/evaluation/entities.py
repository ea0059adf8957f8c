"""Entity evaluation against a gold file of distinct (string, label) pairs per article.

Gold format (JSON lines), one line per article:

    {"article": "101_kremlin-wacht-op-signalen.txt", "entities": [["Kremlin", "ORG"], ...]}

The gold lists the DISTINCT (string, label) pairs of an article, so the system's
entities are reduced to the same set per article and the two sets are compared.
Only PER, ORG and LOC are scored; MISC is ignored on both sides.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field
from spacy.language import Language

from timeline.loader import load_paths
from timeline.ner import extract_entities, get_pipeline
from timeline.schema import Article, Entity

SCORED_LABELS: tuple[str, ...] = ("PER", "ORG", "LOC")


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


def evaluate_entities(gold_path: Path, predicted: Mapping[str, Sequence[Entity]]) -> EntityReport:
    """Compare the system's distinct (text, label) pairs with the gold, article by article.

    Articles in `predicted` but not in the gold are not scored; gold articles that
    are not in `predicted` count as all misses and are listed in `missing_articles`.
    """
    gold = load_gold(gold_path)
    counts = {lab: [0, 0, 0] for lab in SCORED_LABELS}
    misses: list[EntityError] = []
    spurious: list[EntityError] = []
    missing: list[str] = []
    for article in sorted(gold):
        want = _scored(gold[article])
        if article not in predicted:
            missing.append(article)
            got: set[tuple[str, str]] = set()
        else:
            got = _scored((e.text, e.label) for e in predicted[article])
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


def entities_for_articles(nlp: Language, articles: Iterable[Article]) -> dict[str, list[Entity]]:
    """Run the NER pipeline over each article's body: {article id: entities}.

    Offsets are into `Article.text` (`extract_entities(doc, article.body_start)`).
    """
    items = list(articles)
    docs = nlp.pipe((a.body for a in items), batch_size=32)
    return {a.id: extract_entities(doc, a.body_start) for a, doc in zip(items, docs, strict=True)}


def entities_for_paths(
    paths: Sequence[str | Path], nlp: Language | None = None
) -> dict[str, list[Entity]]:
    """Load the article files under `paths` and run `entities_for_articles` on them.

    The id is the file name relative to the corpus root ("101_kremlin-wacht-op-signalen.txt").
    """
    pipeline = nlp if nlp is not None else get_pipeline()
    return entities_for_articles(pipeline, load_paths([Path(p) for p in paths]).articles)
