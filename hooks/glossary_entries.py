"""MkDocs adapter that writes the glossary page's entries; the logic lives in ``kb.glossary_page``.

The entries go in once every page is converted (``on_env``), so each lists the pages that use its term;
those lists carry ``data-search-exclude``, so Material's search leaves them out of the index.
"""

from __future__ import annotations

from kb.build_state import state_for
from kb.glossary import GLOSSARY_MARKER, GLOSSARY_PAGE
from kb.glossary_page import PageLink, place_in_toc, rendered_page_problems, with_entries
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

log = get_plugin_logger(__name__)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check the glossary page's marker and ids; tell MkDocs' check of links to #anchors the entries' ids."""
    if page.file.src_uri != GLOSSARY_PAGE:
        return html
    state, ids = state_for(config), page.present_anchor_ids or set()
    for problem in rendered_page_problems(state.glossary, html, page.file.content_string, ids, state.shown):
        log.warning(str(problem))
    page.present_anchor_ids = ids | (set(state.glossary.terms) if GLOSSARY_MARKER in html else set())
    return html


def on_env(env, *, config: MkDocsConfig, files: Files):
    """Once every page is converted: write the entries, each with the pages that use it, and list them in the TOC."""
    state, file = state_for(config), files.get_file_from_path(GLOSSARY_PAGE)
    page = file.page if file else None
    content = page.content or "" if page else ""
    if page is None or GLOSSARY_MARKER not in content:
        return env
    pages = {f.src_uri: PageLink(str(f.page.title), get_relative_url(f.page.url, page.url)) for f in files if f.page}
    place_in_toc(page.toc.items, content, state.glossary, lambda title, id: AnchorLink(title, id, 2))
    render, toc = env.get_template("kb/glossary.html").render, config.mdx_configs.get("toc")
    page.content = with_entries(content, render, state.glossary, state.linked_terms, pages, toc)
    return env
