"""The printable exercise log and list of questions print cleanly on A4 and on US Letter paper."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from tests.browser.tabs import Variant, close, open_tab

pytestmark = pytest.mark.browser

CSS_PX_PER_MM = 96 / 25.4
PT_PER_MM = 72 / 25.4
# Chromium's print dialog puts about 1 cm (0.4 in) of margin on each side; the PDFs here use the same.
MARGIN_MM = 10
# Room to write by hand in a fill-in row: at least 1 cm.
MIN_ROW_HEIGHT_MM = 10


@dataclass(frozen=True)
class Paper:
    """A paper size, by the name Playwright's page.pdf knows it."""

    name: str
    width_mm: float
    height_mm: float

    @property
    def printable_width_px(self) -> int:
        """The printed width in CSS px once margins are off: A4 (210 mm) gives 718, Letter (215.9 mm) gives 740."""
        return round((self.width_mm - 2 * MARGIN_MM) * CSS_PX_PER_MM)


@dataclass(frozen=True)
class Takeaway:
    """A page made to be printed: its fill-in block (heading, header cells found nowhere else), most sheets, tick boxes."""

    path: str
    block_heading: str
    header_cells: tuple[str, ...]
    max_pages: int
    checklist: bool


PAPERS = (Paper("A4", 210, 297), Paper("Letter", 215.9, 279.4))
TAKEAWAYS = (
    Takeaway("physical-therapy/exercise-log/", "Your log", ("Sets x reps", "Pain before", "Pain after"), 2, False),
    Takeaway("living/questions-for-your-care-team/", "My notes", ("Date of appointment", "What I was told"), 3, True),
)
HIDDEN_IN_PRINT = (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer")

# Measures the printed layout: how far right anything is drawn (Material hides horizontal overflow on <html>,
# so its scrollWidth cannot show it), elements that stick out of the article or scroll sideways, the height
# of fill-in rows, and the border of each checklist item's tick box (a border prints; a background may not).
LAYOUT = """() => {
  const article = document.querySelector("article");
  const edge = article.getBoundingClientRect().right + 0.5;
  const name = (el) => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ").join(".") : "");
  const overflowing = [...article.querySelectorAll("*")]
    .filter((el) => el.getBoundingClientRect().right > edge || (el.tagName === "TABLE" && el.scrollWidth > el.clientWidth))
    .map(name);
  const drawn = [...document.body.querySelectorAll("*")]
    .map((el) => el.getBoundingClientRect())
    .filter((rect) => rect.width > 0 && rect.height > 0);
  return {
    pageWidth: Math.max(document.body.scrollWidth, ...drawn.map((rect) => rect.right)),
    viewport: window.innerWidth,
    overflowing,
    rowHeights: [...article.querySelectorAll(".kb-fill-in tbody tr")].map((row) => row.getBoundingClientRect().height),
    tickBoxes: [...article.querySelectorAll(".kb-checklist li")].map(
      (item) => parseFloat(getComputedStyle(item, "::before").borderTopWidth) || 0),
  };
}"""


def _print_tab(browser, base_url: str, paper: Paper, path: str) -> Page:
    """A tab as wide as the printed area of `paper`, showing `path` in print media."""
    tab = open_tab(browser, base_url, Variant(f"print-{paper.name}", paper.printable_width_px, 1000, "light"))
    tab.goto(base_url + path)
    tab.emulate_media(media="print")
    return tab


def _squeezed(text: str) -> str:
    """Text without whitespace: PDF text breaks lines anywhere, even after a hyphen."""
    return "".join(text.split())


def _pdf_pages(browser, base_url: str, paper: Paper, takeaway: Takeaway) -> tuple[PdfReader, list[str], str, str]:
    """The page printed to PDF on `paper`: its text page by page, the disclaimer's text and label, all squeezed."""
    tab = open_tab(browser, base_url)
    try:
        tab.goto(base_url + takeaway.path)
        disclaimer = tab.locator(".kb-disclaimer p").last.inner_text()
        label = tab.locator(".kb-disclaimer__label").inner_text()
        side = f"{MARGIN_MM}mm"
        pdf = tab.pdf(
            format=paper.name, print_background=False, margin={"top": side, "right": side, "bottom": side, "left": side}
        )
    finally:
        close(tab)
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [_squeezed(page.extract_text()) for page in reader.pages], _squeezed(disclaimer), _squeezed(label)


@pytest.mark.parametrize("paper", PAPERS, ids=lambda paper: paper.name)
@pytest.mark.parametrize("takeaway", TAKEAWAYS, ids=lambda takeaway: takeaway.block_heading)
def test_takeaway_prints_to_pdf_on_paper_with_fill_in_block_on_one_sheet(
    browser, base_url: str, takeaway: Takeaway, paper: Paper
) -> None:
    reader, texts, disclaimer, label = _pdf_pages(browser, base_url, paper, takeaway)
    assert 1 <= len(reader.pages) <= takeaway.max_pages
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(paper.width_mm * PT_PER_MM, abs=2)
    assert float(box.height) == pytest.approx(paper.height_mm * PT_PER_MM, abs=2)
    # The first sheet names the disclaimer (the line under the title); its full text prints with the page's end.
    assert label and label in texts[0]
    assert disclaimer and disclaimer in "".join(texts)
    sheets = [number for number, text in enumerate(texts) if _squeezed(takeaway.block_heading) in text]
    assert len(sheets) == 1, f"{takeaway.block_heading!r} on pages {sheets}"
    # A table split across sheets repeats its header row, so each header cell must appear on one sheet only.
    for cell in takeaway.header_cells:
        assert [number for number, text in enumerate(texts) if _squeezed(cell) in text] == sheets, cell


@pytest.mark.parametrize("paper", PAPERS, ids=lambda paper: paper.name)
@pytest.mark.parametrize("takeaway", TAKEAWAYS, ids=lambda takeaway: takeaway.block_heading)
def test_takeaway_fits_the_printed_width_and_leaves_room_to_write(
    browser, base_url: str, takeaway: Takeaway, paper: Paper
) -> None:
    tab = _print_tab(browser, base_url, paper, takeaway.path)
    try:
        layout = tab.evaluate(LAYOUT)
        for selector in HIDDEN_IN_PRINT:
            assert tab.locator(selector).count() > 0, selector
            assert not tab.locator(selector).first.is_visible(), selector
        assert tab.locator(".kb-disclaimer").is_visible()
    finally:
        close(tab)
    assert layout["viewport"] == paper.printable_width_px
    assert layout["pageWidth"] <= layout["viewport"]
    assert layout["overflowing"] == []
    assert layout["rowHeights"], "no fill-in rows found"
    assert min(layout["rowHeights"]) >= MIN_ROW_HEIGHT_MM * CSS_PX_PER_MM
    if takeaway.checklist:
        assert layout["tickBoxes"], "no checklist items found"
        assert min(layout["tickBoxes"]) >= 1, "a tick box has no border, so it would not print"


def test_layout_check_reports_an_element_wider_than_the_paper(browser, base_url: str) -> None:
    tab = _print_tab(browser, base_url, PAPERS[0], TAKEAWAYS[0].path)
    try:
        tab.evaluate(
            """() => {
              const wide = document.createElement("div");
              wide.className = "too-wide";
              wide.style.width = "2000px";
              wide.style.height = "1px";
              document.querySelector("article").append(wide);
              document.body.append(wide.cloneNode());
              document.querySelectorAll(".kb-fill-in tbody td").forEach((cell) => { cell.style.height = "12px"; });
            }"""
        )
        layout = tab.evaluate(LAYOUT)
    finally:
        close(tab)
    assert "div.too-wide" in layout["overflowing"]
    assert layout["pageWidth"] > layout["viewport"]
    assert min(layout["rowHeights"]) < MIN_ROW_HEIGHT_MM * CSS_PX_PER_MM
