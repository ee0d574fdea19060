"""Privacy in Chromium: every page talks only to its own site, keeps only what the privacy page names, breaks no CSP."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, Request, expect

from tests.browser.sitepages import MISSING_PAGE, content_pages, sitemap_paths
from tests.browser.tabs import DESKTOP_LIGHT, close, csp_violations, open_tab, record_of, storage_keys, visit
from tests.soup import one

pytestmark = pytest.mark.browser

PRIVACY_PAGE = "about-this-site/privacy/"
# How the privacy page names what the site keeps in the browser: in code, like `__palette`.
STORAGE_NAME = re.compile(r"^__\w+$")
SEARCH_WORDS = "ibuprofen crutches"


def named_storage(site_dir: Path) -> set[str]:
    """The browser-storage names the built privacy page tells readers about."""
    html = (site_dir / PRIVACY_PAGE / "index.html").read_text(encoding="utf-8")
    article = one(BeautifulSoup(html, "html.parser"), "article")
    return {code.get_text() for code in article.select("code") if STORAGE_NAME.match(code.get_text())}


def kept_names(kept: dict, prefix: str) -> tuple[set[str], list[str]]:
    """Storage names under Material's key scheme ("<site path>.<name>"), and anything else the page kept."""
    names, other = set(), []
    for key in kept["localStorage"] + kept["sessionStorage"]:
        if key.startswith(prefix + "."):
            names.add(key.removeprefix(prefix + "."))
        else:
            other.append(key)
    other += [
        f"{kind}: {items}" for kind, items in kept.items() if kind not in ("localStorage", "sessionStorage") and items
    ]
    return names, other


@pytest.fixture(scope="module")
def privacy(site_dir: Path) -> tuple[str, set[str]]:
    """The site's path on its host and the storage names the privacy page gives."""
    prefix, _ = sitemap_paths(site_dir)
    return prefix, named_storage(site_dir)


def test_privacy_page_names_the_colour_choice_and_nothing_it_does_not_keep(privacy) -> None:
    _, named = privacy
    assert named == {"__palette"}, f"docs/{PRIVACY_PAGE.rstrip('/')}.md names {sorted(named)} in code"


@pytest.mark.parametrize("path", [*content_pages(), MISSING_PAGE])
def test_page_talks_only_to_its_own_site_keeps_nothing_and_breaks_no_csp(
    tab_for, base_url: str, path: str, privacy
) -> None:
    prefix, named = privacy
    tab = tab_for(DESKTOP_LIGHT)
    visit(tab, base_url + path)
    record_of(tab).settle(tab)
    assert record_of(tab).foreign_requests == [], f"{path}: requests to other origins (blocked)"
    names, other = kept_names(storage_keys(tab), prefix)
    assert names <= named and not other, (
        f"{path}: keeps {sorted(names)} {other}; the privacy page names {sorted(named)}"
    )
    assert csp_violations(tab) == [], (
        f"{path}: Content-Security-Policy violations; widen the policy in overrides/main.html only for the site's own files"
    )
    # The missing page's own 404 status is the one error the browser reports there.
    expected = (
        ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
        if path == MISSING_PAGE
        else []
    )
    assert record_of(tab).console_errors == expected, f"{path}: console errors"


def search_and_toggle_palette(tab: Page) -> list[Request]:
    """Search as a reader does, open the first result, then switch the colour scheme; returns every request."""
    requested: list[Request] = []
    tab.on("request", lambda request: requested.append(request))
    tab.locator("input.md-search__input").click()
    tab.keyboard.type(SEARCH_WORDS, delay=20)
    first = tab.locator(".md-search-result__item a").first
    expect(first).to_be_visible()
    tab.keyboard.press("ArrowDown")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    tab.wait_for_load_state("networkidle")
    toggle = tab.locator("form[data-md-component=palette] label:not([hidden])")
    chosen = toggle.get_attribute("for")
    toggle.click()
    expect(tab.locator(f"#{chosen}")).to_be_checked()
    return requested


def test_search_and_colour_choice_keep_exactly_what_the_privacy_page_names(browser, base_url: str, privacy) -> None:
    prefix, named = privacy
    tab = open_tab(browser, base_url)
    try:
        visit(tab, base_url + "treatment/")
        start = tab.url
        requested = search_and_toggle_palette(tab)
        assert tab.url != start, "the first search result did not open"
        names, other = kept_names(storage_keys(tab), prefix)
        assert names == named and not other, (
            f"kept {sorted(names)} {other}; docs/{PRIVACY_PAGE.rstrip('/')}.md names {sorted(named)}"
        )
        for word in SEARCH_WORDS.split():
            assert not [r.url for r in requested if word in r.url], f"the search word {word!r} left the page in a URL"
        told = [r.url for r in requested if r.header_value("referer")]
        assert not told, f"requests that tell where the reader came from: {told}"
        assert record_of(tab).foreign_requests == []
        assert tab.context.cookies() == []
        assert csp_violations(tab) == []
        assert record_of(tab).console_errors == []
    finally:
        close(tab)


def test_recorders_catch_a_foreign_request_and_a_csp_violation(page: Page, base_url: str) -> None:
    visit(page, base_url)
    page.evaluate("fetch('https://example.org/tracker').catch(() => null)")
    page.evaluate(
        "() => { const s = document.createElement('style'); s.textContent = 'p{}'; document.head.append(s); }"
    )
    page.wait_for_function("() => window.__kbCspViolations.length >= 2")
    violations = csp_violations(page)
    assert any(line.startswith("connect-src") for line in violations), violations
    assert any(line.startswith("style-src") for line in violations), violations
    page.goto("about:blank")
    with page.expect_event("requestfailed") as failed:
        page.evaluate("fetch('https://example.org/tracker').catch(() => null)")
    assert failed.value.url == "https://example.org/tracker"
    assert record_of(page).foreign_requests == ["https://example.org/tracker"]
