"""Handouts print as handouts: few sheets, the log on the first, 11 pt text, sources with addresses, headings kept."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from tests.browser.tabs import close, open_tab

pytestmark = pytest.mark.browser

PAPERS = ("A4", "Letter")
# Each handout and the most sheets it may take on either paper.
HANDOUTS = {"physical-therapy/exercise-log/": 2, "living/questions-for-your-care-team/": 3}
LOG = "physical-therapy/exercise-log/"
# The log table's header cells, found nowhere else on the page.
LOG_HEADER = ("Sets x reps", "Pain before", "Pain after")
# Pages whose printed type is measured: both handouts, a medicine page, and the page of care cards.
TYPE_PAGES = (*HANDOUTS, "treatment/pain-medicines/", "living/when-to-get-help/")
MIN_BODY_PT = 11
PX_PER_PT = 96 / 72
# The reader's text and the notices around it, each as the smallest and largest font size (px) in print.
NOTICES = (
    ".admonition, .kb-warning, .kb-overdue, .kb-trust, .kb-key, .kb-about, .kb-disclaimer, .kb-review, .kb-sources"
)
TYPE_SIZES = f"""() => {{
  const notices = "{NOTICES}";
  const sized = (el) => el.getClientRects().length > 0 && el.textContent.trim() !== "";
  const size = (el) => parseFloat(getComputedStyle(el).fontSize);
  const text = [...document.querySelectorAll("article :is(p, li, td, dd)")].filter(sized);
  const body = text.filter((el) => !el.closest(notices)).map(size);
  const notice = text.filter((el) => el.closest(notices)).map(size);
  return {{ bodyMin: Math.min(...body), bodyCount: body.length, noticeMax: Math.max(...notice), noticeCount: notice.length }};
}}"""
# The web address of every source link, as printed after it (or as the link's own text).
SOURCE_ADDRESSES = """() => [...document.querySelectorAll(".kb-sources a")]
  .filter((a) => new URL(a.href).origin !== location.origin).map((a) => a.href)"""


def squeezed(text: str) -> str:
    """Text without whitespace or ligatures: PDF text breaks lines anywhere and writes "ff" as one letter."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def printed(browser, base_url: str, path: str, paper: str) -> tuple[list[str], list[str]]:
    """The page printed on ``paper`` the way the print dialog does (the page's own margins): text per sheet."""
    tab = open_tab(browser, base_url)
    try:
        tab.goto(base_url + path)
        addresses = tab.evaluate(SOURCE_ADDRESSES)
        pdf = tab.pdf(format=paper, print_background=False)
    finally:
        close(tab)
    return [squeezed(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages], addresses


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("path", HANDOUTS)
def test_a_handout_prints_on_few_sheets_with_its_addresses(browser, base_url: str, path: str, paper: str) -> None:
    sheets, addresses = printed(browser, base_url, path, paper)
    assert 1 <= len(sheets) <= HANDOUTS[path], f"{path} prints on {len(sheets)} sheets of {paper}"
    text = "".join(sheets)
    assert addresses, "the page lists no sources with a web address"
    missing = [address for address in addresses if squeezed(address) not in text]
    assert missing == [], f"printed without their web address: {missing}"


@pytest.mark.parametrize("paper", PAPERS)
def test_the_exercise_log_table_prints_whole_on_the_first_sheet(browser, base_url: str, paper: str) -> None:
    sheets, _ = printed(browser, base_url, LOG, paper)
    for cell in LOG_HEADER:
        on = [number for number, sheet in enumerate(sheets, start=1) if squeezed(cell) in sheet]
        assert on == [1], f"{cell!r} prints on sheets {on}"


@pytest.mark.parametrize("path", TYPE_PAGES)
def test_printed_text_is_at_least_11_pt_and_no_notice_is_larger(browser, base_url: str, path: str) -> None:
    tab = open_tab(browser, base_url)
    try:
        tab.goto(base_url + path)
        tab.emulate_media(media="print")
        sizes = tab.evaluate(TYPE_SIZES)
    finally:
        close(tab)
    assert sizes["bodyCount"] > 3 and sizes["noticeCount"] > 0, sizes
    assert sizes["bodyMin"] >= MIN_BODY_PT * PX_PER_PT - 0.01, f"body text prints at {sizes['bodyMin']} px: {sizes}"
    assert sizes["noticeMax"] <= sizes["bodyMin"] + 0.01, f"a notice prints larger than the text: {sizes}"


# Pages with care cards: the handout with its "Stop and call" cards, and the page of when to get help.
CARD_PAGES = (LOG, "living/when-to-get-help/")
# Each care card's title and the text of its last item, and the text of every heading on the page.
CARDS_AND_HEADINGS = """() => ({
  cards: [...document.querySelectorAll("article .admonition[class*='care-']")].map((card) => [
    card.querySelector(".admonition-title").textContent, card.querySelector("li:last-of-type").textContent]),
  headings: [...document.querySelectorAll("article > :is(h2, h3)")].filter((h) => h.getClientRects().length > 0)
    .map((h) => h.textContent.replace("\u00b6", "")),
})"""


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("path", CARD_PAGES)
def test_cards_print_whole_and_no_sheet_ends_with_a_heading(browser, base_url: str, path: str, paper: str) -> None:
    tab = open_tab(browser, base_url)
    try:
        tab.goto(base_url + path)
        tab.emulate_media(media="print")
        found = tab.evaluate(CARDS_AND_HEADINGS)
        pdf = tab.pdf(format=paper, print_background=False)
    finally:
        close(tab)
    sheets = [squeezed(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(found["cards"]) >= 2 and found["headings"], found

    def on(text: str) -> list[int]:
        return [number for number, sheet in enumerate(sheets, start=1) if squeezed(text) in sheet]

    for title, last_item in found["cards"]:
        assert len(on(title)) == 1 and on(title) == on(last_item), f"{title!r} is split: {on(title)}, {on(last_item)}"
    stranded = [heading for heading in found["headings"] for sheet in sheets[:-1] if sheet.endswith(squeezed(heading))]
    assert stranded == [], f"headings left at the foot of a sheet: {stranded}"
