"""The figure and icon-array syntax, read from a page's Markdown, and the site check of figures and their licences.

A figure, and an icon array (each indented line one sentence with one frequency; one total within a block)::

    ::: figure hip-joint.svg
        caption: The hip joint seen from the front.
        alt: A drawing of the ball at the top of the thigh bone sitting in the cup-shaped socket.

    ::: icons Collapsed within 5 years
        - Type B: about 8 in 100 hips collapsed.
        - Type C1: about 37 in 100 hips collapsed.

The build renders both with ``kb.figure_markdown``; this module finds the same blocks in the raw file, so
each problem names its line. A plain parser, not pymdownx.blocks: the check needs the source line of every
field, and Blocks shows a block with bad options as plain text instead of failing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, ValidationInfo
from pydantic_core import ErrorDetails

from .datafiles import read
from .icon_array import read_frequency
from .problems import Problem
from .schema_problems import Found, found, schema_problems, unknown_field
from .schema_problems import Path as KeyPath
from .yaml_lines import Loaded

FIGURES_DATA = "figures.yml"
FIGURES_DIR = "assets/figures"
HEADER = re.compile(r"^(?P<indent>(?: {4})*)::: (?P<kind>figure|icons)\b[ \t]*(?P<arg>.*?)[ \t]*$")
FIELDS = ("caption", "alt", "size")
SIZES = ("small", "wide")  # Small: a thumbnail; wide: a labelled diagram that scrolls sideways on a phone.
# Open licences that can be shared under the site's CC BY-SA 4.0 (SPDX identifiers).
LICENCES = ("CC-BY-SA-4.0", "CC-BY-4.0", "CC0-1.0")
# What an inlined figure or icon array may hold, for kb.active_content's allow-list: drawing elements and
# presentation attributes only; no script, link, <use>, <image>, <foreignObject> or event handler.
SVG_TAGS = frozenset({"svg", "g", "path", "circle", "text", "title", "desc"})
SVG_ATTRIBUTES = frozenset(
    {"viewBox", "viewbox", "width", "height", "d", "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
     "stroke-dasharray", "transform", "cx", "cy", "r", "x", "y", "text-anchor", "font-size", "focusable"}
)  # fmt: skip
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_FIELD = re.compile(r"^(?P<name>[a-z_]+):[ \t]*(?P<value>.*)$")


@dataclass
class Block:
    """One ``::: figure`` or ``::: icons`` block: its fields or items with their line numbers (1-based)."""

    kind: str
    line: int
    arg: str
    fields: dict[str, tuple[str, int]] = field(default_factory=dict)
    items: list[tuple[str, int]] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)


def parse_block(lines: list[str], first_line: int = 1) -> tuple[Block, int]:
    """The block whose header is ``lines[0]``, and how many lines it takes."""
    header = HEADER.match(lines[0])
    assert header is not None
    block = Block(header["kind"], first_line, header["arg"])
    body = len(header["indent"]) + 4
    used = 1
    for offset, text in enumerate(lines[1:], start=1):
        if not text.strip() or not text.startswith(" " * body):
            break
        used += 1
        content, line = text[body:], first_line + offset
        if content.startswith(" "):  # A continuation of the field or item above.
            _continue(block, content.strip(), line)
        elif block.kind == "icons":
            if content.startswith("- "):
                block.items.append((content[2:].strip(), line))
            else:
                block.errors.append(
                    (line, "each line of an icon array starts with '- '", "write '- ' then the sentence")
                )
        else:
            _field(block, content, line)
    return block, used


def _field(block: Block, content: str, line: int) -> None:
    found = _FIELD.match(content)
    if not found or found["name"] not in FIELDS:
        name = found["name"] if found else content.split(":")[0][:30]
        block.errors.append((line, f"unknown figure field '{name}'", "use caption:, alt: or size: (small or wide)"))
    elif found["name"] in block.fields:
        block.errors.append((line, f"'{found['name']}' appears twice", "keep one of them"))
    else:
        block.fields[found["name"]] = (found["value"].strip(), line)


def _continue(block: Block, text: str, line: int) -> None:
    if block.kind == "icons" and block.items:
        value, at = block.items[-1]
        block.items[-1] = (f"{value} {text}", at)
    elif block.kind == "figure" and block.fields:
        name = list(block.fields)[-1]
        value, at = block.fields[name]
        block.fields[name] = (f"{value} {text}".strip(), at)
    else:
        block.errors.append((line, "an indented line with nothing above it to continue", "start with a field or '- '"))


def page_blocks(raw: str) -> list[Block]:
    """Every figure and icon block in a page's Markdown, outside code fences, with its problems of syntax."""
    if "::: " not in raw:
        return []  # Most pages: no line can open a block.
    lines = raw.splitlines()
    blocks, fence, index = [], "", 0
    while index < len(lines):
        text = lines[index]
        opened = _FENCE.match(text)
        if opened and (not fence or opened[1].startswith(fence)):
            fence = "" if fence else opened[1]
        if fence or not HEADER.match(text):
            index += 1
            continue
        block, used = parse_block(lines[index:], index + 1)
        if index and lines[index - 1].strip():
            block.errors.append(
                (index + 1, f"'::: {block.kind}' must follow a blank line", "add an empty line above it")
            )
        blocks.append(block)
        index += used
    return blocks


def block_problems(block: Block, shown_as: str, files: set[str]) -> list[Problem]:
    """What is wrong with one block, given the figure files that exist."""
    problems = [Problem(shown_as, line, message, fix) for line, message, fix in block.errors]
    if block.kind == "figure":
        problems += _figure_problems(block, shown_as, files)
    else:
        problems += _icon_problems(block, shown_as)
    return problems


def _figure_problems(block: Block, shown_as: str, files: set[str]) -> list[Problem]:
    problems = []
    if not block.arg:
        problems.append(
            Problem(shown_as, block.line, "the figure names no file", "write the file name after '::: figure '")
        )
    elif block.arg not in files:
        problems.append(
            Problem(
                shown_as,
                block.line,
                f"figure file '{block.arg}' not found in docs/{FIGURES_DIR}",
                "check the spelling or add the SVG file and its entry in docs/_data/figures.yml",
            )
        )
    if not block.fields.get("caption", ("", 0))[0]:
        problems.append(
            Problem(
                shown_as,
                block.line,
                "the figure has no caption",
                "add a line '    caption: ' with one sentence readers see under it",
            )
        )
    if not block.fields.get("alt", ("", 0))[0]:
        problems.append(
            Problem(
                shown_as,
                block.line,
                "the figure has no text alternative",
                "add a line '    alt: ' that says in plain words what the picture shows, for a reader who cannot see it",
            )
        )
    size = block.fields.get("size")
    if size and size[0] not in SIZES:
        problems.append(
            Problem(
                shown_as,
                size[1],
                f"unknown size '{size[0]}'",
                "write 'size: small', 'size: wide' or leave the line out",
            )
        )
    return problems


def _icon_problems(block: Block, shown_as: str) -> list[Problem]:
    if not block.items:
        return [
            Problem(
                shown_as, block.line, "the icon array has no sentence", "add a line '    - About 8 in 100 ...' under it"
            )
        ]
    problems, totals = [], set()
    for text, line in block.items:
        frequency, wrong = read_frequency(text)
        if wrong:
            problems.append(
                Problem(shown_as, line, wrong, "write one frequency in whole numbers out of 10, 100 or 1,000")
            )
        elif frequency is not None:
            totals.add(frequency.total)
    if len(totals) > 1:
        problems.append(
            Problem(
                shown_as,
                block.line,
                f"the sentences compared here use different totals ({', '.join(map(str, sorted(totals)))})",
                "use one total in a comparison, for example all 'in 100'",
            )
        )
    return problems


def figure_problems(docs_dir: Path, shown_dir: str, pages: Mapping[str, str]) -> list[Problem]:
    """Every problem with the figures of a site: blocks on ``pages`` (texts by path), files, licences, unused files."""
    folder = docs_dir / FIGURES_DIR
    files = {path.name for path in folder.glob("*.svg")} if folder.is_dir() else set()
    problems, used = [], set()
    for src_uri, raw in pages.items():
        shown_as = f"{shown_dir}/{src_uri}"
        for block in page_blocks(raw):
            problems += block_problems(block, shown_as, files)
            used.add(block.arg)
    return problems + _data_problems(docs_dir, shown_dir, files, used)


def _licence(value: object, info: ValidationInfo) -> object:
    if value not in LICENCES:
        raise found(_no_licence(value, info.context))
    return value


def _no_licence(value: object, name: object) -> tuple[str, str]:
    return (
        f"unknown licence {value!r} for '{name}'",
        f"use one that can be shared under CC BY-SA 4.0: {', '.join(LICENCES)}",
    )


def _source(value: object, info: ValidationInfo) -> str:
    if not str(value or "").strip():
        raise found(Found(*_no_source(info.context), ()))
    return str(value)


def _no_source(name: object) -> tuple[str, str]:
    return f"'{name}' has no source", "write who made it and where it comes from, e.g. 'drawn for this site'"


class FigureRecord(BaseModel):
    """The licence record of one figure file in docs/_data/figures.yml; the context is the file's name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    licence: Annotated[Literal[LICENCES], BeforeValidator(_licence)] = Field(  # type: ignore[valid-type]
        description="Its licence as an SPDX id, one that can be shared under CC BY-SA 4.0."
    )
    source: Annotated[str, BeforeValidator(_source)] = Field(
        description="Who made it and where it comes from, e.g. `drawn for this site`."
    )
    made_by: str | None = Field(default=None, description="The code that draws it, e.g. `hooks/kb/pose_data.py`.")
    url: str | None = Field(default=None, description="Where it was found, for a figure from elsewhere.")
    notes: str | None = Field(default=None, description="Anything else an editor should know about it.")


def _record_problems(name: str, entry: object, loaded: Loaded, shown_as: str) -> list[Problem]:
    """What is wrong with the licence record of the figure file ``name``."""
    line = loaded.line_of((name,), 1)
    if not isinstance(entry, dict):
        return [
            Problem(shown_as, line, f"'{name}' needs its licence and source", "give it 'licence:' and 'source:' lines")
        ]

    def words(kind: str, where: KeyPath, item: ErrorDetails) -> tuple[str, str]:
        if kind == "extra_forbidden":
            return unknown_field(FigureRecord, where)
        return _no_licence(None, name) if where == ("licence",) else _no_source(name)

    try:
        FigureRecord.model_validate(entry, context=name)
    except ValidationError as error:
        return schema_problems(error, loaded, shown_as, words, base=(name,), default=line)
    return []


def _data_problems(docs_dir: Path, shown_dir: str, files: set[str], used: set[str]) -> list[Problem]:
    """The licence record of each figure file, and files no page uses."""
    path = docs_dir / "_data" / FIGURES_DATA
    shown_data = f"{shown_dir}/_data/{FIGURES_DATA}"
    if not files and not path.exists():
        return []
    problems: list[Problem] = []
    loaded = read(path, shown_data, problems, dict) or Loaded({})
    entries = loaded.data
    for name in sorted(files - set(entries)):
        problems.append(
            Problem(
                f"{shown_dir}/{FIGURES_DIR}/{name}",
                1,
                f"no licence is recorded for '{name}'",
                f"add '{name}:' with its licence and source to {shown_data}",
            )
        )
    for name, entry in entries.items():
        line = loaded.line_of((name,), 1)
        if name not in files:
            problems.append(
                Problem(shown_data, line, f"'{name}' is not in docs/{FIGURES_DIR}", "add the file or remove this entry")
            )
            continue
        problems += _record_problems(name, entry, loaded, shown_data)
        if isinstance(entry, dict) and name not in used:
            problems.append(
                Problem(
                    shown_data,
                    line,
                    f"figure '{name}' is used by no page",
                    f"place it on a page with '::: figure {name}', or delete the file and this entry",
                )
            )
    return problems
