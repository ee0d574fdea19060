"""Content rules on the real site: plain language, and no unsupported claim stated as fact."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from kb.claims import claim_problems
from kb.pages import check_pages, page_files
from kb.readability import MAX_GRADE, MAX_MEDIAN_GRADE, score

from tests.sitebuild import ROOT

DOCS = ROOT / "docs"
MEDICAL = [
    uri
    for uri, record in check_pages(DOCS, today=__import__("datetime").date.today()).records.items()
    if record.medical
]
GENERATED = {"glossary.md"}  # Definitions are checked one by one; the page is a list, not prose.


def _built(site_dir: Path, src_uri: str) -> str:
    stem = src_uri.removesuffix(".md").removesuffix("index").rstrip("/")
    return (site_dir / stem / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("src_uri", sorted(set(MEDICAL) - GENERATED))
def test_medical_page_reads_at_grade_nine_or_below(site_dir: Path, src_uri: str) -> None:
    assert score(src_uri, _built(site_dir, src_uri)).grade <= MAX_GRADE


def test_median_reading_grade_is_eight_or_below(site_dir: Path) -> None:
    grades = [score(uri, _built(site_dir, uri)).grade for uri in MEDICAL if uri not in GENERATED]
    assert statistics.median(grades) <= MAX_MEDIAN_GRADE


def test_no_page_states_an_unsupported_claim() -> None:
    problems = [
        p for path in page_files(DOCS) for p in claim_problems(path.read_text(), path.relative_to(ROOT).as_posix())
    ]
    assert problems == []


def test_every_page_has_at_most_one_h1_line() -> None:
    for path in page_files(DOCS):
        body = path.read_text().split("\n---\n", 1)[-1]
        in_fence = False
        count = 0
        for line in body.splitlines():
            in_fence ^= line.lstrip().startswith("```")
            count += (not in_fence) and line.startswith("# ")
        assert count == 1, path
