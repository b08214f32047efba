"""Content pages: Markdown files with a YAML front matter block, read from content/<language>/."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from kvi import validate, yaml_source
from kvi.languages import SOURCE
from kvi.problems import Problem, relative

FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
LINK = re.compile(r"\]\(([^)\s#]+\.md)(?:#[^)\s]*)?\)")


@dataclass(frozen=True)
class Page:
    lang: str
    path: str  # relative to content/<lang>/, with forward slashes
    file: str  # relative to the project, for messages
    meta: dict
    body: str
    body_line: int  # line of the file where the body starts
    text: str

    @property
    def source_hash(self) -> str:
        """Fingerprint of the whole file; a translation records its German page's."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:12]

    def links(self) -> list[str]:
        """Pages this page links to, as paths relative to the language's content folder."""
        base = Path(self.path).parent
        targets = []
        for target in LINK.findall(self.body):
            if "://" not in target:
                targets.append(Path(base, target).as_posix())
        return [_normalise(target) for target in targets]


def check_links(trees: dict[str, dict[str, Page]], known: set[str]) -> list[Problem]:
    """A link in a content page to a page that does not exist, with the line it stands on.

    known: every page path a language has, written or made from data (a language without its own
    copy of a page shows the German one)."""
    problems = []
    for tree in trees.values():
        for page in tree.values():
            base = Path(page.path).parent
            for offset, line in enumerate(page.body.split("\n")):
                for target in LINK.findall(line):
                    path = _normalise(Path(base, target).as_posix())
                    if "://" not in target and path not in known:
                        problems.append(Problem(page.file, page.body_line + offset, None,
                                                f"the link '{target}' leads to no page ({path} is neither in "
                                                f"content/{SOURCE}/ nor made from data)"))
    return problems


def _normalise(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def load_tree(root: Path, lang: str) -> tuple[dict[str, Page], list[Problem]]:
    """All Markdown pages of one language, keyed by path, validated against their schema."""
    folder = root / "content" / lang
    pages, problems = {}, []
    for path in sorted(folder.rglob("*.md")):
        page, found = read_page(path, root, lang)
        problems += found
        if page:
            pages[page.path] = page
    return pages, problems


def read_page(path: Path, root: Path, lang: str) -> tuple[Page | None, list[Problem]]:
    file = relative(path, root)
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        return None, [Problem(file, 1, None, "the page must start with a front matter block between two '---' lines")]
    meta, problems = yaml_source.parse(match.group(1), file, line_offset=1)
    if problems:
        return None, problems
    schema = "page" if lang == SOURCE else "translation"
    problems = validate.check(meta if meta is not None else {}, schema, file)
    body = text[match.end():]
    body_line = match.group(0).count("\n") + 1
    first = next((line for line in body.splitlines() if line.strip()), "")
    if not first.startswith("# "):
        problems.append(Problem(file, body_line, None, "the text must begin with the page title as a '# ' heading"))
    relpath = path.relative_to(root / "content" / lang).as_posix()
    return Page(lang, relpath, file, meta or {}, body, body_line, text), problems
