"""The editors' page shows the reports of the real data and stays out of every search."""

from __future__ import annotations

from kvi.build import ROOT
from kvi.model import load
from kvi.reports import prison_gaps


def test_editors_page_lists_prison_gaps_and_translation_status(site):
    text = (site / "redaktion" / "index.html").read_text(encoding="utf-8")
    model, _ = load(ROOT)
    gaps = [gap for gap in prison_gaps(model) if gap.missing]
    assert gaps and all(f"../jva/{gap.id}/" in text for gap in gaps)
    assert "Übersetzungen" in text and "outdated" in text and "missing" in text


def test_editors_page_is_not_searchable(site):
    for prefix in ("", "en/", "ar/"):
        text = (site / prefix / "redaktion" / "index.html").read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in text
        assert "data-pagefind-body" not in text
