"""One build's state: loaded once from the docs folder, made afresh for each build, and what it decides."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from kb import build_state
from kb.build_state import load_build_state, state_for
from kb.csp import MARKER

from tests.unit.samples import DATA, GLOSSARY_PAGE, MEDICAL_PAGE, TODAY


@dataclass
class Config:
    """The two settings of MkDocs' config the state reads."""

    docs_dir: str
    config_file_path: str


@pytest.fixture
def config(tmp_path: Path) -> Config:
    """A sound docs folder beside an mkdocs.yml: the data files, a medical page and the glossary page."""
    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    for name, text in DATA.items():
        (docs / "_data" / name).write_text(text, encoding="utf-8")
    (docs / "walking-aids.md").write_text(MEDICAL_PAGE, encoding="utf-8")
    (docs / "glossary.md").write_text(GLOSSARY_PAGE, encoding="utf-8")
    return Config(str(docs), str(tmp_path / "mkdocs.yml"))


def test_a_sound_folder_loads_without_problems(config: Config) -> None:
    state = load_build_state(config, TODAY)
    assert [str(problem) for problem in state.load_problems()] == []
    assert (state.shown, list(state.glossary.terms), list(state.checked.records)) == (
        "docs",
        ["femoral-head"],
        ["glossary.md", "walking-aids.md"],
    )


def test_each_build_gets_a_new_state_and_each_event_of_one_build_the_same(config: Config) -> None:
    first = state_for(config)
    first.linked_terms["walking-aids.md"] = ["femoral-head"]
    assert state_for(config) is first
    rebuilt = Config(config.docs_dir, config.config_file_path)  # `mkdocs serve` makes a new config each build.
    assert state_for(rebuilt) is not first and state_for(rebuilt).linked_terms == {}


def test_an_edit_between_builds_is_seen_by_the_next_build(config: Config) -> None:
    assert state_for(config).load_problems() == []
    glossary = Path(config.docs_dir) / "_data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "- term: [unclosed\n", encoding="utf-8")
    problems = state_for(Config(config.docs_dir, config.config_file_path)).load_problems()
    assert [problem.path for problem in problems] == ["docs/_data/glossary.yml"]


def test_loading_reports_the_problems_of_data_files_pages_and_synonyms_together(config: Config) -> None:
    docs = Path(config.docs_dir)
    (docs / "_data" / "search-synonyms.yml").write_text("nowhere: [x]\n", encoding="utf-8")
    page = docs / "walking-aids.md"
    page.write_text(MEDICAL_PAGE.replace("  disclaimer: general\n", ""), encoding="utf-8")
    shown = sorted(f"{problem.path}:{problem.line}" for problem in load_build_state(config, TODAY).load_problems())
    assert shown == ["docs/_data/search-synonyms.yml:1", "docs/walking-aids.md:4"]


def test_a_term_no_page_links_is_reported_unless_a_misspelt_link_explains_it(config: Config) -> None:
    state = load_build_state(config, TODAY)
    state.linked_terms = {"walking-aids.md": []}
    assert [problem.message for problem in state.unused_term_problems()] == [
        "the term 'femoral head' is used on no page"
    ]
    found = state.term_link_problems("See the [hip ball](glossary:femoral-hed).\n", "walking-aids.md")
    assert [f"{problem.path}:{problem.line}" for problem in found] == ["docs/walking-aids.md:1"]
    assert state.unused_term_problems() == []


def test_a_linked_term_is_not_unused(config: Config) -> None:
    state = load_build_state(config, TODAY)
    state.linked_terms = {"walking-aids.md": ["femoral-head"]}
    assert state.unused_term_problems() == []


def test_the_glossary_page_without_its_marker_is_reported_with_the_pages(config: Config) -> None:
    (Path(config.docs_dir) / "glossary.md").write_text(GLOSSARY_PAGE.replace("<!-- kb:glossary -->\n", ""))
    state = load_build_state(config, TODAY)
    pages = {"glossary.md", "walking-aids.md"}
    assert [problem.path for problem in state.site_problems(pages)] == ["docs/glossary.md"]


def test_links_to_glossary_entries_count_the_entries_that_come_in_later(config: Config) -> None:
    state = load_build_state(config, TODAY)
    raw = "See [the ball](glossary.md#femoral-head) and [nothing](glossary.md#femur).\n"
    pages = {"walking-aids.md": (raw, set()), "glossary.md": ("", {"glossary"})}
    assert [problem.message for problem in state.anchor_link_problems(pages)] == [
        "the link to the glossary names '#femur', which is no term or heading there"
    ]


def test_a_foreign_inline_script_is_blocked_and_reported_once_however_many_pages_carry_it(config: Config) -> None:
    state = load_build_state(config, TODAY)
    page = f'<meta content="script-src {MARKER}"><script>theme()</script><script>alert(1)</script>'
    html, problems = state.with_script_hashes(page, {"theme()"}, "docs/a.md")
    assert MARKER not in html and "'sha256-" in html
    assert [problem.path for problem in problems] == ["docs/a.md"]
    assert state.with_script_hashes(page, {"theme()"}, "docs/b.md")[1] == []


def test_after_a_refused_page_a_foreign_script_is_left_to_that_page_s_message(config: Config) -> None:
    state = load_build_state(config, TODAY)
    refused = state.active_content_problems(
        "<p><script>alert(1)</script></p>", lambda: "<script>alert(1)</script>", "a.md"
    )
    assert refused and state.refused_active
    page = f'<meta content="script-src {MARKER}"><script>alert(1)</script>'
    assert state.with_script_hashes(page, set(), "docs/a.md")[1] == []


@pytest.fixture(autouse=True)
def no_build_in_progress() -> None:
    """Each test starts with no build under way, as a fresh process does."""
    build_state._current.clear()
