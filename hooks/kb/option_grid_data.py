"""The option grid's data (``docs/_data/option-grid.yml``) and its check against the IPDAS criteria.

IPDAS, the International Patient Decision Aid Standards, lists what a decision aid must show to count as
one (qualifying: the condition, the decision, the options, the good and bad points of each, what each is
like) and what it needs to be trusted (certifying: options in equal detail, sources, a date and an update
policy, a word on uncertainty, who pays). Each failure is a ``Problem`` at the line of the data file.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from .citations import LOOKS_LIKE, WELL_FORMED, keys_of
from .claims import claim_problems
from .datafiles import read
from .problems import Problem, shown_value
from .yaml_lines import Loaded

# What each row may cover; IPDAS asks for a description of each option, its positive and negative
# features, and what it is like to live through; "outlook" (what happens next) is extra.
OPTION_GRID = "option-grid.yml"
COVERS = ("description", "benefits", "harms", "experience", "outlook")
REQUIRED_COVERS = {
    "description": "what each option involves",
    "benefits": "the good points (positive features) of each option",
    "harms": "the bad points (negative features) of each option",
    "experience": "what each option is like to live through",
}
# Options count as equal in detail when each column's words are within this share of the columns' mean.
EQUAL_DETAIL = 0.25
# The statements IPDAS asks a decision aid to make about itself, with what each says, in the order checked.
STATEMENTS = {
    "condition": "the health condition the grid is about",
    "decision": "the decision the reader faces",
    "updated": "the day the grid was last updated",
    "next_update": "the day its next update is due",
    "update_policy": "how and when the grid is updated",
    "uncertainty": "how certain the evidence is",
    "funding": "who pays for the grid",
}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CITATION_AND_SPACE = re.compile(rf"\s*{LOOKS_LIKE.pattern}")


def _text(value: str) -> str:
    """One line of reader-facing text: cells are Markdown, so HTML would show as tags or be refused."""
    if "<" in value or ">" in value:
        raise ValueError("holds < or >; write plain words (less than, more than), no HTML")
    return " ".join(value.split())


def _day(value: str) -> str:
    if not _DAY.match(value):
        raise ValueError("is not a day; write it as YYYY-MM-DD")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a real date; write a day that exists, as YYYY-MM-DD") from None
    return value


def _id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError("is not an id; write lower-case words joined by hyphens, such as core-decompression")
    return value


Text = Annotated[str, AfterValidator(_text)]
Day = Annotated[str, AfterValidator(_day)]
Id = Annotated[str, AfterValidator(_id)]


class _Strict(BaseModel):
    """An unknown field is a mistake to report, not to drop."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Strict):
    """One column: an option the reader can choose."""

    id: Id
    name: Text


class Question(_Strict):
    """One row: a question readers ask, what it covers, and one answer (Markdown, cited) per option id."""

    id: Id
    question: Text
    covers: Literal[COVERS]  # type: ignore[valid-type]
    answers: dict[str, Text | None] = Field(default_factory=dict)


class Grid(_Strict):
    """The whole grid. The statements are optional here so that a missing one gets its own IPDAS message."""

    condition: Text | None = None
    decision: Text | None = None
    updated: Day | None = None
    next_update: Day | None = None
    update_policy: Text | None = None
    uncertainty: Text | None = None
    funding: Text | None = None
    options: list[Option] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)

    def answer(self, question: Question, option: Option) -> str:
        """The cell of ``question`` and ``option``; empty when missing."""
        return question.answers.get(option.id) or ""


@dataclass(frozen=True)
class Checked:
    """The grid if it could be read (possibly with problems), and every problem found."""

    grid: Grid | None
    problems: list[Problem]


def words(text: str) -> int:
    """The words a reader reads in a cell: citations, and the full stops they leave alone, are not counted."""
    return sum(any(char.isalnum() for char in token) for token in LOOKS_LIKE.sub(" ", text).split())


def check_grid(path: Path, shown_as: str, known: set[str] | dict[str, Any]) -> Checked:
    """Read the grid at ``path`` and check it; ``known`` holds the bibliography's ids."""
    problems: list[Problem] = []
    loaded = read(path, shown_as, problems, dict)
    if loaded is None:
        return Checked(None, problems)
    try:
        grid = Grid.model_validate(loaded.data)
    except ValidationError as error:
        return Checked(None, problems + _schema_problems(error, loaded, shown_as))
    at = _Lines(loaded, shown_as)
    problems += statement_problems(grid, at)
    problems += shape_problems(grid, at)
    problems += cell_problems(grid, at, known)
    problems += detail_problems(grid, at)
    return Checked(grid, problems)


class _Lines:
    """Problems at the line of a key path in the loaded file."""

    def __init__(self, loaded: Loaded, shown_as: str) -> None:
        self.loaded, self.shown_as = loaded, shown_as

    def problem(self, where: tuple[str | int, ...], message: str, fix: str) -> Problem:
        return Problem(self.shown_as, self.loaded.line_of(where, 1), message, fix)


def _schema_problems(error: ValidationError, loaded: Loaded, shown_as: str) -> list[Problem]:
    """Pydantic's errors in the editor's words, at the line of the field that is wrong."""
    problems = []
    for item in error.errors():
        where = tuple(part for part in item["loc"] if isinstance(part, (str, int)))
        # The line shows where; the field's own name says what ("answers.watch" reads as 'watch').
        field = next((f"'{part}'" for part in reversed(where) if isinstance(part, str)), "the file")
        line = loaded.line_of(where, 1)
        kind, message = item["type"], str(item.get("msg", "")).removeprefix("Value error, ")
        if kind == "missing":
            worded = (f"{field} is missing", f"add {where[-1]}: (the comment at the top of the file lists the fields)")
        elif kind == "extra_forbidden":
            worded = (f"unknown field {field}", "check the spelling against the comment at the top of the file")
        elif kind == "literal_error":
            worded = (f"{field} is {shown_value(item.get('input'))}", f"use one of {', '.join(COVERS)}")
        elif ";" in message:
            what, fix = message.split(";", 1)
            worded = (f"{field} {what}", fix.strip())
        else:
            worded = (f"{field} is {shown_value(item.get('input'))}", message.replace("Input should be", "write"))
        problems.append(Problem(shown_as, line, *worded))
    return problems


def statement_problems(grid: Grid, at: _Lines) -> list[Problem]:
    """IPDAS asks the grid to state the condition, the decision, its dates, uncertainty and funding."""
    problems = [
        at.problem((), f"the grid does not state {what} ('{name}')", f"add '{name}:' with one or two plain sentences")
        for name, what in STATEMENTS.items()
        if not getattr(grid, name)
    ]
    if grid.uncertainty:
        problems += _claims(grid.uncertainty, at, ("uncertainty",))
    if grid.updated and grid.next_update and grid.next_update <= grid.updated:
        problems.append(
            at.problem(("next_update",), "next_update is not after updated", "set the next update after the last one")
        )
    return problems


def shape_problems(grid: Grid, at: _Lines) -> list[Problem]:
    """At least two options and the rows IPDAS needs; no id used twice."""
    problems = []
    if len(grid.options) < 2:
        problems.append(
            at.problem(("options",), "the grid needs at least two options", "list each option under options:")
        )
    for kind, name, ids in (
        ("option", "options", [option.id for option in grid.options]),
        ("question", "questions", [question.id for question in grid.questions]),
    ):
        for index, item_id in enumerate(ids):
            if item_id in ids[:index]:
                problems.append(
                    at.problem((name, index, "id"), f"the {kind} id '{item_id}' is used twice", "rename one")
                )
    covered = {question.covers for question in grid.questions}
    problems += [
        at.problem(("questions",), f"no row shows {what}", f"add a question with 'covers: {covers}'")
        for covers, what in REQUIRED_COVERS.items()
        if covers not in covered
    ]
    return problems


def cell_problems(grid: Grid, at: _Lines, known: set[str] | dict[str, Any]) -> list[Problem]:
    """A cited answer for every option in every row, and no answer for an option the grid does not list."""
    problems = []
    ids = [option.id for option in grid.options]
    for row, question in enumerate(grid.questions):
        where = ("questions", row, "answers")
        for key in question.answers:
            if key not in ids:
                problems.append(
                    at.problem((*where, key), f"'{key}' is not one of the options", f"use one of {', '.join(ids)}")
                )
        for option in grid.options:
            cell = grid.answer(question, option)
            named = f"'{question.question}' has no answer for '{option.name}'"
            if not cell.strip():
                problems.append(at.problem((*where, option.id), named, f"write it under answers: as '{option.id}:'"))
                continue
            problems += _claims(cell, at, (*where, option.id))
            problems += _citation_problems(
                cell, at, (*where, option.id), f"'{question.question}' for '{option.name}'", known
            )
    return problems


def _claims(cell: str, at: _Lines, where: tuple[str | int, ...]) -> list[Problem]:
    """The site's check of unsupported treatment claims, on the cell's words (a source's id is not a word)."""
    words_only = _CITATION_AND_SPACE.sub("", cell)
    return [at.problem(where, found.message, found.fix) for found in claim_problems(words_only, "")]


def _citation_problems(
    cell: str, at: _Lines, where: tuple[str | int, ...], named: str, known: set[str] | dict[str, Any]
) -> list[Problem]:
    """Each cell cites at least one source, every citation well formed and in the bibliography."""
    found = LOOKS_LIKE.findall(cell)
    problems = [
        at.problem(where, f"the citation {text} is not written as the site cites", "write [@id], or [@id-one; @id-two]")
        for text in found
        if not WELL_FORMED.fullmatch(text)
    ]
    cited = [key for text in found if WELL_FORMED.fullmatch(text) for key in keys_of(text)]
    problems += [
        at.problem(where, f"[@{key}] is not in docs/_data/bibliography.yml", "check the id there, or add the entry")
        for key in cited
        if key not in known
    ]
    if not found:
        problems.append(
            at.problem(where, f"the answer to {named} cites no source", "add [@id] after the words it supports")
        )
    return problems


def column_words(grid: Grid) -> dict[str, int]:
    """Each option's words over all its cells, citations left out."""
    return {option.id: sum(words(grid.answer(q, option)) for q in grid.questions) for option in grid.options}


def detail_problems(grid: Grid, at: _Lines) -> list[Problem]:
    """IPDAS asks for options in equal detail: each column within 25% of the mean of the columns' words."""
    counts = column_words(grid)
    if len(counts) < 2 or not any(counts.values()):
        return []
    mean = sum(counts.values()) / len(counts)
    low, high = mean * (1 - EQUAL_DETAIL), mean * (1 + EQUAL_DETAIL)
    problems = []
    for index, option in enumerate(grid.options):
        count = counts[option.id]
        if low <= count <= high:
            continue
        more = "more" if count > mean else "fewer"
        problems.append(
            at.problem(
                ("options", index),
                f"'{option.name}' has {count} words, {abs(count - mean) / mean:.0%} {more} than the options' mean of "
                f"{mean:.0f}; options must be in equal detail (within 25%)",
                f"write {math.ceil(low)} to {math.floor(high)} words across its answers, or even out the others",
            )
        )
    return problems
