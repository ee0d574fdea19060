"""The pages of the treatment comparison, and the nav order they follow."""

from __future__ import annotations

from kb.comparison import compared_pages, nav_order
from kb.contract import Evidence, PageRecord, Treatment

REST = Treatment("To ease pain.", "Resting the hip.", "Stiff muscles.")
PILLS = Treatment("To stop collapse.", "A tablet each week.", "Stomach upset.")
ANSWER = Evidence("Does it stop collapse?", "Not shown", "low")


def record(src_uri: str, treatment: Treatment | None, *evidence: Evidence) -> PageRecord:
    return PageRecord(src_uri, src_uri.title(), "A page.", True, treatment=treatment, evidence=evidence)


def test_nav_order_reads_strings_titled_pages_and_sections_in_order() -> None:
    nav = [
        {"Home": "index.md"},
        {"Treatment": ["treatment/index.md", {"Pills": "treatment/pills.md"}, "treatment/rest.md"]},
        "glossary.md",
        {"Elsewhere": "https://example.org/"},
    ]
    assert nav_order(nav) == [
        "index.md",
        "treatment/index.md",
        "treatment/pills.md",
        "treatment/rest.md",
        "glossary.md",
        "https://example.org/",
    ]
    assert nav_order(None) == []


def test_rows_follow_the_nav_and_leave_out_pages_without_a_treatment_block() -> None:
    records = {
        "treatment/rest.md": record("treatment/rest.md", REST),
        "treatment/index.md": record("treatment/index.md", None),
        "treatment/pills.md": record("treatment/pills.md", PILLS, ANSWER),
    }
    pages = compared_pages(records, ["treatment/index.md", "treatment/pills.md", "treatment/rest.md"])
    assert [(page.src_uri, page.treatment, page.evidence) for page in pages] == [
        ("treatment/pills.md", PILLS, (ANSWER,)),
        ("treatment/rest.md", REST, ()),
    ]


def test_pages_missing_from_the_nav_come_last_by_path() -> None:
    records = {
        "z.md": record("z.md", REST),
        "a.md": record("a.md", REST),
        "m.md": record("m.md", PILLS),
    }
    assert [page.src_uri for page in compared_pages(records, ["m.md"])] == ["m.md", "a.md", "z.md"]
