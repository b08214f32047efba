"""Quick exit and read-aloud in the browser. Requests to the exit page are answered inside
the test, so nothing leaves the machine."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def exit_url(model) -> str:
    """Where the quick exit leads: the operator's neutral page."""
    return model.record("operator", "betreiber").fields["quick_exit_url"]


def _neutral(page, exit_url: str):
    page.route(f"{exit_url}**", lambda route: route.fulfill(status=200, content_type="text/html", body="<title>neutral</title>"))


def test_quick_exit_button_replaces_the_page(page, server, exit_url):
    _neutral(page, exit_url)
    page.goto(server)
    page.goto(f"{server}familie/besuch/")
    page.click("[data-kvi-exit]")
    page.wait_for_url(f"{exit_url}**")
    page.go_back()
    assert page.url == server, "Back skips the page that was left"


def test_shift_three_times_leaves_too(page, server, exit_url):
    _neutral(page, exit_url)
    page.goto(f"{server}kinder/8-12/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(f"{exit_url}**")


def test_quick_exit_is_visible_on_a_small_phone(browser, server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(f"{server}kinder/4-7/")
        page.mouse.wheel(0, 2000)
        box = page.locator("[data-kvi-exit]").bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= 640 and box["x"] + box["width"] <= 320
    finally:
        context.close()


def test_read_aloud_stays_hidden_without_a_local_voice(page, server):
    page.add_init_script("speechSynthesis.getVoices = () => [{localService: false, lang: 'de-DE', name: 'online'}];")
    page.goto(f"{server}kinder/4-7/")
    assert page.locator(".kvi-read-aloud").is_hidden()


def test_read_aloud_uses_only_a_local_voice(page, server):
    page.add_init_script("""
      window.spoken = [];
      const local = {localService: true, lang: 'de-DE', name: 'local'};
      speechSynthesis.getVoices = () => [{localService: false, lang: 'de-DE', name: 'online'}, local];
      speechSynthesis.speak = (u) => { window.spoken.push({text: u.text, voice: u.voice.name}); };
      // Real utterances accept only real voices; the stand-in records what it is given.
      window.SpeechSynthesisUtterance = function (text) { this.text = text; };
    """)
    page.goto(f"{server}kinder/4-7/")
    button = page.locator(".kvi-read-aloud button")
    button.wait_for(state="visible")
    button.click()
    spoken = page.evaluate("window.spoken")
    assert spoken and spoken[0]["voice"] == "local"
    assert page.locator("article h1").inner_text() in spoken[0]["text"]
