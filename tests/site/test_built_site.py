"""Checks over the built site: languages, alternates, notices, search index, privacy."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

PAGES = ["index.html", "erste-schritte/index.html", "suche/index.html"]


class Tags(HTMLParser):
    """Start tags with their attributes, in document order."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str, **attrs) -> list[dict]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def html_pages(site: Path) -> list[Path]:
    """The site's pages; not Pagefind's files, not the pages that only forward to another."""
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts and not _forwards(p))


def forwarding_pages(site: Path) -> list[Path]:
    """Short addresses and old addresses of renamed pages (kvi.short_links)."""
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts and _forwards(p))


def _forwards(path: Path) -> bool:
    return '<meta http-equiv="refresh"' in path.read_text(encoding="utf-8")


def parse(path: Path) -> Tags:
    return Tags(path.read_text(encoding="utf-8"))


def test_every_language_has_every_page(site: Path, languages):
    for language in languages:
        for page in PAGES + ["404.html"]:
            assert (site / language.prefix / page).is_file(), f"{language.prefix}{page}"


def test_lang_and_dir_on_every_page(site: Path, languages):
    for language in languages:
        for path in sorted((site / language.prefix).glob("**/*.html")):
            if any(p in path.relative_to(site / language.prefix).parts for p in [lang.code for lang in languages[1:]] + ["pagefind"]):
                continue
            tags = parse(path)
            assert tags.find("html")[0]["lang"] == language.hreflang, path
            assert tags.find("body")[0]["dir"] == language.dir, path


def test_alternates_and_canonical(site: Path, base_url: str, languages):
    for language in languages:
        tags = parse(site / language.prefix / "erste-schritte/index.html")
        canonical = tags.find("link", rel="canonical")
        assert [c["href"] for c in canonical] == [f"{base_url}{language.prefix}erste-schritte/"]
        alternates = {a["hreflang"]: a["href"] for a in tags.find("link", rel="alternate")}
        expected = {lang.hreflang: f"{base_url}{lang.prefix}erste-schritte/" for lang in languages}
        expected["x-default"] = f"{base_url}erste-schritte/"
        assert alternates == expected


def test_open_graph_and_description(site: Path):
    for path in html_pages(site):
        if path.name == "404.html":
            continue
        tags = parse(path)
        assert tags.find("meta", property="og:title")[0]["content"], path
        assert tags.find("meta", property="og:description")[0]["content"], path
        assert tags.find("meta", name="description")[0]["content"], path


def test_unreviewed_translations_say_so_in_their_language(site: Path):
    english = (site / "en/erste-schritte/index.html").read_text(encoding="utf-8")
    assert "kvi-notice--unreviewed" in english
    assert "native speaker" in english
    assert "kvi-notice--unreviewed" not in (site / "erste-schritte/index.html").read_text(encoding="utf-8")


def test_data_references_are_resolved(site: Path):
    for path in html_pages(site):
        text = path.read_text(encoding="utf-8")
        assert "{{" not in text, path
    german = (site / "erste-schritte/index.html").read_text(encoding="utf-8")
    assert 'href="tel:116111"' in german and 'href="tel:+498001110550"' in german


def test_headings_get_readable_anchors_in_every_script(site: Path, languages):
    for language in languages:
        ids = [a["id"] for t, a in parse(site / language.prefix / "erste-schritte/index.html").tags
               if t in ("h2", "h3") and "id" in a]
        assert ids, language.code
        for anchor in ids:
            assert not re.fullmatch(r"_?\d*", anchor), f"{language.code}: unreadable anchor {anchor!r}"


def test_one_search_index_per_language(site: Path, languages):
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {lang.hreflang for lang in languages}
    others = [lang.code for lang in languages[1:]] + ["pagefind"]
    for language in languages:
        tree = site / language.prefix
        indexed = [p for p in tree.rglob("*.html")
                   if not (language.code == "de" and p.relative_to(tree).parts[0] in others)
                   and "data-pagefind-body" in p.read_text(encoding="utf-8")]
        assert entry["languages"][language.hreflang]["page_count"] == len(indexed) > 100
    assert "data-pagefind-body" not in (site / "suche/index.html").read_text(encoding="utf-8")


def test_search_filters_are_in_the_index(site: Path):
    german = (site / "erste-schritte/index.html").read_text(encoding="utf-8")
    assert '<span data-pagefind-filter="section">Für Familien</span>' in german
    assert '<span data-pagefind-filter="audience">Eltern und Bezugspersonen</span>' in german


LOADS = re.compile(r"""<(?:script|img|iframe|audio|video|source|embed|object|track)\b[^>]*?"""
                   r"""\b(?:src|data|srcset|poster)\s*=\s*["']?([^"'\s>]+)"""
                   r"""|<link\b(?=[^>]*\brel=["']?(?:stylesheet|icon|preload|prefetch|preconnect|dns-prefetch|modulepreload|manifest)\b)[^>]*?\bhref=["']?([^"'\s>]+)""",
                   re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)""")


def external(url: str, base_url: str) -> bool:
    return bool(re.match(r"^(https?:)?//", url)) and not url.startswith(base_url)


def test_no_built_file_loads_anything_from_another_host(site: Path, base_url: str):
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            found += [(path, u) for m in LOADS.finditer(text) for u in m.groups() if u and external(u, base_url)]
        elif path.suffix == ".css":
            text = path.read_text(encoding="utf-8")
            found += [(path, u) for m in CSS_URL.finditer(text) for u in m.groups() if u and external(u, base_url)]
        elif path.suffix == ".xml":
            found += [(path, u) for u in re.findall(r"<loc>([^<]+)</loc>", path.read_text(encoding="utf-8")) if external(u, base_url)]
    assert found == []


def test_no_fonts_analytics_or_github_api(site: Path):
    for path in html_pages(site):
        text = path.read_text(encoding="utf-8")
        for needle in ("fonts.googleapis", "fonts.gstatic", "googletagmanager", "api.github.com", "repo_url"):
            assert needle not in text, (path, needle)


def test_pages_without_search_load_no_search_code(site: Path):
    for path in html_pages(site):
        scripts = [a.get("src", "") for a in parse(path).find("script")]
        if "/suche/" in path.as_posix():
            assert any(s.endswith("assets/kvi/search.js") for s in scripts)
        assert not any("pagefind" in s for s in scripts), path


HREF = re.compile(r"""<a\b[^>]*\bhref="([^"#?]*)(?:[#?][^"]*)?\"""")


def test_every_internal_link_resolves(site: Path):
    """Links written by templates and generated pages too, in every language."""
    broken = []
    for path in html_pages(site):
        for href in set(HREF.findall(path.read_text(encoding="utf-8"))):
            if not href or re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            target = (path.parent / href).resolve() if not href.startswith("/") else site / href.lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((str(path.relative_to(site)), href))
    assert broken == []
