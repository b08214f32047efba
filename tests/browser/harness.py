"""Headless Debian chromium driven by Playwright, and axe-core ready to inject.

Never downloads a browser: it uses /usr/bin/chromium, which `make test` installs.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from kvi.build import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    path = shutil.which("chromium")
    if not path:
        raise RuntimeError("Missing tool: Debian's chromium. Run 'make test' as root or: sudo apt-get install chromium")
    return path


@contextlib.contextmanager
def launch():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def run_axe(page: Page, tags: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")) -> list[dict]:
    """axe-core's violations on the loaded page (WCAG 2.2 AA rules)."""
    if not AXE.exists():
        raise RuntimeError("Missing tool: axe-core. Run 'make test' (it runs npm ci).")
    page.add_script_tag(path=str(AXE))
    return page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
                         list(tags))
