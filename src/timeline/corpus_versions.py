"""Older versions of the corpus, described by a `versions.json` file.

The file lists, per version, the article files of that version and the ones
whose text differed then::

    {"v1": {"articles": ["101_x.txt", ...],
            "replaced": {"138_y.txt": "v1/138_y.txt", ...}}}

An article listed in `replaced` is taken from the given path, relative to the
folder that holds `versions.json`; every other article comes from the current
articles folder.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path, PurePosixPath
from typing import Any

from timeline.errors import TimelineFileError

VERSION = "v1"


def _plain_name(name: object, versions_json: Path) -> str:
    if not isinstance(name, str) or not name:
        raise TimelineFileError(f"{versions_json}: article name {name!r} is not a file name")
    p = PurePosixPath(name)
    if p.name != name or name in {".", ".."} or "\\" in name:
        raise TimelineFileError(
            f"{versions_json}: article name {name!r} must be a plain file name, not a path"
        )
    return name


def _load(versions_json: Path) -> dict[str, Any]:
    try:
        data = json.loads(versions_json.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TimelineFileError(f"{versions_json}: cannot be read: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TimelineFileError(f"{versions_json}: is not valid JSON: {exc}") from exc
    version = data.get(VERSION) if isinstance(data, dict) else None
    if not isinstance(version, dict) or not isinstance(version.get("articles"), list):
        raise TimelineFileError(
            f"{versions_json}: has no {VERSION!r} entry with an 'articles' list"
        )
    replaced = version.get("replaced", {})
    if not isinstance(replaced, dict):
        raise TimelineFileError(f"{versions_json}: {VERSION}.replaced must be an object")
    return version


def materialise_version(versions_json: Path, articles_dir: Path, v1_dir: Path, dest: Path) -> Path:
    """Write the older corpus version (v1) into `dest` and return `dest`.

    Each article of `versions.json["v1"]["articles"]` is copied from
    `articles_dir`, except the ones in `"replaced"`: those come from their
    path relative to the folder of `versions.json` or, when that file does not
    exist, from the file of the same name in `v1_dir`. Raises
    `TimelineFileError` when `versions.json` is malformed or a file is missing.
    """
    version = _load(versions_json)
    replaced: dict[str, Any] = version.get("replaced", {})
    base = versions_json.parent
    plan: list[tuple[Path, str]] = []
    names = [_plain_name(n, versions_json) for n in version["articles"]]
    if len(set(names)) != len(names):
        raise TimelineFileError(f"{versions_json}: {VERSION}.articles lists a file twice")
    for name in names:
        if name in replaced:
            rel = replaced[name]
            if not isinstance(rel, str) or not rel:
                raise TimelineFileError(f"{versions_json}: replacement of {name!r} is not a path")
            candidates = [base / rel, v1_dir / PurePosixPath(rel).name]
        else:
            candidates = [articles_dir / name]
        src = next((c for c in candidates if c.is_file()), None)
        if src is None:
            tried = ", ".join(str(c) for c in candidates)
            raise TimelineFileError(f"{versions_json}: article {name!r} not found (tried {tried})")
        plan.append((src, name))
    unknown = sorted(set(replaced) - set(names))
    if unknown:
        raise TimelineFileError(
            f"{versions_json}: {VERSION}.replaced names articles not in the version: "
            + ", ".join(unknown)
        )
    dest.mkdir(parents=True, exist_ok=True)
    for src, name in plan:
        shutil.copyfile(src, dest / name)
    return dest
