"""The gate's rules that need no MkDocs: medical folders, file names, plain YAML messages, annotations, the nav."""

from __future__ import annotations

from pathlib import Path

import pytest
from kb.medical_folders import MEDICAL_FOLDERS, medical_folder
from kb.pages import check_pages, file_name_problems
from kb.problems import Problem, annotation, shown_value
from kb.strictyaml import YamlError, load
from kb.verdict import glossary_anchor_problems, nav_problems

from tests.unit.samples import DATA, GLOSSARY_PAGE, MEDICAL_PAGE, TODAY

ABOUT = (
    "---\ntitle: About\ndescription: Who writes this site and how it is paid for and reviewed.\nmedical: false\n---\n"
)


def tree(root: Path, pages: dict[str, str]) -> Path:
    docs = root / "docs"
    for name, text in ({f"_data/{n}": t for n, t in DATA.items()} | {"glossary.md": GLOSSARY_PAGE} | pages).items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return docs


def found(root: Path, pages: dict[str, str]) -> list[str]:
    return [str(p) for p in check_pages(tree(root, pages), today=TODAY).problems]


# --- Medical folders ---------------------------------------------------------------------------


def test_the_medical_folders_are_declared_once_with_their_disclaimers() -> None:
    assert set(MEDICAL_FOLDERS) == {"about-avn", "treatment", "physical-therapy", "living"}
    assert medical_folder("treatment/statins.md") == "treatment"
    assert medical_folder("treatment/deeper/x.md") == "treatment"
    assert medical_folder("about-this-site/privacy.md") is None
    assert medical_folder("treatment.md") is None


@pytest.mark.parametrize("folder", sorted(MEDICAL_FOLDERS))
def test_a_page_in_a_medical_folder_cannot_switch_its_checks_off(tmp_path: Path, folder: str) -> None:
    assert found(tmp_path, {f"{folder}/x.md": ABOUT}) == [
        f"docs/{folder}/x.md:4: a page in {folder}/ is a medical page, but this one says it is not;"
        " write a medical: block with disclaimer, review and sources (see CONTRIBUTING.md),"
        " or move the page out of the medical folders"
    ]


def test_the_same_page_outside_the_medical_folders_passes(tmp_path: Path) -> None:
    assert found(tmp_path, {"about-this-site/x.md": ABOUT, "x.md": ABOUT, "index.md": MEDICAL_PAGE}) == []


def test_a_medical_page_in_a_medical_folder_passes(tmp_path: Path) -> None:
    assert found(tmp_path, {"living/walking-aids.md": MEDICAL_PAGE}) == []


def test_a_disclaimer_that_does_not_fit_the_folder(tmp_path: Path) -> None:
    disclaimers = DATA["disclaimers.yml"] + "exercise:\n  label: Before you exercise\n  text: Ask first.\n"
    page = MEDICAL_PAGE.replace("disclaimer: general", "disclaimer: exercise")
    result = found(tmp_path, {"_data/disclaimers.yml": disclaimers, "about-avn/x.md": page})
    assert result == [
        "docs/about-avn/x.md:5: the disclaimer 'exercise' does not fit a page in about-avn/;"
        " use one of general, urgent, or move the page to the folder it belongs in"
    ]


def test_an_unknown_disclaimer_gets_only_the_contract_message(tmp_path: Path) -> None:
    page = MEDICAL_PAGE.replace("disclaimer: general", "disclaimer: legal")
    assert [line.split(";")[0] for line in found(tmp_path, {"about-avn/x.md": page})] == [
        "docs/about-avn/x.md:5: unknown disclaimer kind 'legal'"
    ]


# --- File names --------------------------------------------------------------------------------

NAMES = {
    "treatment/statin copy.md": ("treatment/statin copy.md", "statin-copy.md"),
    "treatment/Statins.md": ("treatment/Statins.md", "statins.md"),
    "café.md": ("café.md", "cafe.md"),
    "statin copy/index.md": ("statin copy", "statin-copy"),
    "img/Hip X.PNG": ("img/Hip X.PNG", "hip-x.png"),
    "under_score.md": ("under_score.md", "under-score.md"),
}


@pytest.mark.parametrize(("name", "expected"), NAMES.items(), ids=NAMES.keys())
def test_a_file_name_outside_the_rule_is_refused_with_the_name_to_use(
    tmp_path: Path, name: str, expected: tuple[str, str]
) -> None:
    docs = tmp_path / "docs"
    (docs / name).parent.mkdir(parents=True, exist_ok=True)
    (docs / name).write_text(ABOUT, encoding="utf-8")
    shown, suggested = expected
    assert [str(p) for p in file_name_problems(docs, "docs")] == [
        f"docs/{shown}:1: the name '{shown.rsplit('/', 1)[-1]}' has characters other than lower-case letters (a-z),"
        f" digits and hyphens; rename it to '{suggested}' and update the links and nav to it"
    ]


def test_good_names_and_data_folders_pass(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for name in ["treatment/statins.md", "about-avn/x-ray-2.md", "assets/hip.svg", "_data/glossary.yml", ".git/x"]:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("x", encoding="utf-8")
    assert file_name_problems(docs, "docs") == []


# --- Plain YAML messages -----------------------------------------------------------------------

YAML = {
    "tab": ("a:\n\tb: 1\n", 2, "a tab is used to indent this line; indent with spaces, never tabs"),
    "colon in a value": ("a: b: c\n", 1, "a colon (:) inside a value; put the whole value in quotes"),
    "too far in": ("a: 1\n  b: 2\n", 2, "this line is indented more than the line above; line it up with spaces"),
    "not lined up": (
        "- a\nb: 1\n",
        2,
        "this line is not lined up with the lines above; indent it with spaces to match",
    ),
    "open list": ("a: [1, 2\nb: 3\n", 1, "a list in [brackets] is not closed, or two items lack a comma between them"),
    "open quote": ('a: "x\nb: 1\n', 1, "a quote or bracket opened here is never closed"),
    "reserved start": ("a: @x\n", 1, "a value starts with a character YAML reserves (@, `, % or *); put it in quotes"),
}


@pytest.mark.parametrize(("text", "line", "message"), YAML.values(), ids=YAML.keys())
def test_broken_yaml_is_explained_in_plain_words(text: str, line: int, message: str) -> None:
    with pytest.raises(YamlError) as raised:
        load(text)
    assert (raised.value.line, raised.value.problem) == (line, message)


@pytest.mark.parametrize(
    ("value", "shown"),
    [(None, "empty"), (True, "true"), (False, "false"), (1, "the number 1"), ("x", "'x'"), ([1], "a list")],
)
def test_values_are_shown_as_yaml_not_python(value: object, shown: str) -> None:
    assert shown_value(value) == shown


# --- Annotations -------------------------------------------------------------------------------


def test_a_problem_and_a_logged_line_become_the_same_annotation() -> None:
    problem = Problem("docs/treatment/x.md", 7, "50% of it is wrong", "fix it\nnow")
    assert problem.github_annotation() == "::error file=docs/treatment/x.md,line=7::50%25 of it is wrong; fix it%0Anow"
    assert annotation(str(problem)) == problem.github_annotation()


def test_a_message_without_a_file_is_still_an_annotation() -> None:
    assert annotation("Doc file 'x.md' contains a link") == "::error::Doc file 'x.md' contains a link"


# --- Nav and glossary anchors ------------------------------------------------------------------


def test_a_page_left_out_of_the_nav() -> None:
    assert [str(p) for p in nav_problems({"index.md"}, ["index.md", "treatment/x.md"], "docs")] == [
        "docs/treatment/x.md:1: the page is not in the nav: of mkdocs.yml, so no menu leads to it;"
        " add the line - treatment/x.md under its section in mkdocs.yml (make new-page does this for you)"
    ]
    assert nav_problems(None, ["index.md", "x.md"], "docs") == []


def test_links_to_glossary_anchors_are_checked_with_their_lines() -> None:
    raw = (
        "Text.\n\nSee [a](../glossary.md#femoral-head) and [b](../glossary.md#femoral-hed).\n\n"
        "`[c](../glossary.md#in-code)`\n\n[d]: ../glossary.md#nowhere\n\n[e](other.md#nowhere)\n"
    )
    problems = glossary_anchor_problems(raw, "treatment/x.md", "docs/treatment/x.md", {"femoral-head"})
    assert [(p.line, p.message) for p in problems] == [
        (3, "the link to the glossary names '#femoral-hed', which is no term or heading there"),
        (7, "the link to the glossary names '#nowhere', which is no term or heading there"),
    ]
