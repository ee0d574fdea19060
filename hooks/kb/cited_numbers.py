"""Numbers carry their source: a sentence that states a result, a risk or a count about people must cite one.

The unit is the paragraph, list item or table row the sentence stands in: one citation there covers it,
as a reader would read it. Instructions ("hold for 5 seconds", "repeat 10 times"), phone numbers and dates
are not results, so the patterns below leave them alone; tests/unit/test_cited_numbers.py has examples of
both kinds.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .lowercase import lowercased
from .places import line_numbers, places
from .problems import Problem

_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten"
_SMALL = rf"(?:\d[\d,.]*|{_NUMBER_WORDS})"
_PEOPLE = (
    r"people|persons?|patients|adults|children|kids|men|women|hips|joints|knees|shoulders|bones|cases|"
    r"participants|volunteers|studies|trials|sessions|treatments|operations|surgeries|families"
)
# Each pattern is one way of stating a result, a risk or a count about people.
RESULT = re.compile(
    "|".join(
        (
            r"\d\s?%|\bper ?cent\b",  # 30%, 30 percent
            rf"\b{_SMALL}\s+(?:in|out of)\s+(?:every\s+)?{_SMALL}\b",  # 3 in 10, one out of every five
            rf"\b{_SMALL}\s+times\s+(?:as|more|less|higher|lower|the)\b|\btwice\s+as\b|\bhalf\s+as\b|\d-fold\b",
            rf"\b\d[\d,]*\s+(?:[a-z-]+\s+){{0,2}}(?:{_PEOPLE})\b",  # 73 people, 1,497 adult participants
        )
    ),
    re.IGNORECASE,
)
# What every way of stating a result above holds: a digit, "percent" or a number word. They are searched once in
# the whole page (lowercased: kb.lowercase), several times faster than all of RESULT in each paragraph; a
# paragraph with none on any of its lines is passed over ("per" and "cent" may sit on two of its lines).
_DIGIT_TO_LINE_END = re.compile(r"\d[^\n]*")  # The first digit of a line is enough: it ends that line's search.
_PER_CENT = re.compile(r"per\s*cent")
_NUMBER_WORD_LIST = (*_NUMBER_WORDS.split("|"), "twice", "half")
CITED = re.compile(r"\[@[a-z0-9]")
_FENCE = re.compile(r"^\s*(```|~~~)")
# Lines that are not prose: headings, HTML, snippets, figure and block fences, table rules, link definitions.
_NOT_PROSE = re.compile(r"^\s*(#|<|--8<--|:::|///|\|?\s*:?-{3,}|\[[^\]]+\]:)")
# A list item, a table row or a definition starts a unit of its own.
_NEW_UNIT = re.compile(r"^\s*([-*+]|\d+[.)]|\||:\s)\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")


class Unit(NamedTuple):
    """A paragraph, list item or table row: its text, the line it starts at, how far in it starts, its lines."""

    text: str
    line: int
    indent: int = 0
    item: bool = False
    lines: int = 1


def prose_units(body: str, first_line: int = 1) -> list[Unit]:
    """The page's paragraphs, list items and table rows, without code, headings and markup lines."""
    units: list[Unit] = []
    lines: list[str] = []
    start, indent, item, fenced = 0, 0, False, False

    def close() -> None:
        if lines:
            units.append(Unit(" ".join(lines), start, indent, item, len(lines)))
            lines.clear()

    for number, line in enumerate(body.split("\n"), first_line):
        if not fenced and line[:1].isalpha():  # Most lines: prose, which none of the patterns below can match.
            if not lines:
                start, indent, item = number, 0, False
            lines.append(line.rstrip())
            continue
        stripped = line.strip()
        if stripped and _FENCE.match(line):
            fenced = not fenced
        elif stripped and not fenced and not _NOT_PROSE.match(line):
            new_unit = _NEW_UNIT.match(line)
            if new_unit or not lines:
                close()
                start, indent = number, len(line) - len(line.lstrip())
                item = bool(new_unit) and not stripped.startswith("|")
            lines.append(stripped)
            continue
        if lines:  # A fence, a blank line, code or a line that is not prose ends the unit.
            close()
    close()
    return units


def lines_that_may_state_a_result(body: str, first_line: int = 1) -> set[int]:
    """The numbers of the lines where a way of stating a result may start: a unit on none of them states none.

    Each number word is found with ``str.find`` and its ends checked as ``\\b`` would: one expression for all
    of them would try a word boundary at every position of the page.
    """
    lowered = lowercased(body)
    starts = [match.start() for pattern in (_DIGIT_TO_LINE_END, _PER_CENT) for match in pattern.finditer(lowered)]
    starts += (
        at
        for word in _NUMBER_WORD_LIST
        for at in places(lowered, word)
        if not (at and _is_word_character(lowered[at - 1]))
        and not (at + len(word) < len(lowered) and _is_word_character(lowered[at + len(word)]))
    )
    # Lines as prose_units numbers them: split at "\n" alone.
    return line_numbers(starts, (len(line) + 1 for line in lowered.split("\n")), first_line)


def _is_word_character(character: str) -> bool:
    """What ``\\w`` matches in text: a letter or digit of any script, or "_"."""
    return character.isalnum() or character == "_"


def uncited_results(body: str, first_line: int = 1) -> list[tuple[int, str]]:
    """Each unit that states a result without a citation: its line and the first such sentence.

    A list item is covered by the citation of the item it is nested in, or of the paragraph that leads into
    the list with a colon ("In that study:"), as a reader reads it.
    """
    found = []
    may_state = lines_that_may_state_a_result(body, first_line)
    lead_in_cited = False
    parents: list[tuple[int, bool]] = []  # (indent, covered) of the list items above the current one
    for unit in prose_units(body, first_line):
        covered = bool(CITED.search(unit.text))
        if unit.item:
            while parents and parents[-1][0] >= unit.indent:
                parents.pop()
            covered = covered or (parents[-1][1] if parents else lead_in_cited)
            parents.append((unit.indent, covered))
        else:
            parents.clear()
            lead_in_cited = covered and unit.text.rstrip().endswith(":")
        if covered or may_state.isdisjoint(range(unit.line, unit.line + unit.lines)):
            continue
        text = re.sub(r"`[^`]*`", "", _NEW_UNIT.sub("", unit.text, count=1))
        for sentence in _SENTENCE_END.split(text):
            if RESULT.search(sentence):
                found.append((unit.line, sentence.strip()))
                break
    return found


def uncited_result_problems(body: str, first_line: int, shown_as: str) -> list[Problem]:
    """One problem per paragraph, list item or table row that states a result and cites nothing."""
    return [
        Problem(
            shown_as,
            line,
            f"'{_short(sentence)}' states a result, a risk or a count with no source",
            "cite the source in that sentence or its paragraph, like [@lai-2005], or remove the figure",
        )
        for line, sentence in uncited_results(body, first_line)
    ]


def _short(sentence: str, length: int = 70) -> str:
    """The start of a sentence, short enough for one line of a message."""
    return sentence if len(sentence) <= length else sentence[: length - 3].rstrip() + "..."
