"""The one-pass word matcher: whole words, longest first, case rules, and one lookup per word."""

from __future__ import annotations

import copy
import itertools
import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from kb.glossary import slug
from kb.matcher import Match, PhraseMatcher, is_case_sensitive, words


def found(phrases: Iterable[tuple[str, str]], text: str) -> list[tuple[str, str]]:
    """The (matched text, term id) pairs the matcher finds in ``text``."""
    return [(text[m.start : m.end], m.term_id) for m in PhraseMatcher(phrases).find(text)]


# Whole words


@pytest.mark.parametrize("text", ["cravnx", "avns", "xavn", "avn2", "avn-x"])
def test_a_term_inside_a_longer_word_is_not_found(text: str) -> None:
    assert found([("avn", "avn")], text) == []


def test_a_term_between_punctuation_is_found() -> None:
    assert found([("avn", "avn")], "cravnx, avn.") == [("avn", "avn")]


def test_match_positions_slice_the_text() -> None:
    text = "Pain in the femoral head, then more pain."
    (match,) = PhraseMatcher([("femoral head", "femoral-head")]).find(text)
    assert match == Match(12, 24, "femoral-head")
    assert text[match.start : match.end] == "femoral head"


def test_matches_come_left_to_right_without_overlap() -> None:
    phrases = [("femoral head", "femoral-head"), ("head", "head"), ("AVN", "avn")]
    text = "AVN of the femoral head; the head hurts. AVN again."
    assert found(phrases, text) == [
        ("AVN", "avn"),
        ("femoral head", "femoral-head"),
        ("head", "head"),
        ("AVN", "avn"),
    ]


# Longest match


@pytest.mark.parametrize(
    "phrases",
    [
        [("decompression", "decompression"), ("core decompression", "core-decompression")],
        [("core decompression", "core-decompression"), ("decompression", "decompression")],
    ],
    ids=["short-first", "long-first"],
)
def test_the_longest_phrase_wins_whatever_the_order(phrases: list[tuple[str, str]]) -> None:
    text = "After core decompression, decompression alone is rare."
    assert found(phrases, text) == [
        ("core decompression", "core-decompression"),
        ("decompression", "decompression"),
    ]


def test_a_longer_phrase_that_does_not_continue_falls_back_to_the_shorter() -> None:
    phrases = [("core", "core"), ("core decompression surgery", "cds"), ("core decompression", "cd")]
    assert found(phrases, "core decompression helps") == [("core decompression", "cd")]
    assert found(phrases, "core strength") == [("core", "core")]


# Case


@pytest.mark.parametrize(
    ("name", "expected"),
    [("AVN", True), ("NSAIDs", True), ("MRI scan", True), ("INR", True), ("Femoral head", False), ("hip", False)],
)
def test_two_capitals_make_a_name_case_sensitive(name: str, expected: bool) -> None:
    assert is_case_sensitive(name) is expected


@pytest.mark.parametrize(("text", "expected"), [("INR", ["INR"]), ("inr", []), ("Inr", []), ("iNR", [])])
def test_an_abbreviation_keeps_its_case(text: str, expected: list[str]) -> None:
    assert [t for t, _ in found([("INR", "inr")], f"Check your {text} weekly.")] == expected


@pytest.mark.parametrize(("text", "expected"), [("NSAIDs", ["NSAIDs"]), ("nsaids", []), ("NSAIDS", []), ("Nsaids", [])])
def test_a_mixed_case_abbreviation_keeps_its_case(text: str, expected: list[str]) -> None:
    assert [t for t, _ in found([("NSAIDs", "nsaids")], f"Some {text} help.")] == expected


@pytest.mark.parametrize("text", ["femoral head", "Femoral head", "Femoral Head", "FEMORAL HEAD"])
def test_ordinary_words_ignore_case(text: str) -> None:
    assert found([("femoral head", "femoral-head")], f"The {text} hurts.") == [(text, "femoral-head")]


def test_a_capitalised_ordinary_term_matches_lower_case_text() -> None:
    assert found([("Femoral head", "femoral-head")], "the femoral head") == [("femoral head", "femoral-head")]


# Punctuation around words


@pytest.mark.parametrize("text", ["AVN's course", "AVN\u2019s course"])
def test_a_possessive_links_the_bare_abbreviation(text: str) -> None:
    assert found([("AVN", "avn")], text) == [("AVN", "avn")]


def test_an_abbreviation_in_brackets_is_found() -> None:
    assert found([("AVN", "avn")], "avascular necrosis (AVN) of the hip") == [("AVN", "avn")]


@pytest.mark.parametrize("text", ["AVN-related pain", "non-AVN pain", "pre-AVN-stage"])
def test_a_hyphen_joins_a_compound_word_that_does_not_link(text: str) -> None:
    """Decided behaviour: "AVN-related" is one word, so it is not a mention of AVN."""
    assert found([("AVN", "avn")], text) == []


def test_a_hyphenated_term_matches_as_one_word() -> None:
    phrases = [("anti-inflammatory", "anti-inflammatory"), ("inflammatory", "inflammatory")]
    assert found(phrases, "Anti-inflammatory pills.") == [("Anti-inflammatory", "anti-inflammatory")]


@pytest.mark.parametrize("gap", ["\n", " \n", "  ", "\t", "\u00a0", " \n  "])
def test_a_multi_word_term_split_by_white_space_or_a_line_break_matches(gap: str) -> None:
    text = f"the femoral{gap}head"
    assert found([("femoral head", "femoral-head")], text) == [(f"femoral{gap}head", "femoral-head")]


@pytest.mark.parametrize("gap", [", ", ". ", " - ", "/", "'", " (", "-"])
def test_a_multi_word_term_split_by_punctuation_does_not_match(gap: str) -> None:
    assert found([("femoral head", "femoral-head")], f"the femoral{gap}head") == []


# Other scripts and ids


def test_a_non_ascii_term_matches_whole_words() -> None:
    phrases = [("ostéonécrose", "osteonecrose")]
    assert found(phrases, "Une ostéonécrose de la hanche.") == [("ostéonécrose", "osteonecrose")]
    assert found(phrases, "Ostéonécrose.") == [("Ostéonécrose", "osteonecrose")]
    assert found(phrases, "des ostéonécroses") == []
    assert found(phrases, "préostéonécrose") == []


def test_words_are_letters_and_digits_of_any_script() -> None:
    assert [m.group() for m in words("T1-weighted MRI, ostéonécrose's stage 2_b")] == [
        "T1-weighted",
        "MRI",
        "ostéonécrose",
        "s",
        "stage",
        "2",
        "b",
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("femoral head", "femoral-head"),
        ("NSAIDs", "nsaids"),
        ("ostéonécrose", "osteonecrose"),
        ("  Legg-Calvé-Perthes disease ", "legg-calve-perthes-disease"),
        ("T1-weighted MRI (scan)", "t1-weighted-mri-scan"),
        ("Crohn's disease", "crohn-s-disease"),
    ],
)
def test_slug_is_pure_ascii_lower_case_with_hyphens(name: str, expected: str) -> None:
    assert slug(name) == expected
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug(name))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Legg\u2013Calvé\u2013Perthes disease", "legg-calve-perthes-disease"),
        ("Crohn\u2019s disease", "crohn-s-disease"),
    ],
)
def test_slug_turns_non_ascii_punctuation_into_a_hyphen_like_ascii_punctuation(name: str, expected: str) -> None:
    assert slug(name) == expected


# One lookup per word, whatever the number of terms


class CountingDict(dict):
    """A dict that counts lookups (``get`` and ``in``): the matcher's few lookups per word."""

    calls = 0

    def get(self, key, default=None):  # type: ignore[override]
        self.calls += 1
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self.calls += 1
        return super().__contains__(key)


def counting(matcher: PhraseMatcher) -> CountingDict:
    """Replace the matcher's first-word index by a counting copy and return it."""
    index = CountingDict(matcher._first)
    matcher._first = index
    return index


def many_phrases(count: int) -> list[tuple[str, str]]:
    """``count`` distinct made-up two-word phrases."""
    return [(f"term{n} thing{n}", f"t{n}") for n in range(count)]


def test_the_matcher_looks_each_word_up_at_most_four_times_whatever_the_term_count() -> None:
    text = " ".join(["The femoral head", "Term7 thing7", "AVN", "and"] * 50)
    lookups = []
    for count in (10, 5000):
        matcher = PhraseMatcher([*many_phrases(count), ("femoral head", "fh"), ("AVN", "avn")])
        index = counting(matcher)
        result = list(matcher.find(text))
        lookups.append(index.calls)
        assert len(result) == 150
    number_of_words = len(words(text))
    assert lookups[0] == lookups[1]
    assert lookups[0] <= 4 * number_of_words


def test_the_first_word_index_holds_one_key_per_first_word() -> None:
    matcher = PhraseMatcher([("core decompression", "cd"), ("core", "c"), ("AVN", "avn"), ("Femoral head", "fh")])
    assert sorted(matcher._first) == ["AVN", "core", "femoral"]
    assert [phrase.parts for phrase in matcher._first["core"]] == [("core", "decompression"), ("core",)]


# The matcher against a naive reference: one regular expression with an alternative per phrase

LETTERS = "abcdeéoö"
GAPS = [" ", "  ", "\n", " \n", "\t", "\u00a0"]
GLUE = [*GAPS, ", ", ". ", " (", ") ", "'s ", "\u2019s ", "-", " - ", "/", "_", ": "]


def reference(phrases: Sequence[tuple[str, str]], text: str) -> list[tuple[int, int, str]]:
    """Longest-first, whole-word matches found the slow, obvious way: a regex alternation, longest first."""
    by_key: dict[tuple[str, ...], str] = {}
    alternatives = []
    for phrase, term_id in sorted(phrases, key=lambda p: -len(p[0].split())):
        parts = phrase.split()
        by_key.setdefault(tuple(p.casefold() for p in parts), term_id)
        body = r"[ \t\n\u00a0]+".join(re.escape(p) for p in parts)
        exact = sum(c.isupper() for c in phrase) >= 2
        alternatives.append(body if exact else f"(?i:{body})")
    if not alternatives:
        return []
    pattern = re.compile(r"(?<![^\W_])(?<![^\W_]-)(?:" + "|".join(alternatives) + r")(?![^\W_])(?!-[^\W_])")
    return [
        (m.start(), m.end(), by_key[tuple(w.casefold() for w in re.split(r"[ \t\n\u00a0]+", m.group()))])
        for m in pattern.finditer(text)
    ]


def unique_phrases(raw: Iterable[str]) -> list[tuple[str, str]]:
    """Phrases with distinct case-folded words (as the glossary check demands), with made-up ids."""
    seen: set[tuple[str, ...]] = set()
    phrases: list[tuple[str, str]] = []
    for phrase in raw:
        key = tuple(w.casefold() for w in phrase.split())
        if key not in seen:
            seen.add(key)
            phrases.append((phrase, f"id{len(phrases)}"))
    return phrases


def as_tuples(matches: Iterable[Match]) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.term_id) for m in matches]


def make_vocabulary(rng: random.Random, size: int) -> list[str]:
    """Short made-up words, some hyphenated and some with capitals."""
    result: set[str] = set()
    while len(result) < size:
        word = "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.1:
            word += "-" + "".join(rng.choice(LETTERS) for _ in range(2))
        result.add(word)
    return sorted(result)


def styled(rng: random.Random, word: str) -> str:
    return rng.choice([word, word, word.upper(), word.capitalize()])


_RNG = random.Random(20260505)
VOCABULARY = make_vocabulary(_RNG, 150)
BIG_PHRASES = unique_phrases(
    " ".join(styled(_RNG, _RNG.choice(VOCABULARY)) for _ in range(_RNG.choices([1, 2, 3], [2, 5, 3])[0]))
    for _ in range(20000)
)[:5000]
BIG_MATCHER = PhraseMatcher(BIG_PHRASES)

word_choice = st.sampled_from(VOCABULARY)
styled_word = st.tuples(word_choice, st.sampled_from(["lower", "upper", "title"])).map(
    lambda pair: {"lower": pair[0], "upper": pair[0].upper(), "title": pair[0].capitalize()}[pair[1]]
)


@st.composite
def texts(draw: st.DrawFn, max_words: int = 300) -> str:
    """Words from the vocabulary joined by white space and punctuation."""
    parts = draw(st.lists(st.tuples(styled_word, st.sampled_from(GLUE)), min_size=1, max_size=max_words))
    return "".join(word + glue for word, glue in parts)


def test_the_big_phrase_list_has_five_thousand_terms() -> None:
    assert len(BIG_PHRASES) == 5000
    assert any(len(p.split()) == 3 for p, _ in BIG_PHRASES)
    assert any(is_case_sensitive(p) for p, _ in BIG_PHRASES)


@given(texts())
def test_five_thousand_terms_match_like_the_naive_reference(text: str) -> None:
    assert as_tuples(BIG_MATCHER.find(text)) == reference(BIG_PHRASES, text)


@given(
    st.lists(
        st.lists(styled_word, min_size=1, max_size=3).map(" ".join),
        max_size=25,
    ).map(unique_phrases),
    texts(max_words=40),
)
def test_random_phrases_match_like_the_naive_reference(phrases: list[tuple[str, str]], text: str) -> None:
    assert as_tuples(PhraseMatcher(phrases).find(text)) == reference(phrases, text)


@given(texts(max_words=60))
def test_every_match_is_whole_words_in_order(text: str) -> None:
    matches = list(BIG_MATCHER.find(text))
    starts = {m.start() for m in words(text)}
    ends = {m.end() for m in words(text)}
    for before, after in itertools.pairwise(matches):
        assert before.end <= after.start
    for match in matches:
        assert match.start in starts
        assert match.end in ends


# Names with punctuation inside, and text in decomposed form


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("Crohn's disease", "Has Crohn\u2019s disease.", ["Crohn\u2019s disease"]),
        ("Crohn\u2019s disease", "Has crohn's  disease.", ["crohn's  disease"]),
        ("Perthes' disease", "Perthes' disease in children.", ["Perthes' disease"]),
        ("St. John's wort", "Take St. John's wort?", ["St. John's wort"]),
        ("hip (joint) pain", "Some hip (joint) pain.", ["hip (joint) pain"]),
        ("hip (joint)", "The hip (joint) and knee.", ["hip (joint)"]),
    ],
)
def test_punctuation_inside_a_name_must_be_in_the_text_too(name: str, text: str, expected: list[str]) -> None:
    assert [t for t, _ in found([(name, "id")], text)] == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Crohn's disease", "Crohn disease"),
        ("Crohn's disease", "Crohn's, disease"),
        ("hip (joint) pain", "hip joint pain"),
        ("hip (joint)", "the hip (joint"),
        ("St. John's wort", "St John's wort"),
    ],
)
def test_a_name_with_punctuation_does_not_match_other_punctuation(name: str, text: str) -> None:
    assert found([(name, "id")], text) == []


def test_text_in_decomposed_form_matches_a_composed_name() -> None:
    decomposed = unicodedata.normalize("NFD", "Une ostéonécrose.")
    assert found([("ostéonécrose", "o")], decomposed) == [(unicodedata.normalize("NFD", "ostéonécrose"), "o")]
    assert found([(unicodedata.normalize("NFD", "ostéonécrose"), "o")], "Une ostéonécrose.") == [("ostéonécrose", "o")]


def test_a_letter_whose_case_folding_is_longer_matches_either_way() -> None:
    """ "ß" folds to "ss": such text is read word by word, not by the first-word trie, and still matches."""
    phrases = [("Straße", "s")]
    assert found(phrases, "Die Straße und die STRASSE, nicht die Strasse-x.") == [
        ("Straße", "s"),
        ("STRASSE", "s"),
    ]
    assert found(phrases, "Only ASCII: STRASSE.") == [("STRASSE", "s")]


def test_combining_marks_next_to_a_word_do_not_hide_it() -> None:
    """A stray combining mark after a space is not part of a word: the word after it still starts one."""
    assert found([("AVN", "avn")], "x \u0301AVN and AVN\u0301") == [("AVN", "avn")]


# The quick comparison of a whole phrase, and the search of many texts at once


def word_by_word(matcher: PhraseMatcher) -> PhraseMatcher:
    """The same matcher reading every phrase word by word, as it does text that does not line up with its folding."""
    slow = copy.copy(matcher)
    slow._first = {key: [replace(p, rest=None) for p in phrases] for key, phrases in matcher._first.items()}
    return slow


PUNCTUATED = ["hip bone-", "Dr. Perthes", "AVN's hip", "bone - marrow", "bone marrow.", "non-weight bearing",
              "O\u2019Brien test", "café au lait", "MRI scan", "hip", "Hip Bone", "bone"]  # fmt: skip
PIECES = ["hip", "Hip", "HIP", "bone", "Bone", "marrow", "Dr", "Perthes", "AVN", "avn", "O", "Brien", "test", "café",
          "cafe\u0301", "au", "lait", "MRI", "scan", "non", "weight", "bearing", "x", "İ", " ", "  ", "\n", "\u00a0",
          "-", " - ", ".", "'", "\u2019", ",", "s", "-x"]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_a_phrase_compared_whole_is_found_exactly_where_reading_it_word_by_word_finds_it(text: str) -> None:
    matcher = PhraseMatcher((phrase, f"id{n}") for n, phrase in enumerate(PUNCTUATED))
    assert matcher.find(text) == word_by_word(matcher).find(text)


@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=8).map("".join), max_size=6))
def test_texts_searched_together_give_what_each_gives_alone(texts: list[str]) -> None:
    matcher = PhraseMatcher((phrase, f"id{n}") for n, phrase in enumerate(PUNCTUATED))
    assert matcher.find_each(texts) == [matcher.find(text) for text in texts]


def test_a_hyphen_after_the_last_word_of_a_phrase_ending_in_one_joins_the_next_word() -> None:
    matcher = PhraseMatcher([("hip bone-", "a"), ("bone", "b")])
    assert [m.term_id for m in matcher.find("hip bone- pain")] == ["a"]
    assert [m.term_id for m in matcher.find("hip bone-x pain")] == []  # "bone-x" is one word
    assert matcher.find_each(["hip bone-", "x"]) == [[Match(0, 9, "a")], []]


def test_a_phrase_may_not_hold_the_character_kept_between_texts() -> None:
    with pytest.raises(ValueError, match="U\\+0000"):
        PhraseMatcher([("hip\x00bone", "a")])
