"""MkDocs adapter for what the site adds to pages: the references and comparison pages, and each page's furniture.

The furniture (trust line, "In short", "About this page" and its numbered sources) is in ``overrides/``
templates; the data they show comes from ``kb.furniture``.
"""

from __future__ import annotations

from datetime import date

from kb.build_state import state_for
from kb.citation_markdown import cited_order
from kb.comparison import COMPARISON_MARKER, comparison_rows
from kb.furniture import REFERENCES_MARKER, REFERENCES_PAGE, json_ld, page_view, source_views
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill in the references page and the treatment comparison."""
    checked = state_for(config).checked
    if page.file.src_uri == REFERENCES_PAGE:
        sources = source_views(sorted(checked.site.sources), checked.site)
        template = config.theme.get_env().get_template("kb/references.html")  # A new Jinja environment: only here.
        return markdown.replace(REFERENCES_MARKER, template.render(sources=sources))
    if COMPARISON_MARKER in markdown:
        urls = {file.src_uri: get_relative_url(file.url, page.url) for file in files.documentation_pages()}
        rows, levels = comparison_rows(checked, config.nav, urls)
        table = config.theme.get_env().get_template("kb/treatment-comparison.html").render(rows=rows, levels=levels)
        return markdown.replace(COMPARISON_MARKER, table)
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note the sources the page cites, in the order of their numbers, for its source list (#source-N)."""
    cited = state_for(config).cited[page.file.src_uri] = cited_order(html)
    # The list is in the page's template, so MkDocs' check of links to #anchors is told its ids here.
    page.present_anchor_ids = (page.present_anchor_ids or set()) | {f"source-{n}" for n in range(1, len(cited) + 1)}
    return html


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """Hand the page's checked facts to its templates, as ``kb`` and ``kb_json_ld``.

    They go in the context of this one render, not in ``page.meta``: nothing keeps them once the page is
    written, and the front matter stays as the editor wrote it.
    """
    state = state_for(config)
    record = state.checked.records.get(page.file.src_uri)
    if record is not None:
        context["kb"] = page_view(record, state.checked.site, date.today(), state.cited.get(page.file.src_uri, []))
        context["kb_json_ld"] = json_ld(record, config.site_url + page.url if config.site_url else page.url)
    return context
