"""Lighthouse's accessibility score of built pages, run offline with Debian's Chromium: a measurement, not a test.

    npm install --no-save --no-audit --no-fund lighthouse@12.2.3   # once; Lighthouse 13 needs Node 22
    python -m tests.browser.lighthouse_report site "" treatment/bisphosphonates/

Prints one line per page: the score out of 100 and every audit that lost points. Exits 1 if a page
scores below 100. Lighthouse is not in package.json: it brings 146 packages that no test needs.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
PAGES = ("", "treatment/bisphosphonates/")


def lighthouse() -> str | None:
    """The Lighthouse command: $LIGHTHOUSE, node_modules/.bin/lighthouse, or one on the PATH."""
    local = ROOT / "node_modules" / ".bin" / "lighthouse"
    return os.environ.get("LIGHTHOUSE") or (str(local) if local.exists() else shutil.which("lighthouse"))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        """Say nothing per request."""


def audit(command: str, url: str) -> tuple[int, list[str]]:
    """The accessibility score of ``url`` out of 100, and the title of each audit that failed."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [
                command,
                url,
                "--only-categories=accessibility",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", CHROMIUM)},
        )
        result = json.loads(report.read_text(encoding="utf-8"))
    failed = [
        f"{name}: {item['title']}"
        for name, item in result["audits"].items()
        if item.get("score") is not None and item["score"] < 1 and item.get("scoreDisplayMode") == "binary"
    ]
    return round(result["categories"]["accessibility"]["score"] * 100), failed


def main(argv: list[str] | None = None) -> int:
    """Serve the site on a local port, audit each page, print the scores."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.browser.lighthouse_report", description=__doc__.splitlines()[0]
    )
    parser.add_argument("site_dir", type=Path, help="the built site, e.g. site")
    parser.add_argument("pages", nargs="*", default=list(PAGES), help='page paths, e.g. "" for the home page')
    args = parser.parse_args(argv)
    command = lighthouse()
    if command is None:
        print("Lighthouse is missing: npm install --no-save lighthouse@12.2.3", file=sys.stderr)
        return 2
    handler = functools.partial(_Quiet, directory=str(args.site_dir))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        scores = []
        for page in args.pages:
            score, failed = audit(command, f"http://127.0.0.1:{server.server_port}/{page}")
            scores.append(score)
            print(f"{score:>3}  /{page}" + "".join(f"\n       {line}" for line in failed))
        server.shutdown()
    return 0 if all(score == 100 for score in scores) else 1


if __name__ == "__main__":
    sys.exit(main())
