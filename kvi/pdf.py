"""PDFs of the printed pages (leaflets, visit cards), made by headless Chromium from the built
pages with their print stylesheet – the same rendering a reader gets from "Print".

Chromium loads each page at its public address; every request is answered from the built site,
so nothing leaves the machine and the links inside the PDF point to the public site. A PDF is
kept in a cache under its content hash and only rendered again when its page or stylesheets
change. Fixed metadata (title, language, dates from the build date, an id from the content
hash) makes two builds byte-identical.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import mimetypes
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markupsafe import Markup
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, NameObject, TextStringObject

from kvi import browser

# Bump when the way PDFs are made changes, so cached ones are not reused.
RECIPE = "1"
MARKER = re.compile(r'<span class="kvi-pdf" data-kvi-pdf="([^"]+)" data-href="([^"]+)" '
                    r'data-label="([^"]*)">.*?</span>', re.DOTALL)
# The PDF offer on a page, before and after link_all; it does not print, so it is not part of a PDF's key.
OFFER = re.compile(MARKER.pattern + r'|<a class="kvi-pdf" href="[^"]+" download>.*?</a>', re.DOTALL)


def placeholder(pdf: str, href: str, label: str, waiting: str) -> Markup:
    """Where a page offers a PDF: text saying it comes with publication, until link_all turns it
    into a download link. label holds {size}."""
    return Markup('<span class="kvi-pdf" data-kvi-pdf="{}" data-href="{}" data-label="{}">{}</span>').format(
        pdf, href, label, waiting)


@dataclass(frozen=True)
class Job:
    page: str  # the page's address below the site root, like en/besuchskarten/jva-koeln/
    pdf: str  # where the PDF goes below the site root, like pdf/jva-koeln-en.pdf
    lang: str


def make_all(site: Path, jobs: list[Job], base_url: str, cache: Path, build_date: datetime.date) -> dict[str, int]:
    """Write every job's PDF into the site; return its size in bytes per PDF path."""
    cache.mkdir(parents=True, exist_ok=True)
    styles = _styles_digest(site)
    keys = {job: _key(site, job, styles, build_date) for job in jobs}
    missing = [job for job in jobs if not (cache / f"{keys[job]}.pdf").exists()]
    if missing:
        # One browser per processor core, each with its share of the pages.
        workers = max(1, min(os.cpu_count() or 1, len(missing) // 20 + 1))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            shares = [missing[index::workers] for index in range(workers)]
            list(pool.map(_render, [site] * workers, shares, [base_url] * workers, [cache] * workers,
                          [keys] * workers, [build_date] * workers))
    sizes = {}
    for job in jobs:
        target = site / job.pdf
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cache / f"{keys[job]}.pdf", target)
        sizes[job.pdf] = target.stat().st_size
    return sizes


def link_all(site: Path, sizes: dict[str, int]) -> None:
    """Turn each 'PDF comes with publication' placeholder into a download link with the size."""
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if 'class="kvi-pdf"' not in html:
            continue
        page.write_text(MARKER.sub(lambda match: _link(match, sizes), html), encoding="utf-8")


def _link(match: re.Match, sizes: dict[str, int]) -> str:
    pdf, href, label = match.groups()
    if pdf not in sizes:
        return match.group(0)
    size = f"{max(1, round(sizes[pdf] / 1024))} KB"
    text = label.replace("{size}", f'<span dir="ltr">{size}</span>')
    return f'<a class="kvi-pdf" href="{href}" download>{text}</a>'


def _styles_digest(site: Path) -> str:
    """One fingerprint of the theme's stylesheets and images (the assets/ folders of every language)."""
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site)
        if "assets" in relative.parts and path.suffix in (".css", ".svg") and path.is_file():
            digest.update(relative.as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _key(site: Path, job: Job, styles: str, build_date: datetime.date) -> str:
    digest = hashlib.sha256()
    for part in (RECIPE, browser.version(), styles, build_date.isoformat(), job.lang, job.page):
        digest.update(part.encode() + b"\0")
    html = (site / job.page / "index.html").read_text(encoding="utf-8")
    digest.update(OFFER.sub("", html).encode())
    return digest.hexdigest()[:32]


def _render(site: Path, jobs: list[Job], base_url: str, cache: Path, keys: dict[Job, str],
            build_date: datetime.date) -> None:
    with browser.launch() as chromium:
        context = chromium.new_context(java_script_enabled=False)
        context.route("**/*", lambda route: _answer(route, site, base_url))
        page = context.new_page()
        for job in jobs:
            page.goto(base_url + job.page, wait_until="load")
            raw = page.pdf(prefer_css_page_size=True, print_background=True, tagged=True, outline=True)
            title = page.title()
            # Written aside and renamed: another build sharing the cache never reads half a file.
            part = cache / f"{keys[job]}.{os.getpid()}.part"
            part.write_bytes(_fixed(raw, title, job.lang, keys[job], build_date))
            part.replace(cache / f"{keys[job]}.pdf")


def _answer(route, site: Path, base_url: str) -> None:
    """Serve a request from the built site; refuse anything outside it."""
    url = route.request.url
    if not url.startswith(base_url):
        route.abort()
        return
    path = unquote(urlsplit(url[len(base_url):]).path)
    target = site / path
    if path.endswith("/") or path == "":
        target = target / "index.html"
    if ".." in Path(path).parts or not target.is_file():
        route.fulfill(status=404, body="")
        return
    kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    route.fulfill(status=200, body=target.read_bytes(), content_type=kind)


def _fixed(raw: bytes, title: str, lang: str, key: str, build_date: datetime.date) -> bytes:
    """The same PDF with metadata that depends only on its content and the build date."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(raw)))
    stamp = build_date.strftime("D:%Y%m%d000000Z")
    writer.metadata = {"/Title": title, "/Creator": "Kinder von Inhaftierten NRW",
                       "/Producer": "kvi with Chromium", "/CreationDate": stamp, "/ModDate": stamp}
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    identifier = ByteStringObject(bytes.fromhex(key))
    writer._ID = ArrayObject([identifier, identifier])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
