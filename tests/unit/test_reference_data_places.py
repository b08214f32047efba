"""The youth welfare offices and postcodes are complete and consistent with the towns and districts."""

import re
from collections import Counter

from kvi.build import ROOT
from kvi.model import load

MODEL, PROBLEMS = load(ROOT)
OFFICES = MODEL.kinds.get("youth_offices", {})
POSTCODES = MODEL.kinds.get("postcodes", {})
TOWNS = MODEL.kinds["municipalities"]
DISTRICTS = MODEL.kinds["districts"]

KREISE_WITHOUT_KREISJUGENDAMT = {"kreis-mettmann", "rhein-erft-kreis", "kreis-recklinghausen", "ennepe-ruhr-kreis"}


def slug(text: str) -> str:
    text = text.lower()
    for letter, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(letter, spelled)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def test_own_files_load_without_problems():
    mine = {"data/youth_offices.yml", "data/postcodes.yml"}
    assert [str(p) for p in PROBLEMS if p.file in mine] == []
    assert OFFICES and POSTCODES


# ---------------------------------------------------------------- youth offices

def test_186_offices_by_kind():
    assert len(OFFICES) == 186
    kinds = Counter(o.fields["kind"] for o in OFFICES.values())
    assert kinds == {"stadt": 22, "kreisangehoerige-stadt": 137, "kreis": 27}
    assert len({o.fields["name"] for o in OFFICES.values()}) == 186


def test_office_ids_are_slugs_of_their_names():
    for office in OFFICES.values():
        assert office.id == slug(office.fields["name"]), office.id
    assert "jugendamt-duesseldorf" in OFFICES
    assert "kreisjugendamt-des-rhein-berg-kreises" in OFFICES


def test_every_municipality_is_served_by_exactly_one_office():
    served = Counter(town for office in OFFICES.values() for town in office.fields["serves"])
    assert set(served) == set(TOWNS)
    assert len(TOWNS) == 396
    assert [town for town, count in served.items() if count != 1] == []


def test_offices_serve_towns_of_their_own_district_and_landesjugendamt():
    for office in OFFICES.values():
        district = DISTRICTS[office.fields["district"]]
        assert office.fields["landesjugendamt"] == district.fields["landschaftsverband"], office.id
        for town in office.fields["serves"]:
            assert TOWNS[town].fields["district"] == district.id, (office.id, town)
    assert Counter(o.fields["landesjugendamt"] for o in OFFICES.values()) == {"LVR": 95, "LWL": 91}


def test_city_offices_serve_exactly_their_kreisfreie_stadt():
    city_offices = [o for o in OFFICES.values() if o.fields["kind"] == "stadt"]
    assert {o.fields["serves"][0] for o in city_offices} == {
        t.id for t in TOWNS.values() if t.fields["kind"] == "kreisfreie-stadt"}
    for office in city_offices:
        assert office.fields["serves"] == [office.fields["district"]]
        assert office.fields["name"] == f"Jugendamt {TOWNS[office.fields['district']].fields['name']}"
        assert "Jugendamt <Stadt>" in office.fields["editor_note"]


def test_one_kreisjugendamt_per_kreis_except_four():
    kreis_offices = Counter(o.fields["district"] for o in OFFICES.values() if o.fields["kind"] == "kreis")
    assert set(kreis_offices.values()) == {1}
    kreise = {d.id for d in DISTRICTS.values() if d.fields["kind"] in ("kreis", "staedteregion")}
    assert kreise - set(kreis_offices) == KREISE_WITHOUT_KREISJUGENDAMT
    assert set(kreis_offices) <= kreise
    # Kreise whose towns all depend on the Kreisjugendamt.
    for district in ("kreis-euskirchen", "kreis-hoexter", "kreis-olpe"):
        towns_of_district = {t.id for t in TOWNS.values() if t.fields["district"] == district}
        office = next(o for o in OFFICES.values() if o.fields["district"] == district)
        assert set(office.fields["serves"]) == towns_of_district
        assert office.fields["kind"] == "kreis"


def test_town_offices_serve_their_own_town():
    for office in OFFICES.values():
        if office.fields["kind"] == "kreisangehoerige-stadt":
            assert office.fields["serves"][0] != office.fields["district"]
            assert len(office.fields["serves"]) == (2 if office.id == "jugendamt-ennepetal-breckerfeld" else 1)


def served_by(town: str):
    return next(o for o in OFFICES.values() if town in o.fields["serves"])


def test_known_assignments():
    assert served_by("breckerfeld").fields["name"] == "Jugendamt Ennepetal/Breckerfeld"
    assert served_by("ennepetal").id == "jugendamt-ennepetal-breckerfeld"
    assert "Breckerfeld" in served_by("breckerfeld").fields["editor_note"]
    assert served_by("aachen").id == "jugendamt-aachen"
    assert served_by("aachen").fields["kind"] == "kreisangehoerige-stadt"
    assert served_by("monschau").fields["name"] == "Kreisjugendamt der Städteregion Aachen"
    assert served_by("froendenberg-ruhr").fields["name"] == "Kreisjugendamt des Kreises Unna"
    assert served_by("hueckeswagen").fields["name"] == "Kreisjugendamt des Oberbergischen Kreises"
    assert served_by("verl").id == "jugendamt-verl"
    assert served_by("harsewinkel").fields["name"] == "Kreisjugendamt des Kreises Gütersloh"
    assert served_by("langenfeld-rheinland").fields["name"] == "Jugendamt Langenfeld"
    assert served_by("duesseldorf").fields["district"] == "duesseldorf"


def test_kreisjugendamt_towns_are_marked_as_derived():
    for office in OFFICES.values():
        if office.fields["kind"] == "kreis":
            assert office.fields["editor_note"].startswith("Zugeordnete Gemeinden abgeleitet"), office.id


def test_office_provenance():
    for office in OFFICES.values():
        fields = office.fields
        assert fields["status"] == "official"
        assert fields["last_checked"] is None
        assert fields["source_date"] == "2026-01-19"
        assert "22517-02i" in fields["source"] and "Berichtsjahr 2024" in fields["source"]
        assert fields["licence"] == "Datenlizenz Deutschland – Namensnennung 2.0 (© IT.NRW)"
        assert not {"address", "phone", "email", "web"} & set(fields), office.id


# ---------------------------------------------------------------- postcodes

def test_865_postcodes():
    assert len(POSTCODES) == 865
    for code, entry in POSTCODES.items():
        assert re.fullmatch(r"[0-9]{5}", code)
        assert 32000 <= int(code) < 60000, code  # NRW delivery postcodes lie in 32…59


def test_exactly_seven_postcodes_cover_two_towns():
    shared = {code: e.fields["municipalities"] for code, e in POSTCODES.items() if len(e.fields["municipalities"]) > 1}
    assert {code: sorted(towns) for code, towns in shared.items()} == {
        "33154": ["paderborn", "salzkotten"],
        "33161": ["hoevelhof", "paderborn"],
        "40472": ["duesseldorf", "ratingen"],
        "40721": ["duesseldorf", "hilden"],
        "51467": ["bergisch-gladbach", "koeln"],
        "52525": ["heinsberg", "waldfeucht"],
        "52538": ["gangelt", "selfkant"],
    }
    assert all(len(e.fields["municipalities"]) <= 2 for e in POSTCODES.values())


def test_every_municipality_has_a_postcode():
    covered = Counter(town for e in POSTCODES.values() for town in e.fields["municipalities"])
    assert set(covered) == set(TOWNS)
    assert covered["koeln"] > 40 and covered["breckerfeld"] == 1


def test_known_postcodes():
    assert POSTCODES["40213"].fields["municipalities"] == ["duesseldorf"]
    assert POSTCODES["32049"].fields["municipalities"] == ["herford"]
    assert POSTCODES["52222"].fields["municipalities"] == ["stolberg-rhld"]
    assert "Bromskirchen" in POSTCODES["59969"].fields["editor_note"]


def test_town_hall_postcodes_agree():
    """Each town's town-hall postcode, where it is a delivery postcode, belongs to that town.

    Münster, Bielefeld and Herne have town-hall postcodes that are not delivery postcodes."""
    absent = set()
    for town in TOWNS.values():
        code = town.fields["town_hall_postcode"]
        if code in POSTCODES:
            assert town.id in POSTCODES[code].fields["municipalities"], town.id
        else:
            absent.add(town.id)
    assert absent == {"muenster", "bielefeld", "herne"}


def test_single_source_assignments_have_an_editor_note():
    noted = {code for code, e in POSTCODES.items() if "nur die OpenStreetMap-Quelle" in e.fields.get("editor_note", "")}
    assert noted == {"33154", "33161", "33333", "40472", "40721", "51467"}


def test_postcode_provenance_and_licence():
    for entry in POSTCODES.values():
        assert entry.fields["status"] == "official"
        assert entry.fields["last_checked"] is None
        assert entry.fields["licence"] == "ODbL 1.0 – © OpenStreetMap contributors"
        assert "OpenStreetMap" in entry.fields["source"]
    header = (ROOT / "data/postcodes.yml").read_text(encoding="utf-8").split("\n- ", 1)[0]
    assert header.startswith("# yaml-language-server: $schema=../schemas/postcodes.schema.json")
    for words in ("ODbL", "© OpenStreetMap contributors", "share-alike", "Postbox", "large-recipient"):
        assert words in header, words
