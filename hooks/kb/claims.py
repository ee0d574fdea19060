"""Catch the claims the evidence does not support, in the words web pages often use for them.

A sentence that makes one of these claims passes only if it also says the claim
is not supported (a negation or hedge in the same sentence). The list mirrors
the editorial policy's "claims we never make" and can grow with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import Problem


@dataclass(frozen=True)
class Claim:
    """An unsupported claim: the subject, the claimed effect, and what the evidence says."""

    subject: re.Pattern[str]
    effect: re.Pattern[str]
    evidence: str


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


CLAIMS = (
    Claim(
        _words(r"\b(nsaids?|anti-inflammator\w*|painkillers?|pain relievers?|ibuprofen|naproxen)\b"),
        _words(r"\b(slow\w*|revers\w*|halt\w*|stop\w*)\b.{0,40}\b(progress\w*|disease|avn|condition|necrosis)\b"),
        "pain medicines ease pain; no study shows they slow AVN",
    ),
    Claim(
        _words(r"\b(bisphosphonates?|alendronate|zoledron\w*|fosamax)\b"),
        _words(r"\b(prevent\w*|reduce\w*|lower\w*|stop\w*)\b.{0,30}\bcollapse\b"),
        "the blinded and larger trials found no benefit; say the benefit is uncertain",
    ),
    Claim(
        _words(r"\b(blood thinners?|anticoagulants?|warfarin|heparin|enoxaparin)\b"),
        _words(r"\binflammation\b"),
        "anticoagulants are not anti-inflammatory; they are studied only to prevent clots",
    ),
    Claim(
        _words(r"\b(braces?|crutch\w*|canes?|rest\w*|orthotics?|unloading)\b"),
        _words(r"\b(heal\w*|repair\w*|regrow\w*)\b.{0,30}\bbone\b|\bbone\b.{0,30}\b(heal\w*|repair\w*)\b"),
        "unloading eases pain but has not been shown to heal bone or prevent collapse",
    ),
    Claim(
        _words(r"\b(physical therapy|physiotherapy|pt|exercises?)\b"),
        _words(r"\b(full\w*|complete\w*|swift\w*)\b.{0,20}\brecover\w*"),
        "PT helps pain and function; it has never been shown to change the course of AVN",
    ),
    Claim(
        _words(r"\b(shock ?waves?|eswt|hyperbaric|hbo|pemf|electromagnetic|iloprost)\b"),
        _words(r"\bcur(e|es|ed|ing)\b"),
        "small, mostly uncontrolled studies; the effect on collapse is unclear",
    ),
)
# Words that show a sentence reports a claim rather than makes it.
HEDGE = _words(
    r"\b(not|no|never|nor|cannot|can't|don't|doesn't|didn't|lack|unproven|uncertain|unclear|unknown|myth|claims?|some websites|whether)\b"
)
# A block starts at a blank line, a heading, a list item or an admonition; sentences end in . or !.
_BLOCK_START = re.compile(r"^\s*($|#|[-*+] |\d+\. |!!!|\?\?\?|\|)")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")


def _blocks(markdown: str):
    """Yield (first line number, text) of each paragraph, list item or heading."""
    start, lines = 0, []
    for number, line in enumerate(markdown.splitlines(), start=1):
        if _BLOCK_START.match(line) and lines:
            yield start, " ".join(lines)
            lines = []
        if line.strip():
            start = start if lines else number
            lines.append(line.strip())
    if lines:
        yield start, " ".join(lines)


def claim_problems(markdown: str, shown_as: str) -> list[Problem]:
    """One problem per sentence that states an unsupported claim as fact (questions are not claims)."""
    problems = []
    for number, block in _blocks(markdown):
        for sentence in _SENTENCE.findall(block):
            if sentence.rstrip().endswith("?"):
                continue
            for claim in CLAIMS:
                if claim.subject.search(sentence) and claim.effect.search(sentence) and not HEDGE.search(sentence):
                    problems.append(
                        Problem(
                            shown_as,
                            number,
                            f"unsupported claim: '{sentence.strip()[:80]}'",
                            f"{claim.evidence}; say so, or cut the sentence",
                        )
                    )
    return problems
