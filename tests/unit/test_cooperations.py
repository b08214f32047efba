"""Network partners (data/cooperations.yml): the model sites of the Landesfachstelle and the cooperations
between prisons and providers that shared/reference/ states, each with its source; the page lists them."""

import re
from collections import Counter
from pathlib import Path

import pytest

from kvi import generate, yaml_source
from kvi.build import ROOT
from kvi.languages import load_ui_strings
from kvi.model import load

# contacts.tsv, row "model sites": JVA Willich I, JVA Willich II, JVA Bielefeld-Brackwede.
MODEL_SITES = {"jva-willich-i", "jva-willich-ii", "jva-bielefeld-brackwede"}


@pytest.fixture(scope="module")
def cooperations(model):
    return model.kinds["cooperations"]


@pytest.fixture(scope="module")
def fields(cooperations):
    return {record_id: record.fields for record_id, record in cooperations.items()}


def _replace(path: Path, old: str, new: str) -> int:
    """Replace old by new once; the line (1-based) where it stood."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"text not found in {path}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def _index(path: Path, record_id: str) -> int:
    """The position of an entry in its data file as problems name it: [1] is the first entry."""
    raw, _ = yaml_source.load(path, path.name)
    return [entry["id"] for entry in raw].index(record_id) + 1


def test_cooperations_file_has_no_problems(cooperations):
    # The model fixture fails on any problem in data/, this file's included.
    assert cooperations and {r.file for r in cooperations.values()} == {"data/cooperations.yml"}


def test_entries_load_with_unique_ids(cooperations):
    raw, problems = yaml_source.load(ROOT / "data" / "cooperations.yml", "data/cooperations.yml")
    assert problems == []
    ids = [entry["id"] for entry in raw]
    assert [i for i, count in Counter(ids).items() if count > 1] == []
    assert len(ids) == len(cooperations)
    assert set(ids) == set(cooperations)


def test_every_model_site_of_the_landesfachstelle_is_present(fields, model):
    sites = {p for f in fields.values() if f["kind"] == "modellstandort" for p in f["prisons"]}
    assert sites == MODEL_SITES
    # One entry per site, with the Landesfachstelle as partner, and the same three the offer names.
    assert sorted(record_id for record_id, f in fields.items() if f["kind"] == "modellstandort") == \
        sorted(f"modellstandort-{prison}" for prison in MODEL_SITES)
    for record_id, entry in fields.items():
        if entry["kind"] == "modellstandort":
            assert {"name": "Landesfachstelle Netzwerk Kinder von Inhaftierten NRW", "offer": "landesfachstelle"} \
                in entry["partners"], record_id
    assert set(model.record("offers", "landesfachstelle").fields["prisons"]) == MODEL_SITES


def test_every_entry_has_a_source_url_and_is_not_marked_as_confirmed(fields):
    for record_id, entry in fields.items():
        parts = [part.strip() for part in entry["source"].split(" ; ")]
        assert parts and all(re.fullmatch(r"https?://\S+", part) for part in parts), record_id
        assert entry["status"] == "to_confirm", record_id
        assert entry["last_checked"] is None, record_id
        date = entry["source_date"]
        assert date is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date), record_id
    model_site_sources = "https://www.lwl.org/pressemitteilungen/mitteilung_drucken.php?urlID=61775 ; https://ms-aktuell.de/?p=71474"
    for prison in MODEL_SITES:
        assert fields[f"modellstandort-{prison}"]["source"] == model_site_sources


def test_cooperation_agreement_in_bielefeld_without_an_invented_year(fields, model):
    bielefeld = fields["kooperation-freiraeume-jva-bielefeld-brackwede"]
    assert bielefeld["kind"] == "kooperation"
    assert bielefeld["prisons"] == ["jva-bielefeld-brackwede"]
    assert bielefeld["partners"][0]["offer"] == "freiraeume-bielefeld"
    assert "Kooperationsvertrag" in bielefeld["description"]
    assert "since" not in bielefeld
    # It rests on the provider's own pages, like the offer "Freiräume" in data/offers.yml.
    offer_sources = model.record("offers", "freiraeume-bielefeld").fields["source"].split(" ; ")
    shared = set(offer_sources) & set(bielefeld["source"].split(" ; "))
    assert any("diakonie-fuer-bielefeld.de" in url for url in shared), shared


def test_since_only_where_a_source_gives_the_year(fields):
    assert {record_id: f["since"] for record_id, f in fields.items() if "since" in f} == {"netzwerk-koeln": "2025"}


def test_an_unknown_partner_offer_is_reported_with_file_and_line(project):
    line = _replace(project / "data" / "cooperations.yml", "offer: freiraeume-bielefeld", "offer: freiraeume")
    _, problems = load(project)
    assert [str(p) for p in problems] == [
        f"data/cooperations.yml:{line}: partners.offer: 'freiraeume' is not an id in data/offers.yml"]


def test_unknown_prison_id_is_reported_with_file_and_line(project):
    line = _replace(project / "data" / "cooperations.yml", "prisons: [jva-willich-ii]", "prisons: [jva-willich-iii]")
    _, problems = load(project)
    assert [str(p) for p in problems] == [
        f"data/cooperations.yml:{line}: prisons: 'jva-willich-iii' is not an id in data/prisons.yml"]


def test_model_site_without_the_landesfachstelle_and_a_wrong_year_are_reported(project):
    path = project / "data" / "cooperations.yml"
    willich = _index(path, "modellstandort-jva-willich-i")
    koeln = _index(path, "netzwerk-koeln")
    _replace(path, "      offer: landesfachstelle\n  offer: familienbesuchsraum-jva-willich-i",
             "  offer: familienbesuchsraum-jva-willich-i")
    since = _replace(path, 'since: "2025"', 'since: "Oktober 2025"')
    _, problems = load(project)
    found = [str(p) for p in problems]
    assert any(p.startswith("data/cooperations.yml:") and f"[{willich}].partners: a model site (kind modellstandort) "
               "must name the Landesfachstelle" in p for p in found), found
    assert f"data/cooperations.yml:{since}: [{koeln}].since: must be a year written YYYY, in quotes, like \"2014\", " \
        "found 'Oktober 2025'" in found


def _render(model, languages, code: str) -> str:
    """The network page as the build renders it."""
    language = next(lang for lang in languages if lang.code == code)
    strings, _ = load_ui_strings(ROOT, languages)
    page = next(page for page in generate.plan(model) if page.path == "fachleute/netzwerk.md")
    rendered = generate.PageRenderer(language, strings[code], model).render(page)
    description, body = rendered.description, rendered.body
    assert description
    return body


def test_page_lists_model_sites_first_with_links_to_prisons_and_offers(model, languages, cooperations):
    body = _render(model, languages, "de")
    headings = re.findall(r"^### (.+)$", body, flags=re.M)
    assert headings[:3] == ["Modellstandort JVA Bielefeld-Brackwede", "Modellstandort JVA Willich I",
                            "Modellstandort JVA Willich II"]
    assert len(headings) == len(cooperations)
    assert body.index("Modellstandort JVA Willich II") < body.index("Netzwerk Kinder von Inhaftierten Köln")
    assert 'href="../../jva/jva-willich-i/"' in body
    assert 'href="../../angebote/freiraeume-bielefeld/"' in body
    assert 'href="../../angebote/netzwerk-kvi-koeln/"' in body
    assert body.count('class="kvi-source"') == len(cooperations)
    assert "{{" not in body and "{%" not in body


def test_page_marks_german_names_in_other_languages(model, languages):
    body = _render(model, languages, "ar")
    assert '<span lang="de" dir="ltr">SKM Köln</span>' in body
    assert '<span lang="de" dir="ltr">JVA Köln</span>' in body
