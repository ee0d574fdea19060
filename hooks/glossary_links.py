"""MkDocs adapter that links glossary terms in every page; the logic lives in ``kb.linker``."""

from __future__ import annotations

from kb.build_state import state_for
from kb.glossary import GLOSSARY_PAGE
from kb.linker import EXPLICIT_SCHEME, GlossaryExtension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

log = get_plugin_logger(__name__)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Give every page's Markdown the linker, with this build's glossary and the page it renders."""
    state = state_for(config)
    # MkDocs types this list as extension names, but Markdown, which it is passed to, takes Extension objects too.
    config.markdown_extensions.append(GlossaryExtension(state.glossary, GLOSSARY_PAGE, state.linker_page))  # type: ignore[arg-type]
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Tell the linker the page and the glossary page's URL from it; check the page's explicit term links."""
    state, glossary_file = state_for(config), files.get_file_from_path(GLOSSARY_PAGE)
    state.linker_page.src_uri = page.file.src_uri
    state.linker_page.enabled = page.meta.get("glossary", True) is not False
    state.linker_page.glossary_url = get_relative_url(glossary_file.url, page.url) if glossary_file else ""
    if EXPLICIT_SCHEME in markdown:  # Most pages have none: only then read the file again, for its line numbers.
        for problem in state.term_link_problems(page.file.content_string, page.file.src_uri):
            log.warning(str(problem))
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note the terms the page links, for the glossary's "Used on" lists and the check for unused terms."""
    state = state_for(config)
    state.linked_terms[page.file.src_uri] = list(state.linker_page.used)
    return html


def on_post_build(*, config: MkDocsConfig) -> None:
    """Report the terms no page uses."""
    for problem in state_for(config).unused_term_problems():
        log.warning(str(problem))
