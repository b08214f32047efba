"""QR codes for printed pages, as inline SVG (segno): sharp at any print size, no image files."""

from __future__ import annotations

import functools
import io

import segno
from markupsafe import Markup


@functools.lru_cache(maxsize=4096)
def svg(url: str, label: str) -> Markup:
    """An SVG QR code for url; label names it for screen readers (its <title>)."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    # No fixed size (the stylesheet sets it), no XML declaration: it is inlined into HTML.
    code.save(out, kind="svg", xmldecl=False, svgns=True, nl=False, omitsize=True, border=4,
              title=label, svgclass="kvi-qr__code", lineclass=None)
    # segno writes the label into <title> escaped (tests/site/test_escaping.py probes it).
    return Markup(out.getvalue().decode("utf-8"))
