"""``make search-report``: the rank of every query in a query file, with hit@1, hit@3 and mean reciprocal rank."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tests.search.engine import QUERIES, rank, read_queries, search


def main(argv: list[str] | None = None) -> int:
    """Print one line per query and the summary; exit 1 if any query misses the top three."""
    parser = argparse.ArgumentParser(prog="python -m tests.search.report", description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="the built site, e.g. site")
    parser.add_argument("queries", type=Path, nargs="?", default=QUERIES, help="a Markdown table of queries")
    args = parser.parse_args(argv)
    queries = read_queries(args.queries)
    ranks = [
        rank(found, query.answers)
        for query, found in zip(queries, search(args.site_dir, [q.text for q in queries]), strict=True)
    ]
    for query, position in zip(queries, ranks, strict=True):
        shown = f"{position:>4}" if position else "   -"
        print(f"{shown}  {query.text}  ({query.topic})")
    count = len(queries)
    hit1 = sum(1 for r in ranks if r == 1) / count
    hit3 = sum(1 for r in ranks if r and r <= 3) / count
    mrr = sum(1 / r for r in ranks if r) / count
    print(f"{count} queries: hit@1 {hit1:.2f}, hit@3 {hit3:.2f}, mean reciprocal rank {mrr:.2f}")
    return 0 if hit3 == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
