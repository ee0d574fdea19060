"""MkDocs adapter that adds hidden search keywords to Material's search index; the logic is in ``kb.search_terms``.

The keywords go on the entries Material's search plugin makes for each page, while it builds its index in
memory: reading its search_index.json back and writing it again after the build took more time and memory
than everything else this hook does.
"""

from __future__ import annotations

from pathlib import Path

from kb.glossary import GLOSSARY, load_glossary
from kb.pages import shown_docs_dir
from kb.search_terms import KEYWORDS_FIELD, SYNONYMS, add_keywords, keywords_by_page, load_synonyms, page_problems
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
_build: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read the glossary and the synonym list afresh on every build; check the search plugin indexes keywords."""
    shown = shown_docs_dir(config.docs_dir, config.config_file_path)
    data = Path(config.docs_dir) / "_data"
    synonyms = load_synonyms(data / SYNONYMS, f"{shown}/_data/{SYNONYMS}")
    for problem in synonyms.problems:
        log.warning(str(problem))
    glossary = load_glossary(data / GLOSSARY, f"{shown}/_data/{GLOSSARY}")  # hooks/glossary.py reports its problems.
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or KEYWORDS_FIELD not in (search.config.get("fields") or {}):
        log.warning(f"mkdocs.yml: the search plugin does not index '{KEYWORDS_FIELD}'; add it under search: fields:")
    # Material's own index object (plugins run before hooks, so the plugin has just made it for this build).
    index = getattr(search, "search_index", None)
    if (
        search is not None
        and search.config.get("enabled", True)
        and not isinstance(getattr(index, "entries", None), list)
    ):
        log.warning("mkdocs.yml: this search plugin keeps no list of entries to add keywords to; use material/search")
    _build.update(shown=shown, synonyms=synonyms, keywords=keywords_by_page(glossary, synonyms), index=index, indexed=0)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Report synonym entries for pages that do not exist."""
    pages = {file.src_uri for file in files.documentation_pages()}
    for problem in page_problems(_build["synonyms"], pages, f"{_build['shown']}/_data/{SYNONYMS}"):
        log.warning(str(problem))
    return files


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    """Put the page's keywords on the entries search has just made for it (hooks run after plugins)."""
    entries = getattr(_build["index"], "entries", None)
    if not isinstance(entries, list):
        return context
    words = _build["keywords"].get(page.file.src_uri)
    if words:
        add_keywords(entries[_build["indexed"] :], {page.url: words})
    _build["indexed"] = len(entries)
    return context
