"""The README documents every command and starts with the two Quick start commands."""

from __future__ import annotations

import re

from timeline.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    names = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
    assert names
    for name in names:
        assert f"timeline {name}" in README, name


def test_quick_start_has_two_commands_and_ci_runs_the_second() -> None:
    block = re.search(r"## Quick start\n+```\w*\n(.*?)```", README, re.S)
    assert block
    lines = [x for x in block.group(1).splitlines() if x.strip() and not x.startswith("#")]
    assert len(lines) == 2
    assert "timeline build data/" in lines[0]
    assert lines[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
