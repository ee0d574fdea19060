"""Markdown style and spelling problems, as rumdl and codespell print them, become annotations in GitHub Actions."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.sitebuild import ROOT
from tests.unit.test_messages import matched

# The misspelling these tests write for codespell to find; codespell:ignore spares this one line of the file.
MISSPELT = "recieve"  # codespell:ignore


@pytest.fixture
def bad_markdown(tmp_path: Path) -> Path:
    page = tmp_path / "docs" / "page.md"
    page.parent.mkdir()
    page.write_text(
        f"# Walking aids\n\nA cane can help you {MISSPELT} less pain.\n## Canes\n\nText.\n", encoding="utf-8"
    )
    return tmp_path


def test_rumdl_problems_become_annotations(bad_markdown: Path) -> None:
    result = subprocess.run(
        [str(ROOT / ".venv/bin/rumdl"), "check", "--no-config", "docs/page.md"],
        cwd=bad_markdown,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert matched("rumdl", result.stdout) == [("docs/page.md", "4", "[MD022] Expected 1 blank line above heading [*]")]


def test_codespell_problems_become_annotations(bad_markdown: Path) -> None:
    result = subprocess.run(
        [str(ROOT / ".venv/bin/codespell"), "docs/page.md"],
        cwd=bad_markdown,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert matched("codespell", result.stdout) == [("docs/page.md", "3", f"{MISSPELT} ==> receive")]
