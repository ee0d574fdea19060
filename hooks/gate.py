"""MkDocs adapter for the checks ``kb.check`` shares with the build; the logic lives in ``kb.verdict``.

Unsupported claims, active content, pages missing from the nav and links to glossary anchors that do not
exist are reported here as ``file:line`` problems (and GitHub annotations in Actions), so the build and
``python -m kb.check docs`` reach the same verdict. Each finished page gets the hashes of its own inline
scripts in its Content-Security-Policy (``kb.csp``).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from kb.csp import with_script_hashes
from kb.glossary import GLOSSARY, GLOSSARY_PAGE, load_glossary
from kb.pages import shown_docs_dir
from kb.problems import Problem, annotation
from kb.siteconfig import nav_pages
from kb.verdict import active_problems, claim_check, glossary_anchor_problems, nav_problems
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# Before every other hook reads a page: a page that is not UTF-8 is made readable here (kb.pages reports it).
FIRST = 100
# Before other hooks change the page HTML: the judge sees what the page's Markdown made.
BEFORE_OTHER_HOOKS = 100
# After every other hook has changed the finished page, so the hashes are of the scripts the reader gets.
AFTER_EVERYTHING = -100

log = get_plugin_logger(__name__)
_build: dict = {}


class _Annotate(logging.Handler):
    """In GitHub Actions, print every warning of the build as an error annotation, on its file and line."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.name = "kb-annotate"  # MkDocs loads a hook afresh for each build: find the handler by its name.

    def emit(self, record: logging.LogRecord) -> None:
        if os.environ.get("GITHUB_ACTIONS") != "true":
            return
        text = record.getMessage()
        if record.name.startswith("mkdocs.plugins."):
            text = text.split(": ", 1)[-1]  # A hook's logger puts its own name in front of the message.
        print(annotation(text), file=sys.stdout, flush=True)


def _report(problem: Problem) -> None:
    """A strict warning: it fails ``mkdocs build --strict``."""
    log.warning(str(problem))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Start each build afresh (``mkdocs serve`` rebuilds in the same process); annotate warnings in Actions."""
    if not any(handler.name == "kb-annotate" for handler in logging.getLogger("mkdocs").handlers):
        logging.getLogger("mkdocs").addHandler(_Annotate())
    shown = shown_docs_dir(config.docs_dir, config.config_file_path)
    glossary = load_glossary(Path(config.docs_dir) / "_data" / GLOSSARY, f"{shown}/_data/{GLOSSARY}")
    _build.clear()
    _build.update(shown=shown, claims=claim_check(glossary), terms=set(glossary.terms))
    return config


@event_priority(FIRST)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Check every page's claims and the nav; give MkDocs readable text for a page that is not UTF-8."""
    shown = _build["shown"]
    pages = []
    for file in files.documentation_pages():
        try:
            raw = file.content_string
        except UnicodeDecodeError:
            # kb.pages reports the file at its own path; without this, MkDocs stops with a traceback.
            file.content_string = Path(file.abs_src_path).read_bytes().decode("utf-8", errors="replace")
            continue
        pages.append(file.src_uri)
        for problem in _build["claims"](raw, f"{shown}/{file.src_uri}"):
            _report(problem)
    for problem in nav_problems(nav_pages(config.nav), pages, shown):
        _report(problem)
    return files


@event_priority(BEFORE_OTHER_HOOKS)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Refuse active content: judge the page's HTML against the allow-list, at the line it came from."""
    for problem in active_problems(html, page.file.content_string, f"{_build['shown']}/{page.file.src_uri}"):
        _report(problem)
    return html


@event_priority(AFTER_EVERYTHING)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Allow the page's own inline scripts in its Content-Security-Policy, by hash, once nothing changes it."""
    return with_script_hashes(output)


@event_priority(AFTER_EVERYTHING)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages made from a template alone, such as 404.html."""
    return with_script_hashes(output_content)


def on_env(env, *, config: MkDocsConfig, files: Files):
    """Once every page is converted: check links to glossary anchors against the terms and the page's headings."""
    glossary_file = files.get_file_from_path(GLOSSARY_PAGE)
    if glossary_file is None or glossary_file.page is None:
        return env
    ids = set(glossary_file.page.present_anchor_ids or ()) | _build["terms"]
    for file in files.documentation_pages():
        shown = f"{_build['shown']}/{file.src_uri}"
        for problem in glossary_anchor_problems(file.content_string, file.src_uri, shown, ids):
            _report(problem)
    return env
