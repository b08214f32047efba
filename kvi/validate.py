"""Check loaded YAML against the project's JSON Schemas and word each error for editors."""

from __future__ import annotations

import datetime
import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from kvi import yaml_source
from kvi.problems import Problem

if TYPE_CHECKING:
    from referencing._core import Resolver  # not exported at the top level of referencing

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


FORMATS = FormatChecker()


@FORMATS.checks("phone-de")
def _phone(value: object) -> bool:
    """A number phonenumbers accepts for Germany; short numbers such as 116 111 count."""
    if not isinstance(value, str):
        return True
    try:
        number = phonenumbers.parse(value, "DE")
    except phonenumbers.NumberParseException:
        return False
    # The EU's harmonised 116xxx services (116 016 Hilfetelefon, 116 117 …) are not all in
    # the library's German short-number table, but every 116xxx number is a real service.
    harmonised = re.fullmatch(r"116[0-9]{3}", str(number.national_number)) is not None
    return phonenumbers.is_valid_number(number) or phonenumbers.is_valid_short_number(number) or harmonised


@FORMATS.checks("email")
def _email(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        validate_email(value, check_deliverability=False)  # no network at build time
    except EmailNotValidError:
        return False
    return True


@FORMATS.checks("date")
def _date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@FORMATS.checks("partial-date")
def _partial_date(value: object) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month and day (no 2024-13-45)."""
    if not isinstance(value, str):
        return True
    if re.fullmatch(r"[0-9]{4}", value):
        return True
    return _date(value + "-01" if re.fullmatch(r"[0-9]{4}-[0-9]{2}", value) else value)


@FORMATS.checks("past-date")
def _past_date(value: object) -> bool:
    """A date that has already happened (a check cannot be confirmed in the future)."""
    if not isinstance(value, str):
        return True
    return _date(value) and datetime.date.fromisoformat(value) <= datetime.date.today()


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        resources.append((path.name, Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def schema(schema_name: str) -> dict:
    """The contents of schemas/<schema_name>.schema.json, as validation reads them."""
    return _registry()[f"{schema_name}.schema.json"].contents


def resolver(schema_name: str) -> Resolver:
    """Follows a $ref written in schemas/<schema_name>.schema.json the way validation does:
    resolver.lookup(ref) gives the referenced part and, as its .resolver, the one for refs inside it."""
    return _registry().resolver(base_uri=f"{schema_name}.schema.json")


@cache
def validator(schema_name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(schema_name), registry=_registry(), format_checker=FORMATS)


def reference_fields(schema_name: str) -> dict[str, str]:
    """Fields of a data kind that name a record of another kind by id (schema keyword x-references).

    A field inside a list of objects is named list[].field, like partners[].offer."""
    properties = schema(schema_name).get("items", {}).get("properties", {})
    found = {}
    for name, spec in properties.items():
        if not isinstance(spec, dict):
            continue
        if "x-references" in spec:
            found[name] = spec["x-references"]
        for inner, inner_spec in spec.get("items", {}).get("properties", {}).items():
            if "x-references" in inner_spec:
                found[f"{name}[].{inner}"] = inner_spec["x-references"]
    return found


def one_entry_each(schema_name: str) -> list[str]:
    """Reference fields (lists) in which every record of the referenced kind must stand in exactly
    one entry (schema keyword x-one-entry-each), e.g. each town in one Jugendamt's serves list."""
    properties = schema(schema_name).get("items", {}).get("properties", {})
    return [name for name, spec in properties.items() if isinstance(spec, dict) and spec.get("x-one-entry-each")]


def key_field(schema_name: str) -> str:
    """The field that identifies an entry of a kind: 'id' unless the schema names another (x-key)."""
    return schema(schema_name).get("items", {}).get("x-key", "id")


def required_for_publication(schema_name: str) -> list[str]:
    """Fields of a kind that a build for publication needs filled (schema keyword x-required-for-publication)."""
    return schema(schema_name).get("items", {}).get("x-required-for-publication", [])


def open_data(schema_name: str) -> bool:
    """Whether a kind is published as open data under /daten/ (top-level schema keyword x-open-data)."""
    return schema(schema_name).get("x-open-data", False) is True


def check(data: Any, schema_name: str, file: str) -> list[Problem]:
    """Every schema error in data, as problems pointing at the line of the offending value."""
    problems = []
    for error in validator(schema_name).iter_errors(data):
        # For an unknown or missing key, point at the mapping that holds it.
        path = list(error.absolute_path)
        field = _field_name(error, path)
        problems.append(Problem(file, yaml_source.line_at(data, path), field, _message(error)))
    return problems


def _field_name(error: ValidationError, path: list) -> str | None:
    names = [str(step) if not isinstance(step, int) else f"[{step + 1}]" for step in path]
    if error.validator == "required":
        names.append(error.message.split("'")[1])
    elif error.validator == "additionalProperties":
        instance: Any = error.instance
        extra = sorted(set(instance) - set(_schema(error).get("properties", {})))
        names.append(", ".join(map(str, extra)))
    joined = ".".join(names).replace(".[", "[")
    return joined or None


def _schema(error: ValidationError) -> dict:
    """The part of the schema that failed (a mapping: this project writes no boolean schemas there)."""
    return dict(error.schema) if isinstance(error.schema, dict) else {}


def _message(error: ValidationError) -> str:
    hint = _schema(error).get("x-hint")
    value = "nothing" if error.instance is None else repr(error.instance)
    match error.validator:
        case "required":
            return "this field is required but missing"
        case "additionalProperties":
            allowed = ", ".join(sorted(_schema(error).get("properties", {})))
            return f"unknown field (allowed here: {allowed})"
        case "type":
            expected: Any = error.validator_value
            expected = " or ".join(expected) if isinstance(expected, list) else expected
            return f"{hint or 'must be ' + _article(expected)}, found {value}"
        case "const":
            return f"{hint or 'must be ' + repr(error.validator_value)}, found {value}"
        case "enum":
            values: Any = error.validator_value
            options = ", ".join(repr(v) for v in values)
            return f"must be one of {options}, found {value}"
        case "pattern" | "format":
            return f"{hint or 'has the wrong form'}, found {value}"
        case "minItems":
            return hint or f"needs at least {error.validator_value} entr{'y' if error.validator_value == 1 else 'ies'}"
        case "minLength":
            return "must not be empty"
        case "uniqueItems":
            return "lists the same value twice"
        case _:
            return hint or error.message


def _article(type_name: str) -> str:
    names = {"string": "text", "array": "a list", "object": "a block of fields",
             "integer": "a whole number", "number": "a number", "boolean": "true or false"}
    return names.get(type_name, type_name)
