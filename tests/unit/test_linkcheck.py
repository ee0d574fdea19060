"""The external link checker against a local server on 127.0.0.1: no request leaves the machine."""

from __future__ import annotations

import http.server
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from kb.linkcheck import Outcome, check_all, check_url, main, report
from kb.sitelinks import Link

# path -> (status for HEAD, status for GET); 301 redirects to /ok.
ROUTES = {
    "/ok": (200, 200),
    "/missing": (404, 404),
    "/gone": (410, 410),
    "/moved": (301, 301),
    "/no-head": (405, 200),
    "/forbidden": (403, 403),
    "/busy": (503, 503),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    """Answer each route with its status, and remember every request."""

    seen: ClassVar[Counter[tuple[str, str]]] = Counter()
    agents: ClassVar[set[str]] = set()

    def _answer(self, method: str) -> None:
        type(self).seen[(method, self.path)] += 1
        type(self).agents.add(self.headers.get("User-Agent", ""))
        head, get = ROUTES.get(self.path, (404, 404))
        self.send_response(head if method == "HEAD" else get)
        if self.path == "/moved":
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self._answer("HEAD")

    def do_GET(self) -> None:
        self._answer("GET")

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A threaded HTTP server on a free port of 127.0.0.1; yields its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Talk to the local server directly even where a proxy is configured."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    _Handler.seen.clear()
    _Handler.agents.clear()


@pytest.mark.parametrize(
    ("path", "verdict", "detail"),
    [
        ("/ok", "ok", "200"),
        ("/moved", "ok", "200"),
        ("/no-head", "ok", "200"),
        ("/missing", "broken", "HTTP 404"),
        ("/gone", "broken", "HTTP 410"),
        ("/forbidden", "unverified", "HTTP 403"),
        ("/busy", "unverified", "HTTP 503"),
    ],
)
def test_check_url_classifies_the_answer(server: str, path: str, verdict: str, detail: str) -> None:
    assert check_url(server + path, timeout=5) == Outcome(server + path, verdict, detail)


def test_redirect_is_followed_with_head_and_head_comes_first(server: str) -> None:
    check_url(server + "/moved", timeout=5)
    assert _Handler.seen == Counter({("HEAD", "/moved"): 1, ("HEAD", "/ok"): 1})


def test_get_is_tried_only_when_head_fails(server: str) -> None:
    check_url(server + "/no-head", timeout=5)
    assert _Handler.seen == Counter({("HEAD", "/no-head"): 1, ("GET", "/no-head"): 1})


def test_requests_name_the_checker(server: str) -> None:
    check_url(server + "/ok", timeout=5)
    assert [agent.split(" ")[0] for agent in _Handler.agents] == ["avn-kb-linkcheck/1"]


def test_refused_connection_is_unverified_not_broken(server: str) -> None:
    probe = http.server.HTTPServer(("127.0.0.1", 0), _Handler)
    port = probe.server_address[1]
    probe.server_close()
    outcome = check_url(f"http://127.0.0.1:{port}/x", timeout=5)
    assert outcome.verdict == "unverified"


def test_each_url_is_checked_once(server: str) -> None:
    urls = [server + "/ok", server + "/ok", server + "/missing"]
    assert [o.url for o in check_all(urls, lambda url: check_url(url, timeout=5), workers=2)] == sorted(set(urls))
    assert _Handler.seen[("HEAD", "/ok")] == 1


def test_report_lists_each_bad_link_with_its_pages() -> None:
    links = [
        Link("a/index.html", 12, "a", "href", "https://x.example/gone"),
        Link("b/index.html", 7, "a", "href", "https://x.example/gone"),
    ]
    links.append(Link("b/index.html", 9, "a", "href", "https://y.example/"))
    outcomes = [Outcome("https://x.example/gone", "broken", "HTTP 404"), Outcome("https://y.example/", "ok", "200")]
    assert report(links, outcomes).splitlines() == [
        "BROKEN: https://x.example/gone (HTTP 404)",
        "    on a/index.html:12",
        "    on b/index.html:7",
        "2 links to other sites on 2 pages: 1 ok, 1 broken, 0 unverified.",
    ]


def _site(tmp_path: Path, hrefs: list[str]) -> Path:
    body = "".join(f'<p><a href="{href}" rel="noopener">link</a></p>\n' for href in hrefs)
    (tmp_path / "index.html").write_text(f"<!doctype html><html><body>\n{body}</body></html>", encoding="utf-8")
    return tmp_path


def test_main_fails_on_a_broken_link_and_names_its_page(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path, [server + "/ok", server + "/missing", "../local/", "mailto:a@example.org"])
    assert main([str(site), "--timeout", "5"]) == 1
    out = capsys.readouterr().out
    assert f"BROKEN: {server}/missing (HTTP 404)\n    on index.html:3\n" in out
    assert out.endswith("2 links to other sites on 1 pages: 1 ok, 1 broken, 0 unverified.\n")


def test_main_passes_when_nothing_is_broken(server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, [server + "/ok", server + "/forbidden"])
    assert main([str(site), "--timeout", "5"]) == 0
    assert "UNVERIFIED: " in capsys.readouterr().out


def test_main_refuses_a_folder_without_a_built_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path)]) == 2
    assert "run `make build` first" in capsys.readouterr().err
