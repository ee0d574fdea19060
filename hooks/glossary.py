"""MkDocs adapter for glossary linking; the logic lives in ``kb.glossary`` and ``kb.linker``."""

from __future__ import annotations

import re
from pathlib import Path

from kb.glossary import GLOSSARY, Glossary, load_glossary, page_problems
from kb.linker import GlossaryExtension, PageState, explicit_link_problems, unused_term_problems
from kb.pages import shown_docs_dir
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

GLOSSARY_PAGE = "glossary.md"
GLOSSARY_MARKER = "<!-- kb:glossary -->"
USED_ON_MARKER = "<!-- kb:used-on:{id} -->"
USED_ON_PATTERN = re.compile(re.escape(USED_ON_MARKER).replace(r"\{id\}", r"([^\s>]+)"))

log = get_plugin_logger(__name__)
_state = PageState()
_build: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load the glossary afresh on every build (so `make serve` picks up edits) and register the linker."""
    shown = shown_docs_dir(config.docs_dir, config.config_file_path)
    glossary = load_glossary(Path(config.docs_dir) / "_data" / GLOSSARY, f"{shown}/_data/{GLOSSARY}")
    for problem in glossary.problems:
        log.warning(str(problem))
    env = config.theme.get_env()
    _build.update(
        glossary=glossary,
        shown=shown,
        used_on={},
        entries=env.get_template("kb/glossary.md"),
        backlinks=env.get_template("kb/used-on.html"),
    )
    config.markdown_extensions.append(GlossaryExtension(glossary, GLOSSARY_PAGE, _state))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Report terms whose page: names no page of the site."""
    pages = {file.src_uri for file in files.documentation_pages()}
    for problem in page_problems(_build["glossary"], pages, f"{_build['shown']}/_data/{GLOSSARY}"):
        log.warning(str(problem))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Tell the linker which page it renders; check explicit links; fill in the glossary page."""
    glossary: Glossary = _build["glossary"]
    _state.src_uri = page.file.src_uri
    _state.enabled = page.meta.get("glossary", True) is not False
    for problem in explicit_link_problems(page.file.content_string, f"{_build['shown']}/{page.file.src_uri}", glossary):
        log.warning(str(problem))
    if page.file.src_uri != GLOSSARY_PAGE:
        return markdown
    return markdown.replace(
        GLOSSARY_MARKER,
        _build["entries"].render(
            terms=sorted(glossary.terms.values(), key=lambda t: t.term.casefold()),
            titles=_page_titles(glossary, files),
            marker=USED_ON_MARKER,
        ),
    )


def _page_titles(glossary: Glossary, files: Files) -> dict[str, str]:
    """The front-matter title of each page a term names, for its "Read more" link."""
    titles = {}
    for term in glossary.terms.values():
        file = files.get_file_from_path(term.page) if term.page else None
        if file is not None:
            titles[term.page] = str(get_data(file.content_string)[1].get("title") or term.page)
    return titles


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Remember which terms this page linked, for the glossary's "used on" lists."""
    for term_id in _state.used:
        _build["used_on"].setdefault(term_id, []).append(page)
    return html


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    """Write the "used on" lists into the glossary page, once every page is rendered and search has indexed it.

    Hooks run after plugins, so Material's search has already read this page: the lists stay out of the index.
    """
    if page.file.src_uri != GLOSSARY_PAGE or page.content is None:
        return context

    def used_on(marker: re.Match[str]) -> str:
        pages = sorted(_build["used_on"].get(marker.group(1), []), key=lambda p: (p.title or "").casefold())
        found = [{"title": p.title, "url": get_relative_url(p.url, page.url)} for p in pages]
        return _build["backlinks"].render(pages=found)

    # One pass over the page, not one str.replace per term: the glossary page grows with the glossary.
    page.content = USED_ON_PATTERN.sub(used_on, page.content)
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    """Report glossary terms that no page uses."""
    used = set(_build["used_on"])
    for problem in unused_term_problems(_build["glossary"], used, f"{_build['shown']}/_data/{GLOSSARY}"):
        log.warning(str(problem))
