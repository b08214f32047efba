"""Every paragraph of a law (§ 19 …) and every article (Artikel 9 …) a page names is listed in its
German page's `sources`, so readers can look the rule up and editors see what rests on what.

German pages are checked for both; translations for paragraphs (the § sign is the same in every
language, the word for an article is not) against the German page's sources, which they show."""

from __future__ import annotations

import re

from kvi.languages import SOURCE
from kvi.pages import Page
from kvi.problems import Problem

_NUMBERS = r"(\d+[a-z]?(?:\s*(?:,|und|bis|–|-|and|ve|و|и|і|i)\s*\d+[a-z]?)*)"
_DETAIL = r"(?:\s*(?:Abs\.|Absatz|Satz|Nr\.|S\.)\s*\d+[a-z]?(?:\s*(?:,|und)\s*\d+)*|\s*ff\.)*"
PARAGRAPH = re.compile(r"§§?\s*" + _NUMBERS + _DETAIL + r"(?:\s+([A-ZÄÖÜ][\w-]*))?")
ARTICLE = re.compile(r"\b(?:Artikel|Art\.)\s*" + _NUMBERS)
_NUMBER = re.compile(r"\d+[a-z]?")


def check(trees: dict[str, dict[str, Page]]) -> list[Problem]:
    """A problem for each paragraph or article a page names that its German page does not list."""
    problems = []
    for lang, tree in trees.items():
        for path, page in tree.items():
            source = trees[SOURCE].get(path)
            if source is not None:
                problems += check_page(page, source.meta.get("sources", []), german=lang == SOURCE)
    return problems


def check_page(page: Page, sources: list[dict], german: bool) -> list[Problem]:
    listed = _listed(sources)
    # The whole text at once, so a law's name on the next line still counts.
    text = page.body.replace("\n", " ")
    problems = []
    for offset, number, law in _named(text, german):
        if not _is_listed(number, law, listed):
            what = f"{number[0]} {number[1]}" + (f" {law}" if law else "")
            line = page.body_line + page.body.count("\n", 0, offset)
            problems.append(Problem(page.file, line, "sources",
                                    f"the page names {what}, which its German page's sources do not list "
                                    "(add the law's text with its paragraph to 'sources' in content/de/"
                                    f"{page.path})"))
    return problems


def _named(text: str, german: bool) -> list[tuple[int, tuple[str, str], str | None]]:
    """(offset, ('§', '19'), 'StVollzG') for each paragraph and article named in German text;
    in a translation its paragraphs only (its words for a law are its own)."""
    found: list[tuple[int, tuple[str, str], str | None]] = []
    for match in PARAGRAPH.finditer(text):
        law = match.group(2) if german else None
        found += [(match.start(), ("§", number), law) for number in _NUMBER.findall(match.group(1))]
    if german:
        for match in ARTICLE.finditer(text):
            found += [(match.start(), ("Art.", number), None) for number in _NUMBER.findall(match.group(1))]
    return found


def _listed(sources: list[dict]) -> list[tuple[set[tuple[str, str]], str]]:
    """Per source: the paragraphs and articles its `paragraph` names, and its words (for the law)."""
    listed = []
    # The schema check reports malformed sources; here they simply list nothing.
    for source in sources if isinstance(sources, list) else []:
        if not isinstance(source, dict):
            continue
        text = str(source.get("paragraph") or "")
        numbers = {("§", n) for match in PARAGRAPH.finditer(text) for n in _NUMBER.findall(match.group(1))}
        numbers |= {("Art.", n) for match in ARTICLE.finditer(text) for n in _NUMBER.findall(match.group(1))}
        listed.append((numbers, f"{source.get('title', '')} {text}".casefold()))
    return listed


def _is_listed(number: tuple[str, str], law: str | None, listed: list[tuple[set[tuple[str, str]], str]]) -> bool:
    """Listed under the same number, in the law the page names after it (a law's name ends in a
    grammatical case: 'Strafvollzugsgesetzes' is the 'Strafvollzugsgesetz')."""
    stem = re.sub(r"(es|s)$", "", law).casefold() if law else ""
    return any(number in numbers and stem in words for numbers, words in listed)
