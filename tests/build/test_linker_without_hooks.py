"""The glossary linker named under ``markdown_extensions:`` in a build with no hooks, as on an engine without them."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.sitebuild import BuildResult, build_site

GLOSSARY = """\
- term: femoral head
  aliases: [hip ball]
  definition: The ball at the top of the thigh bone that fits into the hip socket.
"""
CONFIG = """\
site_name: Linker without hooks
docs_dir: docs
strict: true
validation:
  absolute_links: relative_to_docs
  anchors: warn
exclude_docs: |
  _data/
markdown_extensions:
  - toc
  - kb.linker:
      glossary_file: {glossary}
      glossary_page: words.md
"""


def _build(folder: Path, words_page: str) -> BuildResult:
    """Build a two-page site: a page that uses a term, and the glossary page ``words_page``."""
    docs = folder / "docs"
    (docs / "_data").mkdir(parents=True)
    (docs / "_data" / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    (docs / "treatment").mkdir()
    (docs / "treatment" / "rest.md").write_text("# Rest\n\nRest can spare the femoral head.\n", encoding="utf-8")
    (docs / "words.md").write_text(words_page, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(CONFIG.format(glossary=docs / "_data" / "glossary.yml"), encoding="utf-8")
    return build_site(config, folder / "site")


def test_terms_link_to_their_entry_on_the_glossary_page_with_mkdocs_resolving_the_link(tmp_path: Path) -> None:
    result = _build(tmp_path, "# Words\n\n<!-- kb:glossary -->\n\n## Femoral head\n\nThe ball of the hip.\n")
    assert (result.warnings, result.aborted) == ([], False)
    soup = BeautifulSoup((tmp_path / "site/treatment/rest/index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one("a.kb-term")
    assert link is not None and (link.get_text(), link["href"]) == ("femoral head", "../../words/#femoral-head")
    definition = soup.select_one("#kb-def-femoral-head")
    assert definition is not None and definition.get_text().startswith("The ball at the top")


def test_a_link_to_an_entry_the_glossary_page_lacks_fails_the_strict_build(tmp_path: Path) -> None:
    result = _build(tmp_path, "# Words\n\n<!-- kb:glossary -->\n")
    assert result.aborted
    assert result.warnings == [
        "Doc file 'treatment/rest.md' contains a link '/words.md#femoral-head', but the doc 'words.md' does not"
        " contain an anchor '#femoral-head'."
    ]
