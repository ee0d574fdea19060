"""Lowercase text for patterns written in lowercase ASCII, exactly as Python's case-blind matching reads it.

Searching lowercased text with a case-sensitive pattern is several times faster than a case-blind search,
and the checks search every sentence of every page. ``str.lower`` alone is not quite the same: three
letters match an ASCII letter in a case-blind search but do not lowercase to it.
"""

from __future__ import annotations

# Dotted capital I, dotless small i and long s; the Kelvin sign lowercases to "k" by itself.
_FOLDS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))


def lowercased(text: str) -> str:
    """``text`` in lowercase, with each letter a case-blind search takes for an ASCII letter made that letter."""
    if not text.isascii():
        for letter, ascii_letter in _FOLDS:
            if letter in text:
                text = text.replace(letter, ascii_letter)
    return text.lower()
