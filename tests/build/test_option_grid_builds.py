"""Real builds with the option grid: the good fixture renders it with cited cells, each kind of bad data fails
the strict build at its line, and the real site's grid is complete."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.build.fixture_site import MEDICAL, write_site
from tests.sitebuild import BuildResult, build_site
from tests.soup import attr, one
from tests.unit.test_option_grid import BIBLIOGRAPHY, GOOD

SHOWN = "docs/_data/option-grid.yml"


def _build(tmp_path: Path, data: str) -> BuildResult:
    """The fixture site with the grid and citation extensions, and a home page that shows the grid."""
    config = write_site(tmp_path)
    data_dir = tmp_path / "docs" / "_data"
    (data_dir / "bibliography.yml").write_text(BIBLIOGRAPHY)
    (data_dir / "option-grid.yml").write_text(data)
    # The paths as an editor writes them in mkdocs.yml, relative to the folder the build runs from.
    options = f"{{data_file: {SHOWN}, bibliography: docs/_data/bibliography.yml}}"
    text = config.read_text().replace(
        "markdown_extensions: [", f"markdown_extensions: [{{kb.option_grid: {options}}}, "
    )
    config.write_text(text)
    body = "AVN can affect the femoral head [@mont-2020].\n\n::: option-grid\n\nAsk your team about each option."
    (tmp_path / "docs" / "index.md").write_text(MEDICAL.format(title="Home", sources="mont-2020", body=body))
    return build_site(config, tmp_path / "site")


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Build from the fixture's folder, as an editor runs mkdocs from the repository's root."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_good_grid_builds_clean_with_numbered_citations_in_its_cells(in_tmp: Path) -> None:
    result = _build(in_tmp, GOOD)
    assert result.warnings == [] and not result.aborted
    page = BeautifulSoup((result.site_dir / "index.html").read_text(), "html.parser")
    table = one(page, ".kb-grid table.kb-grid__table")
    cells = table.select("tbody td")
    assert len(cells) == 8
    assert all(cell.select("sup.kb-cite a[href^='#source-']") for cell in cells)
    # The page's source list is made from its citations, the grid's included.
    listed = [a.get("href") for a in page.select("sup.kb-cite a")]
    assert set(listed) == {"#source-1", "#source-2"}
    assert page.find(id="source-2") is not None


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "      surgery: Infection and blood clots [@lai-2005].\n",
            "",
            f"{SHOWN}:29: 'What are the risks?' has no answer",
        ),
        (
            "It may save the hip [@lai-2005].",
            "It may save the hip if it is done early, before the ball of the hip has collapsed [@lai-2005].",
            f"{SHOWN}:11: 'Surgery' has 30 words, 28% more than the options' mean of 24",
        ),
        (
            "Life goes on as usual [@mont-2020].",
            "Life goes on as usual.",
            f"{SHOWN}:36: the answer to 'What is it like?'",
        ),
        ("funding: No funding.\n", "", f"{SHOWN}:1: the grid does not state who pays for the grid ('funding')"),
        ("updated: 2026-12-06\n", "", f"{SHOWN}:1: the grid does not state the day the grid was last updated"),
        ("uncertainty: The evidence is weak [@mont-2020].\n", "", f"{SHOWN}:1: the grid does not state how certain"),
        (
            "      surgery: An operation in hospital [@mont-2020].\n",
            "      surgery: An operation in hospital [@mont-2020].\n      knee: Not a choice [@mont-2020].\n",
            f"{SHOWN}:20: 'knee' is not one of the options",
        ),
        ("Scans now and then", "Scans <b>now</b> and then", f"{SHOWN}:18: 'watch' holds < or >"),
        ("condition: AVN of the hip.", "condition: AVN: of the hip.", f"{SHOWN}:1: broken YAML"),
    ],
    ids=[
        "missing-cell",
        "uneven",
        "uncited",
        "no-funding",
        "no-date",
        "no-uncertainty",
        "unknown-option",
        "html",
        "yaml",
    ],
)
def test_each_kind_of_bad_grid_fails_the_build_at_its_line(in_tmp: Path, old: str, new: str, expected: str) -> None:
    assert GOOD.count(old) == 1
    result = _build(in_tmp, GOOD.replace(old, new))
    assert result.aborted
    # The hook's logger puts its own name in front of the message.
    assert any(warning.split(": ", 1)[-1].startswith(expected) for warning in result.warnings), result.warnings
    page = (result.site_dir / "index.html").read_text() if (result.site_dir / "index.html").exists() else ""
    assert "kb-grid__table" not in page


def test_the_real_site_shows_the_whole_grid_with_every_cell_cited(site_dir: Path) -> None:
    page = BeautifulSoup((site_dir / "treatment" / "choosing-together" / "index.html").read_text(), "html.parser")
    table = one(page, "article .kb-grid table.kb-grid__table")
    options = [th.get_text() for th in table.select("thead th")][1:]
    rows = table.select("tbody tr")
    assert len(options) == 5 and len(rows) == 5
    for row in rows:
        cells = row.select("td")
        assert [attr(cell, "data-label") for cell in cells] == options
        assert all(cell.get_text(strip=True) and cell.select("sup.kb-cite a[href^='#source-']") for cell in cells)
    # Every number in the grid leads to an entry of the page's source list.
    targets = {attr(a, "href").removeprefix("#") for a in table.select("sup.kb-cite a")}
    assert all(page.find(id=target) is not None for target in targets), targets
    notes = one(page, ".kb-grid__notes").get_text(" ", strip=True)
    for label in ("How sure is this?", "When was this updated?", "Who pays for this?"):
        assert label in notes
