"""Pages made by ``python -m kb.new_page`` build strictly, in the fixture site and in the real one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from kb.new_page import KINDS, main

from tests.build.fixture_site import write_site
from tests.sitebuild import ROOT, build_site
from tests.soup import one


def test_a_page_of_every_kind_builds_without_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = write_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    for kind in KINDS:
        assert main(["--kind", kind, f"docs/new/{kind}.md", "--title", f"New {kind} page"]) == 0
    result = build_site(config, tmp_path / "site")
    assert result.warnings == []
    assert not result.aborted
    page = BeautifulSoup((tmp_path / "site/new/treatment/index.html").read_text(), "html.parser")
    assert one(page, ".kb-disclaimer__label").get_text(strip=True) == "About these treatments"
    assert "Not yet checked by a clinician" in one(page, ".kb-review").get_text()
    assert [h.get_text(strip=True) for h in page.select("article > h2")][:3] == [
        "What it is",
        "What it can do",
        "What the evidence shows",
    ]
    assert "Summary:" not in one(page, "article").get_text()
    about = BeautifulSoup((tmp_path / "site/new/non-medical/index.html").read_text(), "html.parser")
    assert about.select_one(".kb-disclaimer") is None


def test_a_new_page_in_the_real_site_joins_the_nav_and_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)  # pymdownx.snippets reads docs/_snippets relative to the working directory.
    assert main(["--kind", "treatment", "docs/treatment/knee-braces.md", "--title", "Knee braces"]) == 0
    result = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.warnings == []
    assert not result.aborted
    home = BeautifulSoup((tmp_path / "site/index.html").read_text(), "html.parser")
    links = [a["href"] for a in home.select("nav.md-nav--primary a.md-nav__link[href]")]
    assert "treatment/knee-braces/" in links
    assert links.index("treatment/knee-braces/") == links.index("treatment/surgery/") + 1
