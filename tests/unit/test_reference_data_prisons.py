"""The prisons and their visiting information are complete, consistent and never claim more than the sources."""

import csv
import re
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest

from kvi import validate
from kvi.build import ROOT
from kvi.model import load

MODEL, PROBLEMS = load(ROOT)
PRISONS = MODEL.kinds.get("prisons", {})
TOWNS = MODEL.kinds["municipalities"]
DISTRICTS = MODEL.kinds["districts"]

VISIT_TEXTS = ["booking", "times", "id_rules", "items", "children", "long_term", "family_offers", "other"]
REFERENCE = Path("/work/shared/reference/prisons.tsv")


def slug(text: str) -> str:
    text = text.lower()
    for letter, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(letter, spelled)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def phones():
    for prison in PRISONS.values():
        if "phone" in prison.fields:
            yield prison.id, prison.fields["phone"]
        if "booking_phone" in prison.fields.get("visits", {}):
            yield prison.id, prison.fields["visits"]["booking_phone"]


def test_own_file_loads_without_problems():
    assert [str(p) for p in PROBLEMS if p.file == "data/prisons.yml"] == []
    assert validate.reference_fields("prisons") == {"municipality": "municipalities", "district": "districts"}


def test_42_entries_by_category():
    assert len(PRISONS) == 42
    assert Counter(p.fields["category"] for p in PRISONS.values()) == {
        "jva": 34, "zweiganstalt": 1, "jugendarrestanstalt": 5,
        "justizvollzugskrankenhaus": 1, "sozialtherapeutische-anstalt": 1}
    assert len({p.fields["name"] for p in PRISONS.values()}) == 42


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared reference data not available")
def test_every_row_of_the_reference_is_here_with_its_town():
    with REFERENCE.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file, delimiter="\t"))
    assert len(rows) == 42
    ags = {t.fields["ags"]: t.id for t in TOWNS.values()}
    for row in rows:
        prison = PRISONS[slug(row["name"])]
        assert prison.fields["name"] == row["name"]
        assert prison.fields["municipality"] == ags[row["municipality_ags"]], row["name"]
        if row["official_website_seen_in_sources"]:
            assert prison.fields["web"] == row["official_website_seen_in_sources"]


def test_ids_are_slugs_of_their_names():
    for prison in PRISONS.values():
        assert prison.id == slug(prison.fields["name"]), prison.id
    for expected in ("jva-koeln", "jva-duesseldorf", "jva-willich-ii", "jugendarrestanstalt-wetter",
                     "justizvollzugskrankenhaus-nordrhein-westfalen", "jva-duisburg-hamborn-zweiganstalt-dinslaken"):
        assert expected in PRISONS


def test_town_and_district_agree():
    for prison in PRISONS.values():
        town = TOWNS[prison.fields["municipality"]]
        assert town.fields["district"] == prison.fields["district"], prison.id
        assert prison.fields["district"] in DISTRICTS


def test_jva_duesseldorf_lies_in_ratingen():
    jva = PRISONS["jva-duesseldorf"].fields
    assert jva["municipality"] == "ratingen"
    assert jva["district"] == "kreis-mettmann"
    assert jva["address"]["town"] == "Ratingen"
    assert "Ratingen" in jva["status_note"]


def test_iserlohn_is_closed_since_2025_and_offers_no_visits():
    iserlohn = PRISONS["jva-iserlohn"].fields
    assert iserlohn["operating_status"] == "geschlossen"
    assert iserlohn["closed_since"] == "2025"
    assert "2029" in iserlohn["status_note"]
    assert "visits" not in iserlohn and "phone" not in iserlohn
    closed = [p.id for p in PRISONS.values() if p.fields["operating_status"] == "geschlossen"]
    assert closed == ["jva-iserlohn"]
    assert all("closed_since" not in p.fields for p in PRISONS.values() if p.id != "jva-iserlohn")


def test_muenster_is_moving_and_has_no_address():
    muenster = PRISONS["jva-muenster"].fields
    assert muenster["operating_status"] == "umzug-geplant"
    assert "Wolbeck" in muenster["status_note"]
    assert "address" not in muenster
    moving = [p.id for p in PRISONS.values() if p.fields["operating_status"] == "umzug-geplant"]
    assert moving == ["jva-muenster"]


def test_bochum_online_booking_since_31_march_2025():
    assert "31.03.2025" in PRISONS["jva-bochum"].fields["visits"]["booking"]


def test_conflicting_facts_stay_out_of_structured_fields():
    werl = PRISONS["jva-werl"].fields
    assert "address" not in werl
    assert "Langenwiedenweg" in werl["editor_note"] and "Belgische" in werl["editor_note"]
    # Two undated versions of Fröndenberg's rules: times and children's rules are left out.
    jvk = PRISONS["justizvollzugskrankenhaus-nordrhein-westfalen"].fields
    assert "times" not in jvk["visits"] and "children" not in jvk["visits"]
    assert "Fassung" in jvk["editor_note"]
    # Unconfirmed sex of prisoners: no groups.
    for prison_id in ("jva-rheinbach", "jva-siegburg", "jva-wuppertal-vohwinkel"):
        assert "groups" not in PRISONS[prison_id].fields, prison_id


def test_addresses_only_where_confirmed():
    with_address = {p.id for p in PRISONS.values() if "address" in p.fields}
    assert {"jva-aachen", "jva-bielefeld-brackwede", "jva-bochum", "jva-herford"} <= with_address
    assert not {"jva-werl", "jva-muenster", "jva-hamm", "jva-bielefeld-senne",
                "sozialtherapeutische-anstalt-bochum"} & with_address
    assert PRISONS["jva-bielefeld-brackwede"].fields["address"] == {
        "street": "Umlostraße 100", "postcode": "33649", "town": "Bielefeld"}
    assert PRISONS["jva-bochum"].fields["address"] == {"street": "Krümmede 3", "postcode": "44791", "town": "Bochum"}


def test_provenance_never_claims_a_check():
    for prison in PRISONS.values():
        for block in (prison.fields, prison.fields.get("visits")):
            if block is None:
                continue
            assert block["last_checked"] is None, prison.id
            assert block["status"] == "to_confirm", prison.id
            assert block["source"].startswith("http"), prison.id


def test_every_visits_block_has_its_own_source_and_some_content():
    blocks = {p.id: p.fields["visits"] for p in PRISONS.values() if "visits" in p.fields}
    assert len(blocks) == 37
    no_visits = {"jva-attendorn", "jva-duisburg-hamborn-zweiganstalt-dinslaken", "jva-euskirchen",
                 "jva-hoevelhof", "jva-iserlohn"}
    assert set(PRISONS) - set(blocks) == no_visits
    for prison_id, visits in blocks.items():
        assert visits["status"] == "to_confirm" and visits["source"], prison_id
        assert visits["last_checked"] is None, prison_id
        assert any(visits.get(name) for name in VISIT_TEXTS), prison_id
    assert blocks["jva-duesseldorf"]["source_date"] == "2021-04"
    assert blocks["jva-gelsenkirchen"]["source_date"] == "2022-09-21"
    assert blocks["jva-koeln"]["source_date"] is None


def test_every_phone_number_is_a_valid_german_number():
    found = list(phones())
    assert len(found) == 13
    for prison_id, number in found:
        parsed = phonenumbers.parse(number, "DE")
        assert phonenumbers.is_valid_number(parsed), (prison_id, number)
    central = {p.id: p.fields["phone"] for p in PRISONS.values() if "phone" in p.fields}
    assert central == {"jva-bielefeld-brackwede": "0521 4896-0", "jva-duesseldorf": "0211 93882-0",
                       "justizvollzugskrankenhaus-nordrhein-westfalen": "02373 758-0"}
    assert PRISONS["jva-koeln"].fields["visits"]["booking_phone"] == "0221 5973-246"


def test_booking_phone_appears_in_the_booking_text():
    for prison in PRISONS.values():
        visits = prison.fields.get("visits", {})
        if "booking_phone" in visits:
            assert visits["booking_phone"] in visits["booking"], prison.id


def test_structured_type_lists():
    lists = {p.id: p.fields for p in PRISONS.values()}
    assert lists["jva-willich-ii"]["groups"] == ["frauen"]
    assert lists["jva-werl"]["detention"] == ["strafhaft", "sicherungsverwahrung"]
    assert lists["justizvollzugskrankenhaus-nordrhein-westfalen"]["detention"] == ["krankenhaus"]
    assert all(p.fields.get("detention") == ["jugendarrest"] for p in PRISONS.values()
               if p.fields["category"] == "jugendarrestanstalt")
    assert "frauen" in lists["jugendarrestanstalt-wetter"]["groups"]
    assert all(p.fields["type_note"] for p in PRISONS.values())
