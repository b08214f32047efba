"""The place finder: a town or postcode leads to the district page with the town's Jugendamt."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("typed, town, district", [
    ("Bocholt", "bocholt", "kreis-borken"),
    ("46395", "bocholt", "kreis-borken"),
    ("Muenster", "muenster", "muenster"),
    ("koln", "koeln", "koeln"),
])
def test_town_or_postcode_leads_to_the_district_page(page, server, typed, town, district):
    page.goto(server)
    page.fill("#kvi-finder-input", typed)
    page.locator("#kvi-finder-list [role=option]").first.wait_for(timeout=10000)
    page.press("#kvi-finder-input", "Enter")
    page.wait_for_url(f"{server}kreise/{district}/#ort-{town}")
    row = page.locator(f"#ort-{town}")
    assert "Jugendamt" in row.inner_text()


def test_postcode_shared_by_two_towns_offers_both(page, server):
    page.goto(f"{server}kreise/")
    page.fill("#kvi-finder-input", "40472")
    page.locator("#kvi-finder-list [role=option]").nth(1).wait_for(timeout=10000)
    options = page.locator("#kvi-finder-list [role=option] a").all_inner_texts()
    assert any("Düsseldorf" in o for o in options) and any("Ratingen" in o for o in options)


def test_keyboard_choice_and_arabic_page_stay_in_the_language(page, server):
    page.goto(f"{server}ar/")
    page.fill("#kvi-finder-input", "Bielefeld")
    page.locator("#kvi-finder-list [role=option]").first.wait_for(timeout=10000)
    page.press("#kvi-finder-input", "ArrowDown")
    assert page.get_attribute("#kvi-finder-input", "aria-activedescendant") == "kvi-finder-option-0"
    page.press("#kvi-finder-input", "Enter")
    page.wait_for_url(f"{server}ar/kreise/bielefeld/#ort-bielefeld")


def test_without_javascript_the_a_to_z_list_does_the_same(browser, server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server)
        page.click(".kvi-finder a[href$='orte/']")
        page.click("a:text-is('Bocholt')")
        assert page.url == f"{server}kreise/kreis-borken/#ort-bocholt"
    finally:
        context.close()


@pytest.mark.parametrize("query, expected", [
    ("Ratingen", "JVA Düsseldorf"),
    ("Bocholt", "Kreis Borken: Hilfe vor Ort"),
    ("Knast", "JVA"),
])
def test_search_finds_prisons_and_towns(page, server, query, expected):
    page.goto(f"{server}suche/?q={query}")
    page.locator(".kvi-search__results li").first.wait_for(timeout=10000)
    titles = page.locator(".kvi-search__results li a").all_inner_texts()
    assert any(expected in title for title in titles), titles
