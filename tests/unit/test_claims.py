"""The claims check judges what a sentence says: refused claims in many wordings, honest sentences pass."""

from __future__ import annotations

import re
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st
from kb.claims import (
    ALSO_BY_EFFECT,
    EFFECT_STEMS,
    EFFECTS,
    INFLAMMATION,
    STEMS_BY_EFFECT,
    build_claims,
    claim_problems,
    claims_an_effect,
    sentence_claim,
)
from kb.problems import Problem

# Each states an unsupported claim as fact; the first nine passed the old word-list check.
REFUSED = [
    "Alendronate stops the ball of the hip from collapsing.",
    "Zoledronate prevents the femoral head from collapsing.",
    "Shockwave therapy makes AVN go away.",
    "Oxygen treatment heals AVN.",
    "Magnet therapy will heal your hip.",
    "Rest heals AVN.",
    "Physical therapy will fully restore your hip.",
    "With exercise you will recover completely.",
    "Statins cure AVN.",
    "NSAIDs like ibuprofen ease the pain and slow the condition's progression.",
    "These medicines help reduce the risk of bone collapse, says the bisphosphonate leaflet.",
    "Blood thinners can also help reduce inflammation and pain.",
    "A brace keeps the hip still, reducing pain and healing the bone.",
    "Most people need six months of physical therapy before they fully recover.",
    "Hyperbaric oxygen cures early AVN.",
    "Fosamax keeps the hip from collapsing.",
    "Taking alendronate protects the femoral head against collapse.",
    "Bisphosphonates lower the chance of collapse by half.",
    "Reclast reverses bone death in the hip.",
    "ESWT regrows healthy bone in the femoral head.",
    "Shock wave treatment gets rid of AVN for good.",
    "Iloprost reverses early AVN.",
    "Vasodilators heal the dead bone.",
    "HBOT makes the dead bone grow back.",
    "PEMF heals AVN in most people.",
    "Electromagnetic fields stimulate the bone to regenerate bone tissue.",
    "Crutches let the bone heal.",
    "Using a cane prevents collapse.",
    "Protected weight-bearing cures AVN.",
    "Bed rest will make the AVN disappear.",
    "Swimming fully restores movement in the hip.",
    "Stretching every day brings a complete recovery.",
    "After physiotherapy your hip will be back to normal.",
    "Ibuprofen halts the disease.",
    "Painkillers stop AVN from getting worse.",
    "Tylenol slows the progression of osteonecrosis.",
    "Stem cell injections start making new bone within weeks.",
    "Hydrotherapy builds new bone in the hip.",
    "Supplements help rebuild the bone.",
    "Anticoagulants fight inflammation in the joint.",
    "Warfarin heals the hip.",
    "Heparin reduces inflammation in the joint.",
    "Atorvastatin reverses AVN.",
    "Stem cell injections regrow the bone.",
    "PRP heals the femoral head.",
    "Vitamin D supplements cure osteonecrosis.",
    "Acupuncture makes AVN go away.",
    "This treatment cures AVN.",
    "These pills stop collapse.",
    "Alendronate, a bisphosphonate, prevents collapse.",
    "Painkillers ease pain and also slow AVN.",
    "Shockwave does not hurt, and shockwave heals AVN.",
    "## Shockwave cures AVN",
    "- Statins cure AVN",
]

# True sentences: the first block is from the site's own pages.
PASSED = [
    "No medicine has been proven to prevent collapse.",
    "For example, painkillers do not slow AVN down, even though some websites say they do.",
    "Walking aids and rest ease pain, but they have not been shown to make the bone heal.",
    "Exercise may help pain and movement, but it does not repair the bone.",
    "They cannot repair the dead bone, and they are not a substitute for exercise.",
    "No study supports the claim, seen on some websites, that most people are back to normal after about six months"
    " of therapy.",
    "Some websites claim that most people are back to normal after about six months of therapy, but no research"
    " backs this up.",
    "No study has shown that physical therapy prevents collapse.",
    "Braces do not heal the bone.",
    "Some websites claim that a brace or rest lets the bone heal, but no study we found supports this.",
    "But no treatment without surgery has been proven to stop AVN from getting worse.",
    "Medicines studied to prevent or slow AVN, such as bisphosphonates, blood thinners, statins and iloprost.",
    "A major 2020 expert review found that non-surgical treatments have generally not stopped AVN from getting worse.",
    "Bisphosphonates have not been shown to prevent collapse.",
    "Physical therapy has not been shown to slow AVN.",
    "Zoledronate did not lower the number of hips that collapsed or that needed a replacement.",
    "It concluded that there was a lack of strong evidence that alendronate prevents collapse.",
    "The hope is that PEMF may help the bone in the ball of the hip repair itself.",
    "It did not show whether HBO prevents collapse.",
    "Resting the hip is one example: the studies suggest it does not stop collapse.",
    "None of these treatments is proven to bring dead bone back to life or to cure AVN.",
    "Ibuprofen, naproxen and other painkillers do not slow AVN down.",
    "We also found no studies showing that pain medicines slow AVN.",
    "Expert reviews say that no medicine has been proven to stop the disease from getting worse.",
    "They suggest that resting the hip does not prevent collapse.",
    "The Japanese guideline says unloading the hip cannot be expected to prevent collapse.",
    "You take a bone medicine such as a bisphosphonate, and a tooth socket does not heal.",
    # Honest sentences in other words.
    "Does alendronate prevent collapse?",
    "## Can rest heal AVN?",
    "Shockwave therapy may ease pain in early AVN.",
    "Painkillers ease pain, and they do not slow AVN.",
    "Rest may ease pain from AVN, but it does not stop collapse of the bone.",
    "Statins might lower the risk of AVN in people who take steroids.",
    "Nothing we found cures AVN without surgery.",
    "Blood thinners do not reduce inflammation.",
    "Whether iloprost helps the bone is unclear.",
    "Physical therapy helps you move with less pain.",
    "Crutches take weight off the hip.",
    "Hyperbaric oxygen is studied in small groups of people.",
    "Alendronate is a bisphosphonate.",
    "The bone under the joint surface can collapse.",
    "If the femoral head collapses, a hip replacement may be the next step.",
    "Exercise strengthens the muscles around the hip.",
    "No study shows that magnets heal bone.",
    "It is a myth that rest heals AVN.",
    "Few trials found that bisphosphonates prevent collapse.",
    "Trials tested whether zoledronate prevents collapse.",
    "Your physical therapist helps you recover strength after surgery if you have it.",
    "Painkillers do not slow AVN down.",
    "There is a lack of\nstrong evidence that alendronate prevents collapse.",
    "## Does ibuprofen slow AVN down?",
]


@pytest.mark.parametrize("sentence", REFUSED)
def test_a_claim_is_refused_whatever_its_wording(sentence: str) -> None:
    found = claim_problems(sentence, "docs/x.md")
    assert len(found) == 1
    assert found[0].message.startswith("unsupported claim: '")
    assert found[0].fix.endswith("; say so, or cut the sentence")


@pytest.mark.parametrize("sentence", PASSED)
def test_a_true_or_hedged_sentence_passes(sentence: str) -> None:
    assert claim_problems(sentence, "docs/x.md") == []


def test_the_corpus_is_large_enough() -> None:
    assert len(REFUSED) >= 40 and len(PASSED) >= 40


def test_the_problem_is_at_the_line_of_the_paragraph_and_names_the_evidence() -> None:
    text = "---\ntitle: X\n---\n\n# X\n\nRest eases pain.\nIt is simple.\n\nStatins cure\nAVN.\n"
    [problem] = claim_problems(text, "docs/x.md")
    assert str(problem) == (
        "docs/x.md:10: unsupported claim: 'Statins cure AVN.'; statins are studied to lower the risk in people"
        " taking steroids; they do not treat AVN; say so, or cut the sentence"
    )


def test_link_targets_and_comments_are_not_read_as_words() -> None:
    assert claim_problems("See [the page](../treatment/rest-heals-avn.md). <!-- statins cure AVN -->", "x") == []


def test_a_citation_id_is_not_read_as_words() -> None:
    # "avn" in the id mayo-avn would otherwise make "statins slow down" read as "statins slow down AVN".
    assert len(claim_problems("Statins slow down avn.", "x")) == 1
    assert claim_problems("Statins slow down [@mayo-avn].", "x") == []


def test_a_glossary_alias_names_the_treatment_too() -> None:
    claims = build_claims([("bisphosphonate", "bone keeper")])
    claim = sentence_claim("The bone keeper prevents collapse.", claims)
    assert claim is not None and claim.name == "bisphosphonates"
    assert sentence_claim("The bone keeper prevents collapse.") is None


EFFECT_WORDS = ["Cures", "heal", "reverse", "goes away", "gets rid of", "stops", "prevents", "collapse", "the", "hip",
                "regrows", "bone", "makes", "new bone", "fully", "recover", "back to normal", "slows", "progress",
                "reduces", "inflammation", "eliminates", "disappears", "restores", "halts", "arrests", "grows back",
                "regenerates", "repairs", "completely", "disease", "calms", "cut", "keeps", "rid  of", "AVN", "x", "y2", " ", "  ", "-", "\u0130", "\u0131", "\u017f", "\u212a", "\u00e9", ",", ".",
                "blocks", "avoids", "protects", "lowers", "making", "forms", "builds", "rebuilds", "totally", "condition",
                "osteonecrosis", "fights", "treats", "eases", "regrow", "back", "new", "restoring", "normal"]  # fmt: skip
AS_WRITTEN = re.compile("|".join(f"(?:{effect})" for effect in (*EFFECTS, INFLAMMATION)), re.IGNORECASE)


@given(st.lists(st.sampled_from(EFFECT_WORDS), max_size=14).map("".join))
def test_effects_are_found_in_lowercased_text_as_the_patterns_read_in_any_case(text: str) -> None:
    # The check lowercases text for speed; it must find an effect exactly where the case-blind patterns do.
    assert bool(AS_WRITTEN.search(text)) == claims_an_effect(text)


PAGE_WORDS = [
    *EFFECT_WORDS,
    "statins",
    "Rest",
    "NSAIDs",
    "injections",
    "\n",
    "\n\n",
    "\n- ",
    "\u2028",
    "\r\n",
    "`",
    "[@x]",
]


def read_in_full(markdown: str) -> list[Problem]:
    """The claim problems of ``markdown`` found without the page-wide stem search passing over any paragraph."""
    every_line = set(range(len(markdown) + 2))
    with patch("kb.claims._lines_with_a_stem", lambda text: every_line):
        return claim_problems(markdown, "x")


@given(st.lists(st.sampled_from(PAGE_WORDS), max_size=10).map(" ".join))
def test_the_page_wide_stem_search_passes_over_no_paragraph_that_makes_a_claim(markdown: str) -> None:
    # Skipping the paragraphs on lines without a stem must change nothing: the same problems as reading them all.
    assert claim_problems(markdown, "x") == read_in_full(markdown)


@pytest.mark.parametrize(
    "effect", [word for word in EFFECT_WORDS if any(stem in word.lower() for stem in EFFECT_STEMS)]
)
@pytest.mark.parametrize(
    "layout", ["Statins {} AVN.", "Intro.\n\nNSAIDs\n{}\nthe disease.", "- Rest {} bone.\n- Walk."]
)
def test_each_effect_is_found_by_the_page_wide_stem_search(effect: str, layout: str) -> None:
    markdown = layout.format(effect)
    assert claim_problems(markdown, "x") == read_in_full(markdown)


@pytest.mark.parametrize(("pattern", "stems"), list(zip([*EFFECTS, INFLAMMATION], STEMS_BY_EFFECT, strict=True)))
def test_each_effect_pattern_holds_one_of_the_stems_that_start_its_search(pattern: str, stems: tuple[str, ...]) -> None:
    # Each alternative must spell one of its stems outright, or the quick test would skip its sentences.
    assert all(any(stem in part for stem in stems) for part in top_level_alternatives(pattern)), pattern


@pytest.mark.parametrize(("pattern", "also"), list(zip([*EFFECTS, INFLAMMATION], ALSO_BY_EFFECT, strict=True)))
def test_each_two_part_effect_pattern_holds_one_of_the_words_it_also_needs(pattern: str, also: tuple[str, ...]) -> None:
    assert not also or all(any(word in part for word in also) for part in top_level_alternatives(pattern)), pattern


def test_every_stem_is_a_run_of_letters() -> None:
    # A stem with a space in it could span two lines of a paragraph, where the page-wide search misses it.
    assert all(stem.isalpha() for stem in EFFECT_STEMS)


def top_level_alternatives(pattern: str) -> list[str]:
    """The parts of a pattern between the | signs that stand outside every group."""
    parts, depth, start, escaped = [], 0, 0, False
    for index, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
    return [*parts, pattern[start:]]


def test_the_alternatives_of_a_pattern_are_split_only_outside_groups() -> None:
    assert top_level_alternatives(r"\bgo(?:es)? away\b|\bget(?:s|ting)? rid of\b|[|]x") == [
        r"\bgo(?:es)? away\b",
        r"\bget(?:s|ting)? rid of\b",
        "[|]x",
    ]
