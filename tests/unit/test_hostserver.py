"""The browser tests' server answers like GitHub Pages: gzip on request, validators, 304, 301, 404 and nothing else."""

from __future__ import annotations

import gzip
import http.client
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.browser.hostserver import SITE_HOST, serve

PAGE = "<!doctype html><title>Page</title>" + "<p>Words and more words.</p>" * 50


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A tiny site served under /site/; yields its URL and the proxy address."""
    root = tmp_path_factory.mktemp("site")
    (root / "index.html").write_text(PAGE)
    (root / "a").mkdir()
    (root / "a" / "index.html").write_text(PAGE.replace("Page", "A"))
    (root / "404.html").write_text("<!doctype html><title>Not found</title>")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with serve(root, "/site/") as urls:
        yield urls


def fetch(server: tuple[str, str], url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """GET `url` through the server as the browser does, as its proxy; returns status, headers and raw body."""
    proxy = urlsplit(server[1])
    assert proxy.hostname is not None, server[1]
    connection = http.client.HTTPConnection(proxy.hostname, proxy.port, timeout=5)
    try:
        connection.request("GET", url, headers=headers)
        response = connection.getresponse()
        return response.status, {key.lower(): value for key, value in response.getheaders()}, response.read()
    finally:
        connection.close()


def test_site_url_is_on_the_made_up_host_under_the_site_path(server) -> None:
    assert server[0] == f"http://{SITE_HOST}/site/"


def test_text_is_gzipped_only_when_the_browser_asks(server) -> None:
    status, headers, body = fetch(server, server[0], **{"Accept-Encoding": "gzip, br"})
    assert status == 200 and headers["content-encoding"] == "gzip" and gzip.decompress(body).decode() == PAGE
    assert headers["cache-control"] == "max-age=600" and headers["etag"] and headers["last-modified"]
    status, headers, body = fetch(server, server[0])
    assert status == 200 and "content-encoding" not in headers and body.decode() == PAGE


def test_images_are_sent_as_they_are(server) -> None:
    _, headers, body = fetch(server, server[0] + "logo.png", **{"Accept-Encoding": "gzip"})
    assert headers["content-type"] == "image/png" and "content-encoding" not in headers and len(body) == 208


def test_a_matching_etag_gets_304_and_a_stale_one_the_file(server) -> None:
    _, headers, _ = fetch(server, server[0])
    status, _, body = fetch(server, server[0], **{"If-None-Match": headers["etag"]})
    assert status == 304 and body == b""
    status, _, body = fetch(server, server[0], **{"If-None-Match": '"stale"'})
    assert status == 200 and body.decode() == PAGE


def test_a_folder_without_its_slash_is_redirected(server) -> None:
    status, headers, _ = fetch(server, server[0] + "a")
    assert status == 301 and headers["location"] == "/site/a/"


@pytest.mark.parametrize("path", ["missing/", "../index.html", "a/../../index.html"])
def test_missing_or_escaping_paths_get_the_404_page(server, path: str) -> None:
    status, _, body = fetch(server, server[0] + path)
    assert status == 404 and b"Not found" in body


def test_a_page_outside_the_site_path_gets_the_404_page(server) -> None:
    status, _, body = fetch(server, f"http://{SITE_HOST}/elsewhere/")
    assert status == 404 and b"Not found" in body


@pytest.mark.parametrize("url", ["http://example.org/", "http://127.0.0.1:9/site/"])
def test_every_other_host_is_refused(server, url: str) -> None:
    status, _, _ = fetch(server, url)
    assert status == 403


def test_a_tunnel_for_https_is_refused(server) -> None:
    proxy = urlsplit(server[1])
    assert proxy.hostname is not None, server[1]
    connection = http.client.HTTPConnection(proxy.hostname, proxy.port, timeout=5)
    try:
        connection.request("CONNECT", "example.org:443")
        assert connection.getresponse().status == 403
    finally:
        connection.close()
