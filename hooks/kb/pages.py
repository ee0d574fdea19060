"""Check every page of a docs folder against the contract, the way the build and CI both do."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from . import frontmatter
from .citations import citation_problems
from .cited_numbers import uncited_result_problems
from .contract import PageRecord, check_page
from .figures import figure_problems
from .medical_folders import folder_problems
from .option_grid_data import OPTION_GRID, check_grid
from .problems import Problem
from .sitedata import BIBLIOGRAPHY, SiteData, load_site_data
from .yaml_lines import YamlError, load

DATA_DIR = "_data"
# A published file's name: lower-case ASCII letters, digits and hyphens, so its address is the same everywhere
# (no %20, no letters that look alike, no clash between Statins.md and statins.md on a case-blind disk).
_FILE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EXTENSION = re.compile(r"^\.[a-z0-9]+$")
# A page named from data files: a relative path under docs/ ending in .md, never climbing out of it.
_PAGE_PATH = re.compile(r"^(?!/)(?!.*\.\./)[\w./-]+\.md$")


@dataclass
class PagesCheck:
    """The records of the pages that passed, and every problem found."""

    site: SiteData
    records: dict[str, PageRecord] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def is_page_path(text: object) -> bool:
    """Whether ``text`` is written like the path of a page under docs/ (treatment/statins.md)."""
    return isinstance(text, str) and bool(_PAGE_PATH.match(text))


def shown_docs_dir(docs_dir: str, config_file: str) -> str:
    """The docs folder as editors see it, relative to mkdocs.yml (usually 'docs')."""
    return Path(os.path.relpath(docs_dir, Path(config_file).parent)).as_posix()


def command_site_data(docs: Path, program: str, outcome: str = "") -> SiteData | None:
    """A command's site data from the docs folder ``docs``; None, with its problems printed, if it has any."""
    site = load_site_data(docs / DATA_DIR, f"{docs.as_posix().rstrip('/')}/{DATA_DIR}")
    if not site.problems:
        return site
    print("\n".join(str(problem) for problem in site.problems), file=sys.stderr)
    print(f"{program}: fix the data files above first{outcome}", file=sys.stderr)
    return None


def page_files(docs_dir: Path) -> list[Path]:
    """The Markdown pages of the site: every .md file outside folders named _x or .x."""
    return sorted(
        path
        for path in docs_dir.rglob("*.md")
        if not any(part.startswith(("_", ".")) for part in path.relative_to(docs_dir).parts[:-1])
    )


PageCheck = Callable[[str, str], list[Problem]]


def check_pages(
    docs_dir: Path, *, today: date, shown_dir: str = "docs", page_checks: Sequence[PageCheck] = ()
) -> PagesCheck:
    """Check the site data, every page's front matter, folder defaults and uncited sources.

    ``page_checks`` run on each page's raw text too, ``check(raw, shown_as)``, so a page is read once.
    """
    result = PagesCheck(load_site_data(docs_dir / DATA_DIR, f"{shown_dir}/{DATA_DIR}"))
    result.problems += result.site.problems
    result.problems += _folder_defaults(docs_dir, shown_dir)
    result.problems += file_name_problems(docs_dir, shown_dir)
    other: list[Problem] = []
    texts: dict[str, str] = {}  # Each readable page's text, read once.
    for path in page_files(docs_dir):
        src_uri = path.relative_to(docs_dir).as_posix()
        data = path.read_bytes()
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError as error:
            result.problems.append(
                Problem(
                    f"{shown_dir}/{src_uri}",
                    data.count(b"\n", 0, error.start) + 1,
                    "the file is not saved as UTF-8: this line has the first character that cannot be read",
                    "save the file as UTF-8 in your editor (often under Save as, Encoding)",
                )
            )
            continue
        texts[src_uri] = raw
        record, problems = check_file(raw, src_uri, f"{shown_dir}/{src_uri}", result.site, today)
        result.problems += problems
        for check in page_checks:
            other += check(raw, f"{shown_dir}/{src_uri}")
        if record:
            result.records[src_uri] = record
    cited_elsewhere, problems = _citations_outside_pages(docs_dir, shown_dir, result.site.source_lines)
    result.problems += problems + _uncited_sources(result, cited_elsewhere, shown_dir) + other
    result.problems += figure_problems(docs_dir, shown_dir, texts)
    grid = docs_dir / DATA_DIR / OPTION_GRID
    if grid.is_file():
        result.problems += check_grid(grid, f"{shown_dir}/{DATA_DIR}/{OPTION_GRID}", result.site.source_lines).problems
    return result


def check_file(
    raw: str, src_uri: str, shown_as: str, site: SiteData, today: date
) -> tuple[PageRecord | None, list[Problem]]:
    """Check the raw text of one page."""
    try:
        found = frontmatter.split(frontmatter.normalise(raw))
        loaded = load(found.yaml_text, found.first_line)
    except frontmatter.MissingFrontMatterError as missing:
        return None, [Problem(shown_as, missing.line, missing.message, missing.fix)]
    except YamlError as error:
        return None, [
            Problem(
                shown_as,
                error.line,
                f"broken YAML in the front matter: {error.problem}",
                "fix the YAML on this line (MkDocs would show it as page text)",
            )
        ]
    record, problems = check_page(src_uri, shown_as, loaded, site, today)
    refused = folder_problems(src_uri, shown_as, loaded, record, site.disclaimers)
    cited, citation_faults = citation_problems(found.body_text, found.body_first_line, shown_as, site.source_lines)
    # A page whose only citation is misspelt gets that message alone, not a second one saying it cites nothing.
    if record is not None and record.medical and not cited and not citation_faults:
        citation_faults.append(
            Problem(
                shown_as,
                found.body_first_line,
                "a health page must cite its sources in its text",
                "cite each source in the sentence it supports, like [@lai-2005] (CONTRIBUTING.md, Citing)",
            )
        )
    citation_faults += uncited_result_problems(found.body_text, found.body_first_line, shown_as)
    if record is not None:
        record = replace(record, cited=tuple(dict.fromkeys(citation.key for citation in cited)))
    return (None if refused else record), problems + refused + citation_faults


def file_name_problems(docs_dir: Path, shown_dir: str) -> list[Problem]:
    """One problem per published file or folder whose name is not lower-case ASCII letters, digits and hyphens."""
    problems, reported = [], set()
    for path in sorted(docs_dir.rglob("*")):
        parts = path.relative_to(docs_dir).parts
        if any(part.startswith(("_", ".")) for part in parts) or not path.is_file():
            continue
        for depth, part in enumerate(parts):
            stem, extension = (Path(part).stem, Path(part).suffix) if depth == len(parts) - 1 else (part, "")
            if _FILE_NAME.match(stem) and (not extension or _EXTENSION.match(extension)):
                continue
            where = "/".join(parts[: depth + 1])
            if where not in reported:
                reported.add(where)
                problems.append(
                    Problem(
                        f"{shown_dir}/{where}",
                        1,
                        f"the {'file' if extension or depth == len(parts) - 1 else 'folder'} name '{part}' has"
                        " characters other than lower-case letters (a-z), digits and hyphens",
                        f"rename it to '{_suggest(stem)}{extension.lower()}' and update the links and nav to it",
                    )
                )
            break
    return problems


def _suggest(name: str) -> str:
    """A name that follows the rule: ASCII letters of ``name`` in lower case, words joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "new-name"


def _folder_defaults(docs_dir: Path, shown_dir: str) -> list[Problem]:
    """Refuse .meta.yml folder defaults: the trust facts of a page must stand in the page itself."""
    return [
        Problem(
            f"{shown_dir}/{path.relative_to(docs_dir).as_posix()}",
            1,
            "folder defaults (.meta.yml) are not used on this site, so a page's review and sources are always in the page",
            "delete this file and put its fields in each page's front matter",
        )
        for path in sorted(docs_dir.rglob(".meta.yml"))
    ]


def _citations_outside_pages(docs_dir: Path, shown_dir: str, known: dict[str, int]) -> tuple[set[str], list[Problem]]:
    """The keys cited in snippets and data files (the option grid), with a problem for each unknown one."""
    cited: set[str] = set()
    problems: list[Problem] = []
    for path in sorted((docs_dir / "_snippets").glob("*.md")) + sorted((docs_dir / DATA_DIR).glob("*.yml")):
        if path.name == BIBLIOGRAPHY:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".yml":  # A YAML comment may show the syntax; blanking it keeps the line numbers.
            text = "\n".join("" if line.lstrip().startswith("#") else line for line in text.split("\n"))
        found, faults = citation_problems(
            text,
            1,
            f"{shown_dir}/{path.relative_to(docs_dir).as_posix()}",
            known,
        )
        cited |= {citation.key for citation in found}
        problems += faults
    return cited, problems


def _uncited_sources(result: PagesCheck, cited_elsewhere: set[str], shown_dir: str) -> list[Problem]:
    """One problem per bibliography entry that no page, snippet or data file cites."""
    if any(not p.path.endswith(".yml") for p in result.problems):
        return []  # A page that failed its check may be the one that cites the entry.
    cited = cited_elsewhere | {key for record in result.records.values() for key in record.cited}
    return [
        Problem(
            f"{shown_dir}/{DATA_DIR}/{BIBLIOGRAPHY}",
            line,
            f"source '{key}' is cited by no page",
            "cite it in the sentence it supports, like [@key], or remove it",
        )
        for key, line in result.site.source_lines.items()
        if key not in cited
    ]
