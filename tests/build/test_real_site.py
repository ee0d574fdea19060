"""The real site: a clean strict build, and the furniture, glossary and search index in its HTML."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from kb.pages import check_pages

from tests.sitebuild import ROOT, BuildResult
from tests.soup import attr, one

RECORDS = check_pages(ROOT / "docs", today=__import__("datetime").date.today()).records
MEDICAL = sorted(uri for uri, record in RECORDS.items() if record.medical)
ALL_PAGES = sorted(RECORDS)


def _html(site_dir: Path, src_uri: str) -> BeautifulSoup:
    """Parse the built page of a Markdown source."""
    stem = src_uri.removesuffix(".md")
    path = "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html".lstrip("/")
    return BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser")


def test_real_site_builds_strictly_with_zero_warnings(real_build: BuildResult) -> None:
    assert real_build.warnings == []
    assert not real_build.aborted


def test_every_page_passed_its_front_matter_check() -> None:
    assert len(RECORDS) == len(list((ROOT / "docs").rglob("*.md"))) - len(
        list((ROOT / "docs" / "_snippets").rglob("*.md"))
    )


@pytest.mark.parametrize("src_uri", MEDICAL)
def test_medical_page_shows_disclaimer_review_and_sources(site_dir: Path, src_uri: str) -> None:
    page = _html(site_dir, src_uri)
    article = one(page, "article")
    assert len(article.select(".kb-disclaimer")) == 1
    review = one(article, ".kb-review").get_text(" ", strip=True)
    assert "Last checked by the editors" in review and "Next review due" in review
    assert "Not yet checked by a clinician" in review
    # The list is the page's citations, numbered in the order the text first cites them; each entry links out.
    sources = article.select(".kb-sources li")
    first_seen = list(dict.fromkeys(int(a.get_text()) for a in article.select("sup.kb-cite a")))
    assert first_seen == list(range(1, len(sources) + 1))
    assert [li["id"] for li in sources] == [f"source-{n}" for n in first_seen]
    assert len(sources) >= len(RECORDS[src_uri].cited)  # snippets and the option grid may cite more
    assert all(li.find("a", href=lambda h: h and h.startswith(("https://", "http://"))) for li in sources)


@pytest.mark.parametrize("src_uri", MEDICAL)
def test_medical_page_has_meta_description_and_valid_json_ld(site_dir: Path, src_uri: str) -> None:
    page = _html(site_dir, src_uri)
    assert attr(one(page, 'meta[name="description"]'), "content") == RECORDS[src_uri].description
    data = json.loads(one(page, 'script[type="application/ld+json"]').get_text())
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == RECORDS[src_uri].title
    review = RECORDS[src_uri].review
    assert review is not None and data["dateModified"] == review.last_reviewed.isoformat()
    assert data["about"]["@type"] == "MedicalCondition"
    assert "reviewedBy" not in data and "lastReviewed" not in data


@pytest.mark.parametrize("src_uri", ALL_PAGES)
def test_page_structure_is_sound(site_dir: Path, src_uri: str) -> None:
    page = _html(site_dir, src_uri)
    assert len(page.find_all("h1")) == 1
    ids = Counter(tag["id"] for tag in page.find_all(id=True))
    assert [i for i, n in ids.items() if n > 1] == []
    assert page.select("a a") == []
    assert page.select(":is(h1, h2, h3, h4, h5, h6, code, pre, summary, .admonition-title) a.kb-term") == []


def test_glossary_links_reach_their_entries(site_dir: Path) -> None:
    glossary = _html(site_dir, "glossary.md")
    linked = 0
    for src_uri in ALL_PAGES:
        for term in _html(site_dir, src_uri).select("a.kb-term"):
            anchor = attr(term, "href").split("#")[1]
            assert glossary.find(id=anchor), f"{src_uri}: {term}"
            linked += 1
    assert linked > len(ALL_PAGES)


def test_glossary_entries_have_the_permalink_every_heading_has(site_dir: Path) -> None:
    glossary = _html(site_dir, "glossary.md")
    entries = [h2 for h2 in glossary.select("article h2[id]") if not attr(h2, "id").startswith("kb-")]  # Not furniture.
    assert len(entries) > 50
    for heading in entries:
        permalink = one(heading, "a.headerlink")
        assert permalink["href"] == f"#{heading['id']}" and permalink["title"] == "Link to this section", heading


def test_references_page_has_an_entry_per_source(site_dir: Path) -> None:
    references = _html(site_dir, "references.md")
    # Every entry is cited somewhere (the gate refuses an uncited one), so the page lists exactly what pages cite.
    cited = {
        attr(link, "data-kb-source")
        for page in site_dir.rglob("*.html")
        for link in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(".kb-cite a")
    }
    assert {attr(li, "id") for li in references.select("ol.kb-references > li")} == cited


def test_search_index_holds_plain_text_only(site_dir: Path) -> None:
    index = json.loads((site_dir / "search/search_index.json").read_text())
    text = " ".join(doc["text"] + doc["title"] for doc in index["docs"])
    assert "kb:glossary" not in text and "kb:used-on" not in text
    assert "kb-def-" not in text and "Used on:" not in text
    assert "Bone death caused by" not in json.dumps(
        [d for d in index["docs"] if not d["location"].startswith("glossary/")]
    )
