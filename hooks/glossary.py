"""MkDocs adapter for glossary linking; the logic lives in ``kb.glossary`` and ``kb.linker``."""

from __future__ import annotations

import re
from pathlib import Path

from kb.glossary import (
    GLOSSARY,
    GLOSSARY_MARKER,
    GLOSSARY_PAGE,
    Glossary,
    glossary_page_problems,
    load_glossary,
    page_problems,
)
from kb.linker import (
    GlossaryExtension,
    PageState,
    explicit_link_problems,
    unused_term_problems,
    without_glossary_markup,
)
from kb.pages import shown_docs_dir
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

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
        held_back={},
        entries=env.get_template("kb/glossary.md"),
        backlinks=env.get_template("kb/used-on.html"),
    )
    config.markdown_extensions.append(GlossaryExtension(glossary, GLOSSARY_PAGE, _state))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Report terms whose page: names no page of the site, and a glossary page without its marker."""
    glossary, shown = _build["glossary"], _build["shown"]
    pages = {file.src_uri for file in files.documentation_pages()}
    glossary_file = files.get_file_from_path(GLOSSARY_PAGE)
    text = glossary_file.content_string if glossary_file else None
    for problem in page_problems(glossary, pages, f"{shown}/_data/{GLOSSARY}") + glossary_page_problems(
        glossary, text, f"{shown}/{GLOSSARY_PAGE}"
    ):
        log.warning(str(problem))
    _build["glossary_url"] = glossary_file.url if glossary_file else ""
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Tell the linker which page it renders; check explicit links; fill in the glossary page."""
    glossary: Glossary = _build["glossary"]
    _state.src_uri = page.file.src_uri
    _state.enabled = page.meta.get("glossary", True) is not False
    # The linker runs after MkDocs has resolved links, so it is handed the final URL.
    _state.glossary_url = get_relative_url(_build["glossary_url"], page.url) if _build["glossary_url"] else ""
    shown = f"{_build['shown']}/{page.file.src_uri}"
    for problem in explicit_link_problems(page.file.content_string, shown, glossary):
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
    """Remember which terms this page linked; hand search the page as it was before linking.

    Material's search reads every tag in Python, and neither the term links nor the hidden definitions add a
    word to its index. Indexing the page without them saves that reading; on_page_context puts them back.
    """
    for term_id in _state.used:
        _build["used_on"].setdefault(term_id, []).append(page)
    plain = without_glossary_markup(html)
    if plain != html:
        _build["held_back"][page.file.src_uri] = (plain, html)
    return plain


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    """Put back the term links once search has indexed the page; write the "used on" lists into the glossary page.

    Hooks run after plugins, so Material's search has already read this page: the lists stay out of the index.
    """
    plain, linked = _build["held_back"].pop(page.file.src_uri, (None, None))
    if linked is not None:
        if page.content is not plain:
            log.warning(
                f"mkdocs.yml: a plugin or hook changed {_build['shown']}/{page.file.src_uri} before the glossary"
                " hook put its term links back, so they are lost; list that hook after hooks/glossary.py,"
                " or turn that plugin off"
            )
        else:
            page.content = linked
    if page.file.src_uri != GLOSSARY_PAGE or page.content is None:
        return context

    # Each page is listed under many terms: work out its title and link once, not once a term.
    linking = {p.file.src_uri: p for pages in _build["used_on"].values() for p in pages}
    links = {
        uri: {"title": p.title, "url": get_relative_url(p.url, page.url), "key": (p.title or "").casefold()}
        for uri, p in linking.items()
    }

    def used_on(marker: re.Match[str]) -> str:
        found = sorted((links[p.file.src_uri] for p in _build["used_on"].get(marker.group(1), [])), key=_by_title)
        return _build["backlinks"].render(pages=found)

    # One pass over the page, not one str.replace per term: the glossary page grows with the glossary.
    page.content = USED_ON_PATTERN.sub(used_on, page.content)
    return context


def _by_title(link: dict[str, str]) -> str:
    """Sort key of a "used on" link: its page title, case-folded."""
    return link["key"]


def on_post_build(*, config: MkDocsConfig) -> None:
    """Report glossary terms that no page uses."""
    used = set(_build["used_on"])
    for problem in unused_term_problems(_build["glossary"], used, f"{_build['shown']}/_data/{GLOSSARY}"):
        log.warning(str(problem))
