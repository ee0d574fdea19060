"""One problem found in a file, worded for an editor: where, what is wrong, how to fix it."""

from __future__ import annotations

import logging
import os
import re
import sys
from dataclasses import dataclass

_SHOWN = re.compile(r"^(?P<path>[^\s:][^:\n]*):(?P<line>\d+): (?P<text>.+)$", re.DOTALL)


@dataclass(frozen=True, order=True)
class Problem:
    """A problem at ``path:line``; ``path`` is as the editor sees it (``docs/x.md``)."""

    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}; {self.fix}"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command, shown on the diff."""
        return annotation(str(self))


def shown_value(value: object) -> str:
    """A YAML value as an editor wrote it, never as Python prints it (no None, True or [...])."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of fields"
    return "a value of another kind"


def _escape(text: str) -> str:
    """GitHub's escaping for the text of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def annotation(text: str) -> str:
    """A logged message as a GitHub Actions error: on its file and line when it starts with ``path:line:``."""
    shown = _SHOWN.match(text)
    if shown is None:
        return f"::error::{_escape(text)}"
    path = shown["path"].replace(",", "%2C").replace(":", "%3A")
    return f"::error file={path},line={shown['line']}::{_escape(shown['text'])}"


class GitHubAnnotations(logging.Handler):
    """In GitHub Actions, print every warning of the build as an error annotation, on its file and line."""

    NAME = "kb-annotate"

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.name = self.NAME  # MkDocs loads a hook afresh for each build: the handler is found by its name.

    def emit(self, record: logging.LogRecord) -> None:
        if os.environ.get("GITHUB_ACTIONS") != "true":
            return
        text = record.getMessage()
        if record.name.startswith("mkdocs.plugins."):
            text = text.split(": ", 1)[-1]  # A hook's logger puts its own name in front of the message.
        print(annotation(text), file=sys.stdout, flush=True)


def annotate_warnings(logger: logging.Logger) -> None:
    """Add the annotation handler to ``logger`` once, however many builds run in this process."""
    if not any(handler.name == GitHubAnnotations.NAME for handler in logger.handlers):
        logger.addHandler(GitHubAnnotations())
