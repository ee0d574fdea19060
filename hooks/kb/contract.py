"""The front-matter contract of a page: what it is, how current, what it rests on.

CONTRIBUTING.md documents these fields; ``tests/unit/test_contributing_sync.py``
fails when the two drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from .problems import Problem, shown_value
from .readability import reading_grade
from .sitedata import SiteData
from .strictyaml import Loaded

PAGE_FIELDS = frozenset({"title", "description", "medical", "glossary", "hide", "search"})
MEDICAL_FIELDS = frozenset({"disclaimer", "review", "key_messages", "evidence", "treatment"})
REVIEW_FIELDS = frozenset({"status", "last_reviewed", "next_review", "reviewer"})
REVIEWER_FIELDS = frozenset({"name", "credentials"})
EVIDENCE_FIELDS = frozenset({"question", "answer", "level"})
TREATMENT_FIELDS = ("aim", "involves", "main_risks")
PENDING = "pending-clinical-review"
REVIEWED = "clinically-reviewed"
REVIEW_STATUSES = (PENDING, REVIEWED)
MAX_REVIEW_YEARS = 3
DESCRIPTION_LENGTH = (30, 180)
KEY_MESSAGES = (2, 4)
KEY_MESSAGE_WORDS = 25
KEY_MESSAGES_GRADE = 6.0
ANSWER_LENGTH = 40
TREATMENT_WORDS = 20
# The pages of treatment/ that give an overview instead of one treatment: no treatment block.
TREATMENT_OVERVIEWS = frozenset(
    {"treatment/index.md", "treatment/choosing-together.md", "treatment/benefits-risks-limits.md"}
)
# Markdown or HTML in plain-text fields: shown escaped, so a reader would see the marks themselves.
_MARKUP = re.compile(r"[<>*_`#\[\]]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Review:
    """Review status and dates of a medical page."""

    status: str
    last_reviewed: date
    next_review: date
    reviewer_name: str | None = None
    reviewer_credentials: str | None = None


@dataclass(frozen=True)
class Evidence:
    """One question a reader asks about a treatment and how strong the answer is."""

    question: str
    answer: str
    level: str


@dataclass(frozen=True)
class Treatment:
    """What a treatment is for, what it involves and its main risks, for the comparison table."""

    aim: str
    involves: str
    main_risks: str


@dataclass(frozen=True)
class PageRecord:
    """The checked front matter of one page."""

    src_uri: str
    title: str
    description: str
    medical: bool
    disclaimer: str | None = None
    review: Review | None = None
    key_messages: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    treatment: Treatment | None = None
    # The bibliography keys the page's text cites ([@key]), each once, in the order first cited.
    cited: tuple[str, ...] = ()


class _Checker:
    """Collects the problems of one page's front matter as it reads it."""

    def __init__(self, shown_as: str, loaded: Loaded, site: SiteData, today: date) -> None:
        self.shown_as, self.loaded, self.site, self.today = shown_as, loaded, site, today
        self.problems: list[Problem] = []

    def report(self, path: tuple, message: str, fix: str) -> None:
        self.problems.append(Problem(self.shown_as, self.loaded.line_of(path, 2), message, fix))

    def unknown(self, mapping: dict, allowed: frozenset[str], path: tuple) -> None:
        for key in mapping:
            if key not in allowed:
                self.report((*path, key), f"unknown field '{key}'", f"use only {', '.join(sorted(allowed))}")

    def has_markup(self, text: str, path: tuple, what: str) -> bool:
        """Report Markdown or HTML in a plain-text field: readers would see the bare marks."""
        if not _MARKUP.search(text):
            return False
        self.report(path, f"{what} contains Markdown or HTML", "write plain words only")
        return True

    def text(self, mapping: dict, key: str, path: tuple) -> str | None:
        value = mapping.get(key)
        if value is None:
            self.report(path, f"'{key}' is missing", f"add {key}: ...")
            return None
        if not isinstance(value, str) or not value.strip():
            self.report((*path, key), f"'{key}' must be text", f"write {key}: followed by plain words")
            return None
        return " ".join(value.split())

    def day(self, mapping: dict, key: str, path: tuple) -> date | None:
        value = mapping.get(key)
        if value is None:
            self.report(path, f"'{key}' is missing", f"add {key}: YYYY-MM-DD")
            return None
        if not isinstance(value, str) or not _ISO_DATE.match(value):
            self.report(
                (*path, key), f"'{key}' is {shown_value(value)}, not a date", "write it as YYYY-MM-DD, e.g. 2026-11-21"
            )
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.report(
                (*path, key), f"'{key}' is {value}, which is not a real date", "check the month (01-12) and the day"
            )
            return None


def check_page(
    src_uri: str, shown_as: str, loaded: Loaded, site: SiteData, today: date
) -> tuple[PageRecord | None, list[Problem]]:
    """Check one page's parsed front matter against the contract."""
    c = _Checker(shown_as, loaded, site, today)
    for key_path, line in loaded.duplicates:
        c.problems.append(
            Problem(shown_as, line, f"'{key_path[-1]}' appears twice in the front matter", "keep one of them")
        )
    meta = loaded.data
    if not isinstance(meta, dict):
        kind = "a list" if isinstance(meta, list) else "empty" if meta is None else "a single value"
        c.report(
            (), f"the front matter is {kind}, not a set of fields", "write one field per line, as in CONTRIBUTING.md"
        )
        return None, c.problems
    c.unknown(meta, PAGE_FIELDS, ())
    title = c.text(meta, "title", ())
    description = c.text(meta, "description", ())
    if description and any(char in description for char in '"<>&'):
        # Material writes the description into <meta content="..."> without escaping it.
        c.report(
            ("description",),
            "the description contains \" < > or &, which breaks the page's meta tag",
            "reword it without those characters (use 'single quotes')",
        )
    if description and not DESCRIPTION_LENGTH[0] <= len(description) <= DESCRIPTION_LENGTH[1]:
        c.report(
            ("description",),
            f"the description has {len(description)} characters",
            "write one sentence of {} to {} characters".format(*DESCRIPTION_LENGTH),
        )
    if "glossary" in meta and not isinstance(meta["glossary"], bool):
        c.report(
            ("glossary",),
            "'glossary' must be true or false",
            "write glossary: false to turn off glossary links on this page",
        )
    if "medical" not in meta:
        c.report(
            (),
            "the page does not say whether it is medical",
            "add a medical: block (see CONTRIBUTING.md), or medical: false for a page about the site",
        )
        return None, c.problems
    medical = meta["medical"]
    if medical is False:
        record = PageRecord(src_uri, title or "", description or "", False)
        return (record if not c.problems else None), c.problems
    if not isinstance(medical, dict):
        c.report(
            ("medical",),
            f"'medical' is {shown_value(medical)}",
            "write a medical: block with disclaimer and review, or medical: false",
        )
        return None, c.problems
    record = _check_medical(c, medical, src_uri, title or "", description or "")
    return (record if not c.problems else None), c.problems


def _check_medical(c: _Checker, medical: dict, src_uri: str, title: str, description: str) -> PageRecord:
    """Check the medical block; the record it returns is only used when no problem was found."""
    path = ("medical",)
    if "sources" in medical:
        c.report(
            (*path, "sources"),
            "front matter no longer lists sources: the page's source list is made from its citations",
            "delete the sources: line and cite each source in the sentence it supports, like [@lai-2005]",
        )
    c.unknown({name: value for name, value in medical.items() if name != "sources"}, MEDICAL_FIELDS, path)
    disclaimer = medical.get("disclaimer")
    if disclaimer is None:
        c.report(path, "'disclaimer' is missing", f"add disclaimer: with one of {', '.join(c.site.disclaimers)}")
    elif not isinstance(disclaimer, str) or disclaimer not in c.site.disclaimers:
        c.report(
            (*path, "disclaimer"),
            f"unknown disclaimer kind {shown_value(disclaimer)}",
            f"use one of {', '.join(c.site.disclaimers)}",
        )
    review = _check_review(c, medical.get("review"), (*path, "review"))
    key_messages = _check_key_messages(c, medical.get("key_messages"), (*path, "key_messages"))
    evidence = _check_evidence(c, medical.get("evidence", []), (*path, "evidence"))
    treatment = _check_treatment(c, medical.get("treatment"), (*path, "treatment"), src_uri)
    return PageRecord(src_uri, title, description, True, disclaimer, review, key_messages, evidence, treatment)


def _check_review(c: _Checker, review: Any, path: tuple) -> Review | None:
    """Check status, dates and reviewer."""
    if not isinstance(review, dict):
        c.report(
            path,
            "'review' is missing or not a block",
            "add review: with status, last_reviewed and next_review",
        )
        return None
    c.unknown(review, REVIEW_FIELDS, path)
    status = review.get("status")
    if status not in REVIEW_STATUSES:
        c.report(
            (*path, "status"),
            f"review status is {shown_value(status)}",
            f"use {PENDING} (or {REVIEWED} with a named reviewer)",
        )
    last = c.day(review, "last_reviewed", path)
    due = c.day(review, "next_review", path)
    if last and last > c.today:
        c.report(
            (*path, "last_reviewed"),
            f"last_reviewed {last} is in the future (today is {c.today})",
            "use the date the page was actually reviewed",
        )
    if last and due and due <= last:
        c.report(
            (*path, "next_review"),
            f"next_review {due} is not after last_reviewed {last}",
            "set the next review after the last one",
        )
    if last and due and due > _years_later(last, MAX_REVIEW_YEARS):
        c.report(
            (*path, "next_review"),
            f"next_review {due} is more than {MAX_REVIEW_YEARS} years after last_reviewed {last}",
            f"set it on or before {_years_later(last, MAX_REVIEW_YEARS)}",
        )
    reviewer = review.get("reviewer")
    name = credentials = None
    if status == REVIEWED:
        if not isinstance(reviewer, dict):
            c.report(
                (*path, "status"),
                "the page claims clinical review but names no reviewer",
                "add reviewer: with name and credentials of the real clinician, or use " + PENDING,
            )
        else:
            c.unknown(reviewer, REVIEWER_FIELDS, (*path, "reviewer"))
            name = c.text(reviewer, "name", (*path, "reviewer"))
            credentials = c.text(reviewer, "credentials", (*path, "reviewer"))
    elif reviewer is not None:
        c.report(
            (*path, "reviewer"),
            f"a reviewer is named but the status is {shown_value(status)}",
            f"name a reviewer only with status {REVIEWED}",
        )
    if status not in REVIEW_STATUSES or not last or not due:
        return None
    return Review(status, last, due, name, credentials)


def _check_evidence(c: _Checker, evidence: Any, path: tuple) -> tuple[Evidence, ...]:
    """Check the evidence-at-a-glance questions against the site's scale."""
    if not isinstance(evidence, list):
        c.report(
            path, "'evidence' must be a list of questions", "write - question: ... with level: ... under evidence:"
        )
        return ()
    result = []
    for index, item in enumerate(evidence):
        where = (*path, index)
        if not isinstance(item, dict):
            c.report(where, "an evidence item must have a question and a level", "write - question: ... and level: ...")
            continue
        c.unknown(item, EVIDENCE_FIELDS, where)
        question = c.text(item, "question", where)
        answer = _short_answer(c, item, where)
        level = item.get("level")
        if not isinstance(level, str) or level not in c.site.evidence_scale:
            c.report(
                (*where, "level"),
                f"unknown evidence level {shown_value(level)}",
                f"use one of {', '.join(c.site.evidence_scale)}",
            )
        elif question and answer:
            result.append(Evidence(question, answer, level))
    return tuple(result)


def _short_answer(c: _Checker, item: dict, where: tuple) -> str | None:
    """The answer in a few words, shown before the level so a level is never read as the answer."""
    answer = c.text(item, "answer", where)
    if answer and len(answer) > ANSWER_LENGTH:
        c.report(
            (*where, "answer"),
            f"the answer has {len(answer)} characters",
            f"answer in at most {ANSWER_LENGTH} characters, e.g. 'Not shown' or 'Eases pain for some people'",
        )
        return None
    if answer and c.has_markup(answer, (*where, "answer"), "the answer"):
        return None
    return answer


def _check_key_messages(c: _Checker, messages: Any, path: tuple) -> tuple[str, ...]:
    """Check the "In short" messages: 2 to 4 plain sentences a reader in a hurry can take in."""
    low, high = KEY_MESSAGES
    if messages is None:
        c.report(
            path[:-1],
            "'key_messages' is missing",
            f"add key_messages: with {low} to {high} short plain sentences, the page's main points",
        )
        return ()
    if not isinstance(messages, list) or not all(isinstance(item, str) and item.strip() for item in messages):
        c.report(path, "'key_messages' must be a list of sentences", "write each message on a line of its own: - ...")
        return ()
    if not low <= len(messages) <= high:
        c.report(path, f"there are {len(messages)} key messages", f"keep the {low} to {high} that matter most")
    result = []
    for index, message in enumerate(messages):
        text = " ".join(message.split())
        words = len(text.split())
        if words > KEY_MESSAGE_WORDS:
            c.report(
                (*path, index),
                f"key message {index + 1} has {words} words",
                f"say it in {KEY_MESSAGE_WORDS} words or fewer, or split it",
            )
        c.has_markup(text, (*path, index), f"key message {index + 1}")
        result.append(text)
    grade = reading_grade(" ".join(result))
    if result and grade > KEY_MESSAGES_GRADE:
        c.report(
            path,
            f"the key messages read at US grade {grade:.1f}",
            f"bring them to grade {KEY_MESSAGES_GRADE:g} or below: shorter sentences and shorter words",
        )
    return tuple(result)


def _check_treatment(c: _Checker, treatment: Any, path: tuple, src_uri: str) -> Treatment | None:
    """Check the comparison-table block that every single-treatment page carries."""
    needs_block = src_uri.startswith("treatment/") and src_uri not in TREATMENT_OVERVIEWS
    if treatment is None:
        if needs_block:
            c.report(
                path[:-1],
                "a treatment page has no 'treatment' block for the comparison table",
                "add treatment: with " + ", ".join(TREATMENT_FIELDS),
            )
        return None
    if not isinstance(treatment, dict):
        c.report(path, "'treatment' must be a block", "write treatment: with " + ", ".join(TREATMENT_FIELDS))
        return None
    c.unknown(treatment, frozenset(TREATMENT_FIELDS), path)
    values = {}
    for key in TREATMENT_FIELDS:
        text = c.text(treatment, key, path)
        if text and len(text.split()) > TREATMENT_WORDS:
            c.report(
                (*path, key),
                f"'{key}' has {len(text.split())} words",
                f"say it in {TREATMENT_WORDS} words or fewer; the page itself gives the detail",
            )
        elif text and not c.has_markup(text, (*path, key), f"'{key}'"):
            values[key] = text
    return Treatment(**values) if len(values) == len(TREATMENT_FIELDS) else None


def _years_later(day: date, years: int) -> date:
    """The same calendar day ``years`` later (28 February for a 29 February start)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
