"""The Content-Security-Policy in Chromium: the theme's own inline scripts run, any other inline script is blocked.

Every page's zero-violation check is in test_privacy.py; these tests prove the policy also bites.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.tabs import DESKTOP_LIGHT, csp_violations, step_all, visit

pytestmark = pytest.mark.browser

_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def _policy(site_dir: Path, path: str) -> dict[str, str]:
    """The directives of a built page's policy."""
    (policy,) = _POLICY.findall((site_dir / path / "index.html").read_text(encoding="utf-8"))
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


@pytest.mark.parametrize("path", ["", "treatment/statins/", "about-this-site/privacy/"])
def test_policy_has_no_unsafe_inline_and_locks_plugins_base_and_forms(site_dir: Path, path: str) -> None:
    policy = _policy(site_dir, path)
    assert "unsafe" not in " ".join(policy.values())
    assert policy["script-src"].startswith("'self' 'sha256-")
    assert (policy["object-src"], policy["base-uri"], policy["form-action"]) == ("'none'", "'none'", "'none'")
    assert policy["default-src"] == "'none'" and policy["style-src"] == "'self'"


def test_an_injected_inline_script_is_blocked(page: Page, base_url: str) -> None:
    visit(page, base_url + "treatment/statins/")
    ran = page.evaluate(
        """() => {
          window.__kbInjected = false;
          const script = document.createElement("script");
          script.textContent = "window.__kbInjected = true";
          document.body.append(script);
          const button = document.createElement("button");
          button.setAttribute("onclick", "window.__kbInjected = true");
          document.body.append(button);
          button.click();
          return window.__kbInjected;
        }"""
    )
    assert ran is False
    blocked = csp_violations(page)
    assert any(line.startswith("script-src-elem blocked inline") for line in blocked), blocked
    assert any(line.startswith("script-src-attr blocked inline") for line in blocked), blocked


def test_the_theme_scripts_run_under_the_policy(page: Page, base_url: str) -> None:
    visit(page, base_url + "treatment/statins/")
    # Material's first inline script defines __md_get; its palette script sets the colour scheme.
    assert page.evaluate("typeof __md_get") == "function"
    assert page.get_attribute("body", "data-md-color-scheme") in ("default", "slate")
    assert csp_violations(page) == []


def test_instant_navigation_across_depths_breaks_no_policy(page: Page, base_url: str) -> None:
    visit(page, base_url)
    for path in ["treatment/statins/", "", "about-this-site/privacy/", "glossary/"]:
        step_all([(page, DESKTOP_LIGHT)], base_url + path)
        assert csp_violations(page) == [], f"after stepping to /{path}"
