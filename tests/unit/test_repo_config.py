"""The repository's own configuration for editors: who reviews what, and the checks run on each commit."""

from __future__ import annotations

import pytest
import yaml

from tests.sitebuild import ROOT

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


def test_every_hook_calls_a_tool_locked_in_requirements() -> None:
    locked = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    hooks = [hook for repo in yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["repos"] for hook in repo["hooks"]]
    tools = {
        word.removeprefix(".venv/bin/") for hook in hooks for word in hook["entry"].split() if ".venv/bin/" in word
    }
    assert tools == {"rumdl", "codespell", "ruff", "python"}
    assert all(f"\n{tool}==" in locked for tool in tools - {"python"})
    assert {hook["language"] for hook in hooks} == {"system"}
