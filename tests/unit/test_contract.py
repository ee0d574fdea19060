"""The front-matter contract of a page, and the page furniture built from a checked page."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from kb.contract import Evidence, PageRecord, Review, Treatment
from kb.furniture import json_ld, page_view
from kb.pages import check_file
from kb.sitedata import SiteData, load_site_data

TODAY = date(2026, 11, 21)

DISCLAIMERS = """\
general:
  label: Information, not medical advice
  text: This page explains AVN in general.
exercise:
  label: Before you exercise
  text: Check with your physical therapist first.
"""
EVIDENCE_SCALE = """\
low:
  label: Low
  meaning: Small trials or results that disagree.
none:
  label: No studies found
  meaning: We found no study in people that tested this.
"""
BIBLIOGRAPHY = """\
- id: lai-2005
  type: article-journal
  author:
    - {family: Lai, given: KA}
  issued: {date-parts: [[2005]]}
  title: A trial of alendronate in osteonecrosis
  container-title: J Bone Joint Surg Am
  DOI: 10.2106/JBJS.D.02959
  checked: {against: publisher, on: 2026-11-21}

- id: mont-2020
  type: article-journal
  author:
    - {family: Mont, given: MA}
  issued: {date-parts: [[2020]]}
  title: Nontraumatic osteonecrosis of the femoral head
  container-title: J Bone Joint Surg Am
  DOI: 10.2106/JBJS.19.01271
  checked: {against: publisher, on: 2026-11-21}
"""

# Line numbers of this page are used in the expected messages below.
MEDICAL_PAGE = """\
---
title: Walking aids
description: How a cane, crutches or a walker can help with hip AVN.
medical:
  disclaimer: general
  review:
    status: pending-clinical-review
    last_reviewed: 2026-11-21
    next_review: 2027-11-21
  evidence:
    - question: Do walking aids ease pain?
      level: low
      answer: Eases pain for some people
  key_messages:
    - A cane or crutches take weight off your sore hip.
    - They can ease pain when you walk.
---

# Walking aids

A cane can take some weight off a sore hip [@lai-2005].
"""
# The line of the first line after the front matter, and of the sentence that cites.
BODY_LINE, CITING_LINE = 18, 21
ABOUT_PAGE = """\
---
title: About this site
description: Who writes this site and how it is paid for and reviewed.
medical: false
---

# About this site
"""
REVIEWER = (
    "    next_review: 2027-11-21\n    reviewer:\n      name: Dr Ana Lopez\n      credentials: MD, orthopaedic surgeon\n"
)


@pytest.fixture
def site(tmp_path: Path) -> SiteData:
    """The minimal valid site data, written to tmp_path/docs/_data and loaded."""
    data_dir = tmp_path / "docs" / "_data"
    data_dir.mkdir(parents=True)
    (data_dir / "disclaimers.yml").write_text(DISCLAIMERS, encoding="utf-8")
    (data_dir / "evidence-scale.yml").write_text(EVIDENCE_SCALE, encoding="utf-8")
    (data_dir / "bibliography.yml").write_text(BIBLIOGRAPHY, encoding="utf-8")
    loaded = load_site_data(data_dir, "docs/_data")
    assert loaded.problems == []
    return loaded


def edit(page: str, old: str, new: str) -> str:
    """``page`` with the one occurrence of ``old`` replaced by ``new``."""
    assert page.count(old) == 1, old
    return page.replace(old, new)


def check(site: SiteData, raw: str, today: date = TODAY) -> tuple[PageRecord | None, list[str]]:
    """Check ``raw`` as docs/x.md; return the record and the messages an editor sees."""
    record, problems = check_file(raw, "x.md", "docs/x.md", site, today)
    return record, [str(problem) for problem in problems]


def messages(site: SiteData, raw: str, today: date = TODAY) -> list[str]:
    """Only the messages of checking ``raw`` as docs/x.md."""
    return check(site, raw, today)[1]


# --- Valid pages ------------------------------------------------------------------------------


def test_valid_medical_page_passes_with_its_record(site: SiteData) -> None:
    assert check(site, MEDICAL_PAGE) == (
        PageRecord(
            src_uri="x.md",
            title="Walking aids",
            description="How a cane, crutches or a walker can help with hip AVN.",
            medical=True,
            disclaimer="general",
            review=Review("pending-clinical-review", date(2026, 11, 21), date(2027, 11, 21)),
            key_messages=("A cane or crutches take weight off your sore hip.", "They can ease pain when you walk."),
            evidence=(Evidence("Do walking aids ease pain?", "Eases pain for some people", "low"),),
            cited=("lai-2005",),
        ),
        [],
    )


def test_valid_clinically_reviewed_page_records_its_reviewer(site: SiteData) -> None:
    page = edit(MEDICAL_PAGE, "pending-clinical-review", "clinically-reviewed")
    record, found = check(site, edit(page, "    next_review: 2027-11-21\n", REVIEWER))
    assert found == []
    assert record is not None
    assert record.review == Review(
        "clinically-reviewed", date(2026, 11, 21), date(2027, 11, 21), "Dr Ana Lopez", "MD, orthopaedic surgeon"
    )


def test_valid_non_medical_page_passes(site: SiteData) -> None:
    assert check(site, ABOUT_PAGE) == (
        PageRecord("x.md", "About this site", "Who writes this site and how it is paid for and reviewed.", False),
        [],
    )


def test_page_without_evidence_passes(site: SiteData) -> None:
    page = edit(
        MEDICAL_PAGE,
        "  evidence:\n    - question: Do walking aids ease pain?\n      level: low\n      answer: Eases pain for some people\n",
        "",
    )
    record, found = check(site, page)
    assert found == []
    assert record is not None
    assert record.evidence == ()


# --- Top-level fields -------------------------------------------------------------------------


def test_unknown_top_level_field_is_reported_with_the_missing_one(site: SiteData) -> None:
    record, found = check(site, edit(ABOUT_PAGE, "description:", "descripton:"))
    assert record is None
    assert found == [
        "docs/x.md:3: unknown field 'descripton'; use only description, glossary, hide, medical, search, title",
        "docs/x.md:2: 'description' is missing; add description: ...",
    ]


def test_missing_medical_is_an_error(site: SiteData) -> None:
    record, found = check(site, edit(ABOUT_PAGE, "medical: false\n", ""))
    assert record is None
    assert found == [
        "docs/x.md:2: the page does not say whether it is medical; "
        "add a medical: block (see CONTRIBUTING.md), or medical: false for a page about the site"
    ]


@pytest.mark.parametrize(
    ("value", "shown"), [("yes", "'yes'"), ("true", "true"), ("maybe", "'maybe'"), ("1", "the number 1"), ("", "empty")]
)
def test_medical_of_the_wrong_type(site: SiteData, value: str, shown: str) -> None:
    record, found = check(site, edit(ABOUT_PAGE, "medical: false", f"medical: {value}"))
    assert record is None
    assert found == [
        f"docs/x.md:4: 'medical' is {shown}; write a medical: block with disclaimer and review, or medical: false"
    ]


@pytest.mark.parametrize(
    ("description", "length"),
    [("Too short.", 10), ("x" * 29, 29), ("x" * 181, 181), ("A long sentence. " * 12, 203)],
)
def test_description_too_short_or_too_long(site: SiteData, description: str, length: int) -> None:
    page = edit(ABOUT_PAGE, "Who writes this site and how it is paid for and reviewed.", description)
    assert messages(site, page) == [
        f"docs/x.md:3: the description has {length} characters; write one sentence of 30 to 180 characters"
    ]


@pytest.mark.parametrize("length", [30, 180])
def test_description_at_the_limits_passes(site: SiteData, length: int) -> None:
    page = edit(ABOUT_PAGE, "Who writes this site and how it is paid for and reviewed.", "x" * length)
    assert messages(site, page) == []


def test_glossary_must_be_true_or_false(site: SiteData) -> None:
    page = edit(ABOUT_PAGE, "medical: false\n", "medical: false\nglossary: maybe\n")
    assert messages(site, page) == [
        "docs/x.md:5: 'glossary' must be true or false; write glossary: false to turn off glossary links on this page"
    ]


def test_glossary_false_passes(site: SiteData) -> None:
    assert messages(site, edit(ABOUT_PAGE, "medical: false\n", "medical: false\nglossary: false\n")) == []


# --- Disclaimer and review --------------------------------------------------------------------


def test_missing_disclaimer(site: SiteData) -> None:
    record, found = check(site, edit(MEDICAL_PAGE, "  disclaimer: general\n", ""))
    assert record is None
    assert found == ["docs/x.md:4: 'disclaimer' is missing; add disclaimer: with one of general, exercise"]


def test_unknown_disclaimer_kind(site: SiteData) -> None:
    assert messages(site, edit(MEDICAL_PAGE, "disclaimer: general", "disclaimer: legal")) == [
        "docs/x.md:5: unknown disclaimer kind 'legal'; use one of general, exercise"
    ]


def test_disclaimer_written_as_a_list_is_a_problem_not_a_crash(site: SiteData) -> None:
    assert messages(site, edit(MEDICAL_PAGE, "disclaimer: general", "disclaimer: [general]")) == [
        "docs/x.md:5: unknown disclaimer kind a list; use one of general, exercise"
    ]


@pytest.mark.parametrize(
    ("review", "line"),
    [
        ("", 4),
        ("  review: soon\n", 6),
        pytest.param(
            "  review:\n",
            6,
        ),
    ],
)
def test_missing_review(site: SiteData, review: str, line: int) -> None:
    page = edit(
        MEDICAL_PAGE,
        "  review:\n    status: pending-clinical-review\n    last_reviewed: 2026-11-21\n    next_review: 2027-11-21\n",
        review,
    )
    record, found = check(site, page)
    assert record is None
    assert found == [
        f"docs/x.md:{line}: 'review' is missing or not a block; add review: with status, last_reviewed and next_review"
    ]


@pytest.mark.parametrize("field", ["last_reviewed", "next_review"])
@pytest.mark.parametrize(
    ("value", "what", "fix"),
    [
        ("2026-13-40", "2026-13-40, which is not a real date", "check the month (01-12) and the day"),
        ("2026-02-30", "2026-02-30, which is not a real date", "check the month (01-12) and the day"),
        ("next month", "'next month', not a date", "write it as YYYY-MM-DD, e.g. 2026-11-21"),
        ("21/11/2026", "'21/11/2026', not a date", "write it as YYYY-MM-DD, e.g. 2026-11-21"),
        ("20261121", "the number 20261121, not a date", "write it as YYYY-MM-DD, e.g. 2026-11-21"),
    ],
)
def test_review_date_that_is_not_a_date(site: SiteData, field: str, value: str, what: str, fix: str) -> None:
    line = {"last_reviewed": 8, "next_review": 9}[field]
    old = {"last_reviewed": "last_reviewed: 2026-11-21", "next_review": "next_review: 2027-11-21"}[field]
    record, found = check(site, edit(MEDICAL_PAGE, old, f"{field}: {value}"))
    assert record is None
    assert found == [f"docs/x.md:{line}: '{field}' is {what}; {fix}"]


def test_review_date_yes_is_not_called_a_number(site: SiteData) -> None:
    assert messages(site, edit(MEDICAL_PAGE, "last_reviewed: 2026-11-21", "last_reviewed: yes")) == [
        "docs/x.md:8: 'last_reviewed' is 'yes', not a date; write it as YYYY-MM-DD, e.g. 2026-11-21"
    ]


def test_missing_last_reviewed(site: SiteData) -> None:
    assert messages(site, edit(MEDICAL_PAGE, "    last_reviewed: 2026-11-21\n", "")) == [
        "docs/x.md:6: 'last_reviewed' is missing; add last_reviewed: YYYY-MM-DD"
    ]


@pytest.mark.parametrize("due", ["2026-11-21", "2026-01-01"])
def test_next_review_not_after_last_reviewed(site: SiteData, due: str) -> None:
    assert messages(site, edit(MEDICAL_PAGE, "next_review: 2027-11-21", f"next_review: {due}")) == [
        f"docs/x.md:9: next_review {due} is not after last_reviewed 2026-11-21; set the next review after the last one"
    ]


def test_next_review_more_than_three_years_after_last_reviewed(site: SiteData) -> None:
    assert messages(site, edit(MEDICAL_PAGE, "next_review: 2027-11-21", "next_review: 2029-11-22")) == [
        "docs/x.md:9: next_review 2029-11-22 is more than 3 years after last_reviewed 2026-11-21; "
        "set it on or before 2029-11-21"
    ]


@pytest.mark.parametrize(
    ("last", "due", "today"),
    [
        ("2026-11-21", "2029-11-21", TODAY),
        ("2028-02-29", "2031-02-28", date(2028, 3, 1)),
    ],
)
def test_next_review_exactly_three_years_later_passes(site: SiteData, last: str, due: str, today: date) -> None:
    page = edit(MEDICAL_PAGE, "last_reviewed: 2026-11-21", f"last_reviewed: {last}")
    assert messages(site, edit(page, "next_review: 2027-11-21", f"next_review: {due}"), today) == []


def test_next_review_a_day_past_three_years_from_29_february(site: SiteData) -> None:
    page = edit(MEDICAL_PAGE, "last_reviewed: 2026-11-21", "last_reviewed: 2028-02-29")
    page = edit(page, "next_review: 2027-11-21", "next_review: 2031-03-01")
    assert messages(site, page, date(2028, 3, 1)) == [
        "docs/x.md:9: next_review 2031-03-01 is more than 3 years after last_reviewed 2028-02-29; "
        "set it on or before 2031-02-28"
    ]


def test_last_reviewed_in_the_future(site: SiteData) -> None:
    page = edit(MEDICAL_PAGE, "last_reviewed: 2026-11-21", "last_reviewed: 2026-11-22")
    record, found = check(site, page)
    assert record is None
    assert found == [
        "docs/x.md:8: last_reviewed 2026-11-22 is in the future (today is 2026-11-21); "
        "use the date the page was actually reviewed"
    ]


def test_last_reviewed_passes_once_its_day_comes(site: SiteData) -> None:
    page = edit(MEDICAL_PAGE, "last_reviewed: 2026-11-21", "last_reviewed: 2026-11-22")
    assert messages(site, page, date(2026, 11, 22)) == []


@pytest.mark.parametrize("today", [date(2027, 11, 21), date(2027, 11, 22), date(2035, 1, 1)])
def test_a_passed_review_date_never_fails_the_check(site: SiteData, today: date) -> None:
    assert messages(site, MEDICAL_PAGE, today) == []


def test_clinically_reviewed_without_a_reviewer(site: SiteData) -> None:
    page = edit(MEDICAL_PAGE, "pending-clinical-review", "clinically-reviewed")
    assert messages(site, page) == [
        "docs/x.md:7: the page claims clinical review but names no reviewer; "
        "add reviewer: with name and credentials of the real clinician, or use pending-clinical-review"
    ]


def test_reviewer_named_on_a_pending_page(site: SiteData) -> None:
    assert messages(site, edit(MEDICAL_PAGE, "    next_review: 2027-11-21\n", REVIEWER)) == [
        "docs/x.md:10: a reviewer is named but the status is 'pending-clinical-review'; "
        "name a reviewer only with status clinically-reviewed"
    ]


def test_unknown_review_status(site: SiteData) -> None:
    assert messages(site, edit(MEDICAL_PAGE, "pending-clinical-review", "reviewed")) == [
        "docs/x.md:7: review status is 'reviewed'; use pending-clinical-review (or clinically-reviewed with a named reviewer)"
    ]


# --- Sources and evidence ---------------------------------------------------------------------


def test_the_record_keeps_each_cited_key_once_in_the_order_first_cited(site: SiteData) -> None:
    page = edit(MEDICAL_PAGE, "[@lai-2005].", "[@mont-2020; @lai-2005].\n\nCrutches help too [@mont-2020].")
    assert record_of(site, page).cited == ("mont-2020", "lai-2005")


def test_unknown_citation_key_is_reported_at_its_line(site: SiteData) -> None:
    assert messages(site, edit(MEDICAL_PAGE, "[@lai-2005]", "[@lai-2005; @lai-2050]")) == [
        f"docs/x.md:{CITING_LINE}: [@lai-2050] cites 'lai-2050', which is not in docs/_data/bibliography.yml; "
        "check the spelling against the ids there, or add the entry (CONTRIBUTING.md: Add a source)"
    ]


def test_unknown_citation_key_on_a_later_line_has_its_own_line(site: SiteData) -> None:
    page = edit(MEDICAL_PAGE, "[@lai-2005].\n", "[@lai-2005].\n\nA walker steadies you [@lia-2005].\n")
    assert messages(site, page) == [
        f"docs/x.md:{CITING_LINE + 2}: [@lia-2005] cites 'lia-2005', which is not in docs/_data/bibliography.yml; "
        "check the spelling against the ids there, or add the entry (CONTRIBUTING.md: Add a source)"
    ]


@pytest.mark.parametrize("citation", ["[@Lai 2005]", "[@lai-2005, @mont-2020]", "[@]"])
def test_malformed_citation_is_reported_at_its_line(site: SiteData, citation: str) -> None:
    page = edit(MEDICAL_PAGE, "[@lai-2005].\n", f"[@lai-2005].\n\nA walker steadies you {citation}.\n")
    assert messages(site, page) == [
        f"docs/x.md:{CITING_LINE + 2}: the citation {citation} is not written as the site cites; "
        "write [@id] with the id of an entry in docs/_data/bibliography.yml, or [@id-one; @id-two] for two"
    ]


@pytest.mark.parametrize(
    "sentence",
    ["A cane can take some weight off a sore hip.", "Cite a source like `[@lai-2005]` in a sentence."],
)
def test_health_page_without_a_citation_in_its_text(site: SiteData, sentence: str) -> None:
    assert messages(site, edit(MEDICAL_PAGE, "A cane can take some weight off a sore hip [@lai-2005].", sentence)) == [
        f"docs/x.md:{BODY_LINE}: a health page must cite its sources in its text; "
        "cite each source in the sentence it supports, like [@lai-2005] (CONTRIBUTING.md, Citing)"
    ]


def test_a_page_about_the_site_needs_no_citation(site: SiteData) -> None:
    assert messages(site, ABOUT_PAGE) == []


@pytest.mark.parametrize("sources", ["  sources: [lai-2005]\n", "  sources: []\n", "  sources:\n    - lai-2005\n"])
def test_front_matter_sources_are_refused_at_their_line(site: SiteData, sources: str) -> None:
    record, found = check(site, edit(MEDICAL_PAGE, "  evidence:\n", sources + "  evidence:\n"))
    assert record is None
    assert found == [
        "docs/x.md:10: front matter no longer lists sources: the page's source list is made from its citations; "
        "delete the sources: line and cite each source in the sentence it supports, like [@lai-2005]"
    ]


def test_unknown_evidence_level(site: SiteData) -> None:
    assert messages(site, edit(MEDICAL_PAGE, "level: low", "level: strong")) == [
        "docs/x.md:12: unknown evidence level 'strong'; use one of low, none"
    ]


def test_evidence_level_written_as_a_list_is_a_problem_not_a_crash(site: SiteData) -> None:
    assert messages(site, edit(MEDICAL_PAGE, "level: low", "level: [low, none]")) == [
        "docs/x.md:12: unknown evidence level a list; use one of low, none"
    ]


# --- Page furniture ---------------------------------------------------------------------------


def record_of(site: SiteData, raw: str) -> PageRecord:
    """The record of a page that must pass its check."""
    record, found = check(site, raw)
    assert found == []
    assert record is not None
    return record


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(date(2027, 11, 22), True), (date(2028, 1, 1), True), (date(2027, 11, 21), False), (TODAY, False)],
)
def test_page_view_overdue_only_after_next_review(site: SiteData, today: date, overdue: bool) -> None:
    record = record_of(site, MEDICAL_PAGE)
    assert page_view(record, site, today, list(record.cited))["review"]["overdue"] is overdue


def test_page_view_of_a_medical_page(site: SiteData) -> None:
    record = record_of(site, MEDICAL_PAGE)
    view = page_view(record, site, TODAY, list(record.cited))
    assert view["disclaimer"] == {
        "kind": "general",
        "label": "Information, not medical advice",
        "text": "This page explains AVN in general.",
        "warning": None,
    }
    assert view["key_messages"] == [
        "A cane or crutches take weight off your sore hip.",
        "They can ease pain when you walk.",
    ]
    assert view["review"] == {
        "clinically_reviewed": False,
        "reviewer": None,
        "credentials": None,
        "last_reviewed": "2026-11-21",
        "last_reviewed_text": "21 November 2026",
        "last_reviewed_short": "21 Nov 2026",
        "next_review": "2027-11-21",
        "next_review_text": "21 November 2027",
        "overdue": False,
    }
    assert view["evidence"] == [
        {
            "question": "Do walking aids ease pain?",
            "answer": "Eases pain for some people",
            "level": "low",
            "label": "Low",
            "meaning": "Small trials or results that disagree.",
        }
    ]
    assert [source["key"] for source in view["sources"]] == ["lai-2005"]


def test_page_view_and_json_ld_of_a_non_medical_page(site: SiteData) -> None:
    record = record_of(site, ABOUT_PAGE)
    assert page_view(record, site, TODAY, []) == {"medical": False, "sources": []}
    assert json_ld(record, "https://example.org/about/") is None


def test_json_ld_of_a_pending_page(site: SiteData) -> None:
    data = json_ld(record_of(site, MEDICAL_PAGE), "https://example.org/x/")
    assert data is not None
    assert json.loads(json.dumps(data)) == data
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == "Walking aids"
    assert data["url"] == "https://example.org/x/"
    assert data["dateModified"] == "2026-11-21"
    assert "reviewedBy" not in data and "lastReviewed" not in data


def test_json_ld_of_a_clinically_reviewed_page_names_the_reviewer(site: SiteData) -> None:
    page = edit(MEDICAL_PAGE, "pending-clinical-review", "clinically-reviewed")
    data = json_ld(record_of(site, edit(page, "    next_review: 2027-11-21\n", REVIEWER)), "https://example.org/x/")
    assert data is not None
    assert json.loads(json.dumps(data)) == data
    assert data["reviewedBy"] == {"@type": "Person", "name": "Dr Ana Lopez"}
    assert data["lastReviewed"] == "2026-11-21" and "dateModified" not in data


# --- Key messages, evidence answers and the treatment block ----------------------------------

KEY_MESSAGES = """\
  key_messages:
    - A cane or crutches take weight off your sore hip.
    - They can ease pain when you walk.
"""


def with_key_messages(site: SiteData, block: str) -> list[str]:
    """The messages for MEDICAL_PAGE with its key_messages block replaced by ``block``."""
    return messages(site, edit(MEDICAL_PAGE, KEY_MESSAGES, block))


def test_missing_key_messages_are_reported_at_the_medical_block(site: SiteData) -> None:
    assert with_key_messages(site, "") == [
        "docs/x.md:4: 'key_messages' is missing; add key_messages: with 2 to 4 short plain sentences, "
        "the page's main points"
    ]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "  key_messages:\n    - Only one.\n",
            "docs/x.md:14: there are 1 key messages; keep the 2 to 4 that matter most",
        ),
        (
            "  key_messages:\n" + "".join(f"    - Point {n} is short.\n" for n in range(5)),
            "docs/x.md:14: there are 5 key messages; keep the 2 to 4 that matter most",
        ),
        (
            "  key_messages: Rest your hip.\n",
            "docs/x.md:14: 'key_messages' must be a list of sentences; write each message on a line of its own: - ...",
        ),
        (
            "  key_messages:\n    - Rest your hip.\n    -\n",
            "docs/x.md:14: 'key_messages' must be a list of sentences; write each message on a line of its own: - ...",
        ),
        (
            "  key_messages:\n    - Rest your hip.\n    - See **your** team.\n",
            "docs/x.md:16: key message 2 contains Markdown or HTML; write plain words only",
        ),
        (
            "  key_messages:\n    - Rest your hip.\n    - See <b>your</b> team.\n",
            "docs/x.md:16: key message 2 contains Markdown or HTML; write plain words only",
        ),
    ],
    ids=["one", "five", "not a list", "empty item", "markdown", "html"],
)
def test_bad_key_messages_are_reported_at_their_line(site: SiteData, block: str, expected: str) -> None:
    assert with_key_messages(site, block) == [expected]


def test_a_long_key_message_is_reported_with_its_word_count(site: SiteData) -> None:
    long = " ".join(["walk"] * 26) + "."
    assert with_key_messages(site, f"  key_messages:\n    - Rest your hip.\n    - {long}\n") == [
        "docs/x.md:16: key message 2 has 26 words; say it in 25 words or fewer, or split it"
    ]


def test_hard_key_messages_are_reported_with_their_grade(site: SiteData) -> None:
    hard = (
        "  key_messages:\n"
        "    - Pharmacological interventions demonstrate inconsistent effectiveness regarding femoral collapse.\n"
        "    - Corticosteroid-associated osteonecrosis necessitates multidisciplinary individualized evaluation.\n"
    )
    found = with_key_messages(site, hard)
    assert len(found) == 1
    assert found[0].startswith("docs/x.md:14: the key messages read at US grade ")
    assert found[0].endswith("; bring them to grade 6 or below: shorter sentences and shorter words")


def test_evidence_without_an_answer_is_reported(site: SiteData) -> None:
    found = messages(site, edit(MEDICAL_PAGE, "      answer: Eases pain for some people\n", ""))
    assert found == ["docs/x.md:11: 'answer' is missing; add answer: ..."]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "Yes for most people, although the studies were small and old",
            "docs/x.md:13: the answer has 60 characters; answer in at most 40 characters, "
            "e.g. 'Not shown' or 'Eases pain for some people'",
        ),
        ("Not <em>shown</em>", "docs/x.md:13: the answer contains Markdown or HTML; write plain words only"),
    ],
    ids=["too long", "html"],
)
def test_bad_answers_are_reported_at_their_line(site: SiteData, answer: str, expected: str) -> None:
    assert messages(site, edit(MEDICAL_PAGE, "Eases pain for some people", answer)) == [expected]


TREATMENT = """\
  treatment:
    aim: To take weight off the hip.
    involves: Using a cane or crutches when you walk.
    main_risks: Sore hands or shoulders; a fall if the aid does not fit.
"""


def treatment_page(block: str) -> str:
    """MEDICAL_PAGE with ``block`` before its closing fence."""
    return edit(MEDICAL_PAGE, "---\n\n# Walking aids", block + "---\n\n# Walking aids")


def test_treatment_block_is_recorded(site: SiteData) -> None:
    record, found = check(site, treatment_page(TREATMENT))
    assert found == []
    assert record is not None and record.treatment == Treatment(
        "To take weight off the hip.",
        "Using a cane or crutches when you walk.",
        "Sore hands or shoulders; a fall if the aid does not fit.",
    )


def test_a_single_treatment_page_needs_its_treatment_block(site: SiteData) -> None:
    found = check_file(MEDICAL_PAGE, "treatment/walking-aids.md", "docs/treatment/walking-aids.md", site, TODAY)[1]
    assert [str(problem) for problem in found] == [
        "docs/treatment/walking-aids.md:4: a treatment page has no 'treatment' block for the comparison table; "
        "add treatment: with aim, involves, main_risks"
    ]
    overview = check_file(MEDICAL_PAGE, "treatment/index.md", "docs/treatment/index.md", site, TODAY)[1]
    assert overview == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    aim: To take weight off the hip.\n",
            "",
            "docs/x.md:17: 'aim' is missing; add aim: ...",
        ),
        (
            "    aim: To take weight off the hip.\n",
            "    aim: To take weight off the hip.\n    cost: Cheap.\n",
            "docs/x.md:19: unknown field 'cost'; use only aim, involves, main_risks",
        ),
        (
            "To take weight off the hip.",
            " ".join(["weight"] * 21),
            "docs/x.md:18: 'aim' has 21 words; say it in 20 words or fewer; the page itself gives the detail",
        ),
        (
            "To take weight off the hip.",
            "To take [weight](x.md) off.",
            "docs/x.md:18: 'aim' contains Markdown or HTML; write plain words only",
        ),
    ],
    ids=["missing", "unknown", "too long", "markdown"],
)
def test_bad_treatment_blocks_are_reported_at_their_line(site: SiteData, old: str, new: str, expected: str) -> None:
    assert messages(site, treatment_page(edit(TREATMENT, old, new))) == [expected]


def test_treatment_block_that_is_not_a_block(site: SiteData) -> None:
    assert messages(site, treatment_page("  treatment: Rest.\n")) == [
        "docs/x.md:17: 'treatment' must be a block; write treatment: with aim, involves, main_risks"
    ]
