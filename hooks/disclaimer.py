"""MkDocs adapter for the medical front-matter check; the logic lives in ``kb``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kb.citation_markdown import cited_order
from kb.comparison import COMPARISON_MARKER, compared_pages, nav_order
from kb.furniture import json_ld, page_view, source_views
from kb.pages import PagesCheck, check_pages, shown_docs_dir
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

REFERENCES_PAGE = "references.md"
REFERENCES_MARKER = "<!-- kb:references -->"

log = get_plugin_logger(__name__)
_checked: dict[str, PagesCheck] = {}
_cited: dict[str, list[str]] = {}


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Check every page and the data files once per build; each problem is a strict warning."""
    result = check_pages(
        Path(config.docs_dir), today=date.today(), shown_dir=shown_docs_dir(config.docs_dir, config.config_file_path)
    )
    for problem in result.problems:
        log.warning(str(problem))
    _checked["site"] = result
    _cited.clear()
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill in the references page and the treatment comparison."""
    env = config.theme.get_env()
    site = _checked["site"].site
    if page.file.src_uri == REFERENCES_PAGE:
        return markdown.replace(
            REFERENCES_MARKER,
            env.get_template("kb/references.html").render(sources=source_views(sorted(site.sources), site)),
        )
    if COMPARISON_MARKER in markdown:
        result = _checked["site"]
        rows = [
            {**vars(record), "url": get_relative_url(files.src_uris[record.src_uri].url, page.url)}
            for record in compared_pages(result.records, nav_order(config.nav))
        ]
        levels = {key: level.label for key, level in result.site.evidence_scale.items()}
        return markdown.replace(
            COMPARISON_MARKER, env.get_template("kb/treatment-comparison.html").render(rows=rows, levels=levels)
        )
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note the sources the page cites, in the order of their numbers, for its source list (#source-N)."""
    cited = _cited[page.file.src_uri] = cited_order(html)
    # The list is in the page's template, so MkDocs' check of links to #anchors is told its ids here.
    page.present_anchor_ids = (page.present_anchor_ids or set()) | {f"source-{n}" for n in range(1, len(cited) + 1)}
    return html


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """Hand the page's checked facts to its templates, as ``kb`` and ``kb_json_ld``.

    They go in the context of this one render, not in ``page.meta``: nothing keeps them once the page is
    written, and the front matter stays as the editor wrote it.
    """
    result = _checked["site"]
    record = result.records.get(page.file.src_uri)
    if record is not None:
        context["kb"] = page_view(record, result.site, date.today(), _cited.get(page.file.src_uri, []))
        context["kb_json_ld"] = json_ld(record, config.site_url + page.url if config.site_url else page.url)
    return context
