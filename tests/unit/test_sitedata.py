"""The site data under docs/_data: disclaimers, evidence scale and bibliography."""

from __future__ import annotations

from pathlib import Path

import pytest
from kb.sitedata import Labelled, SiteData, load_site_data

DISCLAIMERS = """\
general:
  label: Information, not medical advice
  text: >-
    This page explains AVN in general.
    Talk to your care team.
"""
EVIDENCE_SCALE = """\
low:
  label: Low
  meaning: Small trials or results that disagree.
"""
BIBLIOGRAPHY = """\
- id: lai-2005
  type: article-journal
  author:
    - {family: Lai, given: KA}
    - {family: Shen, given: WJ}
  issued: {date-parts: [[2005]]}
  title: A trial of alendronate in osteonecrosis
  container-title: J Bone Joint Surg Am
  DOI: 10.2106/JBJS.D.02959
  checked: {against: publisher, on: 2026-11-21}

- id: mayo-avn
  type: webpage
  container-title: Mayo Clinic
  title: Avascular necrosis
  URL: https://www.mayoclinic.org/diseases-conditions/avascular-necrosis
  checked: {against: web-page, on: 2026-11}
"""


def write_data(tmp_path: Path, **files: str | None) -> Path:
    """Write the three data files (overridden by ``files``, None leaves one out); return the folder."""
    data_dir = tmp_path / "docs" / "_data"
    data_dir.mkdir(parents=True)
    contents = {"disclaimers": DISCLAIMERS, "evidence_scale": EVIDENCE_SCALE, "bibliography": BIBLIOGRAPHY} | files
    for name, text in contents.items():
        if text is not None:
            (data_dir / f"{name.replace('_', '-')}.yml").write_text(text, encoding="utf-8")
    return data_dir


def load(tmp_path: Path, **files: str | None) -> SiteData:
    """Write the data files and load them as docs/_data."""
    return load_site_data(write_data(tmp_path, **files), "docs/_data")


def problems(tmp_path: Path, **files: str | None) -> list[str]:
    """The messages an editor sees for these data files."""
    return [str(problem) for problem in load(tmp_path, **files).problems]


def test_valid_data_loads(tmp_path: Path) -> None:
    site = load(tmp_path)
    assert site.problems == []
    assert site.disclaimers == {
        "general": Labelled(
            "Information, not medical advice", "This page explains AVN in general. Talk to your care team."
        )
    }
    assert site.evidence_scale == {"low": Labelled("Low", "Small trials or results that disagree.")}
    assert list(site.sources) == ["lai-2005", "mayo-avn"]
    assert site.sources["lai-2005"].year == 2005
    assert site.source_lines == {"lai-2005": 1, "mayo-avn": 12}
    assert site.references["lai-2005"].startswith("Lai KA, Shen WJ. A trial of alendronate in osteonecrosis.")


def test_data_file_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    assert problems(tmp_path, disclaimers="\ufeff" + DISCLAIMERS) == []


# --- Disclaimers and evidence scale -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Call <b>now</b>.", "Talk to your care team. <script>alert(1)</script>", '""'],
)
def test_disclaimer_text_with_html_or_empty(tmp_path: Path, text: str) -> None:
    disclaimers = f"general:\n  label: Information, not medical advice\n  text: {text}\n"
    site = load(tmp_path, disclaimers=disclaimers)
    assert [str(problem) for problem in site.problems] == [
        "docs/_data/disclaimers.yml:1: 'general' needs a plain-text label and text; no HTML, no empty values"
    ]
    assert site.disclaimers == {}


def test_unknown_disclaimer_field(tmp_path: Path) -> None:
    assert problems(tmp_path, disclaimers=DISCLAIMERS + "  colour: red\n") == [
        "docs/_data/disclaimers.yml:6: unknown field 'colour'; use only label, text, warning"
    ]


def test_a_disclaimer_warning_is_loaded_and_checked(tmp_path: Path) -> None:
    good = "general:\n  label: About medicines\n  text: Ask your pharmacist.\n  warning: Do not stop a medicine.\n"
    assert load(tmp_path / "good", disclaimers=good).disclaimers["general"].warning == "Do not stop a medicine."
    bad = good.replace("Do not stop a medicine.", "Do <b>not</b> stop.")
    site = load(tmp_path / "bad", disclaimers=bad)
    assert [str(problem) for problem in site.problems] == [
        "docs/_data/disclaimers.yml:4: 'warning' of 'general' must be plain text; no HTML, no empty values"
    ]
    assert site.disclaimers["general"].warning is None


def test_evidence_levels_take_no_warning(tmp_path: Path) -> None:
    scale = "low:\n  label: Low\n  meaning: Small trials.\n  warning: Careful.\n"
    assert problems(tmp_path, evidence_scale=scale) == [
        "docs/_data/evidence-scale.yml:4: unknown field 'warning'; use only label, meaning"
    ]


def test_evidence_level_without_meaning(tmp_path: Path) -> None:
    assert problems(tmp_path, evidence_scale="low:\n  label: Low\n") == [
        "docs/_data/evidence-scale.yml:1: 'low' needs a plain-text label and meaning; no HTML, no empty values"
    ]


def test_disclaimers_file_missing(tmp_path: Path) -> None:
    site = load(tmp_path, disclaimers=None)
    assert [str(problem) for problem in site.problems] == [
        "docs/_data/disclaimers.yml:1: the data file is missing; restore it from git"
    ]
    assert site.disclaimers == {}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("", "a mapping of keys to entries"), ("- general\n", "a mapping of keys to entries")],
)
def test_disclaimers_file_that_is_not_a_mapping(tmp_path: Path, text: str, wanted: str) -> None:
    assert problems(tmp_path, disclaimers=text) == [
        f"docs/_data/disclaimers.yml:1: the file must hold {wanted}; see CONTRIBUTING.md"
    ]


def test_a_data_file_not_saved_as_utf8_is_named_at_its_line(tmp_path: Path) -> None:
    data_dir = write_data(tmp_path)
    (data_dir / "disclaimers.yml").write_bytes(DISCLAIMERS.replace("general", "g\xe9n\xe9ral", 1).encode("latin-1"))
    assert problems_in(data_dir) == [
        "docs/_data/disclaimers.yml:1: the file is not saved as UTF-8: this line has the first character that "
        "cannot be read; save the file as UTF-8 in your editor (often under Save as, Encoding)"
    ]


def problems_in(data_dir: Path) -> list[str]:
    """The messages for the data files already written in ``data_dir``."""
    return [str(problem) for problem in load_site_data(data_dir, "docs/_data").problems]
