"""Render every figure file to PNG for a reviewer, in the light and dark schemes, with the site's figure CSS.

``PYTHONPATH=hooks .venv/bin/python -m tests.browser.figure_pngs OUT_DIR`` writes OUT_DIR/<name>-light.png
and OUT_DIR/<name>-dark.png for each SVG under docs/assets/figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.sitebuild import ROOT

FIGURES = ROOT / "docs" / "assets" / "figures"
CSS = ROOT / "overrides" / "assets" / "stylesheets" / "kb-figures.css"


def page_html(svg: str, scheme: str) -> str:
    """One figure on a page of the given Material scheme."""
    background = "#15191e" if scheme == "slate" else "#ffffff"
    return (
        f"<!doctype html><html><head><style>{CSS.read_text()}</style></head>"
        f'<body data-md-color-scheme="{scheme}" style="margin:0;background:{background};font-family:sans-serif">'
        f'<div id="fig" style="display:inline-block;padding:12px">{svg}</div></body></html>'
    )


def main(out: Path) -> None:
    """Write the PNGs."""
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page(device_scale_factor=2)
        for path in sorted(FIGURES.glob("*.svg")):
            for scheme, suffix in (("default", "light"), ("slate", "dark")):
                tab.set_content(page_html(path.read_text(), scheme))
                tab.locator("#fig").screenshot(path=str(out / f"{path.stem}-{suffix}.png"))
        browser.close()
    print(f"wrote PNGs of {len(list(FIGURES.glob('*.svg')))} figures to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "figure-pngs"))
