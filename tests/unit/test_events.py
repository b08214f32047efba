"""Events: upcoming or past by the build date, and a calendar feed that imports."""

import datetime
import shutil
from pathlib import Path

import icalendar

from kvi import exports, generate
from kvi.build import ROOT
from kvi.model import load

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _index(model, day):
    return next(p for p in generate.plan(model, day) if p.path == "termine/index.md").context


def test_the_build_date_decides_upcoming_and_past():
    model, _ = load(ROOT)
    before = _index(model, datetime.date(2025, 12, 1))
    after = _index(model, datetime.date(2025, 12, 17))
    assert [e.id for e in before["upcoming"]] == ["fachtagung-2025-12-16"] and before["past"] == []
    assert [e.id for e in after["past"]] == ["fachtagung-2025-12-16"] and after["upcoming"] == []


def test_calendar_feed_imports_and_is_repeatable():
    model, _ = load(ROOT)
    text = exports.calendar(model, datetime.date(2026, 11, 25))
    assert text == exports.calendar(model, datetime.date(2026, 11, 25))
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert event.decoded("dtstart") == datetime.date(2025, 12, 16)
    assert "LWL-Landeshaus" in str(event["location"])


def test_timed_online_event_uses_berlin_time(project):
    shutil.copyfile(FIXTURES / "events.example.yml", project / "data" / "events.yml")
    model, problems = load(project)
    assert problems == []
    event = icalendar.Calendar.from_ical(exports.calendar(model, datetime.date(2026, 11, 25))).walk("VEVENT")[0]
    start = event.decoded("dtstart")
    assert (start.hour, start.minute, str(start.tzinfo)) == (9, 30, "Europe/Berlin")
    assert str(event["url"]) == "https://example.org/anmeldung"
