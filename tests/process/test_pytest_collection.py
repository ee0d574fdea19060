"""A plain ``pytest`` run, as `make test` starts it, collects every test folder."""

from __future__ import annotations

import subprocess
import sys

from tests.sitebuild import ROOT


def test_a_plain_pytest_run_collects_every_test_folder() -> None:
    # pytest's default norecursedirs holds "build": without pyproject's own list, tests/build would drop out unseen.
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    folders = {line.split("/")[1] for line in done.stdout.splitlines() if line.startswith("tests/")}
    assert {"unit", "process", "build", "browser"} <= folders
