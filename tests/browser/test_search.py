"""Search as readers use it: typing into the site's search box in Chromium, at desktop and phone width."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.tabs import VARIANTS, Variant, close, open_tab
from tests.search.engine import rank, read_queries

pytestmark = pytest.mark.browser

QUERIES = read_queries()
WIDTHS = [variant for variant in VARIANTS if variant.scheme == "light"]
# Every query is ranked through Material's own search code in tests/build/test_search.py. Here a reader
# types them into the real search box: the first query of each topic on a desktop, and on a phone the
# first of each warning sign, the searches a worried reader makes on the move.
FIRST_OF_EACH_TOPIC = list({query.topic: query for query in reversed(QUERIES)}.values())[::-1]
TYPED = [
    (variant, query)
    for variant in WIDTHS
    for query in FIRST_OF_EACH_TOPIC
    if variant.width > 600 or query.topic.startswith("warning sign")
]
# Material's worker answers the query of each typed key in turn, and the page shows each answer as it comes.
# The results are read once the query is the whole text typed and the results have stayed the same this
# many animation frames in a row: any answer still to come would change them before then.
STABLE_FRAMES = 10
_RESULTS_SETTLED = """([query, frames]) => {
  const meta = document.querySelector('.md-search-result__meta')?.textContent.trim();
  if (!meta || meta === 'Type to start searching' || document.querySelector('input.md-search__input').value !== query)
    return false;
  const links = document.querySelectorAll('.md-search-result__item > a.md-search-result__link');
  const now = [meta, ...Array.from(links, link => link.href)].join(' ');
  const last = window.kbResults;
  window.kbResults = {now, frames: last && last.now === now ? last.frames + 1 : 0};
  return window.kbResults.frames >= frames;
}"""
RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


@pytest.fixture(scope="module")
def search_tabs(browser, base_url: str) -> Iterator[dict[Variant, Page]]:
    """A tab on the home page at each width, kept for all queries."""
    tabs = {variant: open_tab(browser, base_url, variant) for variant in WIDTHS}
    for tab in tabs.values():
        tab.goto(base_url)
    yield tabs
    for tab in tabs.values():
        close(tab)


def open_search(tab: Page) -> None:
    """Open the search box the way a reader does: the header's search button on a phone, the field on desktop."""
    if tab.evaluate("document.getElementById('__search').checked"):
        return
    button = tab.locator("label.md-header__button[for='__search']")
    if button.is_visible():
        button.click()
    else:
        tab.locator("input.md-search__input").click()


def type_query(tab: Page, query: str, base_url: str) -> list[str]:
    """Type ``query`` key by key into the search box and return the result pages, best first, as site paths."""
    open_search(tab)
    box = tab.locator("input.md-search__input")
    box.fill("")
    tab.evaluate("window.kbResults = undefined")  # Count stable frames from this query's results only.
    box.press_sequentially(query, delay=5)
    tab.wait_for_function(_RESULTS_SETTLED, arg=[query, STABLE_FRAMES], polling="raf")
    return result_paths(tab, base_url)


def result_paths(tab: Page, base_url: str) -> list[str]:
    """The result pages the search box shows, best first, as site paths."""
    links = tab.locator(RESULT_LINKS).evaluate_all("links => links.map(link => link.href)")
    return [link.split("#")[0].removeprefix(base_url) for link in links]


@pytest.mark.parametrize(("variant", "query"), TYPED, ids=[f"{variant.name}-{query.text}" for variant, query in TYPED])
def test_typing_a_query_puts_a_page_on_the_topic_in_the_first_three(
    search_tabs: dict[Variant, Page], base_url: str, variant: Variant, query
) -> None:
    found = type_query(search_tabs[variant], query.text, base_url)
    assert (rank(found, query.answers) or 99) <= 3, f"{query.text!r} ({query.topic}) gave {found[:5]}"


def test_results_are_reached_and_opened_with_the_keyboard(browser, base_url: str) -> None:
    tab = open_tab(browser, base_url)
    try:
        tab.goto(base_url)
        found = type_query(tab, "iloprost", base_url)
        if not found:  # A fresh tab's search worker can settle on an empty answer before its first real one.
            tab.locator(RESULT_LINKS).first.wait_for()
            found = result_paths(tab, base_url)
        assert found, "no result to reach"
        tab.keyboard.press("ArrowDown")
        # Material moves the focus on a later frame; on a busy machine that can be after a single look.
        tab.wait_for_function(
            "document.activeElement.closest('.md-search-result__item') !== null"
            " && !!document.activeElement.getAttribute('href')"
        )
        tab.keyboard.press("Enter")
        tab.wait_for_url(f"**/{found[0]}*")
        assert (tab.locator("h1").first.text_content() or "").startswith("Vasodilators")
    finally:
        close(tab)


@pytest.mark.parametrize("variant", VARIANTS, ids=[variant.name for variant in VARIANTS])
def test_the_open_search_with_results_has_no_axe_violations(browser, base_url: str, variant: Variant) -> None:
    tab = open_tab(browser, base_url, variant)
    try:
        tab.context.add_init_script(Axe().axe_script)
        tab.goto(base_url)
        type_query(tab, "hip pain", base_url)
        results = tab.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
        problems = [
            f"{violation['id']} at {node['target']}: {violation['help']}. "
            + " ".join(node.get("failureSummary", "").split())
            for violation in results["violations"]
            for node in violation["nodes"]
        ]
        assert not problems, "\n".join(problems)
    finally:
        close(tab)


def test_the_search_index_loads_only_when_the_reader_opens_search(browser, base_url: str) -> None:
    tab = open_tab(browser, base_url)
    try:
        fetched: list[str] = []
        tab.on("request", lambda request: fetched.append(request.url) if "search_index.json" in request.url else None)
        tab.goto(base_url + "treatment/statins/")
        tab.wait_for_load_state("networkidle")
        assert fetched == []
        found = type_query(tab, "statins", base_url)
        assert found[0] == "treatment/statins/"
        tab.locator(".md-search-result__item > a.md-search-result__link").first.click()
        tab.wait_for_load_state("networkidle")
        type_query(tab, "iloprost", base_url)
        assert len(fetched) == 1
    finally:
        close(tab)
