"""Named entities: the project's own Dutch NER model plus a knowledge-base ruler.

The statistical pipeline lives in `models/ner-nl` (trained by `training/ner/`,
see `models/README.md`). At load time an `entity_ruler` is put BEFORE the `ner`
component, with patterns from

- the actor knowledge base (`lang/nl/actors.toml`): every name → PER, `id` = actor id;
- the general gazetteer `lang/nl/places.toml`: countries, cities, regions → LOC,
  institutions → ORG.

spaCy's `ner` keeps the entities a previous component has set and only labels the
tokens around them, so known actors always win; names the knowledge base does not
know are still found by the model. A `sentencizer` is added when the model has no
parser or senter, so `doc.sents` works.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from timeline.actors import load_actors
from timeline.errors import TimelineError
from timeline.resources import load_toml, shipped_model_dir
from timeline.schema import Entity, EntityLabel
from timeline.syntax import add_syntax

MODEL_ENV = "TIMELINE_MODEL_DIR"
DEFAULT_MODEL_DIR = shipped_model_dir("ner-nl")
LABELS: tuple[EntityLabel, ...] = ("PER", "ORG", "LOC", "MISC")
RULER_NAME = "entity_ruler"
COMMON_WORDS = "common_words.txt"
_SECTION_CODE = re.compile(r"^[A-Z]{0,2}\d+(?:\.\d+)+$")
_ADJECTIVE = re.compile(r"^[A-ZÀ-Ý][^\W\d_A-Z]+(?<!s)(?:se|sche)$")


class ModelNotFoundError(TimelineError, FileNotFoundError):
    """The NER model directory does not exist or is not a spaCy pipeline."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"NER model not found at {path}: train it with training/ner/train.sh "
            f"or point ${MODEL_ENV} at a model directory"
        )


def default_model_dir() -> Path:
    """The model directory: $TIMELINE_MODEL_DIR, else the shipped `ner-nl` (models/ner-nl)."""
    env = os.environ.get(MODEL_ENV)
    return Path(env) if env else DEFAULT_MODEL_DIR


def _is_title_prefixed(name: str, names: set[str]) -> bool:
    """'paus Leo XIV' when 'Leo XIV' is also a name: the title stays outside the span."""
    first, _, rest = name.partition(" ")
    return first.islower() and rest in names


def _groups() -> list[dict[str, Any]]:
    return list(load_toml("places.toml")["group"])


def _place_after() -> dict[str, frozenset[str]]:
    """Building name → the words after which it is a place (LOC), not an actor (ORG)."""
    out: dict[str, frozenset[str]] = {}
    for group in _groups():
        for name in group["names"]:
            if "place_after" in group:
                out[name] = frozenset(group["place_after"])
    return out


def _only_after() -> dict[str, tuple[str, frozenset[str]]]:
    """Name → (label, the words it must follow to be an entity)."""
    return {
        name: (group["label"], frozenset(group["only_after"]))
        for group in _groups()
        if "only_after" in group
        for name in group["names"]
    }


@Language.component("timeline_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: a headline, a dateline or a caption without a full
    stop is not parsed into the sentence of the next line (the parser and the entity
    recogniser respect boundaries set before them)."""
    for t in doc[:-1]:
        if t.is_space and "\n" in t.text:
            doc[t.i + 1].is_sent_start = True
    return doc


@Language.factory("timeline_context_names")
def _make_context_names(nlp: Language, name: str) -> ContextNames:
    return ContextNames(_only_after())


class ContextNames:
    """Before `ner`: names that are entities only after a cue word ("op X", "via X")."""

    def __init__(self, names: dict[str, tuple[str, frozenset[str]]]) -> None:
        self.names = names

    def __call__(self, doc: Doc) -> Doc:
        new: list[Span] = []
        for tok in doc:
            hit = self.names.get(tok.text) or self.names.get(tok.text.removesuffix("."))
            if hit is None or tok.i == 0 or tok.ent_type:
                continue
            label, cues = hit
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if doc[tok.i - 1].lower_ in cues and not (nxt is not None and nxt.is_title):
                new.append(Span(doc, tok.i, tok.i + 1, label=label))
        if new:
            doc.set_ents(new, default="unmodified")
        return doc


_PARTICLES = frozenset({"van", "de", "der", "den", "ter", "ten", "von", "da", "di", "del", "bin"})
# Words that join the parts of one institution's name ("University of Edinburgh",
# "Alliantie van Liberalen en Democraten voor Europa"): a name does not end in one.
_CONNECTORS = frozenset(
    {
        "of",
        "for",
        "van",
        "voor",
        "der",
        "des",
        "du",
        "de",
        "la",
        "di",
        "del",
        "von",
        "für",
        "te",
        "in",
    }
)


@cache
def person_titles() -> frozenset[str]:
    """Titles and role nouns that precede a person's name (`lang/nl/person_titles.toml`)."""
    return frozenset(load_toml("person_titles.toml")["titles"])


@Language.factory("timeline_embedded_names")
def _make_embedded_names(nlp: Language, name: str) -> EmbeddedNames:
    return EmbeddedNames()


class EmbeddedNames:
    """Before `ner`: drop a gazetteer match that is part of a longer unknown name.

    "Ineke van Gent", "Spartak Moskou": the place is inside another name, so the
    statistical model decides the whole span. Known actors (matches with an id)
    are always kept: they win. A neighbour counts as a name word when it is capitalised, not a
    nationality adjective and not a common lower-case word of the training text
    (`common`, set from the model's `common_words.txt`: "Volgens", "Het").
    """

    def __init__(self) -> None:
        self.common: frozenset[str] = frozenset()

    def _name_word(self, doc: Doc, i: int) -> bool:
        if i < 0 or i >= len(doc):
            return False
        tok = doc[i]
        return (
            tok.is_title
            and not tok.ent_type
            and tok.lower_ not in self.common
            and _ADJECTIVE.search(tok.text) is None
        )

    def _embedded(self, doc: Doc, ent: Span) -> bool:
        if ent.ent_id_ or not ent[0].is_title:  # actors win; acronyms (VS, EU) stand alone
            return False
        before = ent.start - 1
        if before >= 0 and doc[before].lower_ in _PARTICLES and doc[before].is_lower:
            before -= 1
        return self._name_word(doc, before) or self._name_word(doc, ent.end)

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        keep = [e for e in ents if not self._embedded(doc, e)]
        if len(keep) != len(ents):
            doc.set_ents(keep, default="outside")
        return doc


def _name_part(doc: Doc, i: int, inside: bool, by_token: dict[int, int]) -> bool:
    """Token `i` continues a name after a title: a capitalised word, or a particle
    inside the name before another capitalised, untagged word ("Von der Leyen")."""
    tok = doc[i]
    if tok.is_title and not tok.is_stop and _ADJECTIVE.search(tok.text) is None:
        return True
    return (
        inside
        and tok.is_lower
        and tok.lower_ in _PARTICLES
        and i + 1 < len(doc)
        and doc[i + 1].is_title
        and (i + 1) not in by_token
    )


@Language.factory("timeline_entity_context")
def _make_entity_context(nlp: Language, name: str) -> EntityContext:
    return EntityContext(_place_after())


class EntityContext:
    """After `ner`: guideline fixes that need the context of an entity.

    - A building that stands for its institution ("Kremlin", "Witte Huis") is LOC
      right after a locative word ("in het Kremlin"), else ORG ("het Kremlin zei").
    - An entity never spans a paragraph break (a sub-heading and the next line).
    - A one-token statistical LOC/ORG that is a capitalised adjective ("Russische",
      "Canadese") is dropped: nationality adjectives are not entities.
    - A one-token statistical entity at the start of a sentence or line that is a
      common lower-case word of the training text ("Natuurlijk", "Gesprekken") is
      dropped; `common` is the model's `common_words.txt`, `known` the ruler names.
    - A statistical entity with a section number in it ("U3.1.1.1", "M6.1") is
      dropped: document structure, not a name.
    - After a person title (`person_titles.toml`: "minister", "burgemeester"), capitalised
      words are a person: untagged or statistical non-PER ("minister [Netelenbos]");
      a statistical PER that starts with the title loses it ("[Aartsbisschop X Y]"
      → "Aartsbisschop [X Y]").
    - A statistical ORG/MISC that ends in a connector word ("[University of]
      [Edinburgh]", "[... Democraten voor] [Europa]": the ruler had tagged the place
      first) is one name with the LOC/ORG right after it, and keeps its own label.
    """

    def __init__(self, place_after: dict[str, frozenset[str]]) -> None:
        self.place_after = place_after
        self.common: frozenset[str] = frozenset()
        self.known: frozenset[str] = frozenset()

    def _adjective(self, ent: Span) -> bool:
        return (
            len(ent) == 1
            and ent.label_ in ("LOC", "ORG")
            and ent.text not in self.known
            and _ADJECTIVE.search(ent.text) is not None
        )

    def _initial_common_word(self, doc: Doc, ent: Span) -> bool:
        if len(ent) != 1 or ent.text in self.known or ent.ent_id_:
            return False
        tok = ent[0]
        if tok.lower_ not in self.common:
            return False
        i = tok.i
        while i > 0 and (doc[i - 1].is_punct or doc[i - 1].is_quote) and not doc[i].is_sent_start:
            i -= 1
        return i == 0 or bool(doc[i].is_sent_start) or "\n" in doc[i - 1].text_with_ws

    def _titled_names(self, doc: Doc) -> tuple[list[Span], bool]:
        """Entities with the title rule applied (see the class docstring)."""
        ents = list(doc.ents)
        changed = False
        by_token = {i: k for k, e in enumerate(ents) for i in range(e.start, e.end)}
        for k, ent in enumerate(ents):
            if (
                ent.label_ == "PER"
                and not ent.ent_id_
                and len(ent) > 1
                and ent[0].lower_ in person_titles()
                and ent[1].is_title
            ):
                ents[k] = Span(doc, ent.start + 1, ent.end, label="PER")
                changed = True
        for tok in doc[:-1]:
            if tok.lower_ not in person_titles() or tok.i in by_token:
                continue
            start = end = tok.i + 1
            while end < len(doc) and _name_part(doc, end, end > start, by_token):
                end += 1
            if end == start or end - start > 4:
                continue
            hit = {by_token[i] for i in range(start, end) if i in by_token}
            if not hit:
                ents.append(Span(doc, start, end, label="PER"))
                changed = True
                continue
            if len(hit) != 1:
                continue
            k = hit.pop()
            ent = ents[k]
            if (
                ent.start == start
                and ent.end == end
                and ent.label_ != "PER"
                and not ent.ent_id_
                and ent.text not in self.known
            ):
                ents[k] = Span(doc, start, end, label="PER")
                changed = True
        if changed:
            ents.sort(key=lambda e: e.start)
        return ents, changed

    @staticmethod
    def _joined(doc: Doc, ents: list[Span]) -> tuple[list[Span], bool]:
        """Entities with the connector rule applied (see the class docstring)."""
        out: list[Span] = []
        changed = False
        for ent in ents:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.end == ent.start
                and len(prev) > 1
                and prev.label_ in ("ORG", "MISC")
                and not prev.ent_id_
                and prev[-1].lower_ in _CONNECTORS
                and prev[0].is_title
                and ent.label_ in ("LOC", "ORG")
                and "\n" not in prev[-1].whitespace_
            ):
                out[-1] = Span(doc, prev.start, ent.end, label=prev.label_)
                changed = True
                continue
            out.append(ent)
        return out, changed

    def __call__(self, doc: Doc) -> Doc:
        ents: list[Span] = []
        titled, changed = self._titled_names(doc)
        titled, joined = self._joined(doc, titled)
        changed = changed or joined
        for ent in titled:
            if (
                "\n" in ent.text
                or self._initial_common_word(doc, ent)
                or self._adjective(ent)
                or (not ent.ent_id_ and any(_SECTION_CODE.match(t.text) for t in ent))
            ):
                changed = True
                continue
            cues = self.place_after.get(ent.text)
            if cues is not None and ent.label_ in ("ORG", "LOC"):
                i = ent.start - 1
                if i >= 0 and doc[i].lower_ in ("het", "de"):
                    i -= 1
                label = "LOC" if i >= 0 and doc[i].lower_ in cues else "ORG"
                if label != ent.label_:
                    ent = Span(
                        doc, ent.start, ent.end, label=label, kb_id=ent.kb_id, span_id=ent.id
                    )
                    changed = True
            ents.append(ent)
        if changed:
            doc.ents = ents
        return doc


def ruler_patterns() -> list[dict[str, Any]]:
    """Entity-ruler patterns: actor names (PER, with id) and the places gazetteer."""
    patterns: list[dict[str, Any]] = []
    actor_names: set[str] = set()
    base = load_actors()
    all_names = {n for a in base.actors for n in a.names}
    for actor in base.actors:
        for name in actor.names:
            if _is_title_prefixed(name, all_names):
                continue
            patterns.append({"label": "PER", "pattern": name, "id": actor.id})
            actor_names.add(name)
    for group in _groups():
        if "only_after" in group:
            continue
        label = group["label"]
        for name in group["names"]:
            if name not in actor_names:
                patterns.append({"label": label, "pattern": name})
    return patterns


def load_pipeline(model_dir: Path | None = None) -> Language:
    """The full NER pipeline: sentencizer, entity ruler, statistical ner.

    Raises ModelNotFoundError when the model directory is missing.
    """
    path = Path(model_dir) if model_dir is not None else default_model_dir()
    if not (path / "meta.json").is_file() or not (path / "config.cfg").is_file():
        raise ModelNotFoundError(path)
    nlp = spacy.load(path)
    if not any(name in nlp.pipe_names for name in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("timeline_line_breaks", after=nlp.pipe_names[0])
    ruler_config = {"phrase_matcher_attr": "ORTH", "overwrite_ents": True}
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner", config=ruler_config)
    else:
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config=ruler_config)
    patterns = ruler_patterns()
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    nlp.add_pipe("timeline_context_names", after=RULER_NAME)
    embedded = nlp.add_pipe("timeline_embedded_names", after="timeline_context_names")
    context = nlp.add_pipe("timeline_entity_context", last=True)
    common = path / COMMON_WORDS
    if common.is_file():
        words = frozenset(common.read_text(encoding="utf-8").split())
        context.common = words  # type: ignore[attr-defined]
        embedded.common = words  # type: ignore[attr-defined]
    context.known = frozenset(str(p["pattern"]) for p in patterns)  # type: ignore[attr-defined]
    add_syntax(nlp)  # the linguistic layer (models/syntax-nl), when shipped
    return nlp


@cache
def get_pipeline() -> Language:
    """`load_pipeline()` loaded once per process (for callers that share it)."""
    return load_pipeline()


def _actor_for(ent: Span, by_name: dict[str, str], ids: frozenset[str]) -> str | None:
    if ent.ent_id_ and ent.ent_id_ in ids:
        return ent.ent_id_
    if ent.label_ != "PER":
        return None
    text = ent.text
    for cand in (text, text.removesuffix("'s"), text.removesuffix("’s"), text.removesuffix("s")):
        if cand in by_name:
            return by_name[cand]
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a sentence-final period glued to an abbreviation ('VS.' → 'VS')."""
    body = text[start:end]
    if body.endswith(".") and "." not in body[:-1] and len(body) > 1:
        return start, end - 1
    return start, end


def extract_entities(doc: Doc, offset: int = 0) -> list[Entity]:
    """The PER/ORG/LOC/MISC entities of `doc`, offsets shifted by `offset`.

    `offset` is where the doc's text starts in `Article.text` (the body start).
    `actor` is the knowledge-base id when the entity names a known actor.
    """
    base = load_actors()
    by_name = base.by_name()
    ids = frozenset(a.id for a in base.actors)
    out: list[Entity] = []
    text = doc.text  # built anew from the tokens on every access: once, not per entity
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if start >= end:
            continue
        out.append(
            Entity(
                text=text[start:end],
                start=start + offset,
                end=end + offset,
                label=ent.label_,  # type: ignore[arg-type]
                actor=_actor_for(ent, by_name, ids),
            )
        )
    return out


def analyse_text(nlp: Language, text: str, offset: int = 0) -> list[Entity]:
    """Run the pipeline over `text` and return its entities (offsets + `offset`)."""
    return extract_entities(nlp(text), offset)


def analyse_texts(
    nlp: Language, texts: Iterable[tuple[str, int]], batch_size: int = 32
) -> list[list[Entity]]:
    """Batch version of `analyse_text`: (text, offset) pairs → entities per text."""
    items = list(texts)
    docs = nlp.pipe((t for t, _ in items), batch_size=batch_size)
    return [extract_entities(doc, off) for doc, (_, off) in zip(docs, items, strict=True)]
