"""Which data entries are due for a check: last confirmed longer ago than the review period
(data/operator.yml, default 12 months) or within the next 30 days of it, and how many were
never confirmed with the provider.

A block inside an entry with its own provenance (a prison's `visits`) has its own
last_checked and is reviewed on its own.

The functions here return plain data (`due`, `unconfirmed`); `print_report` only prints
them, so the same report can be rendered elsewhere (e.g. an editors' page).
"""

from __future__ import annotations

import calendar
import datetime
from collections import Counter
from dataclasses import dataclass

from kvi import provenance
from kvi.model import OPERATOR_ID, Model, Record

DEFAULT_MONTHS = 12
SOON_DAYS = 30  # "due soon": the review date falls within this many days from today


@dataclass(frozen=True)
class Due:
    """One entry, or one block of an entry with its own provenance, whose check is due.

    part is None for the entry itself, or the field holding the block (e.g. "visits").
    due_on = last_checked + the review period; overdue when due_on lies before today,
    otherwise due soon (within SOON_DAYS). days_left is negative when overdue."""

    record: Record
    part: str | None
    last_checked: datetime.date
    due_on: datetime.date
    days_left: int
    months: int

    @property
    def kind(self) -> str:
        return self.record.kind

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def file(self) -> str:
        return self.record.file

    @property
    def line(self) -> int:
        """The entry's first line, or the line of the block's key for a block."""
        return self.record.fields.line_of(self.part) if self.part else self.record.line

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def state(self) -> str:
        """'overdue' or 'due soon'."""
        return "overdue" if self.overdue else "due soon"

    @property
    def label(self) -> str:
        """kind/id, with the block in brackets: 'prisons/jva-koeln (visits)'."""
        return f"{self.kind}/{self.id}" + (f" ({self.part})" if self.part else "")

    @property
    def reason(self) -> str:
        if self.overdue:
            return f"last checked {self.last_checked.isoformat()}, more than {self.months} months ago"
        return f"last checked {self.last_checked.isoformat()}, due for a check on {self.due_on.isoformat()}"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.label}: {self.reason}"


def review_months(model: Model) -> int:
    """The review period in months from data/operator.yml (DEFAULT_MONTHS without one)."""
    operator = model.record("operator", OPERATOR_ID)
    return operator.fields["review_months"] if operator else DEFAULT_MONTHS


def due(model: Model, today: datetime.date, months: int | None = None,
        soon_days: int = SOON_DAYS) -> list[Due]:
    """Every entry (and block with its own provenance) whose review date, last_checked plus
    `months` (default: the operator's review period), lies before today (overdue) or within
    `soon_days` from today (due soon). Sorted by review date, most overdue first.

    Entries never checked (last_checked empty) are not listed here: see `unconfirmed`."""
    months = review_months(model) if months is None else months
    horizon = today + datetime.timedelta(days=soon_days)
    found = []
    for record, part, block in _blocks(model):
        checked = block.get("last_checked")
        if not checked:
            continue
        checked = datetime.date.fromisoformat(checked)
        due_on = add_months(checked, months)
        if due_on <= horizon:
            found.append(Due(record, part, checked, due_on, (due_on - today).days, months))
    return sorted(found, key=lambda d: (d.due_on, d.kind, d.id, d.part or ""))


def unconfirmed(model: Model) -> Counter:
    """Per data file, how many entries were never confirmed with the provider (status
    to_confirm, last_checked empty). Keys are the kind ('prisons'); blocks with their own
    provenance count under kind.part ('prisons.visits')."""
    counts: Counter = Counter()
    for record, part, block in _blocks(model):
        if block.get("status") == "to_confirm" and not block.get("last_checked"):
            counts[f"{record.kind}.{part}" if part else record.kind] += 1
    return counts


def overdue(model: Model, today: datetime.date) -> tuple[list[Due], Counter]:
    """Entries checked too long ago, and per kind how many were never checked."""
    return [d for d in due(model, today) if d.overdue], unconfirmed(model)


def print_report(model: Model, today: datetime.date, fail: bool = False) -> int:
    """Print the review table; with fail, return 1 when an entry is overdue."""
    months = review_months(model)
    found = due(model, today, months)
    print(f"Review on {today.isoformat()}: review period {months} months, "
          f"'due soon' = within {SOON_DAYS} days; days = days left (negative: overdue).")
    if found:
        width = max(len(d.label) for d in found)
        print(f"{'state':8}  {'due on':10}  {'days':>5}  {'checked':10}  {'entry':{width}}  where")
        for entry in found:
            print(f"{entry.state:8}  {entry.due_on.isoformat():10}  {entry.days_left:5}  "
                  f"{entry.last_checked.isoformat():10}  {entry.label:{width}}  {entry.file}:{entry.line}")
    late = sum(1 for d in found if d.overdue)
    print(f"{late} entries overdue for a check, {len(found) - late} due within {SOON_DAYS} days "
          f"(review period {months} months).")
    counts = unconfirmed(model)
    if counts:
        print("Not yet confirmed with the provider (status to_confirm, last_checked empty):")
        width = max(map(len, counts))
        for kind, count in sorted(counts.items()):
            print(f"  {kind:{width}}  {count:4}")
    return 1 if fail and late else 0


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the 31st of a shorter month becomes its last day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _blocks(model: Model):
    """(record, part, fields) for every entry and every provenance block inside it, e.g. a prison's visits."""
    for _kind, records in sorted(model.kinds.items()):
        for record in records.values():
            for part, block in provenance.blocks(record.fields):
                yield record, part, block
