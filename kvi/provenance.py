"""An entry's provenance blocks: the entry itself and each block in it with its own source, source
date, last check and status (a prison's visits). Facts, sources and checks belong to a block."""

from __future__ import annotations

from collections.abc import Iterator

# Values of status (schemas/definitions.schema.json, provenance).
CONFIRMED = "confirmed"
OFFICIAL = "official"  # from an official register, kept current by a newer edition


def blocks(fields: dict) -> Iterator[tuple[str | None, dict]]:
    """(name, fields) of the entry (name None) and of each provenance block inside it."""
    yield None, fields
    for name, value in fields.items():
        if isinstance(value, dict) and "status" in value:
            yield name, value
