"""Where words stand in a page's text: every place, and the numbers of the lines those places are on.

Plain ``str.find``, where one case-blind or many-word regular expression would try every position of the page.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate


def places(text: str, word: str) -> list[int]:
    """Where ``word`` starts in ``text``, each place."""
    found, at = [], text.find(word)
    while at != -1:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def line_numbers(positions: Iterable[int], line_lengths: Iterable[int], first_line: int = 1) -> set[int]:
    """The numbers of the lines ``positions`` fall on, for lines ``line_lengths`` long (each with its line break)."""
    starts = list(accumulate(line_lengths, initial=0))
    return {first_line - 1 + bisect_right(starts, at) for at in positions}
