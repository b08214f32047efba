"""The prisons and their visiting information are complete, consistent and never claim more than the sources."""

import csv
import re
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest

from kvi import source_kinds, validate, yaml_source
from kvi.build import ROOT
from kvi.source_kinds import domain_of

VISIT_TEXTS = ["booking", "times", "id_rules", "items", "children", "long_term", "family_offers", "other"]
# A copy of shared/reference/prisons.tsv, the list data/prisons.yml was built from (see its README).
REFERENCE = Path(__file__).resolve().parent.parent / "fixtures" / "reference" / "prisons.tsv"
# Prisons of the reference list for which no source published anything about visits.
# Aachen and Kleve published only Corona-time rules (2021, 2022), which are not copied.
NO_VISITS = {"jva-aachen", "jva-attendorn", "jva-duisburg-hamborn-zweiganstalt-dinslaken", "jva-euskirchen",
             "jva-hoevelhof", "jva-iserlohn", "jva-kleve"}


@pytest.fixture(scope="module")
def prisons(model):
    return model.kinds["prisons"]


@pytest.fixture(scope="module")
def reference() -> list[dict[str, str]]:
    with REFERENCE.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t"))


@pytest.fixture(scope="module")
def from_reference(reference) -> set[str]:
    """The ids of the prisons built from the reference list (slugs of their names)."""
    return {slug(row["name"]) for row in reference}


def slug(text: str) -> str:
    text = text.lower()
    for letter, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(letter, spelled)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def phones(prisons):
    """(prison id, number) for every field named phone or *_phone, at any depth of an entry."""
    def inside(prison_id: str, value):
        if isinstance(value, dict):
            for name, inner in value.items():
                if (name == "phone" or name.endswith("_phone")) and isinstance(inner, str):
                    yield prison_id, inner
                else:
                    yield from inside(prison_id, inner)
        elif isinstance(value, list):
            for inner in value:
                yield from inside(prison_id, inner)
    for prison in prisons.values():
        yield from inside(prison.id, prison.fields)


def test_own_file_loads_without_problems(prisons):
    # The model fixture fails on any problem in data/, this file's included.
    assert prisons
    assert {p.file for p in prisons.values()} == {"data/prisons.yml"}
    assert validate.reference_fields("prisons") == {"municipality": "municipalities", "district": "districts"}


def test_every_entry_is_loaded_with_a_unique_id_and_name(prisons):
    raw, problems = yaml_source.load(ROOT / "data" / "prisons.yml", "data/prisons.yml")
    assert problems == []
    ids = [entry["id"] for entry in raw]
    assert [i for i, count in Counter(ids).items() if count > 1] == []
    assert len(ids) == len(prisons) and set(ids) == set(prisons)
    names = Counter(p.fields["name"] for p in prisons.values())
    assert [name for name, count in names.items() if count > 1] == []


def test_every_row_of_the_reference_is_here_with_its_category_town_and_district(prisons, reference, from_reference,
                                                                                 model):
    assert reference, f"no rows in {REFERENCE}"
    assert len(from_reference) == len(reference), "two rows of the reference have the same name"
    assert sorted(from_reference - set(prisons)) == []
    town_of = {t.fields["ags"]: t.id for t in model.kinds["municipalities"].values()}
    district_of = {d.fields["ags"]: d.id for d in model.kinds["districts"].values()}
    for row in reference:
        prison = prisons[slug(row["name"])]
        assert prison.fields["name"] == row["name"]
        assert prison.fields["category"] == slug(row["category"]), row["name"]
        assert prison.fields["municipality"] == town_of[row["municipality_ags"]], row["name"]
        assert prison.fields["district"] == district_of[row["district_ags"]], row["name"]
        if row["official_website_seen_in_sources"]:  # the same site, perhaps now written with https or www.
            assert domain_of(prison.fields["web"]) == domain_of(row["official_website_seen_in_sources"]), row["name"]


def test_ids_are_slugs_of_their_names(prisons):
    for prison in prisons.values():
        assert prison.id == slug(prison.fields["name"]), prison.id
    for expected in ("jva-koeln", "jva-duesseldorf", "jva-willich-ii", "jugendarrestanstalt-wetter",
                     "justizvollzugskrankenhaus-nordrhein-westfalen", "jva-duisburg-hamborn-zweiganstalt-dinslaken"):
        assert expected in prisons


def test_town_and_district_agree(prisons, model):
    for prison in prisons.values():
        town = model.kinds["municipalities"][prison.fields["municipality"]]
        assert town.fields["district"] == prison.fields["district"], prison.id
        assert prison.fields["district"] in model.kinds["districts"]


def test_jva_duesseldorf_lies_in_ratingen(prisons):
    jva = prisons["jva-duesseldorf"].fields
    assert jva["municipality"] == "ratingen"
    assert jva["district"] == "kreis-mettmann"
    assert "Ratingen" in jva["status_note"]


def test_iserlohn_is_closed_since_2025_and_offers_no_visits(prisons):
    iserlohn = prisons["jva-iserlohn"].fields
    assert iserlohn["operating_status"] == "geschlossen"
    assert iserlohn["closed_since"] == "2025"
    assert "2029" in iserlohn["status_note"]
    assert "visits" not in iserlohn and "phone" not in iserlohn
    closed = [p.id for p in prisons.values() if p.fields["operating_status"] == "geschlossen"]
    assert closed == ["jva-iserlohn"]
    assert all("closed_since" not in p.fields for p in prisons.values() if p.id != "jva-iserlohn")


def test_muenster_is_moving_and_has_no_address(prisons):
    muenster = prisons["jva-muenster"].fields
    assert muenster["operating_status"] == "umzug-geplant"
    assert "Wolbeck" in muenster["status_note"]
    assert "address" not in muenster
    moving = [p.id for p in prisons.values() if p.fields["operating_status"] == "umzug-geplant"]
    assert moving == ["jva-muenster"]


def test_bochum_online_booking_since_31_march_2025(prisons):
    assert "31.03.2025" in prisons["jva-bochum"].fields["visits"]["booking"]


def test_conflicting_facts_stay_out_of_structured_fields(prisons):
    werl = prisons["jva-werl"].fields
    assert "address" not in werl
    assert "Langenwiedenweg" in werl["editor_note"] and "Belgische" in werl["editor_note"]
    # Two undated versions of Fröndenberg's rules disagree on times and numbers: times are left out.
    jvk = prisons["justizvollzugskrankenhaus-nordrhein-westfalen"].fields
    assert "times" not in jvk["visits"]
    assert "Fassung" in jvk["editor_note"]
    # Unconfirmed sex of prisoners: no groups.
    for prison_id in ("jva-rheinbach", "jva-siegburg"):
        assert "groups" not in prisons[prison_id].fields, prison_id


def test_addresses_only_where_a_primary_source_gives_them(prisons, model):
    """An address stands only where the entry cites the prison's own site or an authority; where
    sources disagree (Werl) or the prison is moving (Münster) there is none."""
    classifier = source_kinds.Classifier(model)
    with_address = [p for p in prisons.values() if "address" in p.fields]
    assert with_address
    for prison in with_address:
        cited = classifier.block(prison.fields, source_kinds.own_web(prison))
        assert any(item.kind == "primary" for item in cited), prison.id
    assert not {"jva-werl", "jva-muenster"} & {p.id for p in with_address}
    assert prisons["jva-bielefeld-brackwede"].fields["address"] == {
        "street": "Umlostraße 100", "postcode": "33649", "town": "Bielefeld"}


def test_provenance_never_claims_a_check(prisons):
    for prison in prisons.values():
        for block in (prison.fields, prison.fields.get("visits")):
            if block is None:
                continue
            assert block["last_checked"] is None, prison.id
            assert block["status"] == "to_confirm", prison.id
            assert block["source"].startswith("http"), prison.id


def test_every_visits_block_has_its_own_source_and_some_content(prisons, from_reference):
    blocks = {p.id: p.fields["visits"] for p in prisons.values() if "visits" in p.fields}
    # Of the prisons built from the reference, exactly those without published visiting rules lack a block.
    assert from_reference - set(blocks) == NO_VISITS
    closed = {p.id for p in prisons.values() if p.fields["operating_status"] == "geschlossen"}
    assert sorted(closed & set(blocks)) == [], "a closed prison has no visits"
    for prison_id, visits in blocks.items():
        assert visits["status"] == "to_confirm" and visits["source"], prison_id
        assert visits["last_checked"] is None, prison_id
        assert any(visits.get(name) for name in VISIT_TEXTS), prison_id
    assert blocks["jva-duesseldorf"]["source_date"] == "2021-04"
    assert blocks["jva-gelsenkirchen"]["source_date"] == "2022-09-21"
    assert blocks["jva-koeln"]["source_date"] is None


def test_every_phone_number_is_a_valid_german_number(prisons):
    found = list(phones(prisons))
    # Every number of the file is checked, the central numbers and the booking numbers of the visits blocks.
    assert {pid for pid, _ in found} >= {p.id for p in prisons.values()
                                        if "phone" in p.fields or "booking_phone" in p.fields.get("visits", {})}
    for prison_id, number in found:
        parsed = phonenumbers.parse(number, "DE")
        assert phonenumbers.is_valid_number(parsed), (prison_id, number)
    central = {p.id: p.fields["phone"] for p in prisons.values() if "phone" in p.fields}
    assert central["jva-bielefeld-brackwede"] == "0521 4896-0"
    assert prisons["jva-koeln"].fields["visits"]["booking_phone"] == "0221 5973-246"


def test_booking_phone_appears_in_the_booking_text(prisons):
    for prison in prisons.values():
        visits = prison.fields.get("visits", {})
        if "booking_phone" in visits:
            assert visits["booking_phone"] in visits["booking"], prison.id


def test_structured_type_lists(prisons):
    lists = {p.id: p.fields for p in prisons.values()}
    assert lists["jva-willich-ii"]["groups"] == ["frauen"]
    assert lists["jva-werl"]["detention"] == ["strafhaft", "sicherungsverwahrung"]
    assert lists["justizvollzugskrankenhaus-nordrhein-westfalen"]["detention"] == ["krankenhaus"]
    assert all(p.fields.get("detention") == ["jugendarrest"] for p in prisons.values()
               if p.fields["category"] == "jugendarrestanstalt")
    assert "frauen" in lists["jugendarrestanstalt-wetter"]["groups"]
    assert all(p.fields["type_note"] for p in prisons.values())
