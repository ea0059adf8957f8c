"""A bounded run of the atheris (libFuzzer) target, bench/atheris_fuzz.py, in CI.

Skipped where atheris is not installed (the test extra installs it on Linux x86-64).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.errors import ArticleError
from timeline.loader import parse_article
from timeline.timex import find_timexes

from .conftest import ROOT

RUNS = int(os.environ.get("TIMELINE_ATHERIS_RUNS", "3000"))


@pytest.mark.fuzz
def test_atheris_target_bounded_run(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    target = ROOT / "bench" / "atheris_fuzz.py"
    proc = subprocess.run(
        [sys.executable, str(target), f"-runs={RUNS}", "-seed=1", f"-artifact_prefix={tmp_path}/"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = proc.stdout + proc.stderr  # atheris prints the Python traceback on stdout
    assert proc.returncode == 0, output[-3000:]
    assert f"Done {RUNS} runs" in output


# Crashes the fuzzer found at once: a date line in year 0, 1 or 9999 made date
# arithmetic leave dt.date's range. Years outside 1800–2200 are now malformed date
# lines, and a time expression that would leave the calendar resolves to nothing.
def test_year_zero_date_line_is_reported() -> None:
    with pytest.raises(ArticleError, match="year 0 is not in 1800"):
        parse_article("date 0000-02 Trump belde gisteren met Poetin.", "a.txt")


@pytest.mark.parametrize(
    "text",
    ["date 0001-03 Trump belde in februari met Poetin.", "date 9999-12-31 Volgend jaar."],
)
def test_dates_at_the_edge_of_the_calendar_are_reported(text: str) -> None:
    with pytest.raises(ArticleError, match="is not in 1800"):
        parse_article(text, "a.txt")


def test_time_expression_beyond_the_calendar_resolves_to_nothing() -> None:
    article = parse_article("date 2025-02-12 Over 9000 jaar spreken ze elkaar weer.", "a.txt")
    assert all(t.latest is None or t.latest.year <= 9999 for t in find_timexes(article))
