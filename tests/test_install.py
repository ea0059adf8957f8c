"""The tool as users install it: sdist → wheel → a fresh virtual environment, model included.

`python -m build` makes the sdist and then the wheel from that sdist, so both are
exercised. The wheel goes into a new venv (dependencies from the package index, as
`pip install` or `pipx install` would get them) and `timeline build` runs on the
bundled articles from a directory outside the checkout; its JSON must equal the
development install's byte for byte.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_MODEL_BYTES = 20 * 1024 * 1024


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return out


def test_sdist_and_wheel_carry_the_models(dist: Path) -> None:
    (sdist,) = dist.glob("timeline-*.tar.gz")
    (wheel,) = dist.glob("timeline-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        infos = {i.filename: i.file_size for i in zf.infolist()}
    for name in ("ner-nl", "syntax-nl"):
        assert f"timeline/models/{name}/meta.json" in infos, name
    model_bytes = sum(n for f, n in infos.items() if f.startswith("timeline/models/"))
    assert model_bytes < MAX_MODEL_BYTES
    assert sdist.stat().st_size > 0


def test_installed_wheel_builds_like_the_checkout(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("timeline-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"TIMELINE_MODEL_DIR", "TIMELINE_SYNTAX_DIR", "PYTHONPATH"}
    }

    def timeline(python: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(python), "-m", "timeline", *args],
            cwd=work,
            env=clean,
            capture_output=True,
            text=True,
        )

    build = ["build", str(ROOT / "data"), "--no-cache", "-o"]
    installed = timeline(py, *build, "out.json")  # the installed wheel
    assert installed.returncode == 0, installed.stderr
    scripted = subprocess.run(  # its console script, from a directory outside the checkout
        [str(env_dir / "bin" / "timeline"), "--version"],
        cwd=work,
        env=clean,
        capture_output=True,
        text=True,
    )
    assert "nl_ner_nl 0.1.0" in scripted.stdout and "nl_timeline_syntax 0.1.0" in scripted.stdout
    here = timeline(sys.executable, *build, "dev.json")  # the development install
    assert here.returncode == 0, here.stderr
    assert (work / "out.json").read_bytes() == (work / "dev.json").read_bytes()
