"""Letters to the providers (`kvi confirm`): everything the site publishes about them, to confirm.

One letter per prison in operation and one per offer provider (offers with the same provider
share a letter). Each lists the facts (the template templates/confirm-letter.txt.j2 gives them
their German labels), the pages that show them and the key an editor records the answer under in
data/confirmations.yml.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from kvi import formatting, source_kinds
from kvi.addresses import page_of
from kvi.generate import TEMPLATES, is_closed
from kvi.model import OPERATOR_ID, ORGANISATION_ID, Model, Record

PRISON_FIELDS = ["address", "phone", "email", "web", "type_note", "status_note"]
VISIT_FIELDS = ["booking", "booking_phone", "booking_web", "times", "id_rules", "items", "children", "long_term",
                "family_offers", "other"]
OFFER_FIELDS = ["provider", "description", "address", "phone", "email", "web", "opening_hours", "hours_note",
                "contact_note", "cost", "languages", "age_note", "access", "accessibility"]


@dataclass
class Entry:
    key: str  # kind/id, as in data/confirmations.yml
    title: str
    pages: list[str]
    facts: list[tuple[str, str]]  # (field, value as text); the template gives each field its label
    sources: list[str]


@dataclass
class Letter:
    name: str  # file name
    addressee: str
    send_to: str  # where the letter goes, as far as the data knows
    entries: list[Entry] = field(default_factory=list)


def letters(model: Model, base_url: str) -> list[Letter]:
    """The letters for every prison in operation and every offer provider."""
    base = base_url.rstrip("/") + "/"
    found = []
    for prison in sorted(model.kinds.get("prisons", {}).values(), key=lambda r: r.id):
        if not is_closed(prison):
            found.append(Letter(f"prisons-{prison.id}.txt", f"Ihre Einrichtung ({prison.fields['name']})",
                                _send_to(prison.fields), [_prison(prison, base)]))
    by_provider: dict[str, Letter] = {}
    for offer in sorted(model.kinds.get("offers", {}).values(), key=lambda r: r.id):
        provider = offer.fields.get("provider") or offer.fields["name"]
        letter = by_provider.setdefault(provider, Letter(f"offers-{offer.id}.txt", "", _send_to(offer.fields)))
        letter.entries.append(_offer(offer, model, base))
    for letter in by_provider.values():
        names = " und ".join(f"„{entry.title}“" for entry in letter.entries)
        letter.addressee = f"Ihre Angebote {names}" if len(letter.entries) > 1 else f"Ihr Angebot {names}"
    return found + list(by_provider.values())


def write(model: Model, base_url: str, out: Path) -> list[Letter]:
    """Write each letter as a text file and an overview (versand.tsv: file, entries, where to send)."""
    out.mkdir(parents=True, exist_ok=True)
    made = letters(model, base_url)
    operator = model.record("operator", OPERATOR_ID)
    reply_to = operator.fields.get("editors_email") if operator else None
    organisation = model.record("organisation", ORGANISATION_ID)
    sender = f"Redaktion der {organisation.fields['name']}" if organisation else "Die Redaktion"
    template = _environment().get_template("confirm-letter.txt.j2")
    for letter in made:
        text = template.render(letter=letter, reply_to=reply_to, sender=sender)
        (out / letter.name).write_text(text, encoding="utf-8")
    overview = ["file\tentries\tsend to"] + [
        f"{letter.name}\t{' '.join(entry.key for entry in letter.entries)}\t{letter.send_to}" for letter in made]
    (out / "versand.tsv").write_text("\n".join(overview) + "\n", encoding="utf-8")
    return made


@functools.cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def _prison(prison: Record, base: str) -> Entry:
    fields = prison.fields
    visits = fields.get("visits", {})
    facts = _facts(fields, PRISON_FIELDS) + [(f"visits.{name}", value) for name, value in _facts(visits, VISIT_FIELDS)]
    pages = [base + page_of("prisons", prison.id).url, base + page_of("visit_cards", prison.id).url]
    sources = source_kinds.split(str(fields.get("source") or "")) + source_kinds.split(str(visits.get("source") or ""))
    return Entry(f"prisons/{prison.id}", fields["name"], pages, facts, list(dict.fromkeys(sources)))


def _offer(offer: Record, model: Model, base: str) -> Entry:
    """An offer's facts; a helpline's number and hours, which its page shows, come from data/helplines.yml."""
    facts = _facts(offer.fields, OFFER_FIELDS)
    sources = source_kinds.split(str(offer.fields.get("source") or ""))
    helpline = model.record("helplines", offer.fields["helpline"]) if offer.fields.get("helpline") else None
    if helpline:
        facts += [(f"helpline.{name}", value) for name, value in _facts(helpline.fields, ["phone", "opening_hours"])]
        sources += source_kinds.split(str(helpline.fields.get("source") or ""))
    return Entry(f"offers/{offer.id}", offer.fields["name"], [base + page_of("offers", offer.id).url], facts,
                 list(dict.fromkeys(sources)))


def _facts(fields: dict, names: list[str]) -> list[tuple[str, str]]:
    return [(name, _value(fields[name])) for name in names if fields.get(name)]


def _value(value: object) -> str:
    if isinstance(value, dict) and "street" in value:
        return f"{value['street']}, {value.get('postcode', '')} {value['town']}".replace(",  ", ", ")
    if isinstance(value, list) and value and isinstance(value[0], dict) and "days" in value[0]:
        return formatting.opening_hours(value, "de")
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return " ".join(str(value).split())


def _send_to(fields: dict) -> str:
    """The contact the data knows for the provider: e-mail, else phone, else web site."""
    visits = fields.get("visits", {})
    for value in (fields.get("email"), fields.get("phone"), visits.get("booking_phone"), fields.get("web")):
        if value:
            return value if isinstance(value, str) else ", ".join(value)
    return "unbekannt – Kontakt über die Internetseite suchen"
