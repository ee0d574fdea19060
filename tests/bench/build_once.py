"""Build one site in this process and print its build time, peak memory and median page render as JSON (used by run.py)."""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import mkdocs.commands.build as mkdocs_build

from tests.sitebuild import build_site


def _timed(render_page: Callable, seconds: list[float]) -> Callable:
    """``render_page`` that also appends each call's CPU time to ``seconds``."""

    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return render_page(*args, **kwargs)
        finally:
            seconds.append(time.process_time() - start)

    return timed


def main() -> int:
    """Build strictly, with or without the project's hooks; exit 1 if the build warned."""
    parser = argparse.ArgumentParser()
    parser.add_argument("config", type=Path)
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--no-hooks", action="store_true")
    args = parser.parse_args()
    # Without the hooks no page has a source list, so its citations' "#source-N" anchors are left unchecked there.
    no_hooks = {
        "hooks": [],
        "validation": {
            "omitted_files": "warn",
            "absolute_links": "warn",
            "unrecognized_links": "warn",
            "anchors": "info",
        },
    }
    overrides = no_hooks if args.no_hooks else {}
    # MkDocs has no event around a page's render (context, template, writing the file), so its private step is
    # wrapped: the per-page times show how that step, most of the build, grows with the hooks (their furniture
    # and the term-link swap around search run in it).
    page_seconds: list[float] = []
    mkdocs_build._build_page = _timed(mkdocs_build._build_page, page_seconds)
    start = time.process_time()  # CPU time: steadier than wall time on a shared machine.
    result = build_site(args.config, args.site_dir, **overrides)
    seconds = time.process_time() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB.
    found = {
        "seconds": seconds,
        "peak_mib": peak_mib,
        "page_ms": statistics.median(page_seconds or [0]) * 1000,  # [0]: the build stopped before any page
    }
    print(json.dumps({**found, "warnings": result.warnings[:5]}))
    return 1 if result.aborted or result.warnings else 0


if __name__ == "__main__":
    sys.exit(main())
