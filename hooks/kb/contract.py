"""The front-matter contract of a page, checked by the models of ``kb.frontmatter_schema``: the record a page yields.

CONTRIBUTING.md's reference and the JSON Schema editors use are generated from the same models.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from . import frontmatter_schema as schema
from .frontmatter_schema import PENDING, REVIEWED, TREATMENT_OVERVIEWS, Context, FrontMatter
from .problems import Problem, shown_value
from .schema_problems import Path, Words, schema_problems, unknown_field
from .sitedata import SiteData
from .yaml_lines import Loaded

# The first line of front matter, after the opening ---: where a problem of the whole block is shown.
_FIRST = 2


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


def check_page(
    src_uri: str, shown_as: str, loaded: Loaded, site: SiteData, today: date
) -> tuple[PageRecord | None, list[Problem]]:
    """Check one page's parsed front matter against the contract."""
    problems = [
        Problem(shown_as, line, f"'{key_path[-1]}' appears twice in the front matter", "keep one of them")
        for key_path, line in loaded.duplicates
    ]
    meta = loaded.data
    if not isinstance(meta, dict):
        kind = "a list" if isinstance(meta, list) else "empty" if meta is None else "a single value"
        problems.append(
            Problem(
                shown_as,
                _FIRST,
                f"the front matter is {kind}, not a set of fields",
                "write one field per line, as in CONTRIBUTING.md",
            )
        )
        return None, problems
    context = Context(tuple(site.disclaimers), tuple(site.evidence_scale), today, src_uri)
    try:
        page = FrontMatter.model_validate(meta, context=context)
    except ValidationError as error:
        words = _words(context)
        return None, problems + schema_problems(error, loaded, shown_as, words, default=_FIRST)
    return (None if problems else _record(src_uri, page)), problems


def _words(context: Context) -> Words:
    """The editor's words for pydantic's own errors on front matter: a field missing, unknown or not a block."""

    def words(kind: str, where: Path, item: ErrorDetails) -> tuple[str, str]:
        key = str(where[-1]) if where else "the front matter"
        if kind == "extra_forbidden" and where == ("medical", "sources"):
            return (
                "front matter no longer lists sources: the page's source list is made from its citations",
                "delete the sources: line and cite each source in the sentence it supports, like [@lai-2005]",
            )
        if kind == "extra_forbidden":
            return unknown_field(FrontMatter, where)
        if kind == "missing" or key == "review":
            return _missing(key, context)
        return f"'{key}' is {shown_value(item.get('input'))}", "see the front-matter reference in CONTRIBUTING.md"

    return words


def _missing(key: str, context: Context) -> tuple[str, str]:
    """What to add for a missing field."""
    if key == "medical":
        return (
            "the page does not say whether it is medical",
            "add a medical: block (see CONTRIBUTING.md), or medical: false for a page about the site",
        )
    if key == "disclaimer":
        return "'disclaimer' is missing", f"add disclaimer: with one of {', '.join(context.disclaimers)}"
    if key == "review":
        return "'review' is missing or not a block", "add review: with status, last_reviewed and next_review"
    if key == "key_messages":
        low, high = schema.KEY_MESSAGES
        return (
            "'key_messages' is missing",
            f"add key_messages: with {low} to {high} short plain sentences, the page's main points",
        )
    if key in ("last_reviewed", "next_review"):
        return f"'{key}' is missing", f"add {key}: YYYY-MM-DD"
    return f"'{key}' is missing", f"add {key}: ..."


def _record(src_uri: str, page: FrontMatter) -> PageRecord:
    """The record of a page whose front matter passed every check."""
    medical = page.medical
    if medical is False:
        return PageRecord(src_uri, page.title, page.description, False)
    review, reviewer = medical.review, medical.review.reviewer
    return PageRecord(
        src_uri,
        page.title,
        page.description,
        True,
        medical.disclaimer,
        Review(
            review.status,
            review.last_reviewed,
            review.next_review,
            reviewer.name if reviewer else None,
            reviewer.credentials if reviewer else None,
        ),
        tuple(medical.key_messages),
        tuple(Evidence(item.question, item.answer, item.level) for item in medical.evidence),
        Treatment(**medical.treatment.model_dump()) if medical.treatment else None,
    )


# Other modules read the contract's rules from here: kb.new_page dates a new page's next review with its own rule.
_years_later = schema.years_later
__all__ = ["PENDING", "REVIEWED", "TREATMENT_OVERVIEWS", "Evidence", "PageRecord", "Review", "Treatment", "check_page"]
