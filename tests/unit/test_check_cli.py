"""Checking a whole docs folder: check_pages, and the stand-alone ``python -m kb.check``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from kb.check import check_docs, main
from kb.pages import check_pages

from tests.unit.samples import DATA, GLOSSARY_PAGE, TODAY

MAYO = """\

- id: mayo-avn
  type: webpage
  container-title: Mayo Clinic
  title: Avascular necrosis
  URL: https://www.mayoclinic.org/diseases-conditions/avascular-necrosis
  checked: {against: web-page, on: 2026-11}
"""

INDEX = """\
---
title: Avascular necrosis of the hip
description: What AVN of the hip is, how it is treated without surgery, and how to live with it.
medical:
  disclaimer: general
  review:
    status: pending-clinical-review
    last_reviewed: 2026-11-21
    next_review: 2027-11-21
  key_messages:
    - AVN means part of a bone has died.
    - Your care team can tell you what it means for you.
---

# Avascular necrosis of the hip

AVN can affect the [femoral head](glossary:femoral-head) [@lai-2005].
"""
CITING_LINE = 17
ABOUT = """\
---
title: About this site
description: Who writes this site and how it is paid for and reviewed.
medical: false
---

# About this site
"""
UNKNOWN_KEY = (
    "[@lai-2050] cites 'lai-2050', which is not in docs/_data/bibliography.yml; "
    "check the spelling against the ids there, or add the entry (CONTRIBUTING.md: Add a source)"
)
GLOSSARY_FIX = "use the id of a term in docs/_data/glossary.yml (its slug, e.g. femoral-head)"


def write_tree(root: Path, pages: dict[str, str] | None = None, /, **data: str) -> Path:
    """Write a valid docs tree under ``root`` (pages and data files overridable); return the docs folder."""
    docs = root / "docs"
    files = {f"_data/{name}": text for name, text in (DATA | data).items()}
    files |= pages if pages is not None else {"index.md": INDEX, "about.md": ABOUT, "glossary.md": GLOSSARY_PAGE}
    for name, text in files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return docs


def problems(docs: Path, today: date = TODAY) -> list[str]:
    """The messages check_pages gives for ``docs``, shown as docs/..."""
    return [str(problem) for problem in check_pages(docs, today=today).problems]


# --- check_pages ------------------------------------------------------------------------------


def test_clean_tree_has_no_problems_and_a_record_per_page(tmp_path: Path) -> None:
    result = check_pages(write_tree(tmp_path), today=TODAY)
    assert result.problems == []
    assert sorted(result.records) == ["about.md", "glossary.md", "index.md"]
    assert result.records["index.md"].cited == ("lai-2005",)


def test_pages_with_a_byte_order_mark_and_crlf_pass(tmp_path: Path) -> None:
    docs = write_tree(tmp_path)
    (docs / "index.md").write_bytes(b"\xef\xbb\xbf" + INDEX.replace("\n", "\r\n").encode())
    (docs / "about.md").write_bytes(ABOUT.replace("\n", "\r\n").encode())
    assert problems(docs) == []


@pytest.mark.parametrize("where", [".meta.yml", "treatment/.meta.yml", "_data/.meta.yml", "_snippets/.meta.yml"])
def test_folder_defaults_are_refused_anywhere(tmp_path: Path, where: str) -> None:
    docs = write_tree(tmp_path)
    (docs / where).parent.mkdir(parents=True, exist_ok=True)
    (docs / where).write_text("medical:\n  disclaimer: general\n", encoding="utf-8")
    assert problems(docs) == [
        f"docs/{where}:1: folder defaults (.meta.yml) are not used on this site, so a page's review and sources "
        "are always in the page; delete this file and put its fields in each page's front matter"
    ]


def test_pages_under_data_and_snippets_are_not_checked(tmp_path: Path) -> None:
    docs = write_tree(
        tmp_path,
        {
            "index.md": INDEX,
            "about.md": ABOUT,
            "_snippets/emergency-numbers.md": "Call 112 in Europe or 911 in the United States.\n",
            "_data/notes.md": "Note: not a page.\n",
            "_snippets/deeper/more.md": "# No front matter\n",
        },
    )
    result = check_pages(docs, today=TODAY)
    assert result.problems == []
    assert sorted(result.records) == ["about.md", "index.md"]


def test_bibliography_entry_no_page_cites(tmp_path: Path) -> None:
    docs = write_tree(tmp_path, **{"bibliography.yml": DATA["bibliography.yml"] + MAYO})
    assert problems(docs) == [
        "docs/_data/bibliography.yml:11: source 'mayo-avn' is cited by no page; "
        "cite it in the sentence it supports, like [@key], or remove it"
    ]


def test_uncited_entries_wait_until_every_page_passes(tmp_path: Path) -> None:
    docs = write_tree(
        tmp_path,
        {"index.md": INDEX.replace("[@lai-2005]", "[@lai-2050]"), "about.md": ABOUT},
        **{"bibliography.yml": DATA["bibliography.yml"] + MAYO},
    )
    assert problems(docs) == [f"docs/index.md:{CITING_LINE}: {UNKNOWN_KEY}"]


def test_every_problem_of_several_pages_is_reported(tmp_path: Path) -> None:
    docs = write_tree(
        tmp_path,
        {
            "about.md": ABOUT.replace("medical: false\n", "medical: false\nglossary: maybe\n"),
            "index.md": INDEX.replace("[@lai-2005]", "[@lai-2005; @lai-2050] [@Lai 2005]").replace(
                "last_reviewed: 2026-11-21", "last_reviewed: 2026-13-40"
            ),
            "living/diet.md": "Note: this page is about diet.\n",
            "treatment/rest.md": "# Rest\n",
        },
    )
    assert problems(docs) == [
        "docs/about.md:5: 'glossary' must be true or false; "
        "write glossary: false to turn off glossary links on this page",
        "docs/index.md:8: 'last_reviewed' is 2026-13-40, which is not a real date; check the month (01-12) and the day",
        f"docs/index.md:{CITING_LINE}: the citation [@Lai 2005] is not written as the site cites; "
        "write [@id] with the id of an entry in docs/_data/bibliography.yml, or [@id-one; @id-two] for two",
        f"docs/index.md:{CITING_LINE}: {UNKNOWN_KEY}",
        "docs/living/diet.md:1: the first line 'Note: this page is about diet.' has no --- fences, so MkDocs "
        "would silently hide it as metadata; put the front matter between two lines of three dashes (---), "
        "as in CONTRIBUTING.md",
        "docs/treatment/rest.md:1: the page has no front matter; start the file with a --- line, the title, "
        "description and medical fields (see CONTRIBUTING.md), and another --- line",
    ]


def test_site_data_problems_come_with_the_page_problems(tmp_path: Path) -> None:
    docs = write_tree(tmp_path, **{"disclaimers.yml": "general:\n  label: Note\n  text: Call <b>now</b>.\n"})
    found = problems(docs)
    assert found[0] == (
        "docs/_data/disclaimers.yml:1: 'general' needs a plain-text label and text; no HTML, no empty values"
    )
    assert [message.split(";")[0] for message in found[1:]] == ["docs/index.md:5: unknown disclaimer kind 'general'"]


def test_page_not_in_utf8_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    docs = write_tree(tmp_path)
    (docs / "about.md").write_bytes((ABOUT + "Caf\u00e9 au lait.\n").encode("latin-1"))
    assert [str(p) for p in check_pages(docs, today=TODAY).problems] == [
        "docs/about.md:8: the file is not saved as UTF-8: this line has the first character that cannot be read;"
        " save the file as UTF-8 in your editor (often under Save as, Encoding)"
    ]
    assert [p.path for p in check_docs(docs, TODAY, "docs")] == ["docs/about.md"]


# --- The command line -------------------------------------------------------------------------


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in tmp_path, as CI runs in the repository, outside GitHub Actions."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def bad_tree(root: Path) -> None:
    """A tree with one front-matter problem and one unknown glossary link."""
    write_tree(
        root,
        {
            "index.md": INDEX.replace("[@lai-2005]", "[@lai-2050]"),
            "about.md": ABOUT + "\nSee the [femur](glossary:femur).\n",
            "glossary.md": GLOSSARY_PAGE,
        },
    )


BAD_LINES = [
    f"docs/about.md:9: the glossary link names an unknown term 'femur'; {GLOSSARY_FIX}",
    f"docs/index.md:{CITING_LINE}: {UNKNOWN_KEY}",
]


def test_cli_clean_tree(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_tree(in_tmp)
    assert main(["docs", "--today", "2026-11-21"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "kb.check: 3 pages, 0 problems\n"


def test_cli_bad_tree(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad_tree(in_tmp)
    assert main(["docs", "--today", "2026-11-21"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == BAD_LINES
    assert err == "kb.check: 3 pages, 2 problems\n"


@pytest.mark.parametrize(
    ("glossary_page", "problem"),
    [
        (None, "the glossary page is missing, and every term links to it"),
        (
            GLOSSARY_PAGE.replace("<!-- kb:glossary -->", ""),
            "the line <!-- kb:glossary --> is missing, so no term has an entry",
        ),
    ],
)
def test_the_glossary_page_must_hold_the_entries(tmp_path: Path, glossary_page: str | None, problem: str) -> None:
    """Term links point into the glossary page, and MkDocs does not check them: the check does."""
    pages = {"index.md": INDEX, "about.md": ABOUT} | ({"glossary.md": glossary_page} if glossary_page else {})
    assert [str(p) for p in check_docs(write_tree(tmp_path, pages), TODAY, "docs")] == [
        f"docs/glossary.md:1: {problem}; write the page with a title and the line <!-- kb:glossary --> where the entries go"
    ]


def test_cli_checks_as_of_the_given_day(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_tree(in_tmp)
    assert main(["docs/", "--today", "2026-11-20"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "docs/index.md:8: last_reviewed 2026-11-21 is in the future (today is 2026-11-20); "
        "use the date the page was actually reviewed"
    ]


def test_cli_in_github_actions_adds_annotations(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad_tree(in_tmp)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["docs", "--today", "2026-11-21"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        BAD_LINES[0],
        f"::error file=docs/about.md,line=9::the glossary link names an unknown term 'femur'; {GLOSSARY_FIX}",
        BAD_LINES[1],
        f"::error file=docs/index.md,line={CITING_LINE}::{UNKNOWN_KEY}",
    ]


def test_cli_in_github_actions_clean_tree_prints_nothing(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(in_tmp)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["docs", "--today", "2026-11-21"]) == 0
    assert capsys.readouterr().out == ""
