"""Errors that teach: the exact words an editor reads for each common mistake, in a terminal and on GitHub.

Each case runs ``kb.check``'s command line in this process, on a small valid docs tree with one mistake;
tests/process/test_check_command.py runs ``python -m kb.check docs`` itself, as CI does.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pytest
from kb.check import main

from tests.sitebuild import ROOT
from tests.unit.samples import DATA, GLOSSARY_PAGE, MEDICAL_PAGE

PAGE = MEDICAL_PAGE + "\nA cane takes weight off the [hip ball](glossary:femoral-head).\n"

# name: (file to change, old text, new text), the lines kb.check prints
CASES = {
    "broken YAML": (
        ("walking-aids.md", "title: Walking aids", "title: [Walking aids"),
        [
            "docs/walking-aids.md:2: broken YAML in the front matter: {parser}; "
            "fix the YAML on this line (MkDocs would show it as page text)"
        ],
    ),
    "missing field": (
        ("walking-aids.md", "    next_review: 2027-11-21\n", ""),
        ["docs/walking-aids.md:6: 'next_review' is missing; add next_review: YYYY-MM-DD"],
    ),
    "date in another format": (
        ("walking-aids.md", "last_reviewed: 2026-11-21", "last_reviewed: 21/11/2026"),
        [
            "docs/walking-aids.md:8: 'last_reviewed' is '21/11/2026', not a date; write it as YYYY-MM-DD, e.g. 2026-11-21"
        ],
    ),
    "impossible date": (
        ("walking-aids.md", "next_review: 2027-11-21", "next_review: 2027-02-30"),
        [
            "docs/walking-aids.md:9: 'next_review' is 2027-02-30, which is not a real date; check the month (01-12) and the day"
        ],
    ),
    "unknown disclaimer kind": (
        ("walking-aids.md", "disclaimer: general", "disclaimer: medicine"),
        ["docs/walking-aids.md:5: unknown disclaimer kind 'medicine'; use one of general"],
    ),
    "unknown citation key": (
        ("walking-aids.md", "[@lai-2005]", "[@lai-2006]"),
        [
            "docs/walking-aids.md:17: [@lai-2006] cites 'lai-2006', which is not in docs/_data/bibliography.yml; "
            "check the spelling against the ids there, or add the entry (CONTRIBUTING.md: Add a source)"
        ],
    ),
    "malformed citation": (
        ("walking-aids.md", "[@lai-2005]", "[@lai-2005, 2006]"),
        [
            "docs/walking-aids.md:17: the citation [@lai-2005, 2006] is not written as the site cites; "
            "write [@id] with the id of an entry in docs/_data/bibliography.yml, or [@id-one; @id-two] for two"
        ],
    ),
    "sources in the front matter": (
        ("walking-aids.md", "  key_messages:\n", "  sources: [lai-2005]\n  key_messages:\n"),
        [
            "docs/walking-aids.md:10: front matter no longer lists sources: the page's source list is made from its "
            "citations; delete the sources: line and cite each source in the sentence it supports, like [@lai-2005]"
        ],
    ),
    "health page without a citation": (
        ("walking-aids.md", " [@lai-2005].", "."),
        [
            "docs/walking-aids.md:14: a health page must cite its sources in its text; "
            "cite each source in the sentence it supports, like [@lai-2005] (CONTRIBUTING.md, Citing)",
            # While a page fails, the bibliography's uncited entries are not reported: it may be the page that cites them.
        ],
    ),
    "clinical review without a reviewer": (
        ("walking-aids.md", "pending-clinical-review", "clinically-reviewed"),
        [
            "docs/walking-aids.md:7: the page claims clinical review but names no reviewer; "
            "add reviewer: with name and credentials of the real clinician, or use pending-clinical-review"
        ],
    ),
    "unknown glossary link": (
        ("walking-aids.md", "glossary:femoral-head", "glossary:femoral_head"),
        [
            "docs/walking-aids.md:19: the glossary link names an unknown term 'femoral_head'; "
            "use the id of a term in docs/_data/glossary.yml (its slug, e.g. femoral-head)"
        ],
    ),
    "unsupported claim": (
        ("walking-aids.md", "A cane takes", "Crutches let the bone heal. A cane takes"),
        [
            "docs/walking-aids.md:19: unsupported claim: 'Crutches let the bone heal.'; unloading eases pain but has "
            "not been shown to heal bone or prevent collapse; say so, or cut the sentence"
        ],
    ),
    "bad glossary data": (
        ("_data/glossary.yml", "hip socket.\n", "hip socket.\n- term: femur\n  definition: The <b>thigh</b> bone.\n"),
        [
            "docs/_data/glossary.yml:4: the definition of 'femur' contains HTML; use plain text: no <, > or &...; entities"
        ],
    ),
    "bad bibliography data": (
        ("_data/bibliography.yml", "DOI: 10.2106/JBJS.D.02959", "DOI: https://doi.org/10.2106/JBJS.D.02959"),
        [
            "docs/_data/bibliography.yml:8: source 'lai-2005': DOI 'https://doi.org/10.2106/JBJS.D.02959' is not "
            "written as it should be; write it like {parser}"
        ],
    ),
    "broken bibliography YAML": (
        ("_data/bibliography.yml", "  type: article-journal\n", "  type: article-journal\n  title: [unclosed\n"),
        [
            "docs/_data/bibliography.yml:3: broken YAML: {parser}; fix the YAML syntax on this line",
            # Every key of an unreadable bibliography is unknown to the pages that cite it.
            "docs/walking-aids.md:17: [@lai-2005] cites 'lai-2005', which is not in docs/_data/bibliography.yml; "
            "check the spelling against the ids there, or add the entry (CONTRIBUTING.md: Add a source)",
        ],
    ),
}


def write_tree(root: Path, change: tuple[str, str, str] | None = None) -> None:
    """A valid docs tree under ``root``, with at most one text change."""
    files = {f"_data/{name}": text for name, text in DATA.items()} | {
        "walking-aids.md": PAGE,
        "glossary.md": GLOSSARY_PAGE,
    }
    if change:
        name, old, new = change
        assert files[name].count(old) == 1, old
        files[name] = files[name].replace(old, new)
    for name, text in files.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Run:
    """What one ``kb.check docs`` run printed, and its exit status."""

    returncode: int
    stdout: str
    stderr: str


class CheckRun(Protocol):
    """The run_check fixture: one ``kb.check docs`` run in ``root``."""

    def __call__(self, root: Path, github: bool) -> Run: ...


@pytest.fixture
def run_check(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> CheckRun:
    """``kb.check docs`` in a folder, in or outside GitHub Actions, as its command line runs it."""

    def run(root: Path, github: bool) -> Run:
        monkeypatch.chdir(root)
        if github:
            monkeypatch.setenv("GITHUB_ACTIONS", "true")
        else:
            monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
        capsys.readouterr()
        returncode = main(["docs", "--today", "2026-11-21"])
        out, err = capsys.readouterr()
        return Run(returncode, out, err)

    return run


def like(expected: list[str], lines: list[str]) -> bool:
    """True when ``lines`` are ``expected``, where {parser} stands for the YAML parser's own words."""
    patterns = [re.escape(line).replace(re.escape("{parser}"), "[^;]+") for line in expected]
    return len(lines) == len(patterns) and all(re.fullmatch(p, line) for p, line in zip(patterns, lines, strict=True))


def annotation(line: str) -> str:
    """The GitHub annotation an editor sees on the diff for a ``file:line: text`` problem."""
    match = re.fullmatch(r"(.+?):(\d+): (.+)", line)
    assert match is not None, f"not a file:line: text problem: {line}"
    path, number, text = match.groups()
    return f"::error file={path},line={number}::{text}"


def test_the_valid_tree_passes(tmp_path: Path, run_check: CheckRun) -> None:
    write_tree(tmp_path)
    result = run_check(tmp_path, github=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "kb.check: 2 pages, 0 problems\n")


@pytest.mark.parametrize(("change", "expected"), CASES.values(), ids=CASES.keys())
def test_each_mistake_gets_its_message(
    tmp_path: Path, run_check: CheckRun, change: tuple[str, str, str], expected: list[str]
) -> None:
    write_tree(tmp_path, change)
    result = run_check(tmp_path, github=False)
    assert result.returncode == 1
    assert like(expected, result.stdout.splitlines()), result.stdout
    assert result.stderr == f"kb.check: 2 pages, {len(expected)} problem{'s' * (len(expected) != 1)}\n"


@pytest.mark.parametrize(("change", "expected"), CASES.values(), ids=CASES.keys())
def test_in_github_actions_each_message_is_also_an_annotation(
    tmp_path: Path, run_check: CheckRun, change: tuple[str, str, str], expected: list[str]
) -> None:
    write_tree(tmp_path, change)
    result = run_check(tmp_path, github=True)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert like(expected, lines[0::2]), result.stdout
    assert lines[1::2] == [annotation(line) for line in lines[0::2]]


# --- Markdown style and spelling in GitHub Actions ------------------------------------------------

MATCHERS = json.loads((ROOT / ".github/lint-problem-matchers.json").read_text(encoding="utf-8"))["problemMatcher"]


def matched(owner: str, output: str) -> list[tuple[str, str, str]]:
    """(file, line, message) of each output line the workflow's problem matcher turns into an annotation."""
    (matcher,) = [m for m in MATCHERS if m["owner"] == owner]
    (pattern,) = matcher["pattern"]
    found = []
    for line in output.splitlines():
        match = re.search(pattern["regexp"], line)
        if match:
            found.append((match[pattern["file"]], match[pattern["line"]], match[pattern["message"]]))
    return found


def test_kb_check_lines_are_not_matched_twice() -> None:
    line = "docs/walking-aids.md:17: [@lai-2006] cites 'lai-2006', which is not in docs/_data/bibliography.yml"
    assert matched("rumdl", line) == []
    assert matched("codespell", line) == []
