"""Bibliography entries formatted in AMA style (AMA Manual of Style, 11th edition) by citeproc-py.

The style file is the Citation Style Language project's own (``csl/``, CC BY-SA 3.0), kept in the repository
so the build reads nothing from the network. Links (DOI, PubMed, URL) are left to the template, which makes
them links; the style would print them as plain text.
"""

from __future__ import annotations

import re
import warnings
from html import escape
from pathlib import Path

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from .bibliography import Source

STYLE = Path(__file__).parent / "csl" / "american-medical-association.csl"
# The template adds the links; the editors' own fields are never shown.
_NOT_FORMATTED = {"DOI", "PMID", "PMCID", "URL", "summary", "checked"}
# The style numbers its list; each page numbers its own sources, so the style's number goes.
_NUMBER = re.compile(r"^\d+\.\s*")
# Initials run together, as PubMed and MEDLINE write them ("KA"); citeproc-py would read them as one name.
_INITIALS = re.compile(r"^[A-Z]{2,4}$")


def _csl_item(source: Source) -> dict:
    """The entry as citeproc-py reads CSL JSON, with its text escaped (its HTML output escapes nothing)."""
    item = source.model_dump(by_alias=True, exclude_none=True, exclude=_NOT_FORMATTED)
    for name in item.get("author", []) + item.get("editor", []):
        if _INITIALS.match(name.get("given", "")):
            name["given"] = " ".join(name["given"])
    return _escaped(item)


def _escaped(value):
    """Every string in ``value`` escaped for HTML."""
    if isinstance(value, str):
        return escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(part) for part in value]
    if isinstance(value, dict):
        return {key: _escaped(part) for key, part in value.items()}
    return value


def formatted(sources: dict[str, Source]) -> dict[str, str]:
    """Each entry's reference as HTML (authors, title, container, date, volume, pages), by id."""
    if not sources:
        return {}
    items = [_csl_item(source) for source in sources.values()]
    with warnings.catch_warnings():
        # citeproc-py warns about CSL features the style has and it does not use for these entry types.
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(str(STYLE), validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.html)
        for key in sources:
            bibliography.register(Citation([CitationItem(key)]))
        entries = [str(entry) for entry in bibliography.bibliography()]
    return {
        key: _without_repeated_title(_NUMBER.sub("", entry), sources[key])
        for key, entry in zip(bibliography.keys, entries, strict=True)
    }


def _without_repeated_title(entry: str, source: Source) -> str:
    """The entry without the title's second showing when there is no author.

    The style puts the title in the author's place; CSL then leaves it out further on, but citeproc-py
    prints it twice ("Osteonecrosis. Osteonecrosis. NORD.").
    """
    title = escape(source.title, quote=False).rstrip(".")
    twice = f"{title}. {title}."
    if not source.author and entry.startswith(twice):
        entry = entry.replace(twice, f"{title}.", 1)
    # A title that ends in ? or ! gets no full stop after it (citeproc-py adds one: "surgery?.").
    return entry.replace("?.", "?").replace("!.", "!").replace("?</i>.", "?</i>")
