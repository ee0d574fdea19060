"""The matcher's choices do not depend on the hash seed, which only a new interpreter can change."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.sitebuild import ROOT


def test_a_tie_between_an_exact_and_a_case_insensitive_phrase_does_not_depend_on_the_hash_seed() -> None:
    script = (
        "from kb.matcher import PhraseMatcher\n"
        "print([m.term_id for m in PhraseMatcher([('AVN', 'exact'), ('avn', 'folded')]).find('AVN')])\n"
    )
    results = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(ROOT / "hooks")}
        run = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True, timeout=60
        )
        results.add(run.stdout.strip())
    assert len(results) == 1, results
