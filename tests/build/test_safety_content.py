"""Safety and accuracy rules of the pages, so the defects of issue 17 cannot quietly come back.

Each rule is a small function over page text, tested twice: on the real site (the Markdown
sources or the strict build), and on a sample of the old, wrong wording, which it must catch.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from kb.pages import page_files

from tests.sitebuild import ROOT
from tests.soup import classes, element, one, parent

DOCS = ROOT / "docs"
SNIPPETS = DOCS / "_snippets"
CARE_ORDER = ("care-emergency", "care-urgent", "care-routine")

# The emergency number of each place the snippet names, and nothing else.
EMERGENCY_NUMBERS = {
    "US and Canada": "911",
    "UK": "999",
    "European Union": "112",
    "Australia": "000",
    "New Zealand": "111",
    "India": "112",
}
# Emergency and crisis numbers as a reader sees them. "NHS 111" names the service, not the number
# to press; the number itself sits beside it as a link.
PHONE_NUMBER = re.compile(
    r"(?<![\w,.:;/()\-\u2013])(?<!NHS )(911|999|112|000|111|988|116 ?123|13 ?11 ?14)(?![\w,.:;/\-\u2013])"
)
_CARD = re.compile(r"^!!! (care-\w+)[^\n]*\n((?:[ \t]*\n|    [^\n]*\n)*)", re.MULTILINE)
_ADMONITION = re.compile(r"^!!! [^\n]*\n(?:[ \t]*\n|    [^\n]*\n)*", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _body(path: Path) -> str:
    """The Markdown of a page after its front matter."""
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]


def _pages() -> dict[str, str]:
    return {path.relative_to(DOCS).as_posix(): _body(path) for path in page_files(DOCS)}


def _built(site_dir: Path, src_uri: str) -> BeautifulSoup:
    stem = src_uri.removesuffix(".md").removesuffix("index").rstrip("/")
    return BeautifulSoup((site_dir / stem / "index.html").read_text(encoding="utf-8"), "html.parser")


def _snippet(name: str) -> str:
    return (SNIPPETS / name).read_text(encoding="utf-8")


def _words(text: str) -> str:
    return " ".join(text.split())


def cards(markdown: str) -> list[tuple[str, str]]:
    """Every care card of a page, in order: its kind and its text."""
    return [(kind, _words(text)) for kind, text in _CARD.findall(markdown + "\n")]


def section(markdown: str, heading: str) -> str:
    """The text under a level-two heading, without the admonitions in it."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", markdown, re.MULTILINE | re.DOTALL)
    return _ADMONITION.sub("", match.group(1)) if match else ""


def sentences(text: str) -> list[str]:
    return _SENTENCE_END.split(_words(text))


# --- Emergency numbers -------------------------------------------------------------------------


def emergency_snippet_problems(text: str) -> list[str]:
    """What in the emergency snippet is not a place's emergency number given as a tel: link."""
    pairs = re.findall(r"([A-Z][A-Za-z ]+?) \*\*\[(\d+)\]\(tel:(\d+)\)\*\*", _words(text))
    problems = [f"{place}: {shown} calls {dialled}" for place, shown, dialled in pairs if shown != dialled]
    found = {place.strip(): shown for place, shown, _ in pairs}
    if found != EMERGENCY_NUMBERS:
        problems.append(f"numbers {found}, expected {EMERGENCY_NUMBERS}")
    rest = re.sub(r"\*\*\[\d+\]\(tel:\d+\)\*\*", "", text)
    problems += [f"number outside a tel: link: {digits}" for digits in re.findall(r"\d+", rest)]
    if re.search(r"urgent|advice|NHS", text, re.IGNORECASE):
        problems.append("a non-emergency service is named")
    return problems


def test_emergency_snippet_holds_only_emergency_numbers_as_tel_links() -> None:
    assert emergency_snippet_problems(_snippet("emergency-numbers.md")) == []


def test_emergency_snippet_check_catches_nhs_111_beside_the_emergency_numbers() -> None:
    old = (
        "**Emergency numbers:** US and Canada **911** · UK **999** (or **111** for urgent advice) ·\n"
        "European Union **112** · Australia **000** · New Zealand **111** · India **112**.\n"
    )
    assert emergency_snippet_problems(old)


def numbers_outside_tel_links(soup: BeautifulSoup) -> list[str]:
    """Every emergency or crisis number in the page text that a phone cannot dial with one tap."""
    found = []
    for text in soup.body.find_all(string=True) if soup.body else []:
        if parent(text).name in ("script", "style"):
            continue
        for match in PHONE_NUMBER.finditer(str(text)):
            link = text.find_parent("a")
            href = link.get("href") if link else None
            if not (isinstance(href, str) and href.startswith("tel:") and href[4:] == match.group(1).replace(" ", "")):
                found.append(match.group(1))
    return found


def test_every_emergency_number_on_the_built_site_is_a_tel_link(site_dir: Path) -> None:
    problems = {}
    tel_links = 0
    for page in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        tel_links += len(soup.select('a[href^="tel:"]'))
        if bad := numbers_outside_tel_links(soup):
            problems[page.relative_to(site_dir).as_posix()] = bad
    assert problems == {}
    assert tel_links > 20, "the emergency snippet should put tel: links on many pages"


def test_number_check_catches_a_bare_number_and_a_link_that_dials_another() -> None:
    bare = BeautifulSoup("<body><p>UK <strong>999</strong> or <a href='tel:112'>911</a></p></body>", "html.parser")
    assert numbers_outside_tel_links(bare) == ["999", "911"]


def test_nhs_111_sits_only_in_urgent_cards_and_says_it_does_not_cover_northern_ireland() -> None:
    for uri, markdown in _pages().items():
        outside = _CARD.sub("", markdown + "\n")
        assert "NHS 111" not in outside, f"{uri}: NHS 111 outside a care card"
        for kind, text in cards(markdown):
            if "NHS 111" in text:
                assert kind == "care-urgent", f"{uri}: NHS 111 in a {kind} card"
                assert "Northern Ireland" in text, f"{uri}: say NHS 111 does not cover Northern Ireland"


# --- When to get help, and the way to it -------------------------------------------------------


def test_when_to_get_help_opens_with_the_emergency_card_then_urgent_then_non_urgent(site_dir: Path) -> None:
    article = one(_built(site_dir, "living/when-to-get-help.md"), "article")
    # The page furniture under the title (kb-*: trust line, warning, "In short") comes from the template.
    blocks = [
        el
        for el in article.find_all(recursive=False)
        if el.name != "h1" and not any(c.startswith("kb-") for c in classes(el))
    ]
    if blocks[0].name == "p":
        assert len(blocks[0].get_text().split()) <= 15, "at most one short sentence before the emergency card"
        blocks = blocks[1:]
    kinds = [next(c for c in classes(block) if c.startswith("care-")) for block in blocks[:3]]
    assert kinds == list(CARE_ORDER)
    emergency = blocks[0]
    assert len(emergency.select(":scope > ul > li")) <= 5
    self_harm = next(li for li in emergency.select("li") if "harm yourself" in li.get_text())
    assert {a["href"] for a in self_harm.select('a[href^="tel:"]')} >= {"tel:988", "tel:116123", "tel:131114"}


def test_home_page_offers_when_to_get_help_on_the_first_phone_screen(site_dir: Path) -> None:
    article = one(_built(site_dir, "index.md"), "article")
    link = article.select_one('a[href$="living/when-to-get-help/"]')
    assert link is not None
    # Words above the link, leaving out the one-line trust bar of the template; "In short" counts.
    words_before = 0
    for text in article.find_all(string=True):
        if text.find_parent("a") is link:
            break
        if not text.find_parent(class_="kb-trust"):
            words_before += len(str(text).split())
    # A 375 x 667 phone shows the title, the trust bar, "In short" and about 70 words in all.
    assert words_before <= 70, f"{words_before} words come before the link to When to get help"
    assert "Worried right now?" in element(link.find_parent("p"), "paragraph around the link").get_text()


def card_order_problems(markdown: str) -> list[str]:
    """A care card that comes after a less urgent one."""
    ranks = [CARE_ORDER.index(kind) for kind, _ in cards(markdown) if kind in CARE_ORDER]
    return [f"{CARE_ORDER[b]} after {CARE_ORDER[a]}" for a, b in itertools.pairwise(ranks) if b < a]


def test_care_cards_run_from_emergency_to_non_urgent_on_every_page() -> None:
    problems = {uri: p for uri, markdown in _pages().items() if (p := card_order_problems(markdown))}
    assert problems == {}


def test_card_order_check_catches_urgent_above_emergency() -> None:
    old = '!!! care-urgent "Urgent"\n\n    - a\n\n!!! care-emergency "Emergency"\n\n    - b\n'
    assert card_order_problems(old) == ["care-emergency after care-urgent"]


# --- A risk named on a page has the card that goes with it -------------------------------------

_INFECTION_RISK = re.compile(r"\binfections?\b", re.IGNORECASE)
_RISK_WORDS = re.compile(r"\b(cause|causes|risk|risks|after)\b", re.IGNORECASE)
_COLLAPSE_RISK = re.compile(r"\bcollapse[sd]?\b|\bgets? worse\b", re.IGNORECASE)


def missing_cards(markdown: str) -> list[str]:
    """The care cards a page's risks call for and that it lacks."""
    risks = section(markdown, "Risks and side effects")
    page_cards = cards(markdown)
    missing = []
    names_infection = any(
        _INFECTION_RISK.search(sentence) and _RISK_WORDS.search(sentence) for sentence in sentences(risks)
    )
    if names_infection and not any(kind == "care-emergency" and "fever" in text for kind, text in page_cards):
        missing.append("an emergency card for fever or a hot, swollen joint (infection)")
    if _COLLAPSE_RISK.search(risks) and not any(
        kind == "care-urgent" and re.search(r"suddenly gets? much worse", text) for kind, text in page_cards
    ):
        missing.append("an urgent card for hip pain that suddenly gets much worse")
    return missing


def test_every_page_that_names_infection_or_collapse_as_a_risk_carries_the_card() -> None:
    problems = {uri: m for uri, markdown in _pages().items() if (m := missing_cards(markdown))}
    assert problems == {}


@pytest.mark.parametrize(
    "risks",
    [
        "- **Any injection** can cause pain, bruising, bleeding or infection where the needle goes in.",
        "- **Delay.** If you try shockwave and your hip gets worse, you may miss that window.",
    ],
)
def test_risk_card_check_catches_a_risk_without_its_card(risks: str) -> None:
    assert missing_cards(f"## Risks and side effects\n\n{risks}\n\n## What happens without it\n")


def test_sudden_worsening_is_never_narrowed_to_since_the_last_scan() -> None:
    for uri, markdown in _pages().items():
        for _, text in cards(markdown):
            assert "since your last scan" not in text, uri


# --- One rule for pain the next day ------------------------------------------------------------

NEXT_DAY_RULE = _words(_snippet("next-day-pain-rule.md"))
_NEXT_DAY = re.compile(r"next day|following day|next morning", re.IGNORECASE)
# Words that turn a mention of the next day into a rule ("means you did too much", "tell them if").
_RULE_WORDS = re.compile(r"\b(means?|too much|do less|tell|should|settle|lasts?|raised|worse|more)\b", re.I)


def other_next_day_rules(markdown: str) -> list[str]:
    """Sentences that give a next-day pain rule of their own, not the shared snippet."""
    return [
        s
        for s in sentences(markdown)
        if _NEXT_DAY.search(s) and re.search(r"pain|hurt|ache", s, re.I) and _RULE_WORDS.search(s)
    ]


def test_one_next_day_pain_rule_stated_once_and_included_everywhere() -> None:
    including = {uri for uri, markdown in _pages().items() if '--8<-- "next-day-pain-rule.md"' in markdown}
    assert including >= {
        "living/daily-life.md",
        "physical-therapy/exercises.md",
        "physical-therapy/exercises-to-avoid.md",
        "physical-therapy/exercise-log.md",
    }
    problems = {uri: r for uri, markdown in _pages().items() if (r := other_next_day_rules(markdown))}
    assert problems == {}


def test_next_day_rule_check_catches_a_rule_of_a_page_s_own() -> None:
    old = "Some mild ache can be normal. Tell them if your pain is still raised the next day."
    assert other_next_day_rules(old)


def test_built_pages_show_the_next_day_rule_word_for_word(site_dir: Path) -> None:
    for uri in ("living/daily-life.md", "physical-therapy/exercises.md", "physical-therapy/exercise-log.md"):
        text = _words(one(_built(site_dir, uri), "article").get_text())
        plain = NEXT_DAY_RULE.replace("**", "")
        assert text.count(plain) == 1, uri


# --- Glossary ----------------------------------------------------------------------------------


def _glossary() -> dict[str, dict]:
    entries = yaml.safe_load((DOCS / "_data" / "glossary.yml").read_text(encoding="utf-8"))
    return {entry["term"]: entry for entry in entries}


def glossary_problems(entries: dict[str, dict]) -> list[str]:
    """The wrong statements issue 17 found in the glossary, if any is back."""
    problems = []
    for term in ("anticoagulant", "enoxaparin"):
        more = entries[term].get("more", "")
        if "only been studied in people with inherited" in more or "steroid" not in more:
            problems.append(f"{term}: say that steroid-related AVN was studied too, and kept getting worse")
    sickness = entries["decompression sickness"]
    if "dysbaric osteonecrosis" in sickness.get("aliases", []):
        problems.append("decompression sickness: dysbaric osteonecrosis is AVN, not the illness")
    if "rising too fast from deep water or high air pressure" in sickness["definition"]:
        problems.append("decompression sickness: bubbles form when the pressure drops too fast")
    edema = entries["bone marrow edema"].get("aliases", [])
    if {"bone marrow edema syndrome", "bone marrow oedema syndrome"} & set(edema):
        problems.append("bone marrow edema: the syndrome (transient osteoporosis) is not the MRI finding")
    for term, entry in entries.items():
        if {"non-weight-bearing", "non-weight bearing"} & set(entry.get("aliases", [])) and (
            "no weight" not in entry["definition"]
        ):
            problems.append(f"{term}: non-weight-bearing means no weight at all")
    if "110 people" in entries["zoledronate"].get("more", ""):
        problems.append("zoledronate: the trial had 110 hips")
    if "blinded trials" in entries["bisphosphonate"].get("more", ""):
        problems.append("bisphosphonate: there was one blinded trial")
    return problems


def test_glossary_no_longer_says_what_issue_17_found_wrong() -> None:
    assert glossary_problems(_glossary()) == []


def test_glossary_check_catches_the_old_definitions() -> None:
    entries = _glossary()
    entries["enoxaparin"] = {"more": "In AVN it has only been studied in people with inherited clotting problems."}
    entries["zoledronate"] = {"more": "A trial of 110 people with early AVN found that it did not prevent collapse."}
    entries["bone marrow edema"] = {"aliases": ["bone marrow edema syndrome"]}
    assert len(glossary_problems(entries)) == 3


def test_transient_osteoporosis_has_its_own_entry() -> None:
    entry = _glossary()["transient osteoporosis of the hip"]
    assert "bone marrow edema syndrome" in entry["aliases"]
    assert "different from AVN" in entry["definition"]


def test_no_page_says_blinded_trials_for_bisphosphonates() -> None:
    # There was one blinded trial of a bisphosphonate in AVN; a paragraph or list item about them
    # must not speak of blinded trials.
    blocks = [
        (uri, _words(block))
        for uri, markdown in _pages().items()
        for block in re.split(r"\n(?=- )|\n\n", markdown)
        if re.search(r"bisphosphonate|alendronate|zoledron", block, re.I)
    ]
    assert blocks
    assert [(uri, block) for uri, block in blocks if "blinded trials" in block] == []


# --- Exercises ---------------------------------------------------------------------------------


def _exercise(name: str) -> str:
    markdown = _body(DOCS / "physical-therapy" / "exercises.md")
    match = re.search(rf"^### {re.escape(name)}\n(.*?)(?=^##)", markdown, re.MULTILINE | re.DOTALL)
    assert match, name
    return _words(match.group(1))


def straight_leg_problems(how_to: str) -> list[str]:
    """The straight-leg raise must start with the knee bent; the straight leg only with the therapist."""
    problems = []
    if "knee bent" not in how_to:
        problems.append("the default is not the bent knee")
    for sentence in sentences(how_to):
        if "straight" in sentence and "only if your therapist" not in sentence:
            problems.append(f"straight leg without the therapist: {sentence}")
    return problems


def test_straight_leg_raise_starts_with_the_knee_bent() -> None:
    how_to = _exercise("Straight leg raise").split("**How to do it:**")[1].split("**How many:**")[0]
    assert straight_leg_problems(how_to) == []


def test_straight_leg_raise_figure_shows_the_knee_bent() -> None:
    section_text = _exercise("Straight leg raise").split("**How to do it:**")[0]
    figure = re.search(r"caption: (.*?) alt: (.*)", section_text, re.DOTALL)
    assert figure is not None
    assert straight_leg_problems(figure.group(1)) == []
    assert straight_leg_problems(figure.group(2)) == []


def test_straight_leg_check_catches_the_long_lever_as_default() -> None:
    old = (
        "Lie on your back with your good knee bent. Tighten your other thigh and lift the straight leg "
        "a few inches. Lower it slowly. Your therapist may start you with the knee bent."
    )
    assert straight_leg_problems(old)


@pytest.mark.parametrize("name", ["Standing hamstring curls", "Hip flexor stretch (front of the hip)"])
def test_one_leg_exercises_say_which_leg(name: str) -> None:
    text = _exercise(name)
    assert "painful leg" in text and "good" in text


@pytest.mark.parametrize(
    "name",
    [
        "Buttock squeezes (gluteal sets)",
        "Thigh tightening (quadriceps sets)",
        "Squeezes in and out (hip adduction and abduction)",
    ],
)
def test_every_squeeze_is_gentle(name: str) -> None:
    assert "gentle" in _exercise(name).lower()


def test_exercises_page_links_to_when_to_get_help() -> None:
    assert "(../living/when-to-get-help.md)" in _body(DOCS / "physical-therapy" / "exercises.md")


@pytest.mark.parametrize(
    "uri", ["living/daily-life.md", "physical-therapy/exercises.md", "physical-therapy/water-and-low-impact.md"]
)
def test_exercise_bike_advice_says_check_with_your_surgeon(uri: str) -> None:
    assert "Check with your surgeon first, as pedaling loads the leg a little." in _words(_pages()[uri])


def test_nordic_walking_is_offered_only_with_full_weight_allowed() -> None:
    offers = [
        (uri, block)
        for uri, markdown in _pages().items()
        for block in re.split(r"\n(?=- )|\n\n", markdown)
        if "Nordic walking" in block and "poles" in block
    ]
    assert len(offers) >= 4
    assert [(uri, block) for uri, block in offers if "full weight" not in block] == []


# --- Medicines ---------------------------------------------------------------------------------

_STOP_STEROIDS = re.compile(r"\bstop(?:ping)?\b(?: or (?:cut down|change))?(?: a| your)? steroids?\b", re.I)


def steroid_stop_problems(markdown: str) -> bool:
    """A page that talks about stopping steroids and does not warn that it can be dangerous."""
    text = _words(markdown)
    return bool(_STOP_STEROIDS.search(text)) and not re.search(
        r"adrenal crisis|stopping suddenly can be dangerous", text, re.I
    )


def test_pages_that_talk_of_stopping_steroids_warn_of_the_danger() -> None:
    problems = [uri for uri, markdown in _pages().items() if steroid_stop_problems(markdown)]
    assert problems == []
    assert "adrenal crisis" in _pages()["living/daily-life.md"]


def test_steroid_check_catches_withdrawal_told_as_tiredness_only() -> None:
    assert steroid_stop_problems("Do not stop steroids on your own. It can make you feel tired and achy.")


@pytest.mark.parametrize(
    "uri",
    [
        "treatment/blood-thinners.md",
        "treatment/pain-medicines.md",
        "treatment/statins.md",
        "treatment/bisphosphonates.md",
        "treatment/vasodilators.md",
    ],
)
def test_medicine_pages_speak_of_pregnancy(uri: str) -> None:
    assert "pregnan" in _pages()[uri]


def test_blood_thinners_warn_that_warfarin_and_doacs_are_not_for_pregnancy() -> None:
    risks = section(_pages()["treatment/blood-thinners.md"], "Risks and side effects")
    bullet = next(line for line in risks.split("\n- ") if "Pregnancy" in line)
    assert "Warfarin" in bullet and "DOACs" in bullet and "unborn baby" in bullet


def test_pain_medicines_give_the_lower_acetaminophen_limit_and_nsaid_cautions() -> None:
    text = _words(_pages()["treatment/pain-medicines.md"])
    for needed in (
        "asthma",
        "allergic reaction",
        "with food",
        "never take more in a day",
        "liver disease",
        "weigh little",
    ):
        assert needed in text, needed


# --- Evidence described honestly ---------------------------------------------------------------


def test_hip_replacement_level_follows_the_scale() -> None:
    text = (DOCS / "treatment" / "surgery.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
    levels = {item["question"]: item["level"] for item in front["medical"]["evidence"]}
    level = next(v for q, v in levels.items() if "hip replacement" in q)
    # No trial compared it with anything: on the site's scale that is very low, whatever the effect.
    assert "No trial has compared hip replacement" in text
    assert level == "very-low"


def small_study_problems(markdown: str) -> list[str]:
    """The 73-case steroid study told as large, or its odds ratio told as '20 times more likely'."""
    return [
        s
        for s in sentences(markdown)
        if re.search(r"20 times more likely", s) or (re.search(r"\b73\b", s) and re.search(r"\blarge\b", s))
    ]


def test_the_steroid_case_control_study_is_not_called_large() -> None:
    problems = {uri: p for uri, markdown in _pages().items() if (p := small_study_problems(markdown))}
    assert problems == {}
    assert not re.search(r"large study from Japan", " ".join(_pages().values()))


def test_small_study_check_catches_twenty_times() -> None:
    old = "In one large study, people who had taken steroid tablets were about 20 times more likely to have AVN."
    assert small_study_problems(old)


def test_what_pt_can_do_does_not_say_hips_slowly_get_worse() -> None:
    assert "slowly get worse" not in _words(_pages()["physical-therapy/what-pt-can-do.md"])
