"""Shared fixtures: the repository paths and one spaCy pipeline per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FIXTURES = ROOT / "tests" / "fixtures"
DEV = FIXTURES / "dev"
SEEDS = sorted(DATA.glob("00*.txt"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite the golden outputs under tests/golden"
    )


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """CLI builds cache their analyses here, never in the user's ~/.cache."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TIMELINE_CACHE_DIR", str(tmp_path_factory.mktemp("timeline-cache")))
        yield


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from timeline.ner import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
