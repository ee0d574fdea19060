"""The glossary page's entries: their order, "Read more" and "Used on" links, TOC places and checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from kb.glossary import GLOSSARY_MARKER, Glossary, load_glossary
from kb.glossary_page import (
    PageLink,
    permalink,
    place_in_toc,
    read_more,
    rendered_page_problems,
    sorted_terms,
    used_on,
    with_entries,
)

GLOSSARY_YAML = """\
- term: femoral head
  definition: The ball at the top of the thigh bone that fits into the hip socket.
  page: about/hip.md
- term: AVN
  definition: Bone that dies because its blood supply is cut off.
- term: bisphosphonate
  definition: A bone medicine that slows the loss of bone.
  page: treatment/missing.md
"""
PAGES = {
    "about/hip.md": PageLink("The hip joint", "../about/hip/"),
    "treatment/statins.md": PageLink("statins", "../treatment/statins/"),
    "treatment/rest.md": PageLink("Rest", "../treatment/rest/"),
}


@pytest.fixture
def glossary(tmp_path: Path) -> Glossary:
    path = tmp_path / "glossary.yml"
    path.write_text(GLOSSARY_YAML, encoding="utf-8")
    loaded = load_glossary(path, "docs/_data/glossary.yml")
    assert loaded.problems == []
    return loaded


def test_entries_are_in_alphabetical_order_whatever_the_case(glossary: Glossary) -> None:
    assert [term.term for term in sorted_terms(glossary)] == ["AVN", "bisphosphonate", "femoral head"]


def test_each_term_lists_the_pages_that_link_it_by_title_and_only_pages_that_exist(glossary: Glossary) -> None:
    linked = {"treatment/rest.md": ["avn"], "treatment/statins.md": ["avn", "femoral-head"], "gone.md": ["avn"]}
    assert used_on(glossary, linked, PAGES) == {
        "femoral-head": [PAGES["treatment/statins.md"]],
        "avn": [PAGES["treatment/rest.md"], PAGES["treatment/statins.md"]],
        "bisphosphonate": [],
    }


def test_read_more_names_only_pages_the_site_has(glossary: Glossary) -> None:
    assert read_more(glossary, PAGES) == {"about/hip.md": PAGES["about/hip.md"]}


def test_entry_headings_copy_the_permalink_the_toc_extension_is_set_to_give() -> None:
    assert permalink(None) is None
    assert permalink({"permalink": True}) == {"symbol": True, "class": "headerlink", "title": "Permanent link"}
    assert permalink({"permalink": "#", "permalink_title": "Link"})["symbol"] == "#"  # type: ignore[index]


def test_the_entries_replace_the_marker_once_with_what_the_template_is_given(glossary: Glossary) -> None:
    given: dict = {}

    def render(**values: object) -> str:
        given.update(values)
        return "<h2>entries</h2>"

    html = with_entries(f"<p>Intro</p>\n{GLOSSARY_MARKER}\n", render, glossary, {}, PAGES, {"permalink": True})
    assert html == "<p>Intro</p>\n<h2>entries</h2>\n"
    assert sorted(given) == ["by_id", "pages", "permalink", "terms", "used_on"]


@dataclass
class Item:
    """A table-of-contents item as MkDocs makes it."""

    title: str
    id: str
    level: int = 2
    children: list = field(default_factory=list)


def test_entries_go_in_the_table_of_contents_where_the_marker_stands(glossary: Glossary) -> None:
    intro, after = Item("How to use", "how-to-use"), Item("Sources", "sources")
    toc = [Item("Glossary", "glossary", 1, [intro, after])]
    html = f'<h1 id="glossary">Glossary</h1><h2 id="how-to-use">How</h2>{GLOSSARY_MARKER}<h2 id="sources">S</h2>'
    place_in_toc(toc, html, glossary, lambda title, id: Item(title, id))
    assert [item.id for item in toc[0].children] == ["how-to-use", "avn", "bisphosphonate", "femoral-head", "sources"]


def test_a_term_s_quote_is_escaped_in_the_table_of_contents(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yml"
    path.write_text(
        "- term: Perthes' disease\n  definition: A childhood hip disease in which the femoral head loses blood.\n"
    )
    toc: list = []
    place_in_toc(toc, GLOSSARY_MARKER, load_glossary(path, "g.yml"), lambda title, id: Item(title, id))
    assert [item.title for item in toc] == ["Perthes&#39; disease"]


def test_a_marker_markdown_turned_into_text_is_reported_on_the_glossary_page(glossary: Glossary) -> None:
    raw = "# Glossary\n\n    <!-- kb:glossary -->\n"
    problems = rendered_page_problems(
        glossary, "<pre><code>&lt;!-- kb:glossary --&gt;</code></pre>", raw, set(), "docs"
    )
    assert [f"{problem.path}:{problem.line}" for problem in problems] == ["docs/glossary.md:3"]


def test_a_heading_whose_id_is_a_term_s_is_reported_at_the_term(glossary: Glossary) -> None:
    problems = rendered_page_problems(glossary, GLOSSARY_MARKER, GLOSSARY_MARKER, {"avn"}, "docs")
    assert [problem.path for problem in problems] == ["docs/_data/glossary.yml"]
    assert "avn" in problems[0].message
