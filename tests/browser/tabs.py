"""Browser tabs that record what a page does: requests to other origins, console errors, CSP violations."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, Response

# Runs before any page script, in every document: collects Content-Security-Policy violation events.
CSP_LISTENER = """
window.__kbCspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__kbCspViolations.push(
    event.violatedDirective + " blocked " + (event.blockedURI || "inline code") +
    " at " + (event.sourceFile || "") + ":" + event.lineNumber);
});
"""


@dataclass(frozen=True)
class Variant:
    """A way a reader sees the site: a viewport and a colour scheme."""

    name: str
    width: int
    height: int
    scheme: Literal["light", "dark"]  # As the reader's system asks through prefers-color-scheme.

    @property
    def material_scheme(self) -> str:
        """The value Material puts in body[data-md-color-scheme] for this scheme."""
        return "slate" if self.scheme == "dark" else "default"


DESKTOP_LIGHT = Variant("desktop-light", 1280, 900, "light")
VARIANTS = (
    DESKTOP_LIGHT,
    Variant("desktop-dark", 1280, 900, "dark"),
    Variant("phone-light", 360, 740, "light"),
    Variant("phone-dark", 360, 740, "dark"),
)


# Resolves once the page's main thread is idle: its scripts have run and started whatever they fetch. The
# timeout only bounds a page that is never idle (an endless animation); such a page still settles.
IDLE = "() => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }))"


class Record:
    """What one tab did since it was last reset: requests (also those of its workers) and console errors."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.requests: list[Request] = []
        self.in_flight: set[Request] = set()
        self.console_errors: list[str] = []

    def listen(self, tab: Page) -> None:
        """Follow the tab's console and its context's network events."""
        tab.on("console", self._console)
        tab.on("pageerror", lambda error: self.console_errors.append(str(error)))
        tab.context.on("request", self._sent)
        tab.context.on("requestfinished", lambda request: self.in_flight.discard(request))
        tab.context.on("requestfailed", lambda request: self.in_flight.discard(request))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _sent(self, request: Request) -> None:
        self.requests.append(request)
        self.in_flight.add(request)

    @property
    def foreign_requests(self) -> list[str]:
        """URLs the page asked for on another origin (the proxy refused them)."""
        return [request.url for request in self.requests if not same_origin(request.url, self.base_url)]

    def reset(self) -> None:
        """Forget everything seen so far (a request cut off by a navigation may never report its end)."""
        self.requests.clear()
        self.in_flight.clear()
        self.console_errors.clear()

    def settle(self, tab: Page) -> None:
        """Wait until the page has loaded and gone idle, and every request it started has ended."""
        tab.wait_for_load_state("load")
        tab.evaluate(IDLE)
        while self.in_flight:
            for request in list(self.in_flight):
                # Its response, or its failure; then the end of its body, unless an event already said it ended.
                if request.response() is not None and request in self.in_flight:
                    tab.context.wait_for_event("requestfinished", lambda ended, request=request: ended is request)
                self.in_flight.discard(request)
            tab.evaluate(IDLE)  # A request that ended may have started another (a script's next fetch).


def same_origin(url: str, base_url: str) -> bool:
    """Whether `url` is on the site's own origin, or is data the page made itself (data:, blob:)."""
    if url.startswith(("data:", "blob:")):
        return True
    one, other = urlsplit(url), urlsplit(base_url)
    return (one.scheme, one.netloc) == (other.scheme, other.netloc)


def open_tab(browser: Browser, base_url: str, variant: Variant = DESKTOP_LIGHT) -> Page:
    """A tab in a fresh context that records requests, console errors and CSP violations (record_of(tab)).

    The browser sends every request to the test server as its proxy, which refuses other hosts
    (hostserver.py), so recording is enough here. Routing requests through Playwright would also block
    them, but it turns off the HTTP cache and costs a round trip to Python per request.
    """
    context = browser.new_context(
        viewport={"width": variant.width, "height": variant.height}, color_scheme=variant.scheme
    )
    context.add_init_script(CSP_LISTENER)
    tab = context.new_page()
    _RECORDS[tab] = Record(base_url)
    _RECORDS[tab].listen(tab)
    return tab


# Each open tab's record; a closed tab's goes with it.
_RECORDS: weakref.WeakKeyDictionary[Page, Record] = weakref.WeakKeyDictionary()


def record_of(tab: Page) -> Record:
    """What ``tab`` (from open_tab) did since its record was last reset."""
    return _RECORDS[tab]


def visit(tab: Page, url: str, variant: Variant = DESKTOP_LIGHT) -> Response:
    """Load `url` afresh, forget what the tab saw before, and wait until Material has set the scheme."""
    return visit_all([(tab, variant)], url)[0]


def visit_all(tabs: list[tuple[Page, Variant]], url: str) -> list[Response]:
    """Load `url` in several tabs at once (each tab has its own renderer process, so they load in parallel)."""
    responses = []
    for tab, _ in tabs:
        record_of(tab).reset()
        response = tab.goto(url, wait_until="commit")
        assert response is not None, f"{url}: no response"
        responses.append(response)
    for tab, variant in tabs:
        tab.wait_for_load_state("load")
        tab.wait_for_function(
            "scheme => document.body.getAttribute('data-md-color-scheme') === scheme", arg=variant.material_scheme
        )
    return responses


def step_all(tabs: list[tuple[Page, Variant]], url: str) -> None:
    """Go to `url` in several tabs at once the way a reader's click does: Material's instant navigation
    fetches the page and swaps it into the open document, which is much quicker than a full load.

    A tab that is not on the site yet, or already on `url`, loads it in full instead. A page missing
    from sitemap.xml (the 404 page) also loads in full, as Material leaves that link to the browser.
    """
    stepping = []
    for tab, variant in tabs:
        record_of(tab).reset()
        fresh = "url => !window.document$ || location.href.split('#')[0] === url"
        if tab.evaluate(fresh, url):
            visit(tab, url, variant)
            continue
        tab.evaluate(
            """url => {
              document.querySelector("[data-md-component=container]").dataset.kbOld = "yes";
              const link = Object.assign(document.createElement("a"), { href: url });
              document.body.append(link);
              link.click();
              link.remove();
            }""",
            url,
        )
        stepping.append(tab)
    for tab in stepping:
        tab.wait_for_function(
            "url => location.href.split('#')[0] === url && !document.querySelector('[data-kb-old]')", arg=url
        )


def csp_violations(tab: Page) -> list[str]:
    """CSP violations in this document so far: events, plus console lines that name the policy."""
    events: list[str] = tab.evaluate("window.__kbCspViolations || []")
    console = [line for line in record_of(tab).console_errors if "Content Security Policy" in line]
    return events + console


def close(tab: Page) -> None:
    """Close a tab's whole context."""
    context: BrowserContext = tab.context
    context.close()


def storage_keys(tab: Page) -> dict[str, Any]:
    """Everything the page keeps in the browser: storage keys, cookies, IndexedDB, caches, service workers."""
    kept = tab.evaluate(
        """async () => ({
          localStorage: Object.keys(localStorage).sort(),
          sessionStorage: Object.keys(sessionStorage).sort(),
          indexedDB: (await indexedDB.databases()).map((db) => db.name),
          caches: await caches.keys(),
          serviceWorkers: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
        })"""
    )
    kept["cookies"] = [cookie["name"] for cookie in tab.context.cookies()]
    return kept
