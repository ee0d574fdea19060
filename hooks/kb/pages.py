"""Check every page of a docs folder against the contract, the way the build and CI both do."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import frontmatter
from .contract import PageRecord, check_page
from .problems import Problem
from .sitedata import BIBLIOGRAPHY, SiteData, load_site_data
from .strictyaml import YamlError, load

DATA_DIR = "_data"
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
    for path in page_files(docs_dir):
        src_uri = path.relative_to(docs_dir).as_posix()
        try:
            raw = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            result.problems.append(
                Problem(
                    f"{shown_dir}/{src_uri}", 1, "the file is not saved as UTF-8", "save it as UTF-8 in your editor"
                )
            )
            continue
        record, problems = check_file(raw, src_uri, f"{shown_dir}/{src_uri}", result.site, today)
        result.problems += problems
        for check in page_checks:
            result.problems += check(raw, f"{shown_dir}/{src_uri}")
        if record:
            result.records[src_uri] = record
    result.problems += _uncited_sources(result, docs_dir, shown_dir)
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
    return check_page(src_uri, shown_as, loaded, site, today)


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


def _uncited_sources(result: PagesCheck, docs_dir: Path, shown_dir: str) -> list[Problem]:
    """One problem per bibliography entry that no page cites."""
    if any(not p.path.endswith(".yml") for p in result.problems):
        return []  # A page that failed its check may be the one that cites the entry.
    cited = {key for record in result.records.values() for key in record.sources}
    return [
        Problem(
            f"{shown_dir}/{DATA_DIR}/{BIBLIOGRAPHY}",
            line,
            f"source '{key}' is cited by no page",
            "add it to the sources of the page it supports, or remove it",
        )
        for key, line in result.site.source_lines.items()
        if key not in cited
    ]
