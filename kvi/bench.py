"""Benchmark: build from scratch, then print pages per language, build seconds, the cost of the
PDFs (from scratch and from the cache), page weight per layout (HTML + CSS + JS + images, raw
and gzip), the bytes a first search fetches, and how fast the preview shows an edit."""

from __future__ import annotations

import gzip
import re
import shutil
import tempfile
import threading
from pathlib import Path
from urllib.parse import urljoin, urlparse

from kvi import preview_bench
from kvi.build import ROOT, build
from kvi.layouts import LAYOUTS
from kvi.serve import make_server

LANGUAGES = {"de": "", "ar": "ar/"}
ASSETS = re.compile(r"""<(?:link\b[^>]*\brel="(?:stylesheet|icon)"[^>]*\bhref|script\b[^>]*\bsrc|img\b[^>]*\bsrc)="([^"]+)\"""")
SEARCH = {"de": ("suche/", "Besuch"), "en": ("en/suche/", "visit"), "ar": ("ar/suche/", "السجن")}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_weight(site: Path, path: str) -> tuple[int, int, int]:
    """(files, raw bytes, gzip bytes) of a page's first load."""
    file = site / path if path.endswith(".html") else site / path / "index.html"
    html = file.read_bytes()
    files, raw, packed = 1, len(html), gz(html)
    page_url = "http://site/" + path
    for ref in sorted(set(ASSETS.findall(html.decode("utf-8")))):
        target = urlparse(urljoin(page_url, ref)).path.lstrip("/")
        data = (site / target).read_bytes()
        files, raw, packed = files + 1, raw + len(data), packed + gz(data)
    return files, raw, packed


def search_bytes(site: Path) -> dict[str, tuple[int, int]]:
    """Bytes the browser fetches for the first query: (requests, bytes as served)."""
    from kvi.browser import launch

    server = make_server(site, 0)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results = {}
    try:
        with launch() as browser:
            for code, (path, query) in SEARCH.items():
                page = browser.new_page()
                page.goto(f"http://127.0.0.1:{port}/{path}")
                fetched: list[int] = []
                page.on("response", lambda response, fetched=fetched: fetched.append(len(response.body())))
                page.fill("#kvi-search-input", query)
                page.press("#kvi-search-input", "Enter")
                page.locator(".kvi-search__results li").first.wait_for(timeout=15000)
                page.wait_for_load_state("networkidle")
                results[code] = (len(fetched), sum(fetched))
                page.close()
    finally:
        server.shutdown()
        server.server_close()
    return results


def run() -> int:
    shutil.rmtree(ROOT / ".build", ignore_errors=True)
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        result = build(site)
        print("Pages per language:", ", ".join(f"{code} {count}" for code, count in result.pages_per_language.items()))
        total = sum(result.seconds.values())
        split = ", ".join(f"{step} {seconds:.2f} s" for step, seconds in result.seconds.items())
        print(f"Build from scratch: {total:.2f} s ({split})")
        for label in ("from scratch", "from the cache"):
            result = build(site, with_pdfs=True)
            pdfs = sorted((site / "pdf").glob("*.pdf"))
            size = sum(path.stat().st_size for path in pdfs)
            print(f"Build with PDFs {label}: PDF step {result.seconds['pdf']:.2f} s for {len(pdfs)} PDFs "
                  f"({size / 1024 / 1024:.1f} MB, largest {max(p.stat().st_size for p in pdfs) / 1024:.0f} KB)")
        print()
        print(f"{'page weight, first load':32} {'files':>5} {'raw KB':>8} {'gzip KB':>8} {'budget':>7}")
        for code, prefix in LANGUAGES.items():
            for name, layout in LAYOUTS.items():
                files, raw, packed = page_weight(site, prefix + layout.path)
                print(f"{code + ' ' + name:32} {files:5} {raw / 1024:8.1f} {packed / 1024:8.1f} {layout.budget:7}")
        print()
        print("First search query (all requests after typing, bytes as served; Pagefind's index files are pre-compressed):")
        for code, (count, size) in search_bytes(site).items():
            print(f"  {code}: {count} requests, {size / 1024:.1f} KB")
    print()
    print("Preview (make serve), from the edit until the server returns the changed page:")
    for label, value in preview_bench.measure().items():
        print(f"  {label}: {value}")
    return 0
