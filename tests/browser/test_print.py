"""Printing in the browser: the print stylesheet leaves only the text, and the QR code on the
printed page leads a phone to the page itself."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image

HIDDEN_IN_PRINT = [".md-header", ".md-sidebar--primary", ".md-footer", ".kvi-lang", ".kvi-exit", ".kvi-print__pdf"]
PRINTED = {
    "leaflet": ("material/besuch-mit-kindern/", "besuch"),
    "Arabic leaflet": ("ar/material/mit-kindern-ueber-haft-sprechen/", "sprechen"),
    "visit card": ("en/besuchskarten/jva-willich-i/", "jva-willich-i"),
}


@pytest.mark.parametrize("path, code", PRINTED.values(), ids=PRINTED.keys())
def test_print_shows_the_text_and_a_qr_code_to_the_page(page, server, path, code):
    page.goto(server + path)
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert page.locator(selector).first.count() == 0 or not page.locator(selector).first.is_visible(), selector
    assert page.locator("article h1").is_visible()
    qr = page.locator(".kvi-qr__code")
    assert qr.is_visible()
    image = Image.open(io.BytesIO(qr.screenshot()))
    codes = [found.text for found in zxingcpp.read_barcodes(image)]
    prefix = path.split("/")[0] + "/" if path.startswith(("ar/", "en/")) else ""
    assert codes == [f"{server}{prefix}l/{code}/"]
    # A phone scanning it lands on this very page, forwarded by the short address.
    page.emulate_media(media="screen")
    page.goto(codes[0])
    page.wait_for_url(server + path)


def test_the_quick_exit_and_menus_do_not_print_on_a_family_page(page, server):
    page.goto(server + "familie/besuch/")
    assert page.locator(".kvi-exit").first.is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".kvi-exit").first.is_visible()
    assert not page.locator(".md-header").is_visible()


def test_arabic_leaflet_prints_right_to_left(page, server):
    page.goto(server + "ar/material/mit-kindern-ueber-haft-sprechen/")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == "rtl"
    heading = page.locator("article h1").bounding_box()
    body = page.locator("article").bounding_box()
    # The heading starts at the right edge of the text column.
    assert abs((heading["x"] + heading["width"]) - (body["x"] + body["width"])) < 40


def test_on_a_phone_the_pdf_link_shows_and_the_qr_code_does_not(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    try:
        tab = context.new_page()
        tab.goto(server + "material/besuch-mit-kindern/")
        assert tab.locator("a.kvi-pdf").is_visible()
        assert not tab.locator(".kvi-qr__code").is_visible()
    finally:
        context.close()
