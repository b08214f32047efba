"""Render step: one plain Markdown tree per language, ready for any static-site engine.

German pages are the source. A translated page replaces its German page; where none exists
the German text is used and marked as a fallback, so every page exists in every language.
Data references are resolved here, in the reader's locale.
"""

from __future__ import annotations

import datetime
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from markupsafe import Markup

from kvi import addresses, exports, formatting, generate, pdf, qr, references, short_links, translation_status
from kvi.languages import SOURCE, Language
from kvi.model import OPERATOR_ID, ORGANISATION_ID, Model
from kvi.pages import Page
from kvi.problems import Problem

QUICK_EXIT_SECTIONS = ("familie", "kinder")
# libyaml's emitter when PyYAML has it: front matter for ~2000 pages, QR codes included.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class RenderedPage:
    lang: str
    path: str
    source_file: str  # the content file the text came from, for messages
    text: str


def render_all(languages: list[Language], trees: dict[str, dict[str, Page]], model: Model,
               ui: dict[str, dict[str, str]], build_date: datetime.date, base_url: str,
               printables: list[short_links.Printable], editors: dict,
               targets: list[Language] | None = None) -> tuple[list[RenderedPage], list[Problem]]:
    """Content pages and pages from data in the target languages (default: every language);
    printed pages get their QR code."""
    targets = targets or languages
    german = trees[SOURCE]
    problems: list[Problem] = []
    for language in languages[1:]:
        problems += [Problem(page.file, None, None, f"no German source page content/de/{path}: "
                             "translations must mirror a German page at the same path")
                     for path, page in sorted(trees[language.code].items()) if path not in german]
    rendered, found = content_pages(sorted(german), languages, trees, model, ui, base_url, printables, targets)
    problems += found
    printed = {item.path: item for item in printables}
    leaflets = tuple(_leaflet(item, trees, languages) for item in printables if item.path in german)
    rendered += _data_pages(languages, targets, model, ui, build_date, base_url, printed, leaflets, editors)
    return rendered, problems


def content_pages(paths: list[str], languages: list[Language], trees: dict[str, dict[str, Page]], model: Model,
                  ui: dict[str, dict[str, str]], base_url: str, printables: list[short_links.Printable],
                  targets: list[Language]) -> tuple[list[RenderedPage], list[Problem]]:
    """Some content pages (paths of German pages) in the target languages, each in its translation
    or as the German fallback."""
    printed = {item.path: item for item in printables}
    problems: list[Problem] = []
    rendered = []
    table = translation_status.coverage(languages, trees)
    for path in paths:
        source = trees[SOURCE][path]
        districts, found = _districts(source, model)
        problems += found
        available = [lang.code for lang in languages if path in trees[lang.code]]
        for language in targets:
            page = trees[language.code].get(path, source)
            fallback = page is source and language.code != SOURCE
            # Made from an older German text: the page says so and links the German one.
            outdated = page is not source and page.meta["translation"]["source_hash"] != source.source_hash
            filters = _filters(ui[language.code], source.meta.get("section"), source.meta.get("audience", []),
                               districts, [])
            printing = _print_meta(printed.get(path), language, path, ui[language.code], base_url)
            shown = _coverage(table, languages) if source.meta.get("language_coverage") else None
            result, found = _render_page(page, source.meta, language, ui[language.code], filters, available,
                                         fallback, outdated, model, printing, shown)
            rendered.append(result)
            problems += found
    return rendered, problems


def _leaflet(item: short_links.Printable, trees: dict[str, dict[str, Page]], languages: list[Language]) -> dict:
    """What the materials page shows of a leaflet: its title in each language it exists in."""
    source = trees[SOURCE][item.path]
    return {"path": item.path, "code": item.code, "audience": source.meta.get("audience", []),
            "languages": [language for language in languages if language.code in item.languages],
            "titles": {lang: title_of(trees[lang][item.path].body) for lang in item.languages},
            "pdfs": {lang: item.pdf(lang) for lang in item.languages}}


def _print_meta(item: short_links.Printable | None, language: Language, path: str, ui: dict[str, str],
                base_url: str) -> dict | None:
    """Short address, QR code and PDF of a page's version in one language, if it is printed."""
    if item is None or language.code not in item.languages:
        return None
    url = short_links.short_url(base_url, language, item.code)
    file = item.pdf(language.code)
    page = addresses.Address(path)
    return {"short_url": url, "short_label": url.split("://", 1)[-1].rstrip("/"),
            "short_href": page.site_file(language, language.prefix + short_links.short_path(item.code)),
            "qr": theme_markup(qr.svg(url, ui["print.qr"])),
            "pdf": theme_markup(pdf.placeholder(file, page.site_file(language, file), ui["print.pdf"],
                                                ui["print.pdf_later"]))}


def title_of(markdown: str) -> str:
    """A page's title as plain text: its first '# ' heading, which may hold escaped data and
    inline HTML (a name marked as German)."""
    return Markup(next(line[2:].strip() for line in markdown.splitlines() if line.startswith("# "))).striptags()


def data_paths(model: Model) -> set[str]:
    """Paths of the pages made from data (they may stand in the menu)."""
    return {page.path for page in generate.plan(model)}


def _data_pages(languages: list[Language], targets: list[Language], model: Model, ui: dict[str, dict[str, str]],
                build_date: datetime.date, base_url: str, printed: dict[str, short_links.Printable],
                leaflets: tuple[dict, ...], editors: dict) -> list[RenderedPage]:
    planned = generate.plan(model, build_date, leaflets, editors)
    everywhere = [language.code for language in languages]
    rendered = []
    for language in targets:
        renderer = generate.PageRenderer(language, ui[language.code], model)
        for page in planned:
            result = renderer.render(page)
            filters = _filters(ui[language.code], page.section, list(page.audience), list(page.districts),
                               page.help_types)
            meta = {"description": result.description, "kvi": {
                "filters": filters, "fallback": False, "finder": page.finder, "unreviewed": result.unreviewed,
                "available": everywhere, "noindex": not page.searchable,
                "print": _print_meta(printed.get(page.path), language, page.path, ui[language.code], base_url)}}
            source = f"templates/{page.template}.md.j2" + (f" with {page.record.file}" if page.record else "")
            rendered.append(RenderedPage(language.code, page.path, source, _with_front_matter(meta, result.body)))
    return rendered


def _filters(ui: dict[str, str], section: str | None, audience: list[str], districts: list[str],
             help_types: tuple[str, ...] | list[str]) -> dict[str, list[str]]:
    """Search filter values of a page, in the reader's language."""
    found = {
        "section": [ui[f"section.{section}"]] if section else [],
        "audience": [ui[f"audience.{a}"] for a in audience if f"audience.{a}" in ui],
        "district": list(districts),
        "help": [ui[f"offer.help.{kind}"] for kind in help_types],
    }
    return {name: values for name, values in found.items() if values}


def _render_page(page: Page, source_meta: dict, language: Language, language_ui: dict[str, str], filters: dict,
                 available: list[str], fallback: bool, outdated: bool, model: Model,
                 printing: dict | None, coverage: dict | None = None) -> tuple[RenderedPage, list[Problem]]:
    locale = "de_DE" if fallback else language.locale
    german_text = fallback or language.hreflang.startswith(SOURCE)
    easy_read = language.easy_read and not fallback
    body, problems = references.resolve(page.body, model, locale, page.file, page.body_line,
                                        german_in_foreign_text=not german_text, written=easy_read,
                                        lang=None if fallback else language.code)
    if easy_read:
        body = easy_read_lines(body)
    translation = page.meta.get("translation", {})
    template = source_meta.get("template")
    meta = {
        "description": page.meta["description"],
        **({"template": template} if template else {}),
        "kvi": {
            "age_band": source_meta.get("age_band"),
            # Families' and children's pages carry the quick-exit button.
            "quick_exit": source_meta.get("section") in QUICK_EXIT_SECTIONS,
            "filters": filters,
            "fallback": fallback,
            "outdated": outdated,
            "unreviewed": bool(translation) and not translation.get("reviewed", False),
            "available": available,
            "print": printing,
            "coverage": coverage,
            "sources": _sources(source_meta.get("sources", []), language.locale),
            # Pages with the same title elsewhere (each age band, a leaflet) say which they are.
            "title_note": (language_ui[f"title.age.{source_meta['age_band']}"] if source_meta.get("age_band")
                           else language_ui["material.leaflet"] if source_meta.get("leaflet") else None),
        },
    }
    return RenderedPage(language.code, page.path, page.file, _with_front_matter(meta, body)), problems


def _coverage(table: list[dict], languages: list[Language]) -> dict:
    """The translation coverage table for the page: sections, and each language by its own name
    (the template words them in the reader's language)."""
    by_code = {language.code: language for language in languages}
    return {"sections": list(translation_status.SECTIONS),
            "rows": [{"name": by_code[row["code"]].name, "hreflang": by_code[row["code"]].hreflang,
                      "dir": by_code[row["code"]].dir, "cells": row["cells"]} for row in table]}


def _sources(sources: list[dict], locale: str) -> list[dict]:
    """The German page's sources as its foot shows them, dates in the reader's locale."""
    return [{"title": source["title"], "url": source["url"], "paragraph": source.get("paragraph"),
             "date": formatting.source_date(source["date"], locale) if source.get("date") else None}
            for source in sources]


# A line that starts a new Markdown block rather than continuing a paragraph.
_BLOCK_START = re.compile(r"^\s*(#|[-*+] |\d+\. |>|\||```|!!!|<|$)")


def easy_read_lines(body: str) -> str:
    """Easy-read pages are written one sentence per line; Markdown would join the lines of a
    paragraph. A line followed by a line of the same paragraph ends in a hard break (two spaces)."""
    lines = body.split("\n")
    fenced = False
    for index, line in enumerate(lines[:-1]):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        following = lines[index + 1]
        # A quotation goes on over lines that each start with '>'.
        quoted = line.lstrip().startswith(">") and following.lstrip().startswith(">") and following.strip(" >")
        if (not fenced and line.strip(" >") and not line.lstrip().startswith(("#", "|", "<"))
                and (quoted or not _BLOCK_START.match(following)) and not line.endswith("  ")):
            lines[index] = line + "  "
    return "\n".join(lines)


def _with_front_matter(meta: dict, body: str) -> str:
    return f"---\n{yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=True)}---\n{body}"


def _districts(page: Page, model: Model) -> tuple[list[str], list[Problem]]:
    """Names of the districts a page is about; an unknown id is a problem."""
    names, problems = [], []
    ids = page.meta.get("districts", [])
    for index, district_id in enumerate(ids):
        record = model.record("districts", district_id)
        if record:
            names.append(record.fields["name"])
        else:
            problems.append(Problem(page.file, ids.item_lines[index], "districts",
                                    f"unknown district id '{district_id}' (see data/districts.yml)"))
    return names, problems


def theme_markup(fragment: Markup) -> dict[str, str]:
    """Markup kvi built on purpose (its values escaped), handed to the theme templates, which
    escape everything else: overrides/partials/kvi/markup.html prints it as it is. Only Markup
    qualifies, so no plain string from data can pass as markup."""
    if not isinstance(fragment, Markup):
        raise TypeError(f"theme markup must be built as Markup, not {type(fragment).__name__}")
    return {"html": str(fragment)}


def template_facts(model: Model, language: Language) -> dict:
    """Facts the templates show on every page, formatted for the reader's language."""
    locale = language.locale
    organisation = model.kinds["organisation"][ORGANISATION_ID]  # required: kvi.model checks it is there
    helplines = [{
        "name": record.fields["name"],
        "phone": theme_markup(formatting.phone_link(record.fields["phone"])),
        "hours": (formatting.opening_hours(record.fields["opening_hours"], locale, language.easy_read)
                  if record.fields.get("opening_hours") else ""),
        "to_confirm": record.fields["status"] == "to_confirm",
        "id": record.id,
    } for record in model.kinds.get("helplines", {}).values()]
    operator = model.record("operator", OPERATOR_ID)
    return {"organisation": {"name": organisation.fields["name"], "web": organisation.fields.get("web")},
            "helplines": helplines,
            "quick_exit_url": operator.fields["quick_exit_url"] if operator else ""}


def write_trees(root: Path, pages: list[RenderedPage], languages: list[Language], docs_dir: Path,
                model: Model, build_date: datetime.date) -> None:
    """Write each given language's tree afresh, with the German tree's other files (images)
    copied in, and the data exports at the site root (the German tree)."""
    for language in languages:
        shutil.rmtree(docs_dir / language.code, ignore_errors=True)
    if any(language.code == SOURCE for language in languages):
        for name, text in exports.files(model, build_date).items():
            target = docs_dir / SOURCE / addresses.export_file(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    for language in languages:
        for asset in sorted((root / "content" / SOURCE).rglob("*")):
            if asset.is_file() and asset.suffix != ".md":
                own = root / "content" / language.code / asset.relative_to(root / "content" / SOURCE)
                target = docs_dir / language.code / asset.relative_to(root / "content" / SOURCE)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(own if own.exists() else asset, target)
    write_pages(pages, docs_dir)


def write_pages(pages: list[RenderedPage], docs_dir: Path) -> None:
    for page in pages:
        target = docs_dir / page.lang / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")


def sources(pages: list[RenderedPage], lang: str) -> dict[str, str]:
    """Path in one language's tree → the content file an editor should open."""
    return {page.path: page.source_file for page in pages if page.lang == lang}
