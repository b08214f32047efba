"""Translations of data text (a prison's visiting rules, an offer's description …), field by field.

Each translated field records the fingerprint of the German text it was made from, like a page's
source_hash. When the German text changes, its translations are outdated: pages show the current
German text with a notice, never an older fact in another language. Which fields can be translated
is declared in the schemas (text fields, x-translatable).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from kvi import provenance, validate
from kvi.model import Model, Record
from kvi.problems import Problem

FIELD = "translations"


def fingerprint(text: str) -> str:
    """The German text's fingerprint; line breaks and spacing (how YAML wraps it) do not count."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Lookup:
    text: str | None  # the translation, when current
    outdated: bool  # a translation exists but was made from an older German text
    reviewed: bool = True  # a native speaker has checked the translation shown


def lookup(block: dict, lang: str, name: str) -> Lookup:
    entry = block.get(FIELD, {}).get(lang, {}).get(name)
    german = block.get(name)
    if isinstance(entry, str):  # the glossary's term and definition: kept current as a whole
        return Lookup(entry, False, bool(block.get("reviewed_translations")))
    if not entry or not isinstance(german, str):
        return Lookup(None, False)
    if entry["source_hash"] != fingerprint(german):
        return Lookup(None, True)
    return Lookup(entry["text"], False, entry["reviewed"])


def translatable(kind: str, part: str | None) -> list[str]:
    """The text fields of a kind's entries (or of their block part) that take translations field by
    field (their schema's translations block is a field_translations); none for other kinds."""
    properties = _properties(kind, part)
    if not properties.get(FIELD, {}).get("$ref", "").endswith("/field_translations"):
        return []
    return [name for name, spec in properties.items() if isinstance(spec, dict) and _is_text(kind, spec)]


def _properties(kind: str, part: str | None) -> dict:
    properties = validate.schema(kind).get("items", {}).get("properties", {})
    return properties.get(part, {}).get("properties", {}) if part else properties


def _is_text(kind: str, spec: dict) -> bool:
    if "$ref" in spec:
        spec = {**validate.resolver(kind).lookup(spec["$ref"]).contents, **spec}
    return spec.get("x-translatable") is True


@dataclass(frozen=True)
class FieldStatus:
    record: Record
    part: str | None
    name: str
    lang: str
    state: str  # current, outdated or missing
    source_hash: str

    @property
    def label(self) -> str:
        return f"{self.record.kind}/{self.record.id}{'.' + self.part if self.part else ''}.{self.name}"


def rows(model: Model, langs: list[str]) -> Iterator[FieldStatus]:
    """Every German text field of the kinds that take translations, in every language of langs."""
    for kind in sorted(model.kinds):
        for record in model.kinds[kind].values():
            for part, block in provenance.blocks(record.fields):
                for name in translatable(kind, part):
                    if isinstance(block.get(name), str):
                        yield from _states(record, part, block, name, langs)


def _states(record: Record, part: str | None, block: dict, name: str, langs: list[str]) -> Iterator[FieldStatus]:
    current = fingerprint(block[name])
    for lang in langs:
        found = lookup(block, lang, name)
        state = "current" if found.text else "outdated" if found.outdated else "missing"
        yield FieldStatus(record, part, name, lang, state, current)


def check(model: Model) -> list[Problem]:
    """A translation of a field that is no translatable text of its block (a typo, a moved field)."""
    problems = []
    for kind in sorted(model.kinds):
        for record in model.kinds[kind].values():
            for part, block in provenance.blocks(record.fields):
                allowed = set(translatable(kind, part))
                if not allowed:
                    continue  # the glossary translates term and definition its own way
                for lang, fields in (block.get(FIELD) or {}).items():
                    for name in fields or {}:
                        if name not in allowed or not block.get(name):
                            where = f"{part}.{FIELD}" if part else FIELD
                            problems.append(Problem(record.file, fields.line_of(name), f"{where}.{lang}.{name}",
                                                    f"'{name}' is no German text of this block to translate "
                                                    f"(translatable here: {', '.join(sorted(allowed)) or 'none'})"))
    return problems


def print_report(model: Model, langs: list[str], fail: bool = False) -> int:
    """Each data text field and language that is not current, with the German text's hash."""
    every = list(rows(model, langs))
    found = [row for row in every if row.state != "current"]
    width = max((len(row.label) for row in found), default=10)
    print(f"{'language':8}  {'field':{width}}  {'state':8}  source_hash  where")
    for row in found:
        print(f"{row.lang:8}  {row.label:{width}}  {row.state:8}  {row.source_hash}   {row.record.file}:{row.record.line}")
    print(f"{len(every) - len(found)} of {len(every)} data text translations current "
          f"({sum(r.state == 'outdated' for r in found)} outdated, {sum(r.state == 'missing' for r in found)} missing).")
    return 1 if fail and any(row.state == "outdated" for row in found) else 0
