"""Asking providers to confirm: letters listing what the site says, a log of answers that marks
entries confirmed, and a report of who was asked and who answered."""

import datetime
import shutil
from pathlib import Path

import pytest

from kvi import cli, confirm_letters, confirmations, exports, generate
from kvi import model as data_model
from kvi.languages import load_languages, load_ui_strings
from tests.conftest import project_in
from tests.unit.test_data_errors import line_of, replace

project = project_in("de", "en")  # these checks need no more languages

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "confirmations.example.yml"


@pytest.fixture
def logged(project: Path) -> Path:
    shutil.copyfile(FIXTURE, project / "data" / "confirmations.yml")
    return project


def test_an_answer_in_the_log_marks_every_block_of_its_entry_confirmed(logged):
    model, problems = data_model.load(logged)
    assert problems == []
    detmold = model.record("prisons", "jva-detmold").fields
    assert (detmold["last_checked"], detmold["status"]) == ("2026-11-27", "confirmed")
    assert (detmold["visits"]["last_checked"], detmold["visits"]["status"]) == ("2026-11-27", "confirmed")
    unanswered = model.record("offers", "elterntelefon").fields
    assert (unanswered["last_checked"], unanswered["status"]) == (None, "to_confirm")


def test_the_confirmed_prison_page_says_when_it_was_checked(logged):
    model, _ = data_model.load(logged)
    languages = load_languages(logged)
    ui, _ = load_ui_strings(logged, languages)
    page = next(page for page in generate.plan(model) if page.path == "jva/jva-detmold.md")
    body = generate.PageRenderer(languages[0], ui["de"], model).render(page).body
    assert "Zuletzt beim Anbieter geprüft am 27. November 2026." in body


def test_log_mistakes_name_file_line_and_field(logged):
    log = logged / "data" / "confirmations.yml"
    replace(log, "entry: offers/elterntelefon", "entry: offers/elterntelephon")
    replace(log, "answered: 2026-11-27", "answered: 2026-11-10")
    _, problems = data_model.load(logged)
    assert [str(p) for p in problems] == [
        f"data/confirmations.yml:{line_of(log, '2026-11-10')}: requests[2].answered: the answer (2026-11-10) "
        "is dated before the question (2026-11-20)",
        f"data/confirmations.yml:{line_of(log, 'elterntelephon')}: entry: 'offers/elterntelephon' names no entry: "
        "expected kind/id of an entry in data/, like prisons/jva-werl"]


def test_letters_list_every_published_fact_with_the_pages_and_the_answer_key(model, tmp_path):
    made = confirm_letters.write(model, "https://example.org/kvi/", tmp_path)
    prisons = [p for p in model.kinds["prisons"].values() if not generate.is_closed(p)]
    offers = model.kinds["offers"]
    assert sorted(entry.key for letter in made for entry in letter.entries) == sorted(
        [f"prisons/{p.id}" for p in prisons] + [f"offers/{o}" for o in offers])
    detmold = model.record("prisons", "jva-detmold").fields
    text = " ".join((tmp_path / "prisons-jva-detmold.txt").read_text(encoding="utf-8").split())
    facts = [detmold[name] for name in confirm_letters.PRISON_FIELDS if detmold.get(name)]
    facts += [detmold["visits"][name] for name in confirm_letters.VISIT_FIELDS if detmold["visits"].get(name)]
    assert len(facts) > 5
    for fact in facts:
        assert " ".join(fact.split()) in text
    for source in (detmold["source"] + " ; " + detmold["visits"]["source"]).split(" ; "):
        assert source in text
    assert "https://example.org/kvi/jva/jva-detmold/" in text
    assert "https://example.org/kvi/besuchskarten/jva-detmold/" in text
    assert "Kennung für Ihre Antwort: prisons/jva-detmold" in text
    helpline = model.record("helplines", "elterntelefon").fields["phone"]
    assert helpline in (tmp_path / "offers-elterntelefon.txt").read_text(encoding="utf-8")
    overview = (tmp_path / "versand.tsv").read_text(encoding="utf-8").splitlines()
    assert len(overview) == len(made) + 1
    assert not any("jva-iserlohn" in line for line in overview)  # closed: nobody to ask


def test_the_report_shows_who_was_asked_when_and_who_answered(logged, capsys):
    assert cli.main(["--root", str(logged), "confirm", "--report"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.split() == ["prisons/jva-detmold", "2026-11-20", "2026-11-27", "bestaetigt", "(AB)"] for line in out)
    assert any(line.split()[:3] == ["offers/elterntelefon", "2026-11-20", "—"] and "no answer yet" in line for line in out)
    total = sum(len(letter.entries) for letter in confirm_letters.letters(data_model.load(logged)[0], "https://x/"))
    assert out[-1] == f"{total} entries to confirm: 2 asked, 1 answered, {total - 2} never asked."


def test_the_log_is_never_published_as_open_data(logged):
    model, _ = data_model.load(logged)
    assert not any(name.startswith(confirmations.KIND) for name in exports.files(model, datetime.date(2026, 12, 5)))
