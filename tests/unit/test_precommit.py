"""The local pre-commit hooks call the project's own commands, and those give editors the same
messages as CI: `kvi yaml` on the changed files, `kvi check` on everything."""

from __future__ import annotations

import shlex

import yaml

from kvi.build import ROOT
from kvi.cli import main
from tests.unit.test_data_errors import line_of, replace


def test_every_hook_calls_an_existing_kvi_command(capsys):
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert {repo["repo"] for repo in config["repos"]} == {"local"}  # nothing is downloaded
    for hook in hooks:
        command = shlex.split(hook["entry"])
        assert command[:3] == [".venv/bin/python", "-m", "kvi"] and hook["language"] == "system"
        # The verb exists: asking for its help exits 0.
        try:
            main([command[3], "--help"])
        except SystemExit as done:
            assert done.code == 0, hook["id"]
    assert {"kvi-yaml", "kvi-check"} <= {hook["id"] for hook in hooks}


def test_yaml_hook_names_file_line_and_field(project, capsys):
    offers = project / "data" / "offers.yml"
    replace(offers, "scope: bundesweit", "scope: weltweit")
    line = line_of(offers, "scope: weltweit")
    assert main(["--root", str(project), "yaml", str(offers), str(project / "i18n" / "ui" / "de.yml")]) == 1
    err = capsys.readouterr().err
    assert f"data/offers.yml:{line}: " in err and "scope" in err and "weltweit" in err


def test_yaml_hook_passes_good_files(project, capsys):
    assert main(["--root", str(project), "yaml", str(project / "data" / "events.yml"),
                 str(project / "content" / "nav.yml")]) == 0
    assert "No problems in 2 YAML file(s)." in capsys.readouterr().out


def test_csp_command_prints_the_policy(tmp_path, capsys):
    (tmp_path / "index.html").write_text("<html><script>var a = 1;</script></html>")
    assert main(["csp", "--site", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-")
