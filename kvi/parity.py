"""The mechanical part of reviewing a translation: it keeps what its German page has.

A current translation (its source_hash is the German page's) must have the same data references,
the same link targets, the same number of headings and the same numbers as its German page.
Numbers are compared after normalising digits (Arabic-Indic and Persian digits count as 0–9) and
thousands separators ("100.000", "100,000" and "100 000" are one number). A translation that writes
a number differently on purpose records it in its front matter:
translation.numbers_written: {"100.000": "100 ألف"}. Easy-read pages are rewritten, not translated,
and are not compared.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from kvi.languages import SOURCE, Language
from kvi.pages import Page
from kvi.problems import Problem

REFERENCE = re.compile(r"\{\{.*?\}\}")
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s")
TAG = re.compile(r"<[^>]*>")
FENCE = re.compile(r"^\s*```")
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# A separator between thousands: "100.000", "100,000", "100 000" (also narrow and no-break spaces and
# the Arabic separators, as the German "100.000" is read either way).
THOUSANDS = re.compile(r"(?<=\d)[.,\u00a0\u202f\u066b\u066c ](?=\d{3}(?!\d))")
NUMBER = re.compile(r"\d+")


def check(trees: dict[str, dict[str, Page]], languages: list[Language]) -> list[Problem]:
    """Every difference of every translation that is compared, one problem each."""
    problems = []
    for language in languages:
        for path, page in sorted(trees[language.code].items()):
            source = trees[SOURCE].get(path)
            if source is not None:
                problems += check_page(source, page, language)
    return problems


def check_page(german: Page, translation: Page, language: Language) -> list[Problem]:
    """The differences of one page in one language, where it is compared: a current translation
    (not German itself, not Leichte Sprache, not one made from an older German text)."""
    if language.code == SOURCE or language.easy_read:
        return []
    if translation.meta.get("translation", {}).get("source_hash") != german.source_hash:
        return []
    return compare(german, translation)


def compare(german: Page, translation: Page) -> list[Problem]:
    problems = []
    for what, find in (("data reference", _references), ("link target", _links)):
        problems += _differences(what, german, translation, find)
    here, there = _headings(translation), _headings(german)
    if len(here) != len(there):
        problems.append(Problem(translation.file, translation.body_line, "parity",
                                f"{len(here)} headings here, {len(there)} in the German page {german.file}"))
    written = translation.meta.get("translation", {}).get("numbers_written", {})
    problems += _differences("number", german, translation, _numbers, written)
    return problems


def _differences(what: str, german: Page, translation: Page, find, written: dict | None = None) -> list[Problem]:
    """Items the German page has more often than the translation, and the other way round."""
    ours: Counter[str] = Counter()
    theirs: Counter[str] = Counter()
    first_line: dict[str, int] = {}
    german_line: dict[str, int] = {}
    for item, line in find(translation):
        ours[item] += 1
        first_line.setdefault(item, translation.body_line + line)
    for item, line in find(german):
        theirs[item] += 1
        german_line.setdefault(item, german.body_line + line)
    for german_form, own_form in (written or {}).items():
        theirs.subtract(Counter(_normalised_numbers(str(german_form))))
        ours.subtract(Counter(_normalised_numbers(str(own_form))))
    problems = []
    for item in sorted(set(ours) | set(theirs)):
        if theirs[item] > ours[item]:
            problems.append(Problem(translation.file, None, "parity",
                                    f"the German page has the {what} {item} {_times(theirs[item])} "
                                    f"({german.file}:{german_line.get(item, german.body_line)}), "
                                    f"this translation {_times(max(ours[item], 0))}"))
        elif ours[item] > theirs[item]:
            problems.append(Problem(translation.file, first_line.get(item, translation.body_line), "parity",
                                    f"the {what} {item} stands here {_times(ours[item])}, in the German page "
                                    f"{_times(max(theirs[item], 0))}"))
    return problems


def _times(count: int) -> str:
    return "once" if count == 1 else "never" if count == 0 else f"{count} times"


def _lines(page: Page) -> Iterator[tuple[int, str]]:
    """(offset, line) of the body outside code fences."""
    fenced = False
    for offset, line in enumerate(page.body.split("\n")):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield offset, line


def _references(page: Page) -> Iterator[tuple[str, int]]:
    for offset, line in _lines(page):
        for match in REFERENCE.finditer(line):
            yield " ".join(match.group(0).split()), offset


def _links(page: Page) -> Iterator[tuple[str, int]]:
    for offset, line in _lines(page):
        for target in LINK_TARGET.findall(line):
            yield target, offset


def _headings(page: Page) -> list[int]:
    return [offset for offset, line in _lines(page) if HEADING.match(line)]


def _numbers(page: Page) -> Iterator[tuple[str, int]]:
    for offset, line in _lines(page):
        text = TAG.sub(" ", LINK_TARGET.sub("]", REFERENCE.sub(" ", line)))
        for number in _normalised_numbers(text):
            yield number, offset


def _normalised_numbers(text: str) -> list[str]:
    text = THOUSANDS.sub("", text.translate(DIGITS))
    return [number.lstrip("0") or "0" for number in NUMBER.findall(text)]
