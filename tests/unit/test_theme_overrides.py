"""Copies of Material's templates in overrides/ still match the Material that is installed.

A copied template hides every later change Material makes to it. Each copy names the file it
came from and that file's sha256; when Material's file changes, this fails so the copy is redone.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from tests.sitebuild import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
COPIED = re.compile(r"Copied from Material \S+ (\S+) \(sha256 ([0-9a-f]{64})\)")
COPIES = sorted(
    (path, match)
    for path in (ROOT / "overrides").rglob("*.html")
    if (match := COPIED.search(path.read_text(encoding="utf-8")))
)


def test_copies_are_found() -> None:
    names = {match.group(1) for _, match in COPIES}
    assert {"base.html", "partials/nav-item.html", "partials/toc.html", "partials/nav.html"} <= names


@pytest.mark.parametrize(("path", "match"), COPIES, ids=[path.relative_to(ROOT).as_posix() for path, _ in COPIES])
def test_copy_matches_installed_material(path: Path, match: re.Match[str]) -> None:
    upstream, digest = match.groups()
    shown = path.relative_to(ROOT).as_posix()
    assert path.relative_to(ROOT / "overrides").as_posix() == upstream, f"{shown}: names {upstream}, a different file"
    actual = hashlib.sha256((MATERIAL / upstream).read_bytes()).hexdigest()
    assert actual == digest, (
        f"{shown}:2: Material's {upstream} has changed since it was copied; "
        f"copy it again from {MATERIAL / upstream}, redo the change described at the top, and put in sha256 {actual}"
    )
