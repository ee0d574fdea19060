"""The bibliography: CSL entries checked by one schema, each fault at its line; AMA style; the stale-source report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import jinja2
import pytest
from kb.bibliography import CHECKED_AGAINST, Source, checked_on, load_bibliography
from kb.reference_style import formatted
from kb.review_report import stale_source_lines
from kb.sitedata import load_site_data

from tests.unit.test_sitedata import BIBLIOGRAPHY, load

ROOT = Path(__file__).resolve().parents[2]
SHOWN = "docs/_data/bibliography.yml"


def problems(tmp_path: Path, text: str) -> list[str]:
    """The messages an editor sees for this bibliography."""
    path = tmp_path / "bibliography.yml"
    path.write_text(text, encoding="utf-8")
    return [str(problem) for problem in load_bibliography(path, SHOWN)[2]]


def changed(old: str, new: str) -> str:
    """The sample bibliography with one piece replaced."""
    assert old in BIBLIOGRAPHY, old
    return BIBLIOGRAPHY.replace(old, new, 1)


def test_valid_entries_load_with_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "bibliography.yml"
    path.write_text(BIBLIOGRAPHY, encoding="utf-8")
    sources, lines, found = load_bibliography(path, SHOWN)
    assert found == []
    assert list(sources) == ["lai-2005", "mayo-avn"]
    assert sources["lai-2005"].year == 2005 and sources["mayo-avn"].year is None
    assert lines == {"lai-2005": 1, "mayo-avn": 12}


def test_an_entry_exported_as_csl_json_pastes_in_as_it_is(tmp_path: Path) -> None:
    exported = (
        '- {"id": "chen-2012", "type": "article-journal", "title": "Alendronate in the prevention of collapse",'
        ' "container-title": "Am J Sports Med", "volume": 40, "issue": 9, "page": "2129-2134",'
        ' "author": [{"family": "Chen", "given": "Chung-Hwan"}], "issued": {"date-parts": [[2012, 9]]},'
        ' "DOI": "10.1177/0363546512454656", "PMID": 22896627,'
        ' "checked": {"against": "pubmed", "on": "2026-12-06"}}\n'
    )
    path = tmp_path / "bibliography.yml"
    path.write_text(exported, encoding="utf-8")
    sources, _, found = load_bibliography(path, SHOWN)
    assert found == []
    assert sources["chen-2012"].volume == "40" and sources["chen-2012"].PMID == "22896627"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  title: A trial of alendronate in osteonecrosis\n",
            "  title: [broken\n",
            f"{SHOWN}:7: broken YAML: a list in [brackets] is not closed, or two items lack a comma between them;"
            " fix the YAML syntax on this line",
        ),
        (
            "  title: A trial of alendronate in osteonecrosis\n",
            "  title: A trial: alendronate\n",
            f"{SHOWN}:7: broken YAML: a colon (:) inside a value; put the whole value in quotes;"
            " fix the YAML syntax on this line",
        ),
        (
            BIBLIOGRAPHY,
            "lai-2005:\n  type: article-journal\n",
            f"{SHOWN}:1: the file must hold a list of entries; see CONTRIBUTING.md",
        ),
    ],
)
def test_a_broken_file_is_named_at_its_line_and_loads_nothing(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert problems(tmp_path, changed(old, new)) == [expected]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  title: A trial of alendronate in osteonecrosis\n",
            "",
            "1: source 'lai-2005' needs title; add title: ... (CONTRIBUTING.md lists the fields)",
        ),
        (
            "  type: article-journal\n",
            "",
            "1: source 'lai-2005' needs type; add type: ... (CONTRIBUTING.md lists the fields)",
        ),
        (
            "  container-title: J Bone Joint Surg Am\n  jornal: JBJS\n",
            None,
            "9: source 'lai-2005' has the unknown field 'jornal'; use the CSL field names CONTRIBUTING.md lists",
        ),
        (
            "  type: webpage",
            "  type: website",
            "13: source 'mayo-avn' has type 'website'; use 'article-journal', 'book', 'chapter', 'report', 'webpage',"
            " 'dataset' or 'entry-encyclopedia'",
        ),
        (
            "- id: lai-2005",
            "- id: Lai_2005",
            "1: source 'Lai_2005': id 'Lai_2005' is not written as it should be; write it like lai-2005"
            " (lower-case words joined by hyphens)",
        ),
        (
            "  DOI: 10.2106/JBJS.D.02959",
            "  DOI: https://doi.org/10.2106/JBJS.D.02959",
            "9: source 'lai-2005': DOI 'https://doi.org/10.2106/JBJS.D.02959' is not written as it should be; write it"
            " like 10.2106/JBJS.D.02959,"
            " without https://doi.org/",
        ),
        (
            "  DOI: 10.2106/JBJS.D.02959",
            "  DOI: 10.2106/JBJS.D.02959\n  PMID: PMID 16203877",
            "10: source 'lai-2005': PMID 'PMID 16203877' is not written as it should be; write it like '20844158'"
            " (digits only)",
        ),
        (
            "  DOI: 10.2106/JBJS.D.02959",
            "  DOI: 10.2106/JBJS.D.02959\n  PMCID: '6884101'",
            "10: source 'lai-2005': PMCID '6884101' is not written as it should be; write it like PMC6884101",
        ),
        (
            "  URL: https://www.mayoclinic.org",
            "  URL: www.mayoclinic.org",
            "16: source 'mayo-avn': URL 'www.mayoclinic.org/diseases-conditions/avascular-necrosis' is not written as it"
            " should be; write it like https://...",
        ),
        (
            "  DOI: 10.2106/JBJS.D.02959\n",
            "",
            "1: source 'lai-2005' has no DOI, PMID or URL; add the identifier you saw, or remove the source",
        ),
        (
            "  container-title: Mayo Clinic\n",
            "",
            "12: source 'mayo-avn' says nowhere where it was published; add container-title (or publisher for a book)",
        ),
        (
            "  title: Avascular necrosis\n",
            "  title: Avascular <i>necrosis</i>\n",
            "15: source 'mayo-avn': title holds < or >; write plain text, no HTML",
        ),
        (
            "  title: Avascular necrosis\n",
            "  title: ' '\n",
            "15: source 'mayo-avn': title is empty; write the text, or leave the field out",
        ),
        (
            "  issued: {date-parts: [[2005]]}",
            "  issued: {date-parts: [[2005, 13, 2]]}",
            "6: source 'lai-2005': issued [2005, 13, 2] is not a real date; write the year, and the month and day if"
            " known: {date-parts: [[2021, 6, 3]]}",
        ),
        (
            "  issued: {date-parts: [[2005]]}",
            "  issued: {date-parts: [[205]]}",
            "6: source 'lai-2005': issued [205] is not a year, month and day; write the year, and the month and day if"
            " known: {date-parts: [[2021, 6, 3]]}",
        ),
        (
            "  issued: {date-parts: [[2005]]}",
            "  issued: 2005",
            "6: source 'lai-2005' has issued written as the number 2005; write it as {date-parts: [[2005]]}",
        ),
        (
            "    - {family: Shen, given: WJ}",
            "    - {family: Shen, given: WJ, literal: Shen WJ}",
            "5: source 'lai-2005': author.1 write {family: Lai, given: KA} for a person or {literal: Mayo Clinic} for a"
            " body; see CONTRIBUTING.md, Add a source",
        ),
        (
            "    - {family: Shen, given: WJ}",
            "    - Shen WJ",
            "5: source 'lai-2005' has author.1 written as 'Shen WJ'; write it as {family: Lai, given: KA} for a person,"
            " or {literal: Mayo Clinic} for a body",
        ),
        (
            "  checked: {against: publisher, on: 2026-11-21}",
            "  checked: {against: a search engine, on: 2026-11-21}",
            "10: source 'lai-2005': checked.against 'a search engine' is not a known check; use one or a list of pubmed,"
            " pubmed-central, doi, publisher, web-page, archived-copy, full-text, library-record, drug-label",
        ),
        (
            "  checked: {against: publisher, on: 2026-11-21}",
            "  checked: {against: [], on: 2026-11-21}",
            "10: source 'lai-2005': checked.against the list is empty; name one or more of pubmed, pubmed-central, doi,"
            " publisher, web-page, archived-copy, full-text, library-record, drug-label",
        ),
        (
            "  checked: {against: publisher, on: 2026-11-21}",
            "  checked: {against: pubmed, on: 2026-13}",
            "10: source 'lai-2005': checked.on '2026-13' is not a day; write YYYY-MM-DD, or YYYY-MM if only the month"
            " is known",
        ),
        (
            "  checked: {against: publisher, on: 2026-11-21}\n",
            "",
            "1: source 'lai-2005' needs checked; add checked: ... (CONTRIBUTING.md lists the fields)",
        ),
        (
            "  checked: {against: publisher, on: 2026-11-21}",
            "  checked: {against: pubmed, on: 2026-11-21, by: search tool}",
            "10: source 'lai-2005' has the unknown field 'checked.by'; use the CSL field names CONTRIBUTING.md lists",
        ),
        (
            "  checked: {against: publisher, on: 2026-11-21}",
            "  checked: {against: publisher, on: 2026-11-21}\n  summary: <b>Collapse</b> in 3 of 10.",
            "11: source 'lai-2005': summary holds < or >; write plain text, no HTML",
        ),
        ("- id: mayo-avn", "- id: lai-2005", "12: the id 'lai-2005' is used twice (first at line 1); rename one"),
    ],
)
def test_each_fault_is_named_at_its_line_with_the_fix(tmp_path: Path, old: str, new: str | None, expected: str) -> None:
    text = changed(old.split("\n  jornal")[0] + "\n", old) if new is None else changed(old, new)
    assert problems(tmp_path, text) == [f"{SHOWN}:{expected}"]


def test_a_faulty_entry_is_left_out_and_the_others_load(tmp_path: Path) -> None:
    path = tmp_path / "bibliography.yml"
    path.write_text(changed("  DOI: 10.2106/JBJS.D.02959\n", ""), encoding="utf-8")
    sources, lines, _ = load_bibliography(path, SHOWN)
    assert list(sources) == ["mayo-avn"] and lines == {"lai-2005": 1, "mayo-avn": 11}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-11", date(2026, 11, 1)), ("2026-11-21", date(2026, 11, 21)), (date(2026, 2, 3), date(2026, 2, 3))],
)
def test_checked_on_reads_a_day_or_a_month(value: object, expected: date) -> None:
    assert checked_on(value) == expected


@pytest.mark.parametrize("value", ["November 2026", "2026-13", "2026-02-30", "26-11-21", None, 2026])
def test_checked_on_refuses_anything_else(value: object) -> None:
    assert checked_on(value) is None


def test_no_checked_against_name_is_a_tool_or_a_process() -> None:
    words = " ".join(CHECKED_AGAINST) + " " + " ".join(CHECKED_AGAINST.values())
    for banned in ("tool", "search", "session", "note", "agent", "helper", "brief"):
        assert banned not in words


def test_the_report_lists_sources_checked_more_than_a_year_ago_oldest_first(tmp_path: Path) -> None:
    bibliography = changed("on: 2026-11-21}", "on: 2025-10}").replace("on: 2026-11}", "on: 2026-11-30}")
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


# --- What readers see: the entry in AMA style, then its links --------------------------------------


def source(**fields: object) -> Source:
    """An entry with the fields given and the ones every entry needs."""
    base = {"id": "x", "type": "article-journal", "title": "T", "URL": "https://example.org/x"}
    return Source.model_validate(base | {"checked": {"against": "doi", "on": "2026-12"}} | fields)


def cite(entry: Source) -> str:
    """The citation template rendered for one entry, with its whitespace collapsed."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=True)
    view = {"html": formatted({entry.id: entry})[entry.id], "DOI": entry.DOI, "PMID": entry.PMID, "URL": entry.URL}
    return " ".join(env.get_template("kb/citation.html").render(source=view).split())


def test_an_article_reads_in_ama_style_with_its_doi_and_pubmed_links_and_nothing_for_editors() -> None:
    entry = source(
        author=[{"family": "Lai", "given": "KA"}, {"family": "Shen", "given": "WJ"}],
        issued={"date-parts": [[2005]]},
        title="The use of alendronate: a randomized clinical study",
        **{"container-title": "J Bone Joint Surg Am"},
        volume="87",
        issue="10",
        page="2155-2159",
        DOI="10.2106/JBJS.D.02959",
        PMID="16203877",
        URL=None,
        summary="EDITOR ONLY",
    )
    assert cite(entry) == (
        "Lai KA, Shen WJ. The use of alendronate: a randomized clinical study. <i>J Bone Joint Surg Am</i>. "
        "2005;87(10):2155-2159. "
        '<a class="kb-cite-address" href="https://doi.org/10.2106/JBJS.D.02959" rel="noopener noreferrer">'
        "https://doi.org/10.2106/JBJS.D.02959</a>. PubMed "
        '<a href="https://pubmed.ncbi.nlm.nih.gov/16203877/" rel="noopener noreferrer">16203877</a>.'
    )


def test_a_web_page_without_author_shows_its_title_once_its_date_and_where_it_is() -> None:
    entry = source(
        type="webpage",
        title="Osteonecrosis",
        issued={"date-parts": [[2021, 2, 23]]},
        URL="https://www.rarediseases.org/osteonecrosis/",
        **{"container-title": "NORD & rare diseases"},
    )
    assert cite(entry) == (
        "Osteonecrosis. NORD &amp; rare diseases. February 23, 2021. Online at "
        '<a href="https://www.rarediseases.org/osteonecrosis/" rel="noopener noreferrer">rarediseases.org</a>.'
    )


@pytest.mark.parametrize("title", ["Who should have surgery?", "Stop!"])
def test_a_title_that_ends_in_a_question_or_exclamation_mark_gets_no_full_stop(title: str) -> None:
    text = cite(source(title=title, **{"container-title": "Bone Joint Res"}))
    assert f"{title} <i>" in text and "?." not in text and "!." not in text


def test_medline_initials_stay_initials() -> None:
    entry = source(
        author=[{"family": "Keegan", "given": "THM"}, {"literal": "Mayo Clinic"}], **{"container-title": "J"}
    )
    assert cite(entry).startswith("Keegan THM, Mayo Clinic. T.")


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


def test_every_entry_of_the_real_bibliography_is_valid_and_reads_cleanly() -> None:
    site = load_site_data(ROOT / "docs" / "_data", "docs/_data")
    assert [str(p) for p in site.problems if "bibliography" in p.path] == []
    for key, entry in site.sources.items():
        text = cite(entry)
        assert "EDITOR" not in text and "checked" not in text.casefold(), key
        for doubled in ("..", "?.", "!.", ",.", ";.", ". ."):
            assert doubled not in text.replace("...", ""), (key, text)
        assert entry.title not in text.replace(entry.title, "", 1), (key, "title shown twice")
