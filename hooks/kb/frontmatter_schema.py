"""The front matter of a page as pydantic models: the checks, the CONTRIBUTING reference and the JSON Schema.

Each field's description is its rule for editors (CONTRIBUTING.md and the hint in an editor);
``required_on`` says when it is needed. Checks that need the site are read from the validation
context: the data files' disclaimer kinds and evidence levels, today, and the page's path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
    field_validator,
)
from pydantic.json_schema import JsonDict

from .problems import shown_value
from .reading_grade import reading_grade
from .schema_problems import Found, found

PENDING = "pending-clinical-review"
REVIEWED = "clinically-reviewed"
REVIEW_STATUSES = {
    PENDING: "Written by the project, not yet checked by a clinician. Every new page starts here.",
    REVIEWED: "Checked against its sources by the clinician named in `reviewer`; needs `name` and `credentials`.",
}
MAX_REVIEW_YEARS = 3
DESCRIPTION_LENGTH = (30, 180)
KEY_MESSAGES = (2, 4)
KEY_MESSAGE_WORDS = 25
KEY_MESSAGES_GRADE = 6.0
ANSWER_LENGTH = 40
TREATMENT_WORDS = 20
TREATMENT_FIELDS = ("aim", "involves", "main_risks")
# The pages of treatment/ that give an overview instead of one treatment: no treatment block.
TREATMENT_OVERVIEWS = frozenset(
    {"treatment/index.md", "treatment/choosing-together.md", "treatment/benefits-risks-limits.md"}
)
# Markdown or HTML in plain-text fields: shown escaped, so a reader would see the marks themselves.
_MARKUP = re.compile(r"[<>*_`#\[\]]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Context:
    """What the checks need beyond the page: the site's data (kb.sitedata.SiteData), today and the page's path."""

    disclaimers: tuple[str, ...]
    evidence_levels: tuple[str, ...]
    today: date
    src_uri: str


def _context(info: ValidationInfo) -> Context:
    assert isinstance(info.context, Context), "validate front matter with context=Context(...)"
    return info.context


def rule(text: str, required_on: str, choices: str | None = None, **field: Any) -> Any:
    """A field with its rule for editors, when it is required (CONTRIBUTING's "Required" column) and the data
    file its choices come from."""
    extra: JsonDict = {"x-required-on": required_on}
    if choices:
        extra["x-choices-from"] = choices
    return Field(description=text, json_schema_extra=extra, **field)


def _text(value: object, info: ValidationInfo) -> str:
    """Plain text, its spaces evened out; an empty value is a missing field."""
    key = info.field_name
    if value is None:
        raise found(Found(f"'{key}' is missing", f"add {key}: ...", ()))
    if not isinstance(value, str) or not value.strip():
        raise found((f"'{key}' must be text", f"write {key}: followed by plain words"))
    return " ".join(value.split())


def _day(value: object, info: ValidationInfo) -> date:
    key = info.field_name
    if value is None:
        raise found(Found(f"'{key}' is missing", f"add {key}: YYYY-MM-DD", ()))
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise found((f"'{key}' is {shown_value(value)}, not a date", "write it as YYYY-MM-DD, e.g. 2026-11-21"))
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise found((f"'{key}' is {value}, which is not a real date", "check the month (01-12) and the day")) from None


def _markup(text: str, what: str) -> list[Found]:
    """Markdown or HTML in a plain-text field: readers would see the bare marks."""
    return [Found(f"{what} contains Markdown or HTML", "write plain words only")] if _MARKUP.search(text) else []


Text = Annotated[str, BeforeValidator(_text)]
Day = Annotated[date, BeforeValidator(_day)]


class _Block(BaseModel):
    """An unknown field is a mistake to report, not to drop."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Reviewer(_Block):
    """The real clinician who checked the page."""

    name: Text = rule("Their full name, as they want it shown.", "with `reviewer`")
    credentials: Text = rule("Their qualification and role, e.g. `MD, orthopaedic surgeon`.", "with `reviewer`")


def _status(value: object) -> object:
    if value not in REVIEW_STATUSES:
        raise found((f"review status is {shown_value(value)}", f"use {PENDING} (or {REVIEWED} with a named reviewer)"))
    return value


class Review(_Block):
    """Review status and dates."""

    status: Annotated[Literal["pending-clinical-review", "clinically-reviewed"], BeforeValidator(_status)] = rule(
        "One review status from the table below: `pending-clinical-review`, `clinically-reviewed`.", "medical pages"
    )
    last_reviewed: Day = rule("`YYYY-MM-DD`, not in the future.", "medical pages")
    next_review: Day = rule(
        f"`YYYY-MM-DD`, after `last_reviewed` and at most {MAX_REVIEW_YEARS} years later.", "medical pages"
    )
    reviewer: Reviewer | None = rule(
        "The real clinician who checked the page. Never invent a person.",
        "only when clinically reviewed",
        default=None,
        validate_default=True,
    )

    @field_validator("last_reviewed")
    @classmethod
    def _not_future(cls, last: date, info: ValidationInfo) -> date:
        today = _context(info).today
        if last > today:
            raise found(
                (
                    f"last_reviewed {last} is in the future (today is {today})",
                    "use the date the page was actually reviewed",
                )
            )
        return last

    @field_validator("next_review")
    @classmethod
    def _due(cls, due: date, info: ValidationInfo) -> date:
        last = info.data.get("last_reviewed")
        if last and due <= last:
            raise found(
                (f"next_review {due} is not after last_reviewed {last}", "set the next review after the last one")
            )
        if last and due > years_later(last, MAX_REVIEW_YEARS):
            raise found(
                (
                    f"next_review {due} is more than {MAX_REVIEW_YEARS} years after last_reviewed {last}",
                    f"set it on or before {years_later(last, MAX_REVIEW_YEARS)}",
                )
            )
        return due

    @field_validator("reviewer")
    @classmethod
    def _named_when_reviewed(cls, reviewer: Reviewer | None, info: ValidationInfo) -> Reviewer | None:
        status = info.data.get("status")
        if status == REVIEWED and reviewer is None:
            raise found(
                Found(
                    "the page claims clinical review but names no reviewer",
                    "add reviewer: with name and credentials of the real clinician, or use " + PENDING,
                    ("status",),
                )
            )
        if status == PENDING and reviewer is not None:
            raise found(
                (
                    f"a reviewer is named but the status is {shown_value(status)}",
                    f"name a reviewer only with status {REVIEWED}",
                )
            )
        return reviewer


def _answer(value: object, info: ValidationInfo) -> str:
    """The answer in a few words, shown before the level so a level is never read as the answer."""
    answer = _text(value, info)
    if len(answer) > ANSWER_LENGTH:
        raise found(
            (
                f"the answer has {len(answer)} characters",
                f"answer in at most {ANSWER_LENGTH} characters, e.g. 'Not shown' or 'Eases pain for some people'",
            )
        )
    if problems := _markup(answer, "the answer"):
        raise found(*problems)
    return answer


def _level(value: object, info: ValidationInfo) -> str:
    levels = _context(info).evidence_levels
    if not isinstance(value, str) or value not in levels:
        raise found((f"unknown evidence level {shown_value(value)}", f"use one of {', '.join(levels)}"))
    return value


class Evidence(_Block):
    """One question a reader asks about a treatment, its short answer and how strong the evidence is."""

    question: Text = rule("The question in the reader's words.", "with `evidence`")
    answer: Annotated[str, BeforeValidator(_answer)] = rule(
        f"The answer in at most {ANSWER_LENGTH} characters, shown before the level: `Not shown`, "
        "`Eases pain for some people`, `Not tested in people with AVN` (never a bare `No` for a gap in research).",
        "with `evidence`",
        max_length=ANSWER_LENGTH,
    )
    level: Annotated[str, BeforeValidator(_level)] = rule(
        "One evidence level from the table below.", "with `evidence`", "evidence-scale.yml"
    )


def _short(value: object, info: ValidationInfo) -> str:
    """A cell of the comparison table: a few plain words."""
    text, key = _text(value, info), info.field_name
    if len(text.split()) > TREATMENT_WORDS:
        raise found(
            (
                f"'{key}' has {len(text.split())} words",
                f"say it in {TREATMENT_WORDS} words or fewer; the page itself gives the detail",
            )
        )
    if problems := _markup(text, f"'{key}'"):
        raise found(*problems)
    return text


Short = Annotated[str, BeforeValidator(_short)]


class Treatment(_Block):
    """What a treatment is for, what it involves and its main risks: its row of the comparison table."""

    aim: Short = rule(f"What it is for, in at most {TREATMENT_WORDS} words.", "with `treatment`")
    involves: Short = rule(f"What it involves for the reader, in at most {TREATMENT_WORDS} words.", "with `treatment`")
    main_risks: Short = rule(f"The main risks or downsides, in at most {TREATMENT_WORDS} words.", "with `treatment`")


def _disclaimer(value: object, info: ValidationInfo) -> str:
    kinds = _context(info).disclaimers
    if not isinstance(value, str) or value not in kinds:
        raise found((f"unknown disclaimer kind {shown_value(value)}", f"use one of {', '.join(kinds)}"))
    return value


def _key_messages(value: object) -> list[str]:
    """The "In short" messages: 2 to 4 plain sentences a reader in a hurry can take in."""
    low, high = KEY_MESSAGES
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise found(("'key_messages' must be a list of sentences", "write each message on a line of its own: - ..."))
    messages = [" ".join(item.split()) for item in value]
    problems = []
    if not low <= len(messages) <= high:
        problems.append(Found(f"there are {len(messages)} key messages", f"keep the {low} to {high} that matter most"))
    for index, text in enumerate(messages):
        words = len(text.split())
        if words > KEY_MESSAGE_WORDS:
            problems.append(
                Found(
                    f"key message {index + 1} has {words} words",
                    f"say it in {KEY_MESSAGE_WORDS} words or fewer, or split it",
                    ("key_messages", index),
                )
            )
        problems += [
            problem._replace(at=("key_messages", index)) for problem in _markup(text, f"key message {index + 1}")
        ]
    grade = reading_grade(" ".join(messages))
    if messages and grade > KEY_MESSAGES_GRADE:
        problems.append(
            Found(
                f"the key messages read at US grade {grade:.1f}",
                f"bring them to grade {KEY_MESSAGES_GRADE:g} or below: shorter sentences and shorter words",
            )
        )
    if problems:
        raise found(*problems)
    return messages


def _evidence(value: object) -> object:
    if not isinstance(value, list):
        raise found(("'evidence' must be a list of questions", "write - question: ... with level: ... under evidence:"))
    fix = "write - question: ... and level: ..."
    wrong = [
        Found("an evidence item must have a question and a level", fix, ("evidence", index))
        for index, item in enumerate(value)
        if not isinstance(item, dict)
    ]
    if wrong:
        raise found(*wrong)
    return value


def _treatment_block(value: object) -> object:
    if value is not None and not isinstance(value, dict):
        raise found(("'treatment' must be a block", "write treatment: with " + ", ".join(TREATMENT_FIELDS)))
    return value


class Medical(_Block):
    """The medical block of a health page."""

    disclaimer: Annotated[str, BeforeValidator(_disclaimer)] = rule(
        "One disclaimer kind from the table below.", "medical pages", "disclaimers.yml"
    )
    review: Review = rule("The review block: `status`, `last_reviewed`, `next_review`.", "medical pages")
    key_messages: Annotated[list[str], BeforeValidator(_key_messages)] = rule(
        f'{KEY_MESSAGES[0]} to {KEY_MESSAGES[1]} plain sentences shown first, under "In short": at most '
        f"{KEY_MESSAGE_WORDS} words each, no Markdown, the set at US reading grade {KEY_MESSAGES_GRADE:g} or below.",
        "medical pages",
        min_length=KEY_MESSAGES[0],
        max_length=KEY_MESSAGES[1],
    )
    evidence: Annotated[list[Evidence], BeforeValidator(_evidence)] = rule(
        "One to three questions a patient asks, each with a level.", "treatment pages", default_factory=list
    )
    treatment: Annotated[Treatment | None, BeforeValidator(_treatment_block)] = rule(
        "The row of the comparison table on the treatment overview: `aim`, `involves`, `main_risks`.",
        "pages in `treatment/` about one treatment",
        default=None,
        validate_default=True,
    )

    @field_validator("treatment")
    @classmethod
    def _on_treatment_pages(cls, treatment: Treatment | None, info: ValidationInfo) -> Treatment | None:
        src_uri = _context(info).src_uri
        if treatment is None and src_uri.startswith("treatment/") and src_uri not in TREATMENT_OVERVIEWS:
            raise found(
                Found(
                    "a treatment page has no 'treatment' block for the comparison table",
                    "add treatment: with " + ", ".join(TREATMENT_FIELDS),
                    (),
                )
            )
        return treatment


def _description(value: object, info: ValidationInfo) -> str:
    text = _text(value, info)
    problems = []
    if any(char in text for char in '"<>&'):
        # Material writes the description into <meta content="..."> without escaping it.
        problems.append(
            Found(
                "the description contains \" < > or &, which breaks the page's meta tag",
                "reword it without those characters (use 'single quotes')",
            )
        )
    if not DESCRIPTION_LENGTH[0] <= len(text) <= DESCRIPTION_LENGTH[1]:
        problems.append(
            Found(
                f"the description has {len(text)} characters",
                "write one sentence of {} to {} characters".format(*DESCRIPTION_LENGTH),
            )
        )
    if problems:
        raise found(*problems)
    return text


def _switch(value: object) -> object:
    if not isinstance(value, bool):
        raise found(
            ("'glossary' must be true or false", "write glossary: false to turn off glossary links on this page")
        )
    return value


def _medical_or_not(value: object) -> object:
    if value is not False and not isinstance(value, dict):
        raise found(
            (
                f"'medical' is {shown_value(value)}",
                "write a medical: block with disclaimer and review, or medical: false",
            )
        )
    return value


def _branch(value: object) -> str:
    return "[block]" if isinstance(value, dict) else "[false]"


class FrontMatter(_Block):
    """The front matter of a page."""

    title: Text = rule("Short and plain; the same words as the `# Title` line that starts the body.", "always")
    description: Annotated[str, BeforeValidator(_description)] = rule(
        f"One sentence of {DESCRIPTION_LENGTH[0]} to {DESCRIPTION_LENGTH[1]} characters for search "
        'engines, without `"`, `<`, `>` or `&`.',
        "always",
        min_length=DESCRIPTION_LENGTH[0],
        max_length=DESCRIPTION_LENGTH[1],
        pattern=r'^[^"<>&]*$',
    )
    glossary: Annotated[bool, BeforeValidator(_switch)] = rule(
        "`false` turns off glossary links on the page.", "no", default=True
    )
    hide: Any = rule("Material's own page setting, e.g. `hide: [toc]`.", "no", default=None)
    search: Any = rule("Material's own page setting, e.g. `search: {exclude: true}`.", "no", default=None)
    medical: Annotated[
        Annotated[Medical, Tag("[block]")] | Annotated[Literal[False], Tag("[false]")],
        Discriminator(_branch),
        BeforeValidator(_medical_or_not),
    ] = rule(
        "The medical block below, or `medical: false` for a page about the site. Leaving it out is an error.", "always"
    )


def years_later(day: date, years: int) -> date:
    """The same calendar day ``years`` later (28 February for a 29 February start)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
