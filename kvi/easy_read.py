"""The rules of Leichte Sprache (easy-read German) that a machine can check, after the rules of
the Netzwerk Leichte Sprache: pages of an easy-read language, the glossary's easy-read texts and
the language's UI strings.

Certain breaks are errors (the build stops); likely ones are warnings (`kvi check` prints them
with a count). Each finding names file:line, the rule and the words concerned."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kvi import yaml_source
from kvi.languages import Language
from kvi.model import Model
from kvi.pages import Page
from kvi.problems import Problem

# Sentences longer than this many words are a warning, longer than the second an error.
LONG_SENTENCE, TOO_LONG_SENTENCE = 15, 22
LONG_WORD = 14  # letters; a longer word without a middle dot or hyphen is likely a compound

ABBREVIATIONS = re.compile(r"(?<!\w)(z\.\s?B\.|d\.\s?h\.|u\.\s?a\.|bzw\.|ca\.|usw\.|ggf\.|evtl\.|inkl\.|zzgl\.|sog\."
                           r"|vgl\.|Nr\.|Abs\.|Mo\.|Di\.|Mi\.|Do\.|Fr\.|Sa\.|So\.)")
NUMBER_WORDS = re.compile(r"\b(zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig"
                          r"|hundert|tausend)\b", re.IGNORECASE)
PASSIVE_CERTAIN = re.compile(r"\b(\w+\s+)?worden\b")
PASSIVE_LIKELY = re.compile(r"\b(wird|werden|wurde|wurden)\b(?:\s+\S+){0,6}?\s+(ge\w+(?:t|en))\b")
TWO_SENTENCES = re.compile(r"(?<!\d)[.!?]\s+[A-ZÄÖÜ]")  # "22. Dezember" is a date, not an end
WORD = re.compile(r"[\wÄÖÜäöüß·-]+")
# Markdown and template syntax that is not text: links' targets, data references, HTML tags.
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")  # its text describes a picture: several sentences are fine
REFERENCE = re.compile(r"\{\{.*?\}\}")
TAG = re.compile(r"<[^>]+>")
GLOSSARY_LINK = re.compile(r"glossar\.md#([a-z0-9-]+)")


@dataclass(frozen=True)
class Finding:
    problem: Problem
    error: bool


def check(trees: dict[str, dict[str, Page]], languages: list[Language], model: Model,
          root: Path | None = None) -> list[Finding]:
    """Every finding on the easy-read languages' pages, in the glossary's easy-read texts and, given
    the project's root, in their own UI strings (i18n/ui/<code>.yml)."""
    findings: list[Finding] = []
    terms = _glossary_terms(model)
    ids = set(model.kinds.get("glossary", {}))
    for language in languages:
        if not language.easy_read:
            continue
        for page in trees.get(language.code, {}).values():
            findings += check_page(page, terms, ids)
        findings += _glossary(model, language.code)
        if root is not None:
            findings += _ui_strings(root, f"i18n/ui/{language.code}.yml")
    return findings


def errors(findings: list[Finding]) -> list[Problem]:
    return [finding.problem for finding in findings if finding.error]


def warnings(findings: list[Finding]) -> list[Problem]:
    return [finding.problem for finding in findings if not finding.error]


def check_page(page: Page, terms: dict[str, str], ids: set[str]) -> list[Finding]:
    """Findings on one page; terms: glossary words → entry id; ids: every glossary entry."""
    lines = list(_text_lines(page.body))
    text = " ".join(line for _, line in lines)
    findings = [Finding(Problem(page.file, page.body_line + offset, rule, message), error)
                for offset, line in lines for rule, message, error in check_line(line)]
    if "NRW" in text:
        first = next(offset for offset, line in lines if "NRW" in line)
        if "Nordrhein-Westfalen" not in " ".join(line for offset, line in lines if offset <= first):
            findings.append(Finding(Problem(page.file, page.body_line + first, "short-form",
                                            "'NRW' before 'Nordrhein-Westfalen' is written out on the page"), True))
    explained = page.meta.get("explained", [])
    findings += [Finding(Problem(page.file, explained.item_lines[index] if hasattr(explained, "item_lines") else None,
                                 "explained", f"'{entry_id}' is not a glossary entry (see data/glossary.yml)"), True)
                 for index, entry_id in enumerate(explained) if entry_id not in ids]
    linked = set(GLOSSARY_LINK.findall(page.body)) | set(explained)
    plain = text.replace("·", "").replace("\u00ad", "")
    for term, entry_id in terms.items():
        if entry_id not in linked and re.search(rf"\b{re.escape(term)}\b", plain):
            offset = next((o for o, line in lines if term in line.replace("·", "")), lines[0][0] if lines else 0)
            findings.append(Finding(Problem(page.file, page.body_line + offset, "glossary-word",
                                            f"'{term}' is neither linked to its glossary entry (../glossar.md#"
                                            f"{entry_id}) nor listed as explained on the page (explained: [{entry_id}])"),
                                    False))
    return findings


def check_line(line: str) -> Iterator[tuple[str, str, bool]]:
    """(rule, message, is an error) for each break in one line of easy-read text."""
    if "§" in line:
        yield "paragraph-sign", "the § sign: say 'Das steht in einem Gesetz.'", True
    for match in ABBREVIATIONS.finditer(line):
        yield "abbreviation", f"'{match.group(0)}': write the words out", True
    if "(" in line or ")" in line:
        yield "brackets", f"brackets in '{_excerpt(line, line.find('(') if '(' in line else line.find(')'))}'", True
    for match in NUMBER_WORDS.finditer(line):
        yield "number-words", f"'{match.group(0)}': write the number as digits", True
    for match in PASSIVE_CERTAIN.finditer(line):
        yield "passive", f"'{match.group(0).strip()}': say who does it", True
    for match in PASSIVE_LIKELY.finditer(line):
        yield "passive", f"'{match.group(1)} … {match.group(2)}' looks passive: say who does it", False
    if TWO_SENTENCES.search(line):
        yield "one-sentence-per-line", f"two sentences in '{_excerpt(line, 0)}': put each on its own line", True
    words = WORD.findall(line)
    if len(words) > TOO_LONG_SENTENCE:
        yield "sentence-length", f"{len(words)} words in '{_excerpt(line, 0)}': split the sentence", True
    elif len(words) > LONG_SENTENCE:
        yield "sentence-length", f"{len(words)} words in '{_excerpt(line, 0)}': shorter is easier", False
    for word in words:
        if len(word) >= LONG_WORD and "·" not in word and "-" not in word and not word.isupper():
            yield "long-word", f"'{word}': split the compound with a middle dot (·)", False


def _text_lines(body: str) -> Iterator[tuple[int, str]]:
    """(line offset in the body, text) of each line that readers see as text."""
    fenced = False
    for offset, raw in enumerate(body.split("\n")):
        if raw.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced or not raw.strip():
            continue
        line = REFERENCE.sub("X", LINK.sub(r"\1", IMAGE.sub("", raw)))
        line = TAG.sub("", line).strip().lstrip("#-*>0123456789. ").replace("**", "").replace("*", "")
        if line:
            yield offset, line


def _excerpt(line: str, at: int) -> str:
    start = max(0, at - 20)
    return ("…" if start else "") + line[start:start + 50] + ("…" if len(line) > start + 50 else "")


def _glossary_terms(model: Model) -> dict[str, str]:
    """German glossary terms (single words, as readers meet them in letters) → entry id."""
    return {record.fields["term"]: record.id for record in model.kinds.get("glossary", {}).values()
            if " " not in record.fields["term"]}


def _ui_strings(root: Path, file: str) -> list[Finding]:
    """The language's own UI strings (check_text); placeholders stand for words. (A file
    that does not load is reported by kvi.languages.)"""
    strings, problems = yaml_source.load(root / file, file) if (root / file).is_file() else (None, [])
    if problems or not isinstance(strings, yaml_source.Located):
        return []
    return [Finding(Problem(file, strings.line_of(key), f"{rule} ({key})", message), error)
            for key, text in strings.items()
            for rule, message, error in check_text(re.sub(r"\{[a-z_]+\}", "X", str(text)))]


def _glossary(model: Model, code: str) -> list[Finding]:
    """The glossary's easy-read definitions (check_text)."""
    findings = []
    for record in model.kinds.get("glossary", {}).values():
        text = record.fields.get("translations", {}).get(code, {}).get("definition")
        if not text:
            continue
        line = record.fields.line_of("translations")
        findings += [Finding(Problem(record.file, line, f"{rule} ({record.id})", message), error)
                     for rule, message, error in check_text(text)]
    return findings


def check_text(text: str) -> Iterator[tuple[str, str, bool]]:
    """The line rules for a text of several sentences in one piece (a glossary entry, a UI string):
    lengths per sentence, the rest on the whole (an abbreviation's full stops are not ends)."""
    per_sentence = {"sentence-length"}
    for rule, message, error in check_line(text):
        if rule not in per_sentence | {"one-sentence-per-line"}:
            yield rule, message, error
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        yield from ((rule, message, error) for rule, message, error in check_line(sentence) if rule in per_sentence)
