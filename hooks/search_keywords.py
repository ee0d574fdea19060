"""MkDocs adapter that adds each page's hidden search words to Material's search index (``kb.search_terms``).

Material offers no supported way to give a page search words that readers do not see: front matter
``tags`` show in the results, and ``search.boost`` weighs a page but adds no words. So the words go on the
entries its search plugin has just made for the page, while it builds the index in memory (``entries``
is public on its index object), which spares reading its search_index.json back and writing it again.
"""

from __future__ import annotations

from kb.build_state import state_for
from kb.search_terms import KEYWORDS_FIELD, add_keywords
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


def _index_entries(config: MkDocsConfig) -> list | None:
    """The entries of the search plugin's index for this build (plugins make it before hooks run)."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    entries = getattr(getattr(search, "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check that the search plugin indexes the keywords field and keeps a list of entries to add them to."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or KEYWORDS_FIELD not in (search.config.get("fields") or {}):
        log.warning(f"mkdocs.yml: the search plugin does not index '{KEYWORDS_FIELD}'; add it under search: fields:")
    if search is not None and search.config.get("enabled", True) and _index_entries(config) is None:
        log.warning("mkdocs.yml: this search plugin keeps no list of entries to add keywords to; use material/search")
    return config


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    """Put the page's keywords on the entries search has just made for it (hooks run after plugins)."""
    entries, state = _index_entries(config), state_for(config)
    if entries is None:
        return context
    words = state.keywords.get(page.file.src_uri)
    if words:
        add_keywords(entries[state.indexed_entries :], {page.url: words})
    state.indexed_entries = len(entries)
    return context
