"""Numbers carry their source: a sentence that states a result, a risk or a count about people must cite one.

The unit is the paragraph, list item or table row the sentence stands in: one citation there covers it,
as a reader would read it. Instructions ("hold for 5 seconds", "repeat 10 times"), phone numbers and dates
are not results, so the patterns below leave them alone; tests/unit/test_cited_numbers.py has examples of
both kinds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lowercase import lowercased
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
# What every way of stating a result above holds: a digit, "percent" or a number word. Most text holds none,
# and this is searched (in lowercased text: kb.lowercase) several times faster than all of RESULT.
_MAY_STATE_A_RESULT = re.compile(rf"\d|per ?cent|\b(?:{_NUMBER_WORDS}|twice|half)\b")
CITED = re.compile(r"\[@[a-z0-9]")
_FENCE = re.compile(r"^\s*(```|~~~)")
# Lines that are not prose: headings, HTML, snippets, figure and block fences, table rules, link definitions.
_NOT_PROSE = re.compile(r"^\s*(#|<|--8<--|:::|///|\|?\s*:?-{3,}|\[[^\]]+\]:)")
# A list item, a table row or a definition starts a unit of its own.
_NEW_UNIT = re.compile(r"^\s*([-*+]|\d+[.)]|\||:\s)\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")


@dataclass(frozen=True)
class Unit:
    """A paragraph, list item or table row: its text, the line it starts at and how far in it starts."""

    text: str
    line: int
    indent: int = 0
    item: bool = False


def prose_units(body: str, first_line: int = 1) -> list[Unit]:
    """The page's paragraphs, list items and table rows, without code, headings and markup lines."""
    units: list[Unit] = []
    lines: list[str] = []
    start, indent, item, fenced = 0, 0, False, False

    def close() -> None:
        if lines:
            units.append(Unit(" ".join(lines), start, indent, item))
            lines.clear()

    for number, line in enumerate(body.split("\n"), first_line):
        if _FENCE.match(line):
            close()
            fenced = not fenced
            continue
        if fenced or not line.strip() or _NOT_PROSE.match(line):
            close()
            continue
        if _NEW_UNIT.match(line) or not lines:
            close()
            start, indent = number, len(line) - len(line.lstrip())
            item = bool(_NEW_UNIT.match(line)) and not line.lstrip().startswith("|")
        lines.append(line.strip())
    close()
    return units


def uncited_results(body: str, first_line: int = 1) -> list[tuple[int, str]]:
    """Each unit that states a result without a citation: its line and the first such sentence.

    A list item is covered by the citation of the item it is nested in, or of the paragraph that leads into
    the list with a colon ("In that study:"), as a reader reads it.
    """
    found = []
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
        if covered or not _MAY_STATE_A_RESULT.search(lowercased(unit.text)):
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
