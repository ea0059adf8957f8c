"""Writing results: atomically to a file, or to stdout."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from timeline.errors import OutputError


def write_atomic(path: Path, data: str) -> None:
    """Write `data` to `path` via a temporary file and a rename.

    A build killed mid-write leaves the previous output intact.
    """
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def emit(data: str, path: Path | None) -> None:
    if path is None or str(path) == "-":
        sys.stdout.write(data)
        sys.stdout.flush()
    else:
        write_atomic(path, data)
