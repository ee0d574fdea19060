"""What the stand-alone check needs from mkdocs.yml: the Markdown extensions and the pages in the nav.

Read as plain YAML, so the check runs without MkDocs and renders each page with the
same extensions the build uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


class _AnyTagLoader(yaml.SafeLoader):
    """Safe loader that reads MkDocs tags such as !ENV or !!python/name as empty values."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass
class SiteConfig:
    """The Markdown extensions with their settings, and the pages the nav lists (None: no nav, all pages)."""

    extensions: list[str] = field(default_factory=list)
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    nav_pages: set[str] | None = None


def read_config(config_file: Path) -> SiteConfig:
    """Read ``config_file``; a missing or unreadable file gives the defaults (the build reports it)."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return SiteConfig()
    if not isinstance(data, dict):
        return SiteConfig()
    config = SiteConfig()
    for item in data.get("markdown_extensions") or []:
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        if isinstance(name, str):
            config.extensions.append(name)
            config.settings[name] = dict(settings or {})
    snippets = config.settings.get("pymdownx.snippets")
    if snippets and "base_path" in snippets:
        # MkDocs runs from the folder of mkdocs.yml; the check may run from anywhere.
        paths = snippets["base_path"] if isinstance(snippets["base_path"], list) else [snippets["base_path"]]
        snippets["base_path"] = [str(config_file.parent / path) for path in paths]
    config.nav_pages = nav_pages(data.get("nav"))
    return config


def nav_pages(nav: Any) -> set[str] | None:
    """The pages a nav lists; None when there is no nav (MkDocs then lists every page)."""
    return None if nav is None else set(_pages(nav))


def _pages(nav: Any) -> list[str]:
    """Every .md path in a nav tree."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _pages(value)]
    if isinstance(nav, list):
        return [page for item in nav for page in _pages(item)]
    return []
