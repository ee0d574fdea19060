"""Citations in page text: ``[@lai-2005]`` or ``[@lai-2005; @mont-2020]``, found with their lines.

The syntax is Pandoc's, which reference managers (Zotero, Better BibTeX) already write. The Markdown
extension in ``kb.citation_markdown`` renders it; this module finds it in the raw page for the checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import Problem

# Anything that looks like a citation: a bracket opened by @. ``WELL_FORMED`` says whether it is one.
LOOKS_LIKE = re.compile(r"\[@[^\]\n]*\]")
KEY = r"[a-z0-9]+(?:-[a-z0-9]+)*"
WELL_FORMED = re.compile(rf"\[@({KEY}(?:; ?@{KEY})*)\]")
# Code is shown as written: a citation inside it is an example, not a citation.
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+).*?\1")


@dataclass(frozen=True)
class Citation:
    """One key cited at one line of a page."""

    key: str
    line: int


def keys_of(text: str) -> list[str]:
    """The keys of one well-formed citation's bracket text, in the order written: ``[@a; @b]`` -> a, b."""
    return [part.strip().removeprefix("@") for part in text.strip("[]").split(";")]


def _prose_lines(raw: str) -> list[tuple[int, str]]:
    """The page's lines with their numbers, without fenced code."""
    lines, fenced = [], False
    for number, line in enumerate(raw.split("\n"), 1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            lines.append((number, line))
    return lines


def find_citations(body: str, first_line: int = 1) -> tuple[list[Citation], list[tuple[int, str]]]:
    """Every key cited in ``body`` (whose first line is ``first_line``), and each malformed citation's line."""
    cited: list[Citation] = []
    malformed: list[tuple[int, str]] = []
    for number, line in _prose_lines(body):
        if "[" not in line or "@" not in line:
            continue  # Most lines hold neither; taking out code spans only removes characters, so makes none.
        for match in LOOKS_LIKE.finditer(_CODE_SPAN.sub("", line)):
            if WELL_FORMED.fullmatch(match[0]):
                cited += [Citation(key, number + first_line - 1) for key in keys_of(match[0])]
            else:
                malformed.append((number + first_line - 1, match[0]))
    return cited, malformed


def citation_problems(
    body: str, first_line: int, shown_as: str, known: set[str] | dict
) -> tuple[list[Citation], list[Problem]]:
    """The page's citations, with a problem for each malformed citation and each key not in the bibliography."""
    cited, malformed = find_citations(body, first_line)
    problems = [
        Problem(
            shown_as,
            line,
            f"the citation {text} is not written as the site cites",
            "write [@id] with the id of an entry in docs/_data/bibliography.yml, or [@id-one; @id-two] for two",
        )
        for line, text in malformed
    ]
    problems += [
        Problem(
            shown_as,
            citation.line,
            f"[@{citation.key}] cites '{citation.key}', which is not in docs/_data/bibliography.yml",
            "check the spelling against the ids there, or add the entry (CONTRIBUTING.md: Add a source)",
        )
        for citation in cited
        if citation.key not in known
    ]
    return cited, problems
