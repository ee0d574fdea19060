"""The Content-Security-Policy of a built page: its own inline scripts allowed by hash, nothing else inline.

The theme writes a few small inline scripts into every page, and one of them differs with the
page's depth, so the hashes are worked out from each finished page rather than listed by hand;
a Material upgrade that changes them needs no edit here. A page whose hook did not run keeps the
marker, which allows no inline script at all: the policy fails closed.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

MARKER = "KB_SCRIPT_HASHES"
# Script types the browser runs; a data block (application/json, application/ld+json) is never run or checked.
_RUN = {"", "text/javascript", "application/javascript", "module"}


class _InlineScripts(HTMLParser):
    """Collect the text of every inline script the browser would run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and "src" not in found and (found.get("type") or "").strip().lower() in _RUN:
            self._open = []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            self.scripts.append("".join(self._open))
            self._open = None


def script_hashes(html: str) -> list[str]:
    """The CSP source of each distinct inline script in ``html``, in order: 'sha256-...'."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    hashes = []
    for script in parser.scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in hashes:
            hashes.append(f"'sha256-{digest}'")
    return hashes


def with_script_hashes(html: str) -> str:
    """``html`` with the policy's marker replaced by the hashes of the page's own inline scripts."""
    if MARKER not in html:
        return html
    return html.replace(MARKER, " ".join(script_hashes(html)), 1)
