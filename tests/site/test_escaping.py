"""Data and UI strings never become markup: every free-text field of every data kind, every
language name and every UI string gets HTML appended at once, the whole site is built, and
every built page is parsed for elements or attributes that came from that probe.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from referencing._core import Resolver  # not re-exported by the package

from kvi import validate
from kvi.build import build, copy_project
from kvi.model import kinds
from tests.conftest import BUILD_DATE

# A script, an image with an event handler, the end of a script (and of a title and a text
# area), and values that break out of double- and single-quoted attributes.
PROBE = (' kvi-probe"\'><kvi-probe></kvi-probe><script>kviProbe()</script><img src=x onerror=kviProbe()>'
         '</script></title></textarea>" data-kvi-probe="1\' data-kvi-probe=\'1')
LIVE_ELEMENTS = {"kvi-probe"}
LIVE_ATTRIBUTES = {"data-kvi-probe", "onerror"}
# What the probe looks like when it was escaped twice (shown to readers as "&lt;kvi-probe&gt;").
ESCAPED_TWICE = "&lt;kvi-probe"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
JSON_SCRIPTS = {"application/json", "application/ld+json"}


def free_text(schema: dict) -> bool:
    """A string field with no fixed form: ids, dates, phone numbers and web addresses have one."""
    types = schema.get("type")
    types = types if isinstance(types, list) else [types]
    return "string" in types and not ({"pattern", "format", "enum", "const"} & set(schema))


def resolved(schema: object, resolver: Resolver) -> tuple[dict, Resolver]:
    """A schema with its $ref followed, and the resolver for refs inside it."""
    if not isinstance(schema, dict):
        return {}, resolver
    while "$ref" in schema:
        found = resolver.lookup(schema["$ref"])
        schema, resolver = found.contents, found.resolver
    return schema, resolver


def property_schema(schema: dict, name: str, resolver: Resolver) -> tuple[dict, Resolver]:
    """The schema of one property, looked up in the object itself and in its allOf parts."""
    parts = [(schema, resolver)] + [resolved(part, resolver) for part in schema.get("allOf", [])]
    for part, part_resolver in parts:
        found = part.get("properties", {}).get(name)
        if isinstance(found, dict):
            return resolved(found, part_resolver)
    return {}, resolver


def branch(value: object, schema: dict, resolver: Resolver) -> tuple[dict, Resolver]:
    """Of a oneOf/anyOf, the alternative for the value's type (a text, or null while unknown)."""
    wanted = {str: "string", list: "array", dict: "object"}.get(type(value))
    for alternative in schema.get("oneOf", []) + schema.get("anyOf", []):
        found, found_resolver = resolved(alternative, resolver)
        types = found.get("type")
        if wanted in (types if isinstance(types, list) else [types]):
            return found, found_resolver
    return schema, resolver


def probe(value: object, schema: dict, resolver: Resolver) -> object:
    """value with PROBE appended to every free-text string the schema describes."""
    schema, resolver = branch(value, *resolved(schema, resolver))
    if isinstance(value, str):
        return value + PROBE if free_text(schema) else value
    if isinstance(value, list):
        return [probe(item, schema.get("items", {}), resolver) for item in value]
    if isinstance(value, dict):
        if isinstance(schema.get("additionalProperties"), dict) and not schema.get("properties"):
            return {key: probe(item, schema["additionalProperties"], resolver) for key, item in value.items()}
        return {key: probe(item, *property_schema(schema, key, resolver)) for key, item in value.items()}
    return value


def probed_project(target: Path) -> Path:
    project = copy_project(target)
    # The real operator data is still empty: the example fills the legal pages, to probe them too.
    shutil.copyfile(FIXTURES / "operator.example.yml", project / "data" / "operator.yml")
    for kind in kinds(project):
        path = project / "data" / f"{kind}.yml"
        schema = {"$ref": f"{kind}.schema.json"}
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rewritten = probe(data, schema, validate._registry().resolver())
        path.write_text(yaml.safe_dump(rewritten, allow_unicode=True, sort_keys=False), encoding="utf-8")
    languages = project / "i18n" / "languages.yml"
    entries = yaml.safe_load(languages.read_text(encoding="utf-8"))
    for entry in entries:
        entry["name"] += PROBE
        # The probe breaks the easy-read rules on purpose (brackets, long sentences), which would
        # stop the build; what easy-read adds (line breaks, hours in words) holds no free text.
        entry.pop("easy_read", None)
    languages.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # Leichte Sprache is rewritten, not translated: as an ordinary language here, its pages would
    # fail the parity check. Marked as made from an older German text, they are not compared (and
    # show the outdated notice, one more UI string with the probe).
    for page in (project / "content" / "ls").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"source_hash: \S+", "source_hash: '000000000000'", text, count=1), encoding="utf-8")
    for strings in (project / "i18n" / "ui").glob("*.yml"):
        data = yaml.safe_load(strings.read_text(encoding="utf-8"))
        strings.write_text(yaml.safe_dump({key: text + PROBE for key, text in data.items()},
                                          allow_unicode=True, sort_keys=True), encoding="utf-8")
    return project


class ProbeFinder(HTMLParser):
    """Collects what of the probe became markup, and what was escaped twice."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.script: str | None = None  # type of the script element being read
        self.script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in LIVE_ELEMENTS:
            self.found.append(f"live element <{tag}> at line {self.getpos()[0]}")
        for name, value in attrs:
            if name in LIVE_ATTRIBUTES:
                self.found.append(f"live attribute {name} on <{tag}> at line {self.getpos()[0]}")
            if value and ESCAPED_TWICE in value:
                self.found.append(f"escaped twice in {name} of <{tag}> at line {self.getpos()[0]}")
        if tag == "script":
            self.script = dict(attrs).get("type") or "text/javascript"
            self.script_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script is not None:
            self._check_script(self.script, "".join(self.script_text))
            self.script = None

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script_text.append(data)
        elif ESCAPED_TWICE in data:
            self.found.append(f"escaped twice in text at line {self.getpos()[0]}")

    def _check_script(self, kind: str, text: str) -> None:
        if kind in JSON_SCRIPTS:
            try:
                json.loads(text)
            except ValueError as error:
                self.found.append(f"{kind} script is no longer valid JSON ({error}) at line {self.getpos()[0]}")
        elif "kviProbe" in text:
            self.found.append(f"live script with the probe at line {self.getpos()[0]}")


def findings(html: str) -> list[str]:
    finder = ProbeFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def visible_text(html: str) -> str:
    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return "".join(parser.parts)


@pytest.fixture(scope="module")
def probed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = probed_project(tmp_path_factory.mktemp("probed"))
    out = project / "site"
    build(out, "http://127.0.0.1:8000/", BUILD_DATE, root=project)
    return out


def test_the_probe_reaches_every_kind_of_data(tmp_path: Path) -> None:
    """The probe itself must not miss a data kind with free text (else the test proves little)."""
    def probed(value: object) -> bool:
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            return any(probed(item) for item in value)
        return isinstance(value, str) and value.endswith(PROBE)

    project = probed_project(tmp_path / "project")
    data = {kind: yaml.safe_load((project / "data" / f"{kind}.yml").read_text(encoding="utf-8"))
            for kind in kinds(project)}
    # Postcodes hold only ids; an empty kind (no events yet) has nothing to probe.
    assert [kind for kind, entries in data.items() if entries and kind != "postcodes" and not probed(entries)] == []


def test_no_page_turns_data_or_ui_strings_into_markup(probed_site: Path) -> None:
    problems = []
    pages = sorted(probed_site.rglob("*.html"))
    assert len(pages) > 1000
    for path in pages:
        problems += [f"{path.relative_to(probed_site)}: {found}" for found in findings(path.read_text(encoding="utf-8"))]
    assert problems == [], f"{len(problems)} findings, first ones:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("page", ["index.html", "ar/index.html", "kinder/8-12/reden/index.html",
                                  "en/jva/index.html"])
def test_the_probe_is_shown_as_text(probed_site: Path, page: str) -> None:
    """Escaped once, not dropped: readers see exactly what the editor wrote.

    The home pages name the network through a data reference (content/*/index.md), the
    children's page the helpline; every page shows the helplines box from data."""
    text = visible_text((probed_site / page).read_text(encoding="utf-8"))
    assert PROBE in text


def test_a_data_reference_in_markdown_stays_text(probed_site: Path) -> None:
    """content/de/index.md refers to {{ organisation.landesfachstelle.name }}."""
    html = (probed_site / "index.html").read_text(encoding="utf-8")
    main = html.split('data-pagefind-body', 1)[1].split("</article>", 1)[0]
    assert "kvi-probe" in main and "<kvi-probe>" not in main
    assert findings(html) == []
