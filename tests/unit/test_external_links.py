"""The Markdown extension that marks links to other sites rel="noopener noreferrer"."""

from __future__ import annotations

import markdown
import pytest
from kb.external_links import ExternalLinksExtension, is_external, with_rel
from markdown.extensions import Extension


def _html(text: str, *extensions: str | Extension) -> str:
    return markdown.Markdown(extensions=[ExternalLinksExtension(), *extensions]).convert(text)


@pytest.mark.parametrize(
    "text",
    ["[DOI](https://doi.org/10.1/x)", "<https://doi.org/10.1/x>", "[DOI][ref]\n\n[ref]: https://doi.org/10.1/x"],
)
def test_link_to_another_site_gets_noopener_noreferrer(text: str) -> None:
    assert 'rel="noopener noreferrer"' in _html(text)


@pytest.mark.parametrize(
    "text",
    ["[Page](../treatment/statins.md)", "[Section](#dose)", "[Mail](mailto:editors@example.org)", "[Root](/kb/)"],
)
def test_link_within_the_site_or_to_mail_is_left_alone(text: str) -> None:
    assert "rel=" not in _html(text)


def test_editors_rel_is_kept_and_tokens_are_not_doubled() -> None:
    html = _html('[DOI](https://doi.org/10.1/x){: rel="nofollow noopener"}', "attr_list")
    assert 'rel="nofollow noopener noreferrer"' in html


def test_loads_by_module_name() -> None:
    html = markdown.Markdown(extensions=["kb.external_links"]).convert("[x](http://example.org/)")
    assert html == '<p><a href="http://example.org/" rel="noopener noreferrer">x</a></p>'


def test_raw_html_links_are_not_in_the_tree_and_are_left_for_the_site_test() -> None:
    assert "rel=" not in _html('<p><a href="https://doi.org/10.1/x">x</a></p>')


def test_helpers() -> None:
    assert is_external("//cdn.example.net/x.js")
    assert not is_external("ftp://example.org/x")
    assert not is_external("")
    assert with_rel("") == "noopener noreferrer"
    assert with_rel("noreferrer") == "noreferrer noopener"
