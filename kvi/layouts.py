"""One representative page per layout. The quality checks (axe-core, HTML validation, privacy,
keyboard, zoom, weight budgets) and the benchmark all walk this list: a new page type adds its
line here and is checked everywhere."""

from __future__ import annotations

from dataclasses import dataclass

TEXT_BUDGET = 70  # KB gzip for the first load of a text page: HTML + CSS + JS + images
PICTURE_BUDGET = 90  # children's pages carry an illustration


@dataclass(frozen=True)
class Layout:
    path: str  # below a language's root
    budget: int = TEXT_BUDGET
    query: str = ""  # search pages: the query that shows results

    @property
    def address(self) -> str:
        return self.path + (f"?{self.query}" if self.query else "")


LAYOUTS = {
    "home": Layout(""),
    "content": Layout("erste-schritte/"),
    "search with results": Layout("suche/", query="q=Kinder"),
    "404": Layout("404.html"),
    "district": Layout("kreise/kreis-borken/"),
    "districts index": Layout("kreise/"),
    "towns A-Z": Layout("orte/"),
    "prison": Layout("jva/jva-koeln/"),
    "prisons index": Layout("jva/"),
    "offer": Layout("angebote/bke-onlineberatung/"),
    "offers index": Layout("angebote/"),
    "glossary": Layout("glossar/"),
    "children 4-7": Layout("kinder/4-7/", PICTURE_BUDGET),
    "children 8-12": Layout("kinder/8-12/", PICTURE_BUDGET),
    "teenagers": Layout("kinder/13-17/", PICTURE_BUDGET),
    "family": Layout("familie/besuch/"),
    "accessibility statement": Layout("barrierefreiheit/"),
    "events": Layout("termine/"),
    "event": Layout("termine/fachtagung-2025-12-16/"),
    "leaflet": Layout("material/besuch-mit-kindern/"),
    "visit card": Layout("besuchskarten/jva-willich-i/"),
    "materials": Layout("material/"),
    "network partners": Layout("fachleute/netzwerk/"),
    "editors' report": Layout("redaktion/"),
}
