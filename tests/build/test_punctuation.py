"""No doubled punctuation ("et al..", "joints..", "Population?.") in the text readers see on any built page."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

# Two marks that end or split a sentence, back to back; an ellipsis (...) is not doubled.
DOUBLED = re.compile(r"(?<!\.)\.\.(?!\.)|[?!,;:]\.(?!\.)|,,|;;|[.?!] \.(?!\.)")
NOT_READ = ("script", "style", "code", "pre", "svg", "template")


def visible_text(html: str) -> str:
    """The page's text as a reader meets it: adjacent elements run together, code and scripts left out."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(NOT_READ):
        element.decompose()
    for element in soup.select("[hidden], .md-search"):
        element.decompose()
    return " ".join(soup.get_text("").split())


def doubled_marks(text: str) -> list[str]:
    """Each doubled mark in ``text``, with a little of the text around it."""
    return [text[max(0, m.start() - 30) : m.end() + 10] for m in DOUBLED.finditer(text)]


def test_the_pattern_finds_doubled_marks_and_spares_an_ellipsis() -> None:
    assert (
        doubled_marks("Lee YK, et al.. Title")
        and doubled_marks("the joints.. J Bone")
        and doubled_marks("Population?. J")
    )
    assert doubled_marks("hips,, knees") and doubled_marks("Done! .")
    assert doubled_marks("Wait... and see. Use e.g. a cane, i.e. a stick. Version 2.0.1 (see 3.5).") == []


def test_no_page_shows_doubled_punctuation(site_dir: Path) -> None:
    found = {
        page.relative_to(site_dir).as_posix(): marks
        for page in sorted(site_dir.rglob("*.html"))
        if (marks := doubled_marks(visible_text(page.read_text(encoding="utf-8"))))
    }
    assert found == {}


def test_the_references_page_is_among_the_pages_read(site_dir: Path) -> None:
    # The page that had "et al.." and "Population?." must still be read, with its citations in it.
    text = visible_text((site_dir / "references" / "index.html").read_text(encoding="utf-8"))
    assert "et al. " in text and "Renal Transplant Population? " in text
