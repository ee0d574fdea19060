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
import threading
import time
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
# The script MkDocs adds to each served page names the build it shows: livereload(<epoch>, <request id>).
SHOWN_BUILD = re.compile(r"livereload\((\d+), \d+\);")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def plain_text(html: str) -> str:
    """The words of a page, one space apart."""
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


class Server:
    """`mkdocs serve` on a copy of the project, as `make serve` runs it."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.port = free_port()
        site_url = re.search(r"^site_url:\s*(\S+)", (project / "mkdocs.yml").read_text(), re.MULTILINE)
        self.mount = urlsplit(site_url[1]).path if site_url else "/"
        self.lines: list[str] = []
        self._output = threading.Condition()
        env = os.environ | {"PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen(
            [str(ROOT / ".venv/bin/mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{self.port}", "--livereload"],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        """Keep each line the server prints, and wake whoever waits for one."""
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._output:
                self.lines.append(line)
                self._output.notify_all()
        with self._output:
            self._output.notify_all()

    @property
    def log(self) -> str:
        """The end of what the server printed."""
        return "".join(self.lines)[-3000:]

    def wait_until_serving(self) -> None:
        """Wait for the line MkDocs prints once the first build is done and the port is open."""
        with self._output:
            serving = self._output.wait_for(
                lambda: any("Serving on" in line for line in self.lines) or not self._reader.is_alive(),
                timeout=WAIT_SECONDS,
            )
        assert serving and self.process.poll() is None, f"the server did not start; its log:\n{self.log}"

    def html(self, path: str) -> str:
        """The served page at ``path``."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{self.mount}{path}", timeout=WAIT_SECONDS) as page:
            return page.read().decode("utf-8")

    def page(self, path: str) -> str:
        """The text of the served page at ``path``."""
        return plain_text(self.html(path))

    def wait_for(self, path: str, text: str) -> None:
        """Wait, as the page's live-reload script does, for builds newer than the page until it contains ``text``."""
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            html = self.html(path)
            if " ".join(text.split()) in plain_text(html):
                return
            if time.monotonic() > deadline:
                pytest.fail(f"{text!r} never appeared on {path}; server log:\n{self.log}")
            shown = SHOWN_BUILD.search(html)
            assert shown, f"{path} has no live-reload script"
            # MkDocs answers once a newer build is served, or after a minute without one (then we ask again).
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/livereload/{shown[1]}/0", timeout=90):
                pass
            assert self.process.poll() is None, self.log

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self._reader.join()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    running = Server(tmp_path)
    try:
        running.wait_until_serving()
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
