"""MkDocs adapter for the checks ``kb.check`` shares with the build; the logic lives in ``kb.verdict``.

Unsupported claims, active content, pages missing from the nav and links to anchors that do not
exist are reported here as ``file:line`` problems (and GitHub annotations in Actions), so the build and
``python -m kb.check docs`` reach the same verdict. Each finished page gets the hashes of its own inline
scripts in its Content-Security-Policy (``kb.csp``).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from kb.csp import inline_scripts, with_script_hashes
from kb.glossary import GLOSSARY, GLOSSARY_PAGE, load_glossary
from kb.pages import shown_docs_dir
from kb.problems import Problem, annotation
from kb.siteconfig import nav_pages
from kb.verdict import active_problems, anchor_problems, claim_check, front_matter_problems, nav_problems
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

# Where Material keeps the inline scripts it writes into pages.
SCRIPT_PARTIALS = "partials/javascripts/"

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
    _build.update(
        shown=shown,
        claims=claim_check(glossary),
        terms=set(glossary.terms),
        reported_scripts=set(),
        refused_active=False,
    )
    return config


@event_priority(FIRST)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Check every page's claims, its front matter's text and the nav; make a page that is not UTF-8 readable."""
    shown = _build["shown"]
    pages = []
    for file in files.documentation_pages():
        try:
            raw = file.content_string
        except UnicodeDecodeError:
            # kb.pages reports the file at its own path; without this, MkDocs stops with a traceback.
            assert file.abs_src_path is not None, "only a file read from disk can fail to decode"
            file.content_string = Path(file.abs_src_path).read_bytes().decode("utf-8", errors="replace")
            continue
        pages.append(file.src_uri)
        shown_as = f"{shown}/{file.src_uri}"
        refused = front_matter_problems(raw, shown_as)
        _build["refused_active"] |= bool(refused)
        for problem in _build["claims"](raw, shown_as) + refused:
            _report(problem)
    for problem in nav_problems(nav_pages(config.nav), pages, shown):
        _report(problem)
    return files


@event_priority(BEFORE_OTHER_HOOKS)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Refuse active content: judge the page's HTML against the allow-list, at the line it came from."""
    refused = active_problems(html, page.file.content_string, f"{_build['shown']}/{page.file.src_uri}")
    _build["refused_active"] |= bool(refused)
    for problem in refused:
        _report(problem)
    return html


@event_priority(AFTER_EVERYTHING)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """Keep the render's context: the theme's script partials are rendered with it to know its scripts."""
    _build["context"] = context
    return context


@event_priority(AFTER_EVERYTHING)
def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    """The same for pages made from a template alone, such as 404.html."""
    _build["context"] = context
    return context


@event_priority(AFTER_EVERYTHING)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Allow the theme's own inline scripts in the page's Content-Security-Policy, by hash; report any other."""
    return _hashed(output, config, f"{_build['shown']}/{page.file.src_uri}")


@event_priority(AFTER_EVERYTHING)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages made from a template alone, such as 404.html."""
    return _hashed(output_content, config, f"overrides/{template_name}")


def _hashed(output: str, config: MkDocsConfig, shown_as: str) -> str:
    """The page with its policy's hashes; a strict warning for each inline script that is not the theme's."""
    html, others = with_script_hashes(output, _theme_scripts(config, _build.get("context") or {}))
    # One message per script, not one per page the nav carries it to. A page or front matter already refused is
    # its likely source and has its message; this one is for what the gate cannot see (templates, mkdocs.yml).
    for script in others:
        if script in _build["reported_scripts"] or _build["refused_active"]:
            continue
        _build["reported_scripts"].add(script)
        _report(
            Problem(
                shown_as,
                1,
                f"the built page holds an inline script that is not the theme's own ('{script.strip()[:60]}'),"
                " so its Content-Security-Policy blocks it",
                "remove it; put the site's own code in a file under overrides/assets/javascripts/",
            )
        )
    return html


def _theme_scripts(config: MkDocsConfig, context: dict) -> set[str]:
    """The inline scripts Material's script partials write for a page rendered with ``context``."""
    env = config.theme.get_env()
    values = dict(context, config=config, features=config.theme.get("features") or [])
    return {
        script
        for name in env.list_templates()
        if name.startswith(SCRIPT_PARTIALS)
        for script in inline_scripts(env.get_template(name).render(**values))
    }


def on_env(env, *, config: MkDocsConfig, files: Files):
    """Once every page is converted: check links to #anchors against the ids of the pages they name."""
    anchors = {
        file.src_uri: set(file.page.present_anchor_ids or ())
        for file in files.documentation_pages()
        if file.page is not None
    }
    if GLOSSARY_PAGE in anchors:
        anchors[GLOSSARY_PAGE] |= _build["terms"]  # Its entries are written in later; their ids are the terms'.
    for file in files.documentation_pages():
        for problem in anchor_problems(file.content_string, file.src_uri, f"{_build['shown']}/{file.src_uri}", anchors):
            _report(problem)
    return env
