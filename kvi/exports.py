"""Machine-readable copies of the data, published with the site under /daten/:
<kind>.json and <kind>.csv for every kind whose schema declares it open data ("x-open-data": true
in schemas/<kind>.schema.json), orte.json for the place finder and termine.ics."""

from __future__ import annotations

import csv
import datetime
import io
import json
from zoneinfo import ZoneInfo

import icalendar

from kvi import addresses, validate
from kvi.generate import lookup
from kvi.model import Model

PRIVATE_FIELDS = {"editor_note"}


def files(model: Model, build_date: datetime.date) -> dict[str, str]:
    """File name (below daten/) → content."""
    # Compact: the place finder downloads this file on a phone.
    out = {"orte.json": json.dumps(places(model), ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"}
    for kind, records in sorted(model.kinds.items()):
        if not validate.open_data(kind):
            continue
        entries = [_public(record.fields) for record in records.values()]
        out[f"{kind}.json"] = _dump({"kind": kind, "count": len(entries), "entries": entries})
        out[f"{kind}.csv"] = _csv(entries)
    out["termine.ics"] = calendar(model, build_date)
    return out


def calendar(model: Model, build_date: datetime.date) -> str:
    """The events as an iCalendar feed; DTSTAMP is the build date, so builds are repeatable."""
    feed = icalendar.Calendar()
    feed.add("prodid", "-//Kinder von Inhaftierten NRW//Termine//DE")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", "Kinder von Inhaftierten NRW – Termine")
    stamp = datetime.datetime.combine(build_date, datetime.time(), datetime.UTC)
    for record in sorted(model.kinds.get("events", {}).values(), key=lambda r: r.fields["date"]):
        fields = record.fields
        event = icalendar.Event()
        event.add("uid", f"{record.id}@kinder-von-inhaftierten-nrw")
        event.add("dtstamp", stamp)
        event.add("summary", fields["title"])
        day = datetime.date.fromisoformat(fields["date"])
        if fields.get("starts"):
            event.add("dtstart", _local(day, fields["starts"]))
            if fields.get("ends"):
                event.add("dtend", _local(day, fields["ends"]))
        else:
            event.add("dtstart", day)
            event.add("dtend", day + datetime.timedelta(days=1))
        place = fields.get("place")
        if place:
            address = place.get("address")
            street = f"{address['street']}, {address.get('postcode', '')} {address['town']}".strip() if address else None
            where = [place["name"]] + ([street] if street else [])
            event.add("location", ", ".join(where))
        event.add("description", fields["audience"])
        if fields.get("registration_url"):
            event.add("url", fields["registration_url"])
        feed.add_component(event)
    return feed.to_ical().decode("utf-8")


def _local(day: datetime.date, time: str) -> datetime.datetime:
    hour, minute = map(int, time.split(":"))
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo("Europe/Berlin"))


def places(model: Model) -> list[dict]:
    """Every town with its postcodes, district page and Jugendamt."""
    links = lookup(model)
    districts = model.kinds["districts"]
    towns = sorted(model.kinds["municipalities"].values(), key=lambda r: r.fields["name"])
    return [{
        "id": town.id,
        "name": town.fields["name"],
        "district": districts[town.fields["district"]].fields["name"],
        "page": addresses.page_of("districts", town.fields["district"]).url,
        "postcodes": sorted(links.postcodes_of.get(town.id, [])),
        "office": links.office_of[town.id].fields["name"] if town.id in links.office_of else "",
    } for town in towns]


def _public(fields: dict) -> dict:
    return {key: value for key, value in fields.items() if key not in PRIVATE_FIELDS}


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _csv(entries: list[dict]) -> str:
    """One row per entry; lists joined with '; ', nested blocks as JSON."""
    columns = sorted({key for entry in entries for key in entry})
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for entry in entries:
        writer.writerow([_cell(entry.get(column)) for column in columns])
    return buffer.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "; ".join(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
