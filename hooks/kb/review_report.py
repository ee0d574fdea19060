"""Editors' review report: ``python -m kb.review_report docs`` lists pages by review date, then stale sources."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .bibliography import checked_on
from .furniture import review_state
from .pages import PagesCheck, check_pages
from .sitedata import SiteData

ORDER = {"overdue": 0, "due-soon": 1, "current": 2}
SOURCE_CHECK_DAYS = 365


def report_lines(result: PagesCheck, today: date) -> list[str]:
    """One line per medical page: state, next review, status, path; overdue and due soon first."""
    rows = sorted(
        (ORDER[review_state(record, today)], record.review.next_review, record.src_uri, record.review.status, record)
        for record in result.records.values()
        if record.review is not None
    )
    lines = [f"{'state':<9} {'next review':<11} {'status':<24} page"]
    for _, due, src_uri, status, record in rows:
        lines.append(f"{review_state(record, today):<9} {due.isoformat():<11} {status:<24} docs/{src_uri}")
    return lines


def stale_source_lines(site: SiteData, today: date) -> list[str]:
    """One line per bibliography entry last checked more than a year before ``today``, oldest first."""
    stale = sorted(
        (on, key, entry.checked.on)
        for key, entry in site.sources.items()
        if (on := checked_on(entry.checked.on)) is not None and (today - on).days > SOURCE_CHECK_DAYS
    )
    if not stale:
        return []
    lines = ["", f"Sources last checked more than a year ago ({len(stale)}): check each again and update checked: on:"]
    lines += [f"checked {shown:<11} {key}" for _, key, shown in stale]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the report; exit 1 if a page could not be read (its problems are printed first)."""
    parser = argparse.ArgumentParser(prog="python -m kb.review_report", description=__doc__.splitlines()[0])
    parser.add_argument("docs_dir", type=Path)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args(argv)
    result = check_pages(args.docs_dir, today=args.today, shown_dir=args.docs_dir.as_posix().rstrip("/"))
    for problem in result.problems:
        print(problem, file=sys.stderr)
    print("\n".join(report_lines(result, args.today) + stale_source_lines(result.site, args.today)))
    return 1 if result.problems else 0


if __name__ == "__main__":
    sys.exit(main())
