"""Facts rendered for a reader: phone links, opening hours and dates in the reader's locale."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping

from babel.dates import format_date, format_skeleton, format_time, get_day_names
from markupsafe import Markup

WEEKDAYS = ["mo", "tu", "we", "th", "fr", "sa", "su"]


def phone_link(number: str) -> Markup:
    """A tap-to-call link. dir="ltr" keeps digit groups in order inside right-to-left text."""
    digits = re.sub(r"[^0-9+]", "", number)
    if digits.startswith("0"):
        digits = "+49" + digits[1:]
    # 116 xxx numbers are harmonised EU services and are dialled as they are.
    return Markup('<a href="tel:{}" class="kvi-phone" dir="ltr">{}</a>').format(digits, number)


def web_link(url: str, shown: str | None = None) -> Markup:
    """A link showing the address without scheme and www. (or the given text, e.g. only the domain)."""
    shown = shown or re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
    return Markup('<a href="{}" dir="ltr">{}</a>').format(url, shown)


def opening_hours(entries: list[dict], locale: str, written: bool = False) -> str:
    """'Mo.–Sa. 14:00–20:00' in the reader's locale; groups of days joined by commas. Written out
    for easy-read German: 'Montag bis Samstag von 14 Uhr bis 20 Uhr'."""
    if written:
        return "; ".join(_written_entry(entry) for entry in entries)
    names = get_day_names("abbreviated", locale=locale)
    parts = []
    for entry in entries:
        days = _day_ranges([WEEKDAYS.index(day) for day in entry["days"]], names)
        hours = "\u2013".join(_time(entry[key], locale) for key in ("opens", "closes"))
        parts.append(f"{days} {hours}")
    return "; ".join(parts)


def _written_entry(entry: dict) -> str:
    """One entry of opening hours in words, as easy-read German writes them (no abbreviations,
    no colon times)."""
    names = get_day_names("wide", locale="de_DE")
    groups: list[str] = []
    for run in _runs([WEEKDAYS.index(day) for day in entry["days"]]):
        groups += [f"{names[run[0]]} bis {names[run[-1]]}"] if len(run) > 2 else [names[day] for day in run]
    days = groups[0] if len(groups) == 1 else ", ".join(groups[:-1]) + " und " + groups[-1]
    return f"{days} von {_written_time(entry['opens'])} bis {_written_time(entry['closes'])}"


def _written_time(text: str) -> str:
    hour, minute = map(int, text.split(":"))
    return f"{hour} Uhr" + (f" {minute}" if minute else "")


def long_date(iso: str, locale: str) -> str:
    return format_date(datetime.date.fromisoformat(iso), format="long", locale=locale)


def source_date(text: str, locale: str) -> str:
    """A source's date as precise as the source gives it: '2024', 'April 2024' or '17. April 2024'."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_skeleton("yMMMM", datetime.date(parts[0], parts[1], 1), locale=locale)
    return format_date(datetime.date(*parts), format="long", locale=locale)


def _time(text: str, locale: str) -> str:
    hour, minute = map(int, text.split(":"))
    return format_time(datetime.time(hour, minute), format="short", locale=locale)


def _runs(indexes: list[int]) -> list[list[int]]:
    """Weekday numbers grouped into runs of consecutive days: [0,1,2,4] → [[0,1,2],[4]]."""
    runs: list[list[int]] = []
    for index in sorted(indexes):
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _day_ranges(indexes: list[int], names: Mapping) -> str:
    """Consecutive days become a range: [0,1,2,3,4] → 'Mo–Fr'."""
    runs = _runs(indexes)
    return ", ".join(
        names[run[0]] if len(run) == 1 else
        f"{names[run[0]]}, {names[run[1]]}" if len(run) == 2 else
        f"{names[run[0]]}\u2013{names[run[-1]]}"
        for run in runs
    )
