"""Served with the Content-Security-Policy of kvi/csp.py (as the deployment examples set it),
no layout in any tested language breaks a rule, search included."""

from __future__ import annotations

import threading

import pytest

from kvi import csp
from kvi.layouts import LAYOUTS
from kvi.serve import SiteHandler, make_server
from tests.conftest import free_port

# Every violation the page reports, collected before any of its scripts run.
RECORD = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));"""


@pytest.fixture(scope="module")
def strict_server(site):
    header = csp.policy(site)

    class Handler(SiteHandler):
        def end_headers(self):
            self.send_header("Content-Security-Policy", header)
            self.send_header("X-Content-Type-Options", "nosniff")
            super().end_headers()

    httpd = make_server(site, free_port(), handler=Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_the_policy_allows_only_this_site(site):
    header = csp.policy(site)
    assert "default-src 'self'" in header and "'unsafe-inline'" not in header and "http" not in header
    assert "'wasm-unsafe-eval'" in header and header.count("'sha256-") >= 2


@pytest.mark.parametrize("prefix", ["", "ar/"], ids=["de", "ar"])
def test_no_layout_breaks_the_policy(browser, strict_server, prefix):
    """Each layout in its own tab of one context, so their waits for a quiet network (a late
    request could break the policy too) run side by side."""
    context = browser.new_context()
    context.add_init_script(RECORD)
    errors = []
    context.on("console", lambda message: errors.append(message.text)
               if message.type == "error" and "Content Security Policy" in message.text else None)
    try:
        tabs = {}
        for name, layout in LAYOUTS.items():
            tabs[name] = context.new_page()
            tabs[name].goto(f"{strict_server}{prefix}{layout.address}")
            if layout.query:
                tabs[name].locator(".kvi-search__results li").first.wait_for(timeout=10000)
        for name, tab in tabs.items():
            tab.wait_for_load_state("networkidle")
            assert tab.evaluate("window.__violations") == [], name
        assert errors == []
    finally:
        context.close()
