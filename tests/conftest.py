"""Shared fixtures: a copy of the project to break on purpose, one built site, one server,
one browser. The built site and the browser are made once per test run."""

from __future__ import annotations

import datetime
import shutil
import socket
import threading
from pathlib import Path

import pytest

from kvi.build import ROOT, build
from kvi.serve import make_server

BUILD_DATE = datetime.date(2026, 11, 25)
PROJECT_PARTS = ["content", "data", "i18n", "overrides", "schemas", "mkdocs.yml"]


def copy_project(target: Path) -> Path:
    """The editors' folders and templates, copied so a test can change them freely."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copyfile(source, target / name)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def base_url(site_port: int) -> str:
    return f"http://127.0.0.1:{site_port}/"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, base_url: str) -> Path:
    """The real project, built once for all checks of the output, with its PDFs."""
    out = tmp_path_factory.mktemp("built") / "site"
    build(out, base_url, BUILD_DATE, with_pdfs=True)
    return out


@pytest.fixture(scope="session")
def server(site: Path, site_port: int, base_url: str):
    httpd = make_server(site, site_port)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base_url
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser():
    from kvi.browser import launch

    with launch() as chromium:
        yield chromium


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
