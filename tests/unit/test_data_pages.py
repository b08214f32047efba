"""Data pages render safely and offer corrections where the operator has set them up."""

import shutil
from pathlib import Path

from kvi import generate
from kvi.build import ROOT, load_inputs
from kvi.languages import load_languages, load_ui_strings
from kvi.model import load

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _renderer(project: Path, code: str = "de", model=None, languages=None):
    """Renders a data page of the project by path, in one language; model and languages are
    loaded from the project unless given (the session's, for the real project)."""
    if model is None:
        model, problems = load(project)
        assert problems == []
    languages = languages or load_languages(project)
    ui, _ = load_ui_strings(project, languages)
    language = next(lang for lang in languages if lang.code == code)
    renderer = generate.PageRenderer(language, ui[code], model)
    planned = {page.path: page for page in generate.plan(model)}
    return lambda path: renderer.render(planned[path]).body


def _render(project: Path, path: str) -> str:
    return _renderer(project)(path)


def test_data_text_is_escaped(project):
    offers = project / "data" / "offers.yml"
    text = offers.read_text(encoding="utf-8")
    text = text.replace("description: ", "description: <script>alert(1)</script> **fett** ", 1)
    offers.write_text(text, encoding="utf-8")
    model, _ = load(project)
    first = next(iter(model.kinds["offers"]))
    body = _render(project, f"angebote/{first}.md")
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_correction_links_appear_once_the_operator_sets_them_up(project):
    assert "kvi-report" not in _render(project, "jva/jva-koeln.md")
    shutil.copyfile(FIXTURES / "operator.example.yml", project / "data" / "operator.yml")
    body = _render(project, "jva/jva-koeln.md")
    assert ('href="https://github.com/example-org/kvi-site/issues/new?template=korrektur.yml'
            '&amp;title=Korrektur%3A%20JVA%20K%C3%B6ln') in body
    assert 'href="mailto:redaktion@example.org?subject=Korrektur%3A%20JVA%20K%C3%B6ln' in body
    assert "&amp;seite=jva/jva-koeln/&amp;eintrag=data/prisons.yml%3A" in body  # the issue form's fields


def test_missing_prison_facts_point_to_a_known_contact(model, languages):
    render = _renderer(ROOT, model=model, languages=languages)
    for prison in model.kinds["prisons"].values():
        body = render(f"jva/{prison.id}.md")
        if not prison.fields.get("address"):
            assert "Die genaue Anschrift ist uns nicht bekannt" in body
            assert prison.fields.get("web", "") in body or "Besuchsabteilung" in body or "Gericht" in body


def test_every_page_in_every_language_renders(project, languages):
    inputs = load_inputs(ROOT)  # build date: today
    codes = {page.lang for page in inputs.rendered}
    assert codes == {language.code for language in languages}
    german = {page.path for page in inputs.rendered if page.lang == "de"}
    for code in codes:  # untranslated pages are there too, in German with a notice
        paths = {page.path for page in inputs.rendered if page.lang == code}
        assert (sorted(german - paths), sorted(paths - german)) == ([], []), code
    paths = {page.path for page in inputs.rendered if page.lang == "ar"}
    assert {"kreise/koeln.md", "jva/jva-iserlohn.md", "glossar.md", "orte/index.md"} <= paths
