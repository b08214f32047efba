"""Local preview: build, serve on 127.0.0.1, rebuild when content, data or templates change."""

from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from kvi.build import ROOT, build
from kvi.problems import BuildFailed

WATCHED = ["content", "data", "i18n", "overrides", "schemas", "mkdocs.yml"]
PREVIEW = ROOT / ".build" / "preview"
CHANGES = {"created", "modified", "deleted", "moved"}


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files, with each language's own 404 page, and no request log noise."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        first = self.path.lstrip("/").split("/", 1)[0]
        page = Path(self.directory, first, "404.html")
        page = page if page.is_file() else Path(self.directory, "404.html")
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


def make_server(directory: Path, port: int, handler: type[SiteHandler] = SiteHandler) -> ThreadingHTTPServer:
    return ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))


class _Rebuild(FileSystemEventHandler):
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.changed = threading.Event()

    def on_any_event(self, event):
        # Only changes count: the build itself opens and reads every watched file.
        if event.event_type not in CHANGES or event.is_directory:
            return
        path = Path(event.src_path)
        if any(path.is_relative_to(ROOT / name) for name in WATCHED):
            self.changed.set()

    def loop(self) -> None:
        while True:
            self.changed.wait()
            time.sleep(0.3)  # editors save several files at once
            self.changed.clear()
            _build_and_report(self.base_url)


def _build_and_report(base_url: str) -> None:
    try:
        result = build(PREVIEW, base_url)
        print(f"Built {sum(result.pages_per_language.values())} pages in {sum(result.seconds.values()):.1f} s.", flush=True)
    except BuildFailed as failure:
        print(failure.report(), "\nThe preview still shows the last good build.", flush=True)


def serve(port: int) -> int:
    base_url = f"http://127.0.0.1:{port}/"
    _build_and_report(base_url)
    if not PREVIEW.exists():
        return 1
    watcher = _Rebuild(base_url)
    observer = Observer()
    observer.schedule(watcher, str(ROOT), recursive=False)  # mkdocs.yml
    for name in WATCHED:
        if (ROOT / name).is_dir():
            observer.schedule(watcher, str(ROOT / name), recursive=True)
    observer.start()
    threading.Thread(target=watcher.loop, daemon=True).start()
    # The handler serves from the folder's path, so a swapped-in build is picked up at once.
    server = make_server(PREVIEW, port)
    print(f"Serving on {base_url} (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.server_close()
    return 0
