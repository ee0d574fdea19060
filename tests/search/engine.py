"""Run queries through Material's own search worker (under Node.js) on a built site, and score the ranks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

HARNESS = Path(__file__).with_name("worker-harness.js")
QUERIES = Path(__file__).with_name("queries.md")
_ROW = re.compile(r"^\|\s*(?P<query>[^|]+?)\s*\|\s*(?P<pages>[^|]+?)\s*\|\s*(?P<topic>[^|]+?)\s*\|$")


@dataclass(frozen=True)
class Query:
    """A query, the page URLs that answer it, and its topic."""

    text: str
    answers: tuple[str, ...]
    topic: str


def page_url(src_path: str) -> str:
    """The URL of a page under docs/ on the built site (directory URLs): a/b.md -> a/b/, a/index.md -> a/."""
    stem = src_path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index").removesuffix("index") + "/"


def read_queries(path: Path = QUERIES) -> list[Query]:
    """The rows of the query table in ``path``."""
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = _ROW.match(line.strip())
        if row and row["query"] not in ("Query", "---"):
            answers = tuple(page_url(page.strip()) for page in row["pages"].split(","))
            queries.append(Query(row["query"], answers, row["topic"]))
    return queries


def node() -> str | None:
    """The Node.js executable, if installed."""
    return shutil.which("node") or shutil.which("nodejs")


def search(site_dir: Path, texts: list[str]) -> list[list[str]]:
    """The page URLs Material's search lists for each query, best first."""
    executable = node()
    if executable is None:
        raise RuntimeError("Node.js is missing: install it with `apt-get install nodejs`")
    done = subprocess.run(
        [executable, str(HARNESS), str(site_dir)], input=json.dumps(texts), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def rank(results: list[str], answers: tuple[str, ...]) -> int | None:
    """The 1-based rank of the first page that answers the query, or None."""
    return next((position for position, url in enumerate(results, start=1) if url in answers), None)
