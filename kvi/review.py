"""Which data entries are due for a check: last confirmed longer ago than the review period
(data/operator.yml, default 12 months), or never confirmed with the provider."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from kvi.model import Model, Record

DEFAULT_MONTHS = 12


@dataclass(frozen=True)
class Due:
    record: Record
    reason: str

    def __str__(self) -> str:
        return f"{self.record.file}:{self.record.line}: {self.record.kind}/{self.record.id}: {self.reason}"


def review_months(model: Model) -> int:
    operator = model.record("operator", "betreiber")
    return operator.fields["review_months"] if operator else DEFAULT_MONTHS


def overdue(model: Model, today: datetime.date) -> tuple[list[Due], Counter]:
    """Entries checked too long ago (warnings), and per kind how many were never checked."""
    months = review_months(model)
    limit = _months_before(today, months)
    due, unchecked = [], Counter()
    for kind, records in sorted(model.kinds.items()):
        for record in records.values():
            status = record.fields.get("status")
            checked = record.fields.get("last_checked")
            if checked and datetime.date.fromisoformat(checked) < limit:
                due.append(Due(record, f"last checked {checked}, more than {months} months ago"))
            elif status == "to_confirm" and not checked:
                unchecked[kind] += 1
    return due, unchecked


def print_report(model: Model, today: datetime.date) -> int:
    due, unchecked = overdue(model, today)
    for entry in due:
        print(f"warning: {entry}")
    print(f"{len(due)} entries overdue for a check (review period {review_months(model)} months).")
    for kind, count in sorted(unchecked.items()):
        print(f"{kind}: {count} entries not yet confirmed with the provider (status to_confirm)")
    return 0


def _months_before(day: datetime.date, months: int) -> datetime.date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, 28))
