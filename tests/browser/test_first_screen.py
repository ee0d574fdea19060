"""On a phone, a worried reader sees the point of a page, and the way to help, without scrolling."""

from __future__ import annotations

import pytest

from tests.browser.sitepages import content_pages, medical_pages
from tests.browser.tabs import Variant, visit

pytestmark = pytest.mark.browser

PHONES = (Variant("small-phone-light", 375, 667, "light"), Variant("small-phone-dark", 375, 667, "dark"))
NARROW = (Variant("narrowest-light", 320, 568, "light"), Variant("phone-360-dark", 360, 640, "dark"))
# Where an element ends, in CSS pixels from the top of the page, and how much of the screen is left.
BOTTOM = (
    "selector => { const box = document.querySelector(selector); return box && box.getBoundingClientRect().bottom; }"
)


@pytest.mark.parametrize("variant", PHONES, ids=lambda variant: variant.name)
def test_key_messages_end_inside_the_first_phone_screen_on_every_health_page(tab_for, base_url: str, variant) -> None:
    tab = tab_for(variant)
    late = []
    for path in medical_pages():
        visit(tab, base_url + path, variant)
        bottom = tab.evaluate(BOTTOM, ".kb-key")
        assert bottom is not None, f"{path}: no 'In short' box"
        if bottom > variant.height:
            late.append(f"{path}: 'In short' ends at {bottom:.0f} px, the screen at {variant.height}")
    assert late == []


@pytest.mark.parametrize("variant", NARROW, ids=lambda variant: variant.name)
def test_site_name_and_help_fit_the_header_of_a_narrow_phone(tab_for, base_url: str, variant) -> None:
    tab = tab_for(variant)
    visit(tab, base_url, variant)
    name = tab.evaluate(
        """() => {
          const header = document.querySelector('.md-header').getBoundingClientRect();
          const text = document.querySelector('.md-header__topic .md-ellipsis');
          const box = text.getBoundingClientRect();
          return {text: text.textContent.trim(), clipped: text.scrollWidth > text.clientWidth + 1,
                  inside: box.top >= header.top && box.bottom <= header.bottom && box.right <= header.right};
        }"""
    )
    assert name == {"text": "AVN Knowledge Base", "clipped": False, "inside": True}
    help_link = tab.locator(".md-header a.kb-help-link")
    assert help_link.is_visible()
    box = help_link.bounding_box()
    assert box["x"] + box["width"] <= variant.width and box["height"] >= 24  # WCAG 2.5.8 target size
    help_link.click()
    tab.wait_for_url("**/living/when-to-get-help/")


@pytest.mark.parametrize("variant", NARROW, ids=lambda variant: variant.name)
def test_no_page_scrolls_sideways_on_a_narrow_phone(tab_for, base_url: str, variant) -> None:
    tab = tab_for(variant)
    wide = []
    for path in content_pages():
        visit(tab, base_url + path, variant)
        width = tab.evaluate("document.documentElement.scrollWidth")
        if width > variant.width:
            wide.append(f"{path}: {width} px wide")
    assert wide == []


def test_the_comparison_is_one_card_a_treatment_on_a_phone(tab_for, base_url: str) -> None:
    variant = NARROW[0]
    tab = tab_for(variant)
    visit(tab, base_url + "treatment/", variant)
    cards = tab.locator(".kb-compare__table tbody tr")
    assert cards.count() >= 10
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"], "cards must stack, one under the other"
    assert first["width"] <= variant.width
    labels = tab.evaluate(
        "() => [...document.querySelectorAll('.kb-compare__table tbody tr:first-child td')]"
        ".map(cell => getComputedStyle(cell, '::before').content)"
    )
    assert labels == ['"What it is for"', '"What it involves"', '"What the studies show"', '"Main risks"']
    # The table keeps its meaning for a screen reader in the card layout.
    assert tab.get_by_role("table").count() == 1
    assert tab.get_by_role("rowheader").count() == cards.count()


@pytest.mark.parametrize("variant", PHONES, ids=lambda variant: variant.name)
def test_home_page_shows_worried_right_now_in_the_first_phone_screen(tab_for, base_url: str, variant) -> None:
    tab = tab_for(variant)
    visit(tab, base_url, variant)
    worried = tab.locator("article p:has(a[href$='living/when-to-get-help/'])", has_text="Worried right now?")
    box = worried.first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= variant.height


# What must be large enough to read on a phone, in CSS pixels: running text, then notes, tables and furniture.
TYPE_ON_A_PHONE = """() => {
  const size = (el) => parseFloat(getComputedStyle(el).fontSize);
  const shown = (el) => el.getClientRects().length > 0 && el.textContent.trim() !== "";
  const all = (selector) => [...document.querySelectorAll(selector)].filter(shown);
  const small = ".admonition, table, .kb-trust, .kb-warning, .kb-evidence, .kb-about, .kb-suggest, .kb-compare";
  const body = all("article > p, article > ul > li, article > ol > li").filter((el) => !el.closest(small));
  return {
    bodyMin: Math.min(...body.map(size)),
    smallMin: Math.min(...all(`article :is(${small}) :is(p, li, td, th, dd, dt, caption)`).map(size)),
    titleWeight: parseInt(getComputedStyle(document.querySelector("article h1")).fontWeight, 10),
    titleSize: size(document.querySelector("article h1")),
    labelSize: Math.max(...all("article .kb-evidence__title, article .kb-key__title").map(size)),
  };
}"""


@pytest.mark.parametrize(
    "path", ["treatment/", "treatment/bisphosphonates/", "living/when-to-get-help/", "physical-therapy/exercise-log/"]
)
def test_phone_type_is_large_enough_and_the_title_outweighs_every_box_label(tab_for, base_url: str, path: str) -> None:
    variant = PHONES[0]
    tab = tab_for(variant)
    visit(tab, base_url + path, variant)
    sizes = tab.evaluate(TYPE_ON_A_PHONE)
    assert sizes["bodyMin"] >= 16, sizes
    assert sizes["smallMin"] >= 14, sizes
    assert sizes["titleWeight"] >= 700 and sizes["titleSize"] > sizes["labelSize"], sizes


def test_when_to_get_help_shows_the_emergency_card_in_the_first_phone_screen(tab_for, base_url: str) -> None:
    variant = PHONES[0]
    tab = tab_for(variant)
    visit(tab, base_url + "living/when-to-get-help/", variant)
    card = tab.locator("article .admonition").first
    assert "care-emergency" in (card.get_attribute("class") or "")
    first_sign = card.locator("li").first.bounding_box()
    assert first_sign is not None and first_sign["y"] + first_sign["height"] <= variant.height
