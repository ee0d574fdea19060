"""Real builds of a small fixture site: the good one is clean, each bad one fails with a clear message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.build.fixture_site import GLOSSARY, MEDICAL, PAGES, write_site
from tests.sitebuild import ROOT, build_site
from tests.soup import attr, by_id, element, one


def _build(tmp_path: Path, edit: dict[str, str] | None = None):
    """Write the fixture, replace the files in ``edit``, build it strictly."""
    config = write_site(tmp_path)
    for name, text in (edit or {}).items():
        (tmp_path / "docs" / name).write_text(text)
    return build_site(config, tmp_path / "site")


def test_good_fixture_builds_with_zero_warnings(tmp_path: Path) -> None:
    result = _build(tmp_path)
    assert result.warnings == []
    assert not result.aborted


def test_good_fixture_shows_furniture_and_links_terms(tmp_path: Path) -> None:
    result = _build(tmp_path)
    page = BeautifulSoup((result.site_dir / "treatment/rest/index.html").read_text(), "html.parser")
    assert one(page, ".kb-disclaimer").get_text(" ", strip=True).startswith("Information, not medical advice")
    assert "Not yet checked by a clinician" in one(page, ".kb-review").get_text()
    term = one(page, "a.kb-term")
    assert term.get_text() == "AVN" and term["href"] == "../../glossary/#avn"
    assert one(page, "#kb-def-avn").get_text() == "Bone death caused by a loss of blood supply to the bone."


def test_glossary_page_lists_the_pages_that_use_each_term(tmp_path: Path) -> None:
    result = _build(tmp_path)
    glossary = BeautifulSoup((result.site_dir / "glossary/index.html").read_text(), "html.parser")
    used_on = element(by_id(glossary, "avn").find_next(class_="kb-used-on"), "used-on list after #avn")
    assert [a.get_text() for a in used_on.find_all("a")] == ["Home", "Rest"]
    assert glossary.select("a.kb-term") == []


def test_used_on_lists_are_in_order_of_title_whatever_the_case(tmp_path: Path) -> None:
    rest = PAGES["treatment/rest.md"].replace("title: Rest", "title: after home")
    result = _build(tmp_path, {"treatment/rest.md": rest})
    glossary = BeautifulSoup((result.site_dir / "glossary/index.html").read_text(), "html.parser")
    used_on = element(by_id(glossary, "avn").find_next(class_="kb-used-on"), "used-on list after #avn")
    assert [(a.get_text(), a["href"]) for a in used_on.find_all("a")] == [
        ("after home", "../treatment/rest/"),
        ("Home", ".."),
    ]


def test_glossary_entries_sit_in_its_table_of_contents_and_take_links_from_pages(tmp_path: Path) -> None:
    body = "## How to read it\n\nEach word has an entry.\n\n<!-- kb:glossary -->\n\n## Missing a word?\n\nTell us."
    about = PAGES["about.md"].replace("No funding.", "See [the entry](glossary.md#femoral-head).")
    result = _build(
        tmp_path, {"glossary.md": MEDICAL.format(title="Glossary", sources="mont-2020", body=body), "about.md": about}
    )
    assert result.warnings == []
    glossary = BeautifulSoup((result.site_dir / "glossary/index.html").read_text(), "html.parser")
    toc = [a.get_text(strip=True) for a in glossary.select(".md-sidebar--secondary a.md-nav__link")]
    assert toc == ["How to read it", "AVN", "collapse", "femoral head", "Missing a word?"]
    assert [h2.get("id") for h2 in glossary.select("article > h2")][:5] == [
        "how-to-read-it",
        "avn",
        "collapse",
        "femoral-head",
        "missing-a-word",
    ]
    definition = element(by_id(glossary, "femoral-head").find_next("p"), "definition of femoral head")
    assert element(definition.find_next("a", href="#avn"), "link to #avn").get_text() == "AVN"
    page = BeautifulSoup((result.site_dir / "about/index.html").read_text(), "html.parser")
    assert attr(element(page.find("a", string="the entry"), "link 'the entry'"), "href") == "../glossary/#femoral-head"


BAD_PAGE = "---\ntitle: Rest\ndescription: {}\nmedical: false\n---\n\n# Rest\n"

BAD = {
    "no front matter": (
        {"treatment/rest.md": "# Rest\n\nText.\n"},
        "docs/treatment/rest.md:1: the page has no front matter;",
    ),
    "Note: without fences": (
        {"treatment/rest.md": "Note: this page is about dosing.\n\n# Rest\n"},
        "docs/treatment/rest.md:1: the first line 'Note: this page is about dosing.' has no --- fences",
    ),
    "broken YAML": (
        {"treatment/rest.md": "---\ntitle: [broken\ndescription: x\n---\n# Rest\n"},
        "docs/treatment/rest.md:2: broken YAML in the front matter",
    ),
    "description too short": (
        {"treatment/rest.md": BAD_PAGE.format("Short.")},
        "docs/treatment/rest.md:3: the description has 6 characters; write one sentence of 30 to 180 characters",
    ),
    "folder defaults": (
        {"treatment/.meta.yml": "medical: false\n"},
        "docs/treatment/.meta.yml:1: folder defaults (.meta.yml) are not used on this site",
    ),
    "glossary HTML": (
        {
            "_data/glossary.yml": "- term: AVN\n  definition: <script>alert(1)</script> bone death from lost blood supply.\n"
        },
        "docs/_data/glossary.yml:2: the definition of 'AVN' contains HTML",
    ),
    "glossary duplicate alias": (
        {
            "_data/glossary.yml": "- term: AVN\n  definition: Bone death caused by a loss of blood supply.\n- term: osteonecrosis\n  aliases: [avn]\n  definition: Another name for bone death from a lost blood supply.\n"
        },
        "docs/_data/glossary.yml:3: 'avn' is already a name of 'AVN'",
    ),
    "unused glossary term": (
        {
            "_data/glossary.yml": "- term: AVN\n  definition: Bone death caused by a loss of blood supply.\n- term: scooter\n  definition: A small electric vehicle for getting around.\n"
        },
        "docs/_data/glossary.yml:3: the term 'scooter' is used on no page",
    ),
    "explicit link to unknown term": (
        {
            "about.md": "---\ntitle: About\ndescription: Who writes this fixture site and how it is paid for.\nmedical: false\n---\n\n# About\n\nSee [bone](glossary:bone-death).\n"
        },
        "docs/about.md:9: the glossary link names an unknown term 'bone-death'",
    ),
    "glossary page that does not exist": (
        {"_data/glossary.yml": GLOSSARY.replace("- term: collapse\n", "- term: collapse\n  page: treatment/gone.md\n")},
        "docs/_data/glossary.yml:4: the page of 'collapse', treatment/gone.md, is not a page of the site",
    ),
    "glossary page without its marker": (
        {
            "glossary.md": "---\ntitle: Glossary\ndescription: The words of this fixture site, in plain language.\nmedical: false\n---\n\n# Glossary\n"
        },
        "docs/glossary.md:1: the line <!-- kb:glossary --> is missing, so no term has an entry",
    ),
    "glossary marker inside a code block": (
        {"glossary.md": MEDICAL.format(title="Glossary", sources="mont-2020", body="```\n<!-- kb:glossary -->\n```")},
        "docs/glossary.md:18: <!-- kb:glossary --> is inside other markup (code, a list, a quote or indented),"
        " so no term has an entry; put it on a line of its own",
    ),
    "glossary heading with a term's id": (
        {
            "glossary.md": MEDICAL.format(
                title="Glossary", sources="mont-2020", body="## Collapse\n\n<!-- kb:glossary -->"
            )
        },
        "docs/_data/glossary.yml:4: the id 'collapse' of the term 'collapse' is also the id of a heading or element"
        " on glossary.md, so a link to the term could land there; give that heading another id in glossary.md",
    ),
    "link to a glossary entry that does not exist": (
        {"about.md": PAGES["about.md"].replace("No funding.", "See [the entry](glossary.md#femur).")},
        "contains a link 'glossary.md#femur', but the doc 'glossary.md' does not contain an anchor '#femur'",
    ),
    "broken glossary YAML": (
        {"_data/glossary.yml": "- term: AVN\n  definition: [unclosed\n"},
        "docs/_data/glossary.yml:2: broken YAML",
    ),
}


@pytest.mark.parametrize("edit, expected", BAD.values(), ids=BAD.keys())
def test_bad_fixture_fails_strict_build_with_message(tmp_path: Path, edit: dict[str, str], expected: str) -> None:
    result = _build(tmp_path, edit)
    assert result.aborted
    assert any(expected in warning for warning in result.warnings), result.warnings


def test_a_missing_glossary_page_fails_the_build(tmp_path: Path) -> None:
    config = write_site(tmp_path)
    (tmp_path / "docs/glossary.md").unlink()
    result = build_site(config, tmp_path / "site")
    assert result.aborted
    assert any(
        "docs/glossary.md:1: the glossary page is missing, and every term links to it" in w for w in result.warnings
    )


def test_term_links_come_back_after_search_has_read_the_page(tmp_path: Path) -> None:
    result = _build(tmp_path)
    index = json.loads((result.site_dir / "search/search_index.json").read_text())
    rest = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("treatment/rest/"))
    assert "AVN" in rest and "Bone death caused by" not in rest
    page = BeautifulSoup((result.site_dir / "treatment/rest/index.html").read_text(), "html.parser")
    assert page.select_one("a.kb-term") is not None and page.select_one("#kb-def-avn") is not None


def _with_search_keywords(tmp_path: Path, search: str) -> Path:
    """The fixture with hooks/search_keywords.py, the search plugin set up as ``search``, and a term with a page."""
    config = write_site(tmp_path)
    glossary_hook = f"{ROOT.as_posix()}/hooks/glossary_entries.py\n"
    text = config.read_text().replace("plugins: [search]", search)
    config.write_text(text.replace(glossary_hook, f"{glossary_hook}  - {ROOT.as_posix()}/hooks/search_keywords.py\n"))
    (tmp_path / "docs/_data/glossary.yml").write_text(
        GLOSSARY.replace("- term: collapse\n", "- term: collapse\n  page: treatment/rest.md\n")
    )
    return config


def test_search_keywords_go_on_the_entry_of_their_page_only(tmp_path: Path) -> None:
    config = _with_search_keywords(tmp_path, "plugins:\n  - search:\n      fields: {keywords: {boost: 1000}}")
    result = build_site(config, tmp_path / "site")
    assert result.warnings == []
    index = json.loads((result.site_dir / "search/search_index.json").read_text())
    assert {doc["location"]: doc["keywords"] for doc in index["docs"] if "keywords" in doc} == {
        "treatment/rest/": "collapse"
    }


def test_search_keywords_that_search_does_not_index_are_reported(tmp_path: Path) -> None:
    result = build_site(_with_search_keywords(tmp_path, "plugins: [search]"), tmp_path / "site")
    assert result.aborted
    expected = "mkdocs.yml: the search plugin does not index 'keywords'; add it under search: fields:"
    assert any(warning.endswith(expected) for warning in result.warnings), result.warnings


CHANGES_PAGES = """\
{decorator}
def on_page_context(context, *, page, config, nav):
    page.content = page.content + "<p>changed</p>"
    return context
"""


def _with_page_changing_hook(tmp_path: Path, decorator: str = "") -> Path:
    """The fixture with a hook, listed first, whose on_page_context adds a paragraph to every page."""
    config = write_site(tmp_path)
    (tmp_path / "changes_pages.py").write_text("import mkdocs.plugins\n" + CHANGES_PAGES.format(decorator=decorator))
    text = config.read_text()
    config.write_text(text.replace("hooks:\n", f"hooks:\n  - {tmp_path / 'changes_pages.py'}\n", 1))
    return config


@pytest.mark.parametrize("priority", [60, 0, -110])
def test_another_hook_that_changes_the_page_keeps_the_term_links_at_any_priority(tmp_path: Path, priority: int) -> None:
    """The term links are in the page from its conversion on: no later step takes them out and puts them back."""
    config = _with_page_changing_hook(tmp_path, f"@mkdocs.plugins.event_priority({priority})")
    result = build_site(config, tmp_path / "site")
    assert result.warnings == []
    page = BeautifulSoup((result.site_dir / "treatment/rest/index.html").read_text(), "html.parser")
    assert page.find("p", string="changed") is not None
    assert page.select_one("a.kb-term") is not None and page.select_one("#kb-def-avn") is not None


def test_a_citation_is_a_numbered_link_to_the_page_source_list(tmp_path: Path) -> None:
    result = _build(tmp_path)
    page = BeautifulSoup((result.site_dir / "treatment/rest/index.html").read_text(), "html.parser")
    link = one(page, "article sup.kb-cite a")
    assert (link.get_text(), attr(link, "href"), attr(link, "aria-label")) == ("1", "#source-1", "Source 1")
    entry = one(page, "#about-this-page .kb-sources li#source-1")
    assert attr(entry, "data-kb-source") == "lai-2005"
    assert "Alendronate and early collapse" in entry.get_text()
    assert attr(one(entry, "a.kb-cite-address"), "href") == "https://doi.org/10.2106/JBJS.D.02959"
    references = BeautifulSoup((result.site_dir / "references/index.html").read_text(), "html.parser")
    assert [attr(li, "id") for li in references.select("ol.kb-references > li")] == ["lai-2005", "mont-2020"]


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    result = _build(tmp_path, {"treatment/rest.md": "# Rest\n", "about.md": "Note: x\n\n# About\n"})
    assert sum("front matter" in w or "no --- fences" in w for w in result.warnings) == 2
