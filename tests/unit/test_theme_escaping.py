"""The theme templates escape what they print; markup passes only where it is meant to.

The built-site probe (tests/site/test_escaping.py) proves the result; these checks name the
template to fix within a second."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import Markup

from kvi import formatting
from kvi.render import theme_markup

OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"
TEMPLATES = sorted(path for path in OVERRIDES.rglob("*.html") if "assets" not in path.parts)
MARKUP = OVERRIDES / "partials" / "kvi" / "markup.html"
BLOCK = re.compile(r"\{%-?\s*block\s+(\w+)\s*-?%\}(.*?)\{%-?\s*endblock", re.DOTALL)
COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
OUTPUT = re.compile(r"\{\{(?!-?\s*super\(\)\s*-?\}\})")  # any {{ … }} except {{ super() }}


def parts_that_print(template: Path) -> list[tuple[str, str]]:
    """(name, text) of each part that prints values: every block of a template that extends
    another, or the whole file otherwise."""
    text = COMMENT.sub("", template.read_text(encoding="utf-8"))
    parts = BLOCK.findall(text) if "{% extends" in text else [(template.name, text)]
    return [(name, body) for name, body in parts if OUTPUT.search(body)]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(OVERRIDES)))
def test_every_part_of_a_theme_template_escapes(template: Path) -> None:
    unescaped = [name for name, body in parts_that_print(template) if "autoescape true" not in body]
    assert unescaped == [], f"{template.name}: wrap these in {{% autoescape true %}}: {unescaped}"


def test_markup_is_printed_as_it_is_in_one_place_only() -> None:
    trusting = [str(path.relative_to(OVERRIDES)) for path in TEMPLATES
                if path != MARKUP and re.search(r"\|\s*safe\b|autoescape\s+false", path.read_text(encoding="utf-8"))]
    assert trusting == []


def test_only_markup_built_on_purpose_reaches_the_theme_as_markup() -> None:
    assert theme_markup(formatting.phone_link("116 111")) == {
        "html": '<a href="tel:116111" class="kvi-phone" dir="ltr">116 111</a>'}
    with pytest.raises(TypeError):
        theme_markup('<a href="tel:116111">116 111</a>')  # type: ignore[arg-type]


def test_links_escape_what_they_show() -> None:
    link = formatting.web_link('https://example.org/?a=1&b="x"<')
    assert isinstance(link, Markup)
    assert link == '<a href="https://example.org/?a=1&amp;b=&#34;x&#34;&lt;" dir="ltr">example.org/?a=1&amp;b=&#34;x&#34;&lt;</a>'
