"""Completeness of the prison data: which facts families need are still unknown per prison.

`prison_gaps` and `prison_gap_totals` return plain data; `print_prison_report` only prints
it, so the same report can be rendered elsewhere (e.g. an editors' page).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kvi.model import CLOSED, Model

# The facts checked, as field paths of data/prisons.yml ('visits.x' lies in the visits block),
# with a short column heading for the printed table.
PRISON_FIELDS = {
    "address": "address",
    "phone": "phone",
    "web": "web",
    "visits.booking": "booking",
    "visits.booking_phone": "book.tel",
    "visits.times": "times",
    "visits.id_rules": "id",
    "visits.items": "items",
    "visits.children": "children",
    "visits.family_offers": "family",
}
BOOKING_FIELDS = ("visits.booking", "visits.booking_phone")


@dataclass(frozen=True)
class PrisonGaps:
    """One prison and which of PRISON_FIELDS are still unknown (empty or left out).

    missing keeps the order of PRISON_FIELDS. The prison lacks booking information when
    both visits.booking and visits.booking_phone are unknown."""

    id: str
    name: str
    operating_status: str
    file: str
    line: int
    missing: tuple[str, ...]

    @property
    def closed(self) -> bool:
        return self.operating_status == CLOSED

    @property
    def lacks_booking(self) -> bool:
        return all(name in self.missing for name in BOOKING_FIELDS)

    @property
    def known(self) -> tuple[str, ...]:
        return tuple(name for name in PRISON_FIELDS if name not in self.missing)


def prison_gaps(model: Model) -> list[PrisonGaps]:
    """Every prison in data/prisons.yml with the facts still unknown: prisons in use (or
    moving) first, then closed ones; each group ordered by id."""
    found = []
    for record in model.kinds.get("prisons", {}).values():
        fields = record.fields
        missing = tuple(name for name in PRISON_FIELDS if _empty(_value(fields, name)))
        found.append(PrisonGaps(record.id, fields.get("name", record.id), fields.get("operating_status", ""),
                                record.file, record.line, missing))
    return sorted(found, key=lambda gaps: (gaps.closed, gaps.id))


def prison_gap_totals(gaps: list[PrisonGaps], include_closed: bool = False) -> dict[str, int]:
    """Per field of PRISON_FIELDS, how many prisons lack it (by default only prisons not closed),
    and under 'booking information' how many lack both booking fields."""
    counted = [g for g in gaps if include_closed or not g.closed]
    totals = Counter(name for g in counted for name in g.missing)
    result = {name: totals[name] for name in PRISON_FIELDS}
    result["booking information"] = sum(g.lacks_booking for g in counted)
    return result


def print_prison_report(model: Model, fail: bool = False) -> int:
    """Print one row per prison ('·' = unknown, '✓' = known) and a total line; with fail,
    return 1 when a prison that is not closed lacks booking information."""
    gaps = prison_gaps(model)
    width = max([len(g.id) for g in gaps] + [6])
    columns = list(PRISON_FIELDS.values())
    print(f"{'prison':{width}}  " + "  ".join(columns) + "  unknown")
    for g in gaps:
        cells = "  ".join(f"{'·' if name in g.missing else '✓':^{len(heading)}}"
                          for name, heading in PRISON_FIELDS.items())
        notes = ["closed" if g.closed else "" if g.operating_status == "in-betrieb" else g.operating_status,
                 "no booking information" if g.lacks_booking and not g.closed else ""]
        note = "; ".join(n for n in notes if n)
        print(f"{g.id:{width}}  {cells}  {len(g.missing):>7}  {note}".rstrip())
    open_prisons = [g for g in gaps if not g.closed]
    totals = prison_gap_totals(gaps)
    cells = "  ".join(f"{totals[name]:^{len(heading)}}" for name, heading in PRISON_FIELDS.items())
    print(f"{'unknown in ' + str(len(open_prisons)) + ' not closed':{width}}  {cells}".rstrip())
    print(f"{totals['booking information']} of {len(open_prisons)} prisons not closed lack booking information "
          f"(neither visits.booking nor visits.booking_phone); {len(gaps) - len(open_prisons)} closed.")
    print("✓ known, · unknown. Columns: " + ", ".join(f"{h} = {n}" for n, h in PRISON_FIELDS.items() if h != n) + ".")
    return 1 if fail and totals["booking information"] else 0


def _value(fields: dict, name: str) -> object:
    value: object = fields
    for step in name.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(step)
    return value


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}

