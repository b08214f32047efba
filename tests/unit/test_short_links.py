"""Short addresses on paper and redirects for renamed pages: editors' mistakes are reported
with file and line, and the forwarding pages lead where they should."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from kvi.build import build, load_inputs
from kvi.problems import BuildFailed
from tests.conftest import project_in
from tests.unit.test_data_errors import line_of, problems_of, replace

project = project_in("de", "en", "ar")  # these checks need no more languages

LEAFLET = "content/de/material/besuch-mit-kindern.md"


def add_redirects(project: Path, entries: str) -> Path:
    path = project / "data" / "redirects.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\n[]\n", "\n") + entries, encoding="utf-8")
    return path


def test_every_leaflet_and_open_prison_has_a_printable(project):
    inputs = load_inputs(project)
    codes = {item.code: item for item in inputs.printables}
    assert {"sprechen", "besuch", "schule", "praxis"} <= set(codes)
    assert codes["besuch"].path == "material/besuch-mit-kindern.md"
    assert {"de", "ar"} <= set(codes["sprechen"].languages)
    prisons = inputs.model.kinds["prisons"]
    closed = {p for p, r in prisons.items() if r.fields["operating_status"] == "geschlossen"}
    assert closed, "the data should hold at least one closed prison (JVA Iserlohn)"
    assert set(prisons) - closed <= set(codes) and not closed & set(codes)
    assert codes["jva-willich-i"].languages == tuple(language.code for language in inputs.languages)


def test_a_short_code_used_twice_names_both_places(project):
    other = project / "content/de/material/kita-und-schule.md"
    replace(other, "code: schule", "code: besuch")
    line = line_of(other, "code: besuch")
    first = line_of(project / LEAFLET, "code: besuch")
    assert problems_of(project) == [
        f"content/de/material/kita-und-schule.md:{line}: code: short code 'besuch' is already used by "
        f"{LEAFLET}:{first}; each printed page needs its own"]


def test_a_short_code_that_is_a_prison_id_is_refused(project):
    replace(project / LEAFLET, "code: besuch", "code: jva-koeln")
    assert any("short code 'jva-koeln' is already used by content/de/material/besuch-mit-kindern.md"
               in problem for problem in problems_of(project))


def test_a_malformed_short_code_says_what_is_expected(project):
    replace(project / LEAFLET, "code: besuch", "code: Besuch mit Kindern")
    line = line_of(project / LEAFLET, "code: Besuch")
    assert problems_of(project) == [
        f"{LEAFLET}:{line}: leaflet.code: must be 2 to 31 lower-case letters, digits or hyphens, like 'besuch', "
        "found 'Besuch mit Kindern'"]


def test_redirect_mistakes_name_file_line_and_field(project):
    path = add_redirects(project, "- from: familie/besuch.md\n  to: familie/besuche.md\n  since: 2026-11-20\n")
    line = line_of(path, "from: familie/besuch.md")
    assert problems_of(project) == [
        f"data/redirects.yml:{line}: from: 'familie/besuch.md' is still a page; remove the redirect or the page",
        f"data/redirects.yml:{line + 1}: to: 'familie/besuche.md' is not a page; "
        "a redirect must lead to an existing page",
    ]


def test_an_old_address_listed_twice_names_both_lines(project):
    path = add_redirects(project, "- from: alt/seite.md\n  to: familie/besuch.md\n  since: 2026-11-20\n"
                                  "- from: alt/seite.md\n  to: familie/besuch.md\n  since: 2026-11-21\n")
    first, second = [i for i, line in enumerate(path.read_text().splitlines(), 1) if "from: alt/seite.md" in line]
    assert problems_of(project) == [
        f"data/redirects.yml:{second}: from: 'alt/seite.md' is already used at line {first}; each from must be unique"]


def test_a_redirect_without_its_date_is_refused(project):
    path = add_redirects(project, "- from: alt/seite.md\n  to: familie/besuch.md\n")
    line = line_of(path, "from: alt/seite.md")
    assert problems_of(project) == [f"data/redirects.yml:{line}: [1].since: this field is required but missing"]


def forward_target(site: Path, address: str) -> Path:
    """Follow a forwarding page's refresh to the file it leads to."""
    html = (site / address / "index.html").read_text(encoding="utf-8")
    target = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html).group(1)
    return ((site / address) / target / "index.html").resolve()


def test_a_renamed_page_without_redirect_is_not_silently_lost(project):
    """Renaming a page breaks the links to it: the build names them, so the editor adds a redirect."""
    source = project / "content/de/familie/besuch.md"
    source.rename(source.with_name("besuche-im-gefaengnis.md"))
    with pytest.raises(BuildFailed) as failure:
        build(project / "out", "https://example.org/", datetime.date(2026, 11, 25), root=project)
    assert "familie/besuch.md" in failure.value.report()
