"""Events: upcoming or past by the build date, and a calendar feed that imports."""

import datetime
import shutil
from pathlib import Path

import icalendar

from kvi import exports, generate
from kvi.model import load

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _index(model, day):
    return next(p for p in generate.plan(model, day) if p.path == "termine/index.md").context


def test_the_build_date_decides_upcoming_and_past(model):
    events = model.kinds["events"]
    for day in (datetime.date(2025, 12, 1), datetime.date(2025, 12, 16), datetime.date(2025, 12, 17)):
        index = _index(model, day)
        upcoming, past = [e.id for e in index["upcoming"]], [e.id for e in index["past"]]
        # Every event is listed once: upcoming from its own day on, soonest first; past ones latest first.
        assert sorted(upcoming + past) == sorted(events), day
        assert all(events[i].fields["date"] >= day.isoformat() for i in upcoming), day
        assert all(events[i].fields["date"] < day.isoformat() for i in past), day
        assert [events[i].fields["date"] for i in upcoming] == sorted(events[i].fields["date"] for i in upcoming)
        assert [events[i].fields["date"] for i in past] == sorted((events[i].fields["date"] for i in past), reverse=True)
    before, on_the_day = _index(model, datetime.date(2025, 12, 1)), _index(model, datetime.date(2025, 12, 16))
    after = _index(model, datetime.date(2025, 12, 17))
    assert "fachtagung-2025-12-16" in [e.id for e in before["upcoming"]]
    assert "fachtagung-2025-12-16" in [e.id for e in on_the_day["upcoming"]]
    assert "fachtagung-2025-12-16" in [e.id for e in after["past"]]


def test_calendar_feed_imports_and_is_repeatable(model):
    text = exports.calendar(model, datetime.date(2026, 11, 25))
    assert text == exports.calendar(model, datetime.date(2026, 11, 25))
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    # One entry in the feed per event in data/events.yml.
    assert sorted(str(e["uid"]) for e in events) == sorted(f"{i}@kinder-von-inhaftierten-nrw" for i in model.kinds["events"])
    event = next(e for e in events if str(e["uid"]) == "fachtagung-2025-12-16@kinder-von-inhaftierten-nrw")
    start = event.decoded("dtstart")  # published start time, in Berlin time
    assert (start.date(), start.hour, str(start.tzinfo)) == (datetime.date(2025, 12, 16), 10, "Europe/Berlin")
    assert "LWL-Landeshaus" in str(event["location"])


def test_timed_online_event_uses_berlin_time(project):
    shutil.copyfile(FIXTURES / "events.example.yml", project / "data" / "events.yml")
    model, problems = load(project)
    assert problems == []
    event = icalendar.Calendar.from_ical(exports.calendar(model, datetime.date(2026, 11, 25))).walk("VEVENT")[0]
    start = event.decoded("dtstart")
    assert (start.hour, start.minute, str(start.tzinfo)) == (9, 30, "Europe/Berlin")
    assert str(event["url"]) == "https://example.org/anmeldung"
