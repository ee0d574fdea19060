"""A glossary tooltip stays on screen on a phone: above its term near the bottom, never past either side."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONES = [(320, 568), (390, 844)]
# A page with many glossary terms, spread across the width of the text at both phone widths.
PAGE = "about-avn/what-is-avn/"
# The terms nearest the left and the right edge of the text, among those far enough from the start and
# the end of the page to be scrolled to the top or the bottom of the window.
EDGE_TERMS = """() => {
  const room = window.innerHeight;
  const end = document.documentElement.scrollHeight - room;
  const terms = [...document.querySelectorAll("article a.kb-term")].map((el, index) => {
    const box = el.getClientRects()[0];
    return { index, left: box.left, right: box.right, y: box.top + window.scrollY };
  }).filter((term) => term.y > room && term.y < end);
  terms.sort((a, b) => a.left - b.left);
  const left = terms[0].index;
  terms.sort((a, b) => b.right - a.right);
  return { left, right: terms[0].index };
}"""
# Scroll term ``index`` so its line sits ``where`` ("top", just below the header, or "bottom") of the
# window, show its tooltip by keyboard focus without scrolling, and measure both in window coordinates.
SHOW_AT_EDGE = """([index, where]) => {
  const term = document.querySelectorAll("article a.kb-term")[index];
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  const line = term.getClientRects()[0];
  const target = where === "top" ? header + 4 : window.innerHeight - line.height - 2;
  window.scrollBy(0, line.top - target);
  term.focus({ preventScroll: true });
  const tip = document.getElementById("kb-tooltip");
  const t = term.getClientRects()[0];
  const b = tip.getBoundingClientRect();
  return { width: document.documentElement.clientWidth, height: window.innerHeight, hidden: tip.hidden,
           term: { top: t.top, bottom: t.bottom }, tip: { top: b.top, bottom: b.bottom, left: b.left, right: b.right },
           text: tip.textContent };
}"""


@pytest.fixture(params=PHONES, ids=[f"{w}x{h}" for w, h in PHONES])
def phone(browser, base_url: str, request):
    """A phone-sized touch tab on a page full of glossary terms."""
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True, is_mobile=True)
    tab = context.new_page()
    tab.goto(base_url + PAGE)
    yield tab
    context.close()


@pytest.mark.parametrize("edge", ["left", "right"])
@pytest.mark.parametrize("where", ["top", "bottom"])
def test_the_tooltip_of_a_term_near_an_edge_stays_inside_the_window(phone, edge: str, where: str) -> None:
    index = phone.evaluate(EDGE_TERMS)[edge]
    shown = phone.evaluate(SHOW_AT_EDGE, [index, where])
    tip, term = shown["tip"], shown["term"]
    assert not shown["hidden"] and shown["text"]
    near = term["bottom"] >= shown["height"] - 30 if where == "bottom" else term["top"] <= 100
    assert near, f"the term did not reach the {where} of the window: {shown}"
    assert tip["left"] >= 0 and tip["right"] <= shown["width"], f"the tooltip leaves the window sideways: {shown}"
    assert tip["top"] >= 0 and tip["bottom"] <= shown["height"], f"the tooltip is cut off: {shown}"
    if where == "bottom":
        assert tip["bottom"] <= term["top"], f"near the bottom the tooltip must open above its term: {shown}"
    else:
        assert tip["top"] >= term["bottom"], f"with room below, the tooltip opens below its term: {shown}"


def test_the_terms_used_reach_both_sides_of_a_phone_screen(phone) -> None:
    # The edge cases above are only edge cases if the chosen terms sit near the sides of the text.
    spread = phone.evaluate(
        """() => { const boxes = [...document.querySelectorAll("article a.kb-term")].map((el) => el.getClientRects()[0]);
                   return { left: Math.min(...boxes.map((b) => b.left)), right: Math.max(...boxes.map((b) => b.right)),
                            width: document.documentElement.clientWidth }; }"""
    )
    assert spread["left"] < 40 and spread["right"] > spread["width"] - 80, spread
