"""Where words stand in a page's text, and on which lines."""

from __future__ import annotations

from kb.places import line_numbers, places


def test_every_place_is_found_overlapping_ones_too() -> None:
    assert places("bone, bones, aaa", "bone") == [0, 6]
    assert places("aaa", "aa") == [0, 1]
    assert places("hip", "knee") == []


def test_a_place_is_on_the_line_it_starts_on_counted_from_the_first_line() -> None:
    text = "one\ntwo\n\nfour"
    lengths = [len(line) + 1 for line in text.split("\n")]
    assert line_numbers([0, 3, 4, 8, 9], lengths) == {1, 2, 3, 4}
    assert line_numbers([4], lengths, first_line=10) == {11}
    assert line_numbers([], lengths) == set()
