"""MkDocs adapter for glossary linking; the logic lives in ``kb.glossary`` and ``kb.linker``."""

from __future__ import annotations

from pathlib import Path

from kb.glossary import (
    GLOSSARY,
    GLOSSARY_MARKER,
    GLOSSARY_PAGE,
    Glossary,
    anchor_clash_problems,
    buried_marker_problem,
    glossary_page_problems,
    load_glossary,
    page_problems,
)
from kb.linker import (
    EXPLICIT_SCHEME,
    GlossaryExtension,
    PageState,
    explicit_link_problems,
    unused_term_problems,
    without_glossary_markup,
)
from kb.pages import shown_docs_dir
from markdown.extensions.toc import TocExtension
from markdown.util import parseBoolValue
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

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
        entries=env.get_template("kb/glossary.html"),
        permalink=_permalink(config),
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
    """Tell the linker which page it renders; check the page's explicit glossary links."""
    _state.src_uri = page.file.src_uri
    _state.enabled = page.meta.get("glossary", True) is not False
    # The linker runs after MkDocs has resolved links, so it is handed the final URL.
    _state.glossary_url = get_relative_url(_build["glossary_url"], page.url) if _build["glossary_url"] else ""
    if EXPLICIT_SCHEME in markdown:  # Most pages have none: only then read the file again, for its line numbers.
        shown = f"{_build['shown']}/{page.file.src_uri}"
        for problem in explicit_link_problems(page.file.content_string, shown, _build["glossary"]):
            log.warning(str(problem))
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Remember which terms this page linked; hand search the page as it was before linking.

    Material's search reads every tag in Python, and neither the term links nor the hidden definitions add a
    word to its index. Indexing the page without them saves that reading; on_page_context puts them back.
    The glossary page gets its entries here, without their "used on" lists: not every page is rendered yet.
    """
    for term_id in _state.used:
        _build["used_on"].setdefault(term_id, []).append(page)
    plain = without_glossary_markup(html)
    if page.file.src_uri == GLOSSARY_PAGE:
        plain = _add_entries(plain, page, files)
    if plain != html:
        _build["held_back"][page.file.src_uri] = (plain, html)
    return plain


def _add_entries(html: str, page: Page, files: Files) -> str:
    """The glossary page with its entries in place of the marker; MkDocs learns their ids for its link check."""
    glossary: Glossary = _build["glossary"]
    if GLOSSARY_MARKER not in html:
        # A page without the marker at all was reported by on_files; here Markdown has hidden it in code or a list.
        if glossary.terms and GLOSSARY_MARKER in page.file.content_string:
            log.warning(str(buried_marker_problem(page.file.content_string, f"{_build['shown']}/{GLOSSARY_PAGE}")))
        return html
    page_ids = page.present_anchor_ids or set()
    for problem in anchor_clash_problems(glossary, page_ids, GLOSSARY_PAGE, f"{_build['shown']}/_data/{GLOSSARY}"):
        log.warning(str(problem))
    terms = sorted(glossary.terms.values(), key=lambda t: t.term.casefold())
    _build["page_links"] = _read_more_links(glossary, page, files)
    _build["sorted_terms"] = terms
    page.present_anchor_ids = page_ids | {term.id for term in terms}  # For MkDocs' check of links to #term-id.
    return html.replace(GLOSSARY_MARKER, _entries(used_on=None), 1)


def _entries(used_on: dict[str, list[dict[str, str]]] | None) -> str:
    """The glossary entries as HTML; with their "used on" lists unless ``used_on`` is None."""
    return _build["entries"].render(
        terms=_build["sorted_terms"],
        by_id=_build["glossary"].terms,
        pages=_build["page_links"],
        permalink=_build["permalink"],
        used_on=used_on,
    )


def _read_more_links(glossary: Glossary, page: Page, files: Files) -> dict[str, dict[str, str]]:
    """The title and URL of each page a term names, for its "Read more" link."""
    links = {}
    for term in glossary.terms.values():
        file = files.get_file_from_path(term.page) if term.page else None
        if file is not None:
            title = str(get_data(file.content_string)[1].get("title") or term.page)
            links[term.page] = {"title": title, "url": get_relative_url(file.url, page.url)}
    return links


def _add_to_toc(page: Page, html: str, entries: list[AnchorLink]) -> None:
    """Put the entries in the page's table of contents, under its title, where the marker stands in ``html``."""
    items = page.toc.items
    if len(items) == 1 and items[0].level == 1:
        items = items[0].children
    marker_at = html.index(GLOSSARY_MARKER)
    before = [item for item in items if html.find(f'id="{item.id}"', 0, marker_at) != -1]
    items[:] = before + entries + [item for item in items if item not in before]


def _permalink(config: MkDocsConfig) -> dict[str, object] | None:
    """The permalink the toc extension adds to headings, so that glossary headings get the same one."""
    settings = TocExtension(**(config.mdx_configs.get("toc") or {})).getConfigs()
    wanted = parseBoolValue(settings["permalink"], False)  # As the toc extension reads it: True, False or a symbol.
    if wanted is False:
        return None
    symbol = True if wanted is True else settings["permalink"]
    return {"symbol": symbol, "class": settings["permalink_class"], "title": settings["permalink_title"]}


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    """Put back the term links once search has indexed the page, and the "used on" lists of the glossary page.

    Hooks run after plugins, so Material's search has already read this page: the lists stay out of the index.
    """
    plain, linked = _build["held_back"].pop(page.file.src_uri, (None, None))
    if linked is None:
        return context
    if page.content is not plain:
        log.warning(
            f"mkdocs.yml: a plugin or hook changed {_build['shown']}/{page.file.src_uri} before the glossary"
            " hook put its term links back, so they are lost; list that hook after hooks/glossary.py,"
            " or turn that plugin off"
        )
        return context
    if page.file.src_uri == GLOSSARY_PAGE and GLOSSARY_MARKER in linked:
        # Only now: search looks up each section of the page in its table of contents one by one.
        _add_to_toc(page, linked, [AnchorLink(str(escape(term.term)), term.id, 2) for term in _build["sorted_terms"]])
        linked = linked.replace(GLOSSARY_MARKER, _entries(used_on=_used_on_links(page)), 1)
    page.content = linked
    return context


def _used_on_links(page: Page) -> dict[str, list[dict[str, str]]]:
    """For each term, the title and URL of every page that links to it, in order of title."""
    used_on: dict[str, list[Page]] = _build["used_on"]
    # Each page is listed under many terms: work out its link and sort key once, not once a term.
    pages = {p.file.src_uri: p for listed in used_on.values() for p in listed}
    links = {uri: {"title": p.title, "url": get_relative_url(p.url, page.url)} for uri, p in pages.items()}
    by_title = {uri: (p.title or "").casefold() for uri, p in pages.items()}
    return {
        term_id: [links[uri] for uri in sorted((p.file.src_uri for p in used_on.get(term_id, [])), key=by_title.get)]
        for term_id in _build["glossary"].terms
    }


def on_post_build(*, config: MkDocsConfig) -> None:
    """Report glossary terms that no page uses."""
    used = set(_build["used_on"])
    for problem in unused_term_problems(_build["glossary"], used, f"{_build['shown']}/_data/{GLOSSARY}"):
        log.warning(str(problem))
