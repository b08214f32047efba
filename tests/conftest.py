"""Shared fixtures: a copy of the project to break on purpose, the data loaded once, one built
site, one server, one browser.

Tests run in parallel workers (pytest-xdist). The built site is made once for the whole run:
the first worker that needs it builds it under a lock, the others wait and reuse it; one
server (tests/static_server.py) serves it to all of them until the run ends."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml
from filelock import FileLock

from kvi import model as data_model
from kvi.build import ROOT, build, copy_project
from kvi.languages import Language, load_languages

BUILD_DATE = datetime.date(2026, 11, 25)
LANES = ("unit", "site", "browser")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test is marked with its lane (its folder), so `-m unit` etc. pick a lane."""
    for item in items:
        lane = Path(str(item.path)).relative_to(ROOT / "tests").parts[0]
        if lane in LANES:
            item.add_marker(lane)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def only_languages(project: Path, codes: tuple[str, ...]) -> Path:
    """The project with only some of its languages, for checks that need no more (each language
    adds seconds to a build)."""
    file = project / "i18n" / "languages.yml"
    kept = [language for language in yaml.safe_load(file.read_text(encoding="utf-8")) if language["code"] in codes]
    file.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for folder in (project / "content").iterdir():
        if folder.is_dir() and folder.name not in codes:
            shutil.rmtree(folder)
    return project


def project_in(*codes: str):
    """A `project` fixture for a test module whose checks need only these languages: assigned to
    `project` in the module, it replaces the full copy (each further language costs every build and
    check in the module about a second)."""
    @pytest.fixture
    def project(tmp_path: Path) -> Path:
        return only_languages(copy_project(tmp_path / "project"), codes)
    return project


@pytest.fixture(scope="session")
def model() -> data_model.Model:
    """The project's data, loaded once per worker; a test that changes data copies the project."""
    loaded, problems = data_model.load(ROOT)
    assert problems == [], "\n".join(map(str, problems))
    return loaded


@pytest.fixture(scope="session")
def languages() -> list[Language]:
    return load_languages(ROOT)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def shared_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder all workers of this run share (the parent of their own temporary folders)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _once(shared_dir: Path, name: str, make) -> object:
    """make() run by one worker only; its JSON result is shared with the others."""
    done = shared_dir / f"{name}.json"
    with FileLock(str(shared_dir / f"{name}.lock")):
        if not done.exists():
            done.write_text(json.dumps(make()), encoding="utf-8")
    return json.loads(done.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site_port(shared_dir: Path) -> int:
    return _once(shared_dir, "port", free_port)


@pytest.fixture(scope="session")
def base_url(site_port: int) -> str:
    return f"http://127.0.0.1:{site_port}/"


def _built_site(shared_dir: Path, base_url: str) -> Path:
    out = shared_dir / "built" / "site"

    def make() -> str:
        build(out, base_url, BUILD_DATE, with_pdfs=True, work=shared_dir / "built" / "work")
        return str(out)

    return Path(_once(shared_dir, "site", make))


@pytest.fixture(scope="session", autouse=True)
def _site_built_early(request: pytest.FixtureRequest, shared_dir: Path, base_url: str) -> None:
    """When this run checks the built site, its build starts with the first test, in the
    background, so the unit tests run meanwhile instead of waiting for it later."""
    if any(item.get_closest_marker("site") or item.get_closest_marker("browser") for item in request.session.items):
        threading.Thread(target=_built_site, args=(shared_dir, base_url), daemon=True).start()


@pytest.fixture(scope="session")
def site(shared_dir: Path, base_url: str) -> Path:
    """The real project, built once for all checks of the output, with its PDFs."""
    return _built_site(shared_dir, base_url)


@pytest.fixture(scope="session")
def server(site: Path, site_port: int, base_url: str, shared_dir: Path) -> str:
    """One server for all workers, running until the whole test run has ended."""
    def start() -> int:
        run = os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()
        process = subprocess.Popen([sys.executable, "-m", "tests.static_server", str(site), str(site_port), str(run)],
                                   cwd=ROOT, start_new_session=True)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", site_port)) == 0:
                    return process.pid
            time.sleep(0.05)
        raise RuntimeError(f"the test server did not start on port {site_port}")

    _once(shared_dir, "server", start)
    return base_url


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
