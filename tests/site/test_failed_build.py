"""A build that fails (a dead link, a missing anchor) names the page and leaves the old site as it was.
Two languages show it as well as eight, in a tenth of the time."""

from __future__ import annotations

import pytest

from kvi.build import build
from kvi.problems import BuildFailed
from tests.conftest import BUILD_DATE, only_languages
from tests.unit.test_content_errors import append


def test_broken_link_and_anchor_stop_the_build_and_keep_the_old_site(project, tmp_path):
    only_languages(project, ("de", "en"))
    out = tmp_path / "site"
    (out / "en").mkdir(parents=True)
    (out / "index.html").write_text("the old site", encoding="utf-8")
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    page = project / "content" / "de" / "erste-schritte.md"
    original = page.read_text(encoding="utf-8")
    # A link to a missing page is found while loading, with its line, before any engine runs.
    append(page, "\n[Besuch](besuch.md)\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    with pytest.raises(BuildFailed) as failure:
        build(out, "http://127.0.0.1:8000/", BUILD_DATE, root=project)
    assert [str(p) for p in failure.value.problems] == [
        f"content/de/erste-schritte.md:{line}: the link 'besuch.md' leads to no page "
        "(besuch.md is neither in content/de/ nor made from data)"]
    # A missing anchor only the engine can see (it knows the headings): it stops the build too.
    page.write_text(original + "\n[oben](#gibt-es-nicht)\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build(out, "http://127.0.0.1:8000/", BUILD_DATE, root=project)
    found = [str(p) for p in failure.value.problems]
    assert any(p.startswith("content/de/erste-schritte.md: [de]") and "gibt-es-nicht" in p for p in found)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]
