"""Lighthouse scores (`kvi lighthouse`, via `make lighthouse`): a benchmark, not a test, because
scores move a little from run to run. Builds the site, serves it gzip-compressed on 127.0.0.1,
and runs npm's lighthouse with Debian's chromium (CHROME_PATH) on a few pages, mobile profile."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path

from kvi.browser import CHROMIUM_ARGS, chromium_path
from kvi.build import build
from kvi.serve import SiteHandler, make_server

PAGES = {"home": "", "district": "kreise/koeln/", "Arabic content page": "ar/erste-schritte/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(SiteHandler):
    """Text files gzip-compressed, as a web host serves them."""

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def run(root: Path) -> int:
    tool = root / "scripts" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
    if not tool.exists():
        print("Missing tool: lighthouse. Run 'make lighthouse' (it runs npm ci in scripts/lighthouse).")
        return 1
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        server = make_server(site, 0, handler=GzipHandler)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        build(site, base, root=root)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            print(f"{'page':24}" + "".join(f"{name:>16}" for name in CATEGORIES))
            for name, path in PAGES.items():
                scores = _scores(tool, base + path)
                print(f"{name:24}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES))
        finally:
            server.shutdown()
            server.server_close()
    return 0


def _scores(tool: Path, url: str) -> dict[str, int]:
    flags = " ".join(arg for arg in CHROMIUM_ARGS if arg != "--headless") + " --headless=new"
    result = subprocess.run([str(tool), url, "--output=json", "--output-path=stdout", "--quiet",
                             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
                            capture_output=True, text=True, check=True,
                            env={**os.environ, "CHROME_PATH": chromium_path()})
    report = json.loads(result.stdout)
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
