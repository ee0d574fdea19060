"""MkDocs adapter: links to other sites get rel="noopener noreferrer"; the logic lives in ``kb.external_links``."""

from __future__ import annotations

from kb.external_links import ExternalLinksExtension
from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Add the extension to every page's Markdown."""
    config.markdown_extensions.append(ExternalLinksExtension())
    return config
