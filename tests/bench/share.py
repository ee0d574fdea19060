"""Build one site strictly; print as JSON its CPU seconds and those spent in hooks/, by the function that entered them.

A timer interrupts the build after every millisecond of CPU time and gives the time since the last
interruption to the project's code when any frame on the stack is a file under hooks/ (the hook
adapters and the kb package, Markdown extensions included), else to the rest of the build. So a
moment counts once however deep it is, and time in the libraries the hooks call (YAML, Markdown,
Jinja, nh3) counts as theirs, because it would not be spent without them. A per-function profile
(cProfile) cannot give this without counting twice the code that the hooks reach again through
Markdown or Jinja, and its cost on every call, which doubles a build, weighs most on code that makes
many small calls; the timer's cost is lost in the noise of a build and weighs on nothing in particular.
The share is a ratio of CPU times within one process, so a busy or slow machine changes both
parts alike: nothing needs pinning to a CPU, and runs agree to within two or three points.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from collections import defaultdict
from pathlib import Path
from types import FrameType, TracebackType

from tests.sitebuild import ROOT, build_site

HOOKS = ROOT / "hooks"
INTERVAL = 0.001  # Seconds of CPU time between samples: tens of thousands in a large build.


class HookClock:
    """Within a ``with`` block, the CPU seconds spent while code under hooks/ was on the stack, by where it was entered."""

    def __init__(self) -> None:
        self.by_entry: defaultdict[str, float] = defaultdict(float)  # by the outermost frame under hooks/
        self._last = 0.0
        self._ours: dict[str, bool] = {}  # Each file name, resolved once: is it under hooks/?

    @property
    def hooks_seconds(self) -> float:
        """All the CPU seconds spent with code under hooks/ on the stack."""
        return sum(self.by_entry.values())

    def __enter__(self) -> HookClock:
        self._last = time.process_time()
        signal.signal(signal.SIGPROF, self._sample)
        signal.siginterrupt(signal.SIGPROF, False)  # A system call the timer interrupts goes on, in C code too.
        signal.setitimer(signal.ITIMER_PROF, INTERVAL, INTERVAL)
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, signal.SIG_DFL)

    def _sample(self, signum: int, frame: FrameType | None) -> None:
        now = time.process_time()
        entry = self._entry(frame)
        if entry:
            self.by_entry[entry] += now - self._last
        self._last = now

    def _entry(self, frame: FrameType | None) -> str | None:
        """The outermost frame on the stack whose file is under hooks/, as "file.py:function"."""
        outermost = None
        while frame is not None:
            code = frame.f_code
            ours = self._ours.get(code.co_filename)
            if ours is None:
                ours = self._ours[code.co_filename] = Path(code.co_filename).resolve().is_relative_to(HOOKS)
            if ours:
                outermost = code
            frame = frame.f_back
        return f"{Path(outermost.co_filename).name}:{outermost.co_name}" if outermost else None


def main() -> int:
    """Build strictly under the clock; exit 1 with the build's warnings if it warned or stopped."""
    parser = argparse.ArgumentParser(prog="python -m tests.bench.share", description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("site_dir", type=Path)
    args = parser.parse_args()
    start = time.process_time()
    with HookClock() as clock:
        result = build_site(args.config, args.site_dir)
    seconds = time.process_time() - start
    if result.aborted or result.warnings:
        print("\n".join(result.warnings) or "the build stopped", file=sys.stderr)
        return 1
    print(json.dumps({"seconds": seconds, "by_entry": dict(clock.by_entry)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
