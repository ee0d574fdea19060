"""Find glossary terms in text in one pass over its words, whatever the number of terms.

A regular expression with one alternative per term tries every alternative at
every position, so its cost grows with the glossary. Here each word is looked up
once in a dictionary of first words, and only the few phrases that start with
that word are compared: the cost follows the text, not the term count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# A word: letters and digits in any script; hyphens join words into one ("AVN-related").
# Apostrophes split, so "AVN's" holds the word "AVN".
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_GAP = re.compile(r"[ \t\n\u00a0]+")


def words(text: str) -> list[re.Match[str]]:
    """The words of ``text`` with their positions."""
    return list(_WORD.finditer(text))


def is_case_sensitive(name: str) -> bool:
    """Abbreviations keep their case: a name with two or more capitals (AVN, NSAIDs, MRI)."""
    return sum(char.isupper() for char in name) >= 2


@dataclass(frozen=True)
class Match:
    """A term found at ``start:end`` of the text."""

    start: int
    end: int
    term_id: str


class PhraseMatcher:
    """Longest-first, whole-word matching of many phrases in one pass."""

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        """Index ``(phrase, term_id)`` pairs by their first word."""
        self._first: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
        for phrase, term_id in phrases:
            exact = is_case_sensitive(phrase)
            parts = tuple(m.group() if exact else m.group().casefold() for m in _WORD.finditer(phrase))
            if parts:
                self._first.setdefault(parts[0], []).append((parts, exact, term_id))
        for candidates in self._first.values():
            candidates.sort(key=lambda item: -len(item[0]))

    def find(self, text: str) -> Iterator[Match]:
        """Yield non-overlapping matches from left to right, the longest at each word."""
        found = words(text)
        index = 0
        while index < len(found):
            best = self._longest_at(text, found, index)
            if best is None:
                index += 1
                continue
            length, term_id = best
            yield Match(found[index].start(), found[index + length - 1].end(), term_id)
            index += length

    def _longest_at(self, text: str, found: list[re.Match[str]], index: int) -> tuple[int, str] | None:
        """The longest phrase starting at word ``index``, as (word count, term id)."""
        word = found[index].group()
        best: tuple[int, str] | None = None
        for key in dict.fromkeys((word, word.casefold())):  # Ordered: exact case first.
            for parts, exact, term_id in self._first.get(key, ()):
                if (
                    (best and len(parts) <= best[0])
                    or (exact and key != word)
                    or (not exact and key != word.casefold())
                ):
                    continue
                if self._continues(text, found, index, parts, exact):
                    best = (len(parts), term_id)
                    break
        return best

    @staticmethod
    def _continues(text: str, found: list[re.Match[str]], index: int, parts: tuple[str, ...], exact: bool) -> bool:
        """True when the words from ``index`` on spell ``parts``, separated by spaces only."""
        if index + len(parts) > len(found):
            return False
        for offset, part in enumerate(parts):
            match = found[index + offset]
            if (match.group() if exact else match.group().casefold()) != part:
                return False
            if offset and not _GAP.fullmatch(text, found[index + offset - 1].end(), match.start()):
                return False
        return True
