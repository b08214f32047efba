"""Local preview: serve on 127.0.0.1 and show an edit within seconds.

Every language is built once and kept in memory (kvi.engine.LiveLanguage), German first, so
the first page is there while the other languages are still being built. After that:
- an edited content page is rendered again on its own, first in the edited language (German:
  then its fallback copies in languages without a translation);
- any other change (data, UI strings, templates, schemas, a page added or removed) reloads
  everything, German first;
- the other languages, the short addresses and the search index catch up afterwards, one step
  at a time, and a new edit always goes first.
Nothing here is published: `make site` builds the deployable folder.
"""

from __future__ import annotations

import datetime
import functools
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from kvi import build, citations, easy_read, engine, pages, parity, render, search, short_links
from kvi.languages import SOURCE, Language
from kvi.problems import BuildFailed, Problem

WATCHED = ["content", "data", "i18n", "overrides", "schemas", "templates", "mkdocs.yml"]
CHANGES = {"created", "modified", "deleted", "moved"}
PAUSE = 0.05  # editors' tools save a file in several steps
DONE = object()


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files, with each language's own 404 page, and no request log noise."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        first = self.path.lstrip("/").split("/", 1)[0]
        page = Path(self.directory, first, "404.html")
        page = page if page.is_file() else Path(self.directory, "404.html")
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class PreviewHandler(SiteHandler):
    """The preview changes under the reader: never let the browser serve a page from its cache."""

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def make_server(directory: Path, port: int, handler: type[SiteHandler] = SiteHandler) -> ThreadingHTTPServer:
    return ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))


class Preview:
    """The preview's state: what was loaded, and each language built in memory."""

    def __init__(self, root: Path, base_url: str, report: Callable[[str], None] = print):
        self.root = root
        self.base_url = base_url
        self.report = report
        self.site = root / ".build" / "preview"
        self.work = root / ".build" / "preview-work"
        self.build_date = datetime.datetime.now(datetime.UTC).date()
        self.sources: build.Sources | None = None
        self.rendered: dict[str, list[render.RenderedPage]] = {}
        self.live: dict[str, engine.LiveLanguage] = {}
        self.later: list[Iterator[None]] = []  # catching up, one step at a time

    # Whole reloads

    def reload(self) -> bool:
        """Load everything and build German; the other languages follow in later steps."""
        try:
            self.sources = build.load(self.root)
        except BuildFailed as failure:
            self.report(failure.report() + "\nThe preview still shows the last good build.")
            return False
        self.live = {}
        self.later = [self._language(language) for language in self.sources.languages[1:]]
        self.later += [self._forwarding_pages(), self._index()]
        for _ in self._language(self.sources.languages[0]):
            pass
        return SOURCE in self.live

    def _language(self, language: Language) -> Iterator[None]:
        """Render and build one language, in small steps."""
        sources = self.sources
        assert sources is not None
        try:
            rendered = build.render_pages(sources, self.build_date, self.base_url, targets=[language])
        except BuildFailed as failure:
            self.report(failure.report())
            return
        self.rendered[language.code] = rendered
        docs = self.work / "docs"
        render.write_trees(self.root, rendered, [language], docs, sources.model, self.build_date)
        yield
        described = build.language_build(sources, language, self.base_url, docs, self.site / language.prefix, rendered)
        live = engine.LiveLanguage(self.root, described, self.work / "config")
        problems = []
        for found in live.build_steps():
            problems += found
            yield
        self._show(problems, f"{language.name}: {len(rendered)} pages")
        self.live[language.code] = live

    def _forwarding_pages(self) -> Iterator[None]:
        sources = self.sources
        if sources is None or len(self.live) < len(sources.languages):
            return
        titles = {(page.lang, page.path): render.title_of(page.text)
                  for found in self.rendered.values() for page in found}
        short_links.write(short_links.forwarding_pages(sources.printables, sources.model, sources.languages,
                                                       self.base_url, sources.ui, titles), self.site)
        yield

    def _index(self) -> Iterator[None]:
        """Pagefind runs in its own process; edits go on meanwhile."""
        process = search.start(self.site)
        while process.poll() is None:
            yield
            time.sleep(0.05)
        self._show(search.finish(self.site, process), "search index")

    # One edited page

    def edit(self, files: set[Path]) -> bool:
        """Render edited content pages again on their own; False when a whole reload is needed."""
        sources = self.sources
        if sources is None:
            return False
        found = [self._content_page(file) for file in sorted(files)]
        edited = [item for item in found if item is not None]
        if not found or len(edited) < len(found) or any(code not in self.live for code, _ in edited):
            return False
        for code, path in edited:
            page, problems = pages.read_page(self.root / "content" / code / path, self.root, code)
            if page is not None:
                german = page if code == SOURCE else sources.trees[SOURCE][path]
                problems += citations.check_page(page, german.meta.get("sources", []), german=code == SOURCE)
                problems += easy_read.errors(easy_read.check({code: {path: page}}, sources.languages, sources.model))
                problems += pages.check_links({code: {path: page}}, set(sources.trees[SOURCE]) | sources.data_paths)
                language = next(lang for lang in sources.languages if lang.code == code)
                problems += parity.check_page(german, page, language)
            if problems or page is None:
                self.report(BuildFailed(problems).report() + "\nThe preview still shows the last good version.")
                continue
            previous = sources.trees[code][path]
            title_changed = render.title_of(previous.body) != render.title_of(page.body)
            sources.trees[code][path] = page
            first = next(language for language in sources.languages if language.code == code)
            self._page_in(first, path)
            # German text shows in languages without a translation; a new title shows in every menu.
            # (Languages not built yet take the new text when their turn comes.)
            # The German page's sources show in every language.
            sources_changed = code == SOURCE and page.meta.get("sources") != previous.meta.get("sources")
            others = [language for language in sources.languages[1:] if code == SOURCE and language.code in self.live
                      and (sources_changed or path not in sources.trees[language.code])]
            self.later[:0] = [self._steps(self._page_in, language, path) for language in others]
            if title_changed:
                self.later[:0] = [self._steps(self._menus, language) for language in [first, *others]]
        return True

    def _menus(self, language: Language) -> None:
        self._show(self.live[language.code].build_all(), f"{language.name}: every menu")

    @staticmethod
    def _steps(work: Callable[..., None], *args) -> Iterator[None]:
        work(*args)
        yield

    def _content_page(self, file: Path) -> tuple[str, str] | None:
        """(language, page path) of an existing content page, or None for anything else."""
        sources = self.sources
        if sources is None or file.suffix != ".md" or not file.is_file():
            return None
        parts = file.relative_to(self.root / "content").parts
        code, path = parts[0], "/".join(parts[1:])
        return (code, path) if path in sources.trees.get(code, {}) else None

    def _page_in(self, language: Language, path: str) -> None:
        sources = self.sources
        assert sources is not None
        rendered, problems = render.content_pages([path], sources.languages, sources.trees, sources.model, sources.ui,
                                                  self.base_url, sources.printables, [language])
        if problems:
            self.report(BuildFailed(problems).report())
            return
        render.write_pages(rendered, self.work / "docs")
        self._show(self.live[language.code].rebuild([path]), f"{language.name}: {path}")

    def _show(self, problems: list[Problem], done: str) -> None:
        self.report(BuildFailed(problems).report() if problems else f"Updated {done}.")


class _Watcher(FileSystemEventHandler):
    """Collects changed files of the editors' folders; the build's own writes do not count."""

    def __init__(self, root: Path):
        self.root = root
        self.files: set[Path] = set()
        self.lock = threading.Lock()
        self.changed = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        # Only changes count: the build itself opens and reads every watched file.
        if event.event_type not in CHANGES or event.is_directory:
            return
        paths = [Path(str(event.src_path))] + ([Path(str(event.dest_path))] if event.dest_path else [])
        mine = [path for path in paths if any(path.is_relative_to(self.root / name) for name in WATCHED)]
        if mine:
            with self.lock:
                self.files.update(mine)
            self.changed.set()

    def take(self) -> set[Path]:
        time.sleep(PAUSE)
        with self.lock:
            files, self.files = self.files, set()
            self.changed.clear()
        return files


def keep_up(preview: Preview, watcher: _Watcher, stop: threading.Event) -> None:
    """Edits first; between them, the preview catches up one step at a time."""
    while not stop.is_set():
        try:
            if watcher.changed.wait(timeout=0 if preview.later else 0.5):
                files = watcher.take()
                if not preview.edit(files):
                    preview.reload()
            elif preview.later and next(preview.later[0], DONE) is DONE:
                preview.later.pop(0)
        except Exception as error:  # the preview must survive anything an edit can cause
            preview.report(f"The preview could not follow this change ({error!r}); the next change starts anew.")
            preview.later = []
            preview.sources = None


def start(root: Path, port: int, report: Callable[[str], None] = print) -> tuple[Preview, Callable[[], None]]:
    """Build German, start serving and watching; returns the preview and a function that stops it."""
    base_url = f"http://127.0.0.1:{port}/"
    preview = Preview(root, base_url, report)
    shutil.rmtree(preview.site, ignore_errors=True)
    preview.site.mkdir(parents=True)
    preview.reload()
    watcher = _Watcher(root)
    observer = Observer()
    observer.schedule(watcher, str(root), recursive=False)  # mkdocs.yml
    for name in WATCHED:
        if (root / name).is_dir():
            observer.schedule(watcher, str(root / name), recursive=True)
    observer.start()
    stop = threading.Event()
    threading.Thread(target=keep_up, args=(preview, watcher, stop), daemon=True).start()
    server = make_server(preview.site, port, PreviewHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def close() -> None:
        stop.set()
        observer.stop()
        server.shutdown()
        server.server_close()

    return preview, close


def serve(port: int) -> int:
    preview, close = start(build.ROOT, port)
    print(f"Serving on {preview.base_url} (Ctrl+C stops); the other languages and the search follow.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        close()
    return 0
