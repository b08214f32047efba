"""The preview (make serve) shows edits: a content page is rendered again on its own, a data
change reloads everything, a mistake is reported while the last good page stays."""

from __future__ import annotations

import time

import pytest
import yaml

from kvi.build import copy_project
from kvi.preview_bench import edit, fetch, free_port, settled, until
from kvi.serve import start

# German, one language with its own translations, one right-to-left: what the preview does for
# every language, in less time than all eight take.
LANGUAGES = ("de", "en", "ar")


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory):
    root = copy_project(tmp_path_factory.mktemp("preview") / "project")
    languages = root / "i18n" / "languages.yml"
    entries = yaml.safe_load(languages.read_text(encoding="utf-8"))
    languages.write_text(yaml.safe_dump([entry for entry in entries if entry["code"] in LANGUAGES],
                                        allow_unicode=True, sort_keys=False), encoding="utf-8")
    port = free_port()
    messages: list[str] = []
    running, close = start(root, port, report=messages.append)
    yield root, f"http://127.0.0.1:{port}/", running, messages
    close()


def test_german_comes_first_and_the_other_languages_follow(preview) -> None:
    root, site, running, _ = preview
    assert "</html>" in fetch(site)
    settled(running)
    assert '<html lang="ar"' in fetch(f"{site}ar/telefon/")
    assert "pagefind-entry.json" in {path.name for path in (root / ".build/preview/pagefind").iterdir()}


def test_an_edited_page_is_shown_in_its_language_and_in_fallback_copies(preview) -> None:
    root, site, running, _ = preview
    settled(running)
    edit(root / "content/de/telefon.md", "", "\nNeu geschriebener Satz für die Vorschau.\n")
    until(f"{site}telefon/", "Neu geschriebener Satz")
    settled(running)
    untranslated = [code for code in ("en", "ar") if not (root / "content" / code / "telefon.md").exists()]
    for code in untranslated:
        assert "Neu geschriebener Satz" in fetch(f"{site}{code}/telefon/")


def test_a_new_title_reaches_every_menu(preview) -> None:
    root, site, running, _ = preview
    settled(running)
    page = root / "content/de/erste-schritte.md"
    old = next(line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
    edit(page, old, "# Erste Schritte – neu benannt")
    until(f"{site}erste-schritte/", "neu benannt")
    settled(running)
    assert "neu benannt" in fetch(f"{site}telefon/")  # the menu of another page


def test_a_data_change_shows_on_every_page_that_uses_it(preview) -> None:
    root, site, running, _ = preview
    settled(running)
    edit(root / "data/helplines.yml", "name: Elterntelefon", "name: Elterntelefon Vorschau")
    until(f"{site}telefon/", "Elterntelefon Vorschau")
    settled(running)
    assert "Elterntelefon Vorschau" in fetch(f"{site}ar/")


def test_a_mistake_is_reported_and_the_last_good_page_stays(preview) -> None:
    root, site, running, messages = preview
    settled(running)
    before = fetch(f"{site}telefon/")
    page = root / "content/de/telefon.md"
    page.write_text(page.read_text(encoding="utf-8").replace("description:", "beschreibung:", 1), encoding="utf-8")
    deadline = time.monotonic() + 20
    while not any("content/de/telefon.md" in message for message in messages) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert any("content/de/telefon.md:" in message and "description" in message for message in messages)
    assert fetch(f"{site}telefon/") == before


def test_a_translation_that_no_longer_matches_its_german_page_is_reported(preview) -> None:
    """The parity check runs on an edited translation too: a number the German page does not have."""
    root, site, running, messages = preview
    settled(running)
    before = fetch(f"{site}en/ueber-uns/")
    page = root / "content/en/ueber-uns.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nWe answer within 48 hours.\n", encoding="utf-8")
    deadline = time.monotonic() + 20
    while not any("content/en/ueber-uns.md" in message for message in messages) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert any("content/en/ueber-uns.md:" in message and "parity: the number 48" in message
               for message in messages), messages[-3:]
    assert fetch(f"{site}en/ueber-uns/") == before
