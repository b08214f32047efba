"""The GitHub side of the editors' workflow: workflows, Dependabot and issue forms are valid
against the JSON schemas that check-jsonschema carries with it (no network), every action is
pinned to a release tag, and every workflow sets its token's permissions."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kvi.build import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted(GITHUB.glob("workflows/*.yml"))
ISSUE_FORMS = sorted(path for path in GITHUB.glob("ISSUE_TEMPLATE/*.yml") if path.name != "config.yml")
PR_TEMPLATES = ["inhalt.md", "daten.md", "uebersetzung.md", "technik.md"]


def check_jsonschema(schema: str, files: list[Path]) -> None:
    assert files, f"no files to check against {schema}"
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, f"{schema}:\n{result.stdout}{result.stderr}"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_expected_files_exist():
    assert {path.name for path in WORKFLOWS} >= {"ci.yml", "pages.yml", "pruefungen.yml"}
    assert {path.name for path in ISSUE_FORMS} == {"neues-angebot.yml", "korrektur.yml", "uebersetzung.yml"}
    assert (GITHUB / "dependabot.yml").is_file()
    assert (GITHUB / "pull_request_template.md").is_file()
    for name in PR_TEMPLATES:
        assert (GITHUB / "PULL_REQUEST_TEMPLATE" / name).is_file()


@pytest.mark.parametrize("schema, files", [
    ("vendor.github-workflows", WORKFLOWS),
    # Every job has a time limit, so a hanging browser cannot use up the runner's six hours.
    ("custom.github-workflows-require-timeout", WORKFLOWS),
    ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
    ("vendor.github-issue-forms", ISSUE_FORMS),
    ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
], ids=lambda value: value if isinstance(value, str) else "")
def test_files_match_githubs_schemas(schema, files):
    check_jsonschema(schema, files)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_actions_are_pinned_to_release_tags(workflow):
    uses = re.findall(r"^\s*(?:-\s*)?uses:\s*(\S+)", workflow.read_text(encoding="utf-8"), re.MULTILINE)
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", action), f"{workflow.name}: {action} is not pinned to a tag like @v4"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflows_set_least_permissions_at_the_top(workflow):
    permissions = load(workflow).get("permissions", "missing")
    assert permissions in ({}, {"contents": "read"}), f"{workflow.name}: top-level permissions are {permissions}"


def test_only_the_deploy_job_may_write():
    for workflow in WORKFLOWS:
        for name, job in load(workflow)["jobs"].items():
            writes = {scope for scope, level in (job.get("permissions") or {}).items() if level == "write"}
            if workflow.name == "pages.yml" and name == "deploy":
                assert writes == {"pages", "id-token"}
                assert job["environment"]["name"] == "github-pages"
            else:
                assert not writes, f"{workflow.name}: job {name} writes {writes}"


def test_correction_form_has_the_fields_the_site_prefills():
    form = load(GITHUB / "ISSUE_TEMPLATE" / "korrektur.yml")
    fields = {element["id"]: element["type"] for element in form["body"] if "id" in element}
    assert fields["seite"] == "input"
    assert fields["eintrag"] == "input"
    assert fields["was"] == "textarea"
    assert "quelle" in fields
    assert form["labels"] == ["korrektur"]


def test_issue_forms_have_their_labels_and_no_blank_issues():
    labels = {path.name: load(path)["labels"] for path in ISSUE_FORMS}
    assert labels == {"neues-angebot.yml": ["angebot"], "korrektur.yml": ["korrektur"],
                      "uebersetzung.yml": ["übersetzung"]}
    assert load(GITHUB / "ISSUE_TEMPLATE" / "config.yml")["blank_issues_enabled"] is False
    languages = next(element for element in load(GITHUB / "ISSUE_TEMPLATE" / "uebersetzung.yml")["body"]
                     if element.get("id") == "sprache")
    assert languages["attributes"]["options"] == ["Leichte Sprache", "English", "Türkçe", "العربية", "Русский",
                                                  "Українська", "Polski"]


def test_default_pull_request_template_links_to_every_kind():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    for name in PR_TEMPLATES:
        assert f"template={name}" in text
