"""Addresses that outlive page names.

Everything printed (leaflets, visit cards) carries a short address /l/<code>/ that leads to the
page wherever it lives now; pages that were renamed keep their old address through the list in
data/redirects.yml. Both become small HTML pages that send the reader on, in every language,
so any static web host can serve them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from kvi import addresses, generate
from kvi.addresses import Address
from kvi.languages import SOURCE, Language
from kvi.model import Model
from kvi.pages import Page
from kvi.problems import Problem

PREFIX = "l"  # /l/<code>/


@dataclass(frozen=True)
class Printable:
    """A page meant for paper: it gets a short address, a QR code and a PDF per language."""

    code: str
    path: str  # page path, like material/besuch-mit-kindern.md
    languages: tuple[str, ...]  # languages with their own version of the page
    file: str  # where the code is defined, for messages
    line: int | None

    @property
    def address(self) -> Address:
        return Address(self.path)

    def pdf(self, lang: str) -> str:
        return addresses.pdf_file(self.code, lang)


def printables(trees: dict[str, dict[str, Page]], model: Model, languages: list[Language]) -> list[Printable]:
    """Leaflets (pages with a 'leaflet' code) and one visit card per prison that is not closed."""
    found = []
    for path, page in sorted(trees[SOURCE].items()):
        leaflet = page.meta.get("leaflet")
        if leaflet:
            own = tuple(language.code for language in languages if path in trees[language.code])
            found.append(Printable(leaflet["code"], path, own, page.file, leaflet.line_of("code")))
    everywhere = tuple(language.code for language in languages)
    for prison in generate.visit_card_prisons(model):
        found.append(Printable(prison.id, addresses.page_of("visit_cards", prison.id).path, everywhere, prison.file,
                               prison.line))
    return found


def short_path(code: str) -> str:
    return f"{PREFIX}/{code}/"


def short_url(base_url: str, language: Language, code: str) -> str:
    return f"{base_url}{language.prefix}{short_path(code)}"


def check(found: list[Printable], model: Model, page_paths: set[str]) -> list[Problem]:
    """Codes are unique; redirects lead from a page that is gone to one that exists."""
    problems = []
    first: dict[str, Printable] = {}
    for item in found:
        if item.code in first:
            other = first[item.code]
            problems.append(Problem(item.file, item.line, "code",
                                    f"short code '{item.code}' is already used by {other.file}:{other.line}; "
                                    "each printed page needs its own"))
        else:
            first[item.code] = item
    problems += [Problem(f"content/de/{path}", None, None,
                         f"the folder '{PREFIX}/' is reserved for short addresses; choose another folder")
                 for path in sorted(page_paths) if path.startswith(f"{PREFIX}/")]
    for entry in model.kinds.get("redirects", {}).values():
        fields = entry.fields
        if fields["to"] not in page_paths:
            problems.append(Problem(entry.file, fields.line_of("to"), "to",
                                    f"'{fields['to']}' is not a page; a redirect must lead to an existing page"))
        if fields["from"] in page_paths:
            problems.append(Problem(entry.file, fields.line_of("from"), "from",
                                    f"'{fields['from']}' is still a page; remove the redirect or the page"))
    return problems


def forwarding_pages(found: list[Printable], model: Model, languages: list[Language], base_url: str,
                     ui: dict[str, dict[str, str]], titles: dict[tuple[str, str], str]) -> dict[str, str]:
    """Path below the site root → HTML of a page that forwards to the current address."""
    moves = {short_path(item.code): item.address for item in found}
    for entry in model.kinds.get("redirects", {}).values():
        moves[Address(entry.fields["from"]).url] = Address(entry.fields["to"])
    template = Environment(loader=FileSystemLoader(generate.TEMPLATES), autoescape=True,
                           undefined=StrictUndefined).get_template("forward.html.j2")
    pages = {}
    for language in languages:
        for old, target in sorted(moves.items()):
            here = Address.at(old)
            pages[here.file_in(language)] = template.render(
                language=language, ui=ui[language.code], title=titles[(language.code, target.path)],
                relative=target.url_from(here), absolute=base_url + target.url_in(language))
    return pages


def write(pages: dict[str, str], site: Path) -> None:
    for path, html in pages.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
