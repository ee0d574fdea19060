"""The option grid: its IPDAS checks on good and bad data, with exact messages, and how the extension renders it."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from kb.citation_markdown import CitationExtension
from kb.option_grid import OptionGridExtension
from kb.option_grid_data import check_grid, column_words, words

from tests.soup import one

SHOWN = "docs/_data/option-grid.yml"
KNOWN = {"mont-2020", "lai-2005"}
# Two options in equal detail (17 words each), every cell cited, every statement IPDAS asks for. Lines:
# 9 and 11 the options; 18-19, 24-25, 30-31 and 36-37 the answers of the four questions.
GOOD = """\
condition: AVN of the hip.
decision: What to do about it for now.
updated: 2026-12-06
next_update: 2027-12-06
update_policy: We check it every year.
uncertainty: The evidence is weak [@mont-2020].
funding: No funding.
options:
  - id: watch
    name: Watch
  - id: surgery
    name: Surgery
questions:
  - id: involves
    question: What does it involve?
    covers: description
    answers:
      watch: Scans now and then [@mont-2020].
      surgery: An operation in hospital [@mont-2020].
  - id: may-do
    question: What may it do?
    covers: benefits
    answers:
      watch: It avoids an operation [@mont-2020].
      surgery: It may save the hip [@lai-2005].
  - id: risks
    question: What are the risks?
    covers: harms
    answers:
      watch: The hip may collapse [@mont-2020].
      surgery: Infection and blood clots [@lai-2005].
  - id: like
    question: What is it like?
    covers: experience
    answers:
      watch: Life goes on as usual [@mont-2020].
      surgery: Weeks on crutches after [@lai-2005].
"""
BIBLIOGRAPHY = """\
- id: mont-2020
  type: article-journal
  title: Nontraumatic osteonecrosis of the femoral head
  container-title: J Bone Joint Surg Am
  URL: https://example.org/mont
  checked: {against: publisher, on: 2026-01-10}
- id: lai-2005
  type: article-journal
  title: Alendronate and early collapse
  container-title: J Bone Joint Surg Am
  DOI: 10.2106/JBJS.D.02959
  checked: {against: publisher, on: 2026-01-10}
"""


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "option-grid.yml"
    path.write_text(text)
    return [str(problem) for problem in check_grid(path, SHOWN, KNOWN).problems]


def _changed(old: str, new: str) -> str:
    assert GOOD.count(old) == 1, old
    return GOOD.replace(old, new)


def test_good_grid_has_no_problem_and_equal_columns(tmp_path: Path) -> None:
    path = tmp_path / "option-grid.yml"
    path.write_text(GOOD)
    checked = check_grid(path, SHOWN, KNOWN)
    assert checked.problems == []
    assert checked.grid is not None
    assert column_words(checked.grid) == {"watch": 17, "surgery": 17}


def test_words_leave_out_citations() -> None:
    assert words("It may save the hip [@lai-2005; @mont-2020].") == 5


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "      surgery: Infection and blood clots [@lai-2005].\n",
            "",
            f"{SHOWN}:29: 'What are the risks?' has no answer for 'Surgery'; write it under answers: as 'surgery:'",
            id="missing-cell",
        ),
        pytest.param(
            "      surgery: Infection and blood clots [@lai-2005].",
            "      surgery:",
            f"{SHOWN}:31: 'What are the risks?' has no answer for 'Surgery'; write it under answers: as 'surgery:'",
            id="empty-cell",
        ),
        pytest.param(
            "      watch: Life goes on as usual [@mont-2020].",
            "      watch: Life goes on as usual.",
            f"{SHOWN}:36: the answer to 'What is it like?' for 'Watch' cites no source;"
            " add [@id] after the words it supports",
            id="uncited-cell",
        ),
        pytest.param(
            "funding: No funding.\n",
            "",
            f"{SHOWN}:1: the grid does not state who pays for the grid ('funding');"
            " add 'funding:' with one or two plain sentences",
            id="no-funding",
        ),
        pytest.param(
            "updated: 2026-12-06\n",
            "",
            f"{SHOWN}:1: the grid does not state the day the grid was last updated ('updated');"
            " add 'updated:' with one or two plain sentences",
            id="no-date",
        ),
        pytest.param(
            "update_policy: We check it every year.\n",
            "",
            f"{SHOWN}:1: the grid does not state how and when the grid is updated ('update_policy');"
            " add 'update_policy:' with one or two plain sentences",
            id="no-update-policy",
        ),
        pytest.param(
            "uncertainty: The evidence is weak [@mont-2020].\n",
            "",
            f"{SHOWN}:1: the grid does not state how certain the evidence is ('uncertainty');"
            " add 'uncertainty:' with one or two plain sentences",
            id="no-uncertainty",
        ),
        pytest.param(
            "condition: AVN of the hip.\n",
            "",
            f"{SHOWN}:1: the grid does not state the health condition the grid is about ('condition');"
            " add 'condition:' with one or two plain sentences",
            id="no-condition",
        ),
        pytest.param(
            "decision: What to do about it for now.\n",
            "",
            f"{SHOWN}:1: the grid does not state the decision the reader faces ('decision');"
            " add 'decision:' with one or two plain sentences",
            id="no-decision",
        ),
        pytest.param(
            "    covers: harms",
            "    covers: outlook",
            f"{SHOWN}:13: no row shows the bad points (negative features) of each option;"
            " add a question with 'covers: harms'",
            id="no-harms-row",
        ),
        pytest.param(
            "    covers: experience",
            "    covers: outlook",
            f"{SHOWN}:13: no row shows what each option is like to live through; add a question with 'covers: experience'",
            id="no-experience-row",
        ),
        pytest.param(
            "      surgery: An operation in hospital [@mont-2020].\n",
            "      surgery: An operation in hospital [@mont-2020].\n      knee: Not a choice [@mont-2020].\n",
            f"{SHOWN}:20: 'knee' is not one of the options; use one of watch, surgery",
            id="unknown-option-in-cell",
        ),
        pytest.param(
            "      watch: Scans now and then [@mont-2020].",
            "      watch: Scans <b>now</b> and then [@mont-2020].",
            f"{SHOWN}:18: 'watch' holds < or >; write plain words (less than, more than), no HTML",
            id="html-in-cell",
        ),
        pytest.param(
            "      watch: Scans now and then [@mont-2020].",
            "      watch: Scans now and then [@nobody-2020].",
            f"{SHOWN}:18: [@nobody-2020] is not in docs/_data/bibliography.yml; check the id there, or add the entry",
            id="unknown-source",
        ),
        pytest.param(
            "      watch: Scans now and then [@mont-2020].",
            "      watch: Scans now and then [@Mont 2020].",
            f"{SHOWN}:18: the citation [@Mont 2020] is not written as the site cites; write [@id], or [@id-one; @id-two]",
            id="malformed-citation",
        ),
        pytest.param(
            "condition: AVN of the hip.",
            "condition: AVN: of the hip.",
            f"{SHOWN}:1: broken YAML: a colon (:) inside a value; put the whole value in quotes;"
            " fix the YAML syntax on this line",
            id="broken-yaml",
        ),
        pytest.param(
            "next_update: 2027-12-06",
            "next_update: 2026-01-06",
            f"{SHOWN}:4: next_update is not after updated; set the next update after the last one",
            id="next-update-before-update",
        ),
        pytest.param(
            "updated: 2026-12-06",
            "updated: 2026-13-06",
            f"{SHOWN}:3: 'updated' 2026-13-06 is not a real date; write a day that exists, as YYYY-MM-DD",
            id="impossible-date",
        ),
        pytest.param(
            "    covers: harms",
            "    covers: feelings",
            f"{SHOWN}:28: 'covers' is 'feelings'; use one of description, benefits, harms, experience, outlook",
            id="unknown-covers",
        ),
        pytest.param(
            "funding: No funding.",
            "funding: No funding.\ncolour: blue",
            f"{SHOWN}:8: unknown field 'colour'; check the spelling against the comment at the top of the file",
            id="unknown-field",
        ),
        pytest.param(
            "      watch: Life goes on as usual [@mont-2020].",
            "      watch: Crutches heal the bone [@mont-2020].",
            f"{SHOWN}:36: unsupported claim: 'Crutches heal the bone.'; unloading eases pain but has not been shown"
            " to heal bone or prevent collapse; say so, or cut the sentence",
            id="unsupported-claim",
        ),
        pytest.param(
            "uncertainty: The evidence is weak [@mont-2020].",
            "uncertainty: Medicines cure AVN [@mont-2020].",
            f"{SHOWN}:6: unsupported claim: 'Medicines cure AVN.'; no treatment without surgery has been shown to do"
            " this; say what the evidence shows and how strong it is; say so, or cut the sentence",
            id="unsupported-claim-in-uncertainty",
        ),
        pytest.param(
            "  - id: surgery\n",
            "  - id: watch\n",
            f"{SHOWN}:11: the option id 'watch' is used twice; rename one",
            id="duplicate-option",
        ),
    ],
)
def test_each_failure_is_named_at_its_line(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert expected in _problems(tmp_path, _changed(old, new))


def test_bad_data_reports_only_its_own_problem(tmp_path: Path) -> None:
    changed = _changed("      watch: Life goes on as usual [@mont-2020].", "      watch: Life goes on as usual.")
    assert len(_problems(tmp_path, changed)) == 1


def test_uneven_columns_name_both_options_and_the_words_to_aim_for(tmp_path: Path) -> None:
    long = "It may save the hip if it is done early, before the ball of the hip has collapsed [@lai-2005]."
    problems = _problems(tmp_path, _changed("It may save the hip [@lai-2005].", long))
    assert problems == [
        f"{SHOWN}:9: 'Watch' has 17 words, 28% fewer than the options' mean of 24; options must be in equal detail"
        " (within 25%); write 18 to 29 words across its answers, or even out the others",
        f"{SHOWN}:11: 'Surgery' has 30 words, 28% more than the options' mean of 24; options must be in equal detail"
        " (within 25%); write 18 to 29 words across its answers, or even out the others",
    ]


def test_columns_within_a_quarter_of_the_mean_pass(tmp_path: Path) -> None:
    # 17 and 20 words: a mean of 18.5, and 20 is 8% above it.
    longer = "It may save the hip if done early [@lai-2005]."
    assert _problems(tmp_path, _changed("It may save the hip [@lai-2005].", longer)) == []


def test_a_missing_data_file_is_named(tmp_path: Path) -> None:
    checked = check_grid(tmp_path / "nowhere.yml", SHOWN, KNOWN)
    assert [str(problem) for problem in checked.problems] == [
        f"{SHOWN}:1: the data file is missing; restore it from git"
    ]


def _render(tmp_path: Path, data: str) -> BeautifulSoup:
    (tmp_path / "grid.yml").write_text(data)
    (tmp_path / "bibliography.yml").write_text(BIBLIOGRAPHY)
    grid = OptionGridExtension(data_file=str(tmp_path / "grid.yml"), bibliography=str(tmp_path / "bibliography.yml"))
    md = markdown.Markdown(extensions=[grid, CitationExtension()])
    html = md.convert("Before the grid [@lai-2005].\n\n::: option-grid\n\nAfter the grid.")
    return BeautifulSoup(html, "html.parser")


def test_the_extension_renders_options_as_columns_and_cited_cells(tmp_path: Path) -> None:
    page = _render(tmp_path, GOOD)
    table = one(page, "table.kb-grid__table")
    assert [th.get_text() for th in table.select("thead th")] == ["Your question", "Watch", "Surgery"]
    assert [th.get_text() for th in table.select("tbody th[scope=row]")] == [
        "What does it involve?", "What may it do?", "What are the risks?", "What is it like?"
    ]  # fmt: skip
    first = table.select("tbody td")[0]
    assert first["data-label"] == "Watch"
    assert first.get_text() == "Scans now and then2."
    # Numbered in document order: lai-2005 before the grid is 1, mont-2020 in the first cell is 2.
    assert [a["href"] for a in table.select("tbody tr:nth-of-type(2) sup.kb-cite a")] == ["#source-2", "#source-1"]
    assert one(table, "caption").get_text("|") == "What to do about it for now.|AVN of the hip."
    notes = one(page, ".kb-grid__notes").get_text(" ", strip=True)
    assert "How sure is this? The evidence is weak" in notes
    assert "When was this updated? 6 December 2026 . The next update is due by 6 December 2027 ." in notes
    assert one(page, ".kb-grid__notes time")["datetime"] == "2026-12-06"
    assert "Who pays for this? No funding." in notes
    assert page.find_all("p")[-1].get_text() == "After the grid."


def test_bad_data_leaves_the_grid_out_and_the_page_check_reports_it(tmp_path: Path) -> None:
    page = _render(tmp_path, _changed("funding: No funding.\n", ""))
    assert page.select(".kb-grid") == []
    assert page.get_text("|", strip=True) == "Before the grid|1|.|After the grid."
