"""Frequencies such as "about 85 in 100" read from a sentence, checked, and drawn as an icon array (SVG)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree  # noqa: N813 (the name the rest of kb uses)
from dataclasses import dataclass

SVG_NS = "http://www.w3.org/2000/svg"
TOTALS = (10, 100, 1000)
# A count "in" a total, written with digits: "8 in 100", "1,000" allowed; "8.5 in 100" is found so it can be refused.
FREQUENCY = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?) in (\d[\d,]*(?:\.\d+)?)(?![\w.,]*\d)")
COLUMNS = {10: 10, 100: 10, 1000: 40}
STEP = 9.0  # Distance between icon centres.
DOT = 7.0


@dataclass(frozen=True)
class Frequency:
    """``count`` in ``total``, as a sentence says it."""

    sentence: str
    count: int
    total: int


def read_frequency(sentence: str) -> tuple[Frequency | None, str | None]:
    """The one frequency in ``sentence``, or None and what is wrong with it."""
    found = FREQUENCY.findall(sentence)
    if len(found) != 1:
        return None, f"the sentence must hold exactly one frequency such as '8 in 100' (found {len(found)})"
    count_text, total_text = (part.replace(",", "") for part in found[0])
    if not (count_text.isdigit() and total_text.isdigit()):
        return None, f"'{found[0][0]} in {found[0][1]}' is not in whole numbers"
    count, total = int(count_text), int(total_text)
    if total not in TOTALS:
        return None, f"the total {total} is not 10, 100 or 1,000"
    if count > total:
        return None, f"{count} is more than the total {total}"
    return Frequency(sentence, count, total), None


def draw(frequency: Frequency, labelled_by: str) -> etree.Element:
    """The icon array: ``count`` filled dots then empty rings, row by row, named by the element ``labelled_by``."""
    columns = COLUMNS[frequency.total]
    rows = frequency.total // columns
    width, height = columns * STEP, rows * STEP
    svg = etree.Element(
        f"{{{SVG_NS}}}svg",
        {
            "viewBox": f"0 0 {width:g} {height:g}",
            "width": f"{width * (1.4 if frequency.total < 1000 else 0.9):g}",
            "height": f"{height * (1.4 if frequency.total < 1000 else 0.9):g}",
            "role": "img",
            "aria-labelledby": labelled_by,
            "class": "kb-icon-array",
        },
    )
    dots = [(STEP / 2 + (i % columns) * STEP, STEP / 2 + (i // columns) * STEP) for i in range(frequency.total)]
    # One path per kind: a zero-length segment with a round cap is a dot, which keeps 1,000 icons small.
    yes, no = dots[: frequency.count], dots[frequency.count :]
    for kind, points, width_ in (
        ("kb-icon-yes", yes, DOT),
        ("kb-icon-no", no, DOT - 1),
        ("kb-icon-hole", no, DOT - 3.6),
    ):
        if points:
            colour = {"kb-icon-yes": "#3848a8", "kb-icon-no": "#767c8c", "kb-icon-hole": "#fff"}[kind]
            etree.SubElement(
                svg,
                f"{{{SVG_NS}}}path",
                {
                    "class": kind,
                    "d": "".join(f"M{x:g} {y:g}h0" for x, y in points),
                    "stroke": colour,
                    "stroke-width": f"{width_:g}",
                    "stroke-linecap": "round",
                },
            )
    return svg
