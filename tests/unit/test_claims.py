"""The claims check judges what a sentence says: refused claims in many wordings, honest sentences pass."""

from __future__ import annotations

import pytest
from kb.claims import build_claims, claim_problems, sentence_claim

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
