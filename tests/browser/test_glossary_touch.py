"""On a touch screen, the first tap on a glossary term shows its definition and the second follows the link."""

from __future__ import annotations

import pytest


@pytest.fixture
def phone(browser):
    """A phone-sized tab with touch and no hover, as Chromium emulates a mobile device."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    tab = context.new_page()
    yield tab
    context.close()


def test_first_tap_shows_the_definition_and_second_tap_opens_the_glossary(phone, base_url: str) -> None:
    phone.goto(base_url + "about-avn/symptoms/")
    assert phone.evaluate("matchMedia('(hover: none)').matches")
    term = phone.locator("article a.kb-term").first
    definition = phone.locator(f"#{term.get_attribute('aria-describedby')}").text_content()
    anchor = term.get_attribute("href").split("#")[1]
    term.scroll_into_view_if_needed()
    term.tap()
    tooltip = phone.locator("#kb-tooltip")
    assert tooltip.is_visible() and tooltip.text_content() == definition
    assert phone.url == base_url + "about-avn/symptoms/"
    phone.locator("article h1").tap()
    assert not tooltip.is_visible()
    term.tap()
    assert tooltip.is_visible()
    term.tap()
    phone.wait_for_url("**/glossary/#*")
    assert phone.url.split("#")[1] == anchor
