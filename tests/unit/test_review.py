"""Entries past the review period are warnings; unchecked ones are counted."""

import datetime

from kvi.model import load
from kvi.review import due as review_due
from kvi.review import overdue, unconfirmed
from tests.conftest import project_in

project = project_in("de", "en")  # these checks need no more languages


def _line_of_entry(path, record_id: str) -> int:
    """The line where an entry of a data file starts (editors may add lines above it)."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line == f"- id: {record_id}")


def test_entry_checked_long_ago_is_overdue_and_recent_is_not(project, model):
    helplines = project / "data" / "helplines.yml"
    text = helplines.read_text(encoding="utf-8")
    text = text.replace("last_checked: null\n  status: to_confirm", "last_checked: 2025-01-10\n  status: confirmed", 1)
    text = text.replace("last_checked: null\n  status: to_confirm", "last_checked: 2026-10-01\n  status: confirmed", 1)
    helplines.write_text(text, encoding="utf-8")
    changed, problems = load(project)
    assert problems == []
    due, unchecked = overdue(changed, datetime.date(2026, 11, 25))
    assert [str(d) for d in due] == [
        f"data/helplines.yml:{_line_of_entry(helplines, 'nummer-gegen-kummer')}: helplines/nummer-gegen-kummer: "
        "last checked 2025-01-10, more than 12 months ago"]
    before = unconfirmed(model)  # the project's data as it was copied
    assert unchecked["helplines"] == before["helplines"] - 2  # the two confirmed above
    assert unchecked["organisation"] == before["organisation"] > 0


def test_review_period_comes_from_the_operator_file(project):
    operator = project / "data" / "operator.yml"
    operator.write_text(operator.read_text(encoding="utf-8").replace("review_months: 12", "review_months: 1"),
                        encoding="utf-8")
    helplines = project / "data" / "helplines.yml"
    helplines.write_text(helplines.read_text(encoding="utf-8").replace(
        "last_checked: null\n  status: to_confirm", "last_checked: 2026-10-01\n  status: confirmed", 1), encoding="utf-8")
    model, _ = load(project)
    due, _ = overdue(model, datetime.date(2026, 11, 25))
    # Checked 2026-10-01: overdue after one month, the operator's period, though not after the default twelve.
    assert [(d.label, d.months) for d in due if d.file == "data/helplines.yml"] == [("helplines/nummer-gegen-kummer", 1)]
    assert [d for d in review_due(model, datetime.date(2026, 11, 25), 12) if d.file == "data/helplines.yml"] == []


TODAY = datetime.date(2026, 6, 1)  # fixed, and before the real date: last_checked may not lie in the future


def _confirm(project, file, dates):
    """Mark the first entries of a data file (in file order) as confirmed on the given dates."""
    path = project / "data" / file
    text = path.read_text(encoding="utf-8")
    for day in dates:
        text = text.replace("last_checked: null\n  status: to_confirm", f"last_checked: {day}\n  status: confirmed", 1)
    path.write_text(text, encoding="utf-8")


def test_due_lists_overdue_and_due_soon_by_review_date(project):
    from kvi.review import due

    # 13 months ago: overdue; due in 20 days: due soon.
    _confirm(project, "helplines.yml", ["2025-05-01", "2025-06-21"])
    model, problems = load(project)
    assert problems == []
    found = due(model, TODAY, 12)
    assert [(d.label, d.state, d.due_on, d.days_left) for d in found] == [
        ("helplines/nummer-gegen-kummer", "overdue", datetime.date(2026, 5, 1), -31),
        ("helplines/elterntelefon", "due soon", datetime.date(2026, 6, 21), 20),
    ]
    assert found[0].file == "data/helplines.yml"
    assert found[0].line == _line_of_entry(project / "data" / "helplines.yml", "nummer-gegen-kummer")
    assert found[1].reason == "last checked 2025-06-21, due for a check on 2026-06-21"
    # Later than 30 days ahead: not listed; the period defaults to data/operator.yml.
    assert [(d.label, d.state) for d in due(model, datetime.date(2026, 5, 1))] == [
        ("helplines/nummer-gegen-kummer", "due soon")]  # due that very day
    assert due(model, datetime.date(2026, 3, 31)) == []


def test_a_visits_block_is_reviewed_on_its_own(project, model):
    from kvi.review import due

    prisons = project / "data" / "prisons.yml"
    text = prisons.read_text(encoding="utf-8")
    start = text.index("- id: jva-koeln\n")
    block = text.index("    last_checked: null\n    status: to_confirm", start)
    text = text[:block] + "    last_checked: 2025-05-20\n    status: confirmed" + text[block + 45:]
    prisons.write_text(text, encoding="utf-8")
    changed, problems = load(project)
    assert problems == []
    [entry] = due(changed, TODAY)
    assert (entry.label, entry.state, entry.part) == ("prisons/jva-koeln (visits)", "overdue", "visits")
    assert text.splitlines()[entry.line - 1] == "  visits:"
    counts, before = unconfirmed(changed), unconfirmed(model)  # model: the project's data as it was copied
    # The confirmed visits block no longer counts; the prison entry itself still does.
    assert counts["prisons"] == before["prisons"] > 0
    assert counts["prisons.visits"] == before["prisons.visits"] - 1


def test_review_command_fails_only_when_asked_and_something_is_overdue(project, capsys):
    from kvi.cli import main

    root = ["--root", str(project), "review", "--today", TODAY.isoformat()]
    _confirm(project, "helplines.yml", ["2026-01-10", "2025-06-21"])
    assert main(root + ["--fail"]) == 0  # only due soon
    out = capsys.readouterr().out
    assert "due soon  2026-06-21     20  2025-06-21  helplines/elterntelefon" in out
    assert "0 entries overdue for a check, 1 due within 30 days (review period 12 months)." in out
    _confirm(project, "organisation.yml", ["2025-05-01"])
    assert main(root) == 0
    assert main(root + ["--fail"]) == 1
    out = capsys.readouterr().out
    assert "overdue   2026-05-01    -31  2025-05-01  organisation/landesfachstelle" in out


def test_add_months_keeps_the_day_or_takes_the_last_of_the_month():
    from kvi.review import add_months

    assert add_months(datetime.date(2025, 1, 31), 1) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2025, 11, 15), 12) == datetime.date(2026, 11, 15)
    assert add_months(datetime.date(2025, 12, 1), 1) == datetime.date(2026, 1, 1)
