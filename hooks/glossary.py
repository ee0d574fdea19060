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
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

# Material's search indexes a page in on_page_context at the default priority, 0; other hooks run there too.
BEFORE_SEARCH = 50
AFTER_EVERYTHING = -100

log = get_plugin_logger(__name__)
_state = PageState()
_build: dict = {}
_rendering: dict = {}  # The page between the two on_page_context handlers: itself, its plain and linked HTML.


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
        entries=env.get_template("kb/glossary.html"),
        permalink=_permalink(config),
        unknown_links=False,
    )
    # MkDocs types this list as extension names, but Markdown, which it is passed to, takes Extension objects too.
    config.markdown_extensions.append(GlossaryExtension(glossary, GLOSSARY_PAGE, _state))  # type: ignore[arg-type]
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
            _build["unknown_links"] = True
            log.warning(str(problem))
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Remember which terms this page linked; on the glossary page, make its entries ready for the marker."""
    for term_id in _state.used:
        _build["used_on"].setdefault(term_id, []).append(page)
    if page.file.src_uri == GLOSSARY_PAGE:
        _prepare_entries(html, page, files)
    return html


def _prepare_entries(html: str, page: Page, files: Files) -> None:
    """Sort the entries and tell MkDocs their ids for its link check; report a marker Markdown has hidden."""
    glossary: Glossary = _build["glossary"]
    if GLOSSARY_MARKER not in html:
        # A page without the marker at all was reported by on_files; here Markdown has hidden it in code or a list.
        if glossary.terms and GLOSSARY_MARKER in page.file.content_string:
            log.warning(str(buried_marker_problem(page.file.content_string, f"{_build['shown']}/{GLOSSARY_PAGE}")))
        return
    page_ids = page.present_anchor_ids or set()
    for problem in anchor_clash_problems(glossary, page_ids, GLOSSARY_PAGE, f"{_build['shown']}/_data/{GLOSSARY}"):
        log.warning(str(problem))
    terms = sorted(glossary.terms.values(), key=lambda t: t.term.casefold())
    _build["page_links"] = _read_more_links(glossary, page, files)
    _build["sorted_terms"] = terms
    page.present_anchor_ids = page_ids | {term.id for term in terms}  # For MkDocs' check of links to #term-id.


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


@event_priority(BEFORE_SEARCH)
def _hand_search_the_plain_page(context, *, page: Page, config: MkDocsConfig, nav):
    """Give search the page without its term links and hidden definitions; the glossary page gets its entries.

    Material's search reads every tag in Python, and neither the links nor the definitions add a word to its
    index. Only the page being rendered is kept in both forms: holding all 1,000 pages of the bench site in
    both took 10 MiB.
    """
    _rendering.clear()
    linked = page.content or ""
    plain = without_glossary_markup(linked)
    if page.file.src_uri == GLOSSARY_PAGE and GLOSSARY_MARKER in linked:
        plain = plain.replace(GLOSSARY_MARKER, _entries(used_on=None), 1)  # Without "used on": search skips them.
    if plain != linked:
        _rendering.update(page=page, plain=plain, linked=linked)
        page.content = plain
    return context


@event_priority(AFTER_EVERYTHING)
def _put_the_links_back(context, *, page: Page, config: MkDocsConfig, nav):
    """Put back the term links once search has read the page, and the glossary page's "used on" lists."""
    if _rendering.get("page") is not page:
        return context
    plain, linked = _rendering["plain"], _rendering["linked"]
    _rendering.clear()
    if page.content is not plain:
        log.warning(
            f"mkdocs.yml: a plugin or hook changed {_build['shown']}/{page.file.src_uri} before the glossary"
            " hook put its term links back, so they are lost; give its on_page_context an event_priority"
            f" above {BEFORE_SEARCH} or below {AFTER_EVERYTHING}, or turn that plugin off"
        )
        return context
    if page.file.src_uri == GLOSSARY_PAGE and GLOSSARY_MARKER in linked:
        # Only now: search looks up each section of the page in its table of contents one by one.
        _add_to_toc(page, linked, [AnchorLink(str(escape(term.term)), term.id, 2) for term in _build["sorted_terms"]])
        linked = linked.replace(GLOSSARY_MARKER, _entries(used_on=_used_on_links(page)), 1)
    page.content = linked
    return context


on_page_context = CombinedEvent(_hand_search_the_plain_page, _put_the_links_back)


def _used_on_links(page: Page) -> dict[str, list[dict[str, str]]]:
    """For each term, the title and URL of every page that links to it, in order of title."""
    used_on: dict[str, list[Page]] = _build["used_on"]
    # Each page is listed under many terms: work out its link and sort key once, not once a term.
    pages = {p.file.src_uri: p for listed in used_on.values() for p in listed}
    links = {uri: {"title": p.title, "url": get_relative_url(p.url, page.url)} for uri, p in pages.items()}
    by_title = {uri: (p.title or "").casefold() for uri, p in pages.items()}
    return {
        term_id: [
            links[uri] for uri in sorted((p.file.src_uri for p in used_on.get(term_id, [])), key=by_title.__getitem__)
        ]
        for term_id in _build["glossary"].terms
    }


def on_post_build(*, config: MkDocsConfig) -> None:
    """Report glossary terms that no page uses, unless a misspelt link or a broken entry is the reason (as kb.check)."""
    if _build.get("unknown_links") or _build["glossary"].problems:
        return
    used = set(_build["used_on"])
    for problem in unused_term_problems(_build["glossary"], used, f"{_build['shown']}/_data/{GLOSSARY}"):
        log.warning(str(problem))
