"""Data text translated field by field: a translation counts only while its German text is the one
it was made from; otherwise the page shows the current German text with a notice."""

import re
from pathlib import Path

import pytest

from kvi import cli, data_translations, generate
from kvi.build import load as load_sources
from kvi.languages import load_languages, load_ui_strings
from kvi.model import load
from kvi.problems import BuildFailed
from tests.conftest import project_in
from tests.unit.test_data_errors import line_of
from tests.unit.test_data_pages import _renderer

project = project_in("de", "en", "ar")  # these checks need no more languages

PRISON = "jva-detmold"


def _add_translation(project: Path, field: str, text: str, source_hash: str) -> None:
    """An Arabic translation of a field of JVA Detmold's visits block, as an editor adds it; the
    block's other translations are taken out first, so the test does not depend on them."""
    prisons = project / "data" / "prisons.yml"
    content = prisons.read_text(encoding="utf-8")
    start = content.index(f"- id: {PRISON}\n")
    end = content.index("\n- id: ", start)
    entry = re.sub(r"(?m)^    translations:\n(?:^      .*\n)*", "", content[start:end])
    status = entry.index("    status: to_confirm\n", entry.index("  visits:\n")) + len("    status: to_confirm\n")
    block = (f"    translations:\n      ar:\n        {field}:\n          text: \"{text}\"\n"
             f"          source_hash: \"{source_hash}\"\n          reviewed: false\n")
    prisons.write_text(content[:start] + entry[:status] + block + entry[status:] + content[end:], encoding="utf-8")


def _german(project: Path, field: str) -> str:
    model, _ = load(project)
    return model.record("prisons", PRISON).fields["visits"][field]


def test_fingerprint_ignores_how_yaml_wraps_the_text():
    assert data_translations.fingerprint("Höchstens 3\n  Besucher.") == data_translations.fingerprint("Höchstens 3 Besucher.")
    assert data_translations.fingerprint("Höchstens 3 Besucher.") != data_translations.fingerprint("Höchstens 4 Besucher.")


def test_a_current_translation_is_shown_in_its_language_and_marked_unreviewed(project):
    _add_translation(project, "other", "ثلاثة زوار على الأكثر.", data_translations.fingerprint(_german(project, "other")))
    body = _renderer(project, "ar")(f"jva/{PRISON}.md")
    assert "<p>ثلاثة زوار على الأكثر.</p>" in body
    assert "kvi-outdated" not in body
    model, _ = load(project)
    languages = load_languages(project)
    ui, _ = load_ui_strings(project, languages)
    page = next(p for p in generate.plan(model) if p.path == f"jva/{PRISON}.md")
    arabic = next(lang for lang in languages if lang.code == "ar")
    assert generate.PageRenderer(arabic, ui["ar"], model).render(page).unreviewed  # the page says so


def test_an_outdated_translation_gives_way_to_the_current_german_text(project):
    _add_translation(project, "other", "ثلاثة زوار على الأكثر.", "000000000000")
    body = _renderer(project, "ar")(f"jva/{PRISON}.md")
    assert "ثلاثة زوار" not in body
    german = " ".join(_german(project, "other").split())
    assert f'<p lang="de" dir="ltr">{german}</p>' in body
    assert '<p class="kvi-outdated">يجري تحديث ترجمة هذا النص' in body


def test_the_report_lists_missing_and_outdated_fields_with_the_current_hash(project, capsys):
    german = _german(project, "other")
    _add_translation(project, "other", "…", "000000000000")
    assert cli.main(["--root", str(project), "translations", "--data", "--lang", "ar", "--fail"]) == 1
    out = capsys.readouterr().out.splitlines()
    row = next(line for line in out if f"prisons/{PRISON}.visits.other" in line).split()
    assert row[:4] == ["ar", f"prisons/{PRISON}.visits.other", "outdated", data_translations.fingerprint(german)]
    assert "data text translations current (1 outdated," in out[-1]


def test_a_translation_of_a_field_that_is_not_there_is_reported(project):
    _add_translation(project, "otherr", "…", "000000000000")
    with pytest.raises(BuildFailed) as failure:
        load_sources(project)
    line = line_of(project / "data" / "prisons.yml", "        otherr:")
    assert [str(p) for p in failure.value.problems] == [
        f"data/prisons.yml:{line}: visits.translations.ar.otherr: 'otherr' is no German text of this "
        "block to translate (translatable here: booking, children, family_offers, id_rules, items, "
        "long_term, other, times)"]


def test_a_data_reference_in_a_translated_page_shows_the_current_translation(model):
    from kvi import references

    record = model.record("offers", "hilfetelefon-gewalt-gegen-frauen")
    english = record.fields["translations"]["en"]["hours_note"]["text"]
    reference = "{{ offers.hilfetelefon-gewalt-gegen-frauen.hours_note }}"
    text, problems = references.resolve(reference, model, "en_GB", "content/en/x.md", 1,
                                        german_in_foreign_text=True, lang="en")
    assert (text, problems) == (english, [])
    # No translation into that language: the German text, marked as German.
    text, _ = references.resolve(reference, model, "uk_UA", "content/uk/x.md", 1, german_in_foreign_text=True,
                                 lang="xx")
    assert text == f'<span lang="de" dir="ltr">{record.fields["hours_note"]}</span>'
