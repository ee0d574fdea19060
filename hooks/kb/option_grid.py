"""A Python-Markdown extension that renders a ``::: option-grid`` line as the site's option grid.

Use it under ``markdown_extensions:`` with no hooks::

    - kb.option_grid:
        data_file: docs/_data/option-grid.yml
        bibliography: docs/_data/bibliography.yml

The grid is a table: the options are columns, the questions rows, and each cell stays Markdown inline
text, so ``[@key]`` citations become the page's numbered sources. A grid with problems is left out here;
``kb.pages`` reports each one as ``file:line: what; fix`` (for the build and ``kb.check`` alike), as it
does for the figure blocks.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree  # noqa: N813 (the name Python-Markdown uses)
from datetime import date
from pathlib import Path

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

from .bibliography import load_bibliography
from .option_grid_data import Grid, check_grid

HEADER = re.compile(r"^::: option-grid[ \t]*$")


class OptionGridProcessor(BlockProcessor):
    """Turn the ``::: option-grid`` line into the grid; the lines after it go back to the parser."""

    def __init__(self, parser: BlockParser, data_file: str, bibliography: str) -> None:
        super().__init__(parser)
        self.data_file, self.bibliography = data_file, bibliography

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.startswith("::: option-grid") and bool(HEADER.match(block.split("\n", 1)[0]))

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        rest = blocks.pop(0).split("\n", 1)[1:]
        if rest:
            blocks.insert(0, rest[0])
        _, known, _ = load_bibliography(Path(self.bibliography), self.bibliography)
        checked = check_grid(Path(self.data_file), self.data_file, known)
        # Nothing half-built: a grid with problems is left out (kb.pages reports them and fails the build).
        if checked.grid is not None and not checked.problems:
            render(parent, checked.grid)


def render(parent: etree.Element, grid: Grid) -> etree.Element:
    """The grid under ``parent``: what it is about, the table, then its uncertainty, dates and funding."""
    box = etree.SubElement(parent, "div", {"class": "kb-grid"})
    # The caption names the table for screen readers and for the reader who lands on it from search.
    table = etree.SubElement(box, "table", {"class": "kb-grid__table"})
    caption = etree.SubElement(table, "caption")
    etree.SubElement(caption, "strong").text = grid.decision
    etree.SubElement(caption, "span", {"class": "kb-grid__condition"}).text = grid.condition
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    etree.SubElement(head, "th", {"scope": "col"}).text = "Your question"
    for option in grid.options:
        etree.SubElement(head, "th", {"scope": "col"}).text = option.name
    body = etree.SubElement(table, "tbody")
    for question in grid.questions:
        row = etree.SubElement(body, "tr")
        etree.SubElement(row, "th", {"scope": "row"}).text = question.question
        for option in grid.options:
            # On a phone each row becomes a card, and the label says which option a cell answers for.
            etree.SubElement(row, "td", {"data-label": option.name}).text = grid.answer(question, option)
    notes = etree.SubElement(box, "div", {"class": "kb-grid__notes"})
    _note(notes, "How sure is this?", f" {grid.uncertainty}")
    dates = _note(notes, "When was this updated?", " ")
    _day(dates, grid.updated, ". The next update is due by ")
    _day(dates, grid.next_update, f". {grid.update_policy}")
    _note(notes, "Who pays for this?", f" {grid.funding}")
    return box


def _note(parent: etree.Element, label: str, text: str) -> etree.Element:
    """A paragraph of the notes under the grid: its bold label, then ``text``."""
    paragraph = etree.SubElement(parent, "p")
    strong = etree.SubElement(paragraph, "strong")
    strong.text, strong.tail = label, text
    return paragraph


def _day(paragraph: etree.Element, day: str | None, tail: str) -> None:
    """A day as readers write it ("6 December 2026"), machine-readable in ``datetime``, then ``tail``."""
    value = date.fromisoformat(day or "")
    time = etree.SubElement(paragraph, "time", {"datetime": value.isoformat()})
    time.text, time.tail = f"{value.day} {value:%B %Y}", tail


class OptionGridExtension(Extension):
    """Register the option grid block processor."""

    def __init__(self, **kwargs: object) -> None:
        self.config = {
            "data_file": ["docs/_data/option-grid.yml", "The grid's data, relative to the folder you build from"],
            "bibliography": ["docs/_data/bibliography.yml", "The bibliography whose ids the grid's cells cite"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        processor = OptionGridProcessor(md.parser, self.getConfig("data_file"), self.getConfig("bibliography"))
        # Before paragraphs (10), after indented code (80), beside the figure blocks (75): a block of its own.
        md.parser.blockprocessors.register(processor, "kb_option_grid", 74)


def makeExtension(**kwargs: object) -> OptionGridExtension:  # noqa: N802 (the name Python-Markdown looks for)
    """The entry point ``markdown_extensions: [kb.option_grid]`` uses."""
    return OptionGridExtension(**kwargs)
