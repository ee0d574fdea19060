"""``python -m kb.check docs`` as CI runs it: its exit status, its output streams, and its annotations on GitHub."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.sitebuild import ROOT
from tests.unit.test_messages import CASES, annotation, like, write_tree


def run_check(root: Path, github: bool) -> subprocess.CompletedProcess[str]:
    """``python -m kb.check docs`` in ``root``, in or outside GitHub Actions."""
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    env["PYTHONPATH"] = str(ROOT / "hooks")
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "kb.check", "docs", "--today", "2026-11-21"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_valid_tree_passes(tmp_path: Path) -> None:
    write_tree(tmp_path)
    result = run_check(tmp_path, github=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "kb.check: 2 pages, 0 problems\n")


def test_a_mistake_fails_the_command_with_its_message_and_its_annotation(tmp_path: Path) -> None:
    change, expected = CASES["unknown citation key"]
    write_tree(tmp_path, change)
    result = run_check(tmp_path, github=True)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert like(expected, lines[0::2]), result.stdout
    assert lines[1::2] == [annotation(line) for line in lines[0::2]]
    assert result.stderr == "kb.check: 2 pages, 1 problem\n"
