"""Translation status of every page in every language: current, outdated, missing, orphaned."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kvi import pages
from kvi.build import ROOT
from kvi.languages import SOURCE, load_languages


@dataclass(frozen=True)
class Status:
    lang: str
    path: str
    state: str  # current | outdated | missing | orphaned
    reviewed: bool
    source_hash: str


def statuses(root: Path = ROOT) -> list[Status]:
    languages = load_languages(root)
    german, _ = pages.load_tree(root, SOURCE)
    found = []
    for language in languages[1:]:
        tree, _ = pages.load_tree(root, language.code)
        for path in sorted(set(german) | set(tree)):
            source, page = german.get(path), tree.get(path)
            record = page.meta.get("translation", {}) if page else {}
            if source is None:
                state = "orphaned"
            elif page is None:
                state = "missing"
            elif record.get("source_hash") == source.source_hash:
                state = "current"
            else:
                state = "outdated"
            found.append(Status(language.code, path, state, bool(record.get("reviewed")),
                                source.source_hash if source else ""))
    return found


def print_report(root: Path = ROOT) -> int:
    print(f"{'language':8}  {'page':40}  {'state':9}  {'reviewed':8}  source_hash")
    for status in statuses(root):
        reviewed = "yes" if status.reviewed else "no"
        print(f"{status.lang:8}  {status.path:40}  {status.state:9}  {reviewed:8}  {status.source_hash}")
    return 0
