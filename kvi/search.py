"""Search: Pagefind indexes the finished site, one index per <html lang>.

Only elements marked data-pagefind-body are indexed (the templates mark translated and
German pages, not fallback copies or the search page itself).

Pagefind 1.5 writes its filter lists in a different order on every run (they come from a hash
map), so the files and the names that point to them change although nothing else did. After
indexing, the filters are put in a fixed order and renamed by their content, which makes two
builds byte-identical.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import cbor2

from kvi.problems import Problem

SIGNATURE = b"pagefind_dcd"  # what Pagefind puts before the CBOR data in each compressed file


def index(site_dir: Path) -> list[Problem]:
    return finish(site_dir, start(site_dir))


def start(site_dir: Path) -> subprocess.Popen:
    """Start indexing; the caller may do other work until finish()."""
    return subprocess.Popen([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(site_dir: Path, process: subprocess.Popen) -> list[Problem]:
    """Wait for the indexing started by start(); put its files in their fixed order."""
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        output = (stderr or stdout).strip() or "no output"
        return [Problem("[pagefind]", None, None, f"search indexing failed: {output}")]
    _fix_order(site_dir / "pagefind")
    return []


def _fix_order(bundle: Path) -> None:
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_file = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_file)
        filters = []
        for name, name_hash in meta[3]:
            old = bundle / "filter" / f"{name_hash}.pf_filter"
            content = _read(old)
            content[1] = sorted(content[1], key=lambda value: value[0])
            old.unlink()
            filters.append([name, _write(bundle / "filter", name_hash, content, ".pf_filter")])
        meta[3] = sorted(filters)
        meta_file.unlink()
        language["hash"] = _write(bundle, language["hash"], meta, ".pf_meta", prefix="pagefind.")
    entry_file.write_text(json.dumps(entry, separators=(",", ":"), sort_keys=True), encoding="utf-8")


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    return cbor2.loads(data[len(SIGNATURE):])


def _write(folder: Path, old_name: str, content, suffix: str, prefix: str = "") -> str:
    """Write content compressed under a name made from it (same form as Pagefind's); return the name."""
    data = gzip.compress(SIGNATURE + cbor2.dumps(content), compresslevel=9, mtime=0)
    language, old_hash = old_name.rsplit("_", 1)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:len(old_hash)]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(data)
    return name
