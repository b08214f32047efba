"""Editors' mistakes in data files: one readable line per problem, all of them at once."""

from pathlib import Path

import pytest

from kvi import model
from kvi.build import load_inputs
from kvi.model import OPERATOR_ID
from kvi.problems import BuildFailed
from tests.conftest import project_in

project = project_in("de", "en")  # these checks need no more languages


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(project: Path) -> list[str]:
    with pytest.raises(BuildFailed) as failure:
        load_inputs(project)
    return [str(p) for p in failure.value.problems]


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_the_real_data_is_valid():
    _, problems = model.load(Path(__file__).resolve().parents[2])
    assert problems == []


def test_wrong_phone_number_names_file_line_and_field(project):
    helplines = project / "data" / "helplines.yml"
    replace(helplines, 'phone: "116 111"', 'phone: "hotline 116 111"')
    line = line_of(helplines, "hotline")
    assert problems_of(project) == [
        f"data/helplines.yml:{line}: [1].phone: must be a German phone number, like \"0211 8792-0\" "
        "or \"116 111\", in quotes, found 'hotline 116 111'"]


def test_missing_field_unknown_field_and_wrong_type_are_all_reported(project):
    helplines = project / "data" / "helplines.yml"
    replace(helplines, "  free_of_charge: true\n", "", )
    replace(helplines, "  anonymous: true\n", "  anonymous: yes please\n  opening: daily\n")
    found = problems_of(project)
    assert any("[1].free_of_charge: this field is required but missing" in p for p in found)
    assert any("[1].opening: unknown field (allowed here:" in p for p in found)
    assert any("[1].anonymous: must be true or false, found 'yes please'" in p for p in found)
    assert all(p.startswith("data/helplines.yml:") for p in found)


def test_duplicate_id_is_reported_with_both_lines(project):
    helplines = project / "data" / "helplines.yml"
    replace(helplines, "id: elterntelefon", "id: nummer-gegen-kummer")
    line = line_of(helplines, "id: nummer-gegen-kummer")
    second = [number for number, line in enumerate(helplines.read_text().splitlines(), 1)
              if "id: nummer-gegen-kummer" in line][1]
    assert f"data/helplines.yml:{second}: id: 'nummer-gegen-kummer' is already used at line {line}; each id must be unique" \
        in problems_of(project)


def test_confirmed_entry_needs_a_check_date(project):
    replace(project / "data" / "organisation.yml", "status: to_confirm", "status: confirmed")
    assert any("last_checked: must be a date written YYYY-MM-DD" in p for p in problems_of(project))


def test_invalid_yaml_and_unknown_data_file(project):
    (project / "data" / "helplines.yml").write_text("- id: x\n  name: [unclosed\n", encoding="utf-8")
    (project / "data" / "notes.yml").write_text("a: 1\n", encoding="utf-8")
    found = problems_of(project)
    assert any(p.startswith("data/helplines.yml:") and "invalid YAML" in p for p in found)
    assert any(p.startswith("data/notes.yml: unknown data file") for p in found)


def test_unknown_district_of_a_town_names_file_line_and_field(project):
    towns = project / "data" / "municipalities.yml"
    replace(towns, "district: kreis-borken", "district: kreis-borkum")
    line = line_of(towns, "district: kreis-borkum")
    assert problems_of(project) == [
        f"data/municipalities.yml:{line}: district: 'kreis-borkum' is not an id in data/districts.yml"]


def test_phone_number_that_germany_does_not_have_is_rejected(project):
    helplines = project / "data" / "helplines.yml"
    replace(helplines, 'phone: "0800 111 0 550"', 'phone: "0800 111"')
    line = line_of(helplines, '"0800 111"')
    assert problems_of(project) == [f"data/helplines.yml:{line}: [2].phone: must be a German phone number, "
                                    "like \"0211 8792-0\" or \"116 111\", in quotes, found '0800 111'"]


def test_javascript_link_and_future_check_date_are_rejected(project):
    helplines = project / "data" / "helplines.yml"
    replace(helplines, "web: https://www.nummergegenkummer.de/", "web: javascript:alert(1)")
    replace(helplines, "last_checked: null", "last_checked: 2999-01-01")
    found = problems_of(project)
    web = line_of(helplines, "javascript:")
    assert f"data/helplines.yml:{web}: [1].web: must be a full web address starting with https:// or http://, " \
        "found 'javascript:alert(1)'" in found
    assert any("[1].last_checked: must be a date written YYYY-MM-DD, not in the future" in p for p in found)


def test_numbers_yaml_would_convert_are_reported_not_changed(project):
    districts = project / "data" / "districts.yml"
    replace(districts, 'ags: "05111"', "ags: 5111")
    line = line_of(districts, "ags: 5111")
    assert problems_of(project) == [f"data/districts.yml:{line}: [1].ags: must be the five-digit Kreisschlüssel "
                                    "of an NRW district in quotes, like \"05111\", found 5111"]


def test_invalid_email_unknown_prison_and_unknown_glossary_link(project):
    offers = project / "data" / "offers.yml"
    text = offers.read_text(encoding="utf-8")
    first_prison = next(line for line in text.splitlines()
                        if "jva-" in line and "prisons" in line or line.strip().startswith("- jva-"))
    offers.write_text(text.replace(first_prison, first_prison.replace("jva-", "jvx-", 1), 1), encoding="utf-8")
    operator = project / "data" / "operator.yml"
    operator.write_text(operator.read_text(encoding="utf-8").replace("editors_email: null", "editors_email: redaktion@@example"),
                        encoding="utf-8")
    glossary = project / "data" / "glossary.yml"
    gtext = glossary.read_text(encoding="utf-8")
    related_line = next(line for line in gtext.splitlines() if line.strip().startswith("related:"))
    glossary.write_text(gtext.replace(related_line, related_line.split(":")[0] + ": [gibt-es-nicht]", 1), encoding="utf-8")
    found = problems_of(project)
    assert any(p.startswith("data/offers.yml:") and ": prisons: 'jvx-" in p and "is not an id in data/prisons.yml" in p
               for p in found), found
    assert any(p.startswith("data/operator.yml:") and "editors_email: must be an e-mail address" in p for p in found), found
    assert any(p.startswith("data/glossary.yml:") and "related: 'gibt-es-nicht' is not an id in data/glossary.yml" in p
               for p in found), found


def test_impossible_date_is_rejected(project):
    organisation = project / "data" / "organisation.yml"
    replace(organisation, "last_checked: null\n  status: to_confirm", "last_checked: 2026-02-30\n  status: confirmed")
    line = line_of(organisation, "2026-02-30")
    found = problems_of(project)
    assert found and all(p.startswith(f"data/organisation.yml:{line}: [1].last_checked: must be a date written YYYY-MM-DD")
                         for p in found)
    assert any(p.endswith("found '2026-02-30'") for p in found)


def test_the_operator_record_keeps_its_fixed_id(project):
    operator = project / "data" / "operator.yml"
    replace(operator, f"- id: {OPERATOR_ID}\n", "- id: chef\n")
    line = line_of(operator, "- id: chef")
    assert problems_of(project) == [f"data/operator.yml:{line}: [1].id: must be '{OPERATOR_ID}', found 'chef'"]


def test_each_schema_says_whether_its_kind_is_open_data(model):
    """The exports under /daten/ follow "x-open-data" in the schemas; the operator's settings stay private.
    (model here is the fixture: the project's data, loaded once.)"""
    import datetime

    from kvi import exports, validate

    declared = {kind: validate.schema(kind).get("x-open-data") for kind in model.kinds}
    assert all(isinstance(value, bool) for value in declared.values()), declared
    assert declared["operator"] is False
    published = {name.rsplit(".", 1)[0] for name in exports.files(model, datetime.date(2026, 11, 25))
                 if name.endswith((".json", ".csv")) and name != "orte.json"}
    assert published == {kind for kind, open_data in declared.items() if open_data}


def test_impossible_source_dates_are_rejected_and_partial_ones_kept(project):
    prisons = project / "data" / "prisons.yml"
    text = prisons.read_text(encoding="utf-8")
    dates = [line for line in text.splitlines() if line.startswith("  source_date: ")]
    replace(prisons, dates[0], '  source_date: "2024-13-45"')
    replace(prisons, dates[1], '  source_date: "2024-13"')
    replace(prisons, dates[2], '  source_date: "2024"')
    found = problems_of(project)
    month = line_of(prisons, 'source_date: "2024-13"')
    assert [p.split(": ", 1)[0] for p in found] == [f"data/prisons.yml:{line_of(prisons, '2024-13-45')}",
                                                    f"data/prisons.yml:{month}"]
    assert all("source_date: must be a real date written YYYY-MM-DD, YYYY-MM or YYYY" in p for p in found)


def test_an_emptied_data_file_is_reported_unless_its_kind_may_be_empty(project):
    (project / "data" / "postcodes.yml").write_text("# all postcodes deleted by mistake\n", encoding="utf-8")
    (project / "data" / "events.yml").write_text("[]\n", encoding="utf-8")
    assert problems_of(project) == [
        "data/postcodes.yml:1: the file must list at least one entry: empty, it would remove every postcode "
        "of the place finder from the site"]


def test_each_schema_declares_whether_its_file_may_be_empty(model):
    from kvi import validate

    declared = {kind: validate.schema(kind).get("minItems") for kind in model.kinds}
    assert all(value in (0, 1) for value in declared.values()), declared
    assert declared["redirects"] == 0 and declared["prisons"] == 1


def test_a_town_in_a_second_youth_office_is_reported_at_its_line(project):
    offices = project / "data" / "youth_offices.yml"
    replace(offices, "  serves: [duisburg]", "  serves: [duisburg, duesseldorf]")
    first = line_of(offices, "  serves: [duesseldorf]")
    second = line_of(offices, "  serves: [duisburg, duesseldorf]")
    assert problems_of(project) == [
        f"data/youth_offices.yml:{second}: serves: 'duesseldorf' is already in the serves list of "
        f"'jugendamt-duesseldorf' (line {first}); each entry of data/municipalities.yml belongs in exactly one"]


def test_a_town_in_no_youth_office_is_reported(project):
    offices = project / "data" / "youth_offices.yml"
    replace(offices, "  serves: [duisburg]", "  serves: [duesseldorf]")
    found = problems_of(project)
    assert "data/youth_offices.yml: serves: 'duisburg' (data/municipalities.yml) is in no entry's serves list; " \
        "each belongs in exactly one" in found
