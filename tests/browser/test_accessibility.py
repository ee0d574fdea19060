"""WCAG 2.2 AA in Chromium: axe on every page in both schemes at desktop and phone width, and the keyboard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.sitepages import MISSING_PAGE, content_pages
from tests.browser.tabs import DESKTOP_LIGHT, VARIANTS, Variant, close, open_tab, visit, visit_all

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


@pytest.mark.parametrize("path", [*content_pages(), MISSING_PAGE])
def test_axe_finds_no_wcag_a_or_aa_violation_in_either_scheme_on_desktop_or_phone(
    axe_tabs, base_url: str, path: str
) -> None:
    visit_all(axe_tabs, base_url + path)
    # Start axe in all four tabs, then collect: the four renderers work at the same time.
    for tab, _ in axe_tabs:
        tab.evaluate("options => { window.kbAxe = axe.run(document, options); }", AXE_OPTIONS)
    problems = [
        line for tab, variant in axe_tabs for line in axe_violations(tab.evaluate("window.kbAxe"), path, variant)
    ]
    assert not problems, "axe found WCAG problems; fix them in overrides/ or kb.css:\n" + "\n".join(problems)


def focused_box(tab: Page) -> dict:
    """Where the focused element is, whether its focus outline shows, and where the sticky header ends."""
    return tab.evaluate(
        """() => {
          const el = document.activeElement;
          const box = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          return {
            html: el.outerHTML.slice(0, 120),
            top: box.top, bottom: box.bottom, width: box.width, height: box.height,
            inHeader: !!el.closest(".md-header"),
            headerBottom: document.querySelector(".md-header").getBoundingClientRect().bottom,
            viewport: window.innerHeight,
            outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
            body: el === document.body,
          };
        }"""
    )


@pytest.mark.parametrize("variant", [DESKTOP_LIGHT, PHONE], ids=lambda variant: variant.name)
def test_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_the_content(
    tab_for, base_url: str, variant: Variant
) -> None:
    tab = tab_for(variant)
    visit(tab, base_url + LONG_PAGE, variant)
    tab.keyboard.press("Tab")
    skip = tab.locator("a.md-skip")
    expect(skip).to_be_focused()
    box = focused_box(tab)
    assert box["top"] >= 0 and box["bottom"] <= box["viewport"] and box["width"] > 0, box
    assert tab.evaluate("getComputedStyle(document.activeElement).opacity") == "1"
    tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    assert tab.evaluate("!!document.activeElement.closest('article')"), focused_box(tab)["html"]


@pytest.mark.parametrize("variant", [DESKTOP_LIGHT, PHONE], ids=lambda variant: variant.name)
def test_tabbing_through_a_long_page_never_hides_focus_under_the_header(
    tab_for, base_url: str, variant: Variant
) -> None:
    tab = tab_for(variant)
    visit(tab, base_url + LONG_PAGE, variant)
    stops = tab.evaluate("document.querySelectorAll('a[href], button, input, [tabindex]').length")
    hidden, no_outline, seen = [], [], 0
    for _ in range(stops + 5):
        tab.keyboard.press("Tab")
        box = focused_box(tab)
        if box["body"]:
            break
        seen += 1
        if not box["inHeader"] and (box["top"] < box["headerBottom"] - 1 or box["bottom"] > box["viewport"] + 1):
            hidden.append(box)
        if box["height"] > 0 and not box["outline"]:
            no_outline.append(box["html"])
    assert seen > 50, f"only {seen} focus stops on {LONG_PAGE}"
    assert not hidden, f"focus hidden under the header or off screen on {LONG_PAGE} ({variant.name}): {hidden[:5]}"
    assert not no_outline, f"focus outline missing on {LONG_PAGE} ({variant.name}): {no_outline[:5]}"


def test_glossary_terms_are_reached_by_tab_and_announce_their_definition(tab_for, base_url: str) -> None:
    tab = tab_for(DESKTOP_LIGHT)
    visit(tab, base_url + CARE_PAGE)
    first_term = tab.locator("article a.kb-term").first
    for _ in range(200):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.matches('a.kb-term')"):
            break
    expect(first_term).to_be_focused()
    definition_id = first_term.get_attribute("aria-describedby")
    definition = tab.locator(f"#{definition_id}").text_content() or ""
    assert len(definition.split()) >= 4, f"term definition #{definition_id} is empty or too short: {definition!r}"
    expect(first_term).to_have_accessible_description(definition.strip())


def test_care_cards_announce_their_level_in_words_before_their_advice(tab_for, base_url: str) -> None:
    tab = tab_for(DESKTOP_LIGHT)
    visit(tab, base_url + CARE_PAGE)
    for card in CARE_CARDS:
        snapshot = tab.locator(f"article .admonition.{card}").first.aria_snapshot()
        first_line = snapshot.splitlines()[0]
        assert first_line.startswith("- paragraph:"), f"{card}: title is not read first:\n{snapshot}"
        assert any(word in first_line for word in ("Emergency", "Urgent", "Non-urgent")), snapshot
        assert "!" not in first_line.split(":", 1)[1].lstrip()[:2], f"{card}: the icon is read aloud:\n{snapshot}"
