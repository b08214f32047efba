"""Quality gates over the final output: weight budgets per layout, titles and descriptions,
links and anchors (pages, sitemaps, forwarding pages), valid HTML, and byte-identical builds."""

from __future__ import annotations

import html
import json
import re
import subprocess
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote

import pytest

from kvi.bench import page_weight
from kvi.build import ROOT, build
from kvi.languages import load_languages
from kvi.layouts import LAYOUTS
from tests.conftest import BUILD_DATE
from tests.site.test_built_site import forwarding_pages, html_pages

LANGUAGES = load_languages(ROOT)
LINK = re.compile(r"""<a\b[^>]*\bhref="([^"]*)\"""")
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
IDS = re.compile(r"""\bid="([^"]+)\"""")


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])
def test_every_layout_stays_within_its_weight_budget(site, language):
    over = {}
    for name, layout in LAYOUTS.items():
        _, _, packed = page_weight(site, language.prefix + layout.path)
        if packed > layout.budget * 1024:
            over[name] = f"{packed / 1024:.1f} KB gzip, budget {layout.budget} KB"
    assert over == {}


def test_titles_are_unique_and_every_page_has_a_description(site):
    titles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    problems = []
    for path in html_pages(site):
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(site))
        title = html.unescape(re.search(r"<title>(.*?)</title>", text, re.S).group(1)).strip()
        if not title:
            problems.append(f"{name}: empty title")
        if name.endswith("404.html"):
            continue  # not indexed, the same in every folder
        language = re.search(r'<html lang="([^"]+)"', text).group(1)
        titles[language][title].append(name)
        description = re.search(r'<meta name="description" content="([^"]*)"', text)
        if not description or len(description.group(1).strip()) < 20:
            problems.append(f"{name}: no meta description")
    problems += [f"{language}: title {title!r} on {pages}" for language, by_title in titles.items()
                 for title, pages in by_title.items() if len(pages) > 1]
    assert problems == []


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The file a relative link leads to, and its #fragment."""
    address, _, fragment = href.partition("#")
    address = address.split("?")[0]
    target = (page.parent / address).resolve() if address else page
    if target.is_dir():
        target = target / "index.html"
    return target, fragment


def test_every_link_and_anchor_in_the_output_resolves(site):
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in html_pages(site) + forwarding_pages(site):
        text = page.read_text(encoding="utf-8")
        for href in set(LINK.findall(text)) | set(REFRESH.findall(text)):
            href = html.unescape(href)
            if not href or re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("//"):
                continue
            # 404 pages link from the site root: they are served at any address.
            target, fragment = resolve(site, site / "index.html" if href.startswith("/") else page, href.lstrip("/"))
            if not target.exists():
                broken.append(f"{page.relative_to(site)} → {href}")
            elif fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(IDS.findall(target.read_text(encoding="utf-8")))
                if unquote(html.unescape(fragment)) not in ids[target]:
                    broken.append(f"{page.relative_to(site)} → {href} (no such anchor)")
    assert broken == []


def test_every_sitemap_address_is_a_page(site, base_url):
    sitemaps = sorted(site.glob("sitemap.xml")) + sorted(site.glob("*/sitemap.xml"))
    assert len(sitemaps) == len(LANGUAGES)
    missing = []
    for sitemap in sitemaps:
        for address in re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8")):
            assert address.startswith(base_url), address
            target = site / address[len(base_url):]
            if not (target / "index.html").exists() and not target.is_file():
                missing.append(address)
    assert missing == []


VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_layout_is_valid_html_in_every_language(site):
    """The Nu HTML Checker (vnu-jar from npm, run with Debian's Java): zero errors, none filtered."""
    files = [site / language.prefix / (layout.path if layout.path.endswith(".html") else layout.path + "index.html")
             for language in LANGUAGES for layout in LAYOUTS.values()]
    files += [site / language.prefix / "l" / "besuch" / "index.html" for language in LANGUAGES]
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr)["messages"]
    errors = [f"{m['url'].split(str(site))[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert len(files) == len(LANGUAGES) * (len(LAYOUTS) + 1)
    assert errors == []


def test_two_builds_of_the_same_sources_are_byte_identical(site, base_url, tmp_path):
    """Same commit, same build date: every file, PDFs and search index included, is the same."""
    again = tmp_path / "again"
    build(again, base_url, BUILD_DATE, with_pdfs=True, work=tmp_path / "work")
    first = {path.relative_to(site) for path in site.rglob("*") if path.is_file()}
    second = {path.relative_to(again) for path in again.rglob("*") if path.is_file()}
    assert first == second
    assert [str(name) for name in sorted(first) if (site / name).read_bytes() != (again / name).read_bytes()] == []


def test_the_theme_files_exist_once_for_all_languages(site, languages):
    """Each language build writes the theme's files; the site keeps one copy at the root and every
    page links there, so changing language loads no stylesheet again."""
    assert (site / "assets" / "kvi" / "kvi.css").is_file()
    assert [language.code for language in languages if language.prefix and (site / language.prefix / "assets").exists()] == []
    for language in languages:
        html = (site / language.prefix / "telefon" / "index.html").read_text(encoding="utf-8")
        stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert stylesheets and all(
            (site / language.prefix / "telefon" / href).resolve().is_relative_to((site / "assets").resolve())
            for href in stylesheets), stylesheets

