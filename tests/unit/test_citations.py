"""A page that names a paragraph of a law or an article of a convention lists it in its sources;
translations are held to their German page's sources."""

from pathlib import Path

import pytest

from kvi import citations
from kvi.build import load
from kvi.pages import Page
from kvi.problems import BuildFailed

UVOLLZG = {"title": "Untersuchungshaftvollzugsgesetz Nordrhein-Westfalen (UVollzG NRW)", "paragraph": "§ 17",
           "url": "https://recht.nrw.de/"}
CRC = {"title": "Übereinkommen über die Rechte des Kindes", "paragraph": "Art. 3, 9", "url": "https://www.ohchr.org/"}


def page(body: str, lang: str = "de") -> Page:
    return Page(lang, "seite.md", f"content/{lang}/seite.md", {}, body, 5, body)


def messages(body: str, sources: list[dict], german: bool = True) -> list[str]:
    return [str(problem) for problem in citations.check_page(page(body, "de" if german else "en"), sources, german)]


def test_a_listed_paragraph_passes_in_any_form_of_the_law_name():
    body = ("# Titel\n\nEine Erlaubnis (§ 17 Abs. 5 Untersuchungshaftvollzugsgesetz NRW), auch nach § 17 UVollzG NRW\n"
            "und nach § 17 Abs. 1 und 2 des Gesetzes.\n")
    assert messages(body, [UVOLLZG]) == []


def test_an_unlisted_paragraph_names_file_line_and_what_is_missing():
    body = "# Titel\n\nText.\nNach § 19 Strafvollzugsgesetz NRW gibt es mehr Zeit.\n"
    assert messages(body, [UVOLLZG]) == [
        "content/de/seite.md:8: sources: the page names § 19 Strafvollzugsgesetz, which its German page's sources "
        "do not list (add the law's text with its paragraph to 'sources' in content/de/seite.md)"]


def test_the_same_number_in_another_law_does_not_count():
    assert len(messages("# T\n\n§ 17 Strafvollzugsgesetz NRW\n", [UVOLLZG])) == 1


def test_a_law_name_on_the_next_line_is_still_compared():
    assert len(messages("# T\n\nnach § 17 Abs. 5\nStrafvollzugsgesetz NRW\n", [UVOLLZG])) == 1
    assert messages("# T\n\nnach § 17 Abs. 5\nUntersuchungshaftvollzugsgesetz NRW\n", [UVOLLZG]) == []


def test_several_paragraphs_at_once_each_need_a_source():
    found = messages("# T\n\n§§ 17, 20 UVollzG NRW\n", [UVOLLZG])
    assert len(found) == 1 and "§ 20 UVollzG" in found[0]


def test_articles_of_a_convention():
    body = "# T\n\n## Artikel 3: Dein Wohl\n\nRecht auf Kontakt (Art. 9) und Meinung (Artikel 12).\n"
    found = messages(body, [CRC])
    assert len(found) == 1 and "Art. 12" in found[0] and found[0].startswith("content/de/seite.md:9:")
    assert len(messages(body, [])) == 3


def test_translations_are_checked_for_paragraphs_against_the_german_sources():
    body = "# Title\n\nUnder § 17 (Untersuchungshaftvollzugsgesetz NRW) and § 19 of the Prison Act; Article 12.\n"
    found = messages(body, [UVOLLZG], german=False)
    assert found == ["content/en/seite.md:7: sources: the page names § 19, which its German page's sources do not "
                     "list (add the law's text with its paragraph to 'sources' in content/de/seite.md)"]


def test_the_build_stops_on_an_unlisted_paragraph(project: Path):
    german = project / "content" / "de" / "familie" / "selbstfuersorge.md"
    german.write_text(german.read_text(encoding="utf-8") + "\nDas regelt § 1684 BGB.\n", encoding="utf-8")
    line = len(german.read_text(encoding="utf-8").splitlines())
    with pytest.raises(BuildFailed) as failure:
        load(project)
    assert [str(p) for p in failure.value.problems] == [
        f"content/de/familie/selbstfuersorge.md:{line}: sources: the page names § 1684 BGB, which its German "
        "page's sources do not list (add the law's text with its paragraph to 'sources' in "
        "content/de/familie/selbstfuersorge.md)"]


def test_a_source_needs_a_title_and_a_web_address(project: Path):
    german = project / "content" / "de" / "familie" / "selbstfuersorge.md"
    text = german.read_text(encoding="utf-8").replace("sources:\n", "sources:\n  - paragraph: 19\n", 1)
    german.write_text(text, encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        load(project)
    found = [str(p) for p in failure.value.problems]
    assert any(p.startswith("content/de/familie/selbstfuersorge.md:") and "sources[1].paragraph" in p for p in found)
    assert any("sources[1].title" in p for p in found) and any("sources[1].url" in p for p in found)
