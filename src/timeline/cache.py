"""The per-article analysis cache behind `timeline build` and `timeline diff`.

Analysing an article (NER, time expressions, event mentions) is the slow part of
a build and depends only on the article and on the pipeline. So each article's
result, the narrowed `Article` and its `ArticleAnalysis`, is kept as JSON files,
written atomically as soon as the article is done: a build that is killed midway
resumes where it stopped, and a build of an unchanged corpus analyses nothing.

Layout, under the cache directory (`default_cache_dir()`, or `--cache DIR`):

    analysis-v2/<fingerprint>/<key>.json          the article and its analysis, no tokens
    analysis-v2/<fingerprint>/<key>.tokens.json   the tokens, one array per field

The tokens (the linguistic layer) are most of an analysis but only `inspect` and
the re-dating of a narrowed article read them, so they have a file of their own,
in columns (`TokenColumns`), written before the entry: a build reads the small
entry of each article and the tokens of none (`get(..., tokens=False)`).

- `<fingerprint>` hashes everything the analysis depends on besides the article
  (`Fingerprint`): the package version, the code of the `timeline` package, the
  language data under `timeline/lang/`, the NER model files, the spaCy and
  Python versions and the focus actors. Any change gives a new directory, so a
  stale entry is never read; the least recently used directories beyond
  `KEEP_FINGERPRINTS` are removed when a cache is opened.
- `<key>` is the sha256 of the article id and its full decoded text (the date
  line included: it sets the article date, and offsets count from the start).

A missing, unreadable or corrupt entry is a miss: it is recomputed and
rewritten, with a warning for the corrupt one. The cache never makes a build
fail: when it cannot be written, the build goes on without it (and says so).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

import spacy
from pydantic import ValidationError

from timeline import __version__
from timeline.errors import OutputError
from timeline.ner import ModelNotFoundError
from timeline.output import write_atomic
from timeline.schema import Article, ArticleAnalysis, Model, Token
from timeline.syntax import default_lemma_table, default_syntax_dir

CACHE_ENV = "TIMELINE_CACHE_DIR"
NAMESPACE = "analysis-v2"
KEEP_FINGERPRINTS = 3
M = TypeVar("M", bound=Model)
_DIGEST = re.compile(r"\A[0-9a-f]{24}\Z")
_STALE_TMP_SECONDS = 3600.0


def default_cache_dir() -> Path | None:
    """$TIMELINE_CACHE_DIR, else $XDG_CACHE_HOME/timeline, else ~/.cache/timeline.

    None when there is no home directory to put it in.
    """
    if env := os.environ.get(CACHE_ENV):
        return Path(env)
    if (xdg := os.environ.get("XDG_CACHE_HOME")) and os.path.isabs(xdg):
        return Path(xdg) / "timeline"  # a relative value is ignored, as the XDG spec says
    try:
        return Path.home() / ".cache" / "timeline"
    except RuntimeError:
        return None


def _hash_tree(root: Path, pattern: str, skip: Iterable[str] = ()) -> str:
    """sha256 over the relative paths and contents of the files under `root`."""
    h = hashlib.sha256()
    skipped = frozenset(skip)
    for path in sorted(p for p in root.rglob(pattern) if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if skipped.intersection(path.relative_to(root).parts):
            continue
        h.update(rel.encode("utf-8") + b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


class Fingerprint(Model):
    """Everything an article's analysis depends on, apart from the article itself."""

    package_version: str
    code: str  # sha256 of the timeline package's Python sources
    lang_data: str  # sha256 of the files under timeline/lang/
    model: str  # sha256 of the NER model directory (meta.json, config, weights, word lists)
    syntax_model: str = ""  # sha256 of the syntax model directory ("" when none is shipped)
    spacy_version: str
    python: str
    focus: list[str]

    @classmethod
    def compute(cls, model_dir: Path, focus: Iterable[str]) -> Fingerprint:
        """The fingerprint of the installed pipeline with the model in `model_dir`.

        Raises ModelNotFoundError when `model_dir` is not a spaCy pipeline.
        """
        if not (model_dir / "meta.json").is_file():
            raise ModelNotFoundError(model_dir)
        package = Path(__file__).resolve().parent
        syntax_dir = default_syntax_dir()
        lemma_dir = default_lemma_table().parent
        return cls(
            package_version=__version__,
            code=_hash_tree(package, "*.py", skip=("__pycache__",)),
            lang_data=_hash_tree(package / "lang", "*"),
            model=_hash_tree(model_dir, "*"),
            syntax_model=_hash_tree(syntax_dir, "*") + _hash_tree(lemma_dir, "*")
            if syntax_dir.is_dir()
            else "",
            spacy_version=spacy.__version__,
            python=f"{sys.version_info.major}.{sys.version_info.minor}",
            focus=sorted(focus),
        )

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.model_dump_json().encode("utf-8")).hexdigest()[:24]


class CacheEntry(Model):
    """One cache file: an article as analysed (date narrowed) and its analysis."""

    format: Literal[1] = 1
    key: str
    fingerprint: str
    article: Article
    analysis: ArticleAnalysis


_TOKEN_FIELDS = ("i", "text", "start", "end", "lemma", "pos", "tag", "morph", "dep", "head")


class TokenColumns(Model):
    """An article's tokens as one array per `Token` field: a tenth of the JSON of a
    list of objects, and read back without validating each token."""

    format: Literal[1] = 1
    key: str
    i: list[int]
    text: list[str]
    start: list[int]
    end: list[int]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    morph: list[str]
    dep: list[str]
    head: list[int]

    @classmethod
    def of(cls, key: str, tokens: list[Token]) -> TokenColumns:
        columns = {f: [getattr(t, f) for t in tokens] for f in _TOKEN_FIELDS}
        return cls(key=key, **columns)

    def tokens(self) -> list[Token]:
        rows = zip(*(getattr(self, f) for f in _TOKEN_FIELDS), strict=True)
        return [Token.model_construct(**dict(zip(_TOKEN_FIELDS, row, strict=True))) for row in rows]


def article_key(article: Article) -> str:
    """The cache key of a loaded article: its id and full text, with the encoding it came in."""
    h = hashlib.sha256()
    for part in (article.id, article.encoding, article.text):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


@dataclass
class AnalysisCache:
    """The entries of one fingerprint under `root`; `warnings` collects what went wrong."""

    root: Path
    fingerprint: Fingerprint
    warnings: list[str] = field(default_factory=list)
    writable: bool = True
    readable: bool = True

    @property
    def directory(self) -> Path:
        return self.root / NAMESPACE / self.fingerprint.digest

    @classmethod
    def open(cls, root: Path, fingerprint: Fingerprint) -> AnalysisCache:
        """Open (creating it) the cache for `fingerprint`; prune old fingerprints."""
        cache = cls(root, fingerprint)
        try:
            cache.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            cache._cannot_write(exc)
            cache.readable = False
            return cache
        try:
            os.utime(cache.directory)  # last used: pruning keeps the most recent
        except OSError:
            return cache  # a read-only cache is still read
        cache._prune()
        return cache

    def path_for(self, article: Article) -> Path:
        return self.directory / f"{article_key(article)}.json"

    def tokens_path_for(self, article: Article) -> Path:
        return self.directory / f"{article_key(article)}.tokens.json"

    def get(
        self, article: Article, *, tokens: bool = True
    ) -> tuple[Article, ArticleAnalysis] | None:
        """The cached (narrowed article, analysis) of `article`, or None (a miss).

        With `tokens=False` the analysis comes without its tokens, and their file
        is not read."""
        if not self.readable:
            return None
        path = self.path_for(article)
        entry = self._read(path, article, CacheEntry)
        if entry is None or not self._belongs(path, entry, article):
            return None
        if not tokens:
            return entry.article, entry.analysis
        tokens_path = self.tokens_path_for(article)
        columns = self._read(tokens_path, article, TokenColumns)
        if columns is None:
            return None
        if columns.key != entry.key:
            self._corrupt(tokens_path, article, "tokens do not belong under this name")
            return None
        return entry.article, entry.analysis.model_copy(update={"tokens": columns.tokens()})

    def _read(self, path: Path, article: Article, model: type[M]) -> M | None:
        """The file at `path` as a `model`; None, with a warning unless it is missing."""
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self.warnings.append(f"{path}: cannot read cache entry ({exc.strerror or exc})")
            return None
        try:
            return model.model_validate_json(data)
        except (ValidationError, ValueError) as exc:
            reason = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            self._corrupt(path, article, reason)
            return None

    def _belongs(self, path: Path, entry: CacheEntry, article: Article) -> bool:
        if entry.key != path.stem or entry.fingerprint != self.fingerprint.digest:
            self._corrupt(path, article, "entry does not belong under this name")
            return False
        if entry.article.model_copy(update={"published": article.published}) != article:
            self._corrupt(path, article, "entry is for a different article")
            return False
        if entry.analysis.article != article.id:
            self._corrupt(path, article, "analysis is for a different article")
            return False
        return True

    def put(self, loaded: Article, narrowed: Article, analysis: ArticleAnalysis) -> None:
        """Store the analysis of the article `loaded` (atomically; a failure only warns)."""
        if not self.writable:
            return
        path = self.path_for(loaded)
        entry = CacheEntry(
            key=path.stem,
            fingerprint=self.fingerprint.digest,
            article=narrowed,
            analysis=analysis.model_copy(update={"tokens": []}),
        )
        columns = TokenColumns.of(path.stem, analysis.tokens)
        try:  # the tokens first: an entry is only there once its tokens are
            write_atomic(self.tokens_path_for(loaded), columns.model_dump_json())
            write_atomic(path, entry.model_dump_json())
        except OutputError as exc:
            self._cannot_write(exc)

    def _corrupt(self, path: Path, article: Article, reason: str) -> None:
        self.warnings.append(
            f"{path}: corrupt cache entry for {article.id} ignored ({reason}); analysed again"
        )

    def _cannot_write(self, exc: Exception) -> None:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.warnings.append(f"cache {self.root} cannot be written ({detail}); building without it")
        self.writable = False

    def _prune(self) -> None:
        """Remove all but the KEEP_FINGERPRINTS most recently used fingerprints; stale temp files."""
        namespace = self.root / NAMESPACE
        try:
            dirs = [p for p in namespace.iterdir() if p.is_dir() and _DIGEST.match(p.name)]
            dirs.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return
        for old in (p for p in dirs[KEEP_FINGERPRINTS:] if p != self.directory):
            shutil.rmtree(old, ignore_errors=True)
        now = time.time()
        try:
            for tmp in self.directory.glob(".*.tmp"):  # left by a build killed mid-write
                if now - tmp.stat().st_mtime > _STALE_TMP_SECONDS:
                    tmp.unlink(missing_ok=True)
        except OSError:
            return


def open_cache(root: Path | None, model_dir: Path, focus: Iterable[str]) -> AnalysisCache | None:
    """The cache under `root` for the pipeline in `model_dir` and `focus`; None for no cache."""
    if root is None:
        return None
    return AnalysisCache.open(root, Fingerprint.compute(model_dir, focus))
