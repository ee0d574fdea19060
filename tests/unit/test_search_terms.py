"""Hidden search keywords: the synonym list, the glossary's page field, and the index they change."""

from __future__ import annotations

from pathlib import Path

import pytest
from kb.glossary import page_problems as term_page_problems
from kb.search_terms import KEYWORDS_FIELD, Synonyms, add_keywords, keywords_by_page, load_synonyms, page_problems

from tests.unit.test_glossary_data import load as glossary

SHOWN = "docs/_data/search-synonyms.yml"
DEFINITION = "A medicine that eases pain and swelling, sold under many brand names."


def synonyms(tmp_path: Path, text: str) -> Synonyms:
    path = tmp_path / "search-synonyms.yml"
    path.write_text(text, encoding="utf-8")
    return load_synonyms(path, SHOWN)


def test_a_sound_list_loads_each_page_with_its_words_and_line(tmp_path: Path) -> None:
    found = synonyms(
        tmp_path, "# Words.\ntreatment/pain.md: [painkillers, ibuprofin]\nliving/help.md: [er, 911, a and e]\n"
    )
    assert found.problems == []
    assert found.words == {
        "treatment/pain.md": ("painkillers", "ibuprofin"),
        "living/help.md": ("er", "911", "a and e"),
    }
    assert found.lines == {"treatment/pain.md": 2, "living/help.md": 3}


def test_a_site_without_a_synonym_list_has_no_keywords_and_no_problem(tmp_path: Path) -> None:
    found = load_synonyms(tmp_path / "search-synonyms.yml", SHOWN)
    assert (found.words, found.problems) == ({}, [])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "treatment/pain.md: [painkillers, <b>pills</b>]\n",
            f"{SHOWN}:1: the search words of treatment/pain.md must be a list of plain words; write words only "
            "(letters, digits, spaces, hyphens, apostrophes), e.g. [painkillers, ibuprofin]",
        ),
        (
            "ok.md: [fine]\ntreatment/pain.md: painkillers\n",
            f"{SHOWN}:2: the search words of treatment/pain.md must be a list of plain words; write words only "
            "(letters, digits, spaces, hyphens, apostrophes), e.g. [painkillers, ibuprofin]",
        ),
        ("treatment/pain.md: []\n", None),
        (
            "treatment/pain: [pills]\n",
            f"{SHOWN}:1: 'treatment/pain' is not a page path; write the path under docs/, e.g. living/daily-life.md",
        ),
        ("treatment/pain.md: [pills, true]\n", None),
        ("treatment/pain.md: [pills\n", f"{SHOWN}:1: broken YAML: "),
        ("a.md: [x]\na.md: [y]\n", f"{SHOWN}:2: 'a.md' appears twice; keep one of them"),
        ("- a.md\n", f"{SHOWN}:1: the file must hold a mapping of keys to entries; see CONTRIBUTING.md"),
    ],
    ids=["html", "not-a-list", "empty", "not-a-page", "boolean", "broken-yaml", "twice", "a-list"],
)
def test_bad_input_is_reported_with_file_line_and_fix(tmp_path: Path, text: str, message: str | None) -> None:
    found = [str(p) for p in synonyms(tmp_path, text).problems]
    assert len(found) == 1
    if message:
        assert found[0].startswith(message)
    assert found[0].startswith(f"{SHOWN}:")


def test_entries_for_pages_that_do_not_exist_are_reported() -> None:
    found = Synonyms(words={"a.md": ("x",), "gone.md": ("y",)}, lines={"a.md": 1, "gone.md": 2})
    assert [str(p) for p in page_problems(found, {"a.md"}, SHOWN)] == [
        f"{SHOWN}:2: gone.md is not a page of the site; fix the path or remove the entry"
    ]


@pytest.mark.parametrize("page", ["/treatment/x.md", "../x.md", "treatment/x", "treatment/<x>.md", "a/../../x.md"])
def test_a_glossary_page_must_be_a_path_under_docs(tmp_path: Path, page: str) -> None:
    loaded = glossary(tmp_path, f"- term: ibuprofen\n  page: '{page}'\n  definition: {DEFINITION}\n")
    assert [str(p) for p in loaded.problems] == [
        "docs/_data/glossary.yml:2: the page of 'ibuprofen' must be the path of a page under docs/; "
        "write page: treatment/bisphosphonates.md"
    ]


def test_a_glossary_page_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    loaded = glossary(tmp_path, f"- term: ibuprofen\n  page: treatment/gone.md\n  definition: {DEFINITION}\n")
    assert loaded.problems == []
    assert [str(p) for p in term_page_problems(loaded, {"treatment/pain.md"}, "docs/_data/glossary.yml")] == [
        "docs/_data/glossary.yml:1: the page of 'ibuprofen', treatment/gone.md, is not a page of the site; "
        "write the path under docs/ of an existing page, e.g. treatment/bisphosphonates.md"
    ]


def test_keywords_are_the_glossary_names_then_the_editors_words_each_once(tmp_path: Path) -> None:
    loaded = glossary(
        tmp_path,
        f"- term: ibuprofen\n  aliases: [Advil, Motrin]\n  page: treatment/pain.md\n  definition: {DEFINITION}\n"
        f"- term: naproxen\n  definition: {DEFINITION}\n",
    )
    extra = Synonyms(words={"treatment/pain.md": ("advil", "ibuprofin"), "living/help.md": ("er",)})
    assert keywords_by_page(loaded, extra) == {
        "treatment/pain.md": ["ibuprofen", "Advil", "Motrin", "ibuprofin"],
        "living/help.md": ["er"],
    }


def test_keywords_go_on_the_page_entry_only_and_nothing_else_changes() -> None:
    entries = [
        {"location": "treatment/pain/", "title": "Pain medicines", "text": "Text."},
        {"location": "treatment/pain/#ibuprofen", "title": "Ibuprofen", "text": "More."},
        {"location": "living/", "title": "Living", "text": "Other."},
    ]
    assert add_keywords(entries, {"treatment/pain/": ["Advil", "ibuprofin"], "gone/": ["x"]}) == 1
    assert entries[0] == {
        "location": "treatment/pain/",
        "title": "Pain medicines",
        "text": "Text.",
        KEYWORDS_FIELD: "Advil ibuprofin",
    }
    assert all(KEYWORDS_FIELD not in entry for entry in entries[1:])
