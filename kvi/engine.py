"""The static-site engine: one MkDocs build per language from a generated config.

This is the only module that knows MkDocs. Each language gets a small config that inherits
mkdocs.yml; builds run as separate processes, two at a time, so no theme state leaks from
one language into the next.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

from kvi.languages import Language
from kvi.problems import Problem

WORKERS = 2
MESSAGE = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
DOC_FILE = re.compile(r"'([^']+\.md)'")


@dataclass(frozen=True)
class LanguageBuild:
    language: Language
    config: dict  # language-specific settings, written over the shared base
    sources: dict[str, str]  # page path → content file, to word messages for editors


def write_config(root: Path, build: LanguageBuild, config_dir: Path) -> Path:
    config_dir.mkdir(parents=True, exist_ok=True)
    path = config_dir / f"mkdocs.{build.language.code}.yml"
    text = yaml.safe_dump({"INHERIT": str(root / "mkdocs.yml"), **build.config},
                          allow_unicode=True, sort_keys=True)
    path.write_text(text, encoding="utf-8")
    return path


def build_all(root: Path, builds: list[LanguageBuild], config_dir: Path, build_date: int) -> list[Problem]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(build_date), "NO_MKDOCS_2_WARNING": "1"}
    configs = [write_config(root, build, config_dir) for build in builds]
    with ThreadPoolExecutor(WORKERS) as pool:
        results = pool.map(lambda pair: _build_one(*pair, env), zip(builds, configs))
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
