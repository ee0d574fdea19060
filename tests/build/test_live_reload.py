"""`make serve` shows edits to the glossary and the bibliography without a restart.

MkDocs reloads mkdocs.yml on every rebuild but not the hook modules, so the hooks must read
docs/_data on every build (on_config, on_files), and the watcher must see docs/_data even
though exclude_docs keeps it out of the site.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.sitebuild import ROOT

pytestmark = pytest.mark.serve
WAIT_SECONDS = 120  # A generous limit for two busy cores; the test only fails if it is reached.


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`mkdocs serve` on a copy of the project, as `make serve` runs it."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.port = free_port()
        site_url = re.search(r"^site_url:\s*(\S+)", (project / "mkdocs.yml").read_text(), re.MULTILINE)
        self.mount = urlsplit(site_url[1]).path if site_url else "/"
        self.log = project / "serve.log"
        env = os.environ | {"PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [str(ROOT / ".venv/bin/mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{self.port}", "--livereload"],
                cwd=project,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def page(self, path: str) -> str:
        """The text of the served page at ``path``; empty while it cannot be fetched."""
        url = f"http://127.0.0.1:{self.port}{self.mount}{path}"
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                html = response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return ""
        return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())

    def wait_for(self, path: str, text: str) -> None:
        """Poll ``path`` until it contains ``text``; fail with the server's log after WAIT_SECONDS."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            if " ".join(text.split()) in self.page(path):
                return
            assert self.process.poll() is None, self.log.read_text()
            time.sleep(0.5)
        pytest.fail(f"{text!r} never appeared on {path}; server log:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    running = Server(tmp_path)
    try:
        yield running
    finally:
        running.stop()


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_glossary_and_bibliography_edits_show_without_a_restart(server: Server) -> None:
    data = server.project / "docs" / "_data"
    term = yaml.safe_load((data / "glossary.yml").read_text(encoding="utf-8"))[0]
    source = yaml.safe_load((data / "bibliography.yml").read_text(encoding="utf-8"))[0]
    key = source["id"]
    server.wait_for("glossary/", term["definition"])
    server.wait_for("references/", source["title"])

    new_definition = "A plain definition that was changed while the preview was running."
    new_title = f"{source['title']} (title changed while the preview was running)"
    replace_once(data / "glossary.yml", term["definition"], new_definition)
    replace_once(data / "bibliography.yml", source["title"], new_title)

    server.wait_for("glossary/", new_definition)
    server.wait_for("references/", new_title)
    assert term["definition"] not in server.page("glossary/")
    assert server.process.poll() is None, f"the server stopped after the edit of {key}"
