"""Leichte Sprache keeps its own rules: each rule of the check fires, errors stop the build,
warnings do not; data is written out and lines stay lines."""

from pathlib import Path

import pytest

from kvi import easy_read
from kvi.build import load
from kvi.formatting import opening_hours
from kvi.pages import Page
from kvi.problems import BuildFailed
from kvi.render import easy_read_lines

TERMS = {"Aktenzeichen": "aktenzeichen", "Jugendamt": "jugendamt"}
IDS = {"aktenzeichen", "jugendamt", "offener-vollzug"}


def findings(body: str, meta: dict | None = None) -> list[tuple[str, bool, int]]:
    page = Page("ls", "seite.md", "content/ls/seite.md", meta or {}, body, 5, body)
    return [(f.problem.field, f.error, f.problem.line) for f in easy_read.check_page(page, TERMS, IDS)]


def rules(body: str, meta: dict | None = None) -> set[tuple[str, bool]]:
    return {(rule, error) for rule, error, _ in findings(body, meta)}


@pytest.mark.parametrize(("line", "rule", "error"), [
    ("Das steht in § 19.", "paragraph-sign", True),
    ("Fragen Sie z. B. die JVA.", "abbreviation", True),
    ("Besuch ist Mo. bis Fr. möglich.", "abbreviation", True),
    ("Das Gefängnis (JVA) ist groß.", "brackets", True),
    ("Es gibt zwei Stunden Besuch.", "number-words", True),
    ("Er ist verhaftet worden.", "passive", True),
    ("Der Antrag wird vom Gericht geprüft.", "passive", False),
    ("Das ist ein Satz. Das ist noch ein Satz.", "one-sentence-per-line", True),
    ("Eins zwo drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn.",
     "sentence-length", False),
    (" ".join(["Wort"] * 23) + ".", "sentence-length", True),
    ("Die Besuchserlaubnis kommt.", "long-word", False),
])
def test_each_rule_fires(line, rule, error):
    assert (rule, error) in rules(f"# Titel\n\n{line}\n")


def test_a_clean_page_has_no_findings():
    body = ("# Besuch im Gefängnis\n\nSie möchten Ihr Kind mitnehmen?\nDas Gericht entscheidet über den Besuch.\n\n"
            "- Es gibt 2 Stunden Besuch.\n- Die Besuchs·erlaubnis kommt vom Gericht.\n\n"
            "[Akten·zeichen](../glossar.md#aktenzeichen) heißt: eine Nummer.\n"
            "Ein Link ([oben](#oben)) zählt nicht als Klammer: {{ helplines.elterntelefon.phone }}\n")
    assert findings(body) == [("brackets", True, 14)]
    assert findings(body.replace(" ([oben](#oben))", "")) == []


def test_a_date_is_not_the_end_of_a_sentence():
    assert ("one-sentence-per-line", True) not in rules("# T\n\nVom 22. Dezember bis zum 6. Januar.\n")


def test_nrw_only_after_it_is_written_out():
    assert ("short-form", True) in rules("# T\n\nWir sind in NRW.\n")
    assert ("short-form", True) not in rules("# T\n\nWir sind in Nordrhein-Westfalen.\nDie Abkürzung ist NRW.\n")


def test_glossary_words_are_linked_or_declared_explained():
    body = "# T\n\nDas Jugendamt hilft.\n"
    assert ("glossary-word", False) in rules(body)
    assert ("glossary-word", False) not in rules(body.replace("Jugendamt", "[Jugend·amt](../glossar.md#jugendamt)"))
    assert ("glossary-word", False) not in rules(body, {"explained": ["jugendamt"]})
    assert ("explained", True) in rules(body, {"explained": ["jugendamtt"]})


def test_messages_name_line_rule_and_words():
    page = Page("ls", "seite.md", "content/ls/seite.md", {}, "# T\n\nText.\nEr ist verhaftet worden.\n", 5, "")
    [finding] = easy_read.check_page(page, TERMS, IDS)
    assert str(finding.problem) == "content/ls/seite.md:8: passive: 'verhaftet worden': say who does it"


def test_errors_stop_the_build_and_the_glossary_is_checked_too(project: Path):
    page = project / "content" / "ls" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nDas steht in § 19.\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    glossary = project / "data" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    broken = text.replace("Das Akten·zeichen ist eine Art Nummer.", "Das Akten·zeichen (Nr.) ist eine Art Nummer.", 1)
    glossary.write_text(broken, encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        load(project)
    found = [str(p) for p in failure.value.problems]
    assert f"content/ls/index.md:{line}: paragraph-sign: the § sign: say 'Das steht in einem Gesetz.'" in found
    assert any(p.startswith("data/glossary.yml:") and "(aktenzeichen)" in p for p in found)
    assert not any(p.startswith("content/en/") for p in found)


def test_the_real_easy_read_pages_have_no_errors(model, languages):
    from kvi.build import ROOT
    from kvi.pages import load_tree

    trees = {language.code: load_tree(ROOT, language.code)[0] for language in languages}
    assert easy_read.errors(easy_read.check(trees, languages, model)) == []


def test_opening_hours_are_written_out_for_easy_read():
    hours = [{"days": ["mo", "tu", "we", "th", "fr"], "opens": "09:00", "closes": "17:00"},
             {"days": ["tu", "th"], "opens": "17:00", "closes": "19:30"}]
    assert opening_hours(hours, "de_DE", written=True) == (
        "Montag bis Freitag von 9 Uhr bis 17 Uhr; Dienstag und Donnerstag von 17 Uhr bis 19 Uhr 30")
    assert opening_hours([{"days": ["mo", "tu", "th"], "opens": "08:00", "closes": "12:00"}], "de_DE", written=True) == (
        "Montag, Dienstag und Donnerstag von 8 Uhr bis 12 Uhr")
    assert opening_hours(hours[:1], "de_DE") == "Mo.–Fr. 09:00–17:00"


def test_a_quotation_keeps_its_lines_too():
    assert easy_read_lines("> „Satz eins.\n> Satz zwei.“\n\nDanach.\n") == "> „Satz eins.  \n> Satz zwei.“\n\nDanach.\n"


def test_each_sentence_keeps_its_line():
    body = "# T\n\nSatz eins.\nSatz zwei.\n\n- Punkt.\n  Weiter.\n- Zwei.\n\n| a | b |\n| - | - |\n"
    assert easy_read_lines(body) == "# T\n\nSatz eins.  \nSatz zwei.\n\n- Punkt.  \n  Weiter.\n- Zwei.\n\n| a | b |\n| - | - |\n"


def test_the_easy_read_ui_strings_are_checked_too(project: Path):
    strings = project / "i18n" / "ui" / "ls.yml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(text.replace("search.button: ", "search.button: Suche z. B. "), encoding="utf-8")
    line = next(number for number, entry in enumerate(text.splitlines(), 1) if entry.startswith("search.button:"))
    with pytest.raises(BuildFailed) as failure:
        load(project)
    assert [str(p) for p in failure.value.problems] == [
        f"i18n/ui/ls.yml:{line}: abbreviation (search.button): 'z. B.': write the words out"]
