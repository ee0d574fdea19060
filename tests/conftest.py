"""Fixtures shared by the build and browser tests: one strict build of the real site per run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.sitebuild import ROOT, BuildResult, build_site


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
