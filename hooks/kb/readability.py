"""Reading level of the built pages: the prose a reader reads, without furniture, tables or code.

textstat does the scoring (the grade through kb.reading_grade, which gives textstat's answer); this module
only picks the text. Pinned textstat 0.7.8 ships its own syllable dictionary, so nothing is downloaded at run time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

import textstat
from bs4 import BeautifulSoup

from .reading_grade import reading_grade

# Not prose: furniture, navigation, tables, code, the glossary's hidden definitions, headings.
NOT_PROSE = "table, pre, code, .kb-trust, .kb-warning, .kb-overdue, .kb-evidence, .kb-about, .kb-suggest, .kb-term-definitions, .headerlink, h1, h2, h3, h4, h5, h6, .admonition-title, .kb-used-on"
MAX_GRADE = 9.0
MAX_MEDIAN_GRADE = 8.0


@dataclass(frozen=True)
class Score:
    """Reading scores of one page."""

    page: str
    grade: float
    smog: float
    words: int


def prose(html: str) -> str:
    """The running text of a built page's article, one sentence-ending per block."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    if article is None:
        raise ValueError("the page has no <article>: every page of the theme has one")
    for element in article.select(NOT_PROSE):
        element.decompose()
    blocks = [" ".join(block.get_text(" ", strip=True).split()) for block in article.select("p, li, dd")]
    return " ".join(text if text.endswith((".", "?", "!", ":")) else text + "." for text in blocks if text)


def score(page: str, html: str) -> Score:
    """Flesch-Kincaid grade, SMOG and word count of one page."""
    text = prose(html)
    return Score(page, reading_grade(text), textstat.smog_index(text), textstat.lexicon_count(text))


def main(argv: list[str] | None = None) -> int:
    """Print every page's scores and the median; exit 1 if a limit is broken."""
    parser = argparse.ArgumentParser(prog="python -m kb.readability", description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path)
    args = parser.parse_args(argv)
    scores = [
        score(path.parent.relative_to(args.site_dir).as_posix() or "(home)", path.read_text(encoding="utf-8"))
        for path in sorted(args.site_dir.rglob("index.html"))
        if path.parent.name not in {"search", "assets"} and path.parent.relative_to(args.site_dir).parts[:1] != ("404",)
    ]
    print(f"{'FK grade':>8} {'SMOG':>5} {'words':>6}  page")
    for item in sorted(scores, key=lambda s: -s.grade):
        print(f"{item.grade:>8.1f} {item.smog:>5.1f} {item.words:>6}  {item.page}")
    median = statistics.median(s.grade for s in scores)
    print(
        f"median FK grade {median:.1f} over {len(scores)} pages (limits: each <= {MAX_GRADE}, median <= {MAX_MEDIAN_GRADE})"
    )
    return 0 if median <= MAX_MEDIAN_GRADE and all(s.grade <= MAX_GRADE for s in scores) else 1


if __name__ == "__main__":
    sys.exit(main())
