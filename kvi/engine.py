"""The static-site engine: MkDocs with the Material theme, one build per language.

This is the only module that knows MkDocs: how a language's config is assembled from
mkdocs.yml, the menu format, how builds are run and their messages read. Replacing this
module is how another engine (Zensical, ProperDocs) would be tried.

Two ways to build:
- build_all: each language in its own process from a generated config that inherits
  mkdocs.yml, two at a time, so no theme state leaks from one language into the next;
- LiveLanguage: one language kept in memory (the preview), so a changed page is rendered
  again on its own in milliseconds instead of rebuilding every page.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import posixpath
import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from markupsafe import escape

from kvi.languages import Language
from kvi.problems import Problem

WORKERS = 2
MESSAGE = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
DOC_FILE = re.compile(r"'([^']+\.md)'")
ENVIRONMENT = {"NO_MKDOCS_2_WARNING": "1"}
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
ASSET_LINK = re.compile(r'\b(href|src)="([^"#?:]*assets/[^"]*)"')


@dataclass(frozen=True)
class LanguageBuild:
    language: Language
    config: dict  # language-specific settings, written over the shared base
    sources: dict[str, str]  # page path → content file, to word messages for editors


def language_config(root: Path, language: Language, base_url: str, docs_dir: Path, site_dir: Path,
                    menu: list, extra: dict) -> dict:
    """The settings of one language's build, written over mkdocs.yml."""
    return {
        "site_url": base_url + language.prefix,
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": {"name": "material", "custom_dir": str(root / "overrides"), "language": language.theme_language},
        "nav": menu,
        "extra": {"kvi": extra},
    }


def menu(nav: list, ui: dict[str, str]) -> list:
    """content/nav.yml in MkDocs' menu format, section titles in the reader's language. Escaped:
    MkDocs themes print menu titles as HTML."""
    return [entry if isinstance(entry, str) else {str(escape(ui[entry["section"]])): menu(entry["pages"], ui)}
            for entry in nav]


def published_url(root: Path) -> str:
    """The address the site is published at (site_url in mkdocs.yml)."""
    return _read_base_config(root)["site_url"]


def write_config(root: Path, build: LanguageBuild, config_dir: Path) -> Path:
    config_dir.mkdir(parents=True, exist_ok=True)
    path = config_dir / f"mkdocs.{build.language.code}.yml"
    text = yaml.safe_dump({"INHERIT": str(root / "mkdocs.yml"), **build.config},
                          allow_unicode=True, sort_keys=True)
    path.write_text(text, encoding="utf-8")
    return path


def build_all(root: Path, builds: list[LanguageBuild], config_dir: Path, build_date: int) -> list[Problem]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(build_date), **ENVIRONMENT}
    configs = [write_config(root, build, config_dir) for build in builds]
    with ThreadPoolExecutor(WORKERS) as pool:
        results = pool.map(_build_one, builds, configs, [env] * len(builds))
    return [problem for found in results for problem in found]


def _build_one(build: LanguageBuild, config: Path, env: dict) -> list[Problem]:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                            capture_output=True, text=True, env=env)
    problems = [_problem(message, build) for message in _messages(result.stderr + result.stdout)]
    if result.returncode != 0 and not problems:
        tail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        problems.append(Problem(str(config), None, None, f"MkDocs failed: {tail[0]}"))
    return problems


def _messages(output: str) -> list[str]:
    found = []
    for line in output.splitlines():
        match = MESSAGE.match(line.strip())
        if match and "Aborted with" not in match.group(2):
            found.append(match.group(2))
    return found


def _problem(message: str, build: LanguageBuild) -> Problem:
    """Name the content file an editor has to open, not the generated copy."""
    match = DOC_FILE.search(message)
    if match and match.group(1) in build.sources:
        return Problem(build.sources[match.group(1)], None, None, f"[{build.language.code}] {message}")
    return Problem(f"[{build.language.code}]", None, None, message)


def after_build(site: Path, prefixes: list[str], base_url: str) -> None:
    """The one step after all languages are built and put in place (German at the root, the
    others in their folders), for what the engine does not do as the site needs:

    - One copy of the theme's files. Each language build writes its own assets/ (2.6 MB, the
      same bytes); a language's copy is removed where the root has the same file, and its pages
      link to the root's, so a reader who changes language loads no stylesheet again.
    - Valid HTML: Material's base.html writes autocomplete="off" on its menu and search
      checkboxes, outside any template block; the attribute is not allowed on checkboxes (it
      only kept Firefox from restoring an open menu on "back"), so it is taken out.
    """
    base_path = urlsplit(base_url).path
    shared = {prefix for prefix in prefixes if _drop_shared_assets(site, prefix)}
    for page in sorted(site.rglob("*.html")):
        first = page.relative_to(site).parts[0] + "/"
        text = page.read_text(encoding="utf-8")
        fixed = CHECKBOX_AUTOCOMPLETE.sub(r"\1", text)
        if first in shared:
            fixed = ASSET_LINK.sub(functools.partial(_to_root, page=page, site=site, prefix=first, base_path=base_path), fixed)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def _drop_shared_assets(site: Path, prefix: str) -> bool:
    """Remove a language's theme files that the root has too; True if its folder is gone."""
    folder = site / prefix / "assets"
    if not prefix or not folder.is_dir():
        return False
    for file in sorted(path for path in folder.rglob("*") if path.is_file()):
        twin = site / "assets" / file.relative_to(folder)
        if twin.is_file() and twin.read_bytes() == file.read_bytes():
            file.unlink()
    for directory in sorted((path for path in folder.rglob("*") if path.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            directory.rmdir()
    if not any(folder.iterdir()):
        folder.rmdir()
        return True
    return False


def _to_root(match: re.Match, page: Path, site: Path, prefix: str, base_path: str) -> str:
    """A link into the language's assets/, pointed at the root's copy (relative stays relative)."""
    attribute, url = match.group(1), match.group(2)
    if url.startswith("/"):
        inside = url[len(base_path):] if url.startswith(base_path) else None
        if inside is None or not inside.startswith(prefix + "assets/"):
            return match.group(0)
        return f'{attribute}="{base_path}{inside[len(prefix):]}"'
    target = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), url))
    if not target.startswith(prefix + "assets/"):
        return match.group(0)
    moved = posixpath.relpath(target[len(prefix):], page.parent.relative_to(site).as_posix())
    return f'{attribute}="{moved}"'


class _Collect(logging.Handler):
    """MkDocs' warnings during a live build (dead links, missing anchors)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _warnings(build: LanguageBuild) -> Iterator[list[Problem]]:
    """Collects MkDocs' warnings of one step into the list it yields, as problems for editors."""
    handler, problems = _Collect(), list[Problem]()
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        yield problems
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
        problems += [_problem(message, build) for message in handler.messages]


class LiveLanguage:
    """One language built in this process and kept in memory: after the first build, pages are
    rendered again one by one. Uses MkDocs' build steps (mkdocs.commands.build), as
    `mkdocs serve` does; the menu and every page stay loaded, so each page's menu is right."""

    def __init__(self, root: Path, build: LanguageBuild, config_dir: Path):
        from mkdocs.config import load_config

        os.environ.update(ENVIRONMENT)
        self.build = build
        self.config = load_config(str(write_config(root, build, config_dir)))
        self.pages: dict[str, Any] = {}

    def build_all(self) -> list[Problem]:
        return [problem for found in self.build_steps() for problem in found]

    def build_steps(self, size: int = 16) -> Iterator[list[Problem]]:
        """Every page of the language, with the theme's files (copied only when changed), in
        steps of a few pages: the caller may answer an edit between two steps. Each step yields
        MkDocs' warnings as problems."""
        from mkdocs.commands import build as steps
        from mkdocs.structure.files import get_files, set_exclusions
        from mkdocs.structure.nav import get_navigation
        from mkdocs.structure.pages import Page

        config = self.config
        with _warnings(self.build) as problems:
            self.files = get_files(config)
            self.env = config.theme.get_env()
            self.files.add_files_from_theme(self.env, config)
            set_exclusions(self.files, config)
            self.nav = get_navigation(self.files, config)
            documents = self.files.documentation_pages()
            self.pages = {file.src_uri: file.page if file.page is not None else Page(None, file, config)
                          for file in documents}
            self.files.copy_static_files(dirty=True)
            for template in config.theme.static_templates:
                steps._build_theme_template(template, self.env, self.files, config, self.nav)
        yield problems
        chunks = [list(self.pages.values())[start:start + size] for start in range(0, len(self.pages), size)]
        # Every page is read before any is written: each page's menu shows the others' titles.
        for chunk in chunks:
            with _warnings(self.build) as problems:
                for page in chunk:
                    steps._populate_page(page, config, self.files)
            yield problems
        for chunk in chunks:
            with _warnings(self.build) as problems:
                self._write(chunk)
            yield problems

    def rebuild(self, paths: list[str]) -> list[Problem]:
        """Render these pages (paths in the language's Markdown tree) again; the others stay."""
        from mkdocs.commands import build as steps

        with _warnings(self.build) as problems:
            changed = [self.pages[path] for path in paths if path in self.pages]
            for page in changed:
                steps._populate_page(page, self.config, self.files)
            self._write(changed)
        return problems

    def _write(self, pages: list) -> None:
        from mkdocs.commands import build as steps

        documents = self.files.documentation_pages()
        for page in pages:
            steps._build_page(page, self.config, documents, self.nav, self.env)
        for page in pages:
            page.validate_anchor_links(files=self.files, log_level=self.config.validation.links.anchors)


class _BaseConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for plain values; Python tags (slugify) are MkDocs' business."""


_BaseConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _read_base_config(root: Path) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_BaseConfigLoader)
