"""UI strings: every language translated for real, same keys and placeholders as German."""

from pathlib import Path

import pytest

from kvi import validate, yaml_source
from kvi.build import ROOT
from kvi.cli import main
from kvi.languages import SOURCE, load_languages, load_ui_strings
from kvi.problems import BuildFailed
from tests.unit.test_data_errors import line_of, replace

# The translated UI string files, read from the folder's listing; each must belong to a language of
# i18n/languages.yml (checked below), and each language's file must exist (load_ui_strings reports it).
TRANSLATED = sorted(path.stem for path in (ROOT / "i18n" / "ui").glob("*.yml") if path.stem != "de")


def test_eight_languages_with_german_first_and_arabic_rtl(languages):
    assert [lang.code for lang in languages] == ["de", "ls", "en", "tr", "ar", "ru", "uk", "pl"]
    assert {lang.code: lang.dir for lang in languages}["ar"] == "rtl"
    assert {lang.code: lang.hreflang for lang in languages}["ls"] == "de-x-ls"


def test_ui_strings_are_valid(languages):
    _, problems = load_ui_strings(ROOT, languages)
    assert problems == []


def test_every_language_has_its_ui_strings_and_every_file_its_language(languages):
    assert TRANSLATED == sorted(lang.code for lang in languages[1:])


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_key_is_translated(code):
    german, _ = yaml_source.load(ROOT / "i18n/ui/de.yml", "de")
    own, _ = yaml_source.load(ROOT / f"i18n/ui/{code}.yml", code)
    assert list(own) == list(german), "same keys, same order as de.yml"
    # Leichte Sprache may keep a German string where it is already plain; others may not.
    same = [key for key in german if own[key] == german[key] and "{" not in german[key]]
    assert code == "ls" or same == [], f"untranslated: {same}"


def test_unknown_key_and_wrong_placeholder_are_reported(project: Path, languages):
    path = project / "i18n/ui/en.yml"
    text = path.read_text(encoding="utf-8").replace("search.button:", "search.buton:")
    text = text.replace("{language}", "{sprache}")
    path.write_text(text, encoding="utf-8")
    _, problems = load_ui_strings(project, languages)
    messages = [str(p) for p in problems]
    assert any("search.buton: unknown key" in m for m in messages)
    assert any("notice.fallback: placeholders must match the German text" in m for m in messages)


# --- i18n/languages.yml: editors' mistakes, one line each (file:line: field: message) --------------

ALLOWED = "code, dir, easy_read, hreflang, locale, name, theme_language"


def language_problems(project: Path) -> list[str]:
    with pytest.raises(BuildFailed) as failure:
        load_languages(project)
    return [str(p) for p in failure.value.problems]


def test_the_languages_file_names_its_schema_and_the_schema_wants_german_first():
    first = (ROOT / "i18n/languages.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/languages.schema.json"
    schema = validate.schema("languages")
    assert schema["allOf"][0]["prefixItems"][0]["properties"]["code"]["const"] == SOURCE
    fields = schema["items"]["properties"]
    assert set(schema["items"]["required"]) == set(fields) - {"easy_read"}  # easy_read: only Leichte Sprache
    assert schema["items"]["additionalProperties"] is False
    assert all(spec.get("title") and spec.get("description") and spec.get("examples") for spec in fields.values())


def test_unknown_key_names_file_line_and_field(project):
    path = project / "i18n/languages.yml"
    line = line_of(path, "- code: ar")
    replace(path, "  dir: rtl\n", "  direction: rtl\n")
    assert language_problems(project) == [
        f"i18n/languages.yml:{line}: [5].dir: this field is required but missing",
        f"i18n/languages.yml:{line}: [5].direction: unknown field (allowed here: {ALLOWED})",
    ]


def test_missing_field_names_file_line_and_field(project):
    path = project / "i18n/languages.yml"
    line = line_of(path, "- code: en")
    replace(path, "  locale: en_GB\n", "")
    assert language_problems(project) == [f"i18n/languages.yml:{line}: [3].locale: this field is required but missing"]


def test_wrong_text_direction_names_file_line_and_field(project):
    path = project / "i18n/languages.yml"
    replace(path, "  dir: rtl\n", "  dir: right-to-left\n")
    line = line_of(path, "dir: right-to-left")
    assert language_problems(project) == [
        f"i18n/languages.yml:{line}: [5].dir: must be one of 'ltr', 'rtl', found 'right-to-left'"]


def test_first_language_must_be_german(project):
    path = project / "i18n/languages.yml"
    text = path.read_text(encoding="utf-8")
    german = text[text.index("- code: de\n"):text.index("- code: ls\n")]
    path.write_text(text.replace(german, "", 1) + german, encoding="utf-8")
    line = line_of(path, "- code: ls")
    assert language_problems(project) == [
        f"i18n/languages.yml:{line}: [1].code: the first language must be German, 'de': it is the source of "
        "every translation (move its entry to the top), found 'ls'"]


def test_a_code_used_twice_names_both_lines(project):
    path = project / "i18n/languages.yml"
    first = line_of(path, "- code: ru")
    replace(path, "- code: uk\n", "- code: ru\n")
    second = [i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text == "- code: ru"][1]
    assert language_problems(project) == [
        f"i18n/languages.yml:{second}: [7].code: 'ru' is already used at line {first}; each code must be unique"]


def test_kvi_check_and_kvi_yaml_report_language_problems_without_a_traceback(project, capsys):
    path = project / "i18n/languages.yml"
    line = line_of(path, "- code: ar")
    replace(path, "  dir: rtl\n", "  direction: rtl\n")
    expected = [f"i18n/languages.yml:{line}: [5].dir: this field is required but missing",
                f"i18n/languages.yml:{line}: [5].direction: unknown field (allowed here: {ALLOWED})",
                "2 problems found; nothing was published."]
    assert main(["--root", str(project), "check"]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == expected and "Traceback" not in captured.err + captured.out
    # The pre-commit hook (kvi yaml on changed files) checks a changed languages file the same way.
    assert main(["--root", str(project), "yaml", str(path)]) == 1
    assert capsys.readouterr().err.strip().splitlines() == expected


def test_kvi_new_translation_refuses_while_the_languages_file_is_broken(project, capsys):
    path = project / "i18n/languages.yml"
    replace(path, "  locale: en_GB\n", "")
    assert main(["--root", str(project), "new", "translation", "en", "familie/besuch.md"]) == 1
    err = capsys.readouterr().err
    assert "[3].locale: this field is required but missing" in err and "Nichts wurde angelegt." in err
    assert "Traceback" not in err
