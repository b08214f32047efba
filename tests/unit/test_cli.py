"""The command line: a broken data file stops the build, prints one line per problem and
writes nothing."""

from kvi.cli import main
from tests.conftest import project_in

project = project_in("de", "en")  # these checks need no more languages


def test_broken_data_file_exits_non_zero_and_writes_nothing(project, tmp_path, capsys):
    helplines = project / "data" / "helplines.yml"
    helplines.write_text(helplines.read_text(encoding="utf-8").replace('phone: "116 111"', 'phone: 116111x'),
                         encoding="utf-8")
    out = tmp_path / "site"
    assert main(["--root", str(project), "build", "--out", str(out)]) == 1
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[0].startswith("data/helplines.yml:6: [1].phone: must be a German phone number")
    assert lines[-1] == "1 problem found; nothing was published."


def test_check_reports_success(capsys):
    assert main(["check"]) == 0
    assert "No problems" in capsys.readouterr().out


def test_publication_build_refuses_while_operator_data_is_missing(project, tmp_path, capsys):
    out = tmp_path / "site"
    assert main(["--root", str(project), "build", "--publish", "--out", str(out)]) == 1
    assert not out.exists()
    lines = capsys.readouterr().err.strip().splitlines()
    line = next(i for i, text in enumerate((project / "data/operator.yml").read_text().splitlines(), 1)
                if text.strip().startswith("editors_email:"))
    assert f"data/operator.yml:{line}: editors_email: required for publication, still empty" in lines
    assert any(line.startswith("data/operator.yml:") and ": enforcement: required for publication" in line for line in lines)


def test_publication_build_runs_once_operator_data_is_complete(project, tmp_path):
    import shutil
    from pathlib import Path

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "operator.example.yml"
    shutil.copyfile(fixture, project / "data" / "operator.yml")
    from kvi.build import load_inputs, publication_problems

    assert publication_problems(load_inputs(project).model) == []
