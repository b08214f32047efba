"""Language switch, right-to-left Arabic, and pages without JavaScript."""

from __future__ import annotations

from kvi.build import ROOT


def test_language_switch_keeps_the_page(page, server, languages):
    page.goto(f"{server}erste-schritte/")
    for language in languages[1:]:
        page.goto(f"{server}erste-schritte/")
        page.click(".kvi-lang summary")
        page.click(f".kvi-lang__list a[hreflang='{language.hreflang}']")
        assert page.url == f"{server}{language.prefix}erste-schritte/"
        assert page.locator("html").get_attribute("lang") == language.hreflang


def test_language_switch_from_another_language_keeps_the_page(page, server, languages):
    for start, target in [("ar/", ""), ("en/", "ar/"), ("ls/", "en/")]:
        page.goto(f"{server}{start}jva/jva-koeln/")
        page.click(".kvi-lang summary")
        hreflang = next(language.hreflang for language in languages if language.prefix == target)
        page.click(f".kvi-lang__list a[hreflang='{hreflang}']")
        assert page.url == f"{server}{target}jva/jva-koeln/"


def test_language_menu_works_by_keyboard(page, server):
    page.goto(f"{server}en/")
    page.focus(".kvi-lang summary")
    page.keyboard.press("Enter")
    link = page.locator(".kvi-lang__list a[hreflang='pl']")
    assert link.is_visible()
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}pl/")


def test_arabic_renders_right_to_left(page, server):
    page.goto(f"{server}ar/erste-schritte/")
    assert page.locator("body").get_attribute("dir") == "rtl"
    heading = page.locator("article h1")
    assert heading.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # Text starts at the right edge of the content column.
    article = page.locator("article").bounding_box()
    box = heading.evaluate("e => { const r = document.createRange(); r.selectNodeContents(e); "
                           "const b = r.getBoundingClientRect(); return {left: b.left, right: b.right}; }")
    assert article["x"] + article["width"] - box["right"] < 40
    # Phone numbers keep their digit order inside Arabic text.
    phone = page.locator("article a[href='tel:+498001110550']").first
    assert phone.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert phone.inner_text() == "0800 111 0 550"


def test_pages_read_fine_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(f"{server}erste-schritte/")
        assert page.locator("article h1").inner_text() == "Erste Schritte nach einer Verhaftung"
        assert page.locator("article a[href='tel:116111']").first.is_visible()
        # The menu opens through its label, without scripts.
        page.click("label.md-header__button[for='__drawer']")
        page.locator(".md-nav--primary a[href='../suche/']").first.wait_for(state="visible")
        # The language menu is a <details> element.
        page.goto(f"{server}erste-schritte/")
        page.click(".kvi-lang summary")
        page.click(".kvi-lang__list a[hreflang='uk']")
        assert page.url == f"{server}uk/erste-schritte/"
        # The search page explains that search needs JavaScript.
        page.goto(f"{server}suche/")
        assert "JavaScript" in page.locator("article p.kvi-notice").inner_text()
    finally:
        context.close()


def test_no_request_leaves_the_site_and_no_cookies(page, server):
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    for path in ["", "erste-schritte/", "ar/", "suche/?q=Besuch", "en/nicht-da/"]:
        page.goto(f"{server}{path}")
        if "?q=" in path:
            page.locator(".kvi-search__results li").first.wait_for(timeout=10000)
    assert hosts == {server.split("/")[2]}
    assert page.context.cookies() == []
    assert page.evaluate("localStorage.length") == 0


def test_unknown_address_shows_the_languages_404_page(page, server):
    response = page.goto(f"{server}en/nicht-da/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("article h1").inner_text() == "Page not found"


LINES = """() => [...document.querySelectorAll('article p, article li')]
  .filter(el => !el.closest('.kvi-sources, .kvi-notice') && !el.querySelector('p'))
  .flatMap(el => el.innerHTML.split(/<br\\s*\\/?>/).map(part => part.replace(/<[^>]+>/g, '').trim()))
  .filter(text => text)"""
TYPE = """() => { const text = [...document.querySelectorAll('article p')].find(p => !p.closest('aside'));
  const style = getComputedStyle(text);
  return [parseFloat(style.fontSize), parseFloat(style.lineHeight)]; }"""


def test_easy_read_shows_one_sentence_per_line_in_larger_type(page, server, languages):
    """As the editors write it: every line of a Leichte-Sprache page holds one sentence, and the
    type is larger, with more space between the lines, than on the German page."""
    import re

    easy = next(language for language in languages if language.easy_read)
    for path in ("erste-schritte/", "familie/besuch/", ""):
        page.goto(f"{server}{easy.prefix}{path}")
        lines = page.evaluate(LINES)
        assert lines, path
        assert [line for line in lines if re.search(r"[.!?]\s+[A-ZÄÖÜ]", line)] == [], path
    easy_size, easy_leading = page.evaluate(TYPE)
    page.goto(server)
    size, leading = page.evaluate(TYPE)
    assert easy_size >= 1.2 * size and easy_leading / easy_size > leading / size


def test_arabic_childrens_fallback_keeps_the_childrens_layout(page, server):
    """A children's page without an Arabic translation: the German text, in the children's layout of
    its age band, right-to-left around it, with the helpline box on top in Arabic."""
    german = ROOT / "content" / "de" / "kinder" / "8-12"
    missing = sorted(p.name for p in german.glob("*.md") if not (ROOT / "content" / "ar" / "kinder" / "8-12" / p.name).exists())
    assert missing, "every 8–12 page has an Arabic translation: pick another fallback for this test"
    page.goto(f"{server}ar/kinder/8-12/{missing[0].removesuffix('.md')}/")
    assert page.locator("body").get_attribute("dir") == "rtl"
    layout = page.locator("article .kvi-age.kvi-age-8-12")
    box = layout.locator(".kvi-kids-helpline")
    assert box.locator("a[href='tel:116111']").count() == 1
    assert box.evaluate("e => getComputedStyle(e).direction") == "rtl"
    text = layout.locator("[data-read-aloud] > div[lang='de']")
    assert text.evaluate("e => getComputedStyle(e).direction") == "ltr"
    # The box stands above the German text's title, and the text has the age band's type size.
    assert box.bounding_box()["y"] < text.locator("h1").bounding_box()["y"]
    size = text.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    root = page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert abs(size - 0.95 * root) < 0.5  # .md-typeset .kvi-age-8-12 { font-size: .95rem }
    assert page.locator(".kvi-notice--fallback").count() == 1
