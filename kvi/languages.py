"""The site's languages and the UI strings of its templates, with German as fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kvi import validate, yaml_source
from kvi.problems import Problem, fail_if, relative

# German, the source of every translation, at the site root. It must come first in
# i18n/languages.yml: schemas/languages.schema.json says so ("const" in its prefixItems), so the
# check and editors' tools give the same message; tests/unit/test_languages.py keeps the two equal.
SOURCE = "de"
FILE = "i18n/languages.yml"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    hreflang: str
    locale: str
    theme_language: str
    dir: str
    easy_read: bool = False  # Leichte Sprache: its own rules, layout and way of writing data

    @property
    def prefix(self) -> str:
        """Path of this language's tree below the site root: '' for German, 'en/' etc."""
        return "" if self.code == SOURCE else f"{self.code}/"


def load_languages(root: Path) -> list[Language]:
    """The languages in menu order, German first; raise BuildFailed listing every problem of the file."""
    if not (root / FILE).is_file():
        fail_if([Problem(FILE, None, None, "file is missing")])
    data, problems = yaml_source.load(root / FILE, FILE)
    problems = problems or check_languages(data, FILE)
    fail_if(problems)
    return [Language(**entry) for entry in data]


def check_languages(data: object, file: str = FILE) -> list[Problem]:
    """Problems of the parsed languages file: its schema (fields, values, German first) and
    codes used twice."""
    problems = validate.check(data, "languages", file)
    seen: dict[str, int] = {}
    for index, entry in enumerate(data if isinstance(data, list) else []):
        code = entry.get("code") if isinstance(entry, dict) else None
        if not isinstance(code, str):
            continue
        if code in seen:
            problems.append(Problem(file, entry.line_of("code"), f"[{index + 1}].code",
                                    f"'{code}' is already used at line {seen[code]}; each code must be unique"))
        else:
            seen[code] = entry.line_of("code")
    return problems


def load_ui_strings(root: Path, languages: list[Language]) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """Each language's strings, completed from German. A key German lacks is a typo."""
    problems: list[Problem] = []
    raw: dict[str, yaml_source.Located] = {}
    for language in languages:
        path = root / "i18n" / "ui" / f"{language.code}.yml"
        file = relative(path, root)
        if not path.exists():
            problems.append(Problem(file, None, None, "file is missing"))
            raw[language.code] = yaml_source.Located()
            continue
        data, found = yaml_source.load(path, file)
        found = found or validate.check(data, "ui-strings", file)
        if not found and list(data) != sorted(data):
            found.append(Problem(file, None, None, "keys must be sorted alphabetically"))
        problems += found
        raw[language.code] = data if isinstance(data, yaml_source.Located) and not found else yaml_source.Located()
    german = raw[SOURCE]
    for language in languages[1:]:
        file = f"i18n/ui/{language.code}.yml"
        for key, text in raw[language.code].items():
            if key not in german:
                problems.append(Problem(file, raw[language.code].line_of(key), key,
                                        "unknown key: it is not in i18n/ui/de.yml (typo?)"))
            elif _placeholders(text) != _placeholders(german[key]):
                problems.append(Problem(file, raw[language.code].line_of(key), key,
                                        f"placeholders must match the German text: {sorted(_placeholders(german[key]))}"))
    strings = {language.code: {**german, **raw[language.code]} for language in languages}
    return strings, problems


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{([a-z_]+)\}", text))
