"""Put a finished build in place in one step, so a failed build never leaves a half-written site."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def staging_dir(target: Path) -> Path:
    """An empty folder beside the target (same file system, so the final rename is atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))


def swap(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    # mkdtemp creates 0700 folders; a web server needs to read the site.
    target.chmod(0o755)
    shutil.rmtree(old, ignore_errors=True)


def discard(new: Path) -> None:
    shutil.rmtree(new, ignore_errors=True)
