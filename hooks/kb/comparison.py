"""The treatment comparison table, made from the front matter of every single-treatment page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .contract import PageRecord
from .pages import PagesCheck

COMPARISON_MARKER = "<!-- kb:treatment-comparison -->"


def nav_order(nav: object) -> list[str]:
    """The page paths of a ``nav:`` setting in reading order (strings, titled pages and sections)."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, Mapping):
        return [path for value in nav.values() for path in nav_order(value)]
    if isinstance(nav, Iterable):
        return [path for item in nav for path in nav_order(item)]
    return []


def compared_pages(records: Mapping[str, PageRecord], order: list[str]) -> list[PageRecord]:
    """Every page with a treatment block, in nav order (pages missing from the nav last, by path)."""
    position = {path: index for index, path in enumerate(order)}
    pages = [record for record in records.values() if record.treatment is not None]
    return sorted(pages, key=lambda record: (position.get(record.src_uri, len(position)), record.src_uri))


def comparison_rows(checked: PagesCheck, nav: object, urls: Mapping[str, str]) -> tuple[list[dict], dict[str, str]]:
    """The comparison table's rows (each page's record and its ``urls`` entry) and the evidence levels' labels."""
    rows = [{**vars(record), "url": urls[record.src_uri]} for record in compared_pages(checked.records, nav_order(nav))]
    return rows, {key: level.label for key, level in checked.site.evidence_scale.items()}
