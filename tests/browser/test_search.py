"""Search in a real browser: Pagefind loads on first use and answers in the page's language."""

from __future__ import annotations

import pytest

SEARCHES = [
    # language prefix, query, a word the first steps page has in that language
    ("", "Verhaftung", "Erste Schritte"),
    ("en/", "arrest", "First steps"),
    ("ar/", "الاعتقال", "الخطوات"),
]


@pytest.mark.parametrize("prefix, query, expected", SEARCHES)
def test_search_returns_results_in_the_language(page, server, prefix, query, expected):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}{prefix}suche/")
    assert not any("pagefind" in url for url in requests), "no search code before first use"

    page.fill("#kvi-search-input", query)
    page.press("#kvi-search-input", "Enter")
    first = page.locator(".kvi-search__results li a").first
    first.wait_for(timeout=10000)
    titles = page.locator(".kvi-search__results li a").all_inner_texts()
    assert any(expected in title for title in titles), titles
    links = page.locator(".kvi-search__results li a").evaluate_all("els => els.map(e => e.href)")
    assert all(link.startswith(f"{server}{prefix}") for link in links), links
    assert page.locator(".kvi-search__status").inner_text().strip()


def test_query_in_address_searches_at_once_and_filters_narrow(page, server):
    page.goto(f"{server}suche/?q=Kinder")
    page.locator(".kvi-search__results li").first.wait_for(timeout=10000)
    before = page.locator(".kvi-search__results li").count()
    section = page.locator("#kvi-filter-section")
    section.select_option("Für Familien")
    page.wait_for_function("n => document.querySelectorAll('.kvi-search__results li').length < n", arg=before,
                           timeout=10000)
    titles = page.locator(".kvi-search__results li a").all_inner_texts()
    assert "Erste Schritte nach einer Verhaftung" in titles
    # Pages of other sections are filtered out.
    assert not any(title in titles for title in ["Wörter erklärt", "Für Fachleute", "Für Kinder und Jugendliche"])


def test_header_search_link_reaches_the_search_page_of_the_language(page, server):
    page.goto(f"{server}tr/erste-schritte/")
    page.click(".kvi-tools a[href*='suche']")
    assert page.url == f"{server}tr/suche/"
    assert page.locator("html").get_attribute("lang") == "tr"
