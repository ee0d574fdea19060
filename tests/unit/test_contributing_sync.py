"""CONTRIBUTING.md's front-matter reference is generated from the models that check pages and data files."""

from __future__ import annotations

import difflib
import shutil
from datetime import date
from pathlib import Path

import pytest
from kb import reference
from kb.frontmatter_schema import REVIEW_STATUSES, FrontMatter
from kb.pages import check_file
from kb.reference import END, START, main, place, reference_markdown
from kb.sitedata import SiteData, load_site_data

from tests.sitebuild import ROOT

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
DATA = ROOT / "docs" / "_data"


def real_site() -> SiteData:
    site = load_site_data(DATA, "docs/_data")
    assert site.problems == []
    return site


def copied_data(tmp_path: Path) -> Path:
    """A copy of docs/_data to change; returns the copied docs folder."""
    shutil.copytree(DATA, tmp_path / "docs" / "_data")
    return tmp_path / "docs"


def test_contributing_matches_the_code_and_data() -> None:
    document = CONTRIBUTING.read_text(encoding="utf-8")
    wanted = place(document, reference_markdown(real_site()), "CONTRIBUTING.md")
    diff = "\n".join(difflib.unified_diff(document.splitlines(), wanted.splitlines(), "now", "generated", lineterm=""))
    assert document == wanted, f"CONTRIBUTING.md is out of date; {reference.FIX}\n{diff}"


def test_example_front_matter_passes_the_check() -> None:
    yaml_block = reference.EXAMPLE.removeprefix("```yaml\n").removesuffix("\n```")
    record, problems = check_file(
        yaml_block + "\n\n# Bisphosphonates\n\nA trial found no fewer collapses [@chen-2012].\n",
        "x.md",
        "x.md",
        real_site(),
        date(2026, 11, 21),
    )
    assert problems == []
    assert record is not None and record.evidence


def test_a_new_disclaimer_kind_changes_the_reference(tmp_path: Path) -> None:
    docs = copied_data(tmp_path)
    with (docs / "_data" / "disclaimers.yml").open("a", encoding="utf-8") as data:
        data.write("surgery:\n  label: About surgery\n  text: Only a surgeon can tell you if an operation suits you.\n")
    generated = reference_markdown(load_site_data(docs / "_data", "docs/_data"))
    assert "| `surgery` | About surgery |  | Only a surgeon can tell you if an operation suits you. |" in generated
    assert "`treatments`, `urgent`, `surgery`." in generated
    assert generated != reference_markdown(real_site())


def test_a_changed_evidence_meaning_changes_the_reference(tmp_path: Path) -> None:
    docs = copied_data(tmp_path)
    scale = docs / "_data" / "evidence-scale.yml"
    scale.write_text(scale.read_text().replace("case series", "single-hospital case series"), encoding="utf-8")
    generated = reference_markdown(load_site_data(docs / "_data", "docs/_data"))
    assert "such as single-hospital case series." in generated


def test_every_front_matter_field_has_a_row_from_its_model(monkeypatch: pytest.MonkeyPatch) -> None:
    generated = reference_markdown(real_site())
    assert (
        "| `medical.evidence[].level` | with `evidence` | One evidence level from the table below: `high`," in generated
    )
    assert "| `medical.review.reviewer.name` | with `reviewer` | Their full name, as they want it shown. |" in generated
    monkeypatch.setattr(FrontMatter.model_fields["title"], "description", "Changed words.")
    assert "| `title` | always | Changed words. |" in reference_markdown(real_site())


def test_a_new_review_status_gets_its_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(REVIEW_STATUSES, "retired", "No longer reviewed.")
    assert "| `retired` | No longer reviewed. |" in reference_markdown(real_site())


# --- The command --------------------------------------------------------------------------------


def stale_file(tmp_path: Path) -> Path:
    target = tmp_path / "CONTRIBUTING.md"
    target.write_text(f"# Contributing\n\nIntro.\n\n{START}\n\nOld table.\n\n{END}\n\nAfter.\n", encoding="utf-8")
    return target


def test_check_reports_a_stale_reference_with_the_command_that_fixes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    target = stale_file(tmp_path)
    assert main(["--check", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"{target.as_posix()}:5: the front-matter reference differs from the code and data files; "
        "run `make docs-reference` (python -m kb.reference --write CONTRIBUTING.md)\n"
    )


def test_write_fixes_it_and_keeps_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    target = stale_file(tmp_path)
    assert main(["--write", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith(f"# Contributing\n\nIntro.\n\n{START}\n\nEvery page starts with front matter")
    assert text.endswith(f"the glossary entry links to it. |\n\n{END}\n\nAfter.\n")
    assert "Old table." not in text
    assert main(["--check", str(target)]) == 0


def test_missing_markers_are_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    target = tmp_path / "CONTRIBUTING.md"
    target.write_text("# Contributing\n", encoding="utf-8")
    assert main(["--write", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"kb.reference: {target.as_posix()}: the reference markers are missing or out of order;")
    assert START in err and END in err
    assert target.read_text(encoding="utf-8") == "# Contributing\n"


def test_broken_data_is_reported_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = copied_data(tmp_path)
    (docs / "_data" / "disclaimers.yml").write_text("general: [unclosed\n", encoding="utf-8")
    target = stale_file(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["--write", "CONTRIBUTING.md"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "docs/_data/disclaimers.yml:1: broken YAML: a list in [brackets] is not closed, or two items lack a comma between them; "
        "fix the YAML syntax on this line",
        "kb.reference: fix the data files above first",
    ]
    assert "Old table." in target.read_text(encoding="utf-8")
