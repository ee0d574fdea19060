"""Search on the built site, through Material's own search worker run by Node.js (fast, no browser)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.required_tools import missing_tool
from tests.search.engine import node, rank, read_queries, search
from tests.search.report import main as report

ROOT = Path(__file__).resolve().parents[2]
QUERIES = read_queries()


@pytest.fixture(scope="module")
def searched(site_dir: Path) -> Callable[[list[str]], list[list[str]]]:
    """Material's own search over the built site, run under Node.js: result pages of each query, best first."""
    if node() is None:
        missing_tool("search tests skipped: Node.js is missing; install it with `apt-get install nodejs`")
    return lambda texts: search(site_dir, texts)


@pytest.fixture(scope="module")
def results(searched) -> dict[str, list[str]]:
    """The result pages of every query in tests/search/queries.md, best first."""
    texts = [query.text for query in QUERIES]
    return dict(zip(texts, searched(texts), strict=True))


@pytest.fixture(scope="module")
def index(site_dir: Path) -> dict:
    return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_the_query_file_covers_the_shared_questions_and_other_names() -> None:
    texts = {query.text for query in QUERIES}
    assert {"can i run with avn", "arco stage 3a", "when to go to the emergency room", "fosamax hip"} <= texts
    assert len(QUERIES) >= 40


@pytest.mark.parametrize("query", QUERIES, ids=[query.text for query in QUERIES])
def test_a_page_on_the_topic_is_in_the_first_three_results(query, results: dict[str, list[str]]) -> None:
    found = results[query.text]
    assert (rank(found, query.answers) or 99) <= 3, f"{query.text!r} ({query.topic}) gave {found[:5]}"


REFERENCE_PAGES = ("references/", "glossary/")
URGENT = [query for query in QUERIES if query.answers == ("living/when-to-get-help/",)]


def test_the_query_file_covers_every_kind_of_warning_sign() -> None:
    # A fall, fever, sudden worse pain, bleeding on a blood thinner, a jaw sore, chest pain, breathlessness.
    topics = " ".join(query.topic for query in URGENT)
    for sign in ("fall", "fever", "sudden", "blood thinner", "jaw", "chest", "breath"):
        assert sign in topics, f"no urgent query about {sign!r} in tests/search/queries.md"
    assert len(URGENT) >= 20


@pytest.mark.parametrize("query", QUERIES, ids=[query.text for query in QUERIES])
def test_references_and_glossary_never_rank_above_a_page_that_answers(query, results: dict[str, list[str]]) -> None:
    if any(answer in REFERENCE_PAGES for answer in query.answers):
        return
    found = results[query.text]
    first_answer = rank(found, query.answers) or len(found) + 1
    above = [url for url in found[: first_answer - 1] if url in REFERENCE_PAGES]
    assert above == [], f"{query.text!r}: {above} above the page that answers it in {found[:first_answer]}"


def test_the_glossary_and_references_are_still_found(searched) -> None:
    # Their low search boost (in their front matter) orders them after the content pages; it must not hide them.
    (term, source) = searched(["thrombophilia", "charnock"])
    assert "glossary/" in term and "references/" in source


def test_a_query_with_no_answer_finds_nothing(searched) -> None:
    assert searched(["zzqxv"]) == [[]]


def test_stop_words_no_longer_match_as_prefixes(searched) -> None:
    # Without the site's query cleaning, "i" matched every word starting with i (iloprost, injections).
    (with_stop_words, without) = searched(["can i run with avn", "run avn"])
    assert with_stop_words == without


def test_the_search_plugin_indexes_the_keywords_field(index: dict) -> None:
    fields = index["config"]["fields"]
    assert fields["keywords"]["boost"] == fields["title"]["boost"]
    pages_with_keywords = {entry["location"] for entry in index["docs"] if "keywords" in entry}
    assert {"treatment/pain-medicines/", "treatment/bisphosphonates/", "about-avn/what-is-avn/"} <= pages_with_keywords
    assert all("#" not in location for location in pages_with_keywords)


def test_keywords_stay_out_of_the_pages(site_dir: Path) -> None:
    synonyms = yaml.safe_load((ROOT / "docs" / "_data" / "search-synonyms.yml").read_text(encoding="utf-8"))
    html = (site_dir / "treatment" / "pain-medicines" / "index.html").read_text(encoding="utf-8")
    assert "ibuprofin" in synonyms["treatment/pain-medicines.md"]
    assert "ibuprofin" not in BeautifulSoup(html, "html.parser").get_text().casefold()


def test_no_definition_or_tooltip_text_reaches_a_search_snippet(site_dir: Path, index: dict) -> None:
    glossary = yaml.safe_load((ROOT / "docs" / "_data" / "glossary.yml").read_text(encoding="utf-8"))
    definitions = [entry["definition"] for entry in glossary]
    leaked = [
        (entry["location"], definition[:40])
        for entry in index["docs"]
        if not entry["location"].startswith("glossary/")
        for definition in definitions
        if definition in entry["text"]
    ]
    assert leaked == []


def test_the_report_prints_every_rank_and_the_summary_for_a_relative_site_path(
    site_dir: Path, results: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(site_dir.parent)
    assert report([site_dir.name]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(QUERIES) + 1
    assert lines[-1].startswith(f"{len(QUERIES)} queries: hit@1 ") and "hit@3 1.00" in lines[-1]
