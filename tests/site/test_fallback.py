"""A page without a translation shows the German text, marked and kept out of search."""

from __future__ import annotations

import json

from kvi.build import build
from tests.conftest import BUILD_DATE
from tests.site.test_built_site import parse


def test_missing_translation_falls_back_to_german_with_notice(project, tmp_path):
    (project / "content/en/erste-schritte.md").unlink()
    out = tmp_path / "site"
    build(out, "http://127.0.0.1:8000/", BUILD_DATE, root=project)
    page = (out / "en/erste-schritte/index.html").read_text(encoding="utf-8")
    tags = parse(out / "en/erste-schritte/index.html")

    assert tags.find("html")[0]["lang"] == "en"
    assert "This page is not yet available in English" in page
    assert tags.find("div", lang="de", dir="ltr"), "German text is marked as German"
    assert "Erste Schritte nach einer Verhaftung" in page
    assert "data-pagefind-body" not in page
    assert tags.find("meta", name="robots")[0]["content"] == "noindex"
    # Alternates list only the real versions: the English one is missing.
    hreflangs = {a["hreflang"] for a in tags.find("link", rel="alternate")}
    assert "en" not in hreflangs and "de" in hreflangs

    entry = json.loads((out / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    # Exactly the fallback pages are missing from the English index.
    fallbacks = [p for p in (out / "en").rglob("*.html") if "kvi-notice--fallback" in p.read_text(encoding="utf-8")]
    assert out / "en/erste-schritte/index.html" in fallbacks
    assert entry["languages"]["de"]["page_count"] - entry["languages"]["en"]["page_count"] == len(fallbacks)


def test_site_works_under_a_sub_path(project, tmp_path):
    out = tmp_path / "site"
    build(out, "https://example.org/netzwerk/", BUILD_DATE, root=project)
    tags = parse(out / "en/erste-schritte/index.html")
    assert tags.find("link", rel="canonical")[0]["href"] == "https://example.org/netzwerk/en/erste-schritte/"
    # Links between pages stay relative, so the folder works at any path.
    hrefs = [a["href"] for a in tags.find("a") if "href" in a]
    assert not any(h.startswith("/") for h in hrefs), hrefs
