"""Every page in every language: one H1, logical heading order, a description; children's
pages carry the helpline; the key answers are within two clicks of the home page."""

from __future__ import annotations

import html
import itertools
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

from kvi.build import ROOT
from kvi.languages import load_languages
from tests.site.test_built_site import html_pages, parse

LANGUAGES = load_languages(ROOT)
HEADING = re.compile(r"<h([1-6])\b")


def article(text: str) -> str:
    match = re.search(r"<article\b.*?</article>", text, re.DOTALL)
    return match.group(0) if match else ""


def test_one_h1_and_no_skipped_heading_level(site: Path):
    problems = []
    for path in html_pages(site):
        levels = [int(level) for level in HEADING.findall(article(path.read_text(encoding="utf-8")))]
        if levels.count(1) != 1 or levels[0] != 1:
            problems.append((str(path.relative_to(site)), "h1", levels[:3]))
        for before, after in itertools.pairwise(levels):
            if after > before + 1:
                problems.append((str(path.relative_to(site)), f"h{before}→h{after}"))
                break
    assert problems == []


def test_every_page_has_a_description(site: Path):
    missing = [str(p.relative_to(site)) for p in html_pages(site)
               if p.name != "404.html" and not parse(p).find("meta", name="description")[0].get("content")]
    assert missing == []


def test_childrens_pages_carry_the_helpline_and_quick_exit(site: Path):
    children = sorted((site / "kinder").rglob("index.html"))
    assert len(children) >= 10
    for path in children:
        text = path.read_text(encoding="utf-8")
        if "kvi-age" in text:
            assert "kvi-kids-helpline" in text and 'href="tel:116111"' in text, path
        assert "data-kvi-exit" in text, path
    youngest = (site / "kinder/4-7/index.html").read_text(encoding="utf-8")
    assert "kvi-read-aloud" in youngest and "read-aloud.js" in youngest
    assert "kvi-read-aloud" not in (site / "kinder/13-17/index.html").read_text(encoding="utf-8")


def test_family_pages_have_quick_exit_and_professional_pages_do_not(site: Path):
    assert "data-kvi-exit" in (site / "familie/besuch/index.html").read_text(encoding="utf-8")
    assert "data-kvi-exit" not in (site / "fachleute/index.html").read_text(encoding="utf-8")


def test_legal_pages_exist_in_every_language_and_are_linked_in_the_footer(site: Path):
    for language in LANGUAGES:
        for name in ("impressum", "datenschutz", "barrierefreiheit", "kontakt"):
            assert (site / language.prefix / name / "index.html").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="impressum/"' in home and 'href="barrierefreiheit/"' in home


def _links(site: Path, url: str) -> set[str]:
    path = site / urlparse(url).path.lstrip("/")
    path = path / "index.html" if path.is_dir() else path
    hrefs = re.findall(r'<a\b[^>]*\bhref="([^"#?]*)', path.read_text(encoding="utf-8"))
    return {urljoin(url, href) for href in hrefs if href and not re.match(r"^[a-z]+:", href)}


def test_the_four_questions_are_answered_within_two_clicks_of_home(site: Path):
    home = "http://site/"
    one = _links(site, home)
    two = set().union(*(_links(site, url) for url in one if (site / urlparse(url).path.lstrip("/")).exists()))
    reachable = one | two
    for answer in ["erste-schritte/", "familie/mit-kindern-sprechen/", "familie/besuch/", "kreise/"]:
        assert home + answer in reachable, answer


def test_sources_stand_at_the_foot_of_their_page_in_every_language(site: Path, languages):
    """A German page's sources show on every language's version, under that language's heading;
    the documents' (German) titles are marked as German on the other languages' pages."""
    from kvi.languages import load_ui_strings
    from kvi.pages import load_tree

    ui, _ = load_ui_strings(ROOT, languages)
    german, _ = load_tree(ROOT, "de")
    cited = {path: page.meta["sources"] for path, page in german.items() if page.meta.get("sources")}
    assert cited, "no German page lists sources"
    problems = []
    for language in languages:
        for path in german:
            url_path = "" if path == "index.md" else path.removesuffix("index.md").removesuffix(".md") + "/"
            text = (site / language.prefix / url_path / "index.html").read_text(encoding="utf-8")
            section = re.search(r'<section class="kvi-sources".*?</section>', text, re.DOTALL)
            if path not in cited:
                if section:
                    problems.append((language.code, path, "sources without any listed"))
                continue
            if not section:
                problems.append((language.code, path, "no sources"))
                continue
            block = section.group(0)
            if f">{ui[language.code]['sources.title']}</h2>" not in block:
                problems.append((language.code, path, "heading"))
            hrefs = set(re.findall(r'href="([^"]+)"', block))
            if {html.escape(source["url"]) for source in cited[path]} - hrefs:
                problems.append((language.code, path, "missing source"))
            if not language.hreflang.startswith("de") and '<ul lang="de">' not in block:
                problems.append((language.code, path, "titles not marked as German"))
    assert problems == []


def test_home_and_background_pages_show_the_language_coverage(site: Path):
    """Counted from the translation status at build time: each language but German, by its own name,
    one cell per section; the German home page's table says how many pages English has of its family pages."""
    from kvi import pages, translation_status

    trees = {language.code: pages.load_tree(ROOT, language.code)[0] for language in LANGUAGES}
    expected = {row["code"]: row["cells"] for row in translation_status.coverage(LANGUAGES, trees)}
    for prefix, path in itertools.product(["", "en/", "ar/"], ["", "fachleute/hintergrund/"]):
        text = article((site / prefix / path / "index.html").read_text(encoding="utf-8"))
        table = re.search(r'<section class="kvi-coverage".*?</section>', text, re.DOTALL)
        assert table, (prefix, path)
        rows = re.findall(r'<tr><th scope="row" lang="([^"]+)" dir="(ltr|rtl)">[^<]+</th>(.*?)</tr>', table.group(0))
        assert [hreflang for hreflang, _, _ in rows] == [language.hreflang for language in LANGUAGES[1:]]
    german = article((site / "index.html").read_text(encoding="utf-8"))
    english_row = re.search(r'<tr><th scope="row" lang="en" dir="ltr">English</th>(.*?)</tr>', german).group(1)
    familie = next(cell for cell in expected["en"] if cell["section"] == "familie")
    assert f"<td>{familie['current']} von {familie['total']}</td>" in english_row
