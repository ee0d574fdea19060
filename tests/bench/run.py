"""``make bench``: how much the hooks add to the build of synthetic sites of 100 and 1,000 pages.

Each build runs in a fresh interpreter, so peak memory is that build's own. Builds with and
without the hooks alternate, so that a slow moment of the machine does not land on one side only.
The times are CPU times, and the target is judged on the fastest build of each kind: on a shared
machine another tenant can only make a build slower, never faster, so the fastest run is the one
least disturbed (as timeit advises). The ratio of the medians is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.synthetic import ROOT, write_site

SIZES = ((100, 100), (100, 1000), (1000, 100), (1000, 1000))
TARGET = 0.10  # The budget: the hooks add at most 10% to 1,000 pages with 1,000 terms.


def build(config: Path, site_dir: Path, hooks: bool) -> dict:
    """One strict build in a child process; its time and peak memory."""
    command = [sys.executable, "-m", "tests.bench.build_once", str(config), str(site_dir)]
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'hooks'}{os.pathsep}{ROOT}", "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([*command, *([] if hooks else ["--no-hooks"])], capture_output=True, text=True, env=env)
    if done.returncode:
        sys.exit(f"bench: the build of {config} failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def measure(pages: int, terms: int, repeat: int) -> dict[bool, dict[str, float]]:
    """Fastest and median build time, and median peak memory, with and without the hooks."""
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as folder:
        config = write_site(Path(folder), pages, terms)
        runs: dict[bool, list[dict]] = {True: [], False: []}
        for round_number in range(repeat):
            for hooks in (False, True) if round_number % 2 == 0 else (True, False):
                runs[hooks].append(build(config, Path(folder) / "site", hooks))
    return {
        hooks: {
            "fastest": min(run["seconds"] for run in found),
            "median": statistics.median(run["seconds"] for run in found),
            "peak_mib": statistics.median(run["peak_mib"] for run in found),
        }
        for hooks, found in runs.items()
    }


def main() -> int:
    """Print one row per site size; exit 1 if the largest site misses the target."""
    parser = argparse.ArgumentParser(prog="python -m tests.bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="builds of each kind per size (default 5)")
    parser.add_argument("--only", help="one size, pages x terms, e.g. 1000x1000")
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in args.only.split("x"))] if args.only else SIZES
    print(
        f"{'pages':>5} {'terms':>5} | {'without s':>9} {'with s':>8} {'added':>7} {'medians':>9} |"
        f" {'without MiB':>11} {'with MiB':>9}"
    )
    for pages, terms in sizes:
        found = measure(pages, terms, args.repeat)
        plain, hooked = found[False], found[True]
        added = hooked["fastest"] / plain["fastest"] - 1
        medians = hooked["median"] / plain["median"] - 1
        print(
            f"{pages:>5} {terms:>5} | {plain['fastest']:>9.2f} {hooked['fastest']:>8.2f} {added:>+7.1%} {medians:>+9.1%} |"
            f" {plain['peak_mib']:>11.0f} {hooked['peak_mib']:>9.0f}",
            flush=True,
        )
    print(
        f"CPU seconds of the fastest of {args.repeat} builds each, and the ratio of the medians;"
        f" target: the hooks add at most {TARGET:.0%} to the last row"
    )
    return 0 if added <= TARGET else 1  # The last row: the largest site.


if __name__ == "__main__":
    sys.exit(main())
