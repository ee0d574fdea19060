"""The hosted repository's workflow: CI's own `.ci/run` in CI's Debian release, and only the tested site deployed."""

from __future__ import annotations

import yaml

from tests.sitebuild import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def _workflow() -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); the workflow's triggers are under that key.
    return yaml.safe_load((WORKFLOWS / "test.yml").read_text(encoding="utf-8"))


def test_one_workflow_tests_and_deploys() -> None:
    assert sorted(path.name for path in WORKFLOWS.iterdir()) == ["test.yml"]
    triggers = _workflow()[True]
    assert set(triggers) == {"pull_request", "push"} and triggers["push"] == {"branches": ["main"]}


def test_tests_run_ci_own_script_in_debian_bookworm_with_read_only_access() -> None:
    job = _workflow()["jobs"]["test"]
    assert job["container"] == "python:3.11-bookworm"
    assert [step.get("run") for step in job["steps"] if "run" in step] == [".ci/run"]
    assert job["permissions"] == {"contents": "read"}
    assert _workflow()["permissions"] == {}
    (checkout,) = [step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["persist-credentials"] is False


def test_the_tested_site_is_the_one_deployed_only_from_main_after_the_tests() -> None:
    jobs = _workflow()["jobs"]
    upload = [
        step for step in jobs["test"]["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact")
    ]
    assert [step["with"]["path"] for step in upload] == ["site"]
    deploy = jobs["deploy"]
    assert deploy["needs"] == "test"
    assert deploy["if"] == upload[0]["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    # No checkout, no build: no repository code runs while the job holds the Pages token.
    assert [step.get("uses", "").split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_ci_installs_every_tool_and_skips_nothing() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for package in ("chromium", "default-jre-headless", "nodejs", "npm", "make", "python3-venv"):
        assert f"missing+=({package})" in script
    assert "export KB_REQUIRE_BROWSER=1\nmake test\n" in script


def test_make_test_runs_the_tests_on_the_site_it_built() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\tKB_SITE_DIR=$(CURDIR)/$(SITE) $(BIN)/python -m pytest\n" in makefile
    assert "test: $(NODE_STAMP) check lint build" in makefile
