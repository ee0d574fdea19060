"""The search dialog has an accessible name (Lighthouse and axe rule aria-dialog-name), open or shut."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.tabs import close, open_tab

pytestmark = pytest.mark.browser

# axe's own rule for a dialog's name; it is a best practice rule, so the WCAG tag run in
# test_accessibility.py leaves it out. Lighthouse's accessibility score counts it.
DIALOG_RULES = {"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}, "resultTypes": ["violations", "passes"]}


@pytest.mark.parametrize("path", ["", "treatment/bisphosphonates/"])
def test_the_search_dialog_is_named_search(browser, base_url: str, path: str) -> None:
    tab = open_tab(browser, base_url)
    try:
        tab.context.add_init_script(
            Axe().axe_script
        )  # as test_accessibility.py loads it: the page's CSP allows no inline script
        tab.goto(base_url + path)
        dialog = tab.get_by_role("dialog", name="Search", include_hidden=True)
        assert dialog.count() == 1
        shut = tab.evaluate("options => axe.run(document, options)", DIALOG_RULES)
        tab.locator("input[name='query']").fill("hip")
        tab.locator(".md-search-result__item").first.wait_for()
        opened = tab.evaluate("options => axe.run(document, options)", DIALOG_RULES)
    finally:
        close(tab)
    for results in (shut, opened):
        assert results["violations"] == []
        assert [rule["id"] for rule in results["passes"]] == ["aria-dialog-name"]
