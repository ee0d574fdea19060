"""WCAG 2.2 AA in Chromium: axe on every page in both schemes at desktop and phone width, and the keyboard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.sitepages import MISSING_PAGE, content_pages
from tests.browser.tabs import DESKTOP_LIGHT, VARIANTS, Variant, close, open_tab, step_all, visit, visit_all

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
PHONE = next(variant for variant in VARIANTS if variant.name == "phone-light")
# A long page with many links in running text, a table of contents and sources.
LONG_PAGE = "treatment/bisphosphonates/"
# A page with all three care cards and glossary terms inside them.
CARE_PAGE = "living/when-to-get-help/"
CARE_CARDS = ("care-emergency", "care-urgent", "care-routine")


@pytest.fixture(scope="module")
def axe_tabs(browser, base_url: str) -> Iterator[list[tuple[Page, Variant]]]:
    """One tab per variant with axe-core (as axe-playwright-python ships it) loaded into every page."""
    tabs = [(open_tab(browser, base_url, variant), variant) for variant in VARIANTS]
    for tab, _ in tabs:
        tab.context.add_init_script(Axe().axe_script)
    yield tabs
    for tab, _ in tabs:
        close(tab)


def axe_violations(results: dict, path: str, variant: Variant) -> list[str]:
    """Every node axe flags, one line each: page, variant, rule, target and what to fix."""
    return [
        f"{path or '/'} ({variant.name}): {violation['id']} at {node['target']}: {violation['help']}. "
        + " ".join(node.get("failureSummary", "").split())
        for violation in results["violations"]
        for node in violation["nodes"]
    ]


# Starts axe on the next turn of the event loop, so that the call returns at once and the four tabs'
# renderers audit at the same time; COLLECT_AXE then waits for the result.
START_AXE = "options => { setTimeout(() => { window.kbAxe = axe.run(document, options); }); }"
COLLECT_AXE = """() => new Promise((resolve) => {
  const wait = () => (window.kbAxe ? resolve(window.kbAxe) : setTimeout(wait, 10));
  wait();
})"""


@pytest.mark.parametrize("path", [*content_pages(), MISSING_PAGE])
def test_axe_finds_no_wcag_a_or_aa_violation_in_either_scheme_on_desktop_or_phone(
    axe_tabs, base_url: str, path: str
) -> None:
    # Content pages are reached the way readers move between them, by instant navigation (axe stays loaded).
    if path == MISSING_PAGE:
        visit_all(axe_tabs, base_url + path)
    else:
        step_all(axe_tabs, base_url + path)
    for tab, _ in axe_tabs:
        tab.evaluate("window.kbAxe = null")
        tab.evaluate(START_AXE, AXE_OPTIONS)
    problems = [line for tab, variant in axe_tabs for line in axe_violations(tab.evaluate(COLLECT_AXE), path, variant)]
    assert not problems, "axe found WCAG problems; fix them in overrides/ or kb.css:\n" + "\n".join(problems)


def test_axe_check_reports_page_variant_rule_and_target_of_a_planted_violation(axe_tabs, base_url: str) -> None:
    tab, variant = axe_tabs[0]
    visit(tab, base_url + LONG_PAGE, variant)
    tab.evaluate("document.querySelector('article p').style.color = '#bbbbbb'")
    tab.evaluate("window.kbAxe = null")
    tab.evaluate(START_AXE, AXE_OPTIONS)
    problems = axe_violations(tab.evaluate(COLLECT_AXE), LONG_PAGE, variant)
    assert any(line.startswith(f"{LONG_PAGE} ({variant.name}): color-contrast at [") for line in problems), problems


# Where the focused element is and whether a reader can see it: its first line of text (or its box, for
# an icon) is on screen and on top (nothing, such as the sticky header, covers it), and it has a focus
# outline. A visually hidden control (Material's colour-scheme radios) shows focus on the label after it.
FOCUS = """() => {
  const focused = document.activeElement;
  if (focused === document.body) return null;
  let el = focused;
  const own = el.getBoundingClientRect();
  if (own.width * own.height === 0 && el.nextElementSibling && el.nextElementSibling.tagName === "LABEL") {
    el = el.nextElementSibling;
  }
  const text = document.createRange();
  text.selectNodeContents(el);
  const line = [...text.getClientRects()].find((box) => box.width * box.height > 0) || el.getClientRects()[0];
  const style = getComputedStyle(el);
  const hit = line && document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2);
  return {
    html: focused.outerHTML.slice(0, 100),
    box: line ? [line.left, line.top, line.right, line.bottom].map(Math.round) : null,
    window: [window.innerWidth, window.innerHeight],
    seen: !!line && line.width * line.height > 0 && line.top >= 0 && line.bottom <= window.innerHeight
      && line.left >= 0 && line.right <= window.innerWidth,
    uncovered: !!hit && (hit === el || el.contains(hit)),
    coveredBy: hit && hit !== el && !el.contains(hit) ? hit.outerHTML.slice(0, 80) : null,
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
  };
}"""


# The page has settled after a key press: search is open exactly while focus is in its form, and
# transitions (the search overlay fading out, the skip link sliding in) have finished.
SETTLED = """() => document.getElementById("__search").checked === !!document.activeElement.closest(".md-search__form")
  && document.getAnimations().every((animation) => animation.playState !== "running"
    || !["opacity", "transform", "width", "height", "visibility"].includes(animation.transitionProperty))"""


def tab_to_next(tab: Page) -> dict | None:
    """Press Tab, let the page settle, and describe the focused element (None once focus is back on the body)."""
    tab.keyboard.press("Tab")
    if not tab.evaluate(SETTLED):
        tab.wait_for_function(SETTLED)
    return tab.evaluate(FOCUS)


@pytest.mark.parametrize("variant", [DESKTOP_LIGHT, PHONE], ids=lambda variant: variant.name)
def test_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_the_content(
    tab_for, base_url: str, variant: Variant
) -> None:
    tab = tab_for(variant)
    visit(tab, base_url + LONG_PAGE, variant)
    tab.wait_for_load_state("networkidle")
    focus = tab_to_next(tab)
    expect(tab.locator("a.md-skip")).to_be_focused()
    expect(tab.locator("a.md-skip")).to_have_css("opacity", "1")
    assert focus and focus["seen"] and focus["uncovered"] and focus["outline"], focus
    tab.keyboard.press("Enter")
    # Material's instant navigation scrolls to the heading and moves the focus start there, then Tab goes on.
    tab.wait_for_function("() => location.hash.length > 1 && !document.activeElement.matches('.md-skip')")
    focus = tab_to_next(tab)
    assert tab.evaluate("!!document.activeElement.closest('article')"), f"after the skip link, Tab went to {focus}"


@pytest.mark.parametrize("variant", [DESKTOP_LIGHT, PHONE], ids=lambda variant: variant.name)
def test_tabbing_through_a_long_page_always_shows_focus_on_top_and_outlined(
    tab_for, base_url: str, variant: Variant
) -> None:
    tab = tab_for(variant)
    visit(tab, base_url + LONG_PAGE, variant)
    tab.wait_for_load_state("networkidle")
    stops = tab.evaluate("document.querySelectorAll('a[href], button, input, [tabindex]').length")
    seen: list[dict] = []
    while (focus := tab_to_next(tab)) is not None and len(seen) <= stops:
        seen.append(focus)
    hidden = [focus for focus in seen if not (focus["seen"] and focus["uncovered"])]
    unmarked = [focus["html"] for focus in seen if not focus["outline"]]
    assert len(seen) > 50, f"only {len(seen)} focus stops on {LONG_PAGE}"
    assert not hidden, f"{LONG_PAGE} ({variant.name}): focus off screen or covered:\n" + "\n".join(map(str, hidden))
    assert not unmarked, f"{LONG_PAGE} ({variant.name}): focus without an outline:\n" + "\n".join(unmarked)


def test_focus_check_reports_a_link_under_the_sticky_header(tab_for, base_url: str) -> None:
    tab = tab_for(DESKTOP_LIGHT)
    visit(tab, base_url + LONG_PAGE)
    tab.evaluate(
        """() => {
          const link = document.querySelectorAll("article p a[href]")[3];
          window.scrollTo(0, link.getBoundingClientRect().top + window.scrollY - 10);
          link.focus({ preventScroll: true });
        }"""
    )
    focus = tab.evaluate(FOCUS)
    assert focus["seen"] and not focus["uncovered"] and focus["coveredBy"], focus


def test_phone_menu_button_opens_the_navigation_from_the_keyboard(tab_for, base_url: str) -> None:
    tab = tab_for(PHONE)
    visit(tab, base_url + LONG_PAGE, PHONE)
    tab.wait_for_load_state("networkidle")
    menu = tab.locator(".md-header label[for=__drawer]")
    for _ in range(5):
        tab_to_next(tab)
        if tab.evaluate("document.activeElement.matches('.md-header label[for=__drawer]')"):
            break
    expect(menu).to_be_focused()
    tab.keyboard.press("Enter")
    expect(tab.locator(".md-sidebar--primary")).to_be_visible()
    in_drawer = "!!document.activeElement.closest('.md-sidebar--primary')"
    stops = []
    while (focus := tab_to_next(tab)) is not None and tab.evaluate(in_drawer):
        stops.append(focus)
    assert len(stops) >= 5, f"only {len(stops)} focus stops in the open drawer"
    hidden = [stop for stop in stops if not (stop["seen"] and stop["uncovered"])]
    assert not hidden, "focus off screen or covered in the open drawer:\n" + "\n".join(map(str, hidden))
    # The drawer opens at this page's section; the section's title is the way back to the whole site.
    back = tab.locator(".md-sidebar--primary label.md-nav__title[for^=__nav_]:visible")
    assert "md-nav__title" in stops[0]["html"], f"the first stop in the drawer is not its back button: {stops[0]}"
    back.focus()
    tab.keyboard.press("Enter")
    expect(tab.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a[href]").first).to_be_visible()
    tab.wait_for_function(SETTLED)
    focus = tab_to_next(tab)
    assert tab.evaluate(in_drawer) and focus and focus["seen"] and focus["uncovered"], focus


def test_escape_closes_the_phone_navigation_and_gives_focus_back_to_the_menu_button(tab_for, base_url: str) -> None:
    tab = tab_for(PHONE)
    visit(tab, base_url + LONG_PAGE, PHONE)
    tab.wait_for_load_state("networkidle")
    menu = tab.locator(".md-header label[for=__drawer]")
    menu.focus()
    tab.keyboard.press("Enter")
    expect(tab.locator(".md-sidebar--primary")).to_be_visible()
    tab_to_next(tab)
    assert tab.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    tab.keyboard.press("Escape")
    assert tab.evaluate("document.getElementById('__drawer').checked") is False
    expect(menu).to_be_focused()
    expect(tab.locator(".md-sidebar--primary")).not_to_be_in_viewport()


def accessibility_tree(tab: Page, expression: str, role: str | None = None) -> list[dict]:
    """Chromium's own accessibility nodes (what a screen reader gets) for the element `expression` finds.

    With `role`, the nodes of that role inside the element; without, the element's own node.
    """
    cdp = tab.context.new_cdp_session(tab)
    try:
        element = cdp.send("Runtime.evaluate", {"expression": expression})["result"]["objectId"]
        if role:
            return cdp.send("Accessibility.queryAXTree", {"objectId": element, "role": role})["nodes"]
        return cdp.send("Accessibility.getPartialAXTree", {"objectId": element, "fetchRelatives": False})["nodes"]
    finally:
        cdp.detach()


def test_glossary_terms_are_reached_by_tab_and_announce_their_definition(tab_for, base_url: str) -> None:
    tab = tab_for(DESKTOP_LIGHT)
    visit(tab, base_url + CARE_PAGE)
    for _ in range(200):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.matches('article a.kb-term')"):
            break
    expect(tab.locator("article a.kb-term").first).to_be_focused()
    definition_id = tab.evaluate("document.activeElement.getAttribute('aria-describedby')")
    definition = " ".join((tab.locator(f"#{definition_id}").text_content() or "").split())
    assert len(definition.split()) >= 4, f"term definition #{definition_id} is empty or too short: {definition!r}"
    node = accessibility_tree(tab, "document.activeElement")[0]
    assert node["role"]["value"] == "link", node
    assert node.get("description", {}).get("value") == definition, node


@pytest.mark.parametrize("card", CARE_CARDS)
def test_care_card_title_is_read_as_words_without_its_icon(tab_for, base_url: str, card: str) -> None:
    tab = tab_for(DESKTOP_LIGHT)
    visit(tab, base_url + CARE_PAGE)
    title = f"document.querySelector('article .admonition.{card} > .admonition-title')"
    spoken = [node.get("name", {}).get("value", "") for node in accessibility_tree(tab, title, "StaticText")]
    assert len(spoken) == 1, (
        f"{card}: a screen reader reads the title as {spoken}; hide the icon with content: '…' / ''"
    )
    assert spoken[0].split(":")[0] in ("Emergency", "Urgent", "Non-urgent"), f"{card}: title {spoken[0]!r}"
