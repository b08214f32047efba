"""The youth welfare offices and postcodes are complete and consistent with the towns and districts."""

import re
from collections import Counter

import pytest

from kvi import yaml_source
from kvi.build import ROOT

KREISE_WITHOUT_KREISJUGENDAMT = {"kreis-mettmann", "rhein-erft-kreis", "kreis-recklinghausen", "ennepe-ruhr-kreis"}


@pytest.fixture(scope="module")
def offices(model):
    return model.kinds["youth_offices"]


@pytest.fixture(scope="module")
def postcodes(model):
    return model.kinds["postcodes"]


@pytest.fixture(scope="module")
def towns(model):
    return model.kinds["municipalities"]


@pytest.fixture(scope="module")
def districts(model):
    return model.kinds["districts"]


def slug(text: str) -> str:
    text = text.lower()
    for letter, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(letter, spelled)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def test_own_files_load_without_problems(offices, postcodes):
    # The model fixture fails on any problem in data/, these two files' included.
    assert offices and postcodes
    assert {o.file for o in offices.values()} == {"data/youth_offices.yml"}
    assert {e.file for e in postcodes.values()} == {"data/postcodes.yml"}


# ---------------------------------------------------------------- youth offices

def test_186_offices_by_kind(offices):
    assert len(offices) == 186  # official register count: Jugendämter in NRW (IT.NRW, 22517-02i)
    kinds = Counter(o.fields["kind"] for o in offices.values())
    # official register counts: city, town and Kreis Jugendämter (IT.NRW, 22517-02i)
    assert kinds == {"stadt": 22, "kreisangehoerige-stadt": 137, "kreis": 27}
    assert [name for name, count in Counter(o.fields["name"] for o in offices.values()).items() if count > 1] == []


def test_office_ids_are_slugs_of_their_names(offices):
    for office in offices.values():
        assert office.id == slug(office.fields["name"]), office.id
    assert "jugendamt-duesseldorf" in offices
    assert "kreisjugendamt-des-rhein-berg-kreises" in offices


def test_every_municipality_is_served_by_exactly_one_office(offices, towns):
    served = Counter(town for office in offices.values() for town in office.fields["serves"])
    assert set(served) == set(towns)
    assert len(towns) == 396  # official register count: Gemeinden of NRW (Destatis Gemeindeverzeichnis)
    assert [town for town, count in served.items() if count != 1] == []


def test_offices_serve_towns_of_their_own_district_and_landesjugendamt(offices, towns, districts):
    for office in offices.values():
        district = districts[office.fields["district"]]
        assert office.fields["landesjugendamt"] == district.fields["landschaftsverband"], office.id
        for town in office.fields["serves"]:
            assert towns[town].fields["district"] == district.id, (office.id, town)
    # official register counts: Jugendämter in the areas of the Landesjugendämter Rheinland and Westfalen-Lippe
    assert Counter(o.fields["landesjugendamt"] for o in offices.values()) == {"LVR": 95, "LWL": 91}


def test_city_offices_serve_exactly_their_kreisfreie_stadt(offices, towns):
    city_offices = [o for o in offices.values() if o.fields["kind"] == "stadt"]
    assert {o.fields["serves"][0] for o in city_offices} == {
        t.id for t in towns.values() if t.fields["kind"] == "kreisfreie-stadt"}
    for office in city_offices:
        assert office.fields["serves"] == [office.fields["district"]]
        assert office.fields["name"] == f"Jugendamt {towns[office.fields['district']].fields['name']}"
        assert "Jugendamt <Stadt>" in office.fields["editor_note"]


def test_one_kreisjugendamt_per_kreis_except_four(offices, towns, districts):
    kreis_offices = Counter(o.fields["district"] for o in offices.values() if o.fields["kind"] == "kreis")
    assert set(kreis_offices.values()) == {1}
    kreise = {d.id for d in districts.values() if d.fields["kind"] in ("kreis", "staedteregion")}
    assert kreise - set(kreis_offices) == KREISE_WITHOUT_KREISJUGENDAMT
    assert set(kreis_offices) <= kreise
    # Kreise whose towns all depend on the Kreisjugendamt.
    for district in ("kreis-euskirchen", "kreis-hoexter", "kreis-olpe"):
        towns_of_district = {t.id for t in towns.values() if t.fields["district"] == district}
        office = next(o for o in offices.values() if o.fields["district"] == district)
        assert set(office.fields["serves"]) == towns_of_district
        assert office.fields["kind"] == "kreis"


def test_town_offices_serve_their_own_town(offices):
    for office in offices.values():
        if office.fields["kind"] == "kreisangehoerige-stadt":
            assert office.fields["serves"][0] != office.fields["district"]
            assert len(office.fields["serves"]) == (2 if office.id == "jugendamt-ennepetal-breckerfeld" else 1)


def served_by(offices, town: str):
    return next(o for o in offices.values() if town in o.fields["serves"])


def test_known_assignments(offices):
    assert served_by(offices, "breckerfeld").fields["name"] == "Jugendamt Ennepetal/Breckerfeld"
    assert served_by(offices, "ennepetal").id == "jugendamt-ennepetal-breckerfeld"
    assert "Breckerfeld" in served_by(offices, "breckerfeld").fields["editor_note"]
    assert served_by(offices, "aachen").id == "jugendamt-aachen"
    assert served_by(offices, "aachen").fields["kind"] == "kreisangehoerige-stadt"
    assert served_by(offices, "monschau").fields["name"] == "Kreisjugendamt der Städteregion Aachen"
    assert served_by(offices, "froendenberg-ruhr").fields["name"] == "Kreisjugendamt des Kreises Unna"
    assert served_by(offices, "hueckeswagen").fields["name"] == "Kreisjugendamt des Oberbergischen Kreises"
    assert served_by(offices, "verl").id == "jugendamt-verl"
    assert served_by(offices, "harsewinkel").fields["name"] == "Kreisjugendamt des Kreises Gütersloh"
    assert served_by(offices, "langenfeld-rheinland").fields["name"] == "Jugendamt Langenfeld"
    assert served_by(offices, "duesseldorf").fields["district"] == "duesseldorf"


def test_kreisjugendamt_towns_are_marked_as_derived(offices):
    for office in offices.values():
        if office.fields["kind"] == "kreis":
            assert office.fields["editor_note"].startswith("Zugeordnete Gemeinden abgeleitet"), office.id


def test_office_provenance(offices):
    for office in offices.values():
        fields = office.fields
        assert fields["status"] == "official"
        assert fields["last_checked"] is None
        assert fields["source_date"] == "2026-01-19"
        assert "22517-02i" in fields["source"] and "Berichtsjahr 2024" in fields["source"]
        assert fields["licence"] == "Datenlizenz Deutschland – Namensnennung 2.0 (© IT.NRW)"
        assert not {"address", "phone", "email", "web"} & set(fields), office.id


# ---------------------------------------------------------------- postcodes

def test_every_postcode_entry_is_loaded_once(postcodes):
    raw, problems = yaml_source.load(ROOT / "data" / "postcodes.yml", "data/postcodes.yml")
    assert problems == []
    codes = [entry["id"] for entry in raw]
    assert [code for code, count in Counter(codes).items() if count > 1] == []
    assert len(codes) == len(postcodes) and set(codes) == set(postcodes)
    for code in postcodes:
        assert re.fullmatch(r"[0-9]{5}", code)
        assert 32000 <= int(code) < 60000, code  # NRW delivery postcodes lie in 32…59


def test_exactly_seven_postcodes_cover_two_towns(postcodes):
    shared = {code: e.fields["municipalities"] for code, e in postcodes.items() if len(e.fields["municipalities"]) > 1}
    assert {code: sorted(towns) for code, towns in shared.items()} == {
        "33154": ["paderborn", "salzkotten"],
        "33161": ["hoevelhof", "paderborn"],
        "40472": ["duesseldorf", "ratingen"],
        "40721": ["duesseldorf", "hilden"],
        "51467": ["bergisch-gladbach", "koeln"],
        "52525": ["heinsberg", "waldfeucht"],
        "52538": ["gangelt", "selfkant"],
    }
    assert all(len(e.fields["municipalities"]) <= 2 for e in postcodes.values())


def test_every_municipality_has_a_postcode(postcodes, towns):
    covered = Counter(town for e in postcodes.values() for town in e.fields["municipalities"])
    assert set(covered) == set(towns)
    assert covered["koeln"] > 40
    assert "breckerfeld" in postcodes["58339"].fields["municipalities"]


def test_known_postcodes(postcodes):
    assert postcodes["40213"].fields["municipalities"] == ["duesseldorf"]
    assert postcodes["32049"].fields["municipalities"] == ["herford"]
    assert postcodes["52222"].fields["municipalities"] == ["stolberg-rhld"]
    assert "Bromskirchen" in postcodes["59969"].fields["editor_note"]


def test_town_hall_postcodes_agree(postcodes, towns):
    """Each town's town-hall postcode, where it is a delivery postcode, belongs to that town.

    Münster, Bielefeld and Herne have town-hall postcodes that are not delivery postcodes."""
    absent = set()
    for town in towns.values():
        code = town.fields["town_hall_postcode"]
        if code in postcodes:
            assert town.id in postcodes[code].fields["municipalities"], town.id
        else:
            absent.add(town.id)
    assert absent == {"muenster", "bielefeld", "herne"}


def test_single_source_assignments_have_an_editor_note(postcodes):
    noted = {code for code, e in postcodes.items() if "nur die OpenStreetMap-Quelle" in e.fields.get("editor_note", "")}
    assert noted == {"33154", "33161", "33333", "40472", "40721", "51467"}


def test_postcode_provenance_and_licence(postcodes):
    for entry in postcodes.values():
        assert entry.fields["status"] == "official"
        assert entry.fields["last_checked"] is None
        assert entry.fields["licence"] == "ODbL 1.0 – © OpenStreetMap contributors"
        assert "OpenStreetMap" in entry.fields["source"]
    header = (ROOT / "data/postcodes.yml").read_text(encoding="utf-8").split("\n- ", 1)[0]
    assert header.startswith("# yaml-language-server: $schema=../schemas/postcodes.schema.json")
    for words in ("ODbL", "© OpenStreetMap contributors", "share-alike", "Postbox", "large-recipient"):
        assert words in header, words
