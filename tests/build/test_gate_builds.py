"""The gate: each hostile or mistaken input fails the build and ``kb.check`` alike, with one message at its line.

Every case builds the fixture site with one change, runs ``python -m kb.check``'s ``check_docs`` on the same
folder, and asserts both report the expected problem, and nothing the other does not (one verdict).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import pytest
from kb.check import check_docs
from kb.csp import script_hash

from tests.build.fixture_site import BIBLIOGRAPHY, GLOSSARY, PAGES, write_site
from tests.sitebuild import ROOT, BuildResult, build_site

REST = PAGES["treatment/rest.md"]
BODY_END = REST.count("\n")  # Lines of the page; text added at its end starts two lines later.
MEDICAL_BLOCK = REST[REST.index("medical:") : REST.index("---\n\n#")]
LINK_FIX = "link to a page of this site or to an https:// address (mailto: and tel: work too)"
# A hook's logger puts its module name in front of each message, up to the first dot (MkDocs'
# get_plugin_logger). The fixture names each hook by its absolute path, so where the checkout's path holds
# a dot (mktemp's /tmp/tmp.XXXXXXXXXX), that is the path up to the dot, not hooks/<name>.
_HOOK_PREFIX = re.compile(
    "^(?:"
    + "|".join(re.escape(f"{hook.as_posix().split('.', 1)[0]}: ") for hook in (ROOT / "hooks").glob("*.py"))
    + ")"
)


def _verdicts(tmp_path: Path, edit: Mapping[str, str | bytes | None], nav: str = "") -> tuple[BuildResult, set, set]:
    """Build the fixture with ``edit`` applied (None deletes a file) and check it; both sets of problems."""
    config = write_site(tmp_path)
    if nav:
        config.write_text(config.read_text() + nav)
    for name, text in edit.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            path.unlink()
        elif isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    result = build_site(config, tmp_path / "site")
    built = {_HOOK_PREFIX.sub("", warning) for warning in result.warnings}
    checked = {str(problem) for problem in check_docs(tmp_path / "docs", date.today(), "docs")}
    return result, built, checked


def _one_verdict(tmp_path: Path, edit: dict, expected: list[str], nav: str = "") -> None:
    """Both gates fail with every expected problem; the build's problems with a file:line are kb.check's."""
    result, built, checked = _verdicts(tmp_path, edit, nav)
    assert result.aborted
    for line in expected:
        assert line in built, "\n".join(sorted(built))
        assert line in checked, "\n".join(sorted(checked))
    located = {line for line in built if re.match(r"^docs/\S.*?:\d+: ", line)}
    assert located == checked


def _page(extra: str) -> dict[str, str]:
    return {"treatment/rest.md": REST + "\n" + extra + "\n"}


ACTIVE = {
    "raw script": (
        "<script>alert(1)</script>",
        "<script> is not allowed in a page: it could run code or load content in the reader's browser; remove it:"
        " a page holds no code (the site's own scripts live in overrides/ and assets/)",
    ),
    "event handler": (
        '<img src="x.png" alt="x" onerror="alert(2)">',
        "the attribute onerror on <img> runs code in the reader's browser; remove the attribute",
    ),
    "javascript link": (
        "[x](javascript:alert(3))",
        f"the link 'javascript:alert(3)' is a javascript: address, which could run code or hide content; {LINK_FIX}",
    ),
    "data link": (
        "[x](data:text/html,hi)",
        f"the link 'data:text/html,hi' is a data: address, which could run code or hide content; {LINK_FIX}",
    ),
    "vbscript image": (
        "![x](vbscript:msgbox)",
        f"the link 'vbscript:msgbox' is a vbscript: address, which could run code or hide content; {LINK_FIX}",
    ),
    "reference link in capitals": (
        "[x][a]\n\n[a]: JaVaScRiPt:alert(4)",
        f"the link 'JaVaScRiPt:alert(4)' is a javascript: address, which could run code or hide content; {LINK_FIX}",
    ),
    "iframe": (
        '<iframe src="https://example.org/"></iframe>',
        "<iframe> is not allowed in a page: it could run code or load content in the reader's browser;"
        " remove it and link to the page instead: [what it shows](https://...)",
    ),
    "form": (
        '<form action="https://example.org/"><button>Send</button></form>',
        "<form> is not allowed in a page: it could run code or load content in the reader's browser;"
        " remove it: the site takes no input; link to the page that has the form",
    ),
    "style that loads": (
        '<p style="background: url(https://example.org/x.png)">Hi</p>',
        "the style attribute on <p> can load content or change how the page looks;"
        " remove it: the site's CSS styles every page",
    ),
    "attribute list handler": (
        '[x](https://example.org/){ onclick="alert(5)" }',
        "the attribute onclick on <a> runs code in the reader's browser; remove the attribute",
    ),
}


@pytest.mark.parametrize(("markdown", "message"), ACTIVE.values(), ids=ACTIVE.keys())
def test_active_content_fails_both_gates_at_its_line(tmp_path: Path, markdown: str, message: str) -> None:
    line = BODY_END + 2 + markdown.count("\n") * (markdown.startswith("[x][a]"))
    _one_verdict(tmp_path, _page(markdown), [f"docs/treatment/rest.md:{line}: {message}"])


def test_an_injected_script_never_reaches_the_built_page_unnoticed(tmp_path: Path) -> None:
    result, built, _checked = _verdicts(tmp_path, _page("<script>alert(1)</script>"))
    assert result.aborted and any("<script> is not allowed" in line for line in built)


def test_safe_links_and_task_lists_pass(tmp_path: Path) -> None:
    safe = (
        "Call [911](tel:911) or write to [us](mailto:editors@example.org). See [stages](../about.md) and"
        " [a source](https://example.org/). ![A hip](data.png)\n\n- [x] done\n- [ ] to do\n\n| a | b |\n|:--|--:|\n| 1 | 2 |"
    )
    _result, built, checked = _verdicts(tmp_path, _page(safe) | {"treatment/data.png": b"\x89PNG\r\n\x1a\n"})
    assert not [line for line in built | checked if re.search(r"not allowed|address|style attribute", line)]


def test_a_page_in_a_medical_folder_cannot_say_it_is_not_medical(tmp_path: Path) -> None:
    page = REST.replace(MEDICAL_BLOCK, "medical: false\n")
    _one_verdict(
        tmp_path,
        {"treatment/rest.md": page},
        [
            "docs/treatment/rest.md:4: a page in treatment/ is a medical page, but this one says it is not;"
            " write a medical: block with disclaimer, review and sources (see CONTRIBUTING.md),"
            " or move the page out of the medical folders"
        ],
    )


def test_a_disclaimer_that_does_not_fit_the_folder(tmp_path: Path) -> None:
    page = REST.replace("disclaimer: general", "disclaimer: exercise")
    _one_verdict(
        tmp_path,
        {"treatment/rest.md": None, "about-avn/rest.md": page},
        [
            "docs/about-avn/rest.md:5: the disclaimer 'exercise' does not fit a page in about-avn/;"
            " use one of general, urgent, or move the page to the folder it belongs in"
        ],
    )


def test_an_unsupported_claim_fails_the_build_too(tmp_path: Path) -> None:
    _one_verdict(
        tmp_path,
        _page("Statins cure AVN."),
        [
            f"docs/treatment/rest.md:{BODY_END + 2}: unsupported claim: 'Statins cure AVN.'; statins are studied to"
            " lower the risk in people taking steroids; they do not treat AVN; say so, or cut the sentence"
        ],
    )


def test_a_page_not_in_utf8_is_named_by_its_own_path_with_no_traceback(tmp_path: Path) -> None:
    page = REST.replace("Rest may ease", "R\u00e9st may ease").encode("latin-1")
    _one_verdict(
        tmp_path,
        {"treatment/rest.md": page},
        [
            f"docs/treatment/rest.md:{REST[: REST.index('Rest may ease')].count(chr(10)) + 1}: the file is not saved as UTF-8: this line has the first character"
            " that cannot be read; save the file as UTF-8 in your editor (often under Save as, Encoding)"
        ],
    )


def test_a_file_name_with_a_space_or_capitals(tmp_path: Path) -> None:
    _one_verdict(
        tmp_path,
        {"treatment/Statin copy.md": REST},
        [
            "docs/treatment/Statin copy.md:1: the file name 'Statin copy.md' has characters other than lower-case letters"
            " (a-z), digits and hyphens; rename it to 'statin-copy.md' and update the links and nav to it"
        ],
    )


def test_one_bad_glossary_entry_gives_one_message_and_no_traceback(tmp_path: Path) -> None:
    glossary = GLOSSARY.replace(
        "definition: Bone death caused by a loss of blood supply to the bone.", "definition: Bone <b>death</b>."
    )
    result, built, checked = _verdicts(tmp_path, {"_data/glossary.yml": glossary})
    expected = (
        "docs/_data/glossary.yml:3: the definition of 'AVN' contains HTML; use plain text: no <, > or &...; entities"
    )
    assert result.aborted
    assert [line for line in built if "glossary.yml" in line] == [expected]
    assert [line for line in checked if "glossary.yml" in line] == [expected]


def test_a_see_also_typo_gives_one_message_and_no_traceback(tmp_path: Path) -> None:
    _one_verdict(
        tmp_path,
        {"_data/glossary.yml": GLOSSARY.replace("see_also: [avn]", "see_also: [anv]")},
        [
            "docs/_data/glossary.yml:9: 'femoral head' sees also 'anv', which is not a term id; did you mean avn?"
            " Write the id of an existing term, or remove it"
        ],
    )


def test_a_tab_indent_says_indent_with_spaces(tmp_path: Path) -> None:
    _one_verdict(
        tmp_path,
        {"treatment/rest.md": REST.replace("  review:", "\treview:")},
        [
            "docs/treatment/rest.md:6: broken YAML in the front matter: a tab is used to indent this line; indent with"
            " spaces, never tabs; fix the YAML on this line (MkDocs would show it as page text)"
        ],
    )


def test_medical_true_names_no_python_value(tmp_path: Path) -> None:
    _result, built, checked = _verdicts(tmp_path, {"treatment/rest.md": REST.replace(MEDICAL_BLOCK, "medical: true\n")})
    assert any("'medical' is true;" in line for line in checked)
    assert not [line for line in built | checked if re.search(r"\b(None|True|False)\b", line)]


def test_an_unused_term_fails_both(tmp_path: Path) -> None:
    extra = "- term: crutch\n  definition: A stick that takes weight off the leg when you walk.\n"
    _one_verdict(
        tmp_path,
        {"_data/glossary.yml": GLOSSARY + extra},
        [
            "docs/_data/glossary.yml:10: the term 'crutch' is used on no page; use it in a page, add the page's word"
            " for it as an alias, or remove the entry"
        ],
    )


def test_a_page_missing_from_the_nav_fails_both(tmp_path: Path) -> None:
    nav = "nav:\n  - index.md\n  - treatment/rest.md\n  - glossary.md\n  - references.md\n"
    _one_verdict(
        tmp_path,
        {},
        [
            "docs/about.md:1: the page is not in the nav: of mkdocs.yml, so no menu leads to it; add the line"
            " - about.md under its section in mkdocs.yml (make new-page does this for you)"
        ],
        nav=nav,
    )


def test_a_link_to_a_missing_glossary_anchor_fails_both_with_its_line(tmp_path: Path) -> None:
    about = PAGES["about.md"].replace("No funding.", "See [the entry](glossary.md#femoral-hed).")
    _one_verdict(
        tmp_path,
        {"about.md": about},
        [
            "docs/about.md:9: the link to the glossary names '#femoral-hed', which is no term or heading there;"
            " use the id of a term in docs/_data/glossary.yml (e.g. #femoral-head), or a glossary: link"
        ],
    )


def test_in_github_actions_every_build_problem_is_an_annotation_on_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _verdicts(tmp_path, _page("Statins cure AVN.\n\n[x](javascript:alert(3))"))
    printed = capsys.readouterr().out.splitlines()
    assert (
        f"::error file=docs/treatment/rest.md,line={BODY_END + 2}::unsupported claim: 'Statins cure AVN.'"
        in "\n".join(printed)
    )
    assert any(
        line.startswith(f"::error file=docs/treatment/rest.md,line={BODY_END + 4}::the link") for line in printed
    )
    monkeypatch.delenv("GITHUB_ACTIONS")
    _verdicts(tmp_path / "again", _page("Statins cure AVN."))
    assert not [line for line in capsys.readouterr().out.splitlines() if line.startswith("::error")]


def test_a_claim_does_not_hide_an_uncited_source_from_either_gate(tmp_path: Path) -> None:
    extra = "- id: lai-2006" + BIBLIOGRAPHY.split("- id: lai-2005", 1)[1]
    _one_verdict(
        tmp_path,
        {"_data/bibliography.yml": BIBLIOGRAPHY + extra, **_page("Statins cure AVN.")},
        [
            f"docs/_data/bibliography.yml:{BIBLIOGRAPHY.count(chr(10)) + 1}: source 'lai-2006' is cited by no page;"
            " cite it in the sentence it supports, like [@key], or remove it",
            f"docs/treatment/rest.md:{BODY_END + 2}: unsupported claim: 'Statins cure AVN.'; statins are studied to"
            " lower the risk in people taking steroids; they do not treat AVN; say so, or cut the sentence",
        ],
    )


def _line_of(text: str, needle: str) -> int:
    """The line of ``text`` where ``needle`` first appears."""
    return text[: text.index(needle)].count("\n") + 1


CITED_LINE = _line_of(REST, "[@lai-2005]")
TEXT_START = _line_of(REST, "---\n\n#") + 1  # The first line after the front matter.
CITATION = {
    "unknown key": (
        {"treatment/rest.md": REST.replace("[@lai-2005]", "[@lai-2006]")},
        f"docs/treatment/rest.md:{CITED_LINE}: [@lai-2006] cites 'lai-2006', which is not in"
        " docs/_data/bibliography.yml; check the spelling against the ids there, or add the entry"
        " (CONTRIBUTING.md: Add a source)",
    ),
    "malformed citation": (
        {"treatment/rest.md": REST.replace("[@lai-2005]", "[@lai-2005, p. 4]")},
        f"docs/treatment/rest.md:{CITED_LINE}: the citation [@lai-2005, p. 4] is not written as the site cites;"
        " write [@id] with the id of an entry in docs/_data/bibliography.yml, or [@id-one; @id-two] for two",
    ),
    "a count about people with no source": (
        _page("About 3 in 10 people had pain."),
        f"docs/treatment/rest.md:{BODY_END + 2}: 'About 3 in 10 people had pain.' states a result, a risk or a"
        " count with no source; cite the source in that sentence or its paragraph, like [@lai-2005], or remove"
        " the figure",
    ),
    "a health page that cites nothing": (
        {"treatment/rest.md": REST.replace(" [@lai-2005].", ".")},
        f"docs/treatment/rest.md:{TEXT_START}: a health page must cite its sources in its"
        " text; cite each source in the sentence it supports, like [@lai-2005] (CONTRIBUTING.md, Citing)",
    ),
    "sources still in the front matter": (
        {"treatment/rest.md": REST.replace("  key_messages:", "  sources: [lai-2005]\n  key_messages:")},
        f"docs/treatment/rest.md:{_line_of(REST, '  key_messages:')}: front matter no longer lists sources: the"
        " page's source list is made from its citations; delete the sources: line and cite each source in the"
        " sentence it supports, like [@lai-2005]",
    ),
    "a DOI written as an address": (
        {"_data/bibliography.yml": BIBLIOGRAPHY.replace("DOI: 10.2106", "DOI: https://doi.org/10.2106")},
        f"docs/_data/bibliography.yml:{_line_of(BIBLIOGRAPHY, 'DOI:')}: source 'lai-2005': DOI"
        " 'https://doi.org/10.2106/JBJS.D.02959' is not written as it should be; write it like"
        " 10.2106/JBJS.D.02959, without https://doi.org/",
    ),
    "a bibliography entry no page cites": (
        {"treatment/rest.md": REST.replace("[@lai-2005]", "[@mont-2020]")},
        f"docs/_data/bibliography.yml:{_line_of(BIBLIOGRAPHY, '- id: lai-2005')}: source 'lai-2005' is cited by no"
        " page; cite it in the sentence it supports, like [@key], or remove it",
    ),
}


@pytest.mark.parametrize(("edit", "message"), CITATION.values(), ids=CITATION.keys())
def test_each_citation_fault_fails_both_gates_at_its_line(tmp_path: Path, edit: dict, message: str) -> None:
    _one_verdict(tmp_path, edit, [message])


def test_a_link_to_a_missing_heading_on_another_page_fails_both_with_its_line(tmp_path: Path) -> None:
    about = PAGES["about.md"].replace("No funding.", "See [rest](treatment/rest.md#how-it-works).")
    _one_verdict(
        tmp_path,
        {"about.md": about},
        [
            "docs/about.md:9: the link names '#how-it-works', which is no heading or anchor on treatment/rest.md;"
            " link to a heading of treatment/rest.md by its id (a heading's id is its title in lower case, words"
            " joined by hyphens)"
        ],
    )


def test_a_script_in_the_front_matter_fails_both_and_is_never_allowed_by_the_policy(tmp_path: Path) -> None:
    page = REST.replace("title: Rest", "title: Rest <script>alert(1)</script>")
    _one_verdict(
        tmp_path,
        {"treatment/rest.md": page},
        [
            "docs/treatment/rest.md:2: in the front matter field 'title', <script> is not allowed in a page: it could"
            " run code or load content in the reader's browser; remove it: a page holds no code (the site's own"
            " scripts live in overrides/ and assets/); the front matter holds plain text only"
        ],
    )


def test_an_inline_script_from_anywhere_but_the_theme_is_reported_and_left_out_of_the_policy(tmp_path: Path) -> None:
    config = write_site(tmp_path)
    config.write_text(config.read_text().replace("site_name: Fixture", 'site_name: "Fixture<script>alert(1)</script>"'))
    result = build_site(config, tmp_path / "site")
    assert result.aborted
    reported = [warning for warning in result.warnings if "is not the theme's own" in warning]
    assert (
        len(reported) == 1
        and "the built page holds an inline script that is not the theme's own ('alert(1)')" in (reported[0])
    )
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" in html and "script-src 'self' 'sha256-" in html
    assert script_hash("alert(1)") not in html
