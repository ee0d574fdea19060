"""A Python-Markdown extension that links the first mention of each glossary term.

It works on the element tree after the table of contents is built, so headings, the TOC and the
nav keep their plain text. On its own (``markdown_extensions: [kb.linker]``, options below) it
loads the glossary file and writes each link as ``/glossary.md#term``, for MkDocs to resolve
(``validation: links: absolute_links: relative_to_docs``). The build's hook hands it the loaded
glossary and, page by page, the glossary page's final URL instead: MkDocs then does not resolve
thirty more links a page, and the hook checks that the glossary page holds their entries.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree  # noqa: N813 (the name Python-Markdown uses)
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeGuard

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .glossary import GLOSSARY_MARKER, GLOSSARY_PAGE, Glossary, load_glossary
from .matcher import Match, PhraseMatcher
from .problems import Problem

SKIPPED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "button",
        "code",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "kbd",
        "label",
        "math",
        "pre",
        "samp",
        "script",
        "style",
        "summary",
        "svg",
        "textarea",
        "title",
    }
)
SKIPPED_CLASSES = frozenset({"admonition-title", "kb-no-glossary", "tabbed-labels", "headerlink"})
# Where a text stands: (parent, None) for parent.text, (parent, child) for child.tail; and the text.
TextPlace = tuple[etree.Element, etree.Element | None, str]
OPT_OUT_CLASS = "kb-no-glossary"
TERM_CLASS = "kb-term"
DEFINITIONS_CLASS = "kb-term-definitions"
EXPLICIT_SCHEME = "glossary:"
# kb.check has only the Markdown source, so it finds explicit links with the same forms Python-Markdown
# accepts (plain, <angle-bracketed>, with a title, or a reference definition) to report their source line.
_ID = r"<?" + re.escape(EXPLICIT_SCHEME) + r"([^\s<>()]*)>?"
_TITLE = r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?"""
EXPLICIT_LINKS = (
    re.compile(r"\]\(\s*" + _ID + _TITLE + r"\s*\)"),
    re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*" + _ID, re.MULTILINE),
)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL)
# After 'toc' and MkDocs' anchor collection (5). Given the page, after MkDocs' relative links (0): its hrefs are
# final. On its own, before them (and after MkDocs' title, 1), so MkDocs resolves its /glossary.md links.
PRIORITY_WITH_PAGE = -1
PRIORITY_ON_ITS_OWN = 0.5
DEFAULT_GLOSSARY_FILE = "docs/_data/glossary.yml"


@dataclass
class PageState:
    """What the linker needs to know about the page being rendered, and what it found."""

    src_uri: str = ""
    enabled: bool = True
    glossary_url: str = ""  # The glossary page's URL relative to this page's; empty: relative to src_uri.
    used: list[str] = field(default_factory=list)


class GlossaryTreeprocessor(Treeprocessor):
    """Link first mentions and resolve explicit ``glossary:`` links in one walk of the tree."""

    def __init__(
        self, md: Markdown, glossary: Glossary, matcher: PhraseMatcher, glossary_page: str, state: PageState | None
    ) -> None:
        super().__init__(md)
        self.glossary, self.matcher, self.glossary_page = glossary, matcher, glossary_page
        self.on_its_own = state is None  # No hook tells it the page: MkDocs resolves its links.
        self.state = state if state is not None else PageState()

    def run(self, root: etree.Element) -> None:
        self.state.used = []
        if self.on_its_own:
            self._glossary_href = "/" + self.glossary_page
        else:
            self._glossary_href = self.state.glossary_url or posixpath.relpath(
                self.glossary_page, posixpath.dirname(self.state.src_uri) or "."
            )
        linked: set[str] = set()
        self._resolve_explicit(root, linked)
        if self.state.enabled and not self._on_glossary_page():
            self._walk(root, linked)
        if self.state.used:
            root.append(self._definitions())

    def _on_glossary_page(self) -> bool:
        """Whether this is the glossary page: by its path, or on its own by the marker only that page holds."""
        if not self.on_its_own:
            return self.state.src_uri == self.glossary_page
        return any(GLOSSARY_MARKER in str(block) for block in self.md.htmlStash.rawHtmlBlocks)

    def _href(self, term_id: str) -> str:
        """The link to a term's entry."""
        return f"{self._glossary_href}#{term_id}"

    def _resolve_explicit(self, root: etree.Element, linked: set[str]) -> None:
        """Turn ``[text](glossary:id)`` links into term links; unknown ids are reported by kb.check."""
        for link in root.iter("a"):
            href = link.get("href", "")
            term_id = href[len(EXPLICIT_SCHEME) :] if href.startswith(EXPLICIT_SCHEME) else None
            if term_id is None:
                continue
            if term_id in self.glossary.terms:
                self._decorate(link, term_id, linked)
            else:
                link.set("href", self._href(term_id))

    def _decorate(self, link: etree.Element, term_id: str, linked: set[str]) -> None:
        """Make ``link`` a term link that screen readers announce with the definition."""
        link.set("href", self._href(term_id))
        link.set("class", TERM_CLASS)
        if term_id not in linked:
            linked.add(term_id)
            self.state.used.append(term_id)
        link.set("aria-describedby", f"kb-def-{term_id}")

    def _walk(self, root: etree.Element, linked: set[str]) -> None:
        """Link first mentions in the text of ``root`` and its children, skipping what must stay plain."""
        places = _text_places(root, [])
        found = self.matcher.find_each([text for _parent, _after, text in places])
        for (parent, after, text), matches in zip(places, found, strict=True):  # In document order: first mentions.
            self._link_text(parent, after, text, matches, linked)

    def _link_text(
        self, parent: etree.Element, after: etree.Element | None, text: str, matches: list[Match], linked: set[str]
    ) -> None:
        """Link the first mentions among ``matches`` in ``text``: ``parent.text`` (after is None) or ``after.tail``."""
        pieces: list[etree.Element] = []
        cursor = 0
        head = None
        for match in matches:
            if match.term_id in linked:
                continue
            link = etree.Element("a")
            link.text = text[match.start : match.end]
            self._decorate(link, match.term_id, linked)
            if head is None:
                head = text[: match.start]
            else:
                pieces[-1].tail = text[cursor : match.start]
            pieces.append(link)
            cursor = match.end
        if head is None:
            return
        pieces[-1].tail = text[cursor:]
        position = 0 if after is None else list(parent).index(after) + 1  # Only where a term was found.
        if after is None:
            parent.text = head
        else:
            after.tail = head
        for offset, link in enumerate(pieces):
            parent.insert(position + offset, link)

    def _definitions(self) -> etree.Element:
        """The definitions the term links point to: hidden, read by screen readers and the tooltip."""
        box = etree.Element("div", {"class": DEFINITIONS_CLASS, "hidden": "hidden", "data-search-exclude": ""})
        for term_id in self.state.used:
            item = etree.SubElement(box, "span", {"id": f"kb-def-{term_id}"})
            item.text = self.glossary.terms[term_id].definition
        return box


def _text_places(parent: etree.Element, places: list[TextPlace]) -> list[TextPlace]:
    """Add to ``places`` the text a term may be found in, in ``parent`` and its children, in document order.

    (parent, None, text) stands for ``parent.text``, (parent, child, text) for ``child.tail``. They are read before
    any link goes in: the links' own tails hold only text that was searched already.
    """
    if not _skipped(parent):
        if _linkable(parent.text):
            places.append((parent, None, parent.text))
        for child in parent:
            _text_places(child, places)
            if _linkable(child.tail):
                places.append((parent, child, child.tail))
    return places


def _linkable(text: str | None) -> TypeGuard[str]:
    """Text a term may be found in: not blank (most tails are line breaks), not left as written by Markdown."""
    return text is not None and text != "" and not text.isspace() and not isinstance(text, AtomicString)


def _skipped(element: etree.Element) -> bool:
    """True for elements whose text must never become a link."""
    if element.tag in SKIPPED_TAGS:
        return True
    classes = element.get("class")
    return classes is not None and not SKIPPED_CLASSES.isdisjoint(classes.split())


class GlossaryExtension(Extension):
    """Register the tree processor for one glossary.

    Options: ``glossary_file``, the glossary's YAML file (a path from the folder the build runs in), and
    ``glossary_page``, the page that holds the entries (a path under docs/). The build's hook passes the
    loaded ``glossary`` and the ``state`` of the page being rendered instead of reading the file again.
    """

    def __init__(
        self,
        glossary: Glossary | None = None,
        glossary_page: str | None = None,
        state: PageState | None = None,
        **options: Any,
    ) -> None:
        self.config = {
            "glossary_file": [DEFAULT_GLOSSARY_FILE, "The glossary YAML file, from the folder the build runs in"],
            "glossary_page": [GLOSSARY_PAGE, "The page that holds the glossary entries, as a path under docs/"],
        }
        super().__init__(**options)
        self.glossary_page = glossary_page or self.getConfig("glossary_page")
        self.state = state
        if glossary is None:
            name = self.getConfig("glossary_file")
            glossary, self.matcher = _glossary_and_matcher(name, _version(name))
        else:
            self.matcher = _matcher(glossary)
        self.glossary = glossary

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        priority = PRIORITY_ON_ITS_OWN if self.state is None else PRIORITY_WITH_PAGE
        md.treeprocessors.register(
            GlossaryTreeprocessor(md, self.glossary, self.matcher, self.glossary_page, self.state),
            "kb_glossary",
            priority,
        )


def _matcher(glossary: Glossary) -> PhraseMatcher:
    """Every name of every term, indexed once for the whole build (MkDocs makes a Markdown for each page)."""
    return PhraseMatcher((name, term.id) for term in glossary.terms.values() for name in term.names)


def _version(name: str) -> tuple[int, int]:
    """The glossary file's modification time and size: a file changed since (``mkdocs serve``) is read again."""
    path = Path(name)
    found = path.stat() if path.is_file() else None
    return (found.st_mtime_ns, found.st_size) if found else (0, 0)


@lru_cache(maxsize=4)
def _glossary_and_matcher(name: str, version: tuple[int, int]) -> tuple[Glossary, PhraseMatcher]:
    """The glossary file, loaded once however many pages name it (``version`` is part of the cache key only).

    A broken file stops the build with every problem, at the file as the option names it.
    """
    glossary = load_glossary(Path(name), name)
    if glossary.problems:
        raise ValueError("the glossary has problems:\n" + "\n".join(str(problem) for problem in glossary.problems))
    return glossary, _matcher(glossary)


def makeExtension(**options: Any) -> GlossaryExtension:  # noqa: N802 (the name Python-Markdown looks for)
    """The entry point ``markdown_extensions: [kb.linker]`` uses."""
    return GlossaryExtension(**options)


def explicit_link_problems(raw: str, shown_as: str, glossary: Glossary) -> list[Problem]:
    """One problem per explicit glossary link, outside code, whose id is not a glossary term."""
    if EXPLICIT_SCHEME not in raw:  # Most pages have none: skip blanking out their code.
        return []
    text = _without_code(raw)
    found = sorted((match.start(1), match.group(1)) for pattern in EXPLICIT_LINKS for match in pattern.finditer(text))
    return [
        Problem(
            shown_as,
            text.count("\n", 0, start) + 1,
            f"the glossary link names an unknown term '{term_id}'",
            "use the id of a term in docs/_data/glossary.yml (its slug, e.g. femoral-head)",
        )
        for start, term_id in found
        if term_id not in glossary.terms
    ]


def _without_code(raw: str) -> str:
    """``raw`` with fenced code blocks and code spans blanked out, keeping every line where it was."""
    lines, fence = [], ""
    for line in raw.split("\n"):
        opening = _FENCE.match(line)
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            line = ""
        elif opening:
            fence, line = opening.group(1), ""
        lines.append(line)
    return _CODE_SPAN.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), "\n".join(lines))


def unused_term_problems(glossary: Glossary, used: set[str], shown_as: str) -> list[Problem]:
    """One problem per term that no page links to."""
    return [
        Problem(
            shown_as,
            term.line,
            f"the term '{term.term}' is used on no page",
            "use it in a page, add the page's word for it as an alias, or remove the entry",
        )
        for term in glossary.terms.values()
        if term.id not in used
    ]
