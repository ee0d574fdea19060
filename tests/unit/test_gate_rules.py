"""The gate's rules that need no MkDocs: medical folders, file names, plain YAML messages, annotations, the nav."""

from __future__ import annotations

from pathlib import Path

import pytest
from kb.glossary import load_glossary
from kb.medical_folders import MEDICAL_FOLDERS, medical_folder
from kb.pages import check_pages, file_name_problems
from kb.problems import Problem, annotation, shown_value
from kb.verdict import anchor_problems, front_matter_problems, nav_problems
from kb.yaml_lines import YamlError, load

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
        f"docs/{shown}:1: the {'folder' if '.' not in shown else 'file'} name '{shown.rsplit('/', 1)[-1]}' has"
        " characters other than lower-case letters (a-z),"
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
        "`[c](../glossary.md#in-code)`\n\n[d]: ../glossary.md#nowhere\n\n[e](https://example.org/glossary.md#x)\n"
    )
    problems = anchor_problems(raw, "treatment/x.md", "docs/treatment/x.md", {"glossary.md": {"femoral-head"}})
    assert [(p.line, p.message) for p in problems] == [
        (3, "the link to the glossary names '#femoral-hed', which is no term or heading there"),
        (7, "the link to the glossary names '#nowhere', which is no term or heading there"),
    ]


def test_links_to_anchors_of_other_pages_and_the_same_page() -> None:
    raw = "# X\n\n[a](stages.md#arco-stage-3) [b](#missing) [c](#x) [d](nowhere.md#y)\n"
    anchors = {"about-avn/x.md": {"x"}, "about-avn/stages.md": {"arco-stage-3a", "ficat"}}
    assert [str(p) for p in anchor_problems(raw, "about-avn/x.md", "docs/about-avn/x.md", anchors)] == [
        "docs/about-avn/x.md:3: the link names '#arco-stage-3', which is no heading or anchor on about-avn/stages.md;"
        " did you mean #arco-stage-3a? (a heading's id is its title in lower case, words joined by hyphens)",
        "docs/about-avn/x.md:3: the link names '#missing', which is no heading or anchor on about-avn/x.md;"
        " link to a heading of about-avn/x.md by its id (a heading's id is its title in lower case, words joined"
        " by hyphens)",
    ]


# --- One message per bad input -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("  definition: ''\n", "docs/_data/glossary.yml:2: the term 'AVN' has an empty definition"),
        ("  definition: Bone <b>death</b> from a lost blood supply.\n", "the definition of 'AVN' contains HTML"),
        ("  definition: Bone death from a lost blood supply.\n  aliases: [a<b]\n", "the aliases of 'AVN' must be"),
        (
            "  definition: Bone death from a lost blood supply.\n  see_also: [femoral-haed]\n",
            "sees also 'femoral-haed'",
        ),
    ],
)
def test_one_bad_glossary_entry_gives_one_message_and_none_at_the_entries_that_see_it(
    tmp_path: Path, broken: str, message: str
) -> None:
    hip = "The ball at the top of the thigh bone that fits into the hip socket."
    text = (
        f"- term: AVN\n{broken}"
        f"- term: femoral head\n  definition: {hip}\n  see_also: [avn]\n"
        f"- term: collapse\n  definition: When dead bone gives way under the joint.\n  see_also: [avn, femoral-head]\n"
    )
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    problems = [str(p) for p in load_glossary(path, "docs/_data/glossary.yml").problems]
    assert len(problems) == 1 and message in problems[0], problems


def test_front_matter_text_is_judged_for_active_content_at_its_line() -> None:
    raw = (
        "---\ntitle: Rest <script>alert(1)</script>\ndescription: Plain words & more.\nmedical:\n"
        "  key_messages:\n    - Fine.\n    - Bad <img src=x onerror=alert(2)>\n---\n\n# Rest\n"
    )
    assert [(p.line, p.message.split(",")[0]) for p in front_matter_problems(raw, "docs/x.md")] == [
        (2, "in the front matter field 'title'"),
        (7, "in the front matter field 'key_messages'"),
    ]


def test_markup_written_as_a_yaml_escape_is_judged_too() -> None:
    raw = '---\ntitle: "Rest \\x3cscript>alert(1)\\u003c/script>"\ndescription: Plain.\n---\n\n# Rest\n'
    assert [(p.line, p.message.split(",")[0]) for p in front_matter_problems(raw, "docs/x.md")] == [
        (2, "in the front matter field 'title'"),
    ]
