"""UI strings: every language translated for real, same keys and placeholders as German."""

from pathlib import Path

import pytest

from kvi import yaml_source
from kvi.build import ROOT
from kvi.languages import load_languages, load_ui_strings

LANGUAGES = load_languages(ROOT)


def test_eight_languages_with_german_first_and_arabic_rtl():
    assert [l.code for l in LANGUAGES] == ["de", "ls", "en", "tr", "ar", "ru", "uk", "pl"]
    assert {l.code: l.dir for l in LANGUAGES}["ar"] == "rtl"
    assert {l.code: l.hreflang for l in LANGUAGES}["ls"] == "de-x-ls"


def test_ui_strings_are_valid():
    _, problems = load_ui_strings(ROOT, LANGUAGES)
    assert problems == []


@pytest.mark.parametrize("code", [l.code for l in LANGUAGES[1:]])
def test_every_key_is_translated(code):
    german, _ = yaml_source.load(ROOT / "i18n/ui/de.yml", "de")
    own, _ = yaml_source.load(ROOT / f"i18n/ui/{code}.yml", code)
    assert list(own) == list(german), "same keys, same order as de.yml"
    # Leichte Sprache may keep a German string where it is already plain; others may not.
    same = [key for key in german if own[key] == german[key] and "{" not in german[key]]
    assert code == "ls" or same == [], f"untranslated: {same}"


def test_unknown_key_and_wrong_placeholder_are_reported(project: Path):
    path = project / "i18n/ui/en.yml"
    text = path.read_text(encoding="utf-8").replace("search.button:", "search.buton:")
    text = text.replace("{language}", "{sprache}")
    path.write_text(text, encoding="utf-8")
    _, problems = load_ui_strings(project, LANGUAGES)
    messages = [str(p) for p in problems]
    assert any("search.buton: unknown key" in m for m in messages)
    assert any("notice.fallback: placeholders must match the German text" in m for m in messages)
