"""The help offers (data/offers.yml) taken from shared/reference/offers.tsv are complete and consistent."""

import re
from collections import Counter

from kvi import yaml_source
from kvi.build import ROOT
from kvi.model import load

MODEL, PROBLEMS = load(ROOT)
OFFERS = MODEL.kinds["offers"]
FIELDS = {offer_id: record.fields for offer_id, record in OFFERS.items()}

# Every prison the offers name: the slug of the prison's name in shared/reference/prisons.tsv.
PRISON_IDS = {
    "jva-aachen", "jva-bielefeld-brackwede", "jva-bochum", "jva-duesseldorf", "jva-heinsberg", "jva-koeln",
    "jva-muenster", "jva-remscheid", "jva-rheinbach", "jva-schwerte", "jva-siegburg", "jva-werl",
    "jva-willich-i", "jva-willich-ii", "jva-wuppertal-vohwinkel", "justizvollzugskrankenhaus-nordrhein-westfalen",
}


def test_offers_file_has_no_problems():
    mine = [p for p in PROBLEMS if p.file == "data/offers.yml"]
    if "prisons" not in MODEL.kinds:  # data/prisons.yml is written separately; until then only those ids are unknown
        mine = [p for p in mine if not p.message.endswith("is not an id in data/prisons.yml")]
    assert mine == []


def test_all_36_offers_with_unique_ids():
    raw, problems = yaml_source.load(ROOT / "data" / "offers.yml", "data/offers.yml")
    assert problems == []
    ids = [entry["id"] for entry in raw]
    assert len(ids) == 36
    assert len(set(ids)) == 36
    assert set(ids) == set(OFFERS)


def test_nothing_is_marked_as_confirmed_with_a_provider():
    for offer_id, fields in FIELDS.items():
        assert fields["status"] == "to_confirm", offer_id
        assert fields["last_checked"] is None, offer_id
        assert fields["source"].startswith("http"), offer_id
        date = fields["source_date"]
        assert date is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date), offer_id


def test_source_dates_are_the_most_recent_the_source_gives():
    assert FIELDS["nummer-gegen-kummer"]["source_date"] == "2023-05-18"
    assert FIELDS["elterntelefon"]["source_date"] == "2020-04"
    assert FIELDS["besuch-im-gefaengnis"]["source_date"] == "2021-04-13"
    assert FIELDS["landesfachstelle"]["source_date"] == "2025-12-18"
    assert FIELDS["cafe-luise-siegburg"]["source_date"] == "2023-05"
    # Contact data of 2013; the 2025 mention of a staff member comes from a source not listed for this entry.
    assert FIELDS["freiraeume-bielefeld"]["source_date"] == "2013"
    assert FIELDS["film-besuch-mit-kindern"]["source_date"] is None


def test_scopes():
    assert Counter(f["scope"] for f in FIELDS.values()) == {"lokal": 20, "bundesweit": 10, "landesweit": 4, "regional": 2}


def test_helpline_offers_take_phone_and_hours_from_the_helpline():
    assert FIELDS["nummer-gegen-kummer"]["helpline"] == "nummer-gegen-kummer"
    assert FIELDS["elterntelefon"]["helpline"] == "elterntelefon"
    with_helpline = {offer_id for offer_id, f in FIELDS.items() if "helpline" in f}
    assert with_helpline == {"nummer-gegen-kummer", "elterntelefon"}
    for offer_id in with_helpline:
        assert MODEL.record("helplines", FIELDS[offer_id]["helpline"]) is not None
        assert "phone" not in FIELDS[offer_id]
        assert "opening_hours" not in FIELDS[offer_id]
        assert "hours_note" not in FIELDS[offer_id]


def test_every_local_and_regional_offer_names_known_districts():
    for offer_id, fields in FIELDS.items():
        if fields["scope"] in ("lokal", "regional"):
            assert fields.get("districts"), offer_id
        for district in fields.get("districts", []):
            assert MODEL.record("districts", district) is not None, (offer_id, district)


def test_local_offers_cover_14_districts():
    named = {d for f in FIELDS.values() for d in f.get("districts", [])}
    assert named == {
        "bochum", "rhein-sieg-kreis", "bielefeld", "kreis-viersen", "remscheid", "wuppertal", "kreis-soest",
        "muenster", "gelsenkirchen", "duesseldorf", "kreis-mettmann", "staedteregion-aachen", "koeln", "kreis-unna",
    }
    # Kreis Unna only through the statewide mother–child unit in Fröndenberg; Kreis Mettmann as the site of JVA Düsseldorf.
    local = {d for f in FIELDS.values() if f["scope"] in ("lokal", "regional") for d in f["districts"]}
    assert local == named - {"kreis-unna"}
    assert FIELDS["mutter-kind-einrichtung-froendenberg"]["districts"] == ["kreis-unna"]
    assert FIELDS["gefaengnisverein-duesseldorf"]["districts"] == ["duesseldorf", "kreis-mettmann"]


def test_prison_ids_follow_the_prison_names():
    named = {p for f in FIELDS.values() for p in f.get("prisons", [])}
    assert named == PRISON_IDS
    if "prisons" in MODEL.kinds:
        assert named <= set(MODEL.kinds["prisons"])
    assert FIELDS["abk-neustart-aachen"]["prisons"] == ["jva-aachen", "jva-heinsberg"]
    assert FIELDS["landesfachstelle"]["prisons"] == ["jva-bielefeld-brackwede", "jva-willich-i", "jva-willich-ii"]


def test_web_addresses_are_full_addresses():
    for offer_id, fields in FIELDS.items():
        for url in fields.get("web", []):
            assert re.match(r"^https?://\S+$", url), (offer_id, url)
    # Written without scheme in the source: https only where the source itself used https for that host.
    assert FIELDS["juki-online"]["web"] == ["http://www.juki-online.de"]
    assert FIELDS["hilfetelefon-gewalt-gegen-frauen"]["web"] == ["https://www.hilfetelefon.de"]


def test_contact_facts_as_the_source_gives_them():
    mke = FIELDS["mutter-kind-einrichtung-froendenberg"]
    assert mke["phone"] == "02373 758-360"
    assert mke["address"] == {"street": "Hirschberg 9", "postcode": "58730", "town": "Fröndenberg"}
    assert "02373 758-364" in mke["contact_note"]
    assert FIELDS["telefonseelsorge"]["phone"] == "0800 111 0 111"
    assert "0800 111 0 222" in FIELDS["telefonseelsorge"]["contact_note"]
    assert FIELDS["gefangenenfuersorge-duesseldorf"]["address"]["street"] == "Kaiserswerther Straße 286"
    assert FIELDS["vater-kind-gruppe-jva-bochum"]["phone"] == "0234 30 70 550"
    assert FIELDS["chance-muenster"]["email"] == "h.clephas@chance-muenster.de"
    # Postcode not in the source: left out, not looked up.
    assert "postcode" not in FIELDS["chance-gelsenkirchen"]["address"]
    assert FIELDS["besuch-im-gefaengnis"]["languages"] == ["de", "en", "fr", "tr", "ar", "ru"]


def test_uncertain_details_stay_out_of_structured_fields():
    # E-mail written with "ü" in the source: kept for the editors, not published as a link.
    assert "email" not in FIELDS["gefangenenfuersorge-duesseldorf"]
    assert "gefangenenfürsorge@gmx.de" in FIELDS["gefangenenfuersorge-duesseldorf"]["editor_note"]
    # Conflicting opening times of Café Luise: only described, never as opening_hours.
    assert not any("opening_hours" in f for f in FIELDS.values())
    assert "Dienstag- und Donnerstagnachmittag" in FIELDS["cafe-luise-siegburg"]["hours_note"]
    # Old contact details of the predecessor in Aachen are not used.
    assert "phone" not in FIELDS["abk-neustart-aachen"] and "email" not in FIELDS["abk-neustart-aachen"]


def test_planned_or_uncertain_offers_say_so():
    for offer_id in ("familienbesuch-jva-werl", "familienbeauftragte-jva-rheinbach", "vater-kind-tage-jva-aachen",
                     "vater-kind-wochenende", "familienzimmer-jva-muenster", "bindungsraeume-jva-koeln"):
        assert "nicht bestätigt" in FIELDS[offer_id]["description"], offer_id
