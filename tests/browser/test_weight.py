"""Page weight in Chromium: bytes over the wire for a cold load of every page and a warm step to the next one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin

import pytest
from playwright.sync_api import CDPSession, Page

from tests.browser.sitepages import content_pages
from tests.browser.tabs import DESKTOP_LIGHT, close, open_tab, visit

pytestmark = pytest.mark.browser

KIB = 1024
COLD_LIMIT_KIB = 150
WARM_LIMIT_KIB = 30
# A page is settled when no request has been in flight for this many polls in a row, 50 ms apart.
QUIET_POLLS = 3
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


@dataclass
class Traffic:
    """Bytes received per request, from Chromium's own network log (encodedDataLength: headers and body as sent)."""

    in_flight: set[str] = field(default_factory=set)
    received: dict[str, int] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)

    def listen(self, cdp: CDPSession) -> None:
        """Follow the Network events of one tab."""
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", lambda event: self.in_flight.discard(event["requestId"]))

    def _sent(self, event: dict) -> None:
        self.in_flight.add(event["requestId"])
        self.urls[event["requestId"]] = event["request"]["url"]
        self.types[event["requestId"]] = event.get("type", "")

    def _finished(self, event: dict) -> None:
        self.in_flight.discard(event["requestId"])
        self.received[event["requestId"]] = int(event["encodedDataLength"])

    def reset(self) -> None:
        """Start counting afresh."""
        self.in_flight.clear()
        self.received.clear()
        self.urls.clear()
        self.types.clear()

    def settle(self, tab: Page) -> None:
        """Wait until nothing has been in flight for a few polls (like networkidle, without its 500 ms)."""
        quiet = 0
        while quiet < QUIET_POLLS:
            tab.wait_for_timeout(50)
            quiet = 0 if self.in_flight else quiet + 1

    def kib(self) -> float:
        """Everything received so far, in KiB."""
        return sum(self.received.values()) / KIB

    def breakdown(self) -> str:
        """The requests, heaviest first, for a failure message."""
        rows = sorted(((size, self.urls[key]) for key, size in self.received.items()), reverse=True)
        return "\n".join(f"  {size / KIB:7.1f} KiB  {url}" for size, url in rows)

    def fonts(self) -> list[str]:
        """URLs of any web fonts requested."""
        return [self.urls[key] for key, kind in self.types.items() if kind == "Font"]


@pytest.fixture(scope="module")
def weighed(browser, base_url: str) -> Iterator[tuple[Page, CDPSession, Traffic]]:
    """A desktop tab whose network traffic is counted; its cache is cleared before each cold load."""
    tab = open_tab(browser, base_url, DESKTOP_LIGHT)
    cdp = tab.context.new_cdp_session(tab)
    cdp.send("Network.enable")
    traffic = Traffic()
    traffic.listen(cdp)
    yield tab, cdp, traffic
    close(tab)


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
    tab, cdp, traffic = weighed
    cdp.send("Network.clearBrowserCache")
    traffic.reset()
    visit(tab, base_url + path)
    traffic.settle(tab)
    cold, cold_detail, fonts = traffic.kib(), traffic.breakdown(), traffic.fonts()
    images = image_problems(tab)
    heavy_images = [
        f"{traffic.urls[key]}: {size / KIB:.0f} KiB"
        for key, size in traffic.received.items()
        if traffic.types[key] == "Image" and size > MAX_IMAGE_KIB * KIB
    ]

    step = tab.locator("a.md-footer__link--next, a.md-footer__link--prev").first
    target = urljoin(tab.url, step.get_attribute("href"))
    traffic.reset()
    step.click()
    tab.wait_for_url(target)
    traffic.settle(tab)
    warm, warm_detail = traffic.kib(), traffic.breakdown()

    record_property("cold_kib", round(cold, 1))
    record_property("warm_kib", round(warm, 1))
    assert cold <= COLD_LIMIT_KIB, f"{path}: cold load {cold:.1f} KiB > {COLD_LIMIT_KIB} KiB:\n{cold_detail}"
    assert warm <= WARM_LIMIT_KIB, (
        f"{path} -> {target}: warm step {warm:.1f} KiB > {WARM_LIMIT_KIB} KiB:\n{warm_detail}"
    )
    assert not fonts, f"{path}: web fonts downloaded: {fonts}"
    assert not images and not heavy_images, f"{path}: images: {images + heavy_images}"


def test_image_check_reports_an_unsized_oversized_image(weighed, base_url: str) -> None:
    tab, _, _ = weighed
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
