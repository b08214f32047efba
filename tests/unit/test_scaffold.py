"""Scaffolding: `kvi new offer|event <id>` appends an entry generated from the schema, which
fails `kvi check` only for its empty required fields until they are filled; `kvi new
translation` starts a translation from the German page. Nothing is ever overwritten."""

import json
import re

import pytest

from kvi import translation_status, validate
from kvi.cli import main
from kvi.pages import read_page
from kvi.scaffold import ScaffoldRefused, entry_text, fields_of, new_entry, new_translation
from tests.conftest import project_in

project = project_in("de", "en")  # these checks need no more languages

FILLED = {
    "offers": {"name": "Testangebot für Familien", "provider": "Beispiel e.V., Münster",
               "description": "Beratung für Familien von Inhaftierten.", "help_types": "[beratung]",
               "audiences": "[eltern]", "scope": "landesweit", "channels": "[telefon]",
               "source": "https://www.lwl.org/beispiel-angebot"},  # an authority's page: a primary source
    "events": {"title": "Fachtag Kinder von Inhaftierten", "date": "2027-03-01",
               "audience": "Fachkräfte der Jugendhilfe", "source": "https://www.lwl.org/beispiel-termin"},
}


def _check(project, capsys) -> tuple[int, list[str]]:
    code = main(["--root", str(project), "check"])
    return code, capsys.readouterr().err.strip().splitlines()


def _fill(path, record_id, values):
    """Fill the required fields of the new entry the way an editor would."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {record_id}\n")
    head, entry = text[:start], text[start:]
    for name, value in values.items():
        entry, count = re.subn(rf"^  {name}:( \[\])?$", f"  {name}: {value}", entry, count=1, flags=re.M)
        assert count == 1, name
    path.write_text(head + entry, encoding="utf-8")


@pytest.mark.parametrize("what, kind", [("offer", "offers"), ("event", "events")])
def test_new_entry_fails_check_only_for_empty_required_fields_until_filled(project, capsys, what, kind):
    path = project / "data" / f"{kind}.yml"
    before = path.read_text(encoding="utf-8")
    count = before.count("\n- id: ")
    assert main(["--root", str(project), "new", what, "neu-2027"]) == 0
    out = capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    assert text.startswith(before)  # appended, nothing else changed
    line = text.splitlines().index("- id: neu-2027") + 1
    assert f"data/{kind}.yml:{line} ({kind}/neu-2027)" in out
    assert f"Pflichtfelder ausfüllen: {', '.join(FILLED[kind])}" in out
    assert "  status: to_confirm\n" in text[len(before):] and "  last_checked: null\n" in text[len(before):]
    assert "\n  source_date:\n" in text[len(before):]

    code, lines = _check(project, capsys)
    assert code == 1
    index = count + 1
    named = [re.match(rf"data/{kind}\.yml:\d+: \[{index}\]\.(\w+): ", line) for line in lines[:-1]]
    assert all(named), lines  # every problem is about a field of the new entry
    assert sorted(m.group(1) for m in named) == sorted(FILLED[kind])
    assert lines[-1] == f"{len(FILLED[kind])} problems found; nothing was published."

    _fill(path, "neu-2027", FILLED[kind])
    code, lines = _check(project, capsys)
    assert (code, lines) == (0, [])


def test_new_entry_describes_every_field_of_the_schema():
    text = entry_text("offers", "x")
    docs = fields_of("offers")
    schema = json.loads((validate.SCHEMA_DIR / "offers.schema.json").read_text(encoding="utf-8"))
    assert [d.name for d in docs] == list(schema["items"]["properties"])
    assert {d.name for d in docs if d.required} == set(schema["items"]["required"])
    lines = text.splitlines()
    for doc in docs:
        key = f"- {doc.name}: x" if doc.name == "id" else f"  {doc.name}:" if doc.required else f"  # {doc.name}:"
        at = next(i for i, line in enumerate(lines) if line.startswith(key)) - 1
        while lines[at].lstrip().startswith("#   "):  # continued description
            at -= 1
        assert lines[at].lstrip().startswith(f"# {doc.title} ({'required' if doc.required else 'optional'})"), doc.name
    assert "# Phone number (optional): The offer's main phone number as published" in text



def test_references_are_followed_through_the_validation_registry(monkeypatch):
    """The scaffold reads schemas and follows $ref with validate's registry, so it describes exactly
    what validation checks (here: a changed shared phone definition shows up in offers)."""
    from copy import deepcopy

    from referencing import Resource

    real = validate._registry()
    definitions = deepcopy(real["definitions.schema.json"].contents)
    definitions["$defs"]["phone"]["title"] = "Phone as the registry has it"
    changed = real.with_resource("definitions.schema.json", Resource.from_contents(definitions))
    monkeypatch.setattr(validate, "_registry", lambda: changed)
    phone = next(doc for doc in fields_of("offers") if doc.name == "phone")
    assert phone.title == "Phone as the registry has it"
    assert "# Phone as the registry has it (optional):" in entry_text("offers", "x")
    # Blocks defined in definitions.schema.json list their keys (nested references followed).
    assert "  # address:\n  #   street:\n" in entry_text("prisons", "x")

def test_existing_or_invalid_id_is_refused_and_nothing_is_written(project, capsys):
    path = project / "data" / "offers.yml"
    before = path.read_text(encoding="utf-8")
    line = before.splitlines().index("- id: bke-onlineberatung") + 1
    assert main(["--root", str(project), "new", "offer", "bke-onlineberatung"]) == 1
    err = capsys.readouterr().err
    assert f"data/offers.yml:{line}: id: 'bke-onlineberatung' already exists" in err
    assert "Nichts wurde angelegt." in err
    for bad in ("Neues_Angebot", "neu--angebot", "-neu", ""):
        with pytest.raises(ScaffoldRefused, match="is not a valid id"):
            new_entry(project, "offers", bad)
    with pytest.raises(ScaffoldRefused, match="fachtagung-2025-12-16' already exists"):
        new_entry(project, "events", "fachtagung-2025-12-16")
    assert path.read_text(encoding="utf-8") == before


def test_new_translation_starts_from_the_german_page(project, capsys):
    german, _ = read_page(project / "content" / "de" / "familie" / "besuch.md", project, "de")
    (project / "content" / "en" / "familie" / "besuch.md").unlink(missing_ok=True)  # not yet translated here
    assert main(["--root", str(project), "new", "translation", "en", "familie/besuch"]) == 0
    assert "Übersetzung angelegt: content/en/familie/besuch.md" in capsys.readouterr().out
    target = project / "content" / "en" / "familie" / "besuch.md"
    page, problems = read_page(target, project, "en")
    assert problems == []
    assert page.meta["description"] == f"{translation_status.UNTRANSLATED_MARK} {german.meta['description']}"
    assert page.meta["translation"] == {"source_hash": german.source_hash, "reviewed": False}
    assert page.body == german.body

    rows = {(r.lang, r.path): r for r in translation_status.rows(project)}
    assert rows["en", "familie/besuch.md"].state == "untranslated"
    assert main(["--root", str(project), "translations", "--fail"]) == 1
    capsys.readouterr()
    code, lines = _check(project, capsys)
    assert (code, lines) == (0, [])  # a valid page: the status report is what flags it

    text = target.read_text(encoding="utf-8")
    text = text.replace(page.meta["description"], "How to prepare a visit to a prison in NRW, step by step.")
    text = text.replace("# Besuch im Gefängnis", "# Visiting someone in prison")
    target.write_text(text, encoding="utf-8")
    rows = {(r.lang, r.path): r for r in translation_status.rows(project)}
    assert rows["en", "familie/besuch.md"].state == "current"


def test_new_translation_is_refused_for_existing_file_or_unknown_language_or_page(project, capsys):
    existing = project / "content" / "en" / "erste-schritte.md"
    before = existing.read_text(encoding="utf-8")
    assert main(["--root", str(project), "new", "translation", "en", "erste-schritte.md"]) == 1
    assert "content/en/erste-schritte.md: the translation already exists" in capsys.readouterr().err
    assert existing.read_text(encoding="utf-8") == before
    with pytest.raises(ScaffoldRefused, match="unknown language 'xx'"):
        new_translation(project, "xx", "familie/besuch.md")
    with pytest.raises(ScaffoldRefused, match="unknown language 'de'"):
        new_translation(project, "de", "familie/besuch.md")
    with pytest.raises(ScaffoldRefused, match="content/de/gibt-es-nicht.md: there is no such German page"):
        new_translation(project, "en", "gibt-es-nicht")
    with pytest.raises(ScaffoldRefused, match="not a page path"):
        new_translation(project, "en", "../README.md")
    assert not (project / "content" / "en" / "gibt-es-nicht.md").exists()
