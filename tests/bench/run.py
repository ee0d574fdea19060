"""``make bench``: how much the hooks add to the build of synthetic sites of 100 and 1,000 pages.

Each build runs in a fresh interpreter, so peak memory is that build's own. The builds come in
pairs, one without and one with the hooks, run side by side: one on each of two CPUs, trading
CPUs every fifth of a second, and each kept company by a spare build once its partner is done.
On a shared virtual machine a CPU's speed drifts by tens of percent from one minute to the next
and differs from the other CPU's (a fixed loop took 0.8 to 1.4 s here); built one after the
other, a pair's ratio of CPU times spread from -18% to +25%, built side by side both builds
meet the same machine. The times are CPU times; each pair gives one ratio, and the target is
judged on the median ratio, with the lowest and highest beside it, so the noise shows.
"render" is the same ratio for the median page's render step (context, page_context events, template,
writing the file): there the hooks add the page furniture and take the term links out for search and
put them back, so it shows how that step, most of the build, grows when the hooks are loaded.

``--instructions`` counts instead the instructions each build runs, under valgrind's callgrind: the
same count on a busy machine or an idle one, from one run to the next. It is about 50 times slower
(about 40 minutes for 1,000 pages), and it cannot see what instructions miss, such as waiting on memory.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from tests.bench.synthetic import ROOT, write_site

SIZES = ((100, 100), (100, 1000), (1000, 100), (1000, 1000))
TARGET = 0.10  # The budget: the hooks add at most 10% to 1,000 pages with 1,000 terms.
SWAP_SECONDS = 0.2
COUNTED = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
_COLLECTED = re.compile(r"Collected : (\d+)")


def _build_command(config: Path, site_dir: Path, hooks: bool) -> list[str]:
    """The command of one strict build in a child process (tests.bench.build_once)."""
    command = [sys.executable, "-m", "tests.bench.build_once", str(config), str(site_dir)]
    return command if hooks else [*command, "--no-hooks"]


def _env(**extra: str) -> dict[str, str]:
    """The child's environment: the hooks' package importable, MkDocs' 2.0 notice off."""
    return {**os.environ, "PYTHONPATH": f"{ROOT / 'hooks'}{os.pathsep}{ROOT}", "NO_MKDOCS_2_WARNING": "1", **extra}


@functools.cache
def _two_cpus() -> list[int]:
    """Two CPUs to pin the builds of a pair to, or none (said once) on one CPU or where CPUs cannot be pinned (macOS)."""
    cpus = sorted(os.sched_getaffinity(0))[:2] if hasattr(os, "sched_getaffinity") else []
    if len(cpus) < 2:
        print("bench: no two CPUs to pin the builds to: each pair runs side by side unpinned, so ratios are noisier")
        return []
    return cpus


def build_pair(config: Path, folder: Path) -> dict[bool, dict]:
    """One build without and one with the hooks, side by side on two CPUs that they trade every SWAP_SECONDS."""
    cpus = _two_cpus()
    measured = {
        hooks: _start(config, folder / f"site-{hooks}", hooks, folder / f"{hooks}.log") for hooks in (False, True)
    }
    on_cpu = dict(measured)  # What runs in each build's place: the build, or a spare once it is done.
    flip = 0
    while any(run.poll() is None for run in measured.values()):
        if any(run.returncode for run in measured.values()):
            break  # Report a failed build at once, not when its partner is done.
        for index, hooks in enumerate(on_cpu):
            if on_cpu[hooks].poll() is not None:
                # Alone, the other build would run faster than its partner did: keep it company to the end.
                on_cpu[hooks] = _start(config, folder / f"spare-{hooks}", hooks, Path(os.devnull))
            if cpus:
                _pin(on_cpu[hooks].pid, cpus[(index + flip) % 2])
        flip ^= 1
        time.sleep(SWAP_SECONDS)
    failed = [hooks for hooks, run in measured.items() if run.returncode]
    for run in [*on_cpu.values(), *measured.values()]:
        if run.poll() is None:
            run.kill()
            run.wait()
    logs = {hooks: (folder / f"{hooks}.log").read_text() for hooks in measured}
    for hooks in failed:
        sys.exit(f"bench: the build of {config} {'with' if hooks else 'without'} the hooks failed:\n{logs[hooks]}")
    return {hooks: json.loads(log.splitlines()[-1]) for hooks, log in logs.items()}


def _start(config: Path, site_dir: Path, hooks: bool, log: Path) -> subprocess.Popen:
    """Start one build; its output goes to ``log`` (a pipe could fill up and stop it)."""
    with log.open("w") as out:
        return subprocess.Popen(
            _build_command(config, site_dir, hooks), stdout=out, stderr=subprocess.STDOUT, env=_env()
        )


def _pin(pid: int, cpu: int) -> None:
    """Move a running build to one CPU; it may have ended since it was polled."""
    with contextlib.suppress(ProcessLookupError):
        os.sched_setaffinity(pid, {cpu})


def count_instructions(pages: int, terms: int) -> dict[str, float]:
    """Instructions of one build without and one with the hooks, run side by side under callgrind."""
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as folder:
        config = write_site(Path(folder), pages, terms)
        runs = {
            hooks: subprocess.Popen(
                [*COUNTED, *_build_command(config, Path(folder) / f"site-{hooks}", hooks)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=_env(PYTHONHASHSEED="0"),  # Sets and dicts iterate in one order: the count repeats.
            )
            for hooks in (False, True)
        }
        counts = {}
        for hooks, run in runs.items():
            out, err = run.communicate()
            collected = _COLLECTED.search(err)
            if run.returncode or collected is None:
                sys.exit(f"bench: the counted build of {config} failed:\n{out}{err}")
            counts[hooks] = int(collected.group(1))
    return {"without": counts[False] / 1e9, "with": counts[True] / 1e9, "added": counts[True] / counts[False] - 1}


def measure(pages: int, terms: int, repeat: int) -> dict[str, float]:
    """Median build time and peak memory with and without the hooks, and the ratios of the pairs."""
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as folder:
        config = write_site(Path(folder), pages, terms)
        pairs = [build_pair(config, Path(folder)) for _ in range(repeat)]
    ratios = sorted(pair[True]["seconds"] / pair[False]["seconds"] - 1 for pair in pairs)
    render_ratios = [pair[True]["page_ms"] / pair[False]["page_ms"] - 1 for pair in pairs]
    return {
        "without_s": statistics.median(pair[False]["seconds"] for pair in pairs),
        "with_s": statistics.median(pair[True]["seconds"] for pair in pairs),
        "added": statistics.median(ratios),
        "lowest": ratios[0],
        "highest": ratios[-1],
        "render": statistics.median(render_ratios),
        "without_mib": statistics.median(pair[False]["peak_mib"] for pair in pairs),
        "with_mib": statistics.median(pair[True]["peak_mib"] for pair in pairs),
    }


def main() -> int:
    """Print one row per site size; exit 1 if the largest site misses the target."""
    parser = argparse.ArgumentParser(prog="python -m tests.bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="pairs of builds per size (default 7)")
    parser.add_argument("--only", help="one size, pages x terms, e.g. 1000x1000")
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions under valgrind instead (slow; see above)"
    )
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in args.only.split("x"))] if args.only else SIZES
    if args.instructions:
        return _print_instructions(sizes)
    print(
        f"{'pages':>5} {'terms':>5} | {'without s':>9} {'with s':>8} {'added':>7} {'lowest':>7} {'highest':>7} {'render':>7} |"
        f" {'without MiB':>11} {'with MiB':>9}"
    )
    for pages, terms in sizes:
        found = measure(pages, terms, args.repeat)
        print(
            f"{pages:>5} {terms:>5} | {found['without_s']:>9.2f} {found['with_s']:>8.2f} {found['added']:>+7.1%}"
            f" {found['lowest']:>+7.1%} {found['highest']:>+7.1%} {found['render']:>+7.1%} | {found['without_mib']:>11.0f} {found['with_mib']:>9.0f}",
            flush=True,
        )
    print(
        f"Median CPU seconds of {args.repeat} pairs of builds; added: the median of the pairs' ratios (lowest and"
        f" highest beside it); render: the same for the median page's render step; target: the hooks add at most {TARGET:.0%} to the last row"
    )
    return 0 if found["added"] <= TARGET else 1  # The last row: the largest site.


def _print_instructions(sizes: Sequence[tuple[int, ...]]) -> int:
    """The instruction-count rows; exit 1 if the largest site misses the target."""
    if shutil.which(COUNTED[0]) is None:
        sys.exit("bench: --instructions needs valgrind (apt-get install valgrind)")
    print(f"{'pages':>5} {'terms':>5} | {'without G':>9} {'with G':>8} {'added':>7}")
    for pages, terms in sizes:
        found = count_instructions(pages, terms)
        print(
            f"{pages:>5} {terms:>5} | {found['without']:>9.2f} {found['with']:>8.2f} {found['added']:>+7.2%}",
            flush=True,
        )
    print(
        "Billions of instructions of one build each, counted by callgrind; target: the hooks add at most"
        f" {TARGET:.0%} to the last row"
    )
    return 0 if found["added"] <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
