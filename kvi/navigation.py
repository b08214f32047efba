"""The menu (content/nav.yml) and the check that every page is reachable (kvi.engine writes it in
the engine's format, per language)."""

from __future__ import annotations

from pathlib import Path

from kvi import validate, yaml_source
from kvi.pages import Page
from kvi.problems import Problem

FILE = "content/nav.yml"


def load(root: Path) -> tuple[list, list[Problem]]:
    data, problems = yaml_source.load(root / FILE, FILE)
    if problems:
        return [], problems
    return data, validate.check(data, "nav", FILE)


def paths(nav: list) -> list[tuple[str, int]]:
    """Every page path in the menu with the line that names it."""
    found = []
    lines = getattr(nav, "item_lines", [0] * len(nav))
    for entry, line in zip(nav, lines, strict=True):
        if isinstance(entry, str):
            found.append((entry, line))
        else:
            found += paths(entry["pages"])
    return found


def check(nav: list, pages: dict[str, Page], data_pages: set[str], ui_keys: set[str]) -> list[Problem]:
    """Menu entries must exist; every content page must be reachable from the menu through links.

    Pages made from data are linked from their index pages, which the menu names."""
    problems = [Problem(FILE, line, None, f"'{path}' is in the menu but content/de/{path} does not exist")
                for path, line in paths(nav) if path not in pages and path not in data_pages]
    problems += [Problem(FILE, None, key, "section title key is missing from i18n/ui/de.yml")
                 for key in _section_keys(nav) if key not in ui_keys]
    # Leaflets are all listed on the materials page, which is made from data.
    leaflets = [path for path, page in pages.items() if page.meta.get("leaflet")]
    reachable = _reachable([path for path, _ in paths(nav) if path in pages] + leaflets, pages)
    problems += [Problem(page.file, None, None,
                         "no menu entry (content/nav.yml) and no link from another page leads here")
                 for path, page in sorted(pages.items()) if path not in reachable]
    return problems


def _section_keys(nav: list) -> list[str]:
    keys = []
    for entry in nav:
        if isinstance(entry, dict):
            keys += [entry["section"], *_section_keys(entry["pages"])]
    return keys


def _reachable(start: list[str], pages: dict[str, Page]) -> set[str]:
    seen, todo = set(), list(start)
    while todo:
        path = todo.pop()
        if path in seen or path not in pages:
            continue
        seen.add(path)
        todo += pages[path].links()
    return seen
