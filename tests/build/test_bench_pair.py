"""The bench's pair of builds, on a tiny synthetic site: what it reports, and how a failed build shows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.bench import run
from tests.bench.run import build_pair
from tests.bench.synthetic import write_site


def test_a_pair_reports_the_time_memory_and_page_render_of_both_builds(tmp_path: Path) -> None:
    pair = build_pair(write_site(tmp_path, 5, 5), tmp_path)
    for hooks in (False, True):
        assert pair[hooks]["warnings"] == []
        assert pair[hooks]["seconds"] > 0 and pair[hooks]["peak_mib"] > 0 and pair[hooks]["page_ms"] > 0
    # Each build wrote its own site, and only the one with the hooks linked the terms.
    assert 'class="kb-term"' in (tmp_path / "site-True/pages/page-0000/index.html").read_text()
    assert 'class="kb-term"' not in (tmp_path / "site-False/pages/page-0000/index.html").read_text()


def test_without_cpu_pinning_the_pair_runs_unpinned_and_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As on macOS, which has no os.sched_getaffinity; one CPU takes the same way.
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    run._two_cpus.cache_clear()
    try:
        pair = build_pair(write_site(tmp_path, 5, 5), tmp_path)
        assert run._two_cpus() == []  # The next pair asks again, and the line is not repeated.
    finally:
        run._two_cpus.cache_clear()
    assert pair[False]["seconds"] > 0 and pair[True]["seconds"] > 0
    assert capsys.readouterr().out.count("bench: no two CPUs to pin the builds to") == 1


def test_a_failed_build_stops_the_bench_with_its_output(tmp_path: Path) -> None:
    config = write_site(tmp_path, 5, 5)
    glossary = config.parent / "docs/_data/glossary.yml"
    glossary.write_text(glossary.read_text() + "- term: [unclosed\n")
    with pytest.raises(SystemExit, match=r"with the hooks failed:\n(.|\n)*glossary\.yml:\d+"):
        build_pair(config, tmp_path)
