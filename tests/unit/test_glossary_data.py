"""Loading and checking docs/_data/glossary.yml: every problem names the file, the line and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from kb.glossary import Glossary, Term, load_glossary
from kb.linker import unused_term_problems

SHOWN_AS = "docs/_data/glossary.yml"
DEFINITION = "Death of bone tissue because its blood supply is cut off."
HIP_BALL = "The ball at the top of the thigh bone that sits in the hip socket."
HTML_FIX = "use plain text: no <, > or &...; entities"


def load(tmp_path: Path, text: str) -> Glossary:
    """Load ``text`` as the glossary file."""
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return load_glossary(path, SHOWN_AS)


def problems(tmp_path: Path, text: str) -> list[str]:
    """The problems found in ``text``, as the editor reads them."""
    return [str(problem) for problem in load(tmp_path, text).problems]


# A sound file


def test_a_sound_file_loads_every_term_with_its_id_and_line(tmp_path: Path) -> None:
    glossary = load(
        tmp_path,
        f"""\
# The glossary.
- term: avascular necrosis
  aliases: [AVN, " osteonecrosis "]
  definition: >
    Death of bone tissue because
    its blood supply is cut off.
  more: It usually affects the hip.
  see_also: [femoral-head]

- term: femoral head
  definition: "{HIP_BALL}"
""",
    )
    assert glossary.problems == []
    assert glossary.terms == {
        "avascular-necrosis": Term(
            id="avascular-necrosis",
            term="avascular necrosis",
            aliases=("AVN", "osteonecrosis"),
            definition=DEFINITION,
            more="It usually affects the hip.",
            see_also=("femoral-head",),
            line=2,
        ),
        "femoral-head": Term(id="femoral-head", term="femoral head", aliases=(), definition=HIP_BALL, line=10),
    }
    assert glossary.terms["avascular-necrosis"].names == ("avascular necrosis", "AVN", "osteonecrosis")


def test_a_non_ascii_term_gets_an_ascii_id(tmp_path: Path) -> None:
    glossary = load(tmp_path, f"- term: ostéonécrose\n  definition: {DEFINITION}\n")
    assert glossary.problems == []
    assert list(glossary.terms) == ["osteonecrose"]


def test_a_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yml"
    path.write_text(f"\ufeff- term: AVN\n  definition: {DEFINITION}\n", encoding="utf-8")
    assert list(load_glossary(path, SHOWN_AS).terms) == ["avn"]


# Names used twice


def test_a_term_defined_in_two_entries(tmp_path: Path) -> None:
    text = f"""\
- term: femoral head
  definition: {HIP_BALL}
- term: AVN
  definition: {DEFINITION}
- term: Femoral Head
  definition: {HIP_BALL}
"""
    glossary = load(tmp_path, text)
    assert [str(p) for p in glossary.problems] == [
        "docs/_data/glossary.yml:5: the term 'Femoral Head' is already defined; merge the two entries"
    ]
    assert glossary.terms["femoral-head"].line == 1


def test_an_alias_repeated_in_another_entry_with_other_capitals(tmp_path: Path) -> None:
    text = f"""\
- term: femoral head
  aliases: [hip ball]
  definition: {HIP_BALL}
- term: ball and socket
  aliases: [Hip Ball]
  definition: {HIP_BALL}
"""
    assert problems(tmp_path, text) == [
        "docs/_data/glossary.yml:4: 'Hip Ball' is already a name of 'femoral head'; keep each term or alias in one entry only"
    ]


def test_a_term_that_is_an_alias_of_another_entry(tmp_path: Path) -> None:
    text = f"""\
- term: avascular necrosis
  aliases: [osteonecrosis]
  definition: {DEFINITION}
- term: Osteonecrosis
  definition: {DEFINITION}
"""
    assert problems(tmp_path, text) == [
        "docs/_data/glossary.yml:4: 'Osteonecrosis' is already a name of 'avascular necrosis'; "
        "keep each term or alias in one entry only"
    ]


def test_an_abbreviation_and_the_same_letters_in_lower_case_in_two_entries(tmp_path: Path) -> None:
    text = f"""\
- term: avascular necrosis
  aliases: [AVN]
  definition: {DEFINITION}
- term: arteriovenous nicking
  aliases: [avn]
  definition: {DEFINITION}
"""
    assert problems(tmp_path, text) == [
        "docs/_data/glossary.yml:4: 'avn' is already a name of 'avascular necrosis'; "
        "keep each term or alias in one entry only"
    ]


# Definitions


@pytest.mark.parametrize("field", ["  definition: ''\n", "  definition: '   '\n", "  definition:\n"])
def test_an_empty_definition(tmp_path: Path, field: str) -> None:
    assert problems(tmp_path, f"- term: AVN\n{field}") == [
        "docs/_data/glossary.yml:2: the term 'AVN' has an empty definition; write one plain sentence"
    ]


def test_a_missing_definition_is_reported_on_the_entry_line(tmp_path: Path) -> None:
    assert problems(
        tmp_path, f"- term: INR\n  definition: {DEFINITION}\n\n- term: AVN\n  aliases: [osteonecrosis]\n"
    ) == ["docs/_data/glossary.yml:4: the term 'AVN' has an empty definition; write one plain sentence"]


@pytest.mark.parametrize(
    "definition",
    [
        "Bone death <script>alert(1)</script> from a lost blood supply.",
        "Bone death from a <b>lost</b> blood supply to the hip.",
        "Bone death &amp; the loss of the blood supply to it.",
        "Bone death &#60; the loss of the blood supply to it.",
        "Bone death where the blood supply is > nothing at all.",
    ],
)
def test_a_definition_with_html_or_entities(tmp_path: Path, definition: str) -> None:
    glossary = load(tmp_path, f"- term: AVN\n  definition: '{definition}'\n")
    assert [str(p) for p in glossary.problems] == [
        f"docs/_data/glossary.yml:2: the definition of 'AVN' contains HTML; {HTML_FIX}"
    ]
    assert glossary.terms == {}


def test_a_plain_ampersand_in_a_definition_is_allowed(tmp_path: Path) -> None:
    glossary = load(tmp_path, "- term: AVN\n  definition: Bone death when blood supply & repair both fail.\n")
    assert glossary.problems == []


@pytest.mark.parametrize(("length", "ok"), [(19, False), (20, True), (250, True), (251, False)])
def test_a_definition_is_one_sentence_of_20_to_250_characters(tmp_path: Path, length: int, ok: bool) -> None:
    definition = "B" + "o" * (length - 2) + "."
    found = problems(tmp_path, f"- term: AVN\n  definition: '{definition}'\n")
    expected = (
        []
        if ok
        else [
            f"docs/_data/glossary.yml:2: the definition of 'AVN' has {length} characters; "
            "write one sentence of 20 to 250 characters"
        ]
    )
    assert found == expected


def test_more_text_with_html(tmp_path: Path) -> None:
    assert problems(tmp_path, f"- term: AVN\n  definition: {DEFINITION}\n  more: See <a href=x>this</a>.\n") == [
        "docs/_data/glossary.yml:3: the longer text of 'AVN' must be plain text; remove HTML from more:"
    ]


# Names and lists


@pytest.mark.parametrize("term", ["'<b>AVN</b>'", "'AVN!'", "''", "'-AVN'", "[AVN]", "42.5"])
def test_a_term_with_symbols_or_of_the_wrong_type(tmp_path: Path, term: str) -> None:
    glossary = load(tmp_path, f"- term: {term}\n  definition: {DEFINITION}\n")
    (problem,) = glossary.problems
    assert str(problem).startswith("docs/_data/glossary.yml:1: the term ")
    assert str(problem).endswith("; write the term in plain words")
    assert not any(python in str(problem) for python in ("None", "[", "'42.5'"))
    assert glossary.terms == {}


def test_a_missing_term(tmp_path: Path) -> None:
    assert problems(tmp_path, f"- aliases: [AVN]\n  definition: {DEFINITION}\n") == [
        "docs/_data/glossary.yml:1: the term is missing; write the term in plain words"
    ]


def test_aliases_that_are_not_a_list_of_plain_words(tmp_path: Path) -> None:
    assert problems(tmp_path, f"- term: AVN\n  aliases: osteonecrosis\n  definition: {DEFINITION}\n") == [
        "docs/_data/glossary.yml:2: the aliases of 'AVN' must be a list of plain words; "
        "write aliases: [plural, other name]"
    ]
    assert problems(tmp_path, f"- term: AVN\n  aliases: [ok, '<i>bad</i>']\n  definition: {DEFINITION}\n") == [
        "docs/_data/glossary.yml:2: the aliases of 'AVN' must be a list of plain words; "
        "write aliases: [plural, other name]"
    ]


def test_see_also_that_is_not_a_list(tmp_path: Path) -> None:
    assert problems(tmp_path, f"- term: AVN\n  definition: {DEFINITION}\n  see_also: femoral-head\n") == [
        "docs/_data/glossary.yml:3: see_also of 'AVN' must be a list of term ids; write see_also: [femoral-head]"
    ]


def test_see_also_to_a_missing_id(tmp_path: Path) -> None:
    text = f"""\
- term: femoral head
  definition: {HIP_BALL}
- term: AVN
  definition: {DEFINITION}
  see_also: [femoral-head, Femoral Head]
"""
    assert problems(tmp_path, text) == [
        "docs/_data/glossary.yml:5: 'AVN' sees also 'Femoral Head', which is not a term id; "
        "did you mean femoral-head? Write the id of an existing term, or remove it"
    ]


def test_see_also_to_a_missing_id_never_suggests_another_missing_id(tmp_path: Path) -> None:
    text = f"- term: femoral head\n  definition: {HIP_BALL}\n  see_also: [hip-joint]\n"
    (problem,) = load(tmp_path, text).problems
    assert problem.message == "'femoral head' sees also 'hip-joint', which is not a term id"
    assert "hip-joint" not in problem.fix


# The file as a whole


def test_broken_yaml_names_the_line_where_the_unclosed_bracket_opens(tmp_path: Path) -> None:
    text = f"- term: AVN\n  definition: {DEFINITION}\n\n- term: [femoral head\n  definition: {HIP_BALL}\n"
    glossary = load(tmp_path, text)
    assert [str(p) for p in glossary.problems] == [
        "docs/_data/glossary.yml:4: broken YAML: a list in [brackets] is not closed, or two items lack a comma"
        " between them; fix the YAML syntax on this line"
    ]
    assert glossary.terms == {}


def test_broken_yaml_names_the_line_where_the_unclosed_quote_opens(tmp_path: Path) -> None:
    text = f'- term: AVN\n  definition: "Death of bone\n- term: INR\n  definition: {DEFINITION}\n'
    assert problems(tmp_path, text) == [
        "docs/_data/glossary.yml:2: broken YAML: a quote or bracket opened here is never closed;"
        " fix the YAML syntax on this line"
    ]


def test_broken_yaml_names_the_line_of_a_stray_colon(tmp_path: Path) -> None:
    text = f"- term: INR\n  definition: {DEFINITION}\n- term: AVN\n  definition: Bone death: no blood.\n"
    assert problems(tmp_path, text) == [
        "docs/_data/glossary.yml:4: broken YAML: a colon (:) inside a value; put the whole value in quotes;"
        " fix the YAML syntax on this line"
    ]


def test_broken_yaml_names_the_line_of_a_mis_indented_entry(tmp_path: Path) -> None:
    text = f"- term: AVN\n  definition: {DEFINITION}\n\n- term: INR\n  definition: {DEFINITION}\n\n - term: NSAIDs\n"
    assert problems(tmp_path, text) == [
        "docs/_data/glossary.yml:7: broken YAML: this line is not lined up with the lines above; indent it with"
        " spaces to match; fix the YAML syntax on this line"
    ]


@pytest.mark.parametrize("text", ["term: AVN\ndefinition: x\n", "just words\n", "", "# only a comment\n"])
def test_a_file_that_is_not_a_list(tmp_path: Path, text: str) -> None:
    glossary = load(tmp_path, text)
    assert [str(p) for p in glossary.problems] == [
        "docs/_data/glossary.yml:1: the file must hold a list of entries; see CONTRIBUTING.md"
    ]
    assert glossary.terms == {}


def test_an_entry_that_is_not_a_set_of_fields(tmp_path: Path) -> None:
    assert problems(tmp_path, f"- term: AVN\n  definition: {DEFINITION}\n- femoral head\n") == [
        "docs/_data/glossary.yml:3: a glossary entry must be a set of fields; write - term: ... with definition: ..."
    ]


def test_a_missing_file(tmp_path: Path) -> None:
    glossary = load_glossary(tmp_path / "nothing.yml", SHOWN_AS)
    assert [str(p) for p in glossary.problems] == [
        "docs/_data/glossary.yml:1: the data file is missing; restore it from git"
    ]


def test_an_unknown_field(tmp_path: Path) -> None:
    glossary = load(tmp_path, f"- term: AVN\n  definition: {DEFINITION}\n  synonyms: [osteonecrosis]\n")
    assert [str(p) for p in glossary.problems] == [
        "docs/_data/glossary.yml:3: unknown field 'synonyms'; use only aliases, definition, more, page, see_also, term"
    ]
    assert glossary.terms == {}


def test_a_field_written_twice(tmp_path: Path) -> None:
    text = f"- term: AVN\n  definition: {DEFINITION}\n  aliases: [osteonecrosis]\n  aliases: [bone death]\n"
    assert problems(tmp_path, text) == ["docs/_data/glossary.yml:4: 'aliases' appears twice; keep one of them"]


def test_dates_and_numbers_are_not_plain_words(tmp_path: Path) -> None:
    """The loader keeps dates as text, so a date-like alias is checked as a word, not crashed on."""
    glossary = load(tmp_path, f"- term: AVN\n  aliases: [2026-01-10]\n  definition: {DEFINITION}\n")
    assert glossary.problems == []
    assert glossary.terms["avn"].aliases == ("2026-01-10",)


# Unused terms


def test_unused_term_problems_name_the_term_and_its_line(tmp_path: Path) -> None:
    glossary = load(
        tmp_path,
        f"- term: AVN\n  definition: {DEFINITION}\n\n- term: femoral head\n  definition: {HIP_BALL}\n",
    )
    assert [str(p) for p in unused_term_problems(glossary, {"avn"}, SHOWN_AS)] == [
        "docs/_data/glossary.yml:4: the term 'femoral head' is used on no page; "
        "use it in a page, add the page's word for it as an alias, or remove the entry"
    ]
    assert unused_term_problems(glossary, {"avn", "femoral-head"}, SHOWN_AS) == []


@pytest.mark.parametrize("alias", ["ON", "on", "yes", "No", "off"])
def test_words_that_yaml_1_1_reads_as_booleans_stay_words(tmp_path: Path, alias: str) -> None:
    glossary = load(tmp_path, f"- term: osteonecrosis\n  aliases: [{alias}]\n  definition: {DEFINITION}\n")
    assert glossary.problems == []
    assert glossary.terms["osteonecrosis"].aliases == (alias,)


def test_a_flow_mapping_left_open_is_reported_where_it_opens(tmp_path: Path) -> None:
    text = f"- term: AVN\n  definition: {DEFINITION}\n  more: {{a: 1\n- term: INR\n"
    (message,) = problems(tmp_path, text)
    assert message.startswith("docs/_data/glossary.yml:3: broken YAML:")
