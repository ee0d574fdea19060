"""The bench's clock gives CPU time to the project's code by where it was entered, and its report judges the budget."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import pytest

from tests.bench.run import Measured, median_run, report
from tests.bench.share import HOOKS, HookClock

BURN_SECONDS = 0.05  # Enough CPU time for dozens of the clock's samples.


def burn() -> None:
    """Spend CPU time outside hooks/."""
    end = time.process_time() + BURN_SECONDS
    while time.process_time() < end:
        pass


def in_hooks(name: str, calls: Callable[[], None]) -> Callable[[], None]:
    """A function ``name`` whose code is in a file under hooks/, that burns CPU time and then calls ``calls``."""
    source = f"def {name}():\n    burn()\n    calls()\n"
    scope = {"burn": burn, "calls": calls}
    exec(compile(source, str(HOOKS / "probe.py"), "exec"), scope)
    return scope[name]


def clocked(work: Callable[[], None]) -> tuple[HookClock, float]:
    """The clock after ``work``, and the CPU seconds ``work`` took."""
    start = time.process_time()
    with HookClock() as clock:
        work()
    return clock, time.process_time() - start


def test_time_outside_hooks_is_not_the_projects() -> None:
    clock, _ = clocked(burn)
    assert clock.by_entry == {}


def test_time_in_the_hooks_and_in_what_they_call_goes_to_the_outermost_hook_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As on macOS, which has no os.sched_getaffinity: the clock needs no CPU pinning.
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    extension = in_hooks("extension", burn)

    def library() -> None:
        """Code outside hooks/ that calls back into the project, as Markdown runs an extension."""
        burn()
        extension()

    outer = in_hooks("on_page", library)
    clock, took = clocked(outer)
    assert set(clock.by_entry) == {"probe.py:on_page"}
    assert 0 < clock.hooks_seconds <= took


def test_a_share_of_one_eleventh_adds_ten_percent_the_budget() -> None:
    assert Measured("site", 11.0, {"gate.py:on_config": 1.0}).added == pytest.approx(0.10)


@pytest.mark.parametrize(("hooks_seconds", "verdict"), [(0.5, "within"), (1.0, "within"), (2.0, "OVER")])
def test_the_last_site_is_judged_against_the_budget(hooks_seconds: float, verdict: str) -> None:
    rows = [
        Measured("the real site (docs/)", 5.0, {"gate.py:on_config": 4.0}),
        Measured("synthetic", 11.0, {"gate.py:on_config": hooks_seconds}),
    ]
    assert report(rows).endswith(
        f"synthetic: the hooks add {hooks_seconds / (11 - hooks_seconds):.1%}, {verdict} the budget of 10%."
    )


def test_each_site_names_where_its_project_time_went_costliest_first() -> None:
    row = Measured("site", 10.0, {"a.py:on_config": 0.5, "b.py:on_post_page": 2.0, "c.py:run": 1.0})
    assert "    most in: b.py:on_post_page 2.00 s, c.py:run 1.00 s, a.py:on_config 0.50 s\n" in report([row])


def test_the_median_run_is_reported_with_what_every_run_added() -> None:
    runs = [Measured("site", 11.0, {"a.py:run": hooks}) for hooks in (1.2, 0.9, 1.0)]
    median = median_run(runs)
    assert median.by_entry == {"a.py:run": 1.0}
    assert median.runs == pytest.approx((0.9 / 10.1, 0.1, 1.2 / 9.8))
    assert "    the median of 3 runs, which added 8.9%, 10.0%, 12.2%\n" in report([median])
