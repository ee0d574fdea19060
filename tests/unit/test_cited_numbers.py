"""Numbers carry their source: which sentences need a citation, and what covers them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from kb.cited_numbers import (
    RESULT,
    lines_that_may_state_a_result,
    prose_units,
    uncited_result_problems,
    uncited_results,
)

NEEDS_A_SOURCE = [
    "About 3 in 10 people with sickle cell disease get AVN.",
    "One out of every five hips collapsed.",
    "Good results in about 6 to 9 in 10 hips.",
    "Adverse effects were reported by 30% of people.",
    "Side effects affected 30 percent of those treated.",
    "Smokers were four times more likely to get AVN.",
    "People who drank heavily were twice as likely to get it.",
    "The risk rose 3-fold.",
    "One study compared 73 people with AVN and 250 people without it.",
    "The review pooled 24 randomized trials.",
    "It included 1,497 adult participants.",
    "The trial treated 40 hips.",
    "It worked half as often in older adults.",
]
NEEDS_NONE = [
    "Hold the stretch for 5 seconds, then relax.",
    "Repeat 10 times, 2 or 3 times a day.",
    "Call 911 (US), 999 (UK) or 112 (EU) at once.",
    "This page was checked in 2026.",
    "Stage 3 means the bone has started to collapse.",
    "Use a walker for the first 2 weeks if your team advises it.",
    "Most people need a walking aid for a while.",
    "Walk for 10 minutes on a flat path.",
]


@pytest.mark.parametrize("sentence", NEEDS_A_SOURCE)
def test_a_result_risk_or_count_needs_a_source(sentence: str) -> None:
    assert uncited_results(f"Intro line.\n\n{sentence}\n") == [(3, sentence)]


WORDS = ["3", "1,497", "30", "%", "Per", "cent", "percent", "One", "five", "TWICE", "half", "as", "in", "out of", "every",
         "times", "more", "-fold", "adult", "people", "hips", "the", "x", " ", "  ", "\n", ".", ",", "\u0130", "\u0131",
         "\u017f", "\u212a"]  # fmt: skip


@given(st.lists(st.sampled_from(WORDS), max_size=12).map("".join))
def test_text_that_states_a_result_never_slips_past_the_quick_test(text: str) -> None:
    # The quick test skips the full patterns, so it must hold wherever they would find a result.
    assert not RESULT.search(text) or lines_that_may_state_a_result(text)


@given(st.lists(st.sampled_from([*WORDS, "\n\n", "\n- ", "\n| ", "\n# "]), max_size=30).map("".join))
def test_a_paragraph_that_states_a_result_is_never_passed_over_by_the_page_wide_search(body: str) -> None:
    may_state = lines_that_may_state_a_result(body, first_line=5)
    for unit in prose_units(body, first_line=5):
        assert not RESULT.search(unit.text) or not may_state.isdisjoint(range(unit.line, unit.line + unit.lines))


def test_a_result_written_over_two_lines_needs_a_source() -> None:
    assert uncited_results("Intro line.\n\nIt failed in ninety per\ncent of hips.\n") == [
        (3, "It failed in ninety per cent of hips.")
    ]


@pytest.mark.parametrize("sentence", NEEDS_A_SOURCE)
def test_a_citation_in_the_sentence_covers_it(sentence: str) -> None:
    assert uncited_results(sentence.removesuffix(".") + " [@lai-2005].\n") == []


@pytest.mark.parametrize("sentence", NEEDS_NONE)
def test_instructions_phone_numbers_and_dates_need_no_source(sentence: str) -> None:
    assert uncited_results(sentence + "\n") == []


def test_one_citation_covers_its_whole_paragraph_but_not_the_next() -> None:
    body = "A trial included 40 hips.\nAbout 1 in 4 collapsed [@lai-2005].\n\nAnother found 2 in 10 hips got worse.\n"
    assert uncited_results(body, first_line=7) == [(10, "Another found 2 in 10 hips got worse.")]


def test_each_list_item_and_table_row_stands_alone() -> None:
    body = (
        "- About 1 in 5 hips [@lai-2005].\n- About 7 in 10 hips.\n\n"
        "| Group | Result |\n|---|---|\n| A | 3 in 10 people [@mont-2020] |\n| B | 5 in 10 people |\n"
    )
    assert [line for line, _ in uncited_results(body)] == [2, 7]


def test_a_cited_lead_in_with_a_colon_covers_its_list_and_a_cited_item_its_nested_items() -> None:
    body = (
        "In that study of 50 people [@jager-2008]:\n\n- about 1 in 5 joints at stage 2;\n- every joint at stage 4.\n\n"
        "Other studies:\n\n- **A trial** of 40 people [@lai-2005]. By stage:\n    - about 2 in 10 hips collapsed;\n"
        "- A review of 11 studies.\n"
    )
    assert uncited_results(body) == [(10, "A review of 11 studies.")]


def test_a_lead_in_without_a_colon_or_without_a_citation_covers_nothing() -> None:
    body = "A study of 50 people [@jager-2008].\n\n- about 1 in 5 joints.\n\nIn that study:\n\n- 7 in 10 joints.\n"
    assert [line for line, _ in uncited_results(body)] == [3, 7]


def test_headings_code_html_and_snippets_are_not_prose() -> None:
    body = (
        '## 3 in 10 people\n\n```\n40 hips\n```\n\n<p>30% of people</p>\n\n--8<-- "crisis-lines.md"\n\n'
        "Write `3 in 10 people` like this.\n"
    )
    assert uncited_results(body) == []


def test_the_problem_names_the_line_the_sentence_and_the_fix() -> None:
    long = "In a review of 24 trials, about 3 in 10 people having oxygen treatment reported side effects."
    assert [str(p) for p in uncited_result_problems(f"Fine.\n\n{long}\n", 20, "docs/treatment/x.md")] == [
        "docs/treatment/x.md:22: 'In a review of 24 trials, about 3 in 10 people having oxygen treatm...'"
        " states a result, a risk or a count with no source; cite the source in that sentence or its paragraph,"
        " like [@lai-2005], or remove the figure"
    ]
