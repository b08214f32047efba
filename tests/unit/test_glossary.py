"""The glossary (data/glossary.yml) is complete, translated and consistent."""

import re

import pytest

LANGUAGES = ["ls", "en", "tr", "ar", "ru", "uk", "pl"]

# The terms the glossary must explain (by its German term or one of its other names).
REQUIRED_TERMS = [
    "Untersuchungshaft", "U-Haft", "Strafhaft", "Jugendstrafe", "Jugendarrest",
    "Offener Vollzug", "Geschlossener Vollzug", "Justizvollzugsanstalt", "JVA",
    "Vollstreckungsplan", "Besuchsantrag", "Besuchserlaubnis", "Besuchszeit", "Langzeitbesuch",
    "Aktenzeichen", "Sozialdienst", "Familienbeauftragte", "Haftentlassung", "Lockerungen",
    "Ausgang", "Hafturlaub", "Jugendamt", "Erziehungsberatungsstelle", "Straffälligenhilfe",
    "Staatsanwaltschaft", "Pflichtverteidigung", "Anwältin", "Telefonieren in Haft", "Telefonzeit",
]


@pytest.fixture(scope="module")
def glossary(model):
    return model.kinds["glossary"]


@pytest.fixture(scope="module")
def entries(glossary):
    return list(glossary.values())


def names(entry) -> set[str]:
    return {n.casefold() for n in [entry.fields["term"], *entry.fields.get("also", [])]}


def sort_key(term: str) -> str:
    """German dictionary order: umlauts sort as their base letter (DIN 5007-1)."""
    term = term.casefold()
    for umlaut, base in (("ä", "a"), ("ö", "o"), ("ü", "u"), ("ß", "ss")):
        term = term.replace(umlaut, base)
    return term


def test_glossary_loads_without_problems(glossary):
    # The model fixture fails on any problem in data/, this file's included.
    assert glossary and {e.file for e in glossary.values()} == {"data/glossary.yml"}


def test_at_least_22_entries_with_unique_ids_and_terms(entries):
    assert len(entries) >= 22
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    terms = [e.fields["term"].casefold() for e in entries]
    assert len(terms) == len(set(terms))


def test_no_name_belongs_to_two_entries(entries):
    seen: dict[str, str] = {}
    for entry in entries:
        for name in names(entry):
            assert name not in seen, f"'{name}' is in both {seen.get(name)} and {entry.id}"
            seen[name] = entry.id


def test_ids_are_slugs_of_the_terms(entries):
    for entry in entries:
        slug = entry.fields["term"].lower()
        for umlaut, ascii_ in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
            slug = slug.replace(umlaut, ascii_)
        assert entry.id == re.sub(r"[^a-z0-9]+", "-", slug).strip("-")


def test_sorted_alphabetically_by_german_term(entries):
    terms = [e.fields["term"] for e in sorted(entries, key=lambda e: e.line)]
    assert terms == sorted(terms, key=sort_key)


@pytest.mark.parametrize("term", REQUIRED_TERMS)
def test_required_term_is_covered(term, entries):
    assert any(term.casefold() in names(e) for e in entries), term


def test_every_entry_has_all_seven_translations_of_term_and_definition(entries):
    for entry in entries:
        translations = entry.fields["translations"]
        assert sorted(translations) == sorted(LANGUAGES), entry.id
        for language in LANGUAGES:
            assert set(translations[language]) == {"term", "definition"}, (entry.id, language)
            assert translations[language]["term"].strip(), (entry.id, language)
            assert translations[language]["definition"].strip(), (entry.id, language)


def test_translated_terms_keep_the_german_term_in_brackets(entries):
    for entry in entries:
        for language in LANGUAGES[1:]:
            translated = entry.fields["translations"][language]["term"]
            bracket = re.search(r"\(([^)]*)\)\s*$", translated)
            assert bracket, (entry.id, language, translated)
            assert entry.fields["term"].casefold() in bracket.group(1).casefold(), (entry.id, language)


def test_leichte_sprache_splits_long_compounds_with_a_middle_dot(entries):
    for entry in entries:
        ls_term = entry.fields["translations"]["ls"]["term"]
        assert ls_term.replace("·", "").casefold() == entry.fields["term"].casefold(), entry.id
        if any(len(word) > 12 for word in entry.fields["term"].split()):
            assert "·" in ls_term, entry.id


def test_definitions_are_short(entries):
    for entry in entries:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", entry.fields["definition"].strip()) if s]
        assert 1 <= len(sentences) <= 3, entry.id


def test_every_related_id_exists_and_is_not_the_entry_itself(entries, glossary):
    for entry in entries:
        for related in entry.fields.get("related", []):
            assert related in glossary, (entry.id, related)
            assert related != entry.id


def test_provenance_is_unconfirmed_and_translations_unreviewed(entries):
    for entry in entries:
        assert entry.fields["last_checked"] is None
        assert entry.fields["status"] == "to_confirm"
        assert entry.fields["reviewed_translations"] is False


# Entries that state a rule of NRW law name the law's text or the justice ministry's page.
PRIMARY = ("https://recht.nrw.de/", "http://www.jm.nrw.de/", "https://www.justiz.nrw", "http://www.justiz.nrw.de/")


def test_rules_of_law_rest_on_the_law_or_the_authority(glossary):
    for entry_id in ("besuchszeit", "untersuchungshaft", "strafhaft", "besuchserlaubnis", "vollstreckungsplan",
                     "paketregelung"):
        sources = glossary[entry_id].fields["source"].split(" ; ")
        assert sources and all(source.startswith(PRIMARY) for source in sources), entry_id


def test_the_corrected_nrw_facts(glossary):
    """The rules the families issue corrected: visiting time per kind of detention, remand until
    the judgment is final, the permit only where the court restricted visits, parcels."""
    besuchszeit = glossary["besuchszeit"].fields["definition"]
    assert all(words in besuchszeit for words in ("zwei Stunden", "minderjährigen Kindern", "Untersuchungshaft",
                                                  "Strafhaft", "Jugendstrafe", "vier Stunden"))
    assert "§" not in besuchszeit
    u_haft = glossary["untersuchungshaft"].fields
    assert "U-Haft" in u_haft["also"]
    assert "rechtskräftig" in u_haft["definition"] and "beschränkt" in u_haft["definition"]
    assert "während noch ermittelt wird" not in u_haft["definition"]
    assert "Gefangene einen Antrag" in glossary["strafhaft"].fields["definition"]
    plan = glossary["vollstreckungsplan"].fields["definition"]
    assert all(word in plan for word in ("Alter", "Geschlecht", "Gerichtsbezirken", "Einweisungsverfahren"))
    parcels = glossary["paketregelung"].fields["definition"]
    assert "Erlaubnis" in parcels and "Nahrungs- und Genussmittel" in parcels and "in jeder JVA anders" not in parcels
    assert "JVA" in glossary["justizvollzugsanstalt"].fields["also"]


def test_rules_that_vary_by_prison_send_readers_to_the_jva(glossary):
    for entry_id in ("besuchszeit", "langzeitbesuch", "paketregelung", "telefonieren-in-haft",
                     "besuchsantrag", "justizvollzugsanstalt"):
        assert "JVA" in glossary[entry_id].fields["definition"], entry_id
