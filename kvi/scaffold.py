"""Starting points for editors: a new data entry generated from its schema, or a new
translation made from the German page.

A new entry lists every field of the schema with its description. Required fields are left
empty, so `kvi check` names each one until it is filled; optional fields are commented out.
Nothing is ever overwritten: an entry is appended to its data file, a translation is a new file.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kvi import pages, validate, yaml_source
from kvi.languages import FILE as LANGUAGES_FILE
from kvi.languages import SOURCE, load_languages
from kvi.problems import BuildFailed, relative
from kvi.translation_status import UNTRANSLATED_MARK

if TYPE_CHECKING:
    from referencing._core import Resolver

# Provenance of a new entry: taken from a source, nobody has confirmed it yet.
FIXED = {"status": "to_confirm", "last_checked": "null", "source_date": ""}
WRAP = 96


class ScaffoldRefused(Exception):
    """The request cannot be carried out (unknown id, kind, language or page; already exists)."""


@dataclass(frozen=True)
class FieldDoc:
    """One field of a data kind as its schema describes it (references resolved)."""

    name: str
    title: str
    description: str
    required: bool
    spec: dict = field(repr=False)
    # Follows the $refs inside spec from the schema file spec comes from (validate.resolver).
    resolver: Resolver | None = field(default=None, repr=False, compare=False)

    @property
    def is_list(self) -> bool:
        return self.spec.get("type") == "array"


@dataclass(frozen=True)
class Created:
    """What was made: the file, the line where the new part starts, and the fields still to fill."""

    file: str
    line: int
    to_fill: tuple[str, ...]


def fields_of(kind: str) -> list[FieldDoc]:
    """The fields of one entry of data/<kind>.yml, in schema order, with title, description and
    whether they are required (taken from schemas/<kind>.schema.json and what it references,
    resolved through the registry validation uses)."""
    resolver = validate.resolver(kind)
    items = validate.schema(kind).get("items", {})
    # Fields declared as `true` are defined by a shared part (e.g. provenance) in allOf.
    shared = {}
    for part in items.get("allOf", []):
        part, part_resolver = _follow(part, resolver)
        for name, spec in part.get("properties", {}).items():
            shared[name] = _follow(spec, part_resolver)
    required = set(items.get("required", []))
    docs = []
    for name, spec in items.get("properties", {}).items():
        spec, spec_resolver = shared.get(name, ({}, resolver)) if spec is True else _follow(spec, resolver)
        docs.append(FieldDoc(name, spec.get("title", name), spec.get("description", ""), name in required, spec,
                             spec_resolver))
    return docs


def entry_text(kind: str, record_id: str) -> str:
    """The YAML of a new entry of data/<kind>.yml: every field with a comment above it."""
    key = validate.key_field(kind)
    lines = ["# New entry (kvi new): fill in every required field, uncomment optional ones you need.",
             "# `kvi check` names each required field that is still empty."]
    docs = sorted(fields_of(kind), key=lambda doc: doc.name != key)  # the key opens the entry
    for doc in docs:
        lines += _comment(doc, "" if doc.name == key else "  ")
        if doc.name == key:
            lines.append(f"- {key}: {record_id}")
        elif doc.name in FIXED:
            lines.append(f"  {doc.name}: {FIXED[doc.name]}".rstrip())
        elif doc.required:
            lines.append(f"  {doc.name}: []" if doc.is_list else f"  {doc.name}:")
        else:
            lines += [f"  # {line}" for line in _skeleton(doc.name, doc.spec, doc.resolver or validate.resolver(kind))]
    return "\n".join(lines) + "\n"


def new_entry(root: Path, kind: str, record_id: str) -> Created:
    """Append a new entry with this id to data/<kind>.yml; refuse an invalid or existing id."""
    path = root / "data" / f"{kind}.yml"
    file = relative(path, root)
    if not path.exists() or not (validate.SCHEMA_DIR / f"{kind}.schema.json").exists():
        raise ScaffoldRefused(f"{file}: there is no such data file with a schema")
    key = validate.key_field(kind)
    id_spec = next((d.spec for d in fields_of(kind) if d.name == key), {})
    pattern = id_spec.get("pattern")
    if pattern and not re.search(pattern, record_id):
        hint = id_spec.get("x-hint", f"must match {pattern}")
        raise ScaffoldRefused(f"{file}: {key}: '{record_id}' is not a valid {key}: {hint}")
    text = path.read_text(encoding="utf-8")
    data, problems = yaml_source.parse(text, file)
    if problems:
        raise ScaffoldRefused("\n".join(map(str, problems)) + f"\n{file}: fix these problems first")
    for entry in data or []:
        if isinstance(entry, yaml_source.Located) and entry.get(key) == record_id:
            raise ScaffoldRefused(f"{file}:{entry.line_of(key)}: {key}: '{record_id}' already exists; "
                                  f"choose another {key} or edit that entry")
    if text and not text.endswith("\n"):
        text += "\n"
    added = entry_text(kind, record_id)
    new_text = text + "\n" + added
    # The new entry must read as one more entry, or nothing is written.
    check, problems = yaml_source.parse(new_text, file)
    if problems or not isinstance(check, list) or len(check) != len(data or []) + 1:
        raise ScaffoldRefused(f"{file}: could not add the entry without breaking the file; nothing was written")
    path.write_text(new_text, encoding="utf-8")
    line = new_text.count("\n", 0, len(text) + 1) + added.splitlines().index(f"- {key}: {record_id}") + 1
    to_fill = tuple(d.name for d in fields_of(kind) if d.required and d.name != key and d.name not in FIXED)
    return Created(file, line, to_fill)


def new_translation(root: Path, lang: str, page_path: str) -> Created:
    """Create content/<lang>/<page> from the German page: its description marked for translation,
    the translation record with the German page's current hash and reviewed: false, and the
    German text as a starting point. Refuse an unknown language or page, or an existing file."""
    try:
        codes = [language.code for language in load_languages(root)]
    except BuildFailed as failure:
        problems = "\n".join(map(str, failure.problems))
        raise ScaffoldRefused(f"{problems}\n{LANGUAGES_FILE}: fix these problems first") from None
    if lang not in codes[1:]:
        raise ScaffoldRefused(f"unknown language '{lang}': translations are made into {', '.join(codes[1:])} "
                              f"(i18n/languages.yml); {SOURCE} is the source")
    path = _page_path(page_path)
    source_file = root / "content" / SOURCE / path
    if not source_file.is_file():
        raise ScaffoldRefused(f"content/{SOURCE}/{path}: there is no such German page")
    source, found = pages.read_page(source_file, root, SOURCE)
    if source is None or found:
        raise ScaffoldRefused("\n".join(map(str, found)) + f"\ncontent/{SOURCE}/{path}: fix the German page first")
    target = root / "content" / lang / path
    file = relative(target, root)
    if target.exists():
        raise ScaffoldRefused(f"{file}: the translation already exists; edit it instead")
    description = json.dumps(f"{UNTRANSLATED_MARK} {source.meta.get('description', '')}", ensure_ascii=False)
    front = [
        "---",
        f"# Made by kvi new translation from content/{SOURCE}/{path}: translate description and text,",
        f"# then remove {UNTRANSLATED_MARK}. Set reviewed: true only after a native speaker has checked it.",
        f"description: {description}",
        "translation:",
        f"  source_hash: {source.source_hash}",
        "  reviewed: false",
        "---",
    ]
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as out:
        out.write("\n".join(front) + "\n" + source.body)
    return Created(file, 1, ("description", "text"))


def _page_path(page_path: str) -> str:
    """A page as editors may name it ('familie/besuch', 'content/de/familie/besuch.md'),
    as a path below content/de/ ending in .md."""
    path = page_path.replace("\\", "/").strip("/")
    path = path.removeprefix(f"content/{SOURCE}/")
    if not path.endswith(".md"):
        path += ".md"
    if any(part in ("", ".", "..") for part in path.split("/")):
        raise ScaffoldRefused(f"'{page_path}' is not a page path below content/{SOURCE}/")
    return path


def _comment(doc: FieldDoc, indent: str) -> list[str]:
    """Comment lines describing a field: title, required or optional, description, allowed
    values and an example."""
    text = f"{doc.title} ({'required' if doc.required else 'optional'})"
    if doc.description:
        text += f": {doc.description}"
    options = doc.spec.get("enum") or doc.spec.get("items", {}).get("enum")
    if options and not all(str(option) in doc.description for option in options):
        text += f" Allowed: {', '.join(map(str, options))}."
    if doc.spec.get("x-hint") and not options:
        text += f" Form: {doc.spec['x-hint']}."
    examples = doc.spec.get("examples")
    if examples and examples[0] is not None and not isinstance(examples[0], dict):
        text += f" Example: {_flow(examples[0])}"
    wrapped = textwrap.wrap(text, WRAP - len(indent) - 2, break_on_hyphens=False)
    return [f"{indent}# {wrapped[0]}"] + [f"{indent}#   {line}" for line in wrapped[1:]]


def _skeleton(name: str, spec: dict, resolver: Resolver) -> list[str]:
    """An optional field as YAML lines (to be commented out): the key, and the keys of a block
    or of a list of blocks below it."""
    if spec.get("type") == "object" and "properties" in spec:
        inner = [f"  {line}" for key, sub in spec["properties"].items()
                 for line in _skeleton(key, *_follow(sub, resolver))]
        return [f"{name}:"] + inner
    items, resolver = _follow(spec.get("items", {}), resolver) if spec.get("type") == "array" else ({}, resolver)
    if items.get("type") == "object" and "properties" in items:
        inner = [line for key, sub in items["properties"].items() for line in _skeleton(key, *_follow(sub, resolver))]
        return [f"{name}:"] + [f"  - {line}" if i == 0 else f"    {line}" for i, line in enumerate(inner)]
    return [f"{name}:"]


def _flow(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) and re.match(r"^[0-9+]", value) else str(value)


def _follow(spec: object, resolver: Resolver) -> tuple[dict, Resolver]:
    """A schema with its $ref followed through the validation registry (its own keys win over the
    referenced ones), and the resolver for the $refs inside what the reference led to."""
    if not isinstance(spec, dict):
        return {}, resolver
    ref = spec.get("$ref")
    if not ref:
        return spec, resolver
    resolved = resolver.lookup(ref)
    target, inner = _follow(resolved.contents, resolved.resolver)
    merged = dict(target)
    merged.update({k: v for k, v in spec.items() if k != "$ref"})
    return merged, inner
