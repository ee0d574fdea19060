"""Serve the built real site the way its host does and drive Debian's Chromium through it with Playwright."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.hostserver import SITE_HOST, serve
from tests.browser.sitepages import sitemap_paths
from tests.browser.tabs import Variant, close, open_tab

CHROMIUM = "/usr/bin/chromium"
INSTALL_HINT = "browser tests skipped: /usr/bin/chromium is missing; install it with `apt-get install chromium`"
# Chromium on this machine must not try to reach Google's services (see README).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip browser tests with one clear line where Chromium is missing; CI may not skip."""
    if Path(CHROMIUM).exists() or shutil.which("chromium"):
        return
    if os.environ.get("KB_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(INSTALL_HINT.replace("skipped", "required (KB_REQUIRE_BROWSER=1)"))
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason=INSTALL_HINT))


@pytest.fixture(scope="session")
def site_server(site_dir: Path) -> Iterator[tuple[str, str]]:
    """The built site served like its host (hostserver.py): the site's URL and the proxy that serves it."""
    prefix, _ = sitemap_paths(site_dir)
    with serve(site_dir, prefix) as urls:
        yield urls


@pytest.fixture(scope="session")
def base_url(site_server: tuple[str, str]) -> str:
    """The site's home page URL as the browser sees it."""
    return site_server[0]


@pytest.fixture(scope="session")
def browser(site_server: tuple[str, str]):
    """One headless Chromium for the whole run, whose every request goes to the test server as its proxy.

    Nothing leaves this machine: the proxy serves the site and refuses any other host, and tests
    record what a page tried to reach.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # The real site is served over HTTPS, a secure context (Cache Storage, service workers, clipboard);
        # the test site is plain HTTP on a made-up host, so Chromium is told to treat it as secure too.
        secure = f"--unsafely-treat-insecure-origin-as-secure=http://{SITE_HOST}"
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, secure], proxy={"server": site_server[1]}
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url: str):
    """A fresh desktop tab in its own context that records console errors and requests to another origin."""
    tab = open_tab(browser, base_url)
    yield tab
    close(tab)


@pytest.fixture(scope="session")
def tab_for(browser, base_url: str) -> Iterator[Callable[[Variant], Page]]:
    """One tab per variant (viewport and scheme), shared by tests that only read pages; see tabs.visit."""
    tabs: dict[Variant, Page] = {}

    def get(variant: Variant) -> Page:
        if variant not in tabs:
            tabs[variant] = open_tab(browser, base_url, variant)
        return tabs[variant]

    yield get
    for tab in tabs.values():
        close(tab)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """Report the page weights that tests/browser/test_weight.py measured: heaviest cold load and warm step."""
    measured = [
        (dict(report.user_properties), report.nodeid.split("[", 1)[-1].rstrip("]"))
        for outcome in ("passed", "failed")
        for report in terminalreporter.stats.get(outcome, [])
        if report.when == "call" and any(name == "cold_kib" for name, _ in report.user_properties)
    ]
    if not measured:
        return
    cold, cold_page = max((values["cold_kib"], page) for values, page in measured)
    warm, warm_page = max((values["warm_kib"], page) for values, page in measured)
    terminalreporter.write_line(
        f"page weight over {len(measured)} pages: heaviest cold load {cold} KiB ({cold_page or '/'}), "
        f"heaviest warm step {warm} KiB (from {warm_page or '/'} to the next page)"
    )
