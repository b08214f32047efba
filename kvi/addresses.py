"""Where every page lives, in one place: its source path in a language's Markdown tree, its URL,
its output file, and relative links between pages (MkDocs' File is the model).

Every language has the same tree below its root ('' for German, 'en/' etc.: Language.prefix),
and pages have directory URLs: jva/jva-koeln.md is written to jva/jva-koeln/index.html and read
at jva/jva-koeln/. Pages made from data live in one folder per kind; the files at the site root
(data exports, PDFs) are named here too.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from kvi.languages import Language

# Kind → folder with one page per record (visit cards are pages about prisons).
FOLDERS = {"districts": "kreise", "prisons": "jva", "offers": "angebote", "events": "termine",
           "visit_cards": "besuchskarten"}
# Kind → the page that lists all its records (towns have no pages of their own, only the A–Z list).
INDEXES = {"districts": "kreise/index.md", "municipalities": "orte/index.md", "prisons": "jva/index.md",
           "offers": "angebote/index.md", "events": "termine/index.md", "glossary": "glossar.md",
           "cooperations": "fachleute/netzwerk.md"}
EXPORTS = "daten/"  # machine-readable data (kvi.exports), at the site root
PDFS = "pdf/"  # PDFs of the printed pages (kvi.pdf), at the site root


@dataclass(frozen=True)
class Address:
    """A page's address, the same in every language."""

    path: str  # source path in a language's Markdown tree: jva/jva-koeln.md, index.md, kreise/index.md

    def __post_init__(self) -> None:
        if not self.path.endswith(".md") or self.path.startswith("/"):
            raise ValueError(f"a page path is relative and ends in .md, not '{self.path}'")

    @classmethod
    def at(cls, url: str) -> Address:
        """The page read at a URL below a language's root (a page without source: a forwarding page)."""
        if url and not url.endswith("/"):
            raise ValueError(f"a page URL ends with '/', not '{url}'")
        return cls(url + "index.md")

    @property
    def url(self) -> str:
        """URL below a language's root: jva/jva-koeln/, kreise/ for kreise/index.md, '' for the home page."""
        folder, name = posixpath.split(self.path.removesuffix(".md"))
        url = folder if name == "index" else posixpath.join(folder, name)
        return url + "/" if url else ""

    @property
    def file(self) -> str:
        """Output file below a language's root: jva/jva-koeln/index.html."""
        return self.url + "index.html"

    def url_in(self, language: Language) -> str:
        """URL below the site root in a language: en/jva/jva-koeln/."""
        return language.prefix + self.url

    def file_in(self, language: Language) -> str:
        """Output file below the site root in a language: en/jva/jva-koeln/index.html."""
        return language.prefix + self.file

    def url_from(self, page: Address) -> str:
        """This page's URL relative to another page of the same language, with a trailing slash:
        ../../jva/jva-koeln/ from kreise/koeln/, ./ from itself, ../../ from there to the home page."""
        return posixpath.relpath("/" + self.url, "/" + page.url) + "/"

    def site_file(self, language: Language, name: str) -> str:
        """Relative address of a file below the site root (an export, a PDF, another language's
        page) from this page in a language: up to the root, then the name as given."""
        up = posixpath.relpath("/", "/" + self.url_in(language))
        return name if up == "." else f"{up}/{name}"


def page_of(kind: str, record_id: str) -> Address:
    """The page of a record: page_of("prisons", "jva-koeln") is jva/jva-koeln.md."""
    return Address(f"{FOLDERS[kind]}/{record_id}.md")


def index_of(kind: str) -> Address:
    """The page that lists every record of a kind: index_of("prisons") is jva/index.md."""
    return Address(INDEXES[kind])


def export_file(name: str) -> str:
    """A data export below the site root: daten/termine.ics."""
    return EXPORTS + name


def pdf_file(code: str, lang: str) -> str:
    """A printed page's PDF below the site root; the language is in the name so a download says it."""
    return f"{PDFS}{code}-{lang}.pdf"
