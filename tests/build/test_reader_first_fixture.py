"""Fixture builds of the reader-first page top and the treatment comparison, good and bad."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.build.fixture_site import PAGES, TREATMENT_BLOCK, write_site
from tests.sitebuild import BuildResult, build_site
from tests.soup import attr, one

OVERVIEW = """\
---
title: Treatments
description: Every treatment of the fixture site, compared on one screen.
medical: false
---

# Treatments

<!-- kb:treatment-comparison -->
"""
KEY_MESSAGES = """\
  key_messages:
    - This fixture page is about the ball of the hip.
    - It shows what a reader sees first.
"""


def only_warning(result: BuildResult) -> str:
    """The one warning of a failed build, without the logger's name in front."""
    assert result.aborted and len(result.warnings) == 1, result.warnings
    return result.warnings[0].split(": ", 1)[1]


def build(tmp_path: Path, edit: dict[str, str]) -> BuildResult:
    """The fixture site with the files in ``edit`` written over it, built strictly."""
    config = write_site(tmp_path)
    for name, text in edit.items():
        (tmp_path / "docs" / name).write_text(text)
    return build_site(config, tmp_path / "site")


def test_the_comparison_is_made_from_the_treatment_pages(tmp_path: Path) -> None:
    result = build(tmp_path, {"compare.md": OVERVIEW})
    assert result.warnings == [] and not result.aborted
    html = BeautifulSoup((result.site_dir / "compare/index.html").read_text(), "html.parser")
    rows = html.select(".kb-compare__table tbody tr")
    assert [attr(one(row, "th a"), "href") for row in rows] == ["../treatment/rest/"]
    assert [cell.get_text(strip=True) for cell in rows[0].select("td")] == [
        "To ease pain from AVN.",
        "Resting the hip for some weeks.",
        "See the page.",
        "Stiff, weaker muscles.",
    ]
    rest = BeautifulSoup((result.site_dir / "treatment/rest/index.html").read_text(), "html.parser")
    assert [li.get_text() for li in rest.select(".kb-key li")] == [
        "This fixture page is about the ball of the hip.",
        "It shows what a reader sees first.",
    ]
    assert attr(one(rest, ".kb-trust a"), "href") == "#about-this-page"


def test_a_treatment_page_without_its_row_fails_the_build_at_its_line(tmp_path: Path) -> None:
    result = build(tmp_path, {"treatment/rest.md": PAGES["treatment/rest.md"].replace(TREATMENT_BLOCK, "")})
    assert only_warning(result) == (
        "docs/treatment/rest.md:4: a treatment page has no 'treatment' block for the comparison table; "
        "add treatment: with aim, involves, main_risks"
    )


def test_a_health_page_without_key_messages_fails_the_build_at_its_line(tmp_path: Path) -> None:
    result = build(tmp_path, {"index.md": PAGES["index.md"].replace(KEY_MESSAGES, "")})
    assert only_warning(result) == (
        "docs/index.md:4: 'key_messages' is missing; add key_messages: with 2 to 4 short plain sentences, "
        "the page's main points"
    )


def test_a_treatment_row_longer_than_the_limit_fails_the_build_at_its_line(tmp_path: Path) -> None:
    long_aim = "To ease pain " + "and stiffness " * 10 + "from AVN."
    rest = PAGES["treatment/rest.md"].replace("To ease pain from AVN.", long_aim)
    result = build(tmp_path, {"treatment/rest.md": rest})
    assert only_warning(result) == (
        "docs/treatment/rest.md:14: 'aim' has 25 words; say it in 20 words or fewer; the page itself gives the detail"
    )
