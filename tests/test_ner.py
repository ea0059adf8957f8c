"""The shipped NER pipeline: provenance, knowledge-base precedence, evaluation."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span
from spacy.util import load_config

from timeline.errors import TimelineError
from timeline.evaluation.entities import evaluate_entities
from timeline.ner import (
    DEFAULT_MODEL_DIR,
    EntityContext,
    ModelNotFoundError,
    analyse_text,
    default_model_dir,
    extract_entities,
    load_pipeline,
)
from timeline.schema import Entity

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training" / "ner"
LABELS = {"PER", "ORG", "LOC", "MISC"}


def _meta() -> dict:  # type: ignore[type-arg]
    return json.loads((DEFAULT_MODEL_DIR / "meta.json").read_text(encoding="utf-8"))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- provenance: the model matches its sources ------------------------------------


def test_model_labels(nlp: Language) -> None:
    assert set(nlp.get_pipe("ner").labels) == LABELS  # type: ignore[attr-defined]
    assert set(_meta()["labels"]["ner"]) == LABELS


def test_model_trained_from_this_config() -> None:
    assert _meta()["timeline"]["config_sha256"] == _sha256(TRAINING / "config.cfg"), (
        "training/ner/config.cfg changed since models/ner-nl was trained: rerun train.sh"
    )


def test_model_architecture_matches_config() -> None:
    shipped = load_config(DEFAULT_MODEL_DIR / "config.cfg")
    source = load_config(TRAINING / "config.cfg")
    assert shipped["nlp"]["pipeline"] == source["nlp"]["pipeline"]
    assert shipped["nlp"]["lang"] == source["nlp"]["lang"] == "nl"
    assert shipped["components"] == source["components"]
    assert shipped["system"]["seed"] == source["system"]["seed"]


def test_model_trained_on_the_data_in_the_repo() -> None:
    recorded = _meta()["timeline"]["data_sha256"]
    assert recorded, "meta.json lists no training data"
    for rel, digest in recorded.items():
        assert _sha256(TRAINING / rel) == digest, f"{rel} changed since training"
    assert _meta()["sources"], "meta.json must credit its data sources"


def test_missing_model_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError) as info:
        load_pipeline(tmp_path / "nope")
    assert info.value.path == tmp_path / "nope"
    assert isinstance(info.value, TimelineError)
    assert "train.sh" in str(info.value)


def test_default_model_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TIMELINE_MODEL_DIR", raising=False)
    assert default_model_dir() == ROOT / "models" / "ner-nl" == DEFAULT_MODEL_DIR
    monkeypatch.setenv("TIMELINE_MODEL_DIR", str(tmp_path))
    assert default_model_dir() == tmp_path
    with pytest.raises(ModelNotFoundError):
        load_pipeline()


def test_pipeline_layout(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("entity_ruler") < names.index("ner")
    doc = nlp("Trump belde Poetin. Daarna sprak hij met Zelensky.")
    assert len(list(doc.sents)) == 2


def test_a_line_break_ends_a_sentence_for_the_parser(nlp: Language) -> None:
    # a headline without a full stop, then the lead: two sentences, two trees
    doc = nlp("Rutte spreekt vandaag met Macron\n\nDen Haag - De premier reist vanochtend af.")
    sents = [s for s in doc.sents if not s.text.isspace()]
    assert sents[0].text.strip() == "Rutte spreekt vandaag met Macron"
    for sent in sents:
        assert all(t.head.i in range(sent.start, sent.end) for t in sent if not t.is_space)


# --- known actors win over the statistical model ----------------------------------


def _ents(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    return [(e.text, e.label, e.actor) for e in analyse_text(nlp, text)]


def test_known_actor(nlp: Language) -> None:
    assert ("Zelensky", "PER", "zelensky") in _ents(nlp, "Zelensky sprak in Kyiv met Macron.")


def test_reporting_verb_not_in_span(nlp: Language) -> None:
    ents = _ents(nlp, '"We gaan praten", zei Trump.')
    assert ents == [("Trump", "PER", "trump")]


def test_possessive(nlp: Language) -> None:
    assert ("Trumps", "PER", "trump") in _ents(nlp, "Trumps plan viel slecht in Moskou.")


def test_gazetteer_and_context(nlp: Language) -> None:
    ents = _ents(nlp, "Het Kremlin reageerde niet. Witkoff was in het Kremlin.")
    assert ("Kremlin", "ORG", None) in ents
    assert ("Kremlin", "LOC", None) in ents
    assert ("Witkoff", "PER", "witkoff") in ents


def test_place_inside_a_longer_name(nlp: Language) -> None:
    text = "Het Kamerlid Ineke van Gent sprak in Gent met Trump."
    ents = analyse_text(nlp, text)
    city = text.rindex("Gent")
    assert [(e.start, e.label) for e in ents if e.text == "Gent"] == [(city, "LOC")]
    assert ("Trump", "PER", "trump") in _ents(nlp, text)


def test_offsets_are_shifted(nlp: Language) -> None:
    text = " date 2025-02 Poetin belde Trump."
    body_start = text.index("Poetin")
    ents = extract_entities(nlp(text[body_start:]), offset=body_start)
    for e in ents:
        assert text[e.start : e.end] == e.text
    assert [e.actor for e in ents] == ["putin", "trump"]


def test_unknown_names_still_found(nlp: Language) -> None:
    ents = _ents(nlp, "De Franse minister Jean-Noël Barrot sprak in Parijs met zijn collega.")
    assert any(label == "PER" and "Barrot" in text for text, label, _ in ents)


def test_name_after_a_title_is_a_person(nlp: Language) -> None:
    ents = _ents(nlp, "Burgemeester Opstelten van Rotterdam sprak met minister Netelenbos.")
    assert ("Opstelten", "PER", None) in ents
    assert ("Netelenbos", "PER", None) in ents
    assert ("Rotterdam", "LOC", None) in ents
    assert not any(text.startswith(("Burgemeester", "minister")) for text, _, _ in ents)


def test_name_ending_in_a_connector_takes_the_next_entity() -> None:
    doc = spacy.blank("nl")("Hij doceerde aan de University of Edinburgh en in Dublin .")
    doc.ents = [Span(doc, 4, 6, "ORG"), Span(doc, 6, 7, "LOC"), Span(doc, 9, 10, "LOC")]
    doc = EntityContext({})(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("University of Edinburgh", "ORG"),
        ("Dublin", "LOC"),
    ]


def test_adjacent_entities_without_a_connector_stay_apart() -> None:
    doc = spacy.blank("nl")("De Universitaire Instelling Antwerpen opende .")
    doc.ents = [Span(doc, 1, 3, "ORG"), Span(doc, 3, 4, "LOC")]
    doc = EntityContext({})(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Universitaire Instelling", "ORG"),
        ("Antwerpen", "LOC"),
    ]


# --- evaluate_entities --------------------------------------------------------------


def _ent(text: str, label: str) -> Entity:
    return Entity(text=text, start=0, end=len(text), label=label)  # type: ignore[arg-type]


def test_evaluate_entities(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"article": "a.txt", "entities": [["Trump", "PER"], ["Kyiv", "LOC"]]})
        + "\n"
        + json.dumps({"article": "b.txt", "entities": [["NAVO", "ORG"], ["Oscar", "MISC"]]})
        + "\n",
        encoding="utf-8",
    )
    analyses = {
        "a.txt": [_ent("Trump", "PER"), _ent("Trump", "PER"), _ent("Kyiv", "ORG")],
        "b.txt": [_ent("NAVO", "ORG"), _ent("Nobelprijs", "MISC")],
        "c.txt": [_ent("Poetin", "PER")],  # not in the gold: not scored
    }
    report = evaluate_entities(gold, analyses)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (2, 1, 1)
    assert report.per_label["PER"].f1 == 1.0
    assert report.per_label["LOC"].recall == 0.0
    assert report.per_label["ORG"].precision == 0.5
    assert [(m.text, m.label) for m in report.misses] == [("Kyiv", "LOC")]
    assert [(s.text, s.label) for s in report.spurious] == [("Kyiv", "ORG")]
    assert report.overall.f1 == pytest.approx(2 / 3)
    text = report.render()
    assert "overall" in text and "Kyiv" in text


def test_evaluate_missing_article(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"article": "a.txt", "entities": [["Trump", "PER"]]}) + "\n")
    report = evaluate_entities(gold, {})
    assert report.missing_articles == ["a.txt"]
    assert report.overall.fn == 1
    assert report.overall.f1 == 0.0
