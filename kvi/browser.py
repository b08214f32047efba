"""Headless Debian chromium driven by Playwright, for PDFs, the browser tests and the benchmark.

Never downloads a browser: it uses the chromium on PATH, which `make test` installs.
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import subprocess

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    path = shutil.which("chromium")
    if not path:
        raise RuntimeError("Missing tool: Debian's chromium. Run 'make test' as root or: sudo apt-get install chromium")
    return path


@functools.cache
def version() -> str:
    """The browser's version line; PDFs rendered by another version are made again."""
    return subprocess.run([chromium_path(), "--version"], capture_output=True, text=True, check=True).stdout.strip()


@contextlib.contextmanager
def launch():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
