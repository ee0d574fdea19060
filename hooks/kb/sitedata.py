"""The site-wide data every page check needs: disclaimer kinds, evidence scale, bibliography."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .datafiles import read, unknown_keys
from .problems import Problem, shown_value

DISCLAIMERS = "disclaimers.yml"
EVIDENCE_SCALE = "evidence-scale.yml"
BIBLIOGRAPHY = "bibliography.yml"

SOURCE_KINDS = frozenset({"article", "guideline", "review", "web", "book", "report", "standard"})
SOURCE_FIELDS = frozenset(
    {"kind", "authors", "year", "title", "container", "details", "doi", "pmid", "url", "checked", "summary"}
)
# What an editor checked an entry against (``checked: {against: ..., on: ...}``); readers never see it.
CHECKED_AGAINST = {
    "pubmed": "the PubMed record",
    "pubmed-central": "the full text on PubMed Central",
    "doi": "the page the DOI leads to",
    "publisher": "the journal's or publisher's own page",
    "web-page": "the page at the entry's url",
    "archived-copy": "an archived copy of the page",
    "full-text": "a copy of the full text elsewhere",
    "library-record": "a library catalogue or citation index record",
    "drug-label": "the official prescribing or Drug Facts label",
}
CHECKED_FIELDS = frozenset({"against", "on"})
_CHECKED_ON = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
# Readers see details after the year: "87(10):2155-2159" or "Last updated 23 February 2021", never a note.
DETAILS_LENGTH = 60
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_PMID = re.compile(r"^\d{1,9}$")
_URL = re.compile(r"^https?://[^\s<>\"]+$")
_KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Labelled:
    """A label and its text, as for a disclaimer kind or an evidence level."""

    label: str
    text: str
    warning: str | None = None


@dataclass
class SiteData:
    """Everything loaded from ``docs/_data``, with the problems found in it."""

    disclaimers: dict[str, Labelled] = field(default_factory=dict)
    evidence_scale: dict[str, Labelled] = field(default_factory=dict)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    source_lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def load_site_data(data_dir: Path, shown_dir: str) -> SiteData:
    """Load and check the three data files in ``data_dir`` (shown to editors as ``shown_dir``)."""
    site = SiteData()
    site.disclaimers = _labelled(
        data_dir / DISCLAIMERS, f"{shown_dir}/{DISCLAIMERS}", "text", site.problems, optional="warning"
    )
    site.evidence_scale = _labelled(
        data_dir / EVIDENCE_SCALE, f"{shown_dir}/{EVIDENCE_SCALE}", "meaning", site.problems
    )
    _load_bibliography(data_dir / BIBLIOGRAPHY, f"{shown_dir}/{BIBLIOGRAPHY}", site)
    return site


def _labelled(
    path: Path, shown_as: str, text_field: str, problems: list[Problem], optional: str | None = None
) -> dict[str, Labelled]:
    """Read a mapping of key -> {label, <text_field>, [optional]} with plain-text values."""
    loaded = read(path, shown_as, problems, dict)
    if loaded is None:
        return {}
    result: dict[str, Labelled] = {}
    for key, entry in loaded.data.items():
        line = loaded.line_of((key,), 1)
        if not isinstance(entry, dict) or not all(_plain(entry.get(name)) for name in ("label", text_field)):
            problems.append(
                Problem(
                    shown_as, line, f"'{key}' needs a plain-text label and {text_field}", "no HTML, no empty values"
                )
            )
            continue
        allowed = frozenset({"label", text_field} | ({optional} if optional else set()))
        problems += unknown_keys(entry, allowed, (key,), loaded, shown_as)
        extra = entry.get(optional) if optional else None
        if optional and extra is not None and not _plain(extra):
            problems.append(
                Problem(
                    shown_as,
                    loaded.line_of((key, optional), 1),
                    f"'{optional}' of '{key}' must be plain text",
                    "no HTML, no empty values",
                )
            )
            extra = None
        result[str(key)] = Labelled(
            entry["label"].strip(), " ".join(entry[text_field].split()), " ".join(extra.split()) if extra else None
        )
    return result


def _plain(value: object) -> bool:
    """True for a non-empty string with no HTML markup in it."""
    return isinstance(value, str) and bool(value.strip()) and "<" not in value and ">" not in value


def _load_bibliography(path: Path, shown_as: str, site: SiteData) -> None:
    """Read the bibliography into ``site.sources``, reporting every malformed entry."""
    loaded = read(path, shown_as, site.problems, dict)
    if loaded is None:
        return
    for key, entry in loaded.data.items():
        line = loaded.line_of((key,), 1)
        site.source_lines[str(key)] = line
        problems = _source_problems(str(key), entry, line, loaded, shown_as)
        site.problems += problems
        if not problems:
            site.sources[str(key)] = entry


def _source_problems(key: str, entry: object, line: int, loaded, shown_as: str) -> list[Problem]:
    """Everything wrong with one bibliography entry."""
    if not _KEY.match(key):
        return [
            Problem(
                shown_as,
                line,
                f"source key '{key}' is not lower-case words joined by hyphens",
                "rename it, e.g. lai-2005",
            )
        ]
    if not isinstance(entry, dict):
        return [Problem(shown_as, line, f"source '{key}' must be a mapping of fields", "see CONTRIBUTING.md")]
    problems = unknown_keys(entry, SOURCE_FIELDS, (key,), loaded, shown_as)

    def at(name: str) -> int:
        return loaded.line_of((key, name), line)

    for name in ("title", "container"):
        if not _plain(entry.get(name)):
            problems.append(
                Problem(shown_as, at(name), f"source '{key}' needs a plain-text {name}", f"add {name}: ...")
            )
    if entry.get("kind") not in SOURCE_KINDS:
        problems.append(
            Problem(
                shown_as,
                at("kind"),
                f"source '{key}' has kind {shown_value(entry.get('kind'))}",
                f"use one of {', '.join(sorted(SOURCE_KINDS))}",
            )
        )
    if not any(entry.get(name) for name in ("doi", "pmid", "url")):
        problems.append(
            Problem(
                shown_as,
                line,
                f"source '{key}' has no DOI, PMID or URL",
                "add the identifier you saw, or remove the source",
            )
        )
    for name, pattern, example in (
        ("doi", _DOI, "10.2106/JBJS.D.02959"),
        ("pmid", _PMID, "'20844158'"),
        ("url", _URL, "https://..."),
    ):
        value = entry.get(name)
        if value is not None and not pattern.match(str(value)):
            problems.append(
                Problem(
                    shown_as,
                    at(name),
                    f"source '{key}' has a malformed {name} {shown_value(value)}",
                    f"write it like {example}",
                )
            )
    year = entry.get("year")
    if year is not None and not (isinstance(year, int) and 1800 <= year <= 2100):
        problems.append(
            Problem(
                shown_as,
                at("year"),
                f"source '{key}' has year {year if type(year) is int else shown_value(year)}",
                "write the year as four digits, or leave it out if none was seen",
            )
        )
    authors = entry.get("authors")
    if authors is not None and not (isinstance(authors, list) and authors and all(_plain(a) for a in authors)):
        problems.append(
            Problem(shown_as, at("authors"), f"source '{key}' has malformed authors", "write a list: [Lai KA, Shen WJ]")
        )
    details = entry.get("details")
    if details is not None and not (_plain(str(details)) and len(str(details)) <= DETAILS_LENGTH):
        problems.append(
            Problem(
                shown_as,
                at("details"),
                f"source '{key}' has details readers cannot use as a citation ({len(str(details))} characters)",
                f"keep volume, issue and pages or a date, at most {DETAILS_LENGTH} characters; move notes to summary",
            )
        )
    if entry.get("summary") is not None and not _plain(entry.get("summary")):
        problems.append(
            Problem(shown_as, at("summary"), f"source '{key}' has a summary that is not plain text", "no HTML")
        )
    return problems + _checked_problems(key, entry.get("checked"), at, loaded, shown_as)


def _checked_problems(key: str, checked: object, at, loaded, shown_as: str) -> list[Problem]:
    """Everything wrong with the ``checked`` block of one entry: what it was checked against, and when."""
    fix = "write checked: {against: pubmed, on: 2026-11-21}"
    if not isinstance(checked, dict):
        return [Problem(shown_as, at("checked"), f"source '{key}' needs a checked block", fix)]
    problems = unknown_keys(checked, CHECKED_FIELDS, (key, "checked"), loaded, shown_as)
    against = checked.get("against")
    names = against if isinstance(against, list) else [against]
    unknown = [name for name in names if name not in CHECKED_AGAINST]
    if not names or unknown:
        problems.append(
            Problem(
                shown_as,
                at("checked"),
                f"source '{key}' was checked against {shown_value(unknown[0] if unknown else against)}",
                f"use one or a list of {', '.join(CHECKED_AGAINST)}",
            )
        )
    if checked_on(checked.get("on")) is None:
        problems.append(
            Problem(
                shown_as,
                at("checked"),
                f"source '{key}' has checked on {shown_value(checked.get('on'))}",
                "write the day as YYYY-MM-DD, or YYYY-MM if only the month is known",
            )
        )
    return problems


def checked_on(value: object) -> date | None:
    """The day an entry was checked (the first of the month when only the month is known), or None if malformed."""
    if isinstance(value, date):
        return value
    match = _CHECKED_ON.match(str(value)) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3] or 1))
    except ValueError:
        return None
