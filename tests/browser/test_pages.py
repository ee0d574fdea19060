"""The built site in Chromium: it loads cleanly, talks to no one else, and its furniture works."""

from __future__ import annotations

import pytest

from tests.browser.tabs import record_of

pytestmark = pytest.mark.browser


def test_home_page_loads_with_one_h1_no_errors_and_no_foreign_requests(page, base_url: str) -> None:
    response = page.goto(base_url)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1
    assert record_of(page).console_errors == []
    assert record_of(page).foreign_requests == []


def test_content_page_makes_no_foreign_request_and_sets_no_cookie(page, base_url: str) -> None:
    page.goto(base_url + "treatment/bisphosphonates/")
    page.wait_for_load_state("networkidle")
    assert record_of(page).foreign_requests == []
    assert page.context.cookies() == []
    assert record_of(page).console_errors == []


def test_glossary_definition_shows_on_hover_and_on_keyboard_focus(page, base_url: str) -> None:
    page.goto(base_url + "about-avn/symptoms/")
    term = page.locator("article a.kb-term").first
    definition_id = term.get_attribute("aria-describedby")
    definition = page.locator(f"#{definition_id}").text_content()
    term.hover()
    tooltip = page.locator("#kb-tooltip")
    assert tooltip.is_visible()
    assert tooltip.text_content() == definition
    page.mouse.move(0, 0)
    page.keyboard.press("Escape")
    assert not tooltip.is_visible()
    term.focus()
    assert tooltip.is_visible() and tooltip.text_content() == definition


def test_print_shows_disclaimer_review_dates_and_sources(page, base_url: str) -> None:
    page.goto(base_url + "physical-therapy/exercises/")
    page.emulate_media(media="print")
    assert page.locator(".kb-disclaimer").is_visible()
    assert page.locator(".kb-review time").first.is_visible()
    assert page.locator(".kb-sources").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
