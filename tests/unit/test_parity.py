"""The parity check: a current translation keeps its German page's data references, link targets,
heading count and numbers; each difference is one message with file and line."""

from pathlib import Path

import pytest

from kvi import parity
from kvi.build import load
from kvi.pages import Page
from kvi.problems import BuildFailed
from tests.unit.test_content_errors import append

GERMAN = """# Besuch

Rufen Sie {{ helplines.elterntelefon.phone }} an. Mehr unter [Besuch](familie/besuch.md).

## Zeiten

Mindestens 4 Stunden im Monat, etwa 100.000 Kinder, Termin um 09:00 Uhr (§ 17).
"""


def page(body: str, lang: str = "en", meta: dict | None = None) -> Page:
    return Page(lang, "x.md", f"content/{lang}/x.md", meta or {}, body, 5, body)


def messages(body: str, meta: dict | None = None) -> list[str]:
    return [str(p) for p in parity.compare(page(GERMAN, "de"), page(body, meta=meta))]


FAITHFUL = """# Visit

Call {{ helplines.elterntelefon.phone }}. More under [Visit](familie/besuch.md).

## Times

At least 4 hours a month, about 100,000 children, appointment at 9:00 (§ 17).
"""


def test_a_faithful_translation_passes():
    assert messages(FAITHFUL) == []


def test_digits_and_separators_are_normalised():
    assert parity._normalised_numbers("١٠٠٫٠٠٠ und 100 000 und 100.000 und 100,000") == ["100000"] * 4
    assert parity._normalised_numbers("09:00 – 9:00") == ["9", "0", "9", "0"]
    arabic = FAITHFUL.replace("4 hours", "٤ ساعات").replace("100,000", "١٠٠٬٠٠٠")
    assert messages(arabic) == []


def test_a_missing_data_reference_is_named_with_the_german_line():
    found = messages(FAITHFUL.replace("{{ helplines.elterntelefon.phone }}", "the parents' helpline"))
    assert found == ["content/en/x.md: parity: the German page has the data reference "
                     "{{ helplines.elterntelefon.phone }} once (content/de/x.md:7), this translation never"]


def test_another_link_target_is_named_with_its_line():
    found = messages(FAITHFUL.replace("(familie/besuch.md)", "(familie/besuche.md)"))
    assert found == [
        "content/en/x.md: parity: the German page has the link target familie/besuch.md once "
        "(content/de/x.md:7), this translation never",
        "content/en/x.md:7: parity: the link target familie/besuche.md stands here once, in the German page never"]


def test_a_missing_heading_is_counted():
    found = messages(FAITHFUL.replace("## Times\n", ""))
    assert found == ["content/en/x.md:5: parity: 1 headings here, 2 in the German page content/de/x.md"]


def test_a_changed_number_and_an_added_number_are_reported():
    found = messages(FAITHFUL.replace("At least 4 hours", "At least 5 hours").replace("children,", "children under 18,"))
    assert found == [
        "content/en/x.md:11: parity: the number 18 stands here once, in the German page never",
        "content/en/x.md: parity: the German page has the number 4 once (content/de/x.md:11), this translation never",
        "content/en/x.md:11: parity: the number 5 stands here once, in the German page never"]


def test_a_number_written_differently_on_purpose_is_declared():
    arabic = FAITHFUL.replace("100,000", "100 ألف")
    assert messages(arabic) != []
    assert messages(arabic, {"translation": {"numbers_written": {"100.000": "100 ألف"}}}) == []


def test_the_build_stops_on_a_difference_of_a_current_translation_only(project: Path):
    page_file = project / "content" / "en" / "erste-schritte.md"
    append(page_file, "\nCall us 24 hours a day.\n")
    with pytest.raises(BuildFailed) as failure:
        load(project)
    assert [str(p) for p in failure.value.problems] == [
        f"content/en/erste-schritte.md:{len(page_file.read_text(encoding='utf-8').splitlines())}: parity: "
        "the number 24 stands here once, in the German page never"]
    # Outdated (the German page changed since): not compared; kvi translations lists it as outdated.
    text = page_file.read_text(encoding="utf-8")
    hash_line = next(line for line in text.splitlines() if "source_hash:" in line)
    page_file.write_text(text.replace(hash_line, "  source_hash: 000000000000"), encoding="utf-8")
    load(project)


def test_easy_read_and_outdated_translations_are_not_compared():
    from kvi.languages import Language

    german = Page("de", "x.md", "content/de/x.md", {}, GERMAN, 5, GERMAN)
    rewritten = "# Besuch\n\nRufen Sie an.\n"
    languages = [Language("de", "Deutsch", "de", "de_DE", "de", "ltr"),
                 Language("ls", "Leichte Sprache", "de-x-ls", "de_DE", "de", "ltr", easy_read=True),
                 Language("en", "English", "en", "en_GB", "en", "ltr")]
    current = {"translation": {"source_hash": german.source_hash}}
    trees = {"de": {"x.md": german},
             "ls": {"x.md": Page("ls", "x.md", "content/ls/x.md", current, rewritten, 5, rewritten)},
             "en": {"x.md": Page("en", "x.md", "content/en/x.md", {"translation": {"source_hash": "0" * 12}},
                                 rewritten, 5, rewritten)}}
    assert parity.check(trees, languages) == []
    trees["en"]["x.md"] = Page("en", "x.md", "content/en/x.md", current, rewritten, 5, rewritten)
    assert parity.check(trees, languages) != []  # the same text, now current: compared
