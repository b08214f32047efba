"""axe-core, ready to inject into a page (installed from the npm registry by `make test`)."""

from __future__ import annotations

from playwright.sync_api import Page

from kvi.build import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")


def run_axe(page: Page, tags: tuple[str, ...] = WCAG_22_AA) -> list[dict]:
    """axe-core's violations on the loaded page."""
    if not AXE.exists():
        raise RuntimeError("Missing tool: axe-core. Run 'make test' (it runs npm ci).")
    page.add_script_tag(path=str(AXE))
    return page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
                         list(tags))
