"""What kind of source a data entry cites, and whether its facts rest on the right kind.

primary: the provider itself (the entry's own web address, or a provider's site listed in
data/source_domains.yml) or a responsible authority listed there; secondary: every other site
(press, encyclopaedias, directories); mirror: a listed copy or scraper, never accepted; named: a
source written in words (a register, a phone call), which counts as primary only once a person
confirmed the block or it comes from an official register. Which fields need a primary source is
marked x-needs-primary in the schemas.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from kvi import provenance, validate
from kvi.model import Model, Record
from kvi.problems import Problem

KIND = "source_domains"
# Statuses under which a source written in words counts as primary: a person confirmed the facts
# with the provider, or they come from an official register.
VOUCHED = (provenance.CONFIRMED, provenance.OFFICIAL)
# Pages warn that facts may be out of date when their source is from before this year.
RECENT_SINCE = 2023


@dataclass(frozen=True)
class Cited:
    text: str  # as the editor wrote it
    url: str | None
    domain: str | None  # without "www."
    kind: str  # primary, secondary, mirror or named


def split(source: str) -> list[str]:
    """The parts of a source field: web addresses or notes, separated by ' ; '."""
    return [part.strip() for part in source.split(" ; ") if part.strip()]


def domain_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").rstrip(".")
    return host.removeprefix("www.")


def _matches(domain: str, pattern: str) -> bool:
    """A domain matches a listed one when it is that domain or one of its subdomains."""
    return any(fnmatch.fnmatchcase(candidate, pattern)
               for candidate in _suffixes(domain))


def _suffixes(domain: str) -> Iterator[str]:
    parts = domain.split(".")
    for start in range(len(parts) - 1):
        yield ".".join(parts[start:])


class Classifier:
    """Sorts cited sources by the lists in data/source_domains.yml."""

    def __init__(self, model: Model):
        listed = model.kinds.get(KIND, {}).values()
        self.authorities = [(r.id, r) for r in listed if r.fields["kind"] in ("authority", "provider")]
        self.mirrors = [(r.id, r) for r in listed if r.fields["kind"] == "mirror"]

    def mirror(self, domain: str) -> Record | None:
        return next((record for pattern, record in self.mirrors if _matches(domain, pattern)), None)

    def cite(self, text: str, own: Iterable[str] = ()) -> Cited:
        """One part of a source field, for an entry whose own web addresses are own."""
        if not text.startswith(("http://", "https://")):
            return Cited(text, None, None, "named")
        domain = domain_of(text)
        if self.mirror(domain):
            kind = "mirror"
        elif any(_matches(domain, domain_of(web)) for web in own) or \
                any(_matches(domain, pattern) for pattern, _ in self.authorities):
            kind = "primary"
        else:
            kind = "secondary"
        return Cited(text, text, domain, kind)

    def block(self, block: dict, own: Iterable[str]) -> list[Cited]:
        return [self.cite(part, own) for part in split(str(block.get("source") or ""))]


def own_web(record: Record) -> list[str]:
    """The entry's own web addresses: web is one address or a list of them."""
    web = record.fields.get("web")
    return [web] if isinstance(web, str) else [item for item in web or [] if isinstance(item, str)]


def needs_primary(kind: str, part: str | None) -> set[str]:
    """The fields of a kind's entry (or of its block part) marked x-needs-primary in the schema."""
    items = validate.schema(kind).get("items", {})
    properties = items.get("properties", {})
    if part:
        properties = _resolved(kind, properties.get(part, {})).get("properties", {})
    return {name for name, spec in properties.items()
            if isinstance(spec, dict) and spec.get("x-needs-primary") is True}


def _resolved(kind: str, spec: dict) -> dict:
    if "$ref" in spec:
        return validate.resolver(kind).lookup(spec["$ref"]).contents
    return spec


def check(model: Model) -> list[Problem]:
    """A block citing a mirror, or whose facts that need a primary source cite none."""
    classifier = Classifier(model)
    problems = []
    for _, records in sorted(model.kinds.items()):
        for record in records.values():
            own = own_web(record)
            for part, block in provenance.blocks(record.fields):
                problems += _check_block(classifier, record, part, block, own)
    return problems


def _check_block(classifier: Classifier, record: Record, part: str | None, block: dict,
                 own: list[str]) -> list[Problem]:
    field = f"{part}.source" if part else "source"
    line = block.line_of("source") if hasattr(block, "line_of") else record.line
    cited = classifier.block(block, own)
    problems = []
    for item in cited:
        if item.kind == "mirror":
            mirror = classifier.mirror(item.domain or "")
            what = mirror.fields["name"] if mirror else "a mirror"
            problems.append(Problem(record.file, line, field,
                                    f"{item.domain} is listed as a mirror in data/source_domains.yml ({what}) "
                                    f"and is no source: cite the original page of the provider or authority"))
    facts = sorted(name for name in needs_primary(record.kind, part) if block.get(name))
    vouched = block.get("status") in VOUCHED
    if facts and not any(item.kind == "primary" or (item.kind == "named" and vouched) for item in cited):
        problems.append(Problem(record.file, line, field,
                                f"{', '.join(facts)}: facts like these need a primary source (the entry's own "
                                f"web site or an authority listed in data/source_domains.yml); this block cites "
                                f"only {_described(cited)}"))
    return problems


def _described(cited: list[Cited]) -> str:
    if not cited:
        return "nothing"
    return ", ".join(f"{item.domain or item.text} ({item.kind})" for item in cited)
