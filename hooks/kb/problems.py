"""One problem found in a file, worded for an editor: where, what is wrong, how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


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
        text = f"{self.message}; {self.fix}".replace("%", "%25").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line}::{text}"
