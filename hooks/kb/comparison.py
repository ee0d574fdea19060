"""The treatment comparison table, made from the front matter of every single-treatment page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .contract import Evidence, PageRecord, Treatment

COMPARISON_MARKER = "<!-- kb:treatment-comparison -->"


@dataclass(frozen=True)
class ComparisonRow:
    """One treatment as the table shows it: its page, what it is for and involves, evidence, risks."""

    src_uri: str
    title: str
    treatment: Treatment
    evidence: tuple[Evidence, ...]


def nav_order(nav: object) -> list[str]:
    """The page paths of a ``nav:`` setting in reading order (strings, titled pages and sections)."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, Mapping):
        return [path for value in nav.values() for path in nav_order(value)]
    if isinstance(nav, Iterable):
        return [path for item in nav for path in nav_order(item)]
    return []


def comparison_rows(records: Mapping[str, PageRecord], order: list[str]) -> list[ComparisonRow]:
    """Every page with a treatment block, in nav order (pages missing from the nav last, by path)."""
    position = {path: index for index, path in enumerate(order)}
    rows = [
        ComparisonRow(record.src_uri, record.title, record.treatment, record.evidence)
        for record in records.values()
        if record.treatment is not None
    ]
    return sorted(rows, key=lambda row: (position.get(row.src_uri, len(position)), row.src_uri))
