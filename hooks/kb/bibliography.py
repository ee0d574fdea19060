"""The bibliography: one entry per source in the CSL data model's field names, checked by one schema.

An entry exported from Zotero, Mendeley or EndNote as CSL JSON or CSL YAML can be pasted in as it is.
Two fields are the editors' own and never shown to readers: ``summary`` and ``checked``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails

from .datafiles import read
from .problems import Problem, shown_value
from .schema_problems import Path as KeyPath
from .schema_problems import schema_problems
from .yaml_lines import Loaded

# What an editor checked an entry against (``checked: {against: ..., on: ...}``); readers never see it.
CHECKED_AGAINST = {
    "pubmed": "the PubMed record",
    "pubmed-central": "the full text on PubMed Central",
    "doi": "the page the DOI leads to",
    "publisher": "the journal's or publisher's own page",
    "web-page": "the page at the entry's URL",
    "archived-copy": "an archived copy of the page",
    "full-text": "a copy of the full text elsewhere",
    "library-record": "a library catalogue or citation index record",
    "drug-label": "the official prescribing or Drug Facts label",
}
# The CSL item types this site's sources are; CSL has more, none of which a health page should rest on.
SOURCE_TYPES = ("article-journal", "book", "chapter", "report", "webpage", "dataset", "entry-encyclopedia")
# Identifiers as their registries write them (DOI handbook; PubMed; PubMed Central).
DOI_FORM = re.compile(r"^10\.\d{4,9}/\S+$")
PMID_FORM = re.compile(r"^[1-9]\d{0,8}$")
PMCID_FORM = re.compile(r"^PMC\d{1,9}$")
URL_FORM = re.compile(r"^https?://[^\s<>\"]+$")
ID_FORM = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CHECKED_ON = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def _plain(text: str) -> str:
    """Plain text: readers see it as written, so HTML in it would show as tags."""
    if not text.strip():
        raise ValueError("is empty; write the text, or leave the field out")
    if "<" in text or ">" in text:
        raise ValueError("holds < or >; write plain text, no HTML")
    return " ".join(text.split())


def _matching(pattern: re.Pattern[str], example: str):
    """A validator that refuses text not written like ``example``."""

    def check(text: str) -> str:
        if not pattern.match(text):
            raise ValueError(f"{shown_value(text)} is not written as it should be; write it like {example}")
        return text

    return check


Plain = Annotated[str, AfterValidator(_plain)]
Number = Annotated[str, AfterValidator(_plain)]  # Volume, issue, page: CSL keeps them as text ("6 Suppl 1").


def _text(value: Any) -> Any:
    """CSL JSON exports write volume and page as numbers at times; the site keeps them as text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class _Csl(BaseModel):
    """Every CSL object here: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class Name(_Csl):
    """A person (family and given names, as reference managers export them) or an organisation (literal)."""

    family: Plain | None = None
    given: Plain | None = None
    literal: Plain | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Name:
        if bool(self.literal) == bool(self.family):
            raise ValueError("write {family: Lai, given: KA} for a person or {literal: Mayo Clinic} for a body")
        return self


class Issued(_Csl):
    """A CSL date: ``{date-parts: [[2005]]}``, ``[[2021, 6, 3]]`` for a web page's day."""

    date_parts: list[list[int]] = Field(alias="date-parts", min_length=1, max_length=1)

    @model_validator(mode="after")
    def _real_date(self) -> Issued:
        parts = self.date_parts[0]
        fix = "write the year, and the month and day if known: {date-parts: [[2021, 6, 3]]}"
        if not 1 <= len(parts) <= 3 or not 1800 <= parts[0] <= 2100:
            raise ValueError(f"{parts} is not a year, month and day; {fix}")
        try:
            date(parts[0], *(parts[1:] + [1, 1][len(parts) - 1 :]))
        except ValueError:
            raise ValueError(f"{parts} is not a real date; {fix}") from None
        return self

    @property
    def year(self) -> int:
        return self.date_parts[0][0]


class Checked(_Csl):
    """What an editor checked the entry against, and when (YYYY-MM-DD, or YYYY-MM)."""

    against: str | list[str]
    on: str

    @field_validator("against")
    @classmethod
    def _known(cls, against: str | list[str]) -> str | list[str]:
        names = [against] if isinstance(against, str) else against
        if not names:
            raise ValueError(f"the list is empty; name one or more of {', '.join(CHECKED_AGAINST)}")
        unknown = [name for name in names if name not in CHECKED_AGAINST]
        if unknown:
            raise ValueError(
                f"{shown_value(unknown[0])} is not a known check; use one or a list of {', '.join(CHECKED_AGAINST)}"
            )
        return against

    @field_validator("on", mode="before")
    @classmethod
    def _real_day(cls, on: object) -> object:
        if checked_on(on) is None:
            raise ValueError(f"{shown_value(on)} is not a day; write YYYY-MM-DD, or YYYY-MM if only the month is known")
        return on


class Source(_Csl):
    """One bibliography entry."""

    # Each description is the field's row in CONTRIBUTING.md (kb.reference) and its hint in editors (JSON Schema).
    id: Annotated[str, AfterValidator(_matching(ID_FORM, "lai-2005 (lower-case words joined by hyphens)"))] = Field(
        description="The key pages cite, `[@lai-2005]`: lower-case words joined by hyphens, usually author-year."
    )
    type: Literal[SOURCE_TYPES] = Field(  # type: ignore[valid-type]
        description="The CSL type: " + ", ".join(f"`{name}`" for name in SOURCE_TYPES) + "."
    )
    author: list[Name] | None = Field(
        default=None,
        min_length=1,
        description="The authors you saw: `{family: Lai, given: KA}` for a person, `{literal: Mayo Clinic}` for a body.",
    )
    editor: list[Name] | None = Field(default=None, min_length=1, description="Editors of a book, as `author`.")
    issued: Issued | None = Field(
        default=None, description="When it was published: `{date-parts: [[2005]]}`, or `[[2021, 6, 3]]` for a day."
    )
    title: Plain = Field(description="The title as published.")
    container_title: Plain | None = Field(
        default=None,
        alias="container-title",
        description="The journal (abbreviated as in PubMed), website or book it appeared in.",
    )
    collection_title: Plain | None = Field(default=None, alias="collection-title", description="A series title.")
    publisher: Plain | None = Field(default=None, description="The publisher of a book or report.")
    publisher_place: Plain | None = Field(default=None, alias="publisher-place", description="Where it was published.")
    edition: Number | None = Field(default=None, description="The edition of a book.")
    genre: Plain | None = Field(default=None, description="A kind within the type, e.g. `Systematic review`.")
    volume: Number | None = Field(default=None, description="The volume.")
    issue: Number | None = Field(default=None, description="The issue, e.g. `10` or `6 Suppl 1`.")
    page: Number | None = Field(default=None, description="The pages (`2155-2159`) or article number (`e6646`).")
    ISBN: Plain | None = Field(default=None, description="The ISBN of a book.")
    DOI: (
        Annotated[str, AfterValidator(_matching(DOI_FORM, "10.2106/JBJS.D.02959, without https://doi.org/"))] | None
    ) = Field(default=None, description="The DOI without `https://doi.org/`: `10.2106/JBJS.D.02959`.")
    PMID: Annotated[str, AfterValidator(_matching(PMID_FORM, "'20844158' (digits only)"))] | None = Field(
        default=None, description="The PubMed number, digits only: `'16203877'`."
    )
    PMCID: Annotated[str, AfterValidator(_matching(PMCID_FORM, "PMC6884101"))] | None = Field(
        default=None, description="The PubMed Central number: `PMC6884101`."
    )
    URL: Annotated[str, AfterValidator(_matching(URL_FORM, "https://..."))] | None = Field(
        default=None, description="The web address where you read it, for a page with no DOI (`https://...`)."
    )
    summary: Plain | None = Field(
        default=None, description="Editors only, never shown: what the source says that the pages use."
    )
    checked: Checked = Field(
        description="Editors only, never shown: what you checked the entry against and when, "
        "`{against: pubmed, on: 2026-11-21}`; `against` is one or a list of the names below."
    )

    @model_validator(mode="before")
    @classmethod
    def _numbers_as_text(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {
                key: _text(value) if key in ("volume", "issue", "page", "edition", "PMID") else value
                for key, value in data.items()
            }
        return data

    @model_validator(mode="after")
    def _findable(self) -> Source:
        if not (self.DOI or self.PMID or self.URL):
            raise ValueError("has no DOI, PMID or URL; add the identifier you saw, or remove the source")
        if not (self.container_title or self.publisher):
            raise ValueError("says nowhere where it was published; add container-title (or publisher for a book)")
        return self

    @property
    def year(self) -> int | None:
        return self.issued.year if self.issued else None


def checked_on(value: object) -> date | None:
    """The day an entry was checked (the first of the month when only the month is known), or None if malformed."""
    if isinstance(value, date):
        return value
    match = _CHECKED_ON.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3] or 1))
    except ValueError:
        return None


def load_bibliography(path: Path, shown_as: str) -> tuple[dict[str, Source], dict[str, int], list[Problem]]:
    """The valid entries by id, the line of every id (valid or not) and one problem per fault."""
    problems: list[Problem] = []
    loaded = read(path, shown_as, problems, list)
    sources: dict[str, Source] = {}
    lines: dict[str, int] = {}
    if loaded is None:
        return sources, lines, problems
    for index, entry in enumerate(loaded.data):
        line = loaded.line_of((index,), 1)
        name = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(name, str) and name in lines:
            problems.append(
                Problem(shown_as, line, f"the id '{name}' is used twice (first at line {lines[name]})", "rename one")
            )
            continue
        if isinstance(name, str):
            lines[name] = line
        try:
            source = Source.model_validate(entry)
        except ValidationError as error:
            problems += _problems(error, index, name, loaded, shown_as)
            continue
        sources[source.id] = source
    return sources, lines, problems


def _problems(error: ValidationError, index: int, name: object, loaded: Loaded, shown_as: str) -> list[Problem]:
    """Pydantic's errors as editors' problems, at the line of the field that is wrong."""
    who = f"source '{name}'" if isinstance(name, str) else f"entry {index + 1}"

    def words(kind: str, where: KeyPath, item: ErrorDetails) -> tuple[str, str]:
        return _worded(who, ".".join(str(part) for part in where), item)

    return schema_problems(error, loaded, shown_as, words, base=(index,), default=loaded.line_of((index,), 1))


# How to write each field that holds a block, for an editor who wrote something else.
_FORMS = {
    "author": "{family: Lai, given: KA} for a person, or {literal: Mayo Clinic} for a body",
    "editor": "{family: Lai, given: KA} for a person, or {literal: Mayo Clinic} for a body",
    "issued": "{date-parts: [[2005]]}",
    "checked": "{against: pubmed, on: 2026-11-21}",
}


def _worded(who: str, field: str, item: Any) -> tuple[str, str]:
    """What is wrong and how to fix it, for one pydantic error."""
    kind, message = item["type"], str(item.get("msg", "")).removeprefix("Value error, ")
    top = field.split(".")[0]
    if kind == "missing":
        return f"{who} needs {field}", f"add {field}: ... (CONTRIBUTING.md lists the fields)"
    if kind == "extra_forbidden":
        return f"{who} has the unknown field '{field}'", "use the CSL field names CONTRIBUTING.md lists"
    if kind == "literal_error":
        return f"{who} has {field} {shown_value(item.get('input'))}", message.replace("Input should be", "use")
    if kind in ("model_type", "dict_type", "list_type") and top in _FORMS:
        return f"{who} has {field} written as {shown_value(item.get('input'))}", f"write it as {_FORMS[top]}"
    if kind.endswith("_type"):
        return f"{who} has {field} written as {shown_value(item.get('input'))}", "write it as text"
    what, _, fix = message.partition(";")
    place = f": {field}" if field else ""
    return f"{who}{place} {what}".replace(f"{who}: ", f"{who}: ", 1), fix.strip() or "see CONTRIBUTING.md, Add a source"
