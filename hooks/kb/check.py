"""Stand-alone check of a docs folder: ``python -m kb.check docs``.

Runs the same checks as the build hooks (front matter, data files, glossary
links) without MkDocs, prints one ``file:line: problem; fix`` line each, and
exits 1 if there is any. In GitHub Actions it also prints ``::error``
annotations so that the problems show on the pull request's diff.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from .claims import claim_problems
from .glossary import GLOSSARY, GLOSSARY_PAGE, glossary_page_problems, load_glossary
from .glossary import page_problems as term_page_problems
from .linker import explicit_link_problems
from .pages import DATA_DIR, check_pages, page_files
from .problems import Problem
from .search_terms import SYNONYMS, load_synonyms
from .search_terms import page_problems as synonym_page_problems


def check_docs(docs_dir: Path, today: date, shown_dir: str) -> list[Problem]:
    """Every problem of the build hooks' checks, plus unsupported claims, in file and line order."""
    glossary = load_glossary(docs_dir / DATA_DIR / GLOSSARY, f"{shown_dir}/{DATA_DIR}/{GLOSSARY}")
    synonyms = load_synonyms(docs_dir / DATA_DIR / SYNONYMS, f"{shown_dir}/{DATA_DIR}/{SYNONYMS}")

    def explicit_links(raw: str, shown_as: str) -> list[Problem]:
        return explicit_link_problems(raw, shown_as, glossary)

    checked = check_pages(docs_dir, today=today, shown_dir=shown_dir, page_checks=(explicit_links, claim_problems))
    pages = {path.relative_to(docs_dir).as_posix() for path in page_files(docs_dir)}
    glossary_page = docs_dir / GLOSSARY_PAGE
    glossary_text = glossary_page.read_text(encoding="utf-8", errors="replace") if glossary_page.is_file() else None
    return sorted(
        checked.problems
        + glossary.problems
        + synonyms.problems
        + term_page_problems(glossary, pages, f"{shown_dir}/{DATA_DIR}/{GLOSSARY}")
        + glossary_page_problems(glossary, glossary_text, f"{shown_dir}/{GLOSSARY_PAGE}")
        + synonym_page_problems(synonyms, pages, f"{shown_dir}/{DATA_DIR}/{SYNONYMS}")
    )


def main(argv: list[str] | None = None) -> int:
    """Check the folder named on the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m kb.check", description=__doc__.splitlines()[0])
    parser.add_argument("docs_dir", type=Path, help="the docs folder, e.g. docs")
    parser.add_argument(
        "--today", type=date.fromisoformat, default=date.today(), help="check as of this date (YYYY-MM-DD)"
    )
    args = parser.parse_args(argv)
    problems = check_docs(args.docs_dir, args.today, args.docs_dir.as_posix().rstrip("/"))
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem)
        if annotate:
            print(problem.github_annotation())
    pages = len(page_files(args.docs_dir))
    print(f"kb.check: {_count(pages, 'page')}, {_count(len(problems), 'problem')}", file=sys.stderr)
    return 1 if problems else 0


def _count(number: int, noun: str) -> str:
    """'1 page', '2 pages'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


if __name__ == "__main__":
    sys.exit(main())
