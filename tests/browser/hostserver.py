"""A static file server that answers the way the real host (GitHub Pages) does, for honest browser tests.

GitHub Pages serves the site under the path of its site_url, gzips text when the browser asks,
sends ETag and Last-Modified with `Cache-Control: max-age=600`, answers 304 to a matching
If-None-Match, redirects a folder without its slash, and serves 404.html with status 404.
The standard library's SimpleHTTPRequestHandler does none of the compression or caching,
and no small library does exactly this, so the few lines below do it.

The browser reaches the site as http://avn-kb.test/<path>/ through this server acting as its
proxy, so pages sit on a default port as on the real host. Material's instant navigation needs
that: it matches links against sitemap.xml after taking only the scheme and host name from the
page (Material 9.8 integrations/sitemap), so a site on 127.0.0.1:<port> silently falls back to
full page loads. As the proxy, the server also refuses every request for any other host.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import hashlib
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

SITE_HOST = "avn-kb.test"
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
CACHE_CONTROL = "max-age=600"


@dataclass(frozen=True)
class Body:
    """One file's bytes as served: raw, gzipped, and the validators a browser caches it by."""

    raw: bytes
    gzipped: bytes
    etag: str
    last_modified: str
    content_type: str


@functools.lru_cache(maxsize=512)
def _body(path: Path, mtime_ns: int, content_type: str) -> Body:
    """Read and compress a file once per version (the key includes its modification time)."""
    raw = path.read_bytes()
    return Body(
        raw=raw,
        gzipped=gzip.compress(raw, compresslevel=6, mtime=0),
        etag='"' + hashlib.sha1(raw).hexdigest()[:20] + '"',
        last_modified=email.utils.formatdate(mtime_ns / 1e9, usegmt=True),
        content_type=content_type,
    )


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serve `directory` under `prefix` like GitHub Pages; see the module docstring."""

    prefix = "/"

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_CONNECT(self) -> None:
        self.send_error(403, "this proxy serves only the site under test")

    def _serve(self, send_body: bool) -> None:
        url = urlsplit(self.path)
        if url.netloc not in ("", SITE_HOST):
            self.send_error(403, "this proxy serves only the site under test")
            return
        path = unquote(url.path)
        if not path.startswith(self.prefix) or ".." in path.split("/"):
            self._send_file(Path(self.directory) / "404.html", 404, send_body)
            return
        target = Path(self.directory) / path[len(self.prefix) :]
        if target.is_dir() and not path.endswith("/"):
            self.send_response(301)
            self.send_header("Location", path + "/")
            self.end_headers()
            return
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            self._send_file(Path(self.directory) / "404.html", 404, send_body)
            return
        self._send_file(target, 200, send_body)

    def _send_file(self, target: Path, status: int, send_body: bool) -> None:
        body = _body(target, target.stat().st_mtime_ns, self.guess_type(str(target)))
        if status == 200 and self.headers.get("If-None-Match") == body.etag:
            self.send_response(304)
            self.send_header("ETag", body.etag)
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.end_headers()
            return
        compress = body.content_type.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")
        data = body.gzipped if compress else body.raw
        self.send_response(status)
        self.send_header("Content-Type", body.content_type)
        self.send_header("Content-Length", str(len(data)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        if status == 200:
            self.send_header("ETag", body.etag)
            self.send_header("Last-Modified", body.last_modified)
            self.send_header("Cache-Control", CACHE_CONTROL)
        self.end_headers()
        if send_body:
            self.wfile.write(data)


@contextmanager
def serve(directory: Path, prefix: str) -> Iterator[tuple[str, str]]:
    """Serve `directory` under `prefix` until the block ends; yields the site's URL and the proxy to reach it by."""
    handler = type("SiteHandler", (PagesHandler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{SITE_HOST}{prefix}", f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
