"""Links on the real built site: every internal link and fragment resolves; links off the site open safely."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from kb.sitelinks import LinkReport, check_site, external_problems, site_url_of

from tests.sitebuild import ROOT


@pytest.fixture(scope="module")
def links(site_dir: Path) -> LinkReport:
    """One crawl of the built site, shared by the tests below."""
    return check_site(site_dir, site_url_of(site_dir))


def test_crawler_resolves_against_the_configured_site_url(site_dir: Path) -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert site_url_of(site_dir) == config["site_url"]


def test_every_internal_link_and_fragment_resolves(site_dir: Path, links: LinkReport) -> None:
    assert links.pages == len(list(site_dir.rglob("*.html")))
    # A crawl that found nothing to check would pass; these floors make sure it looked.
    assert links.internal > 40 * links.pages
    assert links.fragments > links.pages
    assert links.problems == [], "\n" + "\n".join(str(p) for p in links.problems)


def test_links_off_the_site_are_well_formed_and_open_safely(links: LinkReport) -> None:
    assert {link.url.split("/")[2] for link in links.external} >= {"doi.org", "github.com"}
    problems = external_problems(links.external)
    assert problems == [], "\n" + "\n".join(str(p) for p in problems)
