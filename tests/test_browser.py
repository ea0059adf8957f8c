"""The HTML export in a real browser (Debian's Chromium driven by Playwright).

Skipped when /usr/bin/chromium is missing, unless TIMELINE_REQUIRE_BROWSER is set
(as .ci/run does after installing it), in which case a missing browser fails.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

from .conftest import DATA, ROOT

CHROMIUM = Path("/usr/bin/chromium")
OUT = ROOT / "test-output"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("TIMELINE_REQUIRE_BROWSER"):
            pytest.fail("TIMELINE_REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
        pytest.skip("no /usr/bin/chromium (apt-get install chromium)")
    corpus = tmp_path_factory.mktemp("corpus")
    for p in DATA.glob("*.txt"):
        (corpus / p.name).write_bytes(p.read_bytes())
    (corpus / "999_hostile.txt").write_text(
        "date 2025-03-01 Trump belde gisteren met Poetin. <script>alert(1)</script> "
        '"><img src=x onerror=alert(1)> Het gesprek duurde een uur.',
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("html") / "timeline.html"
    result = CliRunner().invoke(app, ["build", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def test_html_timeline_in_chromium(page_html: Path) -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    errors: list[str] = []
    dialogs: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(page_html.as_uri())
        events = page.locator("[data-event-id]")
        n = events.count()
        assert n > 0
        ids = page.eval_on_selector_all("[data-event-id]", "els => els.map(e => e.dataset.eventId)")
        assert len(set(ids)) == n
        # filtering on one actor hides every event without that actor
        button = page.locator("button[data-actor='zelensky']")
        button.click()
        visible = page.eval_on_selector_all(
            "[data-event-id]",
            "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.participants)",
        )
        assert visible and all("zelensky" in v.split() for v in visible)
        assert len(visible) < n
        page.locator("#reset").click()
        page.screenshot(path=str(OUT / "timeline.png"), full_page=False)
        browser.close()
    assert not errors, errors
    assert not dialogs, dialogs  # the hostile article's script never ran
