"""``python -m kb.new_page``: a new page that passes the checks, refusals that teach, and the nav edit."""

from __future__ import annotations

import functools
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from kb.check import check_docs
from kb.nav import add_to_nav
from kb.new_page import KINDS, main
from kb.pages import check_pages

from tests.sitebuild import ROOT

TODAY = "2026-11-21"
TREATMENT_SECTIONS = [
    "What it is",
    "What it can do",
    "What the evidence shows",
    "Risks and side effects",
    "What happens without it",
    "Questions to ask your care team",
    "Key points",
    "Related pages",
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the real docs and mkdocs.yml; the working directory, as `make new-page` runs."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def new_page(*args: str) -> int:
    return main([*args, "--today", TODAY])


def problems(project: Path) -> list[str]:
    """What `python -m kb.check docs` reports for the copied project."""
    return [str(problem) for problem in check_docs(project / "docs", date.fromisoformat(TODAY), "docs")]


@functools.cache
def real_problems() -> list[str]:
    """What `python -m kb.check docs` reports for the real docs: a copy with a new page must report the same."""
    return [str(problem) for problem in check_docs(ROOT / "docs", date.fromisoformat(TODAY), "docs")]


def headings(text: str) -> list[str]:
    return re.findall(r"^## (.+)$", text, re.MULTILINE)


@pytest.mark.parametrize(
    ("kind", "where"),
    [
        ("treatment", "treatment"),
        ("medical", "living"),
        ("exercise", "physical-therapy"),
        ("non-medical", "about-this-site"),
    ],
)
def test_every_kind_passes_the_checks_and_joins_the_nav(
    project: Path, kind: str, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert new_page("--kind", kind, f"docs/{where}/new-thing.md", "--title", "New thing") == 0
    assert problems(project) == real_problems()  # None once the real pages pass; the new page adds none.
    result = check_pages(project / "docs", today=date.fromisoformat(TODAY))
    record = result.records[f"{where}/new-thing.md"]
    assert record.title == "New thing"
    assert record.medical is (kind != "non-medical")
    assert f"      - {where}/new-thing.md\n" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    out = capsys.readouterr().out
    assert out.startswith(f"Created docs/{where}/new-thing.md ({kind} page, ")
    assert "Added it to the nav in mkdocs.yml, at the end of" in out


def test_treatment_page_front_matter_and_anatomy(project: Path) -> None:
    assert new_page("--kind", "treatment", "docs/treatment/knee-braces.md", "--title", "Knee braces") == 0
    text = (project / "docs/treatment/knee-braces.md").read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    assert front == (
        "---\n"
        "title: Knee braces\n"
        "description: 'Knee braces: what it is, what it can do, what the evidence shows, and its risks for people with AVN.'\n"
        "medical:\n"
        "  disclaimer: treatments\n"
        "  review:\n"
        "    status: pending-clinical-review\n"
        "    last_reviewed: 2026-11-21\n"
        "    next_review: 2027-11-21\n"
        "  # Shown first, under 'In short': two to four plain sentences (CONTRIBUTING.md).\n"
        "  key_messages:\n"
        "    - Put the main point of this page here, in one short sentence.\n"
        "    - Put the next point here. Keep two to four points in all.\n"
        "  # One to three questions a patient asks, each with a short answer and a level of\n"
        "  # the evidence scale (CONTRIBUTING.md, Evidence levels). Remove the # signs to show them:\n"
        "  # evidence:\n"
        "  #   - question: Does it ease pain?\n"
        "  #     answer: Eases pain for some people\n"
        "  #     level: low\n"
        "  # The row of the treatment comparison on the treatment overview:\n"
        "  treatment:\n"
        "    aim: Say what this treatment is for, in a few words.\n"
        "    involves: Say what it involves for the reader.\n"
        "    main_risks: Say its main risks or downsides."
    )
    assert body.startswith("\n# Knee braces\n\n<!-- Summary: ")
    assert headings(body) == TREATMENT_SECTIONS
    # The one line of text is the placeholder summary, which cites the placeholder source.
    assert [line for line in body.splitlines() if line and not line.startswith(("#", "<!--"))] == [
        "Replace this sentence with the summary, and cite each source where you use it [@mont-2020]."
    ]


def test_uncommented_evidence_example_is_valid(project: Path) -> None:
    assert new_page("--kind", "treatment", "docs/treatment/knee-braces.md", "--title", "Knee braces") == 0
    page = project / "docs/treatment/knee-braces.md"
    page.write_text(
        re.sub(r"^  # (evidence|  - question|    answer|    level)", r"  \1", page.read_text(), flags=re.MULTILINE)
    )
    result = check_pages(project / "docs", today=date.fromisoformat(TODAY))
    assert [p for p in result.problems if p.path == "docs/treatment/knee-braces.md"] == []
    assert [(e.question, e.answer, e.level) for e in result.records["treatment/knee-braces.md"].evidence] == [
        ("Does it ease pain?", "Eases pain for some people", "low")
    ]


def test_kinds_have_their_sections_and_disclaimers(project: Path) -> None:
    expected = {
        "medical": ("general", ["First topic", "Key points", "Related pages"]),
        "exercise": (
            "exercise",
            ["Before you start", "Exercises", "When to stop and call", "Key points", "Related pages"],
        ),
        "non-medical": (None, ["First topic", "Related pages"]),
    }
    for kind, (disclaimer, sections) in expected.items():
        # living/ is a medical folder (kb.medical_folders): a page about the site goes elsewhere.
        path = f"docs/{'about-this-site' if kind == 'non-medical' else 'living'}/{kind}.md"
        assert new_page("--kind", kind, path, "--title", kind.title()) == 0
        text = (project / path).read_text(encoding="utf-8")
        assert headings(text) == sections
        assert (f"  disclaimer: {disclaimer}\n" in text) if disclaimer else ("medical: false\n" in text)
        assert KINDS[kind].disclaimer == disclaimer


def test_review_a_year_later_from_29_february(project: Path) -> None:
    assert main(["--kind", "medical", "docs/living/leap.md", "--title", "Leap", "--today", "2028-02-29"]) == 0
    text = (project / "docs/living/leap.md").read_text(encoding="utf-8")
    assert "    last_reviewed: 2028-02-29\n    next_review: 2029-02-28\n" in text


def test_chosen_sources_disclaimer_and_description(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        new_page(
            "--kind", "treatment", "docs/treatment/ice.md", "--title", "Ice packs",
            "--source", "mayo-avn", "--source", "mont-2020", "--disclaimer", "medicines",
            "--description", "What ice packs can and cannot do for hip pain from AVN, and how to use them safely.",
        )
        == 0
    )  # fmt: skip
    text = (project / "docs/treatment/ice.md").read_text(encoding="utf-8")
    assert "  disclaimer: medicines\n" in text
    assert "cite each source where you use it [@mayo-avn; @mont-2020].\n" in text
    assert "sources:" not in text
    assert "Placeholder" not in text
    assert "description: What ice packs can and cannot do for hip pain from AVN, and how to use them safely.\n" in text
    out = capsys.readouterr().out
    assert "Replace the placeholder source" not in out
    assert "Check the description" not in out


def test_a_title_that_needs_quotes_in_yaml(project: Path) -> None:
    assert new_page("--kind", "medical", "docs/living/work.md", "--title", "Work: what to tell your employer") == 0
    text = (project / "docs/living/work.md").read_text(encoding="utf-8")
    assert "title: 'Work: what to tell your employer'\n" in text
    assert "\n# Work: what to tell your employer\n" in text
    assert [p for p in problems(project) if p.startswith("docs/living/work.md")] == []


# --- Refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["docs/treatment/statins.md", "--title", "Statins"],
            "docs/treatment/statins.md: the file already exists; choose another name, or edit that page instead",
        ),
        (
            ["notes/statins-2.md", "--title", "X"],
            "notes/statins-2.md: the page is outside docs/; put it in a section folder, e.g. docs/treatment/statins-2.md",
        ),
        (
            ["docs/treatment/x.txt", "--title", "X"],
            "docs/treatment/x.txt: a page must be a Markdown file; end the name with .md, e.g. docs/treatment/knee-braces.md",
        ),
        (
            ["docs/_data/x.md", "--title", "X"],
            "docs/_data/x.md: folders whose names start with _ or . hold data, not pages; "
            "put the page in a section folder, e.g. docs/treatment/x.md",
        ),
        (
            ["docs/treatment/Knee_Braces.md", "--title", "X"],
            "docs/treatment/Knee_Braces.md: 'Knee_Braces' is not lower-case words joined by hyphens; rename it, e.g. knee-braces",
        ),
        (
            ["", "--title", "X"],
            "no page given; name the new file, e.g. docs/treatment/knee-braces.md (with make: PAGE=...)",
        ),
        (["docs/treatment/x.md", "--title", "  "], 'the page has no title; give one, e.g. --title "Knee braces"'),
        (
            ["docs/treatment/x.md", "--title", "X", "--source", "lai-2050"],
            "unknown source key 'lai-2050'; use a key from docs/_data/bibliography.yml, or add the source there first",
        ),
        (
            ["docs/treatment/x.md", "--title", "X", "--disclaimer", "surgery"],
            "unknown disclaimer kind 'surgery'; use one of general, medicines, exercise, treatments, urgent",
        ),
    ],
)
def test_refusals_teach_and_write_nothing(
    project: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(path for path in (project / "docs").rglob("*"))
    nav = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert new_page("--kind", "treatment", *args) == 1
    assert capsys.readouterr().err == f"kb.new_page: {message}\n"
    assert sorted(path for path in (project / "docs").rglob("*")) == before
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == nav


@pytest.mark.parametrize("extra", [["--disclaimer", "general"], ["--source", "mont-2020"]])
def test_non_medical_page_refuses_a_disclaimer_or_sources(
    project: Path, extra: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert new_page("--kind", "non-medical", "docs/about-this-site/x.md", "--title", "X", *extra) == 1
    assert capsys.readouterr().err == (
        "kb.new_page: a non-medical page has no disclaimer or sources; leave out --disclaimer and --source, "
        "or choose another --kind\n"
    )


def test_broken_data_files_are_reported_first(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs/_data/disclaimers.yml").write_text("general: [unclosed\n", encoding="utf-8")
    assert new_page("--kind", "medical", "docs/living/x.md", "--title", "X") == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("docs/_data/disclaimers.yml:1: broken YAML: ")
    assert err[-1] == "kb.new_page: fix the data files above first; no page was written"
    assert not (project / "docs/living/x.md").exists()


def test_a_page_that_would_fail_the_check_is_not_written(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new_page("--kind", "medical", "docs/living/x.md", "--title", 'The "best" brace') == 1
    assert capsys.readouterr().err.splitlines() == [
        "docs/living/x.md:3: the description contains \" < > or &, which breaks the page's meta tag; "
        "reword it without those characters (use 'single quotes')",
        "kb.new_page: the page was not written; change the title or pass --description",
    ]
    assert not (project / "docs/living/x.md").exists()


def test_an_unknown_kind_lists_the_kinds(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--kind", "surgery", "docs/treatment/x.md", "--title", "X"])
    assert (
        "invalid choice: 'surgery' (choose from 'treatment', 'medical', 'exercise', 'non-medical')"
        in capsys.readouterr().err
    )


# --- The nav edit ---------------------------------------------------------------------------------

CONFIG = """\
site_name: Test  # a comment that must stay
extra:
  token: !ENV [TOKEN, none]
nav:
  - Home: index.md
  # The treatment section, in reading order.
  - Treatment:
      - treatment/index.md
      - Rest: treatment/rest.md  # the first choice
  - About:
      - about/index.md
markdown_extensions:
  - toc
"""


def test_the_page_goes_after_its_last_sibling_and_comments_stay() -> None:
    edit = add_to_nav(CONFIG, "treatment/ice.md", "Ice")
    assert edit.text == CONFIG.replace("# the first choice\n", "# the first choice\n      - treatment/ice.md\n")
    assert edit.message == (
        'Added it to the nav in mkdocs.yml, at the end of "Treatment" (line 10); move that line to change where it shows.'
    )


def test_a_page_already_in_the_nav_is_left_alone() -> None:
    assert add_to_nav(CONFIG, "treatment/rest.md", "Rest").text is None
    assert (
        add_to_nav(CONFIG, "treatment/rest.md", "Rest").message
        == "treatment/rest.md is already in the nav of mkdocs.yml."
    )


@pytest.mark.parametrize(
    ("config", "src_uri", "why", "line"),
    [
        (CONFIG, "living/diet.md", "no section of the nav holds the other pages of living/", "      - living/diet.md"),
        (CONFIG, "diet.md", "no section of the nav holds the other pages of docs/", "  - Diet: diet.md"),
        ("site_name: Test\n", "living/diet.md", "mkdocs.yml has no nav: section", "      - living/diet.md"),
        (
            CONFIG.replace("      - about/index.md", "      - about/index.md\n  - More:\n    - treatment/more.md"),
            "treatment/ice.md",
            "no section of the nav holds the other pages of treatment/",
            "      - treatment/ice.md",
        ),
    ],
)
def test_when_the_nav_cannot_be_edited_safely_it_says_which_line_to_add(
    config: str, src_uri: str, why: str, line: str
) -> None:
    edit = add_to_nav(config, src_uri, "Diet")
    assert edit.text is None
    assert edit.message == (
        f"The page was not added to the nav: {why}. Add this line to nav: in mkdocs.yml, in the section where the "
        f"page belongs (the strict build fails until it is there):\n{line}"
    )


def test_a_nav_that_would_read_back_differently_is_not_edited() -> None:
    # The last "sibling" is text inside a block scalar: a line after it would change that text.
    config = "nav:\n  - Treatment:\n      - treatment/index.md\n  - Notes: |\n      - treatment/rest.md\n"
    edit = add_to_nav(config, "treatment/ice.md", "Ice")
    assert edit.text is None
    assert edit.message.startswith("The page was not added to the nav: the nav could not be edited safely.")
