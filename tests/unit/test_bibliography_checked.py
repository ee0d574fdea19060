"""How a bibliography entry was checked (editors only), the stale-source report, and the citation readers see."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import jinja2
import pytest
from kb.review_report import stale_source_lines
from kb.sitedata import CHECKED_AGAINST, checked_on, load_site_data

from tests.unit.test_sitedata import BIBLIOGRAPHY, load, problems

ROOT = Path(__file__).resolve().parents[2]
LAI_CHECKED = "  checked: {against: publisher, on: 2026-11-21}\n"


def with_lai_checked(line: str) -> str:
    """The sample bibliography with lai-2005's checked line replaced (an empty line removes it)."""
    assert LAI_CHECKED in BIBLIOGRAPHY
    return BIBLIOGRAPHY.replace(LAI_CHECKED, line, 1)


@pytest.mark.parametrize(
    "line",
    [
        "  checked: {against: pubmed, on: 2026-11-21}\n",
        "  checked: {against: [pubmed, publisher], on: 2026-11}\n",
        "  checked:\n    against: drug-label\n    on: 2025-02-28\n",
    ],
)
def test_a_well_formed_checked_block_passes(tmp_path: Path, line: str) -> None:
    assert problems(tmp_path, bibliography=with_lai_checked(line)) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("", "docs/_data/bibliography.yml:1: source 'lai-2005' needs a checked block; "),
        (
            "  checked: Seen on PubMed by the editors.\n",
            "docs/_data/bibliography.yml:8: source 'lai-2005' needs a checked block; ",
        ),
        (
            "  checked: {against: a search engine, on: 2026-11-21}\n",
            "docs/_data/bibliography.yml:8: source 'lai-2005' was checked against 'a search engine'; use one or a list of ",
        ),
        (
            "  checked: {against: [pubmed, memory], on: 2026-11-21}\n",
            "docs/_data/bibliography.yml:8: source 'lai-2005' was checked against 'memory'; ",
        ),
        (
            "  checked: {against: pubmed}\n",
            "docs/_data/bibliography.yml:8: source 'lai-2005' has checked on empty; write the day as YYYY-MM-DD, "
            "or YYYY-MM if only the month is known",
        ),
        (
            "  checked: {against: pubmed, on: November 2026}\n",
            "docs/_data/bibliography.yml:8: source 'lai-2005' has checked on 'November 2026'; ",
        ),
        (
            "  checked: {against: pubmed, on: 2026-13}\n",
            "docs/_data/bibliography.yml:8: source 'lai-2005' has checked on '2026-13'; ",
        ),
        (
            "  checked: {against: pubmed, on: 2026-11-21, by: search tool}\n",
            "docs/_data/bibliography.yml:8: unknown field 'by'; use only against, on",
        ),
    ],
)
def test_a_bad_checked_block_is_reported_at_its_line(tmp_path: Path, line: str, expected: str) -> None:
    found = problems(tmp_path, bibliography=with_lai_checked(line))
    assert len(found) == 1 and found[0].startswith(expected), found


def test_the_old_prose_field_is_refused(tmp_path: Path) -> None:
    found = problems(tmp_path, bibliography=with_lai_checked(LAI_CHECKED + "  verified: Seen on PubMed.\n"))
    assert found == [
        "docs/_data/bibliography.yml:9: unknown field 'verified'; use only "
        "authors, checked, container, details, doi, kind, pmid, summary, title, url, year"
    ]


def test_a_summary_must_be_plain_text(tmp_path: Path) -> None:
    assert problems(
        tmp_path, bibliography=with_lai_checked(LAI_CHECKED + "  summary: <b>Collapse</b> in 3 of 10.\n")
    ) == ["docs/_data/bibliography.yml:9: source 'lai-2005' has a summary that is not plain text; no HTML"]


def test_details_readers_see_are_a_short_citation_part_not_a_note(tmp_path: Path) -> None:
    note = "  details: 87(10):2155-2159. Abstract seen; the PubMed ID was read from another record's address.\n"
    assert problems(tmp_path / "note", bibliography=with_lai_checked(LAI_CHECKED + note)) == [
        "docs/_data/bibliography.yml:9: source 'lai-2005' has details readers cannot use as a citation (86 characters); "
        "keep volume, issue and pages or a date, at most 60 characters; move notes to summary"
    ]
    assert (
        problems(tmp_path / "pages", bibliography=with_lai_checked(LAI_CHECKED + "  details: 87(10):2155-2159\n")) == []
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-11", date(2026, 11, 1)), ("2026-11-21", date(2026, 11, 21)), (date(2026, 2, 3), date(2026, 2, 3))],
)
def test_checked_on_reads_a_day_or_a_month(value: object, expected: date) -> None:
    assert checked_on(value) == expected


@pytest.mark.parametrize("value", ["2026-02-30", "2026", "21 November 2026", 2026, None])
def test_checked_on_refuses_anything_else(value: object) -> None:
    assert checked_on(value) is None


def test_no_checked_against_name_is_a_tool_or_a_process() -> None:
    words = " ".join(CHECKED_AGAINST) + " " + " ".join(CHECKED_AGAINST.values())
    for banned in ("tool", "search", "session", "note", "agent", "helper", "brief"):
        assert banned not in words


def test_the_report_lists_sources_checked_more_than_a_year_ago_oldest_first(tmp_path: Path) -> None:
    bibliography = with_lai_checked("  checked: {against: pubmed, on: 2025-10}\n").replace(
        "on: 2026-11}", "on: 2026-11-30}"
    )
    site = load(tmp_path, bibliography=bibliography)
    assert site.problems == []
    assert stale_source_lines(site, date(2026, 12, 1)) == [
        "",
        "Sources last checked more than a year ago (1): check each again and update checked: on:",
        "checked 2025-10     lai-2005",
    ]
    assert stale_source_lines(site, date(2026, 10, 1)) == []
    assert stale_source_lines(site, date(2028, 1, 1))[2:] == [
        "checked 2025-10     lai-2005",
        "checked 2026-11-30  mayo-avn",
    ]


# --- The citation readers see ----------------------------------------------------------------------


def cite(source: dict) -> str:
    """The citation template rendered for one source, with its whitespace collapsed."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=True)
    return " ".join(env.get_template("kb/citation.html").render(source=source).split())


def test_a_citation_shows_authors_title_container_year_details_and_link_only() -> None:
    source = {
        "kind": "article",
        "authors": ["Lai KA", "Shen WJ"],
        "year": 2005,
        "title": "The use of alendronate: a randomized clinical study",
        "container": "J Bone Joint Surg Am",
        "details": "87(10):2155-2159",
        "doi": "10.2106/JBJS.D.02959",
        "pmid": "16203877",
        "checked": {"against": "pubmed", "on": "2026-11"},
        "summary": "EDITOR ONLY",
    }
    assert cite(source) == (
        "Lai KA, Shen WJ. The use of alendronate: a randomized clinical study. <em>J Bone Joint Surg Am.</em> "
        "2005;87(10):2155-2159. "
        '<a class="kb-cite-address" href="https://doi.org/10.2106/JBJS.D.02959" rel="noopener noreferrer">'
        "https://doi.org/10.2106/JBJS.D.02959</a>. PubMed "
        '<a href="https://pubmed.ncbi.nlm.nih.gov/16203877/" rel="noopener noreferrer">16203877</a>.'
    )


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [
        ("authors", ["Lee YK", "et al."], "Lee YK, et al. Osteonecrosis"),
        ("title", "Is it the joints?", "Is it the joints? <em>"),
        ("title", "Damage to the joints.", "Damage to the joints. <em>"),
        ("container", "Clin Orthop Relat Res.", "<em>Clin Orthop Relat Res.</em>"),
    ],
)
def test_a_part_that_ends_in_punctuation_gets_no_second_mark(field: str, value: object, shown: str) -> None:
    source = {"title": "Osteonecrosis", "container": "Mayo Clinic", "url": "https://www.mayoclinic.org/x", field: value}
    text = cite(source)
    assert shown in text
    for doubled in ("..", "?.", "!.", ".?"):
        assert doubled not in text


def test_a_web_page_shows_its_date_and_where_it_is() -> None:
    source = {
        "title": "Osteonecrosis",
        "container": "NORD",
        "year": 2021,
        "details": "Last updated 23 February 2021",
        "url": "https://www.rarediseases.org/osteonecrosis/",
    }
    assert cite(source) == (
        "Osteonecrosis. <em>NORD.</em> 2021. Last updated 23 February 2021. Online at "
        '<a href="https://www.rarediseases.org/osteonecrosis/" rel="noopener noreferrer">rarediseases.org</a>.'
    )


def test_the_real_bibliography_names_no_tool_or_step_of_our_own_work() -> None:
    text = (ROOT / "docs" / "_data" / "bibliography.yml").read_text(encoding="utf-8").casefold()
    for phrase in (
        "search tool",
        "research notes",
        "earlier session",
        "second session",
        "look-up",
        "lookup",
        "the brief",
        "helper",
        "verified",
    ):
        assert phrase not in text, phrase


def test_every_entry_of_the_real_bibliography_is_checked_and_cites_cleanly() -> None:
    site = load_site_data(ROOT / "docs" / "_data", "docs/_data")
    bibliography = [problem for problem in site.problems if "bibliography" in problem.path]
    assert bibliography == []
    for key, source in site.sources.items():
        text = cite(source)
        assert "EDITOR" not in text and "checked" not in text.casefold(), key
        for doubled in ("..", "?.", "!.", ",.", ";."):
            assert doubled not in text.replace("...", ""), (key, text)
