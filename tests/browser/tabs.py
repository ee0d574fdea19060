"""Browser tabs that record what a page does: requests to other origins, console errors, CSP violations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Response

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
    scheme: str  # "light" or "dark", as the reader's system asks through prefers-color-scheme

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


@dataclass
class Record:
    """What one tab saw since it was last reset."""

    foreign_requests: list[str]
    console_errors: list[str]

    def reset(self) -> None:
        """Forget everything seen so far."""
        self.foreign_requests.clear()
        self.console_errors.clear()


def same_origin(url: str, base_url: str) -> bool:
    """Whether `url` is on the site's own origin, or is data the page made itself (data:, blob:)."""
    if url.startswith(("data:", "blob:")):
        return True
    one, other = urlsplit(url), urlsplit(base_url)
    return (one.scheme, one.netloc) == (other.scheme, other.netloc)


def open_tab(browser: Browser, base_url: str, variant: Variant = DESKTOP_LIGHT) -> Page:
    """A tab in a fresh context that records foreign requests, console errors and CSP violations.

    The browser itself blocks every request to another origin (conftest.CHROMIUM_ARGS), so recording
    is enough here. Routing requests through Playwright would also block them, but it turns off the
    HTTP cache and costs a round trip to Python per request.
    """
    context = browser.new_context(
        viewport={"width": variant.width, "height": variant.height}, color_scheme=variant.scheme
    )
    context.add_init_script(CSP_LISTENER)
    tab = context.new_page()
    record = Record([], [])
    tab.kb_record = record
    tab.on("console", lambda message: message.type == "error" and record.console_errors.append(message.text))
    tab.on("pageerror", lambda error: record.console_errors.append(str(error)))
    context.on(
        "request", lambda request: same_origin(request.url, base_url) or record.foreign_requests.append(request.url)
    )
    return tab


def visit(tab: Page, url: str, variant: Variant = DESKTOP_LIGHT) -> Response:
    """Load `url` afresh, forget what the tab saw before, and wait until Material has set the scheme."""
    return visit_all([(tab, variant)], url)[0]


def visit_all(tabs: list[tuple[Page, Variant]], url: str) -> list[Response]:
    """Load `url` in several tabs at once (each tab has its own renderer process, so they load in parallel)."""
    responses = []
    for tab, _ in tabs:
        tab.kb_record.reset()
        response = tab.goto(url, wait_until="commit")
        assert response is not None, f"{url}: no response"
        responses.append(response)
    for tab, variant in tabs:
        tab.wait_for_load_state("load")
        tab.wait_for_function(
            "scheme => document.body.getAttribute('data-md-color-scheme') === scheme", arg=variant.material_scheme
        )
    return responses


def csp_violations(tab: Page) -> list[str]:
    """CSP violations in this document so far: events, plus console lines that name the policy."""
    events: list[str] = tab.evaluate("window.__kbCspViolations || []")
    console = [line for line in tab.kb_record.console_errors if "Content Security Policy" in line]
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
