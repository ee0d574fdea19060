"""Find glossary terms in text in one pass, whatever the number of terms.

A regular expression with one alternative per term tries every alternative at
every position, so its cost grows with the glossary. Here one expression shaped
as a trie of the terms' first words (one branch per letter, not per term) finds
the words that may start a term, and only the few phrases that start with such a
word are compared: the cost follows the text, not the term count.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

# Combining marks, so that text in decomposed form (NFD: "e" + U+0301) is still one word.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_LETTERS = rf"(?:[^\W_][{_MARKS}]*)+"
# A word: letters and digits in any script; hyphens join words into one ("AVN-related").
# Apostrophes split, so "AVN's" holds the word "AVN".
_WORD = re.compile(rf"{_LETTERS}(?:-{_LETTERS})*")
_SPACE = re.compile(r"[ \t\n\u00a0]+")
_MARK = re.compile(f"[{_MARKS}]")
# Where a word starts and ends, as _WORD splits text without combining marks: not inside a word, nor
# after a hyphen that joins two words ("AVN-related"); the candidate trie sits between the two.
_WORD_START = r"(?<![^\W_])(?<![^\W_]-)"
_WORD_END = r"(?![^\W_])(?!-[^\W_])"
# Between the texts that find_each searches together: no word, and no phrase's glue or tail, holds it.
_BETWEEN_TEXTS = "\x00"


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


class Match(NamedTuple):
    """A term found at ``start:end`` of the text (a named tuple: the linker makes many)."""

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
    # A single word with nothing after it: it ends where its first word ends. Kept, not worked out again,
    # because it is read for every word that may start a phrase.
    one_word: bool
    # What follows the first word, spelled out (glue, words, tail), when its glue and tail are plain ASCII: then
    # text that lines up with its case-folded form can be compared with it at once (``_phrase_end``).
    rest: str | None


class PhraseMatcher:
    """Longest-first, whole-word matching of many phrases in one pass."""

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        """Index ``(phrase, term_id)`` pairs by their first word."""
        self._first: dict[str, list[_Phrase]] = {}
        for phrase, term_id in phrases:
            if _BETWEEN_TEXTS in phrase:
                raise ValueError(f"a phrase holds U+0000, which the matcher keeps between texts: {phrase!r}")
            exact = is_case_sensitive(phrase)
            found = words(phrase)
            if not found:
                continue
            glue = tuple(_glue(phrase[a.end() : b.start()]) for a, b in itertools.pairwise(found))
            tail = _glue(phrase[found[-1].end() :])
            parts = tuple(_key(m.group(), exact) for m in found)
            spelled = "".join(g + part for g, part in zip(glue, parts[1:], strict=True)) + tail
            rest = spelled if "".join(glue).isascii() and tail.isascii() else None
            entry = _Phrase(parts, glue, tail, exact, term_id, len(parts) == 1 and not tail, rest)
            self._first.setdefault(entry.parts[0], []).append(entry)
        for candidates in self._first.values():
            candidates.sort(key=lambda item: -len(item.parts))
        self._folded_first = frozenset(key.casefold() for key in self._first)
        self._first_words = re.compile(_WORD_START + _trie(self._folded_first) + _WORD_END) if self._first else None

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches from left to right, the longest at each word."""
        return [Match(start, end, term_id) for start, end, term_id in self._scan(text)]

    def _scan(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``find``'s matches as plain tuples (start, end, term id): the callers make each Match once."""
        if self._first_words is None:
            return
        folded = _lined_up_fold(text)
        end = 0
        for start, word_end in self._first_word_spans(text, folded):
            if start < end:  # Inside the phrase just matched.
                continue
            found = self._longest_at(text, folded, start, word_end)
            if found is not None:
                end, term_id = found
                yield start, end, term_id

    def find_each(self, texts: list[str]) -> list[list[Match]]:
        """``find`` for each of ``texts``, searched in one pass: a call for each short text costs more than the search.

        The texts are joined with a character no word, glue or tail holds, so no phrase runs from one to the next.
        """
        if self._first_words is None or any(_BETWEEN_TEXTS in text for text in texts):
            return [self.find(text) for text in texts]
        starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
        found: list[list[Match]] = [[] for _ in texts]
        for start, end, term_id in self._scan(_BETWEEN_TEXTS.join(texts)):
            index = bisect_right(starts, start) - 1
            found[index].append(Match(start - starts[index], end - starts[index], term_id))
        return found

    def _first_word_spans(self, text: str, folded: str | None) -> list[tuple[int, int]]:
        """Where the words that may start a phrase are: those whose case-folded form is a first word.

        ``folded`` is the text case-folded when it lines up with the text character for character, else None.
        """
        if folded is not None and self._first_words is not None:
            return [match.span() for match in self._first_words.finditer(folded)]
        return [match.span() for match in _WORD.finditer(text) if _key(match.group(), False) in self._folded_first]

    def _longest_at(self, text: str, folded: str | None, start: int, word_end: int) -> tuple[int, str] | None:
        """Where the longest phrase that starts with the word at ``start:word_end`` ends, and its term; an
        exact-case phrase wins a tie."""
        exact_word = _key(text[start:word_end], True)
        folded_word = exact_word.casefold()
        best: tuple[int, str] | None = None
        best_length = 0
        for key in (exact_word,) if exact_word == folded_word else (exact_word, folded_word):  # Exact case first.
            for phrase in self._first.get(key, ()):  # Longest first.
                length = len(phrase.parts)
                if length <= best_length or key != (exact_word if phrase.exact else folded_word):
                    continue
                end = word_end if phrase.one_word else _phrase_end(text, folded, word_end, phrase)
                if end is not None:
                    best, best_length = (end, phrase.term_id), length
                    break
        return best


def _phrase_end(text: str, folded: str | None, word_end: int, phrase: _Phrase) -> int | None:
    """Where ``phrase`` ends if the text after its first word (which ends at ``word_end``) spells the rest."""
    if (
        folded is not None
        and phrase.rest is not None
        and (text if phrase.exact else folded).startswith(phrase.rest, word_end)
    ):
        # Spelled out as written: the words stand where the word-by-word reading below finds them, as long as
        # the last one ends where the phrase's does (the glue between them holds no letter, digit or lone hyphen).
        end = word_end + len(phrase.rest)
        return None if _runs_on(text, end - len(phrase.tail)) else end
    end = word_end
    for part, glue in zip(phrase.parts[1:], phrase.glue, strict=True):
        word = _WORD.search(text, end)  # One word at a time: most phrases fail at their second word.
        if word is None:
            return None
        between = text[end : word.start()]  # Most often the glue itself: normalise only when it is not.
        if (between != glue and _glue(between) != glue) or _key(word.group(), phrase.exact) != part:
            return None
        end = word.end()
    if phrase.tail and _glue(text[end : end + len(phrase.tail)]) != phrase.tail:
        return None
    return end + len(phrase.tail)


def _lined_up_fold(text: str) -> str | None:
    """``text`` case-folded if it lines up with ``text``, character for character (same length, composed, no
    combining marks), so that the trie and whole phrases can be read in it in place; else None."""
    folded = text.casefold()
    if len(folded) == len(text) and (
        text.isascii() or (_MARK.search(text) is None and unicodedata.is_normalized("NFC", text))
    ):
        return folded
    return None


def _runs_on(text: str, end: int) -> bool:
    """Whether a word (text without combining marks) goes on past ``end``: a letter or digit, or a hyphen and one."""
    following = text[end : end + 2]
    return following[:1].isalnum() or (following[:1] == "-" and following[1:].isalnum())


def _trie(keys: Iterable[str]) -> str:
    """A regular expression matching any of ``keys``, branching once per letter: its cost follows the word, not the count."""
    root: dict = {}
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(root)
