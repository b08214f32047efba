"""Translation status of every page in every language: current, outdated, missing, orphaned,
or untranslated (a translation file that still holds the German starting text).

`rows` returns plain data; `print_report` only prints it, so the same report can be rendered
elsewhere (e.g. an editors' page).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kvi import pages
from kvi.languages import SOURCE, Language, load_languages

STATES = ("current", "outdated", "missing", "orphaned", "untranslated")
# States that need an editor's work before publication; `kvi translations --fail` fails on them.
PROBLEM_STATES = ("outdated", "orphaned", "untranslated")
# Put in front of the German description by `kvi new translation`; until it is gone the
# translation counts as untranslated.
UNTRANSLATED_MARK = "[ÜBERSETZEN]"


@dataclass(frozen=True)
class Status:
    """One page in one language.

    state: current (made from the German page as it is now), outdated (the German page changed
    since: its hash differs from the recorded translation.source_hash), missing (no translation;
    readers see the German text), orphaned (a translation without a German page), untranslated
    (the file still holds the German starting text of `kvi new translation`).
    source_hash is the German page's current hash ('' when orphaned); recorded_hash the one the
    translation names ('' when missing)."""

    lang: str
    path: str
    state: str
    reviewed: bool
    source_hash: str
    recorded_hash: str = ""

    @property
    def file(self) -> str:
        """The translation's file, relative to the project (whether it exists or not)."""
        return f"content/{self.lang}/{self.path}"


def rows(root: Path) -> list[Status]:
    """The status of every German page (and every orphaned translation) in every language
    except German, ordered by language (as in i18n/languages.yml), then path."""
    languages = load_languages(root)
    return rows_of(languages, {language.code: pages.load_tree(root, language.code)[0] for language in languages})


def rows_of(languages: list[Language], trees: dict[str, dict[str, pages.Page]]) -> list[Status]:
    """rows() for pages already loaded."""
    german = trees[SOURCE]
    found = []
    for language in languages[1:]:
        tree = trees[language.code]
        for path in sorted(set(german) | set(tree)):
            source, page = german.get(path), tree.get(path)
            record = page.meta.get("translation", {}) if page else {}
            recorded = str(record.get("source_hash") or "")
            if source is None:
                state = "orphaned"
            elif page is None:
                state = "missing"
            elif _untranslated(page, source):
                state = "untranslated"
            elif recorded == source.source_hash:
                state = "current"
            else:
                state = "outdated"
            found.append(Status(language.code, path, state, bool(record.get("reviewed")),
                                source.source_hash if source else "", recorded))
    return found


statuses = rows  # the earlier name

# Sections in the order of the menu; a page without one counts as "start".
SECTIONS = ("start", "familie", "kinder", "hilfe", "fachleute")


def coverage(languages: list[Language], trees: dict[str, dict[str, pages.Page]]) -> list[dict]:
    """Per language (German excepted) and section: how many pages it has as a current translation,
    of how many German pages."""
    section_of = {path: page.meta.get("section", "start") for path, page in trees[SOURCE].items()}
    found = rows_of(languages, trees)
    table = []
    for language in languages[1:]:
        current = Counter(section_of[s.path] for s in found if s.lang == language.code and s.state == "current")
        table.append({"code": language.code, "cells": [
            {"section": section, "current": current[section],
             "total": sum(1 for value in section_of.values() if value == section)} for section in SECTIONS]})
    return table


def summary(found: list[Status]) -> dict[str, Counter]:
    """Per language, how many pages are in each state, and how many are reviewed ('reviewed')."""
    counts: dict[str, Counter] = {}
    for status in found:
        counter = counts.setdefault(status.lang, Counter())
        counter[status.state] += 1
        counter["reviewed"] += status.reviewed
    return counts


def print_report(root: Path, fail: bool = False) -> int:
    """Print one line per page and language and a summary per language; with fail, return 1
    when a translation is outdated, orphaned or untranslated."""
    found = rows(root)
    width = max([len(s.path) for s in found] + [4])
    print(f"{'language':8}  {'page':{width}}  {'state':12}  {'reviewed':8}  source_hash   recorded")
    for status in found:
        reviewed = "–" if status.state == "missing" else "yes" if status.reviewed else "no"
        recorded = status.recorded_hash if status.recorded_hash != status.source_hash else ""
        print(f"{status.lang:8}  {status.path:{width}}  {status.state:12}  {reviewed:8}  "
              f"{status.source_hash or '–':12}  {recorded}".rstrip())
    print()
    print(f"{'language':8}  " + "  ".join(f"{state:>12}" for state in STATES) + f"  {'reviewed':>8}")
    for lang, counts in summary(found).items():
        print(f"{lang:8}  " + "  ".join(f"{counts[state]:12}" for state in STATES) + f"  {counts['reviewed']:8}")
    problems = [s for s in found if s.state in PROBLEM_STATES]
    print(f"{len(problems)} translations need work (outdated, orphaned or untranslated).")
    print("source_hash: the German page's current hash, to record in translation.source_hash; "
          "recorded: the hash a translation names, where it differs.")
    return 1 if fail and problems else 0


def _untranslated(page: pages.Page, source: pages.Page) -> bool:
    """Still the German starting text: the description carries the mark, or the body is German."""
    description = str(page.meta.get("description") or "")
    return description.startswith(UNTRANSLATED_MARK) or page.body.strip() == source.body.strip()
