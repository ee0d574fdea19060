"""Find glossary terms in text in one pass over its words, whatever the number of terms.

A regular expression with one alternative per term tries every alternative at
every position, so its cost grows with the glossary. Here each word is looked up
once in a dictionary of first words, and only the few phrases that start with
that word are compared: the cost follows the text, not the term count.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# Combining marks, so that text in decomposed form (NFD: "e" + U+0301) is still one word.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_LETTERS = rf"(?:[^\W_][{_MARKS}]*)+"
# A word: letters and digits in any script; hyphens join words into one ("AVN-related").
# Apostrophes split, so "AVN's" holds the word "AVN".
_WORD = re.compile(rf"{_LETTERS}(?:-{_LETTERS})*")
_SPACE = re.compile(r"[ \t\n\u00a0]+")


def words(text: str) -> list[re.Match[str]]:
    """The words of ``text`` with their positions."""
    return list(_WORD.finditer(text))


def is_case_sensitive(name: str) -> bool:
    """Abbreviations keep their case: a name with two or more capitals (AVN, NSAIDs, MRI)."""
    return sum(char.isupper() for char in name) >= 2


def _key(word: str, exact: bool) -> str:
    """How a word is compared: composed (NFC), and case-folded unless the phrase keeps its case."""
    composed = word if word.isascii() else unicodedata.normalize("NFC", word)
    return composed if exact else composed.casefold()


def _glue(text: str) -> str:
    """How the text between two words is compared: any white space is one space, a curly apostrophe is a straight one."""
    return _SPACE.sub(" ", text).replace("\u2019", "'")


@dataclass(frozen=True)
class Match:
    """A term found at ``start:end`` of the text."""

    start: int
    end: int
    term_id: str


@dataclass(frozen=True)
class _Phrase:
    """A phrase as compared: its words, the glue between them, what follows the last word."""

    parts: tuple[str, ...]
    glue: tuple[str, ...]
    tail: str
    exact: bool
    term_id: str


class PhraseMatcher:
    """Longest-first, whole-word matching of many phrases in one pass."""

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        """Index ``(phrase, term_id)`` pairs by their first word."""
        self._first: dict[str, list[_Phrase]] = {}
        for phrase, term_id in phrases:
            exact = is_case_sensitive(phrase)
            found = words(phrase)
            if not found:
                continue
            glue = tuple(_glue(phrase[a.end() : b.start()]) for a, b in itertools.pairwise(found))
            entry = _Phrase(
                tuple(_key(m.group(), exact) for m in found), glue, _glue(phrase[found[-1].end() :]), exact, term_id
            )
            self._first.setdefault(entry.parts[0], []).append(entry)
        for candidates in self._first.values():
            candidates.sort(key=lambda item: -len(item.parts))

    def find(self, text: str) -> Iterator[Match]:
        """Yield non-overlapping matches from left to right, the longest at each word."""
        found = words(text)
        first = self._first
        index = 0
        while index < len(found):
            exact_word = _key(found[index].group(), True)
            folded_word = exact_word.casefold()
            if exact_word not in first and folded_word not in first:  # Most words start no term.
                index += 1
                continue
            phrase = self._longest_at(text, found, index, exact_word, folded_word)
            if phrase is None:
                index += 1
                continue
            length = len(phrase.parts)
            yield Match(found[index].start(), found[index + length - 1].end() + len(phrase.tail), phrase.term_id)
            index += length

    def _longest_at(
        self, text: str, found: list[re.Match[str]], index: int, exact_word: str, folded_word: str
    ) -> _Phrase | None:
        """The longest phrase starting at word ``index``, whose word is given in both forms."""
        best: _Phrase | None = None
        for key in dict.fromkeys((exact_word, folded_word)):  # Ordered: exact case first.
            for phrase in self._first.get(key, ()):
                if (best and len(phrase.parts) <= len(best.parts)) or key != (
                    exact_word if phrase.exact else folded_word
                ):
                    continue
                if self._continues(text, found, index, phrase):
                    best = phrase
                    break
        return best

    @staticmethod
    def _continues(text: str, found: list[re.Match[str]], index: int, phrase: _Phrase) -> bool:
        """True when the words from ``index`` on spell the phrase, with the same glue and tail."""
        if index + len(phrase.parts) > len(found):
            return False
        for offset, part in enumerate(phrase.parts):
            match = found[index + offset]
            if _key(match.group(), phrase.exact) != part:
                return False
            if offset and _glue(text[found[index + offset - 1].end() : match.start()]) != phrase.glue[offset - 1]:
                return False
        end = found[index + len(phrase.parts) - 1].end()
        return _glue(text[end : end + len(phrase.tail)]) == phrase.tail
