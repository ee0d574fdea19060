"""Which folders hold medical pages, declared once, so a page cannot switch its own medical checks off.

A page's front matter says what it is; the folder it sits in says what it must be. A
page under one of these folders that says ``medical: false``, or declares a disclaimer
that does not fit the folder, fails, so the disclaimer, review status and sources stay.
"""

from __future__ import annotations

from collections.abc import Collection

from .contract import PageRecord
from .problems import Problem
from .yaml_lines import Loaded

# Folder under docs/ -> the disclaimer kinds a page there may declare (docs/_data/disclaimers.yml).
# 'urgent' fits everywhere: any page may lead with the emergency wording.
MEDICAL_FOLDERS: dict[str, frozenset[str]] = {
    "about-avn": frozenset({"general", "urgent"}),
    "treatment": frozenset({"general", "treatments", "medicines", "exercise", "urgent"}),
    "physical-therapy": frozenset({"exercise", "urgent"}),
    "living": frozenset({"general", "exercise", "medicines", "urgent"}),
}


def medical_folder(src_uri: str) -> str | None:
    """The medical folder ``src_uri`` (a path under docs/) lies in, at any depth, or None."""
    top = src_uri.split("/", 1)[0] if "/" in src_uri else None
    return top if top in MEDICAL_FOLDERS else None


def folder_problems(
    src_uri: str, shown_as: str, loaded: Loaded, record: PageRecord | None, known: Collection[str]
) -> list[Problem]:
    """A page in a medical folder must be medical, with a disclaimer (one of the ``known`` kinds) that fits it."""
    folder = medical_folder(src_uri)
    meta = loaded.data
    if folder is None or not isinstance(meta, dict) or "medical" not in meta:
        return []  # Not in a medical folder, or the contract has already said what is missing.
    line = loaded.line_of(("medical",), 1)
    if not isinstance(meta["medical"], dict):
        if record is None:
            return []  # The contract reported the value already.
        return [
            Problem(
                shown_as,
                line,
                f"a page in {folder}/ is a medical page, but this one says it is not",
                "write a medical: block with disclaimer, review and sources (see CONTRIBUTING.md),"
                " or move the page out of the medical folders",
            )
        ]
    disclaimer = meta["medical"].get("disclaimer")
    allowed = MEDICAL_FOLDERS[folder]
    if disclaimer in known and disclaimer not in allowed:  # An unknown kind is the contract's to report.
        return [
            Problem(
                shown_as,
                loaded.line_of(("medical", "disclaimer"), line),
                f"the disclaimer '{disclaimer}' does not fit a page in {folder}/",
                f"use one of {', '.join(sorted(allowed))}, or move the page to the folder it belongs in",
            )
        ]
    return []
