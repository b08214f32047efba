"""The one way a Markdown page refers to data: {{ kind.id.field }}.

Example: {{ helplines.nummer-gegen-kummer.phone }} becomes a tap-to-call link to 116 111.
An unknown kind, id or field, or an empty field, stops the build with the page's line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import Any

from kvi import data_translations, formatting
from kvi.model import Model
from kvi.problems import Problem

REFERENCE = re.compile(r"\{\{(.*?)\}\}")
PARTS = re.compile(r"^\s*([a-z_]+)\.([a-z0-9-]+)\.([a-z_]+)\s*$")

# Fields whose value is shown as a link or formatted for the reader: (value, locale, written out
# for easy-read German).
RENDERERS: dict[str, Callable[[Any, str, bool], str]] = {
    "phone": lambda value, locale, written: formatting.phone_link(value),
    "web": lambda value, locale, written: formatting.web_link(value),
    "opening_hours": formatting.opening_hours,
    "last_checked": lambda value, locale, written: formatting.long_date(value, locale),
}


def resolve(text: str, model: Model, locale: str, file: str, first_line: int,
            german_in_foreign_text: bool = False, written: bool = False,
            lang: str | None = None) -> tuple[str, list[Problem]]:
    """Replace every reference in text; first_line is the file line where text starts.

    Data text is German (names of services, organisations) unless the data hold a current
    translation into lang. German text inside a page in another language is marked as German
    and isolated, so screen readers pronounce it right and its brackets stay in place in
    right-to-left text.
    """
    problems: list[Problem] = []

    def replace(match: re.Match) -> str:
        line = first_line + text.count("\n", 0, match.start())
        rendered, problem = _render(match.group(1), model, locale, german_in_foreign_text, written, lang)
        if problem:
            problems.append(Problem(file, line, match.group(0), problem))
            return match.group(0)
        return rendered

    return REFERENCE.sub(replace, text), problems


def _render(inner: str, model: Model, locale: str, mark_german: bool, written: bool,
            lang: str | None = None) -> tuple[str, str | None]:
    parts = PARTS.match(inner)
    if not parts:
        return "", "a reference must look like {{ kind.id.field }}, e.g. {{ helplines.nummer-gegen-kummer.phone }}"
    kind, record_id, name = parts.groups()
    if kind not in model.kinds:
        return "", f"unknown kind '{kind}' (known: {', '.join(sorted(model.kinds))})"
    record = model.record(kind, record_id)
    if record is None:
        return "", f"no entry with id '{record_id}' in {kind} (known: {', '.join(sorted(model.kinds[kind]))})"
    value = record.fields.get(name)
    if value is None:
        if name in record.fields:
            return "", f"'{name}' of '{record_id}' is empty (not known yet): the page must not rely on it"
        fields = ", ".join(sorted(k for k, v in record.fields.items() if isinstance(v, (str, list))))
        return "", f"'{record_id}' has no field '{name}' (fields: {fields})"
    if name in RENDERERS:
        return RENDERERS[name](value, locale, written), None
    if not isinstance(value, str):
        return "", f"'{name}' is not text and cannot be shown in a page"
    translated = data_translations.lookup(record.fields, lang, name).text if lang else None
    if translated:
        return escape(translated), None
    if mark_german:
        return f'<span lang="de" dir="ltr">{escape(value)}</span>', None
    return escape(value), None
