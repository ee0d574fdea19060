"""The site-wide data every page check needs: disclaimer kinds, evidence scale, bibliography."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from .bibliography import Source, load_bibliography
from .datafiles import read
from .problems import Problem
from .reference_style import formatted
from .schema_problems import unknown_field

DISCLAIMERS = "disclaimers.yml"
EVIDENCE_SCALE = "evidence-scale.yml"
BIBLIOGRAPHY = "bibliography.yml"


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
    sources: dict[str, Source] = field(default_factory=dict)
    source_lines: dict[str, int] = field(default_factory=dict)
    # Each valid source as readers see it, in AMA style (HTML), by id.
    references: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def load_site_data(data_dir: Path, shown_dir: str) -> SiteData:
    """Load and check the three data files in ``data_dir`` (shown to editors as ``shown_dir``)."""
    site = SiteData()
    site.disclaimers = _labelled(data_dir / DISCLAIMERS, f"{shown_dir}/{DISCLAIMERS}", Disclaimer, site.problems)
    site.evidence_scale = _labelled(
        data_dir / EVIDENCE_SCALE, f"{shown_dir}/{EVIDENCE_SCALE}", EvidenceLevel, site.problems
    )
    site.sources, site.source_lines, problems = load_bibliography(
        data_dir / BIBLIOGRAPHY, f"{shown_dir}/{BIBLIOGRAPHY}"
    )
    site.problems += problems
    site.references = formatted(site.sources)
    return site


def _plain(value: object) -> str:
    """A non-empty text with no HTML markup in it, its spaces evened out; the loader words the error."""
    if not isinstance(value, str) or not value.strip() or "<" in value or ">" in value:
        raise ValueError("plain text")
    return " ".join(value.split())


Plain = Annotated[str, BeforeValidator(_plain)]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Disclaimer(_Entry):
    """One disclaimer kind of docs/_data/disclaimers.yml."""

    TEXT: ClassVar[str] = "text"
    label: Plain = Field(description="Shown in the line under the title.")
    text: Plain = Field(description='Shown under "About this page" at the end of the page.')
    warning: Plain | None = Field(default=None, description='Optional: one sentence shown above "In short".')

    def labelled(self) -> Labelled:
        return Labelled(self.label, self.text, self.warning)


class EvidenceLevel(_Entry):
    """One level of docs/_data/evidence-scale.yml, strongest first."""

    TEXT: ClassVar[str] = "meaning"
    label: Plain = Field(description="The level's name as readers see it.")
    meaning: Plain = Field(description="What the level means, in plain words.")

    def labelled(self) -> Labelled:
        return Labelled(self.label, self.meaning)


def _labelled(
    path: Path, shown_as: str, model: type[Disclaimer | EvidenceLevel], problems: list[Problem]
) -> dict[str, Labelled]:
    """Read a mapping of key -> entry of ``model``; an entry with a bad optional field is kept without it."""
    loaded = read(path, shown_as, problems, dict)
    if loaded is None:
        return {}
    result: dict[str, Labelled] = {}
    fix = "no HTML, no empty values"
    for key, entry in loaded.data.items():
        try:
            checked = model.model_validate(entry)
        except ValidationError as error:
            wrong = {str(item["loc"][0]) for item in error.errors() if item["loc"]}  # Unknown fields among them.
            if not isinstance(entry, dict) or wrong & {"label", model.TEXT}:
                message = f"'{key}' needs a plain-text label and {model.TEXT}"
                problems.append(Problem(shown_as, loaded.line_of((key,), 1), message, fix))
                continue
            for name in sorted(wrong - set(model.model_fields)):
                problems.append(Problem(shown_as, loaded.line_of((key, name), 1), *unknown_field(model, (name,))))
            if "warning" in wrong & set(model.model_fields):
                at = loaded.line_of((key, "warning"), 1)
                problems.append(Problem(shown_as, at, f"'warning' of '{key}' must be plain text", fix))
            checked = model.model_validate({name: value for name, value in entry.items() if name not in wrong})
        result[str(key)] = checked.labelled()
    return result
