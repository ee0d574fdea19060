"""Check each link to another site on a built site once, and report the broken ones with their pages.

Run by hand or on a schedule (`make linkcheck-external`), not in `make test`: it needs the
open internet, and another site being down for an hour must not fail a build. A link is
broken when the site says the page is gone (404, 410, other 4xx) or the host does not exist.
A refusal to robots (401, 403, 429), a server error or a timeout is reported as unverified:
check those by hand in a browser.
"""

from __future__ import annotations

import argparse
import socket
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .sitelinks import Link, check_site, site_url_of

USER_AGENT = "avn-kb-linkcheck/1 (+https://github.com/avn-knowledge-base/avn-kb; checks each link once)"
TIMEOUT = 20.0
WORKERS = 4
UNVERIFIED_STATUSES = frozenset({401, 403, 429})


@dataclass(frozen=True)
class Outcome:
    """The result of checking one URL: 'ok', 'broken' or 'unverified', and why."""

    url: str
    verdict: str
    detail: str


class _KeepMethodRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects with the same method: urllib turns a redirected HEAD into a GET."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.method = req.get_method()
        return new


def _opener() -> urllib.request.OpenerDirector:
    """An opener that follows redirects and keeps HEAD as HEAD."""
    return urllib.request.build_opener(_KeepMethodRedirects())


def _status(url: str, method: str, timeout: float) -> int:
    """The final HTTP status for a request, after redirects; the body is never read."""
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with _opener().open(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _verdict(url: str, status: int) -> Outcome:
    """Sort an HTTP status into ok, broken or unverified."""
    if status < 400:
        return Outcome(url, "ok", str(status))
    if status in UNVERIFIED_STATUSES or status >= 500:
        return Outcome(url, "unverified", f"HTTP {status}")
    return Outcome(url, "broken", f"HTTP {status}")


def check_url(url: str, timeout: float = TIMEOUT) -> Outcome:
    """HEAD the URL; if that fails, GET it (many servers refuse HEAD); classify the answer."""
    try:
        status = _status(url, "HEAD", timeout)
        if status >= 400:
            status = _status(url, "GET", timeout)
    except urllib.error.URLError as error:
        if isinstance(error.reason, socket.gaierror) and error.reason.errno == socket.EAI_NONAME:
            return Outcome(url, "broken", "no such host")
        return Outcome(url, "unverified", str(error.reason))
    except ValueError as error:
        return Outcome(url, "broken", f"not a valid address: {error}")
    except OSError as error:
        return Outcome(url, "unverified", str(error) or type(error).__name__)
    return _verdict(url, status)


def check_all(
    urls: Iterable[str], check: Callable[[str], Outcome] = check_url, workers: int = WORKERS
) -> list[Outcome]:
    """Check each distinct URL once, a few at a time, in sorted order."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(check, sorted(set(urls))))


def report(links: list[Link], outcomes: list[Outcome]) -> str:
    """Broken and unverified links, each with the pages it is on, then a summary line."""
    where: dict[str, list[str]] = {}
    for link in links:
        where.setdefault(link.url, []).append(f"{link.page}:{link.line}")
    lines = []
    for verdict in ("broken", "unverified"):
        for outcome in (o for o in outcomes if o.verdict == verdict):
            lines.append(f"{verdict.upper()}: {outcome.url} ({outcome.detail})")
            lines.extend(f"    on {page}" for page in sorted(set(where.get(outcome.url, []))))
    counts = {verdict: sum(o.verdict == verdict for o in outcomes) for verdict in ("ok", "broken", "unverified")}
    pages = len({link.page for link in links})
    lines.append(
        f"{len(outcomes)} links to other sites on {pages} pages: "
        f"{counts['ok']} ok, {counts['broken']} broken, {counts['unverified']} unverified."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Check the built site's links to other sites; exit 1 if any is broken."""
    parser = argparse.ArgumentParser(prog="python -m kb.linkcheck", description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="the built site, e.g. site")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds to wait for each site")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"{args.site_dir}: no built site here; run `make build` first", file=sys.stderr)
        return 2
    links = check_site(args.site_dir, site_url_of(args.site_dir)).external
    outcomes = check_all((link.url for link in links), lambda url: check_url(url, args.timeout))
    print(report(links, outcomes))
    return 1 if any(outcome.verdict == "broken" for outcome in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
