"""Citations at the sentence: found with their lines, checked against the bibliography, rendered as numbers."""

from __future__ import annotations

import markdown
import pytest
from kb.citation_markdown import cited_order
from kb.citations import Citation, citation_problems, find_citations

KNOWN = {"lai-2005", "mont-2020", "adesina-2019"}


def render(text: str) -> str:
    """The text as the site renders it, with the extensions the site's pages use around citations."""
    return markdown.Markdown(extensions=["kb.citation_markdown", "tables", "footnotes", "attr_list"]).convert(text)


def test_citations_are_found_at_their_lines_in_the_order_written() -> None:
    body = "Intro.\n\nAbout 3 in 10 [@adesina-2019].\nTwo at once [@lai-2005; @mont-2020].\n"
    cited, malformed = find_citations(body, first_line=10)
    assert cited == [Citation("adesina-2019", 12), Citation("lai-2005", 13), Citation("mont-2020", 13)]
    assert malformed == []


def test_code_is_an_example_not_a_citation() -> None:
    body = "Write `[@lai-2005]` to cite.\n\n```\n[@mont-2020]\n```\n"
    assert find_citations(body) == ([], [])


@pytest.mark.parametrize(
    "written",
    ["[@Lai-2005]", "[@lai 2005]", "[@lai-2005, @mont-2020]", "[@lai-2005;@]", "[@]", "[@lai_2005]"],
)
def test_a_citation_written_wrongly_is_reported_with_the_way_to_write_it(written: str) -> None:
    cited, problems = citation_problems(f"Text.\nA claim {written}.\n", 5, "docs/x.md", KNOWN)
    assert cited == []
    assert [str(p) for p in problems] == [
        f"docs/x.md:6: the citation {written} is not written as the site cites; write [@id] with the id of an"
        " entry in docs/_data/bibliography.yml, or [@id-one; @id-two] for two"
    ]


def test_an_unknown_key_is_reported_at_its_line_with_the_fix() -> None:
    cited, problems = citation_problems("One [@lai-2005].\n\nTwo [@lai-2006; @mont-2020].\n", 3, "docs/x.md", KNOWN)
    assert [c.key for c in cited] == ["lai-2005", "lai-2006", "mont-2020"]
    assert [str(p) for p in problems] == [
        "docs/x.md:5: [@lai-2006] cites 'lai-2006', which is not in docs/_data/bibliography.yml; check the spelling"
        " against the ids there, or add the entry (CONTRIBUTING.md: Add a source)"
    ]


def test_sources_are_numbered_in_the_order_first_cited_and_a_repeat_keeps_its_number() -> None:
    html = render("First [@mont-2020]. Then [@lai-2005; @mont-2020].\n\nAgain [@lai-2005].")
    assert html == (
        '<p>First<sup class="kb-cite"><a aria-label="Source 1" data-kb-source="mont-2020" href="#source-1">1</a>'
        '</sup>. Then<sup class="kb-cite"><a aria-label="Source 2" data-kb-source="lai-2005" href="#source-2">2</a>,'
        '<a aria-label="Source 1" data-kb-source="mont-2020" href="#source-1">1</a></sup>.</p>\n'
        '<p>Again<sup class="kb-cite"><a aria-label="Source 2" data-kb-source="lai-2005" href="#source-2">2</a>'
        "</sup>.</p>"
    )
    assert cited_order(html) == ["mont-2020", "lai-2005"]


def test_numbers_follow_the_page_order_through_tables_and_lists() -> None:
    html = render(
        "- In a list [@lai-2005]\n\n| Option | Result |\n|---|---|\n| A | Good [@adesina-2019] |\n\nLast [@mont-2020]."
    )
    assert cited_order(html) == ["lai-2005", "adesina-2019", "mont-2020"]
    assert 'href="#source-2">2</a>' in html.split("<td>Good")[1]


def test_a_citation_is_never_read_as_a_link_and_code_stays_as_written() -> None:
    html = render("[@lai-2005]: https://example.org\n\nSee `[@lai-2005]` and [text](https://example.org).")
    assert "<code>[@lai-2005]</code>" in html
    assert cited_order(html) == []


def test_a_page_without_citations_cites_nothing() -> None:
    assert cited_order(render("No sources here, and an email@example.org [at] sign.")) == []
