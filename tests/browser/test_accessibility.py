"""axe-core (WCAG 2.2 AA rules) on each layout in German, Leichte Sprache and Arabic,
at phone and desktop width. Later page types add their address to LAYOUTS."""

from __future__ import annotations

import pytest

from tests.browser.harness import run_axe

# One page per layout; a new page type adds its address here.
LAYOUTS = {
    "home": "",
    "content": "erste-schritte/",
    "search with results": "suche/?q=Kinder",
    "404": "nicht-da/",
    "district": "kreise/kreis-borken/",
    "districts index": "kreise/",
    "towns A-Z": "orte/",
    "prison": "jva/jva-koeln/",
    "prisons index": "jva/",
    "offer": "angebote/bke-onlineberatung/",
    "offers index": "angebote/",
    "glossary": "glossar/",
    "children 4-7": "kinder/4-7/",
    "children 8-12": "kinder/8-12/",
    "teenagers": "kinder/13-17/",
    "family": "familie/besuch/",
    "accessibility statement": "barrierefreiheit/",
    "events": "termine/",
    "event": "termine/fachtagung-2025-12-16/",
    "leaflet": "material/besuch-mit-kindern/",
    "visit card": "besuchskarten/jva-willich-i/",
    "materials": "material/",
    "network partners": "fachleute/netzwerk/",
}
PREFIXES = ["", "ls/", "ar/"]
WIDTHS = {"phone": 360, "desktop": 1280}


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("prefix", PREFIXES, ids=["de", "ls", "ar"])
@pytest.mark.parametrize("path", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_no_axe_violations(browser, server, path, prefix, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{server}{prefix}{path}")
        if "?q=" in path:
            page.locator(".kvi-search__results li").first.wait_for(timeout=10000)
        violations = run_axe(page)
        assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
        # Nothing scrolls sideways on a small phone.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()
