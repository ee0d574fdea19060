"""Figures and icon arrays in Chromium: named and described for screen readers, 3:1 contrast, printed in black.

axe does not look inside an SVG, so the contrast of every line and label is measured here from the colours
the browser resolves, against the page background, in both schemes.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import FloatRect, Locator, Page

from tests.browser.tabs import DESKTOP_LIGHT, VARIANTS, Variant, visit
from tests.browser.test_accessibility import accessibility_tree

pytestmark = pytest.mark.browser

FIGURE_PAGES = (
    "about-avn/what-is-avn/",
    "about-avn/stages/",
    "about-avn/without-treatment/",
    "treatment/assistive-devices/",
    "physical-therapy/exercises/",
    "physical-therapy/exercises-to-avoid/",
    "physical-therapy/how-long/",
    "physical-therapy/exercise-log/",
)
LINE_CONTRAST = 3.0  # WCAG 1.4.11 for graphics; the labels are large enough to need only 3:1 as well.
# Every drawn line, label and icon: [page path, element, what colour property, rgb].
COLOURS = """() => {
  const bg = getComputedStyle(document.body).backgroundColor;
  const out = [];
  for (const el of document.querySelectorAll(".kb-figure svg *, .kb-icons svg *")) {
    const cls = el.getAttribute("class") || "";
    if (!cls || cls.includes("kb-icon-hole") || cls.includes("kb-fig-bone") && el.tagName !== "path") continue;
    const style = getComputedStyle(el);
    const filled = el.tagName === "text" || cls.includes("kb-fig-fill");
    const colour = filled ? style.fill : style.stroke;
    if (colour && colour !== "none") out.push([el.tagName + "." + cls.replace(/ /g, "."), colour, bg]);
  }
  return out;
}"""


def _rgb(text: str) -> tuple[float, ...]:
    return tuple(float(part) for part in text[text.index("(") + 1 : text.index(")")].split(",")[:3])


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two CSS rgb() colours."""
    la, lb = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_is_measured_the_wcag_way() -> None:
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0
    assert round(contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)"), 2) == 4.54


@pytest.mark.parametrize("path", FIGURE_PAGES)
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_every_figure_is_named_and_described_and_its_lines_have_3_to_1_contrast(
    tab_for, base_url: str, path: str, variant: Variant
) -> None:
    tab: Page = tab_for(variant)
    visit(tab, base_url + path, variant)
    figures = tab.locator(".kb-figure svg[role=img]").count()
    icons = tab.locator(".kb-icons svg[role=img]").count()
    assert figures + icons > 0, f"{path}: no figure"
    images = accessibility_tree(tab, "document.querySelector('article')", role="image")
    named = [node for node in images if node.get("name", {}).get("value")]
    assert len(named) >= figures + icons, f"{path}: an SVG has no accessible name"
    described = [node for node in named if node.get("description", {}).get("value")]
    assert len(described) >= figures, f"{path}: a figure has no description in the accessibility tree"
    # A wide diagram may scroll sideways inside its own box; nothing else is wider than the screen.
    shown = ".kb-figure--wide .kb-figure__art, .kb-figure:not(.kb-figure--wide) svg, .kb-icons svg"
    for element in tab.locator(shown).all():
        box = element.bounding_box()
        assert box and box["width"] > 40, f"{path}: a figure is not shown"
        assert box["x"] >= 0 and box["x"] + box["width"] <= variant.width + 1, (
            f"{path}: a figure is wider than the screen"
        )
    for art in tab.locator(".kb-figure--wide .kb-figure__art").all():
        assert art.get_attribute("tabindex") == "0", f"{path}: a wide figure that scrolls is not reached by keyboard"
    weak = [
        f"{what}: {colour} on {bg} is {contrast(colour, bg):.2f}:1"
        for what, colour, bg in tab.evaluate(COLOURS)
        if contrast(colour, bg) < LINE_CONTRAST
    ]
    assert not weak, f"{path} ({variant.name}) lines under 3:1, fix kb-figures.css:\n" + "\n".join(sorted(set(weak)))


def test_the_contrast_check_finds_a_faint_line(tab_for, base_url: str) -> None:
    tab: Page = tab_for(DESKTOP_LIGHT)
    visit(tab, base_url + "physical-therapy/exercises/", DESKTOP_LIGHT)
    # Through the CSSOM: the site's Content-Security-Policy refuses a <style> tag.
    tab.evaluate("document.querySelectorAll('.kb-fig .kb-fig-far').forEach((el) => { el.style.stroke = '#dddddd'; })")
    assert any(contrast(c, bg) < LINE_CONTRAST for _, c, bg in tab.evaluate(COLOURS))


@pytest.mark.parametrize(
    "path", ["physical-therapy/exercises/", "physical-therapy/exercises-to-avoid/", "about-avn/stages/"]
)
def test_figures_print_in_black_on_white(tab_for, base_url: str, path: str) -> None:
    tab: Page = tab_for(DESKTOP_LIGHT)
    visit(tab, base_url + path, DESKTOP_LIGHT)
    tab.emulate_media(media="print")
    try:
        colours = tab.evaluate(COLOURS)
        near = {c for what, c, _ in colours if "kb-fig-near" in what and "fill" not in what}
        if path != "about-avn/stages/":
            assert near == {"rgb(0, 0, 0)"}
        assert all(contrast(c, "rgb(255, 255, 255)") >= LINE_CONTRAST for _, c, _ in colours)
        for svg in tab.locator(".kb-figure svg").all():
            assert svg.is_visible() and box(svg)["width"] > 100
    finally:
        tab.emulate_media(media="screen")


def box(element: Locator) -> FloatRect:
    """Where ``element`` is drawn; fails the test when it is not drawn at all."""
    found = element.bounding_box()
    assert found is not None, f"{element} is not drawn"
    return found


def test_the_exercise_log_shows_a_small_drawing_of_every_exercise(tab_for, base_url: str) -> None:
    tab: Page = tab_for(DESKTOP_LIGHT)
    visit(tab, base_url + "physical-therapy/exercise-log/", DESKTOP_LIGHT)
    small = tab.locator(".kb-figure--small")
    assert small.count() == 16
    assert all(figure.is_visible() and box(figure)["width"] < 250 for figure in small.all())
    # In print they are a strip of thumbnails, eight to a row, each drawing shown with its name.
    tab.emulate_media(media="print")
    try:
        boxes = [box(figure) for figure in small.all()]
        assert all(figure.locator("svg").is_visible() for figure in small.all())
        assert all(figure.locator("figcaption").is_visible() for figure in small.all())
        rows = sorted({round(shown["y"]) for shown in boxes})
        assert len(rows) == 2, rows
    finally:
        tab.emulate_media(media="screen")
