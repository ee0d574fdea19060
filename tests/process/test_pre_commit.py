"""The checks pre-commit runs before each commit: a valid configuration, and the usual messages for mistakes."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.sitebuild import ROOT
from tests.unit.test_messages import write_tree

CONFIG = ROOT / ".pre-commit-config.yaml"
PRE_COMMIT = ROOT / ".venv/bin/pre-commit"
# The misspelling these tests write for codespell to find; codespell:ignore spares this one line of the file.
MISSPELT = "recieve"  # codespell:ignore


def test_pre_commit_config_is_valid() -> None:
    result = subprocess.run(
        [str(PRE_COMMIT), "validate-config", str(CONFIG)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_commit_with_mistakes_is_stopped_with_the_usual_messages(tmp_path: Path) -> None:
    for name in (".pre-commit-config.yaml", "pyproject.toml", ".codespell-words.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in (".venv", "hooks"):
        (tmp_path / name).symlink_to(ROOT / name)
    write_tree(tmp_path)
    page = tmp_path / "docs/walking-aids.md"
    page.write_text(
        page.read_text().replace("[@lai-2005]", "[@lai-2006]")
        + f"## Canes\nA cane can help you {MISSPELT} less pain.\n"
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
    assert f"docs/walking-aids.md:21: {MISSPELT} ==> receive" in out
    assert (
        "docs/walking-aids.md:17: [@lai-2006] cites 'lai-2006', which is not in docs/_data/bibliography.yml; "
        "check the spelling against the ids there, or add the entry (CONTRIBUTING.md: Add a source)" in out
    )
    assert "Python lint (ruff)" in out and "(no files to check)Skipped" in out
