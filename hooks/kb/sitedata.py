"""The site-wide data every page check needs: disclaimer kinds, evidence scale, bibliography."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .bibliography import Source, load_bibliography
from .datafiles import read, unknown_keys
from .problems import Problem
from .reference_style import formatted

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
    site.disclaimers = _labelled(
        data_dir / DISCLAIMERS, f"{shown_dir}/{DISCLAIMERS}", "text", site.problems, optional="warning"
    )
    site.evidence_scale = _labelled(
        data_dir / EVIDENCE_SCALE, f"{shown_dir}/{EVIDENCE_SCALE}", "meaning", site.problems
    )
    site.sources, site.source_lines, problems = load_bibliography(
        data_dir / BIBLIOGRAPHY, f"{shown_dir}/{BIBLIOGRAPHY}"
    )
    site.problems += problems
    site.references = formatted(site.sources)
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
