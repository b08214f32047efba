"""Editors' reports: translation status per page and language, completeness of the prison
data, and each report on the command line (a table, exit 0 unless --fail finds something).
The review report is tested in test_review.py."""

from kvi import translation_status
from kvi.build import ROOT
from kvi.cli import main
from kvi.model import Model, load
from kvi.reports import PRISON_FIELDS, print_prison_report, prison_gap_totals, prison_gaps
from tests.conftest import project_in

project = project_in("de", "en")  # these checks need no more languages


def test_every_report_runs_on_the_real_data(capsys):
    assert main(["review"]) == 0
    assert "entries overdue for a check" in capsys.readouterr().out
    assert main(["translations"]) == 0
    assert capsys.readouterr().out.startswith("language  page")
    assert main(["prisons"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("prison") and "jva-koeln" in out and "lack booking information" in out


def test_translation_rows_cover_every_page_in_every_language():
    rows = translation_status.rows(ROOT)
    german = {p.relative_to(ROOT / "content" / "de").as_posix() for p in (ROOT / "content" / "de").rglob("*.md")}
    languages = ["ls", "en", "tr", "ar", "ru", "uk", "pl"]
    assert [r.lang for r in rows] == sorted((r.lang for r in rows), key=languages.index)
    for lang in languages:
        assert {r.path for r in rows if r.lang == lang} >= german
    assert {r.state for r in rows} <= set(translation_status.STATES)
    first = next(r for r in rows if r.lang == "en" and r.path == "erste-schritte.md")
    assert (first.state, first.reviewed, first.file) == ("current", False, "content/en/erste-schritte.md")
    assert first.source_hash == first.recorded_hash and len(first.source_hash) == 12
    missing = next(r for r in rows if r.state == "missing")
    assert (missing.reviewed, missing.recorded_hash) == (False, "")


def test_translation_states_and_fail(project, capsys):
    german = project / "content" / "de" / "erste-schritte.md"
    german.write_text(german.read_text(encoding="utf-8") + "\nEin neuer Absatz.\n", encoding="utf-8")
    orphan = project / "content" / "en" / "alt.md"
    orphan.write_text("---\ndescription: A page whose German page is gone.\n"
                      "translation:\n  source_hash: 0123456789ab\n  reviewed: true\n---\n\n# Old\n", encoding="utf-8")
    rows = {(r.lang, r.path): r for r in translation_status.rows(project)}
    outdated = rows["en", "erste-schritte.md"]
    assert outdated.state == "outdated" and outdated.recorded_hash != outdated.source_hash
    assert (rows["en", "alt.md"].state, rows["en", "alt.md"].reviewed, rows["en", "alt.md"].source_hash) == (
        "orphaned", True, "")
    assert translation_status.summary(list(rows.values()))["en"]["orphaned"] == 1
    root = ["--root", str(project), "translations"]
    assert main(root) == 0
    out = capsys.readouterr().out
    assert ["en", "erste-schritte.md", "outdated", "no", outdated.source_hash, outdated.recorded_hash] in [
        line.split() for line in out.splitlines()]
    assert main(root + ["--fail"]) == 1
    assert "translations need work" in capsys.readouterr().out
    assert main(["translations", "--fail"]) == 0  # the real content: nothing outdated or orphaned


def test_prison_gaps_list_what_is_unknown_open_prisons_first(model):
    gaps = prison_gaps(model)
    assert len(gaps) == len(model.kinds["prisons"])
    closed = [g.closed for g in gaps]
    assert closed == sorted(closed) and closed[-1]  # open ones first, the closed one(s) last
    by_id = {g.id: g for g in gaps}
    # JVA Attendorn: no address, phone or visits block is known, only its web site.
    attendorn = by_id["jva-attendorn"]
    assert attendorn.missing == tuple(name for name in PRISON_FIELDS if name != "web")
    assert attendorn.lacks_booking and not attendorn.closed
    assert (attendorn.name, attendorn.file) == ("JVA Attendorn", "data/prisons.yml")
    # Bielefeld-Brackwede publishes almost everything.
    assert by_id["jva-bielefeld-brackwede"].missing == ("visits.children",)
    assert not by_id["jva-bielefeld-brackwede"].lacks_booking
    assert by_id["jva-iserlohn"].closed
    totals = prison_gap_totals(gaps)
    assert set(totals) == set(PRISON_FIELDS) | {"booking information"}
    assert totals["booking information"] == sum(g.lacks_booking for g in gaps if not g.closed)
    assert prison_gap_totals(gaps, include_closed=True)["address"] == sum("address" in g.missing for g in gaps)


def test_prison_report_fails_only_for_open_prisons_without_booking(project, capsys):
    assert main(["--root", str(project), "prisons"]) == 0
    out = capsys.readouterr().out
    assert any(line.startswith("jva-attendorn ") and line.endswith("no booking information") for line in out.splitlines())
    assert any(line.startswith("jva-iserlohn ") and line.endswith("closed") for line in out.splitlines())
    assert main(["--root", str(project), "prisons", "--fail"]) == 1
    capsys.readouterr()
    model, _ = load(project)
    with_booking = {rid: r for rid, r in model.kinds["prisons"].items()
                    if r.fields.get("operating_status") == "geschlossen"
                    or (r.fields.get("visits") or {}).get("booking") or (r.fields.get("visits") or {}).get("booking_phone")}
    assert print_prison_report(Model({"prisons": with_booking}), fail=True) == 0


def test_language_coverage_counts_current_translations_per_section(project):
    from kvi import pages
    from kvi.languages import load_languages

    def table():
        languages = load_languages(project)
        trees = {language.code: pages.load_tree(project, language.code)[0] for language in languages}
        return {row["code"]: {cell["section"]: (cell["current"], cell["total"]) for cell in row["cells"]}
                for row in translation_status.coverage(languages, trees)}

    before = table()
    german = project / "content" / "de"
    sections = [page.read_text(encoding="utf-8").split("section: ")[1].split("\n")[0] if "\nsection: " in
                page.read_text(encoding="utf-8") else "start" for page in german.rglob("*.md")]
    assert sum(total for _, total in before["en"].values()) == len(sections)
    assert before["en"]["familie"][1] == sections.count("familie")
    assert before["en"]["start"][0] >= 1  # the English home page
    # The German first-steps page changes: its English translation no longer counts.
    first = german / "erste-schritte.md"
    first.write_text(first.read_text(encoding="utf-8") + "\nEin neuer Absatz.\n", encoding="utf-8")
    assert table()["en"]["familie"][0] == before["en"]["familie"][0] - 1
