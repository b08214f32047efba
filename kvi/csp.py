"""The Content-Security-Policy the built site satisfies, for the web server's configuration.

Everything comes from the site itself ('self'). Material's small inline scripts are allowed by
their hashes (they differ with a page's depth, so they are read from the built pages), and
Pagefind compiles its WebAssembly search, which needs 'wasm-unsafe-eval'. Data blocks
(application/json, JSON-LD) are not executed and need nothing.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def inline_hashes(site: Path) -> list[str]:
    found = set()
    for page in site.rglob("*.html"):
        for script in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
            found.add(f"'sha256-{digest}'")
    return sorted(found)


def policy(site: Path) -> str:
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *inline_hashes(site)])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self'",
        # Material's icons are data: URIs inside its stylesheet.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])
