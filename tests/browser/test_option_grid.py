"""The option grid as readers see it: a card a question on a 360 px phone with no sideways scroll, a table on
a laptop, and the whole grid on one printed sheet."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.browser.tabs import DESKTOP_LIGHT, VARIANTS, Variant, close, open_tab
from tests.browser.test_accessibility import FOCUS
from tests.browser.test_handout_print import squeezed
from tests.browser.test_print_and_zoom import overflow_problems

pytestmark = pytest.mark.browser

PATH = "treatment/choosing-together/"
PHONES = [variant for variant in VARIANTS if variant.width == 360]
LAPTOP = Variant("laptop-light", 1366, 900, "light")
# How each part of the grid is laid out, and whether each answer is labelled with its option on screen.
LAYOUT = """() => {
  const grid = document.querySelector(".kb-grid");
  const cells = [...grid.querySelectorAll("tbody td")];
  return {
    tableDisplay: getComputedStyle(grid.querySelector("table")).display,
    cellDisplay: getComputedStyle(cells[0]).display,
    headHeight: grid.querySelector("thead").getBoundingClientRect().height,
    labels: cells.map((cell) => getComputedStyle(cell, "::before").content.replace(/^"|"$/g, "")),
    names: cells.map((cell) => cell.dataset.label),
    gridWider: grid.scrollWidth > grid.clientWidth + 1,
  };
}"""
# The texts that open and close the printed grid, and one from each row.
GRID_TEXTS = """() => {
  const grid = document.querySelector(".kb-grid");
  return [grid.querySelector("caption strong"), ...grid.querySelectorAll("th[scope=row]"),
          ...grid.querySelectorAll(".kb-grid__notes strong")].map((el) => el.textContent);
}"""


def _layout_and_overflow(browser, base_url: str, variant: Variant) -> tuple[dict, list[str]]:
    """The grid's layout facts and any sideways overflow on the page, seen in ``variant``."""
    tab = open_tab(browser, base_url, variant)
    try:
        tab.goto(base_url + PATH)
        return tab.evaluate(LAYOUT), overflow_problems(tab)
    finally:
        close(tab)


@pytest.mark.parametrize("variant", PHONES, ids=lambda variant: variant.name)
def test_on_a_phone_each_question_is_a_card_of_labelled_answers_without_sideways_scroll(
    browser, base_url: str, variant: Variant
) -> None:
    layout, overflow = _layout_and_overflow(browser, base_url, variant)
    assert overflow == [], overflow
    assert not layout["gridWider"]
    assert (layout["tableDisplay"], layout["cellDisplay"]) == ("block", "block")
    assert layout["headHeight"] <= 1, "the header row shows above the cards"
    assert layout["labels"] == layout["names"] and len(set(layout["names"])) == 5


def test_on_a_laptop_the_grid_is_a_table_that_fits_the_page(browser, base_url: str) -> None:
    layout, overflow = _layout_and_overflow(browser, base_url, LAPTOP)
    assert overflow == [] and not layout["gridWider"]
    assert (layout["tableDisplay"], layout["cellDisplay"]) == ("table", "table-cell")
    assert set(layout["labels"]) == {"none"}


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_grid_prints_whole_on_one_sheet(browser, base_url: str, paper: str) -> None:
    tab = open_tab(browser, base_url)
    try:
        tab.goto(base_url + PATH)
        texts = tab.evaluate(GRID_TEXTS)
        pdf = tab.pdf(format=paper, print_background=False)
    finally:
        close(tab)
    sheets = [squeezed(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(texts) == 9, texts
    on = {text: [number for number, sheet in enumerate(sheets, 1) if squeezed(text) in sheet] for text in texts}
    first = on[texts[0]]
    assert len(first) == 1 and all(found == first for found in on.values()), on


def test_links_reached_backwards_through_the_grid_are_never_under_its_sticky_header_row(browser, base_url: str) -> None:
    tab = open_tab(browser, base_url, DESKTOP_LIGHT)
    try:
        tab.goto(base_url + PATH)
        links = tab.evaluate("document.querySelectorAll('.kb-grid tbody a').length")
        tab.focus(".kb-grid tbody tr:last-child td:last-child a")
        hidden = []
        for _ in range(links - 1):
            tab.keyboard.press("Shift+Tab")
            focus = tab.evaluate(FOCUS)
            assert tab.evaluate("!!document.activeElement.closest('.kb-grid tbody')"), focus
            if not (focus["seen"] and focus["uncovered"]):
                hidden.append(focus)
    finally:
        close(tab)
    assert links > 25 and hidden == [], hidden
