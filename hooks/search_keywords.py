"""MkDocs adapter that adds hidden search keywords to Material's search index; the logic is in ``kb.search_terms``."""

from __future__ import annotations

import json
from pathlib import Path

from kb.glossary import GLOSSARY, load_glossary
from kb.pages import shown_docs_dir
from kb.search_terms import KEYWORDS_FIELD, SYNONYMS, add_keywords, keywords_by_page, load_synonyms, page_problems
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

SEARCH_INDEX = Path("search") / "search_index.json"

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
    _build.update(shown=shown, synonyms=synonyms, glossary=glossary)
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or KEYWORDS_FIELD not in (search.config.get("fields") or {}):
        log.warning(f"mkdocs.yml: the search plugin does not index '{KEYWORDS_FIELD}'; add it under search: fields:")
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Report synonym entries for pages that do not exist; remember each page's URL."""
    pages = {file.src_uri: file.url for file in files.documentation_pages()}
    shown = _build["shown"]
    for problem in page_problems(_build["synonyms"], set(pages), f"{shown}/_data/{SYNONYMS}"):
        log.warning(str(problem))
    _build["urls"] = pages
    return files


def on_post_build(*, config: MkDocsConfig) -> None:
    """Add the keywords to the index the search plugin has just written (hooks run after plugins)."""
    path = Path(config.site_dir) / SEARCH_INDEX
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    urls = _build["urls"]
    keywords = keywords_by_page(_build["glossary"], _build["synonyms"])
    add_keywords(index, {urls[page]: words for page, words in keywords.items() if page in urls})
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
