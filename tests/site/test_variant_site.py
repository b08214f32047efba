"""One build of a changed copy of the project, published under a sub-path, for the checks that
need changed sources: a missing translation, a redirect, districts on a content page.

Built once for this module instead of once per check, in three languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kvi.build import build, copy_project
from tests.conftest import BUILD_DATE, only_languages
from tests.site.test_built_site import parse
from tests.unit.test_short_links import add_redirects, forward_target

BASE_URL = "https://example.org/netzwerk/"


@pytest.fixture(scope="module")
def variant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # German, English and Arabic (right to left) carry every check here; five more languages
    # would only make the build take longer.
    project = only_languages(copy_project(tmp_path_factory.mktemp("variant") / "project"), ("de", "en", "ar"))
    (project / "content/en/erste-schritte.md").unlink()
    add_redirects(project, "- from: familie/besuche.md\n  to: familie/besuch.md\n  since: 2026-11-20\n")
    page = project / "content/de/erste-schritte.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "audience: [eltern]\n", "audience: [eltern]\ndistricts: [koeln, kreis-borken]\n"), encoding="utf-8")
    out = project.parent / "site"
    build(out, BASE_URL, BUILD_DATE, root=project)
    return out


def test_missing_translation_falls_back_to_german_with_notice(variant: Path) -> None:
    page = (variant / "en/erste-schritte/index.html").read_text(encoding="utf-8")
    tags = parse(variant / "en/erste-schritte/index.html")

    assert tags.find("html")[0]["lang"] == "en"
    assert "This page is not yet available in English" in page
    assert tags.find("div", lang="de", dir="ltr"), "German text is marked as German"
    assert "Erste Schritte nach einer Verhaftung" in page
    assert "data-pagefind-body" not in page
    assert tags.find("meta", name="robots")[0]["content"] == "noindex"
    # Alternates list only the real versions: the English one is missing.
    hreflangs = {a["hreflang"] for a in tags.find("link", rel="alternate")}
    assert "en" not in hreflangs and "de" in hreflangs

    entry = json.loads((variant / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    # Exactly the fallback pages are missing from the English index.
    fallbacks = [p for p in (variant / "en").rglob("*.html") if "kvi-notice--fallback" in p.read_text(encoding="utf-8")]
    assert variant / "en/erste-schritte/index.html" in fallbacks
    assert entry["languages"]["de"]["page_count"] - entry["languages"]["en"]["page_count"] == len(fallbacks)


def test_translation_of_an_older_german_text_says_so_and_links_the_german_page(variant: Path) -> None:
    """The German first-steps page changed in this copy (districts added): its Arabic translation,
    made from the older text, is outdated."""
    page = (variant / "ar/erste-schritte/index.html").read_text(encoding="utf-8")
    notices = re.findall(r'<aside class="kvi-notice kvi-notice--outdated" role="note">(.*?)</aside>', page, re.S)
    assert len(notices) == 1
    href = re.search(r'<a href="([^"]+)" hreflang="de">', notices[0]).group(1)
    assert (variant / "ar/erste-schritte" / href).resolve() == (variant / "erste-schritte").resolve()
    # The German page itself and the current Arabic pages carry no such notice.
    assert "kvi-notice--outdated" not in (variant / "erste-schritte/index.html").read_text(encoding="utf-8")
    assert "kvi-notice--outdated" not in (variant / "ar/index.html").read_text(encoding="utf-8")


def test_site_works_under_a_sub_path(variant: Path) -> None:
    tags = parse(variant / "en/erste-schritte/index.html")
    assert tags.find("link", rel="canonical")[0]["href"] == f"{BASE_URL}en/erste-schritte/"
    # Links between pages stay relative, so the folder works at any path.
    hrefs = [a["href"] for a in tags.find("a") if "href" in a]
    assert not any(h.startswith("/") for h in hrefs), hrefs


def test_old_and_short_addresses_lead_to_the_current_page_in_every_language(variant: Path) -> None:
    for prefix in ("", "en/", "ar/"):
        assert forward_target(variant, f"{prefix}familie/besuche/") == \
            (variant / f"{prefix}familie/besuch/index.html").resolve()
        assert forward_target(variant, f"{prefix}l/besuch/") == \
            (variant / f"{prefix}material/besuch-mit-kindern/index.html").resolve()
        assert forward_target(variant, f"{prefix}l/jva-koeln/") == \
            (variant / f"{prefix}besuchskarten/jva-koeln/index.html").resolve()
    arabic = (variant / "ar/l/besuch/index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic
    assert f'<link rel="canonical" href="{BASE_URL}ar/material/besuch-mit-kindern/">' in arabic
    assert '<meta name="robots" content="noindex">' in arabic


def test_district_of_a_page_becomes_a_search_filter_in_every_language(variant: Path) -> None:
    for prefix in ("", "ar/"):
        html = (variant / prefix / "erste-schritte/index.html").read_text(encoding="utf-8")
        assert '<span data-pagefind-filter="district">Köln</span>' in html
        assert '<span data-pagefind-filter="district">Kreis Borken</span>' in html
