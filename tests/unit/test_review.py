"""Entries past the review period are warnings; unchecked ones are counted."""

import datetime

from kvi.model import load
from kvi.review import overdue


def test_entry_checked_long_ago_is_overdue_and_recent_is_not(project):
    helplines = project / "data" / "helplines.yml"
    text = helplines.read_text(encoding="utf-8")
    text = text.replace("last_checked: null\n  status: to_confirm", "last_checked: 2025-01-10\n  status: confirmed", 1)
    text = text.replace("last_checked: null\n  status: to_confirm", "last_checked: 2026-10-01\n  status: confirmed", 1)
    helplines.write_text(text, encoding="utf-8")
    model, problems = load(project)
    assert problems == []
    due, unchecked = overdue(model, datetime.date(2026, 11, 25))
    assert [str(d) for d in due] == [
        f"data/helplines.yml:4: helplines/nummer-gegen-kummer: last checked 2025-01-10, more than 12 months ago"]
    assert "helplines" not in unchecked
    assert unchecked["organisation"] == 1


def test_review_period_comes_from_the_operator_file(project):
    operator = project / "data" / "operator.yml"
    operator.write_text(operator.read_text(encoding="utf-8").replace("review_months: 12", "review_months: 1"),
                        encoding="utf-8")
    helplines = project / "data" / "helplines.yml"
    helplines.write_text(helplines.read_text(encoding="utf-8").replace(
        "last_checked: null\n  status: to_confirm", "last_checked: 2026-10-01\n  status: confirmed", 1), encoding="utf-8")
    model, _ = load(project)
    due, _ = overdue(model, datetime.date(2026, 11, 25))
    assert len(due) == 1
