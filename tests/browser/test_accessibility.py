"""axe-core (WCAG 2.2 AA rules) on each layout in German, Leichte Sprache and Arabic,
at phone and desktop width. The layouts are listed once, in kvi/layouts.py."""

from __future__ import annotations

import pytest

from kvi.layouts import LAYOUTS
from tests.browser.harness import run_axe

PREFIXES = ["", "ls/", "ar/"]
WIDTHS = {"phone": 360, "desktop": 1280}


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("prefix", PREFIXES, ids=["de", "ls", "ar"])
@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_no_axe_violations(browser, server, layout, prefix, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{server}{prefix}{layout.address}")
        if layout.query:
            page.locator(".kvi-search__results li").first.wait_for(timeout=10000)
        violations = run_axe(page)
        assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
        # Nothing scrolls sideways on a small phone.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()
