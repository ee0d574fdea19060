"""Find the YAML front matter of a Markdown file the way an editor wrote it.

MkDocs hides broken front matter: invalid YAML is rendered as page text and a
first line such as ``Note: ...`` without ``---`` fences vanishes into metadata.
So the raw file is read again here and both cases become problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_METADATA_LINE = re.compile(r"^[A-Za-z][\w-]*:(\s|$)")


@dataclass(frozen=True)
class FrontMatter:
    """The YAML text between the fences and the file line its first line is on."""

    yaml_text: str
    first_line: int
    body_first_line: int
    body_text: str = ""


class MissingFrontMatterError(Exception):
    """No usable front matter; ``message`` and ``fix`` say why and what to do."""

    def __init__(self, line: int, message: str, fix: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.fix = fix


def normalise(raw: str) -> str:
    """Drop a byte-order mark and turn CRLF or CR line endings into LF."""
    return raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> FrontMatter:
    """Return the front matter of normalised ``text`` or raise MissingFrontMatterError."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        if lines and _METADATA_LINE.match(lines[0]):
            raise MissingFrontMatterError(
                1,
                f"the first line '{lines[0][:40]}' has no --- fences, so MkDocs would silently hide it as metadata",
                "put the front matter between two lines of three dashes (---), as in CONTRIBUTING.md",
            )
        raise MissingFrontMatterError(
            1,
            "the page has no front matter",
            "start the file with a --- line, the title, description and medical "
            "fields (see CONTRIBUTING.md), and another --- line",
        )
    for index, line in enumerate(lines[1:], start=1):
        if _CLOSE.match(line):
            return FrontMatter("\n".join(lines[1:index]), 2, index + 2, "\n".join(lines[index + 1 :]))
    raise MissingFrontMatterError(
        1,
        "the front matter is never closed",
        "add a line of three dashes (---) after the last front matter field",
    )
