"""The help offers (data/offers.yml) taken from shared/reference/offers.tsv are complete and consistent."""

import re
from collections import Counter

import pytest

from kvi import yaml_source
from kvi.build import ROOT

# Every prison the offers name: the slug of the prison's name in shared/reference/prisons.tsv.
PRISON_IDS = {
    "jva-bielefeld-brackwede", "jva-bochum", "jva-duesseldorf", "jva-koeln", "jva-remscheid", "jva-rheinbach",
    "jva-schwerte", "jva-siegburg", "jva-werl", "jva-willich-i", "jva-willich-ii", "jva-wuppertal-vohwinkel",
    "justizvollzugskrankenhaus-nordrhein-westfalen",
}
# Offers of the reference removed in December 2026 (issue 16): only press or a funder's page named them,
# no page of the provider or of an authority.
REMOVED = {"familienzimmer-jva-muenster", "vater-kind-tage-jva-aachen", "skf-koeln-jva-koeln"}

# The offers built from shared/reference/offers.tsv (rows A01–A13, L01–L23), with the scope its column "scope"
# gives: "bundesweit …" and "bestellbar (bundesweit)" → bundesweit, "landesweit NRW …" → landesweit,
# "lokal/regional …" → regional, "lokal" → lokal. Entries editors add later are not in this list.
REFERENCE_SCOPES = {
    **dict.fromkeys(["nummer-gegen-kummer", "elterntelefon", "bke-onlineberatung", "caritas-onlineberatung-angehoerige",
                     "juki-online", "besuch-im-gefaengnis", "telefonseelsorge", "hilfetelefon-gewalt-gegen-frauen",
                     "bag-s-informationen", "kinderposter-mein-besuch-im-gefaengnis"], "bundesweit"),
    **dict.fromkeys(["landesfachstelle", "film-besuch-mit-kindern", "mutter-kind-einrichtung-froendenberg",
                     "vater-kind-wochenende"], "landesweit"),
    **dict.fromkeys(["freiraeume-bielefeld", "chance-muenster"], "regional"),
    **dict.fromkeys(["vater-kind-gruppe-jva-bochum", "familienangebote-caritas-bochum", "cafe-luise-siegburg",
                     "kinderbesuchsweg-jva-bielefeld-brackwede", "familienbesuchsraum-jva-willich-i",
                     "familienangebote-jva-willich-ii", "familienangebote-jva-remscheid",
                     "familienseminar-jva-wuppertal-vohwinkel", "familienbesuch-jva-werl",
                     "familienbeauftragte-jva-rheinbach", "chance-gelsenkirchen",
                     "gefangenenfuersorge-duesseldorf", "gefaengnisverein-duesseldorf",
                     "awo-beratungsstelle-duesseldorf", "abk-neustart-aachen",
                     "bindungsraeume-jva-koeln", "netzwerk-kvi-koeln"], "lokal"),
}

# The districts the reference's column "district" names (Kreis Unna only as the site of the statewide unit in
# Fröndenberg, Kreis Mettmann as the site of JVA Düsseldorf).
REFERENCE_DISTRICTS = {
    "bochum", "rhein-sieg-kreis", "bielefeld", "kreis-viersen", "remscheid", "wuppertal", "kreis-soest",
    "muenster", "gelsenkirchen", "duesseldorf", "kreis-mettmann", "staedteregion-aachen", "koeln", "kreis-unna",
}


@pytest.fixture(scope="module")
def offers(model):
    return model.kinds["offers"]


@pytest.fixture(scope="module")
def fields(offers):
    return {offer_id: record.fields for offer_id, record in offers.items()}


@pytest.fixture(scope="module")
def from_reference(fields):
    """The fields of the offers built from the reference list."""
    return {offer_id: f for offer_id, f in fields.items() if offer_id in REFERENCE_SCOPES}


def test_offers_file_has_no_problems(offers, model):
    # The model fixture fails on any problem in data/, this file's included; prison ids resolve.
    assert offers and {o.file for o in offers.values()} == {"data/offers.yml"}
    assert "prisons" in model.kinds


def test_all_offers_of_the_reference_with_unique_ids(offers):
    raw, problems = yaml_source.load(ROOT / "data" / "offers.yml", "data/offers.yml")
    assert problems == []
    ids = [entry["id"] for entry in raw]
    assert [i for i, count in Counter(ids).items() if count > 1] == []
    assert len(ids) == len(offers) and set(ids) == set(offers)
    assert sorted(set(REFERENCE_SCOPES) - set(offers)) == [], "an offer of shared/reference/offers.tsv is missing"
    assert not REMOVED & set(offers)


def test_nothing_is_marked_as_confirmed_with_a_provider(fields):
    for offer_id, entry in fields.items():
        assert entry["status"] == "to_confirm", offer_id
        assert entry["last_checked"] is None, offer_id
        assert entry["source"].startswith("http"), offer_id
        date = entry["source_date"]
        assert date is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date), offer_id


def test_source_dates_are_the_most_recent_the_source_gives(fields):
    assert fields["nummer-gegen-kummer"]["source_date"] == "2020-03-31"  # BMFSFJ press release
    assert fields["elterntelefon"]["source_date"] == "2020-08-19"
    assert fields["besuch-im-gefaengnis"]["source_date"] == "2021-04-13"
    assert fields["landesfachstelle"]["source_date"] == "2025-12-18"
    # Undated pages of the prison and of the film's publisher: no date is made up.
    assert fields["cafe-luise-siegburg"]["source_date"] is None
    assert fields["film-besuch-mit-kindern"]["source_date"] is None


def test_scopes(fields, from_reference):
    for offer_id, scope in REFERENCE_SCOPES.items():
        assert fields[offer_id]["scope"] == scope, offer_id
    # Every scope the schema allows is used by the entries of the reference.
    assert {f["scope"] for f in from_reference.values()} == {"lokal", "regional", "landesweit", "bundesweit"}


def test_helpline_offers_take_phone_and_hours_from_the_helpline(fields, model):
    assert fields["nummer-gegen-kummer"]["helpline"] == "nummer-gegen-kummer"
    assert fields["elterntelefon"]["helpline"] == "elterntelefon"
    with_helpline = {offer_id for offer_id, f in fields.items() if "helpline" in f}
    assert with_helpline == {"nummer-gegen-kummer", "elterntelefon"}
    for offer_id in with_helpline:
        assert model.record("helplines", fields[offer_id]["helpline"]) is not None
        assert "phone" not in fields[offer_id]
        assert "opening_hours" not in fields[offer_id]
        assert "hours_note" not in fields[offer_id]


def test_every_local_and_regional_offer_names_known_districts(fields, model):
    for offer_id, entry in fields.items():
        if entry["scope"] in ("lokal", "regional"):
            assert entry.get("districts"), offer_id
        for district in entry.get("districts", []):
            assert model.record("districts", district) is not None, (offer_id, district)


def test_local_offers_cover_the_districts_of_the_reference(fields, from_reference):
    named = {d for f in from_reference.values() for d in f.get("districts", [])}
    assert named == REFERENCE_DISTRICTS
    assert REFERENCE_DISTRICTS <= {d for f in fields.values() for d in f.get("districts", [])}
    # Kreis Unna only through the statewide mother–child unit in Fröndenberg; Kreis Mettmann as the site of JVA Düsseldorf.
    local = {d for f in from_reference.values() if f["scope"] in ("lokal", "regional") for d in f["districts"]}
    assert local == named - {"kreis-unna"}
    assert fields["mutter-kind-einrichtung-froendenberg"]["districts"] == ["kreis-unna"]
    assert fields["gefaengnisverein-duesseldorf"]["districts"] == ["duesseldorf", "kreis-mettmann"]


def test_prison_ids_follow_the_prison_names(fields, from_reference, model):
    assert {p for f in from_reference.values() for p in f.get("prisons", [])} == PRISON_IDS
    named = {p for f in fields.values() for p in f.get("prisons", [])}
    assert sorted(named - set(model.kinds["prisons"])) == []
    # The prisons ABK Neustart worked with were named only for its predecessor (press, 2014).
    assert "prisons" not in fields["abk-neustart-aachen"]
    assert fields["landesfachstelle"]["prisons"] == ["jva-bielefeld-brackwede", "jva-willich-i", "jva-willich-ii"]


def test_web_addresses_are_full_addresses(fields):
    for offer_id, entry in fields.items():
        for url in entry.get("web", []):
            assert re.match(r"^https?://\S+$", url), (offer_id, url)
    # As the provider's own pages write it.
    assert fields["juki-online"]["web"] == ["https://www.juki-online.de"]
    assert fields["hilfetelefon-gewalt-gegen-frauen"]["web"] == ["https://www.hilfetelefon.de"]


def test_contact_facts_as_the_source_gives_them(fields):
    mke = fields["mutter-kind-einrichtung-froendenberg"]
    assert mke["phone"] == "02373 758-360"
    assert mke["address"] == {"street": "Hirschberg 9", "postcode": "58730", "town": "Fröndenberg"}
    assert "02373 758-364" in mke["contact_note"]  # the fax number
    assert fields["telefonseelsorge"]["phone"] == "0800 111 0 111"
    assert "0800 111 0 222" in fields["telefonseelsorge"]["contact_note"]
    assert fields["gefangenenfuersorge-duesseldorf"]["address"]["street"] == "Kaiserswerther Straße 286"
    # Numbers and addresses only the press gave are gone (issue 16), not kept from memory.
    assert "phone" not in fields["vater-kind-gruppe-jva-bochum"]
    assert "address" not in fields["chance-gelsenkirchen"]
    assert fields["besuch-im-gefaengnis"]["languages"] == ["de", "en", "fr", "tr", "ar", "ru"]


def test_uncertain_details_stay_out_of_structured_fields(fields):
    # E-mail written with "ü" in the source: kept for the editors, not published as a link.
    assert "email" not in fields["gefangenenfuersorge-duesseldorf"]
    assert "gefangenenfürsorge@gmx.de" in fields["gefangenenfuersorge-duesseldorf"]["editor_note"]
    # Conflicting opening times of Café Luise: only described, never as opening_hours.
    assert not any("opening_hours" in f for f in fields.values())
    assert "Dienstag- und Donnerstagnachmittag" in fields["cafe-luise-siegburg"]["hours_note"]
    # Old contact details of the predecessor in Aachen are not used.
    assert "phone" not in fields["abk-neustart-aachen"] and "email" not in fields["abk-neustart-aachen"]


def test_planned_or_uncertain_offers_say_so(fields):
    for offer_id in ("familienbesuch-jva-werl", "familienbeauftragte-jva-rheinbach", "vater-kind-wochenende",
                     "bindungsraeume-jva-koeln"):
        assert "nicht bestätigt" in fields[offer_id]["description"], offer_id
