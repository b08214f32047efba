"""Editors' mistakes in pages and translations stop the build with the page's name and line."""

import re
from pathlib import Path

import pytest

from kvi.build import load_inputs
from kvi.problems import BuildFailed
from tests.conftest import project_in

project = project_in("de", "en")  # these checks need no more languages


def problems_of(project: Path) -> list[str]:
    with pytest.raises(BuildFailed) as failure:
        load_inputs(project)
    return [str(p) for p in failure.value.problems]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_unknown_reference_names_page_and_line(project):
    page = project / "content" / "de" / "erste-schritte.md"
    append(page, "\nRufen Sie {{ helplines.kummerkasten.phone }} an.\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    found = problems_of(project)
    assert found == [f"content/de/erste-schritte.md:{line}: {{{{ helplines.kummerkasten.phone }}}}: "
                     "no entry with id 'kummerkasten' in helplines (known: elterntelefon, nummer-gegen-kummer)"]


def test_unknown_field_kind_and_malformed_reference(project):
    append(project / "content" / "de" / "index.md",
           "\n{{ helplines.elterntelefon.fax }} {{ gefaengnisse.jva-koeln.phone }} {{ telefon }}\n")
    found = problems_of(project)
    assert len(found) == 3
    assert "'elterntelefon' has no field 'fax'" in found[0] + found[1] + found[2]
    assert any("unknown kind 'gefaengnisse'" in p for p in found)
    assert any("a reference must look like {{ kind.id.field }}" in p for p in found)


def test_references_in_translations_are_checked_too(project):
    append(project / "content" / "en" / "index.md", "\n{{ helplines.nummer-gegen-kummer.mail }}\n")
    assert any(p.startswith("content/en/index.md:") for p in problems_of(project))


def test_front_matter_rules(project):
    german = project / "content" / "de" / "suche.md"
    german.write_text(german.read_text(encoding="utf-8").replace("section: start", "section: sonstiges"), encoding="utf-8")
    english = project / "content" / "en" / "index.md"
    english.write_text(english.read_text(encoding="utf-8").replace("---\n", "---\nsection: start\n", 1), encoding="utf-8")
    found = problems_of(project)
    assert any(p.startswith("content/de/suche.md:") and "section: must be one of" in p for p in found)
    assert any(p.startswith("content/en/index.md:2: section: unknown field") for p in found)


def test_translation_without_german_source_is_reported(project):
    (project / "content" / "en" / "extra.md").write_text(
        "---\ndescription: An orphaned page.\ntranslation:\n  source_hash: '000000000000'\n  reviewed: false\n---\n# Extra\n",
        encoding="utf-8")
    assert problems_of(project) == ["content/en/extra.md: no German source page content/de/extra.md: "
                                    "translations must mirror a German page at the same path"]


def test_page_reachable_from_nowhere_is_reported(project):
    (project / "content" / "de" / "versteckt.md").write_text(
        "---\ndescription: Eine Seite, zu der kein Weg führt.\nsection: familie\n---\n# Versteckt\n", encoding="utf-8")
    assert problems_of(project) == [
        "content/de/versteckt.md: no menu entry (content/nav.yml) and no link from another page leads here"]


def test_menu_entry_without_file_is_reported(project):
    append(project / "content" / "nav.yml", "- besuch.md\n")
    assert any("'besuch.md' is in the menu but content/de/besuch.md does not exist" in p for p in problems_of(project))


def test_unknown_district_id_names_page_and_line(project):
    page = project / "content" / "de" / "erste-schritte.md"
    districts = "audience: [eltern]\ndistricts:\n  - koeln\n  - koelle\n"
    page.write_text(page.read_text(encoding="utf-8").replace("audience: [eltern]\n", districts),
                    encoding="utf-8")
    assert problems_of(project) == [
        "content/de/erste-schritte.md:7: districts: unknown district id 'koelle' (see data/districts.yml)"]


def test_missing_description_is_one_clear_line(project):
    page = project / "content" / "de" / "erste-schritte.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"(?m)^description: .*\n", "", text, count=1), encoding="utf-8")
    assert problems_of(project) == ["content/de/erste-schritte.md:2: description: this field is required but missing"]


def test_link_to_a_missing_page_names_page_and_line(project):
    page = project / "content" / "de" / "erste-schritte.md"
    append(page, "\nMehr dazu auf der [Besuchsseite](familie/besuche.md).\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    assert problems_of(project) == [
        f"content/de/erste-schritte.md:{line}: the link 'familie/besuche.md' leads to no page "
        "(familie/besuche.md is neither in content/de/ nor made from data)"]
