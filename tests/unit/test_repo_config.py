"""The repository's own configuration for editors: who reviews what, and the checks run on each commit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.sitebuild import ROOT
from tests.unit.test_messages import write_tree

CLINICAL = "@avn-knowledge-base/clinical-reviewers"
MAINTAINERS = "@avn-knowledge-base/maintainers"


def codeowners() -> list[tuple[str, list[str]]]:
    """(pattern, owners) of each rule in .github/CODEOWNERS, in file order."""
    rules = []
    for line in (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def owners_of(path: str) -> list[str]:
    """The owners GitHub asks for a change to ``path``: the last rule that matches wins."""
    found: list[str] = []
    for pattern, owners in codeowners():
        if pattern == "*" or path.startswith(pattern.lstrip("/")):
            found = owners
    return found


def test_codeowners_uses_only_patterns_this_test_understands() -> None:
    assert all(pattern == "*" or (pattern.startswith("/") and pattern.endswith("/")) for pattern, _ in codeowners())


@pytest.mark.parametrize(
    ("path", "owners"),
    [
        ("docs/treatment/statins.md", [CLINICAL]),
        ("docs/_data/bibliography.yml", [CLINICAL]),
        ("docs/_snippets/emergency-numbers.md", [CLINICAL]),
        ("hooks/kb/claims.py", [MAINTAINERS]),
        ("mkdocs.yml", [MAINTAINERS]),
        (".github/CODEOWNERS", [MAINTAINERS]),
    ],
)
def test_pages_go_to_clinical_review_and_code_to_maintainers(path: str, owners: list[str]) -> None:
    assert owners_of(path) == owners


# --- pre-commit -----------------------------------------------------------------------------------

CONFIG = ROOT / ".pre-commit-config.yaml"
PRE_COMMIT = ROOT / ".venv/bin/pre-commit"


def test_pre_commit_config_is_valid() -> None:
    result = subprocess.run(
        [str(PRE_COMMIT), "validate-config", str(CONFIG)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_hook_calls_a_tool_locked_in_requirements() -> None:
    locked = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    hooks = [hook for repo in yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["repos"] for hook in repo["hooks"]]
    tools = {
        word.removeprefix(".venv/bin/") for hook in hooks for word in hook["entry"].split() if ".venv/bin/" in word
    }
    assert tools == {"rumdl", "codespell", "ruff", "python"}
    assert all(f"\n{tool}==" in locked for tool in tools - {"python"})
    assert {hook["language"] for hook in hooks} == {"system"}


def test_a_commit_with_mistakes_is_stopped_with_the_usual_messages(tmp_path: Path) -> None:
    for name in (".pre-commit-config.yaml", "pyproject.toml", ".codespell-words.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in (".venv", "hooks"):
        (tmp_path / name).symlink_to(ROOT / name)
    write_tree(tmp_path)
    page = tmp_path / "docs/walking-aids.md"
    page.write_text(
        page.read_text().replace("[@lai-2005]", "[@lai-2006]") + "## Canes\nA cane can help you recieve less pain.\n"
    )
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    env = os.environ | {"PRE_COMMIT_HOME": str(tmp_path / ".cache")}
    result = subprocess.run(
        [str(PRE_COMMIT), "run", "--files", "docs/walking-aids.md"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    out = result.stdout
    assert "docs/walking-aids.md:20:1: [MD022] Expected 1 blank line above heading [*]" in out
    assert "docs/walking-aids.md:21: recieve ==> receive" in out
    assert (
        "docs/walking-aids.md:17: [@lai-2006] cites 'lai-2006', which is not in docs/_data/bibliography.yml; "
        "check the spelling against the ids there, or add the entry (CONTRIBUTING.md: Add a source)" in out
    )
    assert "Python lint (ruff)" in out and "(no files to check)Skipped" in out


def test_a_plain_pytest_run_collects_every_test_folder() -> None:
    # pytest's default norecursedirs holds "build", which once left tests/build out of `make test` unseen.
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    folders = {line.split("/")[1] for line in done.stdout.splitlines() if line.startswith("tests/")}
    assert {"unit", "build", "browser"} <= folders
