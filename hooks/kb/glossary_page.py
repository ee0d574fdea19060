"""The glossary page's entries: each term, its meaning, where to read more and the pages that use it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import TocExtension
from markdown.util import parseBoolValue
from markupsafe import escape

from .glossary import (
    GLOSSARY,
    GLOSSARY_MARKER,
    GLOSSARY_PAGE,
    Glossary,
    Term,
    anchor_clash_problems,
    buried_marker_problem,
)
from .pages import DATA_DIR
from .problems import Problem


@dataclass(frozen=True)
class PageLink:
    """A link to a page of the site: its title, and its URL relative to the glossary page."""

    title: str
    url: str


def sorted_terms(glossary: Glossary) -> list[Term]:
    """The entries in the order readers look them up: alphabetical, ignoring case."""
    return sorted(glossary.terms.values(), key=lambda term: term.term.casefold())


def used_on(glossary: Glossary, linked_terms: Mapping[str, list[str]], pages: Mapping[str, PageLink]) -> dict:
    """For each term, the pages that link to it, in order of title."""
    found: dict[str, list[PageLink]] = {term_id: [] for term_id in glossary.terms}
    for src_uri, term_ids in linked_terms.items():
        for term_id in term_ids:
            if term_id in found and src_uri in pages:
                found[term_id].append(pages[src_uri])
    return {term_id: sorted(links, key=lambda link: link.title.casefold()) for term_id, links in found.items()}


def read_more(glossary: Glossary, pages: Mapping[str, PageLink]) -> dict[str, PageLink]:
    """The page each term names for its "Read more" link, by the page's path."""
    return {term.page: pages[term.page] for term in glossary.terms.values() if term.page in pages}


def permalink(toc_options: Mapping[str, Any] | None) -> dict[str, object] | None:
    """The permalink the toc extension adds to headings, so that glossary headings get the same one."""
    settings = TocExtension(**(toc_options or {})).getConfigs()
    wanted = parseBoolValue(settings["permalink"], False)  # As the toc extension reads it: True, False or a symbol.
    if wanted is False:
        return None
    symbol = True if wanted is True else settings["permalink"]
    return {"symbol": symbol, "class": settings["permalink_class"], "title": settings["permalink_title"]}


def with_entries(
    html: str,
    render: Callable[..., str],
    glossary: Glossary,
    linked_terms: Mapping[str, list[str]],
    pages: Mapping[str, PageLink],
    toc_options: Mapping[str, Any] | None,
) -> str:
    """The glossary page's HTML with its marker replaced by the entries ``render`` (the template) writes."""
    entries = render(
        terms=sorted_terms(glossary),
        by_id=glossary.terms,
        pages=read_more(glossary, pages),
        used_on=used_on(glossary, linked_terms, pages),
        permalink=permalink(toc_options),
    )
    return html.replace(GLOSSARY_MARKER, entries, 1)


def place_in_toc(items: list[Any], html: str, glossary: Glossary, toc_link: Callable[[str, str], Any]) -> None:
    """Put a ``toc_link(title, id)`` for each entry in the page's table of contents, where the marker stands.

    ``items`` are the table's top items; under a single page title, its children are the page's sections.
    """
    if len(items) == 1 and items[0].level == 1:
        items = items[0].children
    marker_at = html.index(GLOSSARY_MARKER)
    before = [item for item in items if html.find(f'id="{item.id}"', 0, marker_at) != -1]
    entries = [toc_link(str(escape(term.term)), term.id) for term in sorted_terms(glossary)]
    items[:] = before + entries + [item for item in items if item not in before]


def rendered_page_problems(glossary: Glossary, html: str, raw: str, page_ids: set[str], shown: str) -> list[Problem]:
    """The glossary page's marker hidden by Markdown (in code or a list), or headings whose ids clash with terms.

    A page without the marker at all is reported with the page list (``glossary_page_problems``).
    """
    if GLOSSARY_MARKER not in html:
        return (
            [buried_marker_problem(raw, f"{shown}/{GLOSSARY_PAGE}")]
            if glossary.terms and GLOSSARY_MARKER in raw
            else []
        )
    return anchor_clash_problems(glossary, page_ids, GLOSSARY_PAGE, f"{shown}/{DATA_DIR}/{GLOSSARY}")
