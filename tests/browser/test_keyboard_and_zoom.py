"""Keyboard use, reflow at 320 px, 200 % text, and privacy on every layout (kvi/layouts.py)."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from kvi.layouts import LAYOUTS

PREFIXES = {"de": "", "ar": "ar/"}

# Elements whose text overflows its box with overflow hidden, inside the parts that carry text.
# Material's own header title and menu ellipses are meant to shorten, and are left out.
CLIPPED = """() => [...document.querySelectorAll('article *, .kvi-helplines *, .kvi-exit, .kvi-print *')]
  .filter(el => {
    const style = getComputedStyle(el);
    const hides = /hidden|clip/.test(style.overflowX + style.overflowY);
    return hides && el.textContent.trim() && el.offsetParent !== null &&
      (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
  })
  .map(el => el.tagName + '.' + el.className)"""


def open_layout(page, server, prefix, layout):
    page.goto(f"{server}{prefix}{layout.address}")
    if layout.query:
        page.locator(".kvi-search__results li").first.wait_for(timeout=10000)


def test_the_first_tab_reaches_the_skip_link_and_it_leads_to_the_text(page, server):
    page.goto(f"{server}familie/besuch/")
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert skip.is_visible()
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    assert unquote(page.url).endswith(target)


def test_the_quick_exit_is_among_the_first_keyboard_stops(page, server):
    page.goto(f"{server}kinder/8-12/")
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('kvi-exit')"):
            break
    else:
        pytest.fail("the quick exit is not reached within six presses of Tab")
    # What pressing Enter then does is tested in test_safety.py (without leaving 127.0.0.1).
    assert page.evaluate("document.activeElement.href") == page.locator(".kvi-exit").get_attribute("href")


@pytest.mark.parametrize("prefix", PREFIXES.values(), ids=PREFIXES.keys())
def test_focus_is_always_visible(page, server, prefix):
    page.goto(f"{server}{prefix}familie/besuch/")
    for _ in range(25):
        page.keyboard.press("Tab")
        shown = page.evaluate("""() => {
            const el = document.activeElement, style = getComputedStyle(el);
            const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            return [el.tagName + '.' + el.className, ring || style.boxShadow !== 'none'];
        }""")
        assert shown[1], f"no visible focus on {shown[0]}"


@pytest.mark.parametrize("prefix", PREFIXES.values(), ids=PREFIXES.keys())
@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_no_sideways_scroll_or_clipped_text_at_320_px_and_200_percent_text(browser, server, layout, prefix):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        open_layout(page, server, prefix, layout)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "scrolls sideways at 320 px"
        assert page.evaluate(CLIPPED) == []
        # 200 % text as a browser's text-size setting does it: twice the root font size, at 640 px.
        page.set_viewport_size({"width": 640, "height": 800})
        page.evaluate("""() => { const root = document.documentElement;
            root.style.fontSize = 2 * parseFloat(getComputedStyle(root).fontSize) + 'px'; }""")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "scrolls sideways at 200 % text"
        assert page.evaluate(CLIPPED) == []
    finally:
        context.close()


def test_no_layout_requests_another_host_or_stores_anything(page, server):
    """Every layout, each in its own tab of one browser context, so their half-second waits for
    a quiet network (a request made late, after loading) run side by side."""
    hosts = set()
    page.context.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    for prefix in PREFIXES.values():
        tabs = []
        for layout in LAYOUTS.values():
            tabs.append(page.context.new_page())
            open_layout(tabs[-1], server, prefix, layout)
        for tab in tabs:
            tab.wait_for_load_state("networkidle")
            assert tab.evaluate("localStorage.length + sessionStorage.length") == 0, tab.url
            tab.close()
    assert hosts == {server.split("/")[2]}
    assert page.context.cookies() == []
