"""Print and zoom in Chromium: pages print their safety furniture without navigation, and reflow at 320 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.sitepages import MISSING_PAGE, content_pages, medical_pages
from tests.browser.tabs import DESKTOP_LIGHT, Variant, step_all, visit

pytestmark = pytest.mark.browser

MEDICAL = set(medical_pages())
# 1280 CSS px at 400% zoom: WCAG 1.4.10 asks for no horizontal scrolling at this width.
ZOOMED = Variant("zoom-400", 320, 640, "light")
# Navigation chrome that must not print.
CHROME = {
    ".md-header": "header",
    ".md-sidebar--primary": "site navigation",
    ".md-sidebar--secondary": "table of contents",
    ".md-footer__inner": "previous and next links",
    ".kb-footer-links": "footer links",
    ".md-search": "search",
    ".md-top": "back-to-top button",
    ".md-skip": "skip link",
    ".md-content__button": "edit button",
}
# What a medical page must print: the disclaimer, both review dates and the sources.
FURNITURE = {".kb-disclaimer": 1, ".kb-review time": 2, ".kb-sources li": 1}
# Counts the elements under each selector that the printed page actually shows.
SHOWN = """(selectors) => Object.fromEntries(selectors.map((selector) => [selector,
  [...document.querySelectorAll(selector)].filter((el) => {
    const style = getComputedStyle(el);
    return el.getClientRects().length > 0 && style.visibility !== "hidden" && parseFloat(style.opacity) > 0;
  }).length]))"""
# Elements wider than the page at 320 px; tables and code blocks may scroll inside their own box, and
# fixed furniture (the progress bar) and closed panels do not widen the page.
OVERFLOW = """() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll("body *")].filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > root.clientWidth + 1 && getComputedStyle(el).position !== "fixed"
      && !el.closest(".md-typeset__scrollwrap, pre, .md-sidebar, .md-search, .md-dialog, .md-skip")
      // A labelled diagram scrolls inside its own box, as WCAG 1.4.10 allows for diagrams; the page does not.
      && !el.closest(".kb-figure--wide .kb-figure__art");
  });
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
           wide: wide.slice(0, 5).map((el) => el.outerHTML.slice(0, 100)) };
}"""


def print_problems(tab: Page, medical: bool) -> list[str]:
    """What is wrong with the printed page: chrome that prints, furniture that does not."""
    tab.emulate_media(media="print")
    try:
        shown = tab.evaluate(SHOWN, [*CHROME, *FURNITURE])
    finally:
        tab.emulate_media(media="screen")
    problems = [
        f"the {name} prints ({selector}); hide it in kb.css @media print"
        for selector, name in CHROME.items()
        if shown[selector]
    ]
    if medical:
        problems += [
            f"{selector} prints {shown[selector]} time(s), needs {least}"
            for selector, least in FURNITURE.items()
            if shown[selector] < least
        ]
    return problems


def overflow_problems(tab: Page) -> list[str]:
    """Horizontal scrolling of the page body, and the elements that stick out."""
    found = tab.evaluate(OVERFLOW)
    if found["scrollWidth"] <= found["clientWidth"] and not found["wide"]:
        return []
    return [f"page is {found['scrollWidth']} px wide in a {found['clientWidth']} px window", *found["wide"]]


@pytest.mark.parametrize("path", content_pages())
def test_page_prints_its_disclaimer_review_dates_and_sources_without_navigation(
    tab_for, base_url: str, path: str
) -> None:
    tab = tab_for(DESKTOP_LIGHT)
    step_all([(tab, DESKTOP_LIGHT)], base_url + path)
    problems = print_problems(tab, path in MEDICAL)
    assert not problems, f"{path or '/'} in print:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", [*content_pages(), MISSING_PAGE])
def test_page_reflows_at_400_percent_zoom_without_scrolling_sideways(tab_for, base_url: str, path: str) -> None:
    tab = tab_for(ZOOMED)
    if path == MISSING_PAGE:
        visit(tab, base_url + path, ZOOMED)
    else:
        step_all([(tab, ZOOMED)], base_url + path)
    problems = overflow_problems(tab)
    assert not problems, f"{path or '/'} at 320 px wide:\n" + "\n".join(problems)


def test_checks_report_printed_chrome_missing_furniture_and_a_too_wide_element(page: Page, base_url: str) -> None:
    path = sorted(MEDICAL)[0]
    visit(page, base_url + path)
    page.evaluate("document.querySelector('.md-header').style.setProperty('display', 'block', 'important')")
    page.evaluate("document.querySelector('.kb-sources').remove()")
    problems = print_problems(page, medical=True)
    assert any("header prints" in problem for problem in problems), problems
    assert any(problem.startswith(".kb-sources li prints 0") for problem in problems), problems
    page.set_viewport_size({"width": 320, "height": 640})
    page.evaluate("document.querySelector('article p').style.width = '600px'")
    assert overflow_problems(page), "a 600 px paragraph in a 320 px window went unnoticed"
