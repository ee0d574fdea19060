"""``make bench``: the share of a strict build spent in the project's code, for the real site and a large synthetic one.

Each site is built three times (``--runs``), each time in its own interpreter so that every build pays the
same imports, under the clock of tests/bench/share.py (why that measure: its docstring). On a shared machine
one build's share moves by a point or two from run to run, so the report gives the median run and lists what
every run added. The budget is the issue's: the hooks add at most 10% to the build of 1,000 pages with 1,000
glossary terms. A share s of the build is s / (1 - s) added to the rest of it, so the budget holds while the
share is at most 1/11, about 9.1%.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from tests.bench.synthetic import ROOT, write_site

BUDGET = 0.10  # At most this much added to the build of the synthetic site by the project's code.
TOP = 4  # Where the project's time went: this many entry points, the costliest first.


@dataclass(frozen=True)
class Measured:
    """One site's build: its CPU seconds, and those spent in the project's code by the function that entered it."""

    site: str
    seconds: float
    by_entry: dict[str, float]
    runs: tuple[float, ...] = ()  # What the hooks added in each run, when the site was built more than once.

    @property
    def hooks_seconds(self) -> float:
        """The CPU seconds spent in the project's code."""
        return sum(self.by_entry.values())

    @property
    def share(self) -> float:
        """The project code's share of the build."""
        return self.hooks_seconds / self.seconds

    @property
    def added(self) -> float:
        """How much the project's code adds to the rest of the build."""
        return self.hooks_seconds / (self.seconds - self.hooks_seconds)


def measure(site: str, config: Path, site_dir: Path) -> Measured:
    """Build ``config`` under the clock in a fresh interpreter; a failed build stops the bench with its messages."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.share", str(config), str(site_dir)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": f"{ROOT / 'hooks'}{os.pathsep}{ROOT}", "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        sys.exit(f"bench: the build of {site} ({config}) failed:\n{done.stderr}{done.stdout}")
    found = json.loads(done.stdout.splitlines()[-1])
    return Measured(site, found["seconds"], found["by_entry"])


def median_run(rows: list[Measured]) -> Measured:
    """The run in the middle by what the hooks added, holding what every run added."""
    ordered = sorted(rows, key=lambda row: row.added)
    return replace(ordered[len(ordered) // 2], runs=tuple(row.added for row in ordered))


def report(rows: list[Measured]) -> str:
    """A line for each site, where its project time went, and whether the last one keeps to the budget."""
    lines = [f"{'site':<36} {'build s':>8} {'hooks s':>8} {'share':>6} {'added':>6}"]
    for row in rows:
        lines.append(
            f"{row.site:<36} {row.seconds:>8.2f} {row.hooks_seconds:>8.2f} {row.share:>6.1%} {row.added:>6.1%}"
        )
        if len(row.runs) > 1:
            lines.append(
                f"    the median of {len(row.runs)} runs, which added " + ", ".join(f"{a:.1%}" for a in row.runs)
            )
        most = sorted(row.by_entry.items(), key=lambda item: -item[1])[:TOP]
        lines.append("    most in: " + ", ".join(f"{entry} {seconds:.2f} s" for entry, seconds in most))
    last = rows[-1]
    verdict = "within" if last.added <= BUDGET else "OVER"
    lines.append(
        "CPU seconds of one strict build (the median run); share: the part spent while code under hooks/ ran; added: that part"
        f" over the rest; most in: where that code was entered.\n{last.site}: the hooks add {last.added:.1%},"
        f" {verdict} the budget of {BUDGET:.0%}."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure both sites and print the report; exit 1 if the synthetic site is over budget."""
    parser = argparse.ArgumentParser(prog="python -m tests.bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages of the synthetic site (default 1000)")
    parser.add_argument("--terms", type=int, default=1000, help="glossary terms of the synthetic site (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each site; the median is reported (default 3)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as folder:
        real_site = ("the real site (docs/)", ROOT / "mkdocs.yml", Path(folder) / "real")
        real = median_run([measure(*real_site) for _ in range(args.runs)])
        config = write_site(Path(folder) / "synthetic", args.pages, args.terms)
        name = f"synthetic, {args.pages:,} pages x {args.terms:,} terms"
        synthetic = median_run([measure(name, config, Path(folder) / "site") for _ in range(args.runs)])
    print(report([real, synthetic]))
    return 0 if synthetic.added <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
