"""What a reader meets first on the built real site: the title, a trust line, "In short", help one tap away."""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath

import pytest
from bs4 import BeautifulSoup, Tag
from kb.contract import TREATMENT_OVERVIEWS
from kb.pages import check_pages

from tests.browser.sitepages import page_path
from tests.sitebuild import ROOT
from tests.soup import attr, classes, one

RECORDS = check_pages(ROOT / "docs", today=date.today()).records
MEDICAL = sorted(src for src, record in RECORDS.items() if record.medical)
EVERY_PAGE = sorted(RECORDS)
REPO_EDIT = "https://github.com/avn-knowledge-base/avn-kb/edit/main/docs/"


def built(site_dir: Path, src_uri: str) -> BeautifulSoup:
    """The built HTML of the page made from ``src_uri``."""
    return BeautifulSoup(
        (site_dir / page_path(PurePosixPath(src_uri)) / "index.html").read_text("utf-8"), "html.parser"
    )


def article_of(html: BeautifulSoup) -> Tag:
    article = html.select_one("article")
    assert article is not None
    return article


@pytest.mark.parametrize("src_uri", MEDICAL)
def test_a_health_page_opens_with_title_trust_line_and_key_messages(site_dir: Path, src_uri: str) -> None:
    article = article_of(built(site_dir, src_uri))
    blocks = [child for child in article.children if isinstance(child, Tag)]
    names = [next(iter(classes(block)), None) if block.name != "h1" else "h1" for block in blocks]
    first = names.index("h1")
    assert names[first + 1] == "kb-trust", f"{src_uri}: after the title comes {names[first + 1]}"
    trust = blocks[first + 1].get_text(" ", strip=True)
    assert "Not yet checked by a clinician" in trust or "Checked by" in trust
    assert "Last checked by the editors" in trust or "Reviewed" in trust
    assert one(blocks[first + 1], "a[href='#about-this-page']").get_text() == "About this page"
    opening = names[first + 2 : first + 5]
    assert "kb-key" in opening, f"{src_uri}: 'In short' is not right after the trust line: {opening}"
    # Nothing but the one warning sentence and the overdue note may come between the trust line and "In short".
    assert set(names[first + 2 : names.index("kb-key")]) <= {"kb-warning", "kb-overdue"}
    messages = [item.get_text(strip=True) for item in article.select(".kb-key li")]
    assert messages == list(RECORDS[src_uri].key_messages)


@pytest.mark.parametrize("src_uri", MEDICAL)
def test_the_full_furniture_is_at_the_end_under_about_this_page(site_dir: Path, src_uri: str) -> None:
    article = article_of(built(site_dir, src_uri))
    about = article.select_one("#about-this-page")
    assert about is not None and about.name == "section"
    assert one(about, "h2").get_text(strip=True) == "About this page"
    assert len(about.select(".kb-disclaimer")) == 1
    assert len(about.select(".kb-review time")) >= 2
    # One entry per source the text cites, in the order the text first cites them.
    cited = list(dict.fromkeys(attr(link, "data-kb-source") for link in article.select(".kb-cite a")))
    assert cited and [attr(item, "data-kb-source") for item in about.select(".kb-sources li")] == cited
    # Only the editors' link follows it: the page's own text all comes before.
    assert [tag.get("class") for tag in about.find_next_siblings()] == [["kb-suggest"]]
    assert article.select(".kb-furniture") == []


def test_medicine_pages_keep_one_warning_sentence_at_the_top(site_dir: Path) -> None:
    pages = [src for src in MEDICAL if RECORDS[src].disclaimer == "medicines"]
    assert pages, "no medicine page found"
    for src_uri in pages:
        warnings = article_of(built(site_dir, src_uri)).select(".kb-warning")
        assert [warning.get_text(strip=True) for warning in warnings] == [
            "Do not start, stop or change a medicine because of this page."
        ], src_uri


@pytest.mark.parametrize("src_uri", [src for src in MEDICAL if RECORDS[src].evidence])
def test_the_evidence_box_gives_the_answer_before_how_sure(site_dir: Path, src_uri: str) -> None:
    box = article_of(built(site_dir, src_uri)).select_one(".kb-evidence")
    assert box is not None
    items = box.select(".kb-evidence__item")
    assert [one(item, "dt").get_text(strip=True) for item in items] == [
        evidence.question for evidence in RECORDS[src_uri].evidence
    ]
    for item, evidence in zip(items, RECORDS[src_uri].evidence, strict=True):
        answer, level = one(item, ".kb-evidence__answer"), one(item, ".kb-level")
        assert answer.get_text(strip=True) == evidence.answer
        assert answer.find_next(class_="kb-level") is level
        assert level.get_text(" ", strip=True).startswith("How sure:")


@pytest.mark.parametrize("src_uri", EVERY_PAGE)
def test_every_page_has_help_in_the_header_and_no_code_links_in_the_readers_way(site_dir: Path, src_uri: str) -> None:
    html = built(site_dir, src_uri)
    help_link = html.select_one(".md-header a.kb-help-link")
    assert help_link is not None and help_link.get_text(strip=True) == "Help"
    target = (site_dir / page_path(PurePosixPath(src_uri)) / attr(help_link, "href")).resolve()
    assert target == (site_dir / "living" / "when-to-get-help").resolve()
    assert html.select(".md-source, .md-content__button") == []
    suggest = html.select_one("article .kb-suggest a")
    assert suggest is not None and suggest.get_text(strip=True) == "Suggest a change to this page"
    data_file = {"glossary.md": "_data/glossary.yml", "references.md": "_data/bibliography.yml"}.get(src_uri, src_uri)
    assert suggest["href"] == REPO_EDIT + data_file


def test_the_treatment_overview_compares_every_treatment_page(site_dir: Path) -> None:
    treatments = [src for src, record in RECORDS.items() if record.treatment is not None]
    single = {src for src in RECORDS if src.startswith("treatment/") and src not in TREATMENT_OVERVIEWS}
    assert single <= set(treatments)
    overview = article_of(built(site_dir, "treatment/index.md"))
    rows = overview.select(".kb-compare__table tbody tr")
    assert len(rows) == len(treatments)
    shown = {}
    for row in rows:
        link = one(row, "th a")
        target = (site_dir / "treatment" / attr(link, "href")).resolve()
        assert (target / "index.html").exists(), link["href"]
        shown[target.relative_to(site_dir.resolve()).as_posix()] = row
    for src in treatments:
        record = RECORDS[src]
        assert record.treatment is not None
        row = shown[page_path(PurePosixPath(src)).rstrip("/")]
        cells = {cell["data-label"]: cell.get_text(" ", strip=True) for cell in row.select("td")}
        assert cells["What it is for"] == record.treatment.aim
        assert cells["What it involves"] == record.treatment.involves
        assert cells["Main risks"] == record.treatment.main_risks
        for evidence in record.evidence:
            assert evidence.answer in cells["What the studies show"]


def test_no_level_label_reads_as_a_verdict_without_its_meaning(site_dir: Path) -> None:
    policy = built(site_dir, "about-this-site/editorial-policy.md").get_text(" ", strip=True)
    assert "tested this in people with AVN, so nobody knows for sure" in policy
