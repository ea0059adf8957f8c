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


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from timeline.ner import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
