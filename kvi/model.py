"""The data model: every YAML file in data/ loaded once, validated, and indexed by id.

Each record remembers its file and line, so any later step (a page that refers to it,
a report) can point an editor to the exact place.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from kvi import confirmations, validate, yaml_source
from kvi.problems import Problem, relative

# Each data/<kind>.yml is described by schemas/<kind>.schema.json. A data file without a
# schema stops the build: nothing an editor adds is silently ignored.
SCHEMA_DIR = validate.SCHEMA_DIR


# Fixed ids, named here once. The operator's single record in data/operator.yml (its schema
# requires this id: "const" in schemas/operator.schema.json) and the network's record in
# data/organisation.yml, which the templates show on every page.
OPERATOR_ID = "betreiber"
ORGANISATION_ID = "landesfachstelle"
# The operating_status of a prison that is closed (one of the "enum" values of operating_status in
# schemas/prisons.schema.json): no visits, no visit card.
CLOSED = "geschlossen"

# Records the templates show on every page.
REQUIRED = [("organisation", ORGANISATION_ID)]


@dataclass(frozen=True)
class Record:
    kind: str
    id: str
    fields: yaml_source.Located
    file: str
    line: int


@dataclass
class Model:
    kinds: dict[str, dict[str, Record]] = field(default_factory=dict)

    def record(self, kind: str, record_id: str) -> Record | None:
        return self.kinds.get(kind, {}).get(record_id)


def kinds(root: Path) -> list[str]:
    """The data kinds: one per YAML file in data/."""
    return sorted(path.stem for path in (root / "data").glob("*.yml"))


def load(root: Path) -> tuple[Model, list[Problem]]:
    data_dir = root / "data"
    model, problems = Model(), []
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and (path.parent != data_dir or path.suffix != ".yml"
                               or not (SCHEMA_DIR / f"{path.stem}.schema.json").exists()):
            problems.append(Problem(relative(path, root), None, None,
                                    "unknown data file: each data file is data/<kind>.yml with a schema "
                                    "schemas/<kind>.schema.json"))
    for kind in kinds(root):
        path = data_dir / f"{kind}.yml"
        if (SCHEMA_DIR / f"{kind}.schema.json").exists():
            records, found = _load_kind(path, relative(path, root), kind, kind)
            model.kinds[kind] = records
            problems += found
    problems += [Problem(f"data/{kind}.yml", None, "id", f"an entry with id '{record_id}' is required")
                 for kind, record_id in REQUIRED if not problems and model.record(kind, record_id) is None]
    problems += _check_references(model) + _check_one_entry_each(model)
    # Answers recorded in the confirmation log mark their entries confirmed (only on valid data).
    return model, problems or confirmations.apply(model.kinds)


def _check_references(model: Model) -> list[Problem]:
    """A field that names another record must name one that exists."""
    problems = []
    for kind in model.kinds:
        for name, target in validate.reference_fields(kind).items():
            for record in model.kinds[kind].values():
                problems += [Problem(record.file, line, name.replace("[]", ""), f"'{item}' is not an id in data/{target}.yml")
                             for item, line in _named(record.fields, name)
                             if isinstance(item, str) and model.record(target, item) is None]
    return problems


def _check_one_entry_each(model: Model) -> list[Problem]:
    """Each record of the referenced kind stands in exactly one entry's list (x-one-entry-each)."""
    problems = []
    for kind in model.kinds:
        for name in validate.one_entry_each(kind):
            target = validate.reference_fields(kind)[name]
            first: dict[object, Record] = {}
            for record in model.kinds[kind].values():
                for item, line in _named(record.fields, name):
                    if not isinstance(item, str):
                        continue  # a wrong type is the schema's problem
                    if item in first:
                        problems.append(Problem(record.file, line, name,
                                                f"'{item}' is already in the {name} list of '{first[item].id}' "
                                                f"(line {first[item].fields.line_of(name)}); each entry of "
                                                f"data/{target}.yml belongs in exactly one"))
                    else:
                        first[item] = record
            problems += [Problem(f"data/{kind}.yml", None, name,
                                 f"'{missing}' (data/{target}.yml) is in no entry's {name} list; "
                                 f"each belongs in exactly one")
                         for missing in sorted(set(model.kinds.get(target, {})) - set(first))]
    return problems


def _named(fields: yaml_source.Located, name: str) -> list[tuple[object, int]]:
    """The values of a reference field with their lines; 'list[].field' looks inside each list item."""
    if "[]." in name:
        outer, inner = name.split("[].")
        return [(item[inner], item.line_of(inner)) for item in fields.get(outer) or []
                if isinstance(item, yaml_source.Located) and inner in item]
    value = fields.get(name)
    values = value if isinstance(value, list) else [value]
    lines = getattr(value, "item_lines", [fields.line_of(name)] * len(values))
    return list(zip(values, lines, strict=True))


# Schema problems of a data file by its exact text and the day (dates must not lie in the future):
# loading an unchanged file again (the preview after an edit elsewhere, the tests' project copies)
# does not validate it again.
_CHECKED: dict[tuple[str, str, str, datetime.date], list[Problem]] = {}


def _schema_problems(data: object, schema: str, file: str, text: str) -> list[Problem]:
    key = (schema, file, hashlib.sha256(text.encode("utf-8")).hexdigest(), datetime.date.today())
    if key not in _CHECKED:
        _CHECKED[key] = validate.check(data, schema, file)
    return list(_CHECKED[key])


def _load_kind(path: Path, file: str, kind: str, schema: str) -> tuple[dict[str, Record], list[Problem]]:
    if not path.exists():
        return {}, [Problem(file, None, None, "file is missing")]
    text = path.read_text(encoding="utf-8")
    data, problems = yaml_source.parse(text, file)
    if data is None and not problems:  # a file with nothing in it (or only comments)
        data = yaml_source.LocatedList()
        data.line = 1
    if problems:
        return {}, problems
    problems = _schema_problems(data, schema, file, text)
    key = validate.key_field(schema)
    records: dict[str, Record] = {}
    for entry in data if isinstance(data, list) else []:
        record_id = entry.get(key) if isinstance(entry, dict) else None
        if not isinstance(record_id, str):
            continue
        line = getattr(entry, "line", 0)
        if record_id in records:
            problems.append(Problem(file, entry.line_of(key), key,
                                    f"'{record_id}' is already used at line {records[record_id].line}; "
                                    f"each {key} must be unique"))
            continue
        records[record_id] = Record(kind, record_id, entry, file, line)
    return records, problems
