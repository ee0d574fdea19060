"""Stand-alone check of a docs folder: ``python -m kb.check docs``.

Runs the same checks as the build (front matter, data files, file names, glossary
links and terms, the nav, links to anchors, active content, unsupported claims)
without MkDocs, prints one ``file:line: problem; fix`` line each, and exits 1 if
there is any. In GitHub Actions it also prints ``::error`` annotations so that
the problems show on the pull request's diff.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date
from pathlib import Path

from .glossary import (
    GLOSSARY,
    GLOSSARY_MARKER,
    GLOSSARY_PAGE,
    Glossary,
    anchor_clash_problems,
    buried_marker_problem,
    glossary_page_problems,
    load_glossary,
)
from .glossary import page_problems as term_page_problems
from .linker import PageState, explicit_link_problems, unused_term_problems
from .pages import DATA_DIR, check_pages, page_files
from .problems import Problem
from .search_terms import SYNONYMS, load_synonyms
from .search_terms import page_problems as synonym_page_problems
from .siteconfig import read_config
from .verdict import (
    Renderer,
    active_problems,
    anchor_problems,
    claim_check,
    front_matter_problems,
    nav_problems,
)

_ID = re.compile(r'\bid="([^"]+)"')


def check_docs(docs_dir: Path, today: date, shown_dir: str) -> list[Problem]:
    """Every problem the build finds, without MkDocs, in file and line order.

    Pages are rendered with the Markdown extensions of the mkdocs.yml beside ``docs_dir`` (if any) and the
    glossary linker, so active content, glossary links and unused terms are judged as the build judges them.
    """
    glossary = load_glossary(docs_dir / DATA_DIR / GLOSSARY, f"{shown_dir}/{DATA_DIR}/{GLOSSARY}")
    synonyms = load_synonyms(docs_dir / DATA_DIR / SYNONYMS, f"{shown_dir}/{DATA_DIR}/{SYNONYMS}")
    config = read_config(docs_dir.parent / "mkdocs.yml")
    state = PageState()
    render_page = Renderer(config, glossary, state)
    rendered: dict[str, tuple[str, str]] = {}
    used: set[str] = set()
    unknown_links: list[Problem] = []

    def explicit_links(raw: str, shown_as: str) -> list[Problem]:
        found = explicit_link_problems(raw, shown_as, glossary)
        unknown_links.extend(found)
        return found

    def render(raw: str, shown_as: str) -> list[Problem]:
        src_uri = shown_as.removeprefix(f"{shown_dir}/")
        try:
            html = render_page(raw, src_uri)
        except Exception as error:
            return [
                Problem(
                    shown_as, 1, f"the page cannot be turned into HTML: {error}", "fix the Markdown the message names"
                )
            ]
        used.update(state.used)
        rendered[src_uri] = (raw, html)
        return active_problems(html, lambda: raw, shown_as)

    checked = check_pages(
        docs_dir,
        today=today,
        shown_dir=shown_dir,
        page_checks=(explicit_links, claim_check(glossary), front_matter_problems, render),
    )
    pages = {path.relative_to(docs_dir).as_posix() for path in page_files(docs_dir)}
    glossary_shown = f"{shown_dir}/{DATA_DIR}/{GLOSSARY}"
    glossary_page = docs_dir / GLOSSARY_PAGE
    glossary_text = glossary_page.read_text(encoding="utf-8", errors="replace") if glossary_page.is_file() else None
    return sorted(
        checked.problems
        + glossary.problems
        + synonyms.problems
        + term_page_problems(glossary, pages, glossary_shown)
        + glossary_page_problems(glossary, glossary_text, f"{shown_dir}/{GLOSSARY_PAGE}")
        + synonym_page_problems(synonyms, pages, f"{shown_dir}/{DATA_DIR}/{SYNONYMS}")
        + nav_problems(config.nav_pages, pages, shown_dir)
        + _rendered_problems(glossary, rendered, shown_dir)
        # A term is unused because a link to it is misspelt, or its entry is broken: that problem is the one to fix.
        + (unused_term_problems(glossary, used, glossary_shown) if not (glossary.problems or unknown_links) else [])
    )


def _rendered_problems(glossary: Glossary, rendered: dict[str, tuple[str, str]], shown_dir: str) -> list[Problem]:
    """The glossary page's marker and ids, and links to anchors that the page they name lacks."""
    anchors = {src_uri: set(_ID.findall(html)) for src_uri, (_raw, html) in rendered.items()}
    problems: list[Problem] = []
    if GLOSSARY_PAGE in rendered and glossary.terms:
        raw, html = rendered[GLOSSARY_PAGE]
        if GLOSSARY_MARKER not in html:
            shown = f"{shown_dir}/{GLOSSARY_PAGE}"
            problems += [buried_marker_problem(raw, shown)] if GLOSSARY_MARKER in raw else []
        problems += anchor_clash_problems(
            glossary, anchors[GLOSSARY_PAGE], GLOSSARY_PAGE, f"{shown_dir}/{DATA_DIR}/{GLOSSARY}"
        )
        anchors[GLOSSARY_PAGE] |= set(glossary.terms)
    for src_uri, (raw, _html) in rendered.items():
        problems += anchor_problems(raw, src_uri, f"{shown_dir}/{src_uri}", anchors)
    return problems


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
