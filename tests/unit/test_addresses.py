"""Page addresses: source path, URL, output file and relative links come from kvi.addresses alone."""

import pytest

from kvi import addresses, generate
from kvi.addresses import Address
from kvi.languages import Language

GERMAN = Language("de", "Deutsch", "de", "de_DE", "de", "ltr")
ENGLISH = Language("en", "English", "en", "en_GB", "en", "ltr")


@pytest.mark.parametrize(("path", "url", "file"), [
    ("jva/jva-koeln.md", "jva/jva-koeln/", "jva/jva-koeln/index.html"),
    ("kreise/index.md", "kreise/", "kreise/index.html"),
    ("glossar.md", "glossar/", "glossar/index.html"),
    ("index.md", "", "index.html"),
])
def test_a_page_has_a_directory_url_and_an_index_file(path, url, file):
    page = Address(path)
    assert (page.url, page.file) == (url, file)
    assert page.url_in(GERMAN) == url and page.url_in(ENGLISH) == "en/" + url
    assert page.file_in(ENGLISH) == "en/" + file


@pytest.mark.parametrize(("source", "target", "relative"), [
    ("kreise/koeln.md", "jva/jva-koeln.md", "../../jva/jva-koeln/"),
    ("kreise/koeln.md", "kreise/bonn.md", "../bonn/"),
    ("kreise/koeln.md", "kreise/index.md", "../"),
    ("kreise/index.md", "kreise/koeln.md", "koeln/"),
    ("fachleute/netzwerk.md", "material/besuch-mit-kindern.md", "../../material/besuch-mit-kindern/"),
    ("glossar.md", "suche.md", "../suche/"),
])
def test_relative_urls_between_nested_pages(source, target, relative):
    assert Address(target).url_from(Address(source)) == relative


def test_relative_urls_to_and_from_the_home_page():
    home = Address("index.md")
    assert home.url_from(Address("jva/jva-koeln.md")) == "../../"
    assert home.url_from(Address("kreise/index.md")) == "../"
    assert Address("jva/jva-koeln.md").url_from(home) == "jva/jva-koeln/"
    assert home.url_from(home) == "./"


def test_a_page_links_to_itself_as_dot_slash():
    assert Address("jva/jva-koeln.md").url_from(Address("jva/jva-koeln.md")) == "./"
    assert Address("kreise/index.md").url_from(Address("kreise/index.md")) == "./"


def test_a_record_and_a_kind_have_their_pages():
    assert addresses.page_of("prisons", "jva-koeln").path == "jva/jva-koeln.md"
    assert addresses.page_of("districts", "koeln").url == "kreise/koeln/"
    assert addresses.page_of("offers", "elterntelefon").path == "angebote/elterntelefon.md"
    assert addresses.page_of("events", "fachtagung").path == "termine/fachtagung.md"
    assert addresses.page_of("visit_cards", "jva-koeln").path == "besuchskarten/jva-koeln.md"
    assert addresses.index_of("prisons").path == "jva/index.md"
    assert addresses.index_of("municipalities").url == "orte/"
    with pytest.raises(KeyError):
        addresses.page_of("municipalities", "koeln")  # towns have no page of their own


def test_every_page_made_from_a_record_is_at_that_record_s_address(model):
    for page in generate.plan(model):
        if page.record is not None:
            kind = "visit_cards" if page.template == "visit-card" else page.record.kind
            assert page.path == addresses.page_of(kind, page.record.id).path


def test_a_site_file_from_a_page_in_a_prefixed_language():
    export = addresses.export_file("termine.ics")
    assert export == "daten/termine.ics"
    assert Address("termine/index.md").site_file(GERMAN, export) == "../daten/termine.ics"
    assert Address("termine/index.md").site_file(ENGLISH, export) == "../../daten/termine.ics"
    assert Address("index.md").site_file(GERMAN, export) == "daten/termine.ics"
    assert Address("index.md").site_file(ENGLISH, export) == "../daten/termine.ics"
    pdf = addresses.pdf_file("jva-koeln", "en")
    assert pdf == "pdf/jva-koeln-en.pdf"
    assert addresses.page_of("visit_cards", "jva-koeln").site_file(ENGLISH, pdf) == "../../../pdf/jva-koeln-en.pdf"


def test_another_language_s_page_is_reached_through_the_site_root():
    leaflet = Address("material/besuch-mit-kindern.md")
    assert leaflet.site_file(ENGLISH, leaflet.url_in(GERMAN)) == "../../../material/besuch-mit-kindern/"
    assert leaflet.site_file(GERMAN, leaflet.url_in(ENGLISH)) == "../../en/material/besuch-mit-kindern/"


def test_a_forwarding_page_has_an_address_by_its_url():
    short = Address.at("l/besuch/")
    assert short.file_in(ENGLISH) == "en/l/besuch/index.html"
    assert Address("material/besuch-mit-kindern.md").url_from(short) == "../../material/besuch-mit-kindern/"
    assert Address.at("") == Address("index.md")


@pytest.mark.parametrize("path", ["jva/jva-koeln", "/jva/jva-koeln.md", "jva/jva-koeln/"])
def test_a_malformed_page_path_is_refused(path):
    with pytest.raises(ValueError):
        Address(path)


def test_a_url_without_its_slash_is_refused():
    with pytest.raises(ValueError):
        Address.at("l/besuch")
