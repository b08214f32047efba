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

from kvi import data_translations, formatting, pdf, source_kinds
from kvi.addresses import Address, export_file, index_of, page_of, pdf_file
from kvi.languages import SOURCE, Language
from kvi.model import CLOSED, OPERATOR_ID, ORGANISATION_ID, Model, Record

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
LEGAL_PAGES = ("impressum", "datenschutz", "barrierefreiheit", "kontakt")


@dataclass(frozen=True)
class DataPage:
    path: str  # source path (kvi.addresses), like kreise/koeln.md, the same in every language
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
        DataPage(index_of("districts").path, "districts-index", common, "hilfe", ("eltern", "fachleute"),
                 finder=True),
        DataPage(index_of("municipalities").path, "towns-index", common, "hilfe", ("eltern",)),
        DataPage(index_of("prisons").path, "prisons-index", common, "hilfe", ("eltern", "fachleute")),
        DataPage(index_of("offers").path, "offers-index", common, "hilfe",
                 ("eltern", "kinder", "jugendliche", "fachleute")),
        DataPage(index_of("glossary").path, "glossary",
                 {**common, "terms": sorted(kinds.get("glossary", {}).values(),
                                            key=lambda r: _sort_key(r.fields["term"]))},
                 "start", ("eltern", "kinder", "jugendliche", "fachleute")),
    ]
    if common["operator"]:
        pages += [DataPage(f"{name}.md", name, common, "start") for name in LEGAL_PAGES]
    pages.append(DataPage(index_of("events").path, "events-index", common, "fachleute", ("fachleute",)))
    pages.append(DataPage("material/index.md", "materials", common, "fachleute", ("fachleute", "eltern")))
    pages.append(DataPage("redaktion/index.md", "editors-report", {**common, "report": editors or {}}, "start",
                          ("fachleute",), searchable=False))
    cooperations = sorted(kinds.get("cooperations", {}).values(), key=lambda r: _sort_key(r.fields["name"]))
    pages.append(DataPage(index_of("cooperations").path, "cooperations", {**common, "cooperations": cooperations},
                          "fachleute", ("fachleute",)))
    pages += [DataPage(page_of("visit_cards", p.id).path, "visit-card", {**common, "prison": p}, "hilfe",
                       ("eltern", "fachleute"), (district_name[p.fields["district"]],), record=p)
              for p in open_prisons]
    pages += [DataPage(page_of("events", e.id).path, "event", {**common, "event": e}, "fachleute", ("fachleute",),
                       record=e) for e in events]
    pages += [DataPage(page_of("districts", d.id).path, "district", {**common, "district": d}, "hilfe",
                       ("eltern", "fachleute"), (d.fields["name"],), record=d) for d in districts]
    pages += [DataPage(page_of("prisons", p.id).path, "prison", {**common, "prison": p}, "hilfe",
                       ("eltern", "fachleute"), (district_name[p.fields["district"]],), record=p) for p in prisons]
    pages += [DataPage(page_of("offers", o.id).path, "offer", {**common, "offer": o}, "hilfe",
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


@functools.cache
def _environment() -> Environment:
    """One template environment for all languages: each template is compiled once."""
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


@dataclass(frozen=True)
class Rendered:
    description: str
    body: str
    unreviewed: bool


class PageRenderer:
    """Renders data pages for one language."""

    def __init__(self, language: Language, ui: dict[str, str], model: Model):
        self.language = language
        self.ui = ui
        self.operator = model.record("operator", OPERATOR_ID)
        self.classifier = source_kinds.Classifier(model)
        self.env = _environment()

    def render(self, page: DataPage) -> Rendered:
        """Description (plain text) and Markdown body of a page in this renderer's language, and whether
        it shows a data translation no native speaker has checked yet."""
        helpers = _Helpers(self, Address(page.path))
        template = self.env.get_template(f"{page.template}.md.j2")
        module = template.make_module({**page.context, "t": helpers.t, "h": helpers, "language": self.language})
        # The description block is escaped HTML; striptags turns it back into text.
        description = Markup(str(module.description)).striptags()  # type: ignore[attr-defined]
        return Rendered(description, str(module), helpers.unreviewed)


class _Helpers:
    """Functions the page templates call: UI strings, links, data text, contacts, dates.

    Links come from kvi.addresses, relative to this page: a record's page (link_to, page_of),
    the page listing a kind (index_of), any other page by its source path (link, page_in), a file
    at the site root (export, pdf). No template builds a path itself."""

    def __init__(self, renderer: PageRenderer, page: Address):
        self.r = renderer
        self.page = page
        self.german = renderer.language.hreflang.startswith(SOURCE)
        self.unreviewed = False  # the page shows a data translation no native speaker has checked

    def t(self, key: str, **values) -> str:
        text = self.r.ui[key]
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def link(self, path: str) -> str:
        """Relative URL of another page, by its source path: h.link('suche.md')."""
        return Address(path).url_from(self.page)

    def link_to(self, record: Record) -> str:
        """Relative URL of a record's page: h.link_to(offer)."""
        return self.page_of(record.kind, record.id)

    def page_of(self, kind: str, record_id: str) -> str:
        """Relative URL of the page of a record known by its id: h.page_of("prisons", p)."""
        return page_of(kind, record_id).url_from(self.page)

    def index_of(self, kind: str) -> str:
        """Relative URL of the page that lists a kind: h.index_of("prisons")."""
        return index_of(kind).url_from(self.page)

    def page_in(self, language: Language, path: str) -> str:
        """Relative URL of a page, by its source path, in another language."""
        return self.page.site_file(self.r.language, Address(path).url_in(language))

    def export(self, name: str) -> str:
        """Relative address of a data export (kvi.exports): h.export("termine.ics")."""
        return self.page.site_file(self.r.language, export_file(name))

    def closed(self, prison: Record) -> bool:
        """Whether a prison is closed (its operating_status is kvi.model.CLOSED)."""
        return is_closed(prison)

    def pdf(self, file: str) -> Markup:
        """The offer of a PDF below the site root (a download link once PDFs are made)."""
        return pdf.placeholder(file, self.page.site_file(self.r.language, file), self.t("print.pdf"),
                               self.t("print.pdf_later"))

    def card_pdf(self, prison: Record) -> Markup:
        return self.pdf(pdf_file(prison.id, self.r.language.code))

    def text(self, entry: Record | dict, name: str, inline: bool = False) -> Markup:
        """A reader's text field in this language; else the German text, marked as German, with a
        note where a translation exists but was made from an older German text."""
        fields = _fields(entry)
        found = data_translations.lookup(fields, self.r.language.code, name)
        self.unreviewed = self.unreviewed or (found.text is not None and not found.reviewed)
        value = found.text or fields.get(name) or ""
        paragraphs = [escape(part.strip()) for part in re.split(r"\n\s*\n", value) if part.strip()]
        attributes = "" if found.text or self.german else ' lang="de" dir="ltr"'
        note = escape(self.t("data.translation_outdated")) if found.outdated else ""
        if inline:
            note_part = f' <span class="kvi-outdated">({note})</span>' if note else ""
            return Markup(f"<span{attributes}>{' '.join(paragraphs)}</span>{note_part}")
        note_part = f'<p class="kvi-outdated">{note}</p>' if note else ""
        return Markup(note_part + "".join(f"<p{attributes}>{p}</p>" for p in paragraphs))

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
        return formatting.opening_hours(entries, self.r.language.locale, self.r.language.easy_read)

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

    def sources(self, record: Record, part: str | None = None, short: bool = False) -> Markup:
        """The sources of an entry (or of its block part, e.g. 'visits'), linked and grouped by kind
        (the provider or an authority first, then other sites), then the source's date. short: one
        link per site, named by its domain (for a printed card; the full list is on the record's page)."""
        block = record.fields[part] if part else record.fields
        cited = self.r.classifier.block(block, source_kinds.own_web(record))
        if short:
            cited = list({c.domain or c.text: c for c in reversed(cited)}.values())[::-1]
        groups = []
        for kind in ("primary", "named", "secondary"):
            items = [formatting.web_link(c.url, c.domain if short else None) if c.url else escape(c.text)
                     for c in cited if c.kind == kind]
            if items:
                label = f" ({escape(self.t('data.kind.' + kind))})" if kind != "named" else ""
                groups.append(Markup(", ").join(items) + Markup(label))
        date = block.get("source_date")
        dated = (self.t("data.source_as_of", date=formatting.source_date(str(date), self.r.language.locale))
                 if date else self.t("data.source_undated"))
        return Markup("; ").join(groups) + Markup(". ") + escape(dated)

    def source_age(self, record: Record, part: str | None = None) -> Markup:
        """A warning where the source is so old that the facts may have changed."""
        block = record.fields[part] if part else record.fields
        date = str(block.get("source_date") or "")
        if not date or int(date[:4]) >= source_kinds.RECENT_SINCE:
            return Markup("")
        text = self.t("data.source_old", date=formatting.source_date(date, self.r.language.locale))
        return Markup(f'<p class="kvi-source-old"><strong>{escape(text)}</strong></p>')

    def report(self, record: Record) -> Markup:
        """Links to report a correction: a prefilled issue and an e-mail, where the operator set them up."""
        operator = self.r.operator.fields if self.r.operator else {}
        title = f"Korrektur: {record.fields.get('name') or record.fields.get('term') or record.id}"
        page = self.page.url or "/"
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


UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def _sort_key(text: str) -> str:
    """German alphabetical order: umlauts sort with their base letter."""
    return text.lower().translate(UMLAUTS)
