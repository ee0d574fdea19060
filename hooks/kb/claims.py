"""Catch the claims the evidence does not support, by what they say rather than by fixed wordings.

A clause makes a claim when it names a treatment (by name, brand, class or glossary
alias) and says it cures, heals, reverses, makes AVN go away, stops or prevents
collapse, regrows bone, or brings a full recovery (plus the claims the editorial
policy lists for pain medicines and blood thinners). It passes if the same clause
negates or hedges it, or if the sentence is a question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .lowercase import lowercased
from .places import line_numbers, places
from .problems import Problem

# Each class of treatment: the words that name it, and what the evidence says about its claims.
TREATMENTS: dict[str, tuple[tuple[str, ...], str]] = {
    "pain medicines": (
        (
            r"nsaids?", r"anti-?inflammator(?:y|ies)(?: medicines?| drugs?)?", r"pain ?killers?", r"pain relievers?",
            r"pain medicines?", r"ibuprofen", r"naproxen", r"advil", r"motrin", r"aleve", r"celecoxib", r"celebrex",
            r"diclofenac", r"acetaminophen", r"paracetamol", r"tylenol", r"opioids?",
        ),
        "pain medicines ease pain; no study shows they slow or change AVN",
    ),
    "bisphosphonates": (
        (
            r"bisphosphonates?", r"alendronate", r"zoledron\w*", r"fosamax", r"reclast", r"aclasta", r"risedronate",
            r"ibandronate",
        ),
        "the blinded and larger trials found no benefit; say the benefit is uncertain",
    ),
    "blood thinners": (
        (r"blood thinners?", r"anticoagulants?", r"warfarin", r"coumadin", r"heparin", r"enoxaparin", r"lovenox"),
        "anticoagulants are studied only in small groups, to prevent clots; the effect is uncertain",
    ),
    "statins": (
        (r"statins?", r"atorvastatin", r"simvastatin", r"rosuvastatin", r"lipitor", r"zocor", r"crestor"),
        "statins are studied to lower the risk in people taking steroids; they do not treat AVN",
    ),
    "vasodilators": (
        (r"vasodilators?", r"iloprost", r"prostacyclins?", r"ilomedin"),
        "small, uncontrolled studies; the effect on collapse is unclear",
    ),
    "shockwave": (
        (r"shock ?-?waves?(?: therapy| treatment)?", r"eswt"),
        "small, mostly uncontrolled studies; the effect on collapse is unclear",
    ),
    "hyperbaric oxygen": (
        (r"hyperbaric(?: oxygen)?(?: therapy| treatment)?", r"hbot?", r"oxygen(?: therapy| treatment)?"),
        "small, mostly uncontrolled studies; the effect on collapse is unclear",
    ),
    "electromagnetic fields": (
        (r"pemf", r"electromagnetic(?: fields?| therapy| stimulation)?", r"magnet(?:s|ic)?(?: therapy| treatment)?"),
        "small, mostly uncontrolled studies; the effect on collapse is unclear",
    ),
    "rest and devices": (
        (
            r"rest(?:ing)?", r"bed rest", r"crutch(?:es)?", r"canes?", r"braces?", r"walkers?", r"orthotics?",
            r"unloading", r"(?:protected |limited )?weight[- ]bearing", r"wheelchairs?",
        ),
        "unloading eases pain but has not been shown to heal bone or prevent collapse",
    ),
    "physical therapy": (
        (
            r"physical therapy", r"physiotherapy", r"pt", r"exercis(?:e|es|ing)", r"stretch(?:es|ing)?", r"swimming",
            r"hydrotherapy", r"water exercise",
        ),
        "PT helps pain and function; it has never been shown to change the course of AVN",
    ),
    "injections and other remedies": (
        (
            r"injections?", r"stem cells?", r"prp", r"platelet-rich plasma", r"bone marrow concentrate",
            r"supplements?", r"vitamins?(?: d)?", r"calcium", r"herbs?", r"herbal (?:medicines?|remedies)",
            r"acupuncture", r"massage", r"diets?", r"turmeric", r"cbd", r"core decompression", r"bone grafts?",
        ),
        "these are studied in small groups or not at all; no one can promise this result",
    ),
    "any treatment": (
        (r"treatments?", r"therap(?:y|ies)", r"medicines?", r"medications?", r"drugs?", r"pills?", r"this care"),
        "no treatment without surgery has been shown to do this; say what the evidence shows and how strong it is",
    ),
}  # fmt: skip

_COLLAPSE = r"(?:collapse[sd]?|collapsing)"
EFFECTS = (
    r"\bcur(?:e|es|ed|ing)\b",
    r"\bheal(?:s|ed|ing)?\b",
    r"\brevers(?:e|es|ed|ing|al)\b",
    r"\bgo(?:es)? away\b|\bget(?:s|ting)? rid of\b|\beliminat\w*|\bdisappear\w*",
    rf"\b(?:stop|prevent|halt|block|avoid|keep|protect|reduc|lower|cut)\w*\b.{{0,40}}\b{_COLLAPSE}",
    rf"\b{_COLLAPSE}.{{0,25}}\b(?:prevent|stop|halt|avoid)\w*",
    r"\b(?:re-?grow\w*|regenerat\w*|rebuild\w*|grow\w* (?:new|back)|repair\w*)\b.{0,30}\bbones?\b",
    r"\bbones?\b.{0,25}\b(?:re-?grow\w*|grows? back|regenerat\w*|repair\w*)",
    r"\b(?:make|makes|making|form|forms|build|builds)\b.{0,12}\bnew bone\b",
    r"\b(?:full|fully|complete|completely|total|totally)\b.{0,20}\b(?:recover\w*|(?:restore[sd]?|restoring|restoration)|normal)\b",
    r"\b(?:recover\w*|(?:restore[sd]?|restoring|restoration))\b.{0,30}\b(?:full|fully|complete|completely|totally)\b",
    r"\bback to normal\b",
    r"\b(?:slow\w*|stop\w*|halt\w*|arrest\w*)\b.{0,40}\b(?:progress\w*|disease|avn|osteonecrosis|necrosis|condition)\b",
)
# Anticoagulants are not anti-inflammatory: a claim of its own (editorial policy).
INFLAMMATION = r"\b(?:reduc|lower|eas|fight|calm|treat)\w*\b.{0,30}\binflammation\b"
# Words that negate or hedge a claim, or report it as someone else's, within the clause.
HEDGE = re.compile(
    r"\b(?:not|no|never|nor|neither|none|nothing|nobody|cannot|can't|don't|doesn't|didn't|won't|isn't|aren't|"
    r"wasn't|weren't|haven't|hasn't|lacks?|lacking|unproven|uncertain|unclear|unknown|unlikely|myths?|claims?|"
    r"claimed|some websites|whether|if|may|might|could|possibly|perhaps|hope[sd]?|fail(?:s|ed)?|without|rarely|"
    r"few|little|studied|tested)\b",
    re.IGNORECASE,
)
# A clause ends at ; : ( ) or a dash, or where a comma or "but" joins another clause.
_CLAUSE = re.compile(
    r"[;:()\u2014\u2013]| - |,\s*(?:and|but|or|so|yet|while|whereas|although|though|because|since)\b|\bbut\b",
    re.IGNORECASE,
)
# A block starts at a blank line, a heading, a list item or an admonition; sentences end in . or !.
_BLOCK_START = re.compile(r"^\s*($|#|[-*+] |\d+\. |!!!|\?\?\?|\|)")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
# What a reader does not read as words: link targets, attribute lists, HTML comments and tags, code.
# Not words a reader reads: link targets, attribute lists, comments, HTML, code and citations ([@mayo-avn]).
_NOT_TEXT = re.compile(r"\]\([^)]*\)|\{[:#.][^}]*\}|\{ [^}]*\}|<!--.*?-->|<[^>]+>|`[^`]*`|\[@[^\]\n]*\]", re.DOTALL)


@dataclass(frozen=True)
class Claim:
    """One class of treatment: the pattern of its names and what the evidence says."""

    name: str
    subject: re.Pattern[str]
    evidence: str


def _names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(names, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def build_claims(aliases: Iterable[tuple[str, ...]] = ()) -> tuple[Claim, ...]:
    """The claims, with each glossary entry's names added to the class that one of its names belongs to."""
    claims = []
    for name, (patterns, evidence) in TREATMENTS.items():
        own = re.compile(r"^(?:" + "|".join(patterns) + r")$", re.IGNORECASE)
        extra = [re.escape(alias) for names in aliases if any(own.match(n) for n in names) for alias in names]
        claims.append(Claim(name, _names_pattern([*patterns, *extra]), evidence))
    return tuple(claims)


# For each of EFFECTS and then INFLAMMATION: stems, one of which every match of that pattern holds
# (tests/unit/test_claims.py keeps them in step). They are runs of letters, so none spans the space that joins
# two lines of a paragraph.
STEMS_BY_EFFECT = (
    ("cur",), ("heal",), ("revers",), ("away", "rid", "eliminat", "disappear"), ("collapse", "collapsing"),
    ("collapse", "collapsing"), ("bone",), ("bone",), ("bone",), ("recover", "restore", "restoring", "restoration",
    "normal"), ("recover", "restore", "restoring", "restoration"), ("normal",), ("slow", "stop", "halt", "arrest"),
    ("inflammation",),
)  # fmt: skip
EFFECT_STEMS = tuple(dict.fromkeys(stem for stems in STEMS_BY_EFFECT for stem in stems))
# Searched in lowercased text (kb.lowercase says why); every pattern starts a word, so a position that starts
# none is passed over at once.
_EFFECT = re.compile(r"(?=\b\w)(?:" + "|".join(f"(?:{effect})" for effect in EFFECTS) + ")")
_INFLAMMATION = re.compile(rf"(?=\b\w)(?:{INFLAMMATION})")
# For each of EFFECTS and then INFLAMMATION, when it has two parts: words, one of which every match also holds.
ALSO_BY_EFFECT = (
    (), (), (), (), ("stop", "prevent", "halt", "block", "avoid", "keep", "protect", "reduc", "lower", "cut"),
    ("prevent", "stop", "halt", "avoid"), ("grow", "regenerat", "rebuild", "repair"), ("grow", "regenerat", "repair"),
    ("mak", "form", "build"), ("full", "complete", "total"), ("full", "complete", "total"), (),
    ("progress", "disease", "avn", "necrosis", "condition"), ("reduc", "lower", "eas", "fight", "calm", "treat"),
)  # fmt: skip
# Each pattern on its own, by the stems that may start a search for it, with the words it also needs: a sentence
# with "slowly" in it is searched for one pattern, and only if it names a disease too, not for all at every word.
_EFFECTS_BY_STEM: dict[str, list[tuple[re.Pattern[str], tuple[str, ...]]]] = {}
for _stems, _also, _effect in zip(STEMS_BY_EFFECT, ALSO_BY_EFFECT, (*EFFECTS, INFLAMMATION), strict=True):
    for _stem in _stems:
        _EFFECTS_BY_STEM.setdefault(_stem, []).append((re.compile(rf"(?=\b\w)(?:{_effect})"), _also))
CLAIMS = build_claims()


def _blocks(markdown: str) -> Iterator[tuple[int, int, str]]:
    """Yield (first line number, last line number, text) of each paragraph, list item or heading."""
    start = end = 0
    lines: list[str] = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        if lines and not line[:1].isalpha() and _BLOCK_START.match(line):  # A letter starts no new block.
            yield start, end, " ".join(lines)
            lines = []
        if line.strip():
            start = start if lines else number
            end = number
            lines.append(line.strip())
    if lines:
        yield start, end, " ".join(lines)


def _lines_with_a_stem(markdown: str) -> set[int]:
    """The numbers of the lines that hold an effect stem: a sentence on no such line claims no effect."""
    lowered = lowercased(markdown)
    # A few searches of the whole page, where each sentence would need them all; lines as _blocks numbers them.
    found = (at for stem in EFFECT_STEMS for at in places(lowered, stem))
    return line_numbers(found, map(len, lowered.splitlines(keepends=True)))


def _claim_in(clause: str, claims: tuple[Claim, ...]) -> Claim | None:
    """The claim ``clause`` makes, if it names a treatment with an effect and no hedge."""
    if HEDGE.search(clause):
        return None
    lowered = lowercased(clause)
    effect = bool(_EFFECT.search(lowered))
    if not effect and not _INFLAMMATION.search(lowered):
        return None
    for claim in claims:
        if (effect or claim.name == "blood thinners") and claim.subject.search(clause):
            return claim
    return None


def claims_an_effect(text: str) -> bool:
    """Whether ``text`` names an effect a treatment could be said to have."""
    lowered = lowercased(text)
    # Most sentences hold no stem: a few substring searches instead of the patterns.
    return any(
        effect.search(lowered)
        for stem in EFFECT_STEMS
        if stem in lowered
        for effect, also in _EFFECTS_BY_STEM[stem]
        if not also or any(word in lowered for word in also)
    )


def sentence_claim(sentence: str, claims: tuple[Claim, ...] = CLAIMS) -> Claim | None:
    """The unsupported claim a sentence states as fact, or None (a question states none)."""
    text = _NOT_TEXT.sub(" ", sentence).strip()
    if not text or text.endswith("?") or not claims_an_effect(text):
        return None  # A clause claims an effect only if its sentence names one: most sentences end here.
    for clause in _CLAUSE.split(text):
        claim = _claim_in(clause, claims)
        if claim:
            return claim
    return None


def claim_problems(markdown: str, shown_as: str, claims: tuple[Claim, ...] = CLAIMS) -> list[Problem]:
    """One problem per sentence that states an unsupported claim as fact."""
    problems = []
    text = _NOT_TEXT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), markdown)
    with_a_stem = _lines_with_a_stem(text)
    for number, last, block in _blocks(text):
        if with_a_stem.isdisjoint(range(number, last + 1)):
            continue
        for sentence in _SENTENCE.findall(block):
            claim = sentence_claim(sentence, claims)
            if claim:
                shown = " ".join(sentence.replace("[", "").replace("]", "").split())
                problems.append(
                    Problem(
                        shown_as,
                        number,
                        f"unsupported claim: '{shown if len(shown) <= 80 else shown[:77] + '...'}'",
                        f"{claim.evidence}; say so, or cut the sentence",
                    )
                )
    return problems
