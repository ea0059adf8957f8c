"""The Dutch linguistic layer: tags, morphology, lemmas and dependency trees.

The project's own syntax pipeline (`models/syntax-nl`, trained by
`training/syntax/` on the UD Dutch treebanks) runs after the NER pipeline, on
the same `Doc`: `add_syntax` wraps its components in one component,
`timeline_syntax`, that shares the NER pipeline's vocabulary. Its tok2vec writes
`doc.tensor` after NER has used its own, and its tagger, morphologizer,
lemmatizer and parser read that tensor (spaCy's listeners do so at inference).

`extract_tokens` turns the annotated `Doc` into `schema.Token`s (offsets in the
article text) that the event builder and `timeline inspect` read; the helpers
below give the few views of the tree the builder needs, by token index.
"""

from __future__ import annotations

import gzip
import json
import os
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from timeline.resources import shipped_model_dir
from timeline.schema import Token

SYNTAX_ENV = "TIMELINE_SYNTAX_DIR"
COMPONENT = "timeline_syntax"
LEMMA_TABLE = "nl_lemma_lookup.json.gz"
# parts of speech whose trainable lemma gives way to the table when the table knows
# the word and the lemma given is no lemma the table knows ("bereidden" → "bereiden")
OPEN_CLASSES = frozenset({"VERB", "AUX", "ADJ", "NOUN"})


def default_syntax_dir() -> Path:
    """$TIMELINE_SYNTAX_DIR, else the shipped `syntax-nl` (models/syntax-nl)."""
    env = os.environ.get(SYNTAX_ENV)
    return Path(env) if env else shipped_model_dir("syntax-nl")


def default_lemma_table() -> Path:
    """The Dutch lemma lookup table shipped in `models/lemma-nl` (see its README)."""
    return shipped_model_dir("lemma-nl") / LEMMA_TABLE


class LemmaBackoff:
    """The trainable lemmatizer backs off to a lookup table (spacy-lookups-data's
    Dutch `lemma_lookup`): where it left the word form as it is, or gave an
    open-class word a lemma the table does not know, the table's lemma is taken.
    On UD Alpino test this lifts lemma accuracy from 0.929 to 0.953 (models/README.md)."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self.known = frozenset(v.lower() for v in table.values())

    @classmethod
    def load(cls, path: Path) -> LemmaBackoff | None:
        if not path.is_file():
            return None
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return cls(json.load(fh))

    def lemma(self, text: str, pos: str, lemma: str) -> str:
        found = self.table.get(text.lower()) or self.table.get(text) or self.participle(pos, lemma)
        if not found:
            return lemma
        given = lemma.replace("_", "").lower()
        unchanged = given == text.lower() and found.lower() != given
        unknown = pos in OPEN_CLASSES and given != found.lower() and given not in self.known
        return found if unchanged or unknown else lemma

    def participle(self, pos: str, lemma: str) -> str | None:
        """A separable verb's participle that the model lemmatised as particle plus
        participle ("op_gegeven"): the particle and the participle's own lemma
        ("op_geven"), from the table, else a strong participle without its "ge-"."""
        particle, sep, rest = lemma.partition("_")
        if not sep or pos not in ("VERB", "AUX"):
            return None
        base = self.table.get(rest)
        if base is None and rest.startswith("ge") and rest.endswith("en") and len(rest) > 5:
            base = rest[2:]  # "gegeven" → "geven": most strong verbs keep their vowel
        return f"{particle}_{base}" if base else None

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            better = self.lemma(tok.text, tok.pos_, tok.lemma_)
            if better != tok.lemma_:
                tok.lemma_ = better
        return doc


class SyntaxComponent:
    """The syntax pipeline's components, run in order on a Doc of another pipeline,
    then the lemma backoff."""

    def __init__(self, nlp: Language, backoff: LemmaBackoff | None = None) -> None:
        self.pipeline = [(name, proc) for name, proc in nlp.pipeline]
        if backoff is not None:
            self.pipeline.append(("lemma_backoff", backoff))

    def __call__(self, doc: Doc) -> Doc:
        for _, proc in self.pipeline:
            doc = proc(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for _, proc in self.pipeline:
            if hasattr(proc, "pipe"):
                docs = proc.pipe(docs, batch_size=batch_size)
            else:
                docs = map(proc, docs)
        yield from docs


@spacy.registry.tokenizers("timeline.unused_tokenizer.v1")
def _unused_tokenizer() -> Callable[[Language], Callable[[str], Doc]]:
    """A tokenizer that costs nothing to build, for a pipeline whose components only
    ever run on Docs another pipeline tokenized (the Dutch exceptions take a second)."""

    def create(nlp: Language) -> Callable[[str], Doc]:
        return lambda text: Doc(nlp.vocab, words=text.split())

    return create


_NO_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "timeline.unused_tokenizer.v1"}}}


@Language.factory(COMPONENT, default_config={"path": "", "lemma_table": ""})
def _make_syntax(nlp: Language, name: str, path: str, lemma_table: str) -> SyntaxComponent:
    backoff = LemmaBackoff.load(Path(lemma_table)) if lemma_table else None
    # its own tokenizer is never used (the NER pipeline's tokenizes): neither built nor read
    syntax = spacy.load(path, vocab=nlp.vocab, exclude=["tokenizer"], config=_NO_TOKENIZER)
    return SyntaxComponent(syntax, backoff)


def add_syntax(nlp: Language, path: Path | None = None) -> bool:
    """Append the syntax pipeline at `path` to `nlp`; False when there is none."""
    path = path if path is not None else default_syntax_dir()
    if not (path / "meta.json").is_file():
        return False
    table = default_lemma_table()
    config = {"path": str(path), "lemma_table": str(table) if table.is_file() else ""}
    nlp.add_pipe(COMPONENT, last=True, config=config)
    return True


# Verb forms the Dutch fine tags (CGN/Lassy "WW|...") spell out
_VERB_FORMS = (
    ("WW|pv|tgw", "Tense=Pres|VerbForm=Fin"),
    ("WW|pv|verl", "Tense=Past|VerbForm=Fin"),
    ("WW|pv|conj", "VerbForm=Fin"),
    ("WW|vd", "VerbForm=Part"),
    ("WW|od", "VerbForm=Part"),
    ("WW|inf", "VerbForm=Inf"),
)


def reconcile(pos: str, tag: str, morph: str) -> tuple[str, str]:
    """UPOS and morphology made to agree with the Dutch fine tag where that says verb.

    The tagger (fine tags) and the morphologizer (UPOS, features) are trained apart and
    now and then disagree ("gebeld": NOUN, but WW|vd). The fine tag is the more
    detailed reading, so a verb tag makes the token a verb with its tense and form."""
    if not tag.startswith("WW") or (pos in ("VERB", "AUX") and "VerbForm" in morph):
        return pos, morph
    form = next((f for prefix, f in _VERB_FORMS if tag.startswith(prefix)), "")
    return ("VERB" if pos not in ("VERB", "AUX") else pos), form or morph


def extract_tokens(doc: Doc, offset: int = 0, first: int = 0) -> list[Token]:
    """The tokens of `doc` with their analysis, offsets shifted by `offset` and token
    indexes by `first` (the tokens of the pieces before, for a body read in pieces)."""
    out = []
    for tok in doc:
        if tok.is_space:
            continue
        pos, morph = reconcile(tok.pos_, tok.tag_, str(tok.morph))
        out.append(
            Token.model_construct(  # spaCy gives the types: no validation per token
                i=tok.i + first,
                text=tok.text,
                start=tok.idx + offset,
                end=tok.idx + len(tok.text) + offset,
                lemma=tok.lemma_,
                pos=pos,
                tag=tok.tag_,
                morph=morph,
                dep=tok.dep_,
                head=tok.head.i + first,
            )
        )
    return out


class Tree:
    """Index over one article's tokens: by token index, by character offset, children."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = {t.i: t for t in tokens}
        self._children: dict[int, list[int]] = {}
        for t in tokens:
            if t.head != t.i:
                self._children.setdefault(t.head, []).append(t.i)
        self._starts = sorted((t.start, t.i) for t in tokens)
        self._offsets = [s for s, _ in self._starts]

    def __bool__(self) -> bool:
        return any(t.dep for t in self.tokens.values())

    def at(self, start: int, end: int) -> list[Token]:
        """The tokens inside the character span [start, end) of the article text."""
        lo = bisect_left(self._offsets, start)
        hi = bisect_left(self._offsets, end, lo)
        return [self.tokens[i] for _, i in self._starts[lo:hi]]

    def head_of(self, start: int, end: int) -> Token | None:
        """The token of [start, end) whose head lies outside it: the phrase's head."""
        toks = self.at(start, end)
        inside = {t.i for t in toks}
        return next((t for t in toks if t.head not in inside or t.head == t.i), None)

    def head(self, t: Token) -> Token | None:
        return None if t.head == t.i else self.tokens.get(t.head)

    def children(self, t: Token) -> list[Token]:
        return [self.tokens[i] for i in self._children.get(t.i, ())]

    def span(self, t: Token, skip: Iterable[Token] = ()) -> tuple[int, int]:
        """Character offsets (start, end) of the subtree of `t`, without the subtrees
        of the tokens in `skip`."""
        start, end = t.start, t.end
        skipped = {s.i for s in skip}
        todo = [t]
        while todo:
            cur = todo.pop()
            start, end = min(start, cur.start), max(end, cur.end)
            todo.extend(c for c in self.children(cur) if c.i not in skipped)
        return start, end

    def ancestors(self, t: Token) -> Iterator[Token]:
        seen = {t.i}
        cur = self.head(t)
        while cur is not None and cur.i not in seen:
            yield cur
            seen.add(cur.i)
            cur = self.head(cur)


def base_lemma(t: Token) -> str:
    """The lemma as one lower-case word: the treebank's separable-verb and compound
    lemmas ("uit_kijken") joined, the word form where there is no lemma."""
    return (t.lemma or t.text).lower().replace("_", "")


def feature(t: Token, name: str) -> str:
    """The value of one morphological feature ('' when absent): feature(t, 'Tense')."""
    for part in t.morph.split("|"):
        key, _, value = part.partition("=")
        if key == name:
            return value
    return ""
