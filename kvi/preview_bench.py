"""How fast the preview shows an edit: a copy of the project in a temporary folder is served by
kvi.serve, edited as an editor would, and fetched over HTTP until the change is there."""

from __future__ import annotations

import socket
import statistics
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from kvi import serve
from kvi.build import copy_project

ROUNDS = 3


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def until(url: str, text: str, limit: float = 60) -> float:
    """Seconds until the page at url contains text."""
    start = time.perf_counter()
    while text not in fetch(url):
        if time.perf_counter() - start > limit:
            raise TimeoutError(f"{url} did not show {text!r} within {limit} s")
        time.sleep(0.02)
    return time.perf_counter() - start


def settled(preview: serve.Preview, limit: float = 300) -> float:
    start = time.perf_counter()
    while preview.later:
        if time.perf_counter() - start > limit:
            raise TimeoutError("the preview did not catch up")
        time.sleep(0.1)
    return time.perf_counter() - start


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace(old, new, 1) if old else text + new, encoding="utf-8")


def measure() -> dict[str, str]:
    """The preview's figures, as printable values."""
    figures = {}
    with tempfile.TemporaryDirectory() as temp:
        root = copy_project(Path(temp) / "project")
        port = free_port()
        site = f"http://127.0.0.1:{port}/"
        start = time.perf_counter()
        preview, close = serve.start(root, port, report=lambda message: None)
        try:
            until(site, "</html>")
            figures["first page after start"] = f"{time.perf_counter() - start:.1f} s"
            settled(preview)
            figures["all languages and search index"] = f"{time.perf_counter() - start:.1f} s"
            edits = {
                "content edit, German (content/de/telefon.md)": (root / "content/de/telefon.md", f"{site}telefon/"),
                "content edit, English (content/en/erste-schritte.md)":
                    (root / "content/en/erste-schritte.md", f"{site}en/erste-schritte/"),
            }
            for label, (file, url) in edits.items():
                seconds = []
                for round_ in range(ROUNDS):
                    marker = f"Vorschau-Messung {label[:20]} {round_}"
                    edit(file, "", f"\n{marker}\n")
                    seconds.append(until(url, marker))
                    settled(preview)
                figures[label] = _spread(seconds)
            seconds = []
            for round_ in range(ROUNDS):
                helplines = root / "data/helplines.yml"
                marker = f"Elterntelefon {round_}"
                edit(helplines, "name: Elterntelefon", f"name: {marker}")
                seconds.append(until(f"{site}telefon/", marker))
                settled(preview)
                edit(helplines, f"name: {marker}", "name: Elterntelefon")
                until(f"{site}telefon/", "Elterntelefon (Nummer")
                settled(preview)
            figures["data edit, German page (data/helplines.yml)"] = _spread(seconds)
        finally:
            close()
    return figures


def _spread(seconds: list[float]) -> str:
    return f"median {statistics.median(seconds):.2f} s, slowest {max(seconds):.2f} s ({len(seconds)} edits)"
