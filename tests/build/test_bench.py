"""``make bench`` on the real site and a tiny synthetic one: what it reports, and how a failed build stops it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.bench.run import main, measure
from tests.bench.synthetic import write_site


def test_the_report_names_both_sites_their_share_and_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--pages", "3", "--terms", "3", "--runs", "1"])  # One build each: the median is unit-tested.
    out = capsys.readouterr().out
    share = r"\s+\d+\.\d\d\s+\d+\.\d\d\s+\d+\.\d%\s+\d+\.\d%"
    assert re.search(r"^the real site \(docs/\)" + share + "$", out, re.MULTILINE), out
    assert re.search(r"^synthetic, 3 pages x 3 terms" + share + "$", out, re.MULTILINE), out
    # Both builds ran the hooks: each names where its project time went.
    assert len(re.findall(r"^    most in: \S+\.py:\S+ \d+\.\d\d s", out, re.MULTILINE)) == 2, out
    verdict = re.search(
        r"^synthetic, 3 pages x 3 terms: the hooks add \d+\.\d%, (within|OVER) the budget of 10%\.$", out, re.MULTILINE
    )
    assert verdict, out
    assert status == (0 if verdict[1] == "within" else 1)


def test_a_failed_build_stops_the_bench_with_its_file_and_line(tmp_path: Path) -> None:
    config = write_site(tmp_path, 3, 3)
    glossary = config.parent / "docs/_data/glossary.yml"
    glossary.write_text(glossary.read_text() + "- term: [unclosed\n")
    with pytest.raises(SystemExit, match=r"the build of tiny \(.+\) failed:\n(.|\n)*docs/_data/glossary\.yml:\d+"):
        measure("tiny", config, tmp_path / "site")
