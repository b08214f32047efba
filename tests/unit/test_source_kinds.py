"""Sources by kind: a block's facts rest on the provider or an authority, never on a mirror."""

from pathlib import Path

from kvi import source_kinds
from kvi.build import load
from tests.conftest import project_in
from tests.unit.test_data_errors import line_of, problems_of, replace

project = project_in("de", "en")  # these checks need no more languages


def _helpline_cites(project: Path, source: str) -> Path:
    """The first helpline's source replaced, as an editor would; returns the file."""
    helplines = project / "data" / "helplines.yml"
    first = next(line for line in helplines.read_text(encoding="utf-8").splitlines() if line.startswith("  source: "))
    replace(helplines, first, f"  source: {source}")
    return helplines


def test_sites_are_sorted_by_the_declared_lists(model):
    classifier = source_kinds.Classifier(model)
    own = ["https://www.example-beratung.de/"]
    kinds = {url: classifier.cite(url, own).kind for url in [
        "https://www.example-beratung.de/kontakt",          # the entry's own site
        "https://beratung.example-beratung.de/x",           # a subdomain of it
        "https://www.jva-werl.nrw.de/infos/index.php",      # jva-*.nrw.de, an authority pattern
        "https://www2.lwl.org/de/LWL/portal/presse/1",      # a subdomain of an authority
        "https://www.westfalen-blatt.de/nrw/artikel",       # press
        "https://de-academic.com/dic.nsf/dewiki/1",         # a mirror
        "https://dnhewrhegkli.shop/wiki/x",                 # a mirror by pattern
        "IT.NRW, Landesdatenbank NRW, Tabelle 22517-02i",   # a source named in words
    ]}
    assert list(kinds.values()) == ["primary", "primary", "primary", "primary", "secondary", "mirror", "mirror",
                                    "named"]
    assert classifier.cite("https://notjustiz.nrw/x").kind == "secondary"  # a domain ending alike is not a subdomain


def test_the_real_data_rests_on_primary_sources_and_no_mirror(model):
    assert [str(p) for p in source_kinds.check(model)] == []


def test_a_mirror_is_rejected_with_file_line_and_block(project):
    prisons = project / "data" / "prisons.yml"
    text = prisons.read_text(encoding="utf-8")
    visits_source = next(line for line in text.splitlines() if line.startswith("    source: http"))
    replace(prisons, visits_source, visits_source + " ; https://de-academic.com/dic.nsf/dewiki/724540")
    line = line_of(prisons, "de-academic.com")
    assert problems_of(project) == [
        f"data/prisons.yml:{line}: visits.source: de-academic.com is listed as a mirror in data/source_domains.yml "
        "(Kopie der Wikipedia) and is no source: cite the original page of the provider or authority"]


def test_contact_facts_resting_only_on_press_are_rejected(project):
    helplines = _helpline_cites(project, "https://www.westfalen-blatt.de/nrw/ein-artikel")
    line = line_of(helplines, "westfalen-blatt.de")
    assert problems_of(project) == [
        f"data/helplines.yml:{line}: source: opening_hours, phone: facts like these need a primary source (the "
        "entry's own web site or an authority listed in data/source_domains.yml); this block cites only "
        "westfalen-blatt.de (secondary)"]


def test_a_source_named_in_words_counts_once_a_person_confirmed_it(project):
    helplines = _helpline_cites(project, "Telefonat mit der Beratungsstelle")
    assert any("this block cites only Telefonat mit der Beratungsstelle (named)" in p for p in problems_of(project))
    replace(helplines, "  last_checked: null\n  status: to_confirm", "  last_checked: 2026-11-30\n  status: confirmed")
    load(project)  # raises BuildFailed if the confirmed block still counted as unsourced


def test_a_domain_list_entry_is_checked_like_any_data(project):
    domains = project / "data" / "source_domains.yml"
    replace(domains, "- domain: justiz.nrw\n", "- domain: https://justiz.nrw/\n")
    line = line_of(domains, "https://justiz.nrw/")
    assert problems_of(project) == [
        f"data/source_domains.yml:{line}: [1].domain: must be a domain like 'justiz.nrw' or 'jva-*.nrw.de': "
        "lower-case, no https:// and no path, found 'https://justiz.nrw/'"]
