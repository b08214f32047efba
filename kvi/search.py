"""Search: Pagefind indexes the finished site, one index per <html lang>.

Only elements marked data-pagefind-body are indexed (the templates mark translated and
German pages, not fallback copies or the search page itself).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kvi.problems import Problem


def index(site_dir: Path) -> list[Problem]:
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip() or "no output"
        return [Problem("[pagefind]", None, None, f"search indexing failed: {output}")]
    return []
