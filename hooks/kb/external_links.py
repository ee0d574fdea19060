"""A Python-Markdown extension that marks every link to another site rel="noopener noreferrer".

Python-Markdown and pymdown-extensions write no rel on links. Material's privacy plugin can
(links_attr_map), but it replaces any rel an editor wrote, rewrites the final HTML with
regular expressions and ties the rule to a theme with a set end of life. A tree processor of
a few lines keeps it in plain Python-Markdown. Links written as raw HTML are not in the tree;
the link test on the built site catches those.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree  # noqa: N813 (the name Python-Markdown uses)
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

REL = ("noopener", "noreferrer")
# After Python-Markdown's 'inline' processor (20) has made the links.
PRIORITY = 3


def is_external(href: str) -> bool:
    """True for an http(s) address with a host, or a protocol-relative //host address."""
    parts = urlsplit(href.strip())
    return bool(parts.netloc) and parts.scheme.lower() in {"", "http", "https"}


def with_rel(rel: str) -> str:
    """The editor's rel tokens, in order, followed by any of REL that are missing."""
    tokens = rel.split()
    return " ".join(tokens + [token for token in REL if token not in tokens])


class ExternalLinkProcessor(Treeprocessor):
    """Add REL to every <a> whose href leaves the site."""

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if is_external(link.get("href", "")):
                link.set("rel", with_rel(link.get("rel", "")))


class ExternalLinksExtension(Extension):
    """Register the processor with a Markdown instance."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        md.treeprocessors.register(ExternalLinkProcessor(md), "kb_external_links", PRIORITY)


def makeExtension(**kwargs: object) -> ExternalLinksExtension:  # noqa: N802 (Python-Markdown's entry point)
    """Let Markdown load the extension by its module name."""
    return ExternalLinksExtension(**kwargs)
