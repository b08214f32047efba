"""Data references in pages: resolved per language."""

from kvi.references import resolve


def test_german_data_text_is_marked_inside_other_languages(model):
    ref = "{{ organisation.landesfachstelle.name }}"
    arabic, _ = resolve(ref, model, "ar", "x.md", 1, german_in_foreign_text=True)
    german, _ = resolve(ref, model, "de_DE", "x.md", 1)
    assert arabic == '<span lang="de" dir="ltr">Landesfachstelle Netzwerk Kinder von Inhaftierten NRW</span>'
    assert german == "Landesfachstelle Netzwerk Kinder von Inhaftierten NRW"
