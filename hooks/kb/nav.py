"""Add a page to the ``nav:`` of mkdocs.yml by inserting one line, so comments and layout stay.

A YAML library would rewrite the whole file and drop its comments, so this inserts the
line as text, next to the page's siblings, and keeps the edit only if the YAML read back
is the old nav plus the new page.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any

import yaml

_NAV = re.compile(r"^nav:\s*(#.*)?$")
_ITEM = re.compile(r"^(?P<indent>\s*)- (?:[^#\n]*?:\s+)?(?P<path>[\w./-]+\.md)\s*(?:#.*)?$")
_SECTION = re.compile(r"^(?P<indent>\s*)- (?P<title>[^#\n]+?):\s*(?:#.*)?$")


@dataclass(frozen=True)
class NavEdit:
    """The new config text (None if the page was not added) and what to tell the editor."""

    text: str | None
    message: str


class _AnyTagLoader(yaml.SafeLoader):
    """Safe loader that reads MkDocs tags such as !ENV or !!python/name as plain values."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def add_to_nav(config_text: str, src_uri: str, title: str) -> NavEdit:
    """Insert ``src_uri`` after its last sibling in the nav, or say which line to add."""
    lines = config_text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if _NAV.match(line)), None)
    if start is None:
        return NavEdit(None, _by_hand(src_uri, title, "mkdocs.yml has no nav: section"))
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].strip() and not lines[i][0].isspace()),
        len(lines),
    )
    items = [(i, m) for i in range(start + 1, end) if (m := _ITEM.match(lines[i].rstrip("\n")))]
    if any(m["path"] == src_uri for _, m in items):
        return NavEdit(None, f"{src_uri} is already in the nav of mkdocs.yml.")
    folder = posixpath.dirname(src_uri)
    siblings = [(i, m) for i, m in items if folder and posixpath.dirname(m["path"]) == folder]
    if not siblings or len({m["indent"] for _, m in siblings}) > 1:
        return NavEdit(
            None, _by_hand(src_uri, title, f"no section of the nav holds the other pages of {folder or 'docs'}/")
        )
    last, match = siblings[-1]
    new_line = f"{match['indent']}- {src_uri}\n"
    edited = [
        *lines[:last],
        lines[last] if lines[last].endswith("\n") else lines[last] + "\n",
        new_line,
        *lines[last + 1 :],
    ]
    text = "".join(edited)
    if _without(_nav_of(text), src_uri) != _nav_of(config_text) or _nav_of(text) == _nav_of(config_text):
        return NavEdit(None, _by_hand(src_uri, title, "the nav could not be edited safely"))
    section = _section_title(lines, last, len(match["indent"]))
    return NavEdit(
        text,
        f'Added it to the nav in mkdocs.yml, at the end of "{section}" (line {last + 2}); '
        "move that line to change where it shows.",
    )


def _by_hand(src_uri: str, title: str, why: str) -> str:
    """The exact line an editor adds to the nav, and where."""
    line = f"      - {src_uri}" if posixpath.dirname(src_uri) else f"  - {title}: {src_uri}"
    return (
        f"The page was not added to the nav: {why}. Add this line to nav: in mkdocs.yml, "
        f"in the section where the page belongs (the strict build fails until it is there):\n{line}"
    )


def _nav_of(text: str) -> Any:
    """The nav as YAML reads it; None when the text is not valid YAML."""
    try:
        data = yaml.load(text, Loader=_AnyTagLoader)
    except yaml.YAMLError:
        return None
    return data.get("nav") if isinstance(data, dict) else None


def _without(nav: Any, src_uri: str) -> Any:
    """``nav`` with every plain entry ``src_uri`` removed."""
    if isinstance(nav, list):
        return [_without(item, src_uri) for item in nav if item != src_uri]
    if isinstance(nav, dict):
        return {key: _without(value, src_uri) for key, value in nav.items()}
    return nav


def _section_title(lines: list[str], index: int, indent: int) -> str:
    """The title of the nav section that holds the item on line ``index``."""
    for line in reversed(lines[:index]):
        match = _SECTION.match(line.rstrip("\n"))
        if match and len(match["indent"]) < indent:
            return match["title"].strip()
    return "nav"
