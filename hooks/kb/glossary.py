"""The glossary data: one entry per term, with aliases, a one-sentence definition and see-also."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, ValidationInfo
from pydantic_core import ErrorDetails

from .datafiles import read
from .matcher import words
from .pages import is_page_path
from .problems import Problem, shown_value
from .schema_problems import Found, Words, found, schema_problems, unknown_field
from .schema_problems import Path as KeyPath
from .yaml_lines import Loaded

GLOSSARY = "glossary.yml"
GLOSSARY_PAGE = "glossary.md"
GLOSSARY_MARKER = "<!-- kb:glossary -->"
DEFINITION_LENGTH = (20, 250)
_NAME = re.compile(r"^[^\W_][\w '\u2019().\-/]*$")
_MARKUP = re.compile(r"[<>]|&[#\w]+;")
_MARKER_FIX = f"write the page with a title and the line {GLOSSARY_MARKER} where the entries go"


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    id: str
    term: str
    aliases: tuple[str, ...]
    definition: str
    more: str = ""
    see_also: tuple[str, ...] = ()
    line: int = 1
    page: str = ""  # The page that explains the term (a path under docs/); search finds it by every name.
    index: int = field(default=0, compare=False)  # The entry's place in the file, for the lines of its fields.

    @property
    def names(self) -> tuple[str, ...]:
        """The term and all its aliases: every form that links to this entry."""
        return (self.term, *self.aliases)


@dataclass
class Glossary:
    """All terms, keyed by id, with the problems found while loading them."""

    terms: dict[str, Term] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def slug(text: str) -> str:
    """A stable anchor id: ASCII lower case with hyphens; a name with no Latin letters keeps its own script."""
    spaced = re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", text))  # Any punctuation separates words.
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "-".join(spaced.casefold().split())


def load_glossary(path: Path, shown_as: str) -> Glossary:
    """Load and check the glossary data file."""
    glossary = Glossary()
    loaded = read(path, shown_as, glossary.problems, list)
    if loaded is None:
        return glossary
    owners: dict[str, str] = {}
    broken: set[str] = set()  # Ids of entries that have their own problem: a see_also to one is not another.
    for index, entry in enumerate(loaded.data):
        line = loaded.line_of((index,), 1)
        term = _entry(entry, index, line, loaded, shown_as, glossary.problems)
        if term is None:
            if isinstance(entry, dict) and isinstance(entry.get("term"), str):
                broken.add(slug(entry["term"]))
            continue
        if term.id in glossary.terms:
            glossary.problems.append(
                Problem(shown_as, line, f"the term '{term.term}' is already defined", "merge the two entries")
            )
            continue
        for name in term.names:
            key = name.casefold()  # "AVN" and "avn" in two entries would confuse readers and editors alike.
            if key in owners:
                glossary.problems.append(
                    Problem(
                        shown_as,
                        line,
                        f"'{name}' is already a name of '{owners[key]}'",
                        "keep each term or alias in one entry only",
                    )
                )
            owners[key] = term.term
        glossary.terms[term.id] = term
    for term_id, term in list(glossary.terms.items()):
        for target in term.see_also:
            if target not in glossary.terms and target not in broken:
                glossary.problems.append(
                    Problem(
                        shown_as,
                        loaded.line_of((term.index, "see_also"), term.line),
                        f"'{term.term}' sees also '{target}', which is not a term id",
                        _see_also_fix(target, glossary.terms),
                    )
                )
        # The glossary page links only to entries that exist; each problem above is reported once, here.
        known = tuple(target for target in term.see_also if target in glossary.terms)
        if known != term.see_also:
            glossary.terms[term_id] = replace(term, see_also=known)
    return glossary


def page_problems(glossary: Glossary, pages: set[str], shown_as: str) -> list[Problem]:
    """One problem per term whose page: names no page of the site."""
    return [
        Problem(
            shown_as,
            term.line,
            f"the page of '{term.term}', {term.page}, is not a page of the site",
            "write the path under docs/ of an existing page, e.g. treatment/bisphosphonates.md",
        )
        for term in glossary.terms.values()
        if term.page and term.page not in pages
    ]


def glossary_page_problems(glossary: Glossary, text: str | None, shown_as: str) -> list[Problem]:
    """The glossary page (``text``, None if missing) must hold the marker the entries replace.

    Every term link points into that page, and MkDocs does not check them (see kb.linker).
    """
    if not glossary.terms:
        return []
    if text is None:
        return [Problem(shown_as, 1, "the glossary page is missing, and every term links to it", _MARKER_FIX)]
    if GLOSSARY_MARKER not in text:
        return [Problem(shown_as, 1, f"the line {GLOSSARY_MARKER} is missing, so no term has an entry", _MARKER_FIX)]
    return []


def buried_marker_problem(text: str, shown_as: str) -> Problem:
    """The glossary page ``text`` holds the marker, but inside other markup, so Markdown did not keep it as it is."""
    line = text.count("\n", 0, text.index(GLOSSARY_MARKER)) + 1
    return Problem(
        shown_as,
        line,
        f"{GLOSSARY_MARKER} is inside other markup (code, a list, a quote or indented), so no term has an entry",
        "put it on a line of its own, not indented, with a blank line before and after",
    )


def anchor_clash_problems(glossary: Glossary, page_ids: set[str], page: str, shown_as: str) -> list[Problem]:
    """One problem per term whose id a heading or element of the glossary page already uses."""
    return [
        Problem(
            shown_as,
            term.line,
            f"the id '{term.id}' of the term '{term.term}' is also the id of a heading or element on {page},"
            " so a link to the term could land there",
            f"give that heading another id in {page}, e.g. ## Heading {{ #other-id }}",
        )
        for term in glossary.terms.values()
        if term.id in page_ids
    ]


def _see_also_fix(target: str, terms: dict[str, Term]) -> str:
    """Suggest the nearest existing term id, if one is close; never an id that does not exist."""
    close = difflib.get_close_matches(slug(target), list(terms), n=1)
    if close:
        return f"did you mean {close[0]}? Write the id of an existing term, or remove it"
    return "write the id of an existing term (the glossary page shows each id after #), or remove it"


def _entry_name(term: str | None, line: int) -> str:
    """How a message names an entry: by its term in quotes, or by its line when the term itself is broken."""
    return f"'{term.strip()}'" if term else f"the entry at line {line}"


def _named(info: ValidationInfo) -> str:
    """The entry a field belongs to, as its messages name it."""
    term = info.data.get("term")
    return _entry_name(term, info.context or 1)


def _missing_or_symbols(term: object) -> str:
    """What is wrong with a term that is not plain words."""
    if term is None or term == "":
        return "the term is missing"
    if not isinstance(term, str):
        return f"the term is {shown_value(term)}, not words"
    return f"the term '{term.strip()}' has symbols; a term is words, spaces, hyphens and apostrophes only"


def _is_name(value: object) -> bool:
    return isinstance(value, str) and bool(_NAME.match(value.strip())) and bool(words(value))


def _term(value: object) -> str:
    if not _is_name(value):
        raise found((_missing_or_symbols(value), "write the term in plain words"))
    assert isinstance(value, str)
    return value.strip()


def _aliases(value: object, info: ValidationInfo) -> list[str]:
    if not isinstance(value, list) or not all(_is_name(alias) for alias in value):
        raise found(
            (f"the aliases of {_named(info)} must be a list of plain words", "write aliases: [plural, other name]")
        )
    return [alias.strip() for alias in value]


def _definition(value: object, info: ValidationInfo) -> str:
    named = _named(info)
    if not isinstance(value, str) or not value.strip():
        raise found(
            Found(
                f"{'the term ' if info.data.get('term') else ''}{named} has an empty definition",
                "write one plain sentence",
            )
        )
    if _MARKUP.search(value):
        raise found((f"the definition of {named} contains HTML", "use plain text: no <, > or &...; entities"))
    if not DEFINITION_LENGTH[0] <= len(value.strip()) <= DEFINITION_LENGTH[1]:
        raise found(
            (
                f"the definition of {named} has {len(value.strip())} characters",
                "write one sentence of {} to {} characters".format(*DEFINITION_LENGTH),
            )
        )
    return " ".join(value.split())


def _more(value: object, info: ValidationInfo) -> str:
    if not isinstance(value, str) or _MARKUP.search(value):
        raise found((f"the longer text of {_named(info)} must be plain text", "remove HTML from more:"))
    return " ".join(value.split())


def _see_also(value: object, info: ValidationInfo) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(target, str) for target in value):
        raise found((f"see_also of {_named(info)} must be a list of term ids", "write see_also: [femoral-head]"))
    return value


def _page(value: object, info: ValidationInfo) -> str:
    if value != "" and not is_page_path(value):
        raise found(
            (
                f"the page of {_named(info)} must be the path of a page under docs/",
                "write page: treatment/bisphosphonates.md",
            )
        )
    assert isinstance(value, str)
    return value


class Entry(BaseModel):
    """One entry of docs/_data/glossary.yml, as an editor writes it; the context is the entry's line."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    term: Annotated[str, BeforeValidator(_term)] = Field(
        description="The word as it appears in pages; its id is the term in lower case with hyphens (`femoral-head`)."
    )
    aliases: Annotated[list[str], BeforeValidator(_aliases)] = Field(
        default_factory=list, description="Plurals and other names that should link to the same entry."
    )
    definition: Annotated[str, BeforeValidator(_definition)] = Field(
        description="One plain sentence of {} to {} characters, no HTML.".format(*DEFINITION_LENGTH),
        min_length=DEFINITION_LENGTH[0],
        max_length=DEFINITION_LENGTH[1],
    )
    more: Annotated[str, BeforeValidator(_more)] = Field(
        default="", description="Optional: one or two more plain sentences for the glossary page."
    )
    see_also: Annotated[list[str], BeforeValidator(_see_also)] = Field(
        default_factory=list, description="Ids of related terms, e.g. `[femur]`."
    )
    page: Annotated[str, BeforeValidator(_page)] = Field(
        default="",
        description="Optional: the page that explains the term, e.g. `treatment/bisphosphonates.md`. Search finds "
        "that page by every name of the term, and the glossary entry links to it.",
    )


def _entry(entry: object, index: int, line: int, loaded: Loaded, shown_as: str, problems: list[Problem]) -> Term | None:
    """Check one entry; return it as a Term when it is sound."""
    if not isinstance(entry, dict):
        problems.append(
            Problem(
                shown_as, line, "a glossary entry must be a set of fields", "write - term: ... with definition: ..."
            )
        )
        return None
    try:
        checked = Entry.model_validate(entry, context=line)
    except ValidationError as error:
        problems += schema_problems(error, loaded, shown_as, _words(entry, line), base=(index,), default=line)
        return None
    return Term(
        slug(checked.term),
        checked.term,
        tuple(checked.aliases),
        checked.definition,
        checked.more,
        tuple(checked.see_also),
        line,
        checked.page,
        index,
    )


def _words(entry: dict, line: int) -> Words:
    """The editor's words for a missing or unknown field of ``entry``, at ``line``."""
    term = entry.get("term") if _is_name(entry.get("term")) else None

    def words(kind: str, where: KeyPath, item: ErrorDetails) -> tuple[str, str]:
        if kind == "extra_forbidden":
            return unknown_field(Entry, where)
        if where == ("term",):
            return _missing_or_symbols(None), "write the term in plain words"
        return (
            f"{'the term ' if term else ''}{_entry_name(term, line)} has an empty definition",
            "write one plain sentence",
        )

    return words
