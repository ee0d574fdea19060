"""Real builds of the fixture site with figures: the good one inlines them, each bad one fails at its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.build.fixture_site import MEDICAL, write_site
from tests.sitebuild import build_site
from tests.soup import attr, by_id, one

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10" class="kb-fig"><path class="kb-fig-near" d="M0 0 L20 10"/></svg>\n'
DATA = "hip.svg:\n  licence: CC-BY-SA-4.0\n  source: drawn for this site\n"
FIGURE = "::: figure hip.svg\n    caption: The hip from the front.\n    alt: A ball sitting in a socket."
ICONS = "::: icons\n    - About 8 in 10 hips got worse [@lai-2005]."
BODY_LINE = MEDICAL.split("\n").index("{body}") + 1  # The line of the page where the body starts.


def _build(tmp_path: Path, body: str, data: str = DATA, files: tuple[str, ...] = ("hip.svg",)):
    """The fixture site with the figure extension, one page body, figure files and their licence data."""
    config = write_site(tmp_path)
    figures = tmp_path / "docs" / "assets" / "figures"
    figures.mkdir(parents=True)
    for name in files:
        (figures / name).write_text(SVG)
    (tmp_path / "docs" / "_data" / "figures.yml").write_text(data)
    text = config.read_text().replace(
        "markdown_extensions: [",
        f"markdown_extensions: [{{kb.figure_markdown: {{figures_dir: {figures.as_posix()}}}}}, ",
    )
    config.write_text(text)
    (tmp_path / "docs" / "index.md").write_text(MEDICAL.format(title="Home", sources="mont-2020", body=body))
    return build_site(config, tmp_path / "site")


def test_good_figure_and_icon_array_build_clean_and_inline(tmp_path: Path) -> None:
    result = _build(tmp_path, f"AVN can affect the femoral head.\n\n{FIGURE}\n\n{ICONS}")
    assert result.warnings == [] and not result.aborted
    page = BeautifulSoup((result.site_dir / "index.html").read_text(), "html.parser")
    svg = one(page, "figure.kb-figure svg[role=img]")
    assert by_id(page, attr(svg, "aria-labelledby")).get_text() == "The hip from the front."
    assert by_id(page, attr(svg, "aria-describedby")).get_text() == "A ball sitting in a socket."
    icons = one(page, ".kb-icons svg[role=img]")
    caption = by_id(page, attr(icons, "aria-labelledby"))
    assert attr(one(caption, "sup.kb-cite a"), "href") == "#source-1"  # The picture's numbers keep their source.
    one(caption, "sup.kb-cite").decompose()
    assert caption.get_text() == "About 8 in 10 hips got worse."


@pytest.mark.parametrize(
    ("body", "files", "data", "expected"),
    [
        (
            FIGURE.replace("hip.svg", "knee.svg"),
            ("hip.svg",),
            DATA,
            f"docs/index.md:{BODY_LINE}: figure file 'knee.svg' not found",
        ),
        (
            "::: figure hip.svg\n    alt: A ball.",
            ("hip.svg",),
            DATA,
            f"docs/index.md:{BODY_LINE}: the figure has no caption",
        ),
        (
            "::: figure hip.svg\n    caption: The hip.",
            ("hip.svg",),
            DATA,
            f"docs/index.md:{BODY_LINE}: the figure has no text alternative",
        ),
        (
            FIGURE,
            ("hip.svg",),
            DATA.replace("CC-BY-SA-4.0", "proprietary"),
            "docs/_data/figures.yml:2: unknown licence 'proprietary' for 'hip.svg'",
        ),
        (
            FIGURE,
            ("hip.svg", "knee.svg"),
            DATA + DATA.replace("hip", "knee"),
            "docs/_data/figures.yml:4: figure 'knee.svg' is used by no page",
        ),
        (
            f"{FIGURE}\n\n::: icons\n    - About 8.5 in 10 hips.",
            ("hip.svg",),
            DATA,
            f"docs/index.md:{BODY_LINE + 5}: '8.5 in 10' is not in whole numbers",
        ),
    ],
)
def test_each_bad_figure_fails_the_build_at_its_line(
    tmp_path: Path, body: str, files, data: str, expected: str
) -> None:
    result = _build(tmp_path, body, data, files)
    assert result.aborted
    assert any(expected in warning for warning in result.warnings), result.warnings
