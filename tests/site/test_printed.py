"""Printed pages in the built site: every leaflet and visit card with its PDF in each of its
languages, QR codes that lead to the page's short address, the materials page, and PDFs that
come out the same on every build."""

from __future__ import annotations

import html
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from kvi import pdf
from kvi.addresses import Address
from kvi.build import ROOT, load_inputs
from kvi.languages import load_languages
from tests.conftest import BUILD_DATE

EASY_READ = {language.code for language in load_languages(ROOT) if language.easy_read}
ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")


@pytest.fixture(scope="module")
def inputs():
    return load_inputs(ROOT, BUILD_DATE)


@pytest.fixture(scope="module")
def printed(inputs, site):
    """(printable, language, page file, PDF file) for every printed page version."""
    prefixes = {language.code: language.prefix for language in inputs.languages}
    return [(item, lang, site / prefixes[lang] / Address(item.path).url / "index.html", site / item.pdf(lang))
            for item in inputs.printables for lang in item.languages]


def title(page: Path) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8")).group(1))


def test_leaflets_and_visit_cards_are_all_there(inputs):
    leaflets = [item for item in inputs.printables if item.path.startswith("material/")]
    assert len(leaflets) >= 4
    assert any("ar" in item.languages for item in leaflets)
    assert all("de" in item.languages and len(item.languages) >= 2 for item in leaflets)
    cards = [item for item in inputs.printables if item.path.startswith("besuchskarten/")]
    assert len(cards) == sum(1 for p in inputs.model.kinds["prisons"].values()
                             if p.fields["operating_status"] != "geschlossen")


def test_every_printed_page_links_its_pdf_with_its_size(printed, site):
    for _item, _lang, page, file in printed:
        text = page.read_text(encoding="utf-8")
        link = re.search(r'<a class="kvi-pdf" href="([^"]+)" download>[^<]*<span dir="ltr">(\d+) KB</span>', text)
        assert link, (page, "no PDF download link")
        assert (page.parent / link.group(1)).resolve() == file.resolve()
        assert int(link.group(2)) == max(1, round(file.stat().st_size / 1024))
        assert 'class="kvi-pdf" data-kvi-pdf' not in text  # no placeholder left


def test_a_leaflet_without_a_translation_offers_no_pdf_in_that_language(inputs, site):
    schule = next(item for item in inputs.printables if item.code == "schule")
    assert "tr" not in schule.languages
    fallback = (site / "tr" / Address(schule.path).url / "index.html").read_text(encoding="utf-8")
    assert "kvi-print" not in fallback and not (site / schule.pdf("tr")).exists()


def pdf_text(file: Path) -> str:
    """The PDF's text, by poppler's pdftotext (pypdf's extraction is seven times slower)."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(file), "-"], capture_output=True, check=True).stdout.decode()


def test_pdfs_open_and_say_what_their_page_says(printed):
    def check(entry):
        item, lang, page, file = entry
        reader = PdfReader(file)
        # A visit card is one page, a leaflet at most three – four in Leichte Sprache, which
        # keeps one sentence per line on paper too.
        pages = 1 if item.path.startswith("besuchskarten/") else 4 if lang in EASY_READ else 3
        assert 1 <= len(reader.pages) <= pages, file
        assert reader.metadata.title == title(page)
        assert reader.metadata["/CreationDate"] == BUILD_DATE.strftime("D:%Y%m%d000000Z")
        assert reader.trailer["/Root"]["/Lang"] == lang
        text = pdf_text(file)
        heading = html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S).group(1))
        if lang == "ar":
            assert ARABIC.search(text), file
        else:
            # Compared without white space and hyphens: a long title breaks across lines in the
            # PDF, and pdftotext joins a hyphenated break ("Nordrhein-⏎Westfalen") without its hyphen.
            def bare(words: str) -> str:
                return "".join(words.split()).replace("-", "")
            assert bare(re.sub("<[^>]+>", "", heading)) in bare(text), file
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(check, printed))


def qr_codes(file: Path, folder: Path) -> list[str]:
    """The text of every QR code on the PDF's pages, read from a raster image of them. At 72 dpi
    every code reads (so it does at 60; at 50 some do not), in half the time of 100 dpi."""
    stem = folder / file.stem
    subprocess.run(["pdftoppm", "-r", "72", "-gray", "-png", str(file), str(stem)], check=True)
    found = []
    for image in sorted(folder.glob(f"{file.stem}-*.png")):
        found += [code.text for code in zxingcpp.read_barcodes(Image.open(image)) if code.format == zxingcpp.BarcodeFormat.QRCode]
    return found


def test_every_pdf_carries_a_qr_code_that_leads_to_its_page(printed, inputs, site, base_url, tmp_path):
    prefixes = {language.code: language.prefix for language in inputs.languages}

    def check(entry):
        item, lang, page, file = entry
        expected = f"{base_url}{prefixes[lang]}l/{item.code}/"
        assert qr_codes(file, tmp_path) == [expected], file
        forward = (site / expected[len(base_url):] / "index.html").read_text(encoding="utf-8")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', forward).group(1)
        assert (site / expected[len(base_url):] / target / "index.html").resolve() == page.resolve()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(check, printed))


def test_the_same_page_gives_the_same_pdf_bytes(printed, site, base_url, tmp_path):
    """Rendered again from scratch (empty cache), a PDF is byte for byte what the build made."""
    wanted = {("sprechen", "ar"), ("besuch", "de"), ("jva-willich-i", "en")}
    chosen = [entry for entry in printed if (entry[0].code, entry[1]) in wanted]
    assert sorted((item.code, lang) for item, lang, _, _ in chosen) == sorted(wanted)
    jobs = [pdf.Job(str(page.parent.relative_to(site)) + "/", f"again/{file.name}", lang)
            for _, lang, page, file in chosen]
    try:
        pdf.make_all(site, jobs, base_url, tmp_path / "cache", BUILD_DATE)
        for _, _, _, file in chosen:
            assert (site / "again" / file.name).read_bytes() == file.read_bytes(), file.name
    finally:
        for job in jobs:
            (site / job.pdf).unlink(missing_ok=True)
        (site / "again").rmdir()


def _never_render(*args):
    raise AssertionError("a PDF was rendered although its page did not change")


def test_an_unchanged_page_is_not_rendered_again(printed, site, base_url, monkeypatch):
    monkeypatch.setattr(pdf, "_render", _never_render)
    item, lang, page, file = printed[0]
    job = pdf.Job(str(page.parent.relative_to(site)) + "/", item.pdf(lang), lang)
    assert pdf.make_all(site, [job], base_url, ROOT / ".build" / "pdf-cache", BUILD_DATE) == \
        {item.pdf(lang): file.stat().st_size}


def test_materials_page_lists_every_leaflet_language_and_visit_card(inputs, site):
    text = (site / "material" / "index.html").read_text(encoding="utf-8")
    for item in inputs.printables:
        if item.path.startswith("material/"):
            for lang in item.languages:
                prefix = "" if lang == "de" else f"{lang}/"
                assert f'href="../{prefix}{Address(item.path).url}"' in text
                assert f'href="../{item.pdf(lang)}" download' in text
        else:
            assert f'href="../{Address(item.path).url}"' in text
            assert f'href="../{item.pdf("de")}" download' in text


ASK = "Dazu liegen uns keine Angaben vor. Bitte fragen Sie direkt bei der JVA nach:"
# The parts of a visit card and the facts of the visits block that fill them; with none of them known,
# the part says so and names whom to ask.
CARD_PARTS = {"booking": ("booking", "booking_phone"), "bring": ("id_rules", "items"), "children": ("children", "times")}


def unknown_parts(prison) -> list[str]:
    visits = prison.fields.get("visits") or {}
    return [part for part, facts in CARD_PARTS.items() if not any(visits.get(fact) for fact in facts)]


def test_every_visit_card_asks_the_jva_exactly_where_facts_are_missing(inputs, site):
    cards = [item for item in inputs.printables if item.path.startswith("besuchskarten/")]
    assert cards
    for item in cards:
        card = (site / "besuchskarten" / item.code / "index.html").read_text(encoding="utf-8")
        assert card.count(ASK) == len(unknown_parts(inputs.model.kinds["prisons"][item.code])), item.code


def test_a_visit_card_shows_only_known_facts_and_whom_to_ask(inputs, site):
    card = (site / "besuchskarten" / "jva-willich-ii" / "index.html").read_text(encoding="utf-8")
    # Where nothing is published on booking, ID or visiting hours, the card says so and names the JVA's web site.
    assert card.count(ASK) == len(unknown_parts(inputs.model.kinds["prisons"]["jva-willich-ii"]))
    assert 'href="https://www.jva-willich2.nrw.de/"' in card
    assert "Fotobuch" in card  # the family offers that are published
    assert "noch nicht vom Anbieter bestätigt" in card
    assert "<svg" in card and "l/jva-willich-ii" in card


def test_closed_prisons_get_no_visit_card(inputs, site):
    closed = [p for p in inputs.model.kinds["prisons"].values() if p.fields["operating_status"] == "geschlossen"]
    assert closed
    for prison in closed:
        assert not (site / "besuchskarten" / prison.id).exists()
        assert "besuchskarten" not in (site / "jva" / prison.id / "index.html").read_text(encoding="utf-8")
