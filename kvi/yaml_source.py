"""YAML that remembers where each value came from, so errors can name file and line.

PyYAML silently keeps the last of two equal keys; here a duplicate key is a problem, so
nothing an editor wrote is lost without a word.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from kvi.problems import Problem


class Located(dict):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    line: int = 0
    item_lines: list


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser where PyYAML has it (several times faster); its nodes carry lines too."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    result = Located()
    result.line = node.start_mark.line + 1 + loader.line_offset
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_line = key_node.start_mark.line + 1 + loader.line_offset
        if key in result:
            loader.duplicates.append((key_line, key))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1 + loader.line_offset
    result.item_lines = [child.start_mark.line + 1 + loader.line_offset for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)

# YAML 1.1 silently turns 05111 into 2633, 14:30 into 870, no into false and 2026-01-02
# into a date. Here only plain decimal numbers, true/false and null are converted; every
# other plain value stays the text the editor typed, and the schema says what it must be.
_IMPLICIT = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]
_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in _IMPLICIT:
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def parse(text: str, file: str, line_offset: int = 0) -> tuple[Any, list[Problem]]:
    """Parse YAML text; return the data and the problems (syntax errors, duplicate keys)."""
    loader = _Loader(text)
    loader.line_offset = line_offset
    loader.duplicates = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else None
        reason = error.problem or str(error)
        return None, [Problem(file, line, None, f"invalid YAML: {reason}")]
    finally:
        loader.dispose()
    problems = [
        Problem(file, line, str(key), "this key appears twice in the same block; keep one")
        for line, key in loader.duplicates
    ]
    return data, problems


def load(path: Path, file: str) -> tuple[Any, list[Problem]]:
    return parse(path.read_text(encoding="utf-8"), file)


def line_at(data: Any, path: list) -> int | None:
    """The line of the deepest value along a path of keys and indexes."""
    line = getattr(data, "line", None)
    node = data
    for step in path:
        if isinstance(node, Located) and step in node:
            line = node.line_of(step)
            node = node[step]
        elif isinstance(node, LocatedList) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line
