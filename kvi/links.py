"""External links of a built site, checked on request (`kvi links`): the only part of the project
that goes on the internet, so it never runs in the build or the normal tests. It reports; with
--strict it also fails, for a scheduled job."""

from __future__ import annotations

import html
import re
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

LINK = re.compile(r"""<a\b[^>]*\bhref="(https?://[^"]+)\"""")
AGENT = "kvi-link-check (Kinder von Inhaftierten NRW; checks links on its own pages)"


def external_links(site: Path, own: str) -> dict[str, list[str]]:
    """Every external address linked from the site's pages → the pages that link it."""
    found: dict[str, set[str]] = defaultdict(set)
    for page in sorted(site.rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        for url in LINK.findall(page.read_text(encoding="utf-8")):
            url = html.unescape(url).split("#")[0]
            if not url.startswith(own):
                found[url].add(page.relative_to(site).as_posix())
    return {url: sorted(pages) for url, pages in sorted(found.items())}


def status(url: str, timeout: float = 15) -> str:
    """'ok', or what went wrong: an HTTP status or the network error."""
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return "ok"
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return f"HTTP {error.code}"
        except (urllib.error.URLError, OSError) as error:
            return f"unreachable ({getattr(error, 'reason', error)})"
    return "unreachable"


def report(site: Path, own: str, strict: bool = False, workers: int = 8) -> int:
    links = external_links(site, own)
    with ThreadPoolExecutor(workers) as pool:
        results = dict(zip(links, pool.map(status, links), strict=True))
    broken = {url: result for url, result in results.items() if result != "ok"}
    for url, result in broken.items():
        pages = links[url]
        print(f"{result}: {url} (on {pages[0]}{f' and {len(pages) - 1} more' if len(pages) > 1 else ''})")
    print(f"{len(links)} external addresses checked, {len(broken)} not reachable.")
    return 1 if strict and broken else 0
