"""MkDocs adapter: links to other sites get rel="noopener noreferrer"; the logic lives in ``kb.external_links``."""

from __future__ import annotations

from kb.external_links import ExternalLinksExtension
from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Add the extension to every page's Markdown."""
    # MkDocs types this list as extension names, but Markdown, which it is passed to, takes Extension objects too.
    config.markdown_extensions.append(ExternalLinksExtension())  # type: ignore[arg-type]
    return config
