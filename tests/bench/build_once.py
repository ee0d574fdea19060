"""Build one site in this process and print its build time and peak memory as JSON (used by run.py)."""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from tests.sitebuild import build_site


def main() -> int:
    """Build strictly, with or without the project's hooks; exit 1 if the build warned."""
    parser = argparse.ArgumentParser()
    parser.add_argument("config", type=Path)
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--no-hooks", action="store_true")
    args = parser.parse_args()
    overrides = {"hooks": []} if args.no_hooks else {}
    start = time.process_time()  # CPU time: steadier than wall time on a shared machine.
    result = build_site(args.config, args.site_dir, **overrides)
    seconds = time.process_time() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB.
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib, "warnings": result.warnings[:5]}))
    return 1 if result.aborted or result.warnings else 0


if __name__ == "__main__":
    sys.exit(main())
