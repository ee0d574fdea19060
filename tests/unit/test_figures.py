"""The figure and icon-array syntax, its checks, the licence data, and how the Markdown extension renders them."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from kb.figure_markdown import FigureExtension
from kb.figures import figure_problems, page_blocks
from kb.icon_array import Frequency, draw, read_frequency
from kb.pages import page_files

from tests.soup import attr, by_id, one

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path class="kb-fig-near" d="M0 0 L10 10"/></svg>\n'
ENTRY = "{name}:\n  licence: {licence}\n  source: drawn for this site\n"
PAGE = "---\ntitle: P\n---\n\n# P\n\n{body}\n"
GOOD = "::: figure hip.svg\n    caption: The hip.\n    alt: A ball in a socket."


def page_texts(docs: Path) -> dict[str, str]:
    """Each page's text by its path under ``docs``, as kb.pages hands them over."""
    return {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8") for path in page_files(docs)}


def _site(tmp_path: Path, body: str, data: str | None = None, files: tuple[str, ...] = ("hip.svg",)) -> list[str]:
    """Write a docs folder with one page and the figure files; return the problems as strings."""
    docs = tmp_path / "docs"
    (docs / "assets" / "figures").mkdir(parents=True)
    (docs / "_data").mkdir()
    for name in files:
        (docs / "assets" / "figures" / name).write_text(SVG)
    if data is None:
        data = "".join(ENTRY.format(name=name, licence="CC-BY-SA-4.0") for name in files)
    (docs / "_data" / "figures.yml").write_text(data)
    (docs / "page.md").write_text(PAGE.format(body=body))
    return [str(p) for p in figure_problems(docs, "docs", page_texts(docs))]


def test_a_good_figure_has_no_problem(tmp_path: Path) -> None:
    assert _site(tmp_path, GOOD) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            GOOD.replace("hip.svg", "knee.svg"),
            "docs/page.md:7: figure file 'knee.svg' not found in docs/assets/figures; check",
        ),
        (
            "::: figure hip.svg\n    alt: A ball in a socket.",
            "docs/page.md:7: the figure has no caption; add a line '    caption: '",
        ),
        (
            "::: figure hip.svg\n    caption: The hip.",
            "docs/page.md:7: the figure has no text alternative; add a line '    alt: '",
        ),
        ("::: figure hip.svg\n    caption: The hip.\n    alt:", "docs/page.md:7: the figure has no text alternative"),
        (
            GOOD + "\n    colour: red",
            "docs/page.md:10: unknown figure field 'colour'; use caption:, alt: or size: (small or wide)",
        ),
        (GOOD + "\n    size: huge", "docs/page.md:10: unknown size 'huge'"),
        ("Text above.\n" + GOOD, "docs/page.md:8: '::: figure' must follow a blank line; add an empty line above it"),
        ("::: figure\n    caption: C.\n    alt: A.\n\n" + GOOD, "docs/page.md:7: the figure names no file"),
    ],
)
def test_each_bad_figure_is_reported_at_its_line(tmp_path: Path, body: str, expected: str) -> None:
    problems = _site(tmp_path, body)
    assert any(problem.startswith(expected) for problem in problems), problems


def test_a_figure_inside_a_code_fence_is_only_an_example(tmp_path: Path) -> None:
    body = "```markdown\n::: figure nothing.svg\n```\n\n" + GOOD
    assert _site(tmp_path, body) == []


def test_unknown_licence_missing_source_and_unrecorded_file_are_reported(tmp_path: Path) -> None:
    data = "hip.svg:\n  licence: all-rights-reserved\n  source: drawn for this site\nknee.svg:\n  licence: CC0-1.0\n"
    problems = _site(
        tmp_path,
        GOOD + "\n\n" + GOOD.replace("hip", "knee") + "\n\n" + GOOD.replace("hip", "foot"),
        data,
        ("hip.svg", "knee.svg", "foot.svg"),
    )
    assert (
        "docs/_data/figures.yml:2: unknown licence 'all-rights-reserved' for 'hip.svg'; use one that can be shared under CC BY-SA 4.0: CC-BY-SA-4.0, CC-BY-4.0, CC0-1.0"
        in problems
    )
    assert any(p.startswith("docs/_data/figures.yml:4: 'knee.svg' has no source") for p in problems)
    assert (
        "docs/assets/figures/foot.svg:1: no licence is recorded for 'foot.svg'; add 'foot.svg:' with its licence and source to docs/_data/figures.yml"
        in problems
    )


def test_a_figure_file_no_page_uses_is_reported_at_its_entry(tmp_path: Path) -> None:
    problems = _site(tmp_path, GOOD, files=("hip.svg", "knee.svg"))
    assert problems == [
        "docs/_data/figures.yml:4: figure 'knee.svg' is used by no page; place it on a page with '::: figure knee.svg', or delete the file and this entry"
    ]


def test_an_entry_without_its_file_is_reported(tmp_path: Path) -> None:
    data = ENTRY.format(name="hip.svg", licence="CC-BY-SA-4.0") + ENTRY.format(name="gone.svg", licence="CC-BY-SA-4.0")
    assert _site(tmp_path, GOOD, data) == [
        "docs/_data/figures.yml:4: 'gone.svg' is not in docs/assets/figures; add the file or remove this entry"
    ]


def test_a_site_without_figures_needs_no_data_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text(PAGE.format(body="No pictures."))
    assert figure_problems(docs, "docs", page_texts(docs)) == []


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("About 8.5 in 100 hips collapsed.", "'8.5 in 100' is not in whole numbers"),
        ("About 120 in 100 hips collapsed.", "120 is more than the total 100"),
        ("About 1 in 5 hips did well.", "the total 5 is not 10, 100 or 1,000"),
        ("Most hips collapsed.", "the sentence must hold exactly one frequency such as '8 in 100' (found 0)"),
        (
            "About 4 in 10 got worse and 3 in 10 collapsed.",
            "the sentence must hold exactly one frequency such as '8 in 100' (found 2)",
        ),
    ],
)
def test_a_bad_frequency_is_refused_with_the_reason(sentence: str, wrong: str) -> None:
    assert read_frequency(sentence) == (None, wrong)


@pytest.mark.parametrize(
    ("sentence", "count", "total"),
    [
        ("About 85 in 100 hips.", 85, 100),
        ("Type A: 0 in 100 hips.", 0, 100),
        ("All 10 in 10.", 10, 10),
        ("7 in 1,000 people.", 7, 1000),
    ],
)
def test_a_good_frequency_is_read(sentence: str, count: int, total: int) -> None:
    assert read_frequency(sentence) == (Frequency(sentence, count, total), None)


def test_icon_problems_name_the_line_and_one_denominator_is_kept(tmp_path: Path) -> None:
    body = "::: icons Compared\n    - About 4 in 10 got worse.\n    - About 85 in 100 collapsed.\n    - About 8.5 in 100 collapsed."
    problems = _site(tmp_path, GOOD + "\n\n" + body)
    assert (
        "docs/page.md:14: '8.5 in 100' is not in whole numbers; write one frequency in whole numbers out of 10, 100 or 1,000"
        in problems
    )
    assert (
        "docs/page.md:11: the sentences compared here use different totals (10, 100); use one total in a comparison, for example all 'in 100'"
        in problems
    )
    assert _site(tmp_path / "b", GOOD + "\n\n::: icons") == [
        "docs/page.md:11: the icon array has no sentence; add a line '    - About 8 in 100 ...' under it"
    ]


def test_continuation_lines_join_the_field_above() -> None:
    (block,) = page_blocks("::: figure hip.svg\n    caption: The hip\n        from the front.\n    alt: A ball.\n")
    assert block.fields["caption"] == ("The hip from the front.", 2)


def _render(text: str, tmp_path: Path) -> BeautifulSoup:
    folder = tmp_path / "figures"
    folder.mkdir(exist_ok=True)
    (folder / "hip.svg").write_text(SVG.replace("<svg ", "<svg ").replace("<path", "<title>old</title><path"))
    html = markdown.Markdown(extensions=[FigureExtension(figures_dir=str(folder))]).convert(text)
    return BeautifulSoup(html, "html.parser")


def test_a_figure_renders_as_inline_svg_named_by_its_caption_and_described_by_its_alt(tmp_path: Path) -> None:
    page = _render("Before.\n\n" + GOOD + "\n\nAfter.", tmp_path)
    figure = one(page, "figure.kb-figure")
    svg = one(figure, ".kb-figure__art svg")
    assert svg["role"] == "img" and "xmlns" not in svg.attrs
    assert by_id(page, attr(svg, "aria-labelledby")).get_text() == "The hip."
    assert by_id(page, attr(svg, "aria-describedby")).get_text() == "A ball in a socket."
    assert [t.get_text() for t in svg.find_all("title")] == ["The hip."]  # The file's own title is replaced.
    assert one(figure, "figcaption").get_text() == "The hip."
    assert one(figure, ".kb-figure__art").has_attr("data-search-exclude")
    assert [p.get_text() for p in page.find_all("p", recursive=False)] == ["Before.", "After."]


def test_two_figures_on_a_page_get_their_own_ids(tmp_path: Path) -> None:
    page = _render(GOOD + "\n\n" + GOOD, tmp_path)
    ids = [svg["aria-labelledby"] for svg in page.select("svg")]
    assert len(set(ids)) == 2


def test_an_icon_array_is_named_by_its_sentence_and_draws_that_many_filled_icons(tmp_path: Path) -> None:
    page = _render(
        "::: icons Collapsed\n    - Type B: about 8 in 100 hips collapsed.\n    - Type C2: about 85 in 100\n      hips collapsed.",
        tmp_path,
    )
    items = page.select(".kb-icons__item")
    assert one(page, ".kb-icons__title").get_text() == "Collapsed"
    for item, (count, sentence) in zip(
        items,
        [(8, "Type B: about 8 in 100 hips collapsed."), (85, "Type C2: about 85 in 100 hips collapsed.")],
        strict=True,
    ):
        svg = one(item, "svg")
        assert svg["role"] == "img"
        assert by_id(page, attr(svg, "aria-labelledby")).get_text() == sentence
        assert len(re.findall("M", attr(one(svg, ".kb-icon-yes"), "d"))) == count
        assert len(re.findall("M", attr(one(svg, ".kb-icon-no"), "d"))) == 100 - count


@pytest.mark.parametrize(("count", "total"), [(0, 10), (10, 10), (1, 1000)])
def test_icon_arrays_at_the_edges_draw_only_the_kinds_they_have(count: int, total: int) -> None:
    svg = draw(Frequency("s", count, total), "x")
    drawn = {path.get("class"): len(path.attrib["d"].split("M")) - 1 for path in svg}
    assert drawn.get("kb-icon-yes", 0) == count and drawn.get("kb-icon-no", 0) == total - count


def test_a_wrong_figures_folder_is_reported_once_per_figure(tmp_path: Path, caplog) -> None:
    html = markdown.Markdown(extensions=[FigureExtension(figures_dir=str(tmp_path / "nowhere"))]).convert(GOOD)
    assert "<svg" not in html and "<figcaption>The hip.</figcaption>" in html
    assert [r.name for r in caplog.records] == ["mkdocs.kb.figure_markdown"]
    assert "is not a folder; set it under kb.figure_markdown in mkdocs.yml" in caplog.records[0].getMessage()
