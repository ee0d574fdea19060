"""Shared by every test: the Hypothesis profiles; for build and browser tests, one strict build of the real site per run."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import settings

from tests.sitebuild import ROOT, BuildResult, build_site

# Hypothesis examples per property: few on a developer's machine, many in CI (.ci/run runs with CI=true).
# HYPOTHESIS_PROFILE=ci (or dev) picks one by hand. No deadline: tests never assert timings.
settings.register_profile("dev", max_examples=20, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev"))


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real site, built strictly from mkdocs.yml into a temporary folder."""
    return build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="session")
def site_dir(request: pytest.FixtureRequest) -> Path:
    """The built real site; fails early if the strict build did not pass.

    Under `make test`, KB_SITE_DIR names the site/ it built strictly: the tests then judge the very files
    that the deploy job publishes.
    """
    built = os.environ.get("KB_SITE_DIR")
    if built:
        assert (Path(built) / "index.html").is_file(), f"KB_SITE_DIR={built} holds no built site"
        return Path(built)
    real_build: BuildResult = request.getfixturevalue("real_build")
    assert not real_build.aborted, "\n".join(real_build.warnings)
    return real_build.site_dir


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """One line for each reason tests were skipped (a missing tool and how to install it), with its count."""
    reasons: Counter[str] = Counter()
    for report in terminalreporter.stats.get("skipped", []):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reasons[reason.removeprefix("Skipped: ")] += 1
    for reason, count in sorted(reasons.items()):
        terminalreporter.write_line(f"{count} skipped: {reason}")
