"""Pages made from data: every district, prison and offer in every language, with the facts
that families need, and the data published as JSON and CSV."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest


@pytest.mark.parametrize("kind, folder", [("districts", "kreise"), ("prisons", "jva"), ("offers", "angebote")])
def test_a_page_per_entry_in_every_language(site: Path, kind: str, folder: str, model, languages):
    ids = list(model.kinds[kind])
    assert ids
    for language in languages:
        missing = [i for i in ids if not (site / language.prefix / folder / i / "index.html").is_file()]
        assert missing == [], (language.code, missing)


def test_district_page_names_every_town_and_its_jugendamt(site: Path):
    page = (site / "kreise/kreis-borken/index.html").read_text(encoding="utf-8")
    assert 'id="ort-bocholt"' in page
    assert "Jugendamt Bocholt" in page
    assert "46395" in page
    assert "© OpenStreetMap contributors" in page


def test_every_town_appears_on_its_district_page(site: Path, model):
    for town in model.kinds["municipalities"].values():
        page = (site / "kreise" / town.fields["district"] / "index.html").read_text(encoding="utf-8")
        assert f'id="ort-{town.id}"' in page, town.id


def test_prison_pages_say_what_families_must_know(site: Path, model):
    iserlohn = (site / "jva/jva-iserlohn/index.html").read_text(encoding="utf-8")
    assert "geschlossen" in iserlohn and "2025" in iserlohn
    duesseldorf = (site / "jva/jva-duesseldorf/index.html").read_text(encoding="utf-8")
    assert "Ratingen" in duesseldorf
    for prison in model.kinds["prisons"].values():
        page = (site / "jva" / prison.id / "index.html").read_text(encoding="utf-8")
        if prison.fields.get("visits") and prison.fields["operating_status"] != "geschlossen":
            assert "So hat die JVA es veröffentlicht" in page, prison.id
        if not prison.fields.get("address"):
            assert "bitte fragen Sie direkt bei der JVA nach" in page.lower() or "Bitte fragen Sie direkt" in page


def test_data_pages_show_their_check_status(site: Path, model):
    offer = next(iter(model.kinds["offers"]))
    page = (site / "angebote" / offer / "index.html").read_text(encoding="utf-8")
    assert "noch nicht vom Anbieter bestätigt" in page
    english = (site / "en/angebote" / offer / "index.html").read_text(encoding="utf-8")
    assert 'lang="de"' in english, "German data text is marked as German"


def test_json_ld_on_prison_and_offer_pages(site: Path, model):
    for path in [site / "jva/jva-koeln/index.html", site / f"angebote/{next(iter(model.kinds['offers']))}/index.html"]:
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', path.read_text(encoding="utf-8"))
        assert len(blocks) == 1  # one JSON-LD block per page, whatever the data
        data = json.loads(blocks[0])
        assert data["@context"] == "https://schema.org" and data["name"]


def test_data_is_published_as_json_and_csv(site: Path, model):
    offers = json.loads((site / "daten/offers.json").read_text(encoding="utf-8"))
    assert offers["count"] == len(model.kinds["offers"]) == len(offers["entries"])
    assert {entry["id"] for entry in offers["entries"]} == set(model.kinds["offers"])
    assert all("editor_note" not in entry for entry in offers["entries"])
    rows = list(csv.DictReader((site / "daten/prisons.csv").open(encoding="utf-8")))
    assert len(rows) == len(model.kinds["prisons"])
    assert {row["id"] for row in rows} == set(model.kinds["prisons"])
    places = json.loads((site / "daten/orte.json").read_text(encoding="utf-8"))
    # One place per town of data/municipalities.yml, none twice.
    assert len(places) == len(model.kinds["municipalities"])
    assert {p["id"] for p in places} == set(model.kinds["municipalities"])
    bocholt = next(p for p in places if p["id"] == "bocholt")
    assert bocholt["page"] == "kreise/kreis-borken/" and "46395" in bocholt["postcodes"]
    assert not (site / "daten/operator.json").exists()


def test_glossary_in_every_language(site: Path, languages):
    for language in languages:
        page = (site / language.prefix / "glossar/index.html").read_text(encoding="utf-8")
        assert 'id="untersuchungshaft"' in page


def test_events_pages_in_every_language(site: Path, languages):
    for language in languages:
        assert (site / language.prefix / "termine/fachtagung-2025-12-16/index.html").is_file()
    index = (site / "termine/index.html").read_text(encoding="utf-8")
    assert 'href="../daten/termine.ics"' in index
    assert (site / "daten/termine.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_arabic_prison_pages_show_the_visiting_rules_in_arabic(site: Path, model):
    """Where the data hold a current Arabic translation of a visits text, the Arabic page shows it,
    not the German (the German stays for fields without one)."""
    from html import unescape

    from kvi.data_translations import lookup

    shown = 0
    for prison in model.kinds["prisons"].values():
        visits = prison.fields.get("visits") or {}
        text = lookup(visits, "ar", "booking").text
        if not text:
            continue
        page = unescape((site / "ar/jva" / prison.id / "index.html").read_text(encoding="utf-8"))
        assert text in page, prison.id
        assert " ".join(visits["booking"].split()) not in page, prison.id
        shown += 1
    assert shown > 0, "no Arabic visits text in the data: this test checks nothing"
