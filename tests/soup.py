"""Typed look-ups in parsed HTML for tests: each fails the test, naming what it looked for, when that is missing."""

from __future__ import annotations

from bs4 import PageElement, Tag


def one(node: Tag, selector: str) -> Tag:
    """The first element under ``node`` that matches the CSS ``selector``."""
    found = node.select_one(selector)
    assert found is not None, f"nothing matches {selector!r}"
    return found


def attr(tag: Tag, name: str) -> str:
    """The value of a single-valued attribute such as href or id."""
    value = tag.get(name)
    assert isinstance(value, str), f"<{tag.name}> has no {name!r} attribute"
    return value


def classes(tag: Tag) -> list[str]:
    """The element's classes; none when it has no class attribute."""
    value = tag.get("class")
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def parent(node: PageElement) -> Tag:
    """The element that holds ``node``."""
    assert node.parent is not None, f"{node!r} has no parent"
    return node.parent


def by_id(node: Tag, element_id: str) -> Tag:
    """The element under ``node`` with the id ``element_id``."""
    found = node.find(id=element_id)
    assert isinstance(found, Tag), f"no element has the id {element_id!r}"
    return found


def element(found: object, what: str) -> Tag:
    """What a BeautifulSoup search returned, as an element; fails the test, naming ``what``, when it found none."""
    assert isinstance(found, Tag), f"no {what}"
    return found
