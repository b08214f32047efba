"""Pages made from data, in every language: one per district, prison and offer, their indexes,
the glossary and the A–Z list of towns. Templates live in templates/; the language is a
parameter of rendering, never a copy of a template.

Generated pages are Markdown with HTML blocks. Every value from data is escaped (Jinja
autoescape); readers' text fields allow no markup beyond paragraphs.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from kvi import formatting, pdf
from kvi.languages import SOURCE, Language
from kvi.model import CLOSED, OPERATOR_ID, ORGANISATION_ID, Model, Record

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
LEGAL_PAGES = ("impressum", "datenschutz", "barrierefreiheit", "kontakt")


@dataclass(frozen=True)
class DataPage:
    path: str  # like kreise/koeln.md, the same in every language
    template: str
    context: dict  # records the template shows
    section: str
    audience: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()  # district names, for the search filter
    help_types: tuple[str, ...] = ()
    record: Record | None = None  # the entry the page is about (for "last checked" and corrections)
    finder: bool = False  # shows the place finder
    searchable: bool = True  # False keeps the page out of the search and search engines


@dataclass
class Lookup:
    """Relations between kinds, computed once: which office serves a town, what lies where."""

    office_of: dict[str, Record] = field(default_factory=dict)  # municipality id → youth office
    postcodes_of: dict[str, list[str]] = field(default_factory=dict)  # municipality id → postcodes
    towns_in: dict[str, list[Record]] = field(default_factory=dict)  # district id → municipalities
    prisons_in: dict[str, list[Record]] = field(default_factory=dict)  # district id → prisons
    offers_in: dict[str, list[Record]] = field(default_factory=dict)  # district id → local offers
    offers_at: dict[str, list[Record]] = field(default_factory=dict)  # prison id → offers
    wide_offers: list[Record] = field(default_factory=list)  # statewide, national, online


def lookup(model: Model) -> Lookup:
    found = Lookup()
    kinds = model.kinds
    for office in kinds.get("youth_offices", {}).values():
        for town in office.fields["serves"]:
            found.office_of[town] = office
    for entry in kinds.get("postcodes", {}).values():
        for town in entry.fields["municipalities"]:
            found.postcodes_of.setdefault(town, []).append(entry.id)
    for town in sorted(kinds.get("municipalities", {}).values(), key=lambda r: _sort_key(r.fields["name"])):
        found.towns_in.setdefault(town.fields["district"], []).append(town)
    for prison in sorted(kinds.get("prisons", {}).values(), key=lambda r: _sort_key(r.fields["name"])):
        found.prisons_in.setdefault(prison.fields["district"], []).append(prison)
    for offer in sorted(kinds.get("offers", {}).values(), key=lambda r: _sort_key(r.fields["name"])):
        if offer.fields["scope"] in ("bundesweit", "landesweit"):
            found.wide_offers.append(offer)
        for district in offer.fields.get("districts", []):
            found.offers_in.setdefault(district, []).append(offer)
        for prison in offer.fields.get("prisons", []):
            found.offers_at.setdefault(prison, []).append(offer)
    return found


def plan(model: Model, build_date: datetime.date | None = None, leaflets: tuple = (),
         editors: dict | None = None) -> list[DataPage]:
    """Every page the data asks for. The build date decides which events are past; leaflets
    (content pages, see render._leaflet) are listed on the materials page; editors is the
    editors' report (kvi.editors_report)."""
    kinds = model.kinds
    links = lookup(model)
    districts = sorted(kinds.get("districts", {}).values(), key=lambda r: _sort_key(r.fields["name"]))
    prisons = sorted(kinds.get("prisons", {}).values(), key=lambda r: _sort_key(r.fields["name"]))
    offers = sorted(kinds.get("offers", {}).values(), key=lambda r: _sort_key(r.fields["name"]))
    district_name = {d.id: d.fields["name"] for d in districts}
    events = sorted(kinds.get("events", {}).values(), key=lambda r: (r.fields["date"], r.fields.get("starts", "")))
    today = (build_date or datetime.date.today()).isoformat()
    open_prisons = [p for p in prisons if p in visit_card_prisons(model)]
    common = {"links": links, "districts": districts, "prisons": prisons, "offers": offers,
              "open_prisons": open_prisons, "leaflets": leaflets,
              "district_name": district_name, "model": model,
              # The records with fixed ids (kvi.model), so templates need not name the ids.
              "operator": model.record("operator", OPERATOR_ID),
              "organisation": model.record("organisation", ORGANISATION_ID),
              "upcoming": [e for e in events if e.fields["date"] >= today],
              "past": [e for e in events if e.fields["date"] < today][::-1]}
    pages = [
        DataPage("kreise/index.md", "districts-index", common, "hilfe", ("eltern", "fachleute"), finder=True),
        DataPage("orte/index.md", "towns-index", common, "hilfe", ("eltern",)),
        DataPage("jva/index.md", "prisons-index", common, "hilfe", ("eltern", "fachleute")),
        DataPage("angebote/index.md", "offers-index", common, "hilfe", ("eltern", "kinder", "jugendliche", "fachleute")),
        DataPage("glossar.md", "glossary", {**common, "terms": sorted(kinds.get("glossary", {}).values(),
                                                                     key=lambda r: _sort_key(r.fields["term"]))},
                 "start", ("eltern", "kinder", "jugendliche", "fachleute")),
    ]
    if common["operator"]:
        pages += [DataPage(f"{name}.md", name, common, "start") for name in LEGAL_PAGES]
    pages.append(DataPage("termine/index.md", "events-index", common, "fachleute", ("fachleute",)))
    pages.append(DataPage("material/index.md", "materials", common, "fachleute", ("fachleute", "eltern")))
    pages.append(DataPage("redaktion/index.md", "editors-report", {**common, "report": editors or {}}, "start",
                          ("fachleute",), searchable=False))
    cooperations = sorted(kinds.get("cooperations", {}).values(), key=lambda r: _sort_key(r.fields["name"]))
    pages.append(DataPage("fachleute/netzwerk.md", "cooperations", {**common, "cooperations": cooperations},
                          "fachleute", ("fachleute",)))
    pages += [DataPage(visit_card_path(p.id), "visit-card", {**common, "prison": p}, "hilfe",
                       ("eltern", "fachleute"), (district_name[p.fields["district"]],), record=p)
              for p in open_prisons]
    pages += [DataPage(f"termine/{e.id}.md", "event", {**common, "event": e}, "fachleute", ("fachleute",), record=e)
              for e in events]
    pages += [DataPage(f"kreise/{d.id}.md", "district", {**common, "district": d}, "hilfe",
                       ("eltern", "fachleute"), (d.fields["name"],), record=d) for d in districts]
    pages += [DataPage(f"jva/{p.id}.md", "prison", {**common, "prison": p}, "hilfe", ("eltern", "fachleute"),
                       (district_name[p.fields["district"]],), record=p) for p in prisons]
    pages += [DataPage(f"angebote/{o.id}.md", "offer", {**common, "offer": o}, "hilfe",
                       tuple(o.fields.get("audiences", [])),
                       tuple(district_name[d] for d in o.fields.get("districts", [])),
                       tuple(o.fields.get("help_types", [])), record=o) for o in offers]
    return pages


def visit_card_prisons(model: Model) -> list[Record]:
    """Prisons that get a visit card: every one that is not closed."""
    return [prison for prison in model.kinds.get("prisons", {}).values() if not is_closed(prison)]


def is_closed(prison: Record) -> bool:
    """A prison that is closed: no visits there."""
    return prison.fields["operating_status"] == CLOSED


def visit_card_path(prison_id: str) -> str:
    return f"besuchskarten/{prison_id}.md"


@functools.cache
def _environment() -> Environment:
    """One template environment for all languages: each template is compiled once."""
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


class PageRenderer:
    """Renders data pages for one language."""

    def __init__(self, language: Language, ui: dict[str, str], operator: Record | None):
        self.language = language
        self.ui = ui
        self.operator = operator
        self.env = _environment()

    def render(self, page: DataPage) -> tuple[str, str]:
        """(description as plain text, Markdown body) of a page in this renderer's language."""
        helpers = _Helpers(self, page.path)
        template = self.env.get_template(f"{page.template}.md.j2")
        module = template.make_module({**page.context, "t": helpers.t, "h": helpers, "language": self.language})
        # The description block is escaped HTML; striptags turns it back into text.
        return Markup(str(module.description)).striptags(), str(module)


class _Helpers:
    """Functions the page templates call: UI strings, links, data text, contacts, dates."""

    def __init__(self, renderer: PageRenderer, path: str):
        self.r = renderer
        self.path = path
        self.german = renderer.language.hreflang.startswith(SOURCE)

    def t(self, key: str, **values) -> str:
        text = self.r.ui[key]
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def link(self, target: str) -> str:
        """Relative address from this page to another page path (directory URLs)."""
        return relative_url(self.path, target)

    def site_file(self, name: str) -> str:
        """Relative address of a file at the site root (the data exports), from this page."""
        return site_file(self.path, self.r.language, name)

    def page_in(self, language: Language, target: str) -> str:
        """Relative address of a page in another language."""
        return site_file(self.path, self.r.language, language.prefix + page_directory(target))

    def closed(self, prison: Record) -> bool:
        """Whether a prison is closed (its operating_status is kvi.model.CLOSED)."""
        return is_closed(prison)

    def visit_card(self, prison: Record) -> str:
        return self.link(visit_card_path(prison.id))

    def pdf(self, file: str) -> Markup:
        """The offer of a PDF below the site root (a download link once PDFs are made)."""
        return pdf.placeholder(file, self.site_file(file), self.t("print.pdf"), self.t("print.pdf_later"))

    def card_pdf(self, prison: Record) -> Markup:
        return self.pdf(pdf.path_for(prison.id, self.r.language.code))

    def text(self, entry: Record | dict, name: str, inline: bool = False) -> Markup:
        """A reader's text field in this language, or the German text marked as German."""
        fields = _fields(entry)
        translated = fields.get("translations", {}).get(self.r.language.code, {}).get(name)
        value = translated or fields.get(name) or ""
        paragraphs = [escape(part.strip()) for part in re.split(r"\n\s*\n", value) if part.strip()]
        attributes = "" if translated or self.german else ' lang="de" dir="ltr"'
        if inline:
            return Markup(f"<span{attributes}>{' '.join(paragraphs)}</span>")
        return Markup("".join(f"<p{attributes}>{p}</p>" for p in paragraphs))

    def name(self, record: Record, field_name: str = "name") -> Markup:
        """A proper name from data (German), marked as German inside other languages."""
        value = escape(record.fields[field_name])
        return value if self.german else Markup(f'<span lang="de" dir="ltr">{value}</span>')

    def phone(self, number: str) -> Markup:
        return formatting.phone_link(number)

    def web(self, url: str) -> Markup:
        return formatting.web_link(url)

    def email(self, address: str) -> Markup:
        return Markup(f'<a href="mailto:{escape(address)}" dir="ltr">{escape(address)}</a>')

    def hours(self, entries: list) -> str:
        return formatting.opening_hours(entries, self.r.language.locale)

    def date(self, iso: str) -> str:
        return formatting.long_date(iso, self.r.language.locale)

    def jsonld(self, data: dict) -> Markup:
        """schema.org data for search engines; '</' is escaped so the text cannot end the script."""
        text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False, sort_keys=True)
        text = text.replace("</", "<\\/")
        return Markup(f'<script type="application/ld+json">{text}</script>')

    def checked(self, entry: Record | dict) -> Markup:
        """When a person last confirmed the entry, or that nobody has yet."""
        fields = _fields(entry)
        if fields.get("last_checked"):
            text = self.t("data.last_checked", date=self.date(fields["last_checked"]))
        elif fields["status"] == "official":
            text = self.t("data.official")
        else:
            text = self.t("data.to_confirm")
        return Markup(f'<p class="kvi-checked">{escape(text)}</p>')

    def sources(self, entry: Record | dict) -> Markup:
        items = [part.strip() for part in _fields(entry)["source"].split(" ; ") if part.strip()]
        rendered = [self.web(item) if re.match(r"^https?://", item) else escape(item) for item in items]
        return Markup(", ".join(rendered))

    def report(self, record: Record) -> Markup:
        """Links to report a correction: a prefilled issue and an e-mail, where the operator set them up."""
        operator = self.r.operator.fields if self.r.operator else {}
        title = f"Korrektur: {record.fields.get('name') or record.fields.get('term') or record.id}"
        page = page_directory(self.path) or "/"
        entry = f"{record.file}:{record.line} ({record.kind}/{record.id})"
        links = []
        if operator.get("repository"):
            # The issue form .github/ISSUE_TEMPLATE/korrektur.yml fills its fields from these parameters.
            url = (f"https://github.com/{operator['repository']}/issues/new?template=korrektur.yml"
                   f"&title={quote(title)}&seite={quote(page)}&eintrag={quote(entry)}")
            links.append(f'<a href="{escape(url)}">{escape(self.t("report.issue"))}</a>')
        if operator.get("editors_email"):
            body = f"Seite: {page}\nEintrag: {entry}\n\nWas ist falsch oder veraltet?\n"
            url = f"mailto:{operator['editors_email']}?subject={quote(title)}&body={quote(body)}"
            links.append(f'<a href="{escape(url)}">{escape(self.t("report.email"))}</a>')
        if not links:
            return Markup("")
        return Markup(f'<p class="kvi-report">{escape(self.t("report.label"))} {" · ".join(links)}</p>')


def _fields(entry: Record | dict) -> dict:
    return entry.fields if isinstance(entry, Record) else entry


def page_directory(path: str) -> str:
    """The address of a page path below its language's root: kreise/a.md → kreise/a/, index.md → ''."""
    parts = _directory(path)
    return "/".join(parts) + "/" if parts else ""


def _directory(path: str) -> list[str]:
    parts = path.removesuffix(".md").split("/")
    return parts[:-1] if parts[-1] == "index" else parts


def site_file(path: str, language: Language, name: str) -> str:
    """Relative address of a file at the site root (exports, PDFs) from a page of a language."""
    depth = relative_url(path, "index.md").count("..")
    return "../" * (depth + bool(language.prefix)) + name


def relative_url(source: str, target: str) -> str:
    """From page path source to page path target, as directory URLs: kreise/a.md → jva/b/ is ../../jva/b/."""
    here, there = _directory(source), _directory(target)
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    up = [".."] * (len(here) - common)
    rest = there[common:]
    url = "/".join(up + rest)
    return (url + "/") if rest else (url + "/" if url else "./")


def _sort_key(text: str) -> str:
    """German alphabetical order: umlauts sort with their base letter."""
    return text.lower().translate(str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"}))
