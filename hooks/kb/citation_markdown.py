"""A Python-Markdown extension that renders ``[@lai-2005]`` as a small numbered link to the page's source list.

Use it under ``markdown_extensions: [kb.citation_markdown]`` with no hooks. Sources are numbered in the
order the page first cites them, as in Vancouver and AMA styles; each number links to ``#source-N``, the
entry in the page's "Sources for this page" list, and carries the key in ``data-kb-source`` so the list can
be made from the page itself (``cited_order``). Unknown or malformed citations are reported by
``kb.citations`` with their line; here they render as far as they can.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree  # noqa: N813 (the name Python-Markdown uses)

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from .citations import WELL_FORMED, keys_of

SOURCE_ATTRIBUTE = "data-kb-source"
# The key of each number, in the finished HTML: the extension writes the attribute, so its form is fixed.
_CITED = re.compile(rf'{SOURCE_ATTRIBUTE}="([a-z0-9-]+)"')


def cited_order(html: str) -> list[str]:
    """The keys a rendered page cites, each once, in the order of their numbers."""
    return list(dict.fromkeys(_CITED.findall(html)))


class CitationPattern(InlineProcessor):
    """``[@a; @b]`` and the one space before it become ``<sup>`` with a link per key, numbered later."""

    # The override ignore is the one the Markdown stubs give InlineProcessor.handleMatch itself.
    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:  # type: ignore[override]  # noqa: N802
        sup = etree.Element("sup", {"class": "kb-cite"})
        for index, key in enumerate(keys_of(m[1])):
            if index:
                sup[index - 1].tail = ","
            etree.SubElement(sup, "a", {"href": "#", SOURCE_ATTRIBUTE: key})
        return sup, m.start(0), m.end(0)


class CitationNumbers(Treeprocessor):
    """Number the cited keys in document order, once the whole page is a tree (tables and lists included)."""

    def run(self, root: etree.Element) -> None:
        numbers: dict[str, int] = {}
        for link in root.iter("a"):
            key = link.get(SOURCE_ATTRIBUTE)
            if key is None:
                continue
            number = numbers.setdefault(key, len(numbers) + 1)
            link.set("href", f"#source-{number}")
            link.set("aria-label", f"Source {number}")
            link.text = str(number)


class CitationExtension(Extension):
    """Register the citation pattern and the numbering."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After backslash escapes (180), before footnotes (175) and links (160-170), so [@key] is never read as a link.
        pattern = rf" ?(?:{WELL_FORMED.pattern})"
        md.inlinePatterns.register(CitationPattern(pattern, md), "kb_citation", 176)
        # After inline patterns (20), before the table of contents (5) and prettify (10).
        md.treeprocessors.register(CitationNumbers(md), "kb_citation_numbers", 15)


def makeExtension(**kwargs: object) -> CitationExtension:  # noqa: N802 (the name Python-Markdown looks for)
    """The entry point ``markdown_extensions: [kb.citation_markdown]`` uses."""
    return CitationExtension(**kwargs)
