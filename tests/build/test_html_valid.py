"""The Nu HTML Checker (vnu-jar from npm, run with Java) reports no errors on the built site."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.required_tools import missing_tool
from tests.sitebuild import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HINT = "Nu HTML Checker skipped: needs `java` and node_modules/vnu-jar (`npm ci --ignore-scripts`, or `make test`)"
# A page with one error the checker must report: proof that it ran and that its output is read.
CANARY = '<!doctype html><html lang="en"><title>t</title><label for="x" tabindex="">x</label><input id="x"></html>'


def _java() -> str:
    """The java command, or a skip (a failure when KB_REQUIRE_BROWSER=1, as in CI)."""
    java = shutil.which("java")
    if java and VNU_JAR.is_file():
        return java
    missing_tool(HINT)


def _where(message: dict, site_dir: Path) -> str:
    """file:line of a message, the file relative to the site folder."""
    path = Path(unquote(urlsplit(message.get("url", "")).path))
    shown = path.relative_to(site_dir).as_posix() if path.is_relative_to(site_dir) else str(path)
    return f"{shown}:{message.get('lastLine', 0)}"


def test_built_site_has_no_html_errors(site_dir: Path, tmp_path: Path) -> None:
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    command = [_java(), "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", "--stdout"]
    result = subprocess.run([*command, str(site_dir), str(canary)], capture_output=True, text=True, timeout=900)
    messages = json.loads(result.stdout)["messages"]
    errors = [m for m in messages if m["type"] in {"error", "non-document-error"}]
    site_errors = [
        f"{_where(m, site_dir)}: {m['message']}" for m in errors if not m.get("url", "").endswith("/canary.html")
    ]
    assert [m["message"] for m in errors if m.get("url", "").endswith("/canary.html")] == [
        "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer."
    ]
    assert site_errors == [], "\n" + "\n".join(site_errors)
