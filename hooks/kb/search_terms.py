"""Hidden search keywords: the words readers type that a page may not use itself.

Each page gets a ``keywords`` field in the search index: every name of the glossary
terms whose ``page:`` is that page (other names, brand and generic names), plus the
words editors list for it in ``docs/_data/search-synonyms.yml`` (everyday words and
common misspellings). The keywords are never shown: Material's results show only the
title and text of an entry, and the page itself is untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError, WithJsonSchema

from .datafiles import read
from .glossary import Glossary
from .pages import is_page_path
from .problems import Problem

SYNONYMS = "search-synonyms.yml"
KEYWORDS_FIELD = "keywords"
_WORDS = re.compile(r"^[^\W_][\w '\u2019.\-]*$")


def _as_words(value: object) -> object:
    """The list's items, with whole numbers as text: YAML reads 911 as a number, a reader types it as text."""
    if not isinstance(value, list):
        return value
    return [str(item) if isinstance(item, int) and not isinstance(item, bool) else item for item in value]


# The words of one page, as docs/_data/search-synonyms.yml lists them after the page's path.
_WORD = {"type": "string", "pattern": _WORDS.pattern}
SearchWords = Annotated[
    # YAML reads 911 as a number; the loader takes it as the word a reader types.
    list[Annotated[str, Field(pattern=_WORDS.pattern), WithJsonSchema({"anyOf": [_WORD, {"type": "integer"}]})]],
    BeforeValidator(_as_words),
    Field(
        min_length=1, description="Words or short phrases readers type: letters, digits, spaces, hyphens, apostrophes."
    ),
]
PagePath = Annotated[str, Field(pattern=r"^(?!/)(?!.*\.\./)[\w./-]+\.md$", description="A page's path under docs/.")]
# Python's regular expressions: the page path's pattern looks ahead, which pydantic's default engine cannot.
_PYTHON_RE = ConfigDict(regex_engine="python-re")
SYNONYMS_FILE = TypeAdapter(dict[PagePath, SearchWords], config=_PYTHON_RE)
_WORDS_OF_A_PAGE: TypeAdapter[list[str]] = TypeAdapter(SearchWords, config=_PYTHON_RE)


@dataclass
class Synonyms:
    """Extra search words by page (a path under docs/), with the line of each page's entry."""

    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def load_synonyms(path: Path, shown_as: str) -> Synonyms:
    """Load and check the synonym list ``page.md: [word, other words, ...]``; a site may have none."""
    synonyms = Synonyms()
    if not path.exists():
        return synonyms
    loaded = read(path, shown_as, synonyms.problems, dict)
    if loaded is None:
        return synonyms
    for page, value in loaded.data.items():
        line = loaded.line_of((page,), 1)
        if not is_page_path(page):
            synonyms.problems.append(
                Problem(
                    shown_as,
                    line,
                    f"{page!r} is not a page path",
                    "write the path under docs/, e.g. living/daily-life.md",
                )
            )
            continue
        try:
            words = _WORDS_OF_A_PAGE.validate_python(value)
        except ValidationError:
            synonyms.problems.append(
                Problem(
                    shown_as,
                    line,
                    f"the search words of {page} must be a list of plain words",
                    "write words only (letters, digits, spaces, hyphens, apostrophes), e.g. [painkillers, ibuprofin]",
                )
            )
            continue
        synonyms.words[page] = tuple(words)
        synonyms.lines[page] = line
    return synonyms


def page_problems(synonyms: Synonyms, pages: set[str], shown_as: str) -> list[Problem]:
    """One problem per synonym entry for a page that does not exist."""
    return [
        Problem(shown_as, synonyms.lines[page], f"{page} is not a page of the site", "fix the path or remove the entry")
        for page in synonyms.words
        if page not in pages
    ]


def keywords_by_page(glossary: Glossary, synonyms: Synonyms) -> dict[str, list[str]]:
    """The hidden search words of each page, glossary names first, each word once whatever its case."""
    found: dict[str, dict[str, str]] = {}
    for term in glossary.terms.values():
        if term.page:
            for name in term.names:
                found.setdefault(term.page, {}).setdefault(name.casefold(), name)
    for page, words in synonyms.words.items():
        for word in words:
            found.setdefault(page, {}).setdefault(word.casefold(), word)
    return {page: list(words.values()) for page, words in found.items()}


def add_keywords(entries: list[dict], keywords_by_url: dict[str, list[str]]) -> int:
    """Put each page's keywords on its own entry of a Material search index; return how many entries got some."""
    changed = 0
    for entry in entries:
        location = entry.get("location")
        words = keywords_by_url.get(location) if isinstance(location, str) else None
        if words:
            entry[KEYWORDS_FIELD] = " ".join(words)
            changed += 1
    return changed
