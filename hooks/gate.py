"""MkDocs adapter for the checks the build shares with ``kb.check``: each problem a strict warning at file:line."""

from __future__ import annotations

import logging
from pathlib import Path

from kb.build_state import state_for
from kb.problems import Problem, annotate_warnings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

FIRST = 100  # Before the other hooks read a page or its HTML: they see what the page's Markdown made.
log = get_plugin_logger(__name__)


def _report(problems: list[Problem]) -> None:
    """Each problem as a strict warning: it fails ``mkdocs build --strict``."""
    for problem in problems:
        log.warning(str(problem))


@event_priority(FIRST)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load this build's state and report what loading found; annotate warnings in GitHub Actions."""
    annotate_warnings(logging.getLogger("mkdocs"))
    _report(state_for(config).load_problems())
    return config


@event_priority(FIRST)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Check every page's text, the nav and the pages the data files name; make a page that is not UTF-8 readable."""
    state, pages = state_for(config), []
    for file in files.documentation_pages():
        try:
            _report(state.page_text_problems(file.content_string, file.src_uri))
            pages.append(file.src_uri)
        except UnicodeDecodeError:  # kb.pages reports it at its path; without this, MkDocs stops with a traceback.
            file.content_string = Path(str(file.abs_src_path)).read_bytes().decode("utf-8", errors="replace")
    _report(state.nav_problems(config.nav, pages) + state.site_problems(set(pages)))
    return files


@event_priority(FIRST)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Refuse active content: judge the page's HTML against the allow-list, at the line it came from."""
    _report(state_for(config).active_content_problems(html, lambda: page.file.content_string, page.file.src_uri))
    return html


def on_env(env, *, config: MkDocsConfig, files: Files):
    """Once every page is converted: check links to #anchors against the ids of the pages they name."""
    pages = {f.src_uri: (f.content_string, f.page.present_anchor_ids or set()) for f in files if f.page}
    _report(state_for(config).anchor_link_problems(pages))
    return env
