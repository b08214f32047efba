"""The external link check reports unreachable addresses with the page that links them, and
fails only when asked to. It is tested against a local server: tests never go on the internet."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kvi import links


class _Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(405 if self.path == "/no-head" else 200 if self.path in ("/ok", "/no-head") else 404)
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path in ("/ok", "/no-head") else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def remote():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_unreachable_addresses_are_reported_with_their_page(tmp_path, remote, capsys):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(
        f'<a href="{remote}/ok">x</a> <a href="{remote}/gone#part">y</a> <a href="https://own.example/x/">z</a>')
    (site / "index.html").write_text(f'<a href="{remote}/no-head">x</a> <a href="{remote}/gone">y</a>')
    assert links.report(site, "https://own.example/") == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"HTTP 404: {remote}/gone (on a/index.html and 1 more)",
                   "3 external addresses checked, 1 not reachable."]
    assert links.report(site, "https://own.example/", strict=True) == 1
