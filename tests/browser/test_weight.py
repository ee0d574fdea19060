"""Page weight in Chromium: bytes over the wire for a cold load of every page and a warm step to the next one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import pytest
from playwright.sync_api import CDPSession, Page

from tests.browser.sitepages import content_pages
from tests.browser.tabs import DESKTOP_LIGHT, close, open_tab, record_of, visit

pytestmark = pytest.mark.browser

KIB = 1024
COLD_LIMIT_KIB = 150
WARM_LIMIT_KIB = 30
# Images must not be much larger than they are shown, nor heavy files.
MAX_IMAGE_SCALE = 2
MAX_IMAGE_KIB = 100

# What each <img> on the page is: its size as sent and as shown, and whether width and height are in the HTML.
IMAGES = """() => [...document.images].map((img) => ({
  src: img.currentSrc || img.src,
  sized: img.hasAttribute("width") && img.hasAttribute("height"),
  natural: [img.naturalWidth, img.naturalHeight],
  shown: [img.clientWidth, img.clientHeight],
}))"""
# Bytes over the wire (headers and compressed body; 0 from the cache) since `since` ms after the document
# opened, from Resource Timing; with since < 0 the document itself too. The search worker's script counts.
TRANSFERRED = """(since) => [
  ...(since < 0 ? performance.getEntriesByType("navigation") : []),
  ...performance.getEntriesByType("resource").filter((entry) => entry.startTime >= since),
].map((entry) => [entry.name, entry.transferSize])"""


@dataclass(frozen=True)
class Weight:
    """What one load transferred, request by request."""

    rows: list[tuple[str, int]]

    @property
    def kib(self) -> float:
        """The total in KiB."""
        return sum(size for _, size in self.rows) / KIB

    def __str__(self) -> str:
        rows = sorted(self.rows, key=lambda row: -row[1])
        return "\n".join(f"  {size / KIB:7.1f} KiB  {url}" for url, size in rows)


def transferred(tab: Page, since: float = -1) -> Weight:
    """Bytes this document transferred since `since` (ms after it opened); with -1, everything including itself."""
    return Weight([(url, size) for url, size in tab.evaluate(TRANSFERRED, since)])


@pytest.fixture(scope="module")
def weighed(browser, base_url: str) -> Iterator[tuple[Page, CDPSession]]:
    """A desktop tab, and a DevTools session to empty its HTTP cache before each cold load."""
    tab = open_tab(browser, base_url, DESKTOP_LIGHT)
    yield tab, tab.context.new_cdp_session(tab)
    close(tab)


def fonts(tab: Page) -> list[str]:
    """Web fonts the tab requested since its record was reset."""
    return [request.url for request in record_of(tab).requests if request.resource_type == "font"]


def image_problems(tab: Page) -> list[str]:
    """Images without width and height in the HTML, or sent much larger than shown."""
    problems = []
    for image in tab.evaluate(IMAGES):
        if not image["sized"]:
            problems.append(f"{image['src']}: no width and height attributes (the page jumps as it loads)")
        if image["natural"][0] > MAX_IMAGE_SCALE * max(image["shown"][0], 1):
            problems.append(f"{image['src']}: {image['natural'][0]} px wide but shown at {image['shown'][0]} px")
    return problems


@pytest.mark.parametrize("path", content_pages())
def test_cold_load_and_warm_step_to_the_next_page_stay_light(
    weighed, base_url: str, path: str, record_property
) -> None:
    tab, cdp = weighed
    cdp.send("Network.clearBrowserCache")
    visit(tab, base_url + path)
    record_of(tab).settle(tab)
    cold, cold_fonts = transferred(tab), fonts(tab)
    images = image_problems(tab)
    heavy = [
        f"{url}: {size / KIB:.0f} KiB" for url, size in cold.rows if size > MAX_IMAGE_KIB * KIB and "/images/" in url
    ]

    step = tab.locator("a.md-footer__link--next")
    if not step.count():
        step = tab.locator("a.md-footer__link--prev")
    target = urljoin(tab.url, step.get_attribute("href"))
    tab.evaluate("window.kbBeforeStep = true")
    since = tab.evaluate("performance.now()")
    record_of(tab).reset()
    step.click()
    # navigation.tracking may add the #section in view to the address.
    tab.wait_for_url(lambda url: url.split("#")[0] == target)
    record_of(tab).settle(tab)
    instant = tab.evaluate("window.kbBeforeStep === true")
    warm, warm_fonts = transferred(tab, since if instant else -1), fonts(tab)

    record_property("cold_kib", round(cold.kib, 1))
    record_property("warm_kib", round(warm.kib, 1))
    problems = [*images, *heavy]
    if cold.kib > COLD_LIMIT_KIB:
        problems.append(f"cold load {cold.kib:.1f} KiB > {COLD_LIMIT_KIB} KiB:\n{cold}")
    if warm.kib > WARM_LIMIT_KIB:
        problems.append(f"warm step to {target} {warm.kib:.1f} KiB > {WARM_LIMIT_KIB} KiB:\n{warm}")
    if not instant:
        problems.append(f"instant navigation to {target} fell back to a full page load")
    if cold_fonts or warm_fonts:
        problems.append(f"web fonts downloaded: {cold_fonts + warm_fonts}")
    assert not problems, f"{path or '/'}: " + "\n".join(problems)


def test_image_check_reports_an_unsized_oversized_image(weighed, base_url: str) -> None:
    tab, _ = weighed
    visit(tab, base_url)
    tab.evaluate(
        """base => { const img = new Image(); img.src = base + 'assets/images/favicon.png';
        img.style.width = '10px'; document.querySelector('article').prepend(img);
        return img.decode(); }""",
        base_url,
    )
    problems = image_problems(tab)
    assert any("no width and height" in problem for problem in problems), problems
    assert any("48 px wide but shown at 10 px" in problem for problem in problems), problems
