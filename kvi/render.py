"""Render step: one plain Markdown tree per language, ready for any static-site engine.

German pages are the source. A translated page replaces its German page; where none exists
the German text is used and marked as a fallback, so every page exists in every language.
Data references are resolved here, in the reader's locale.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from kvi import formatting, references
from kvi.languages import SOURCE, Language
from kvi.model import Model
from kvi.pages import Page
from kvi.problems import Problem


@dataclass(frozen=True)
class RenderedPage:
    lang: str
    path: str
    source_file: str  # the content file the text came from, for messages
    text: str


def render_all(languages: list[Language], trees: dict[str, dict[str, Page]], model: Model) -> tuple[list[RenderedPage], list[Problem]]:
    german = trees[SOURCE]
    problems: list[Problem] = []
    for language in languages[1:]:
        problems += [Problem(page.file, None, None, f"no German source page content/de/{path}: "
                             "translations must mirror a German page at the same path")
                     for path, page in sorted(trees[language.code].items()) if path not in german]
    rendered = []
    for path, source in sorted(german.items()):
        shared = {
            "section": source.meta.get("section"),
            "audience": list(source.meta.get("audience", [])),
            "available": [lang.code for lang in languages if path in trees[lang.code]],
        }
        shared["districts"], found = _districts(source, model)
        problems += found
        for language in languages:
            page = trees[language.code].get(path, source)
            result, found = _render_page(page, source, language, shared, model)
            rendered.append(result)
            problems += found
    return rendered, problems


def _render_page(page: Page, source: Page, language: Language, shared: dict, model: Model) -> tuple[RenderedPage, list[Problem]]:
    """One page in one language; shared holds what all languages take from the German page."""
    fallback = page is source and language.code != SOURCE
    locale = "de_DE" if fallback else language.locale
    german_text = fallback or language.hreflang.startswith(SOURCE)
    body, problems = references.resolve(page.body, model, locale, page.file, page.body_line,
                                        german_in_foreign_text=not german_text)
    translation = page.meta.get("translation", {})
    meta = {
        "description": page.meta["description"],
        **({"template": source.meta["template"]} if "template" in source.meta else {}),
        "kvi": {
            **shared,
            "fallback": fallback,
            "unreviewed": bool(translation) and not translation.get("reviewed", False),
        },
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
    text = f"---\n{front}---\n{body}"
    return RenderedPage(language.code, page.path, page.file, text), problems


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


def template_facts(model: Model, locale: str) -> dict:
    """Facts the templates show on every page, formatted for the reader's locale."""
    organisation = model.record("organisation", "landesfachstelle")
    helplines = [{
        "name": record.fields["name"],
        "phone_html": formatting.phone_link(record.fields["phone"]),
        "hours": formatting.opening_hours(record.fields["opening_hours"], locale) if record.fields.get("opening_hours") else "",
        "to_confirm": record.fields["status"] == "to_confirm",
    } for record in model.kinds.get("helplines", {}).values()]
    return {"organisation": {"name": organisation.fields["name"], "web": organisation.fields.get("web")},
            "helplines": helplines}


def write_trees(root: Path, pages: list[RenderedPage], languages: list[Language], docs_dir: Path) -> None:
    """Write each language's tree, with the German tree's other files (images) copied in."""
    if docs_dir.exists():
        shutil.rmtree(docs_dir)
    for language in languages:
        for asset in sorted((root / "content" / SOURCE).rglob("*")):
            if asset.is_file() and asset.suffix != ".md":
                own = root / "content" / language.code / asset.relative_to(root / "content" / SOURCE)
                target = docs_dir / language.code / asset.relative_to(root / "content" / SOURCE)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(own if own.exists() else asset, target)
    for page in pages:
        target = docs_dir / page.lang / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")


def sources(pages: list[RenderedPage], lang: str) -> dict[str, str]:
    """Path in one language's tree → the content file an editor should open."""
    return {page.path: page.source_file for page in pages if page.lang == lang}
