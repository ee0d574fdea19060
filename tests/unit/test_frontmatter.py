"""Finding and parsing a page's front matter: fences, encodings, broken YAML, duplicate keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from kb.contract import PageRecord
from kb.frontmatter import FrontMatter, MissingFrontMatterError, normalise, split
from kb.pages import check_file
from kb.sitedata import SiteData, load_site_data

from tests.unit.samples import DATA, MEDICAL_PAGE, TODAY

BROKEN_YAML_FIX = "fix the YAML on this line (MkDocs would show it as page text)"
NOT_FIELDS_FIX = "write one field per line, as in CONTRIBUTING.md"


@pytest.fixture
def site(tmp_path: Path) -> SiteData:
    """The minimal valid site data, written to tmp_path/docs/_data and loaded."""
    data_dir = tmp_path / "docs" / "_data"
    data_dir.mkdir(parents=True)
    for name, text in DATA.items():
        (data_dir / name).write_text(text, encoding="utf-8")
    loaded = load_site_data(data_dir, "docs/_data")
    assert loaded.problems == []
    return loaded


def check(site: SiteData, raw: str) -> tuple[PageRecord | None, list[str]]:
    """Check ``raw`` as docs/x.md; return the record and the messages an editor sees."""
    record, problems = check_file(raw, "x.md", "docs/x.md", site, TODAY)
    return record, [str(problem) for problem in problems]


def messages(site: SiteData, raw: str) -> list[str]:
    """Only the messages of checking ``raw`` as docs/x.md."""
    return check(site, raw)[1]


# --- split and normalise ----------------------------------------------------------------------


def test_split_gives_the_yaml_and_its_lines() -> None:
    assert split("---\ntitle: A\nmedical: false\n---\n\n# A\n") == FrontMatter(
        "title: A\nmedical: false", 2, 5, "\n# A\n"
    )


def test_split_accepts_a_closing_line_of_dots() -> None:
    assert split("---\ntitle: A\n...\n# A\n") == FrontMatter("title: A", 2, 4, "# A\n")


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("\ufeff---\ntitle: A\n", "---\ntitle: A\n"),
        ("---\r\ntitle: A\r\n", "---\ntitle: A\n"),
        ("---\rtitle: A\r", "---\ntitle: A\n"),
        ("\ufeff---\r\ntitle: A\r\n", "---\ntitle: A\n"),
    ],
)
def test_normalise_drops_the_byte_order_mark_and_carriage_returns(raw: str, text: str) -> None:
    assert normalise(raw) == text


def test_split_without_fences_raises_with_line_one() -> None:
    with pytest.raises(MissingFrontMatterError) as raised:
        split("# A\n")
    assert (raised.value.line, raised.value.message) == (1, "the page has no front matter")


# --- Encodings --------------------------------------------------------------------------------


def test_page_with_a_byte_order_mark_passes(site: SiteData) -> None:
    record, found = check(site, "\ufeff" + MEDICAL_PAGE)
    assert found == []
    assert record is not None
    assert record.title == "Walking aids"


def test_page_with_crlf_line_endings_passes(site: SiteData) -> None:
    assert check(site, MEDICAL_PAGE.replace("\n", "\r\n")) == check(site, MEDICAL_PAGE)
    assert messages(site, MEDICAL_PAGE.replace("\n", "\r\n")) == []


@pytest.mark.parametrize("prefix", ["", "\ufeff"])
def test_crlf_line_endings_keep_line_numbers(site: SiteData, prefix: str) -> None:
    page = prefix + MEDICAL_PAGE.replace("[@lai-2005]", "[@lai-2050]").replace("\n", "\r\n")
    assert messages(site, page) == [
        "docs/x.md:17: [@lai-2050] cites 'lai-2050', which is not in docs/_data/bibliography.yml; "
        "check the spelling against the ids there, or add the entry (CONTRIBUTING.md: Add a source)"
    ]


# --- Missing or unclosed front matter ---------------------------------------------------------


def test_no_front_matter(site: SiteData) -> None:
    record, found = check(site, "# Walking aids\n\nA cane can help.\n")
    assert record is None
    assert found == [
        "docs/x.md:1: the page has no front matter; start the file with a --- line, the title, description "
        "and medical fields (see CONTRIBUTING.md), and another --- line"
    ]


def test_empty_file_has_no_front_matter(site: SiteData) -> None:
    assert messages(site, "") == [
        "docs/x.md:1: the page has no front matter; start the file with a --- line, the title, description "
        "and medical fields (see CONTRIBUTING.md), and another --- line"
    ]


def test_metadata_line_without_fences_would_be_hidden_by_mkdocs(site: SiteData) -> None:
    record, found = check(site, "Note: this page is about dosing.\n\n# Dosing\n")
    assert record is None
    assert found == [
        "docs/x.md:1: the first line 'Note: this page is about dosing.' has no --- fences, so MkDocs would "
        "silently hide it as metadata; put the front matter between two lines of three dashes (---), "
        "as in CONTRIBUTING.md"
    ]


def test_long_metadata_line_is_shown_cut_to_forty_characters(site: SiteData) -> None:
    assert messages(site, "title: Walking aids, canes, crutches and walkers for hip AVN\n") == [
        "docs/x.md:1: the first line 'title: Walking aids, canes, crutches and' has no --- fences, so MkDocs "
        "would silently hide it as metadata; put the front matter between two lines of three dashes (---), "
        "as in CONTRIBUTING.md"
    ]


def test_front_matter_never_closed(site: SiteData) -> None:
    record, found = check(site, "---\ntitle: Walking aids\nmedical: false\n\n# Walking aids\n")
    assert record is None
    assert found == [
        "docs/x.md:1: the front matter is never closed; add a line of three dashes (---) after the last front matter field"
    ]


# --- Broken YAML ------------------------------------------------------------------------------


def test_broken_yaml_on_the_last_field(site: SiteData) -> None:
    page = "---\ntitle: Walking aids\ndescription: How a cane can help.\nmedical: [broken\n---\n"
    record, found = check(site, page)
    assert record is None
    assert found == [
        f"docs/x.md:4: broken YAML in the front matter: a list in [brackets] is not closed, or two items lack a comma between them; {BROKEN_YAML_FIX}"
    ]


def test_colon_in_an_unquoted_title(site: SiteData) -> None:
    page = "---\ntitle: AVN: what it is\nmedical: false\n---\n"
    assert messages(site, page) == [
        f"docs/x.md:2: broken YAML in the front matter: a colon (:) inside a value; put the whole value in quotes; {BROKEN_YAML_FIX}"
    ]


def test_tab_indentation(site: SiteData) -> None:
    page = "---\ntitle: Walking aids\n\tdescription: How a cane can help.\nmedical: false\n---\n"
    assert messages(site, page) == [
        f"docs/x.md:3: broken YAML in the front matter: a tab is used to indent this line; indent with spaces, never tabs; {BROKEN_YAML_FIX}"
    ]


def test_broken_yaml_points_at_the_unclosed_bracket(site: SiteData) -> None:
    page = "---\ntitle: [broken\ndescription: How a cane can help with hip AVN.\nmedical: false\n---\n"
    assert messages(site, page) == [
        f"docs/x.md:2: broken YAML in the front matter: a list in [brackets] is not closed, or two items lack a comma between them; {BROKEN_YAML_FIX}"
    ]


# --- Front matter that is not a set of fields -------------------------------------------------


@pytest.mark.parametrize(
    ("yaml_text", "kind"),
    [
        ("- title: Walking aids\n- medical: false\n", "a list"),
        ("Walking aids and other devices\n", "a single value"),
        ("", "empty"),
        ("# only a comment\n", "empty"),
    ],
)
def test_front_matter_that_is_not_a_set_of_fields(site: SiteData, yaml_text: str, kind: str) -> None:
    record, found = check(site, f"---\n{yaml_text}---\n\n# Walking aids\n")
    assert record is None
    assert found == [f"docs/x.md:2: the front matter is {kind}, not a set of fields; {NOT_FIELDS_FIX}"]


# --- Duplicate keys ---------------------------------------------------------------------------


def test_duplicate_top_level_key_is_reported_on_its_second_line(site: SiteData) -> None:
    page = MEDICAL_PAGE.replace("medical:\n", "title: Canes and crutches\nmedical:\n")
    record, found = check(site, page)
    assert record is None
    assert found == ["docs/x.md:4: 'title' appears twice in the front matter; keep one of them"]


def test_duplicate_nested_key_is_reported_on_its_second_line(site: SiteData) -> None:
    page = MEDICAL_PAGE.replace(
        "    next_review: 2027-11-21\n", "    next_review: 2027-11-21\n    next_review: 2029-11-21\n"
    )
    assert messages(site, page) == ["docs/x.md:10: 'next_review' appears twice in the front matter; keep one of them"]
