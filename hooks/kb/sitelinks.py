"""Every link on a built site: internal links must reach a file and an id; links off the site are collected.

MkDocs checks the links written in Markdown. This reads the HTML it wrote, so links from
templates, hooks and raw HTML are checked too. Pages are served with directory URLs, so a
link to a folder means that folder's index.html.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from .problems import Problem

# Every element attribute that holds a URL the browser follows or fetches.
URL_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "embed": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "object": ("data",),
    "form": ("action",),
    "button": ("formaction",),
    "input": ("formaction", "src"),
}
# Links that are not pages: nothing to check on the site.
SKIPPED_SCHEMES = frozenset({"mailto", "tel", "data"})
WEB_SCHEMES = frozenset({"http", "https"})
# Without a site_url the pages are resolved against a host that cannot be anyone's.
PLACEHOLDER_SITE = "https://site.invalid/"
# The HTML standard scrolls to the top for an empty fragment and for "top" when no element has that id.
TOP_FRAGMENTS = frozenset({"", "top"})
FIX_INTERNAL = "fix the link in the page's Markdown or in the template that writes it"


@dataclass(frozen=True)
class Link:
    """One URL in one attribute of one element of a built page."""

    page: str
    line: int
    tag: str
    attribute: str
    url: str
    rel: tuple[str, ...] = ()
    target: str = ""


@dataclass
class BuiltPage:
    """A built page's links and the ids a fragment may point to."""

    path: str
    links: list[Link]
    ids: frozenset[str]


@dataclass
class LinkReport:
    """What the crawl found: counts, links off the site, and problems."""

    pages: int = 0
    internal: int = 0
    fragments: int = 0
    external: list[Link] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _urls(attribute: str, value: str) -> list[str]:
    """The URLs in one attribute value; a srcset lists several, each followed by a size."""
    if attribute != "srcset":
        return [value.strip()]
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def _single(tag: Tag, attribute: str) -> str | None:
    """A single-valued attribute: html.parser splits only class, rel and a few others into lists."""
    value = tag.get(attribute)
    assert not isinstance(value, list), f"<{tag.name}> {attribute} is multi-valued"
    return value


def _links(path: str, soup: BeautifulSoup) -> list[Link]:
    """Every URL-bearing attribute in the page, in document order."""
    found = []
    for tag in soup.find_all(list(URL_ATTRIBUTES)):
        for attribute in URL_ATTRIBUTES[tag.name]:
            value = _single(tag, attribute)
            if value is None:
                continue
            for url in _urls(attribute, value):
                found.append(
                    Link(
                        path,
                        tag.sourceline or 0,
                        tag.name,
                        attribute,
                        url,
                        tuple(tag.get("rel") or ()),
                        _single(tag, "target") or "",
                    )
                )
    return found


def _ids(soup: BeautifulSoup) -> frozenset[str]:
    """The ids in a page, plus the names of <a> elements, which fragments may also match."""
    ids = {_single(tag, "id") or "" for tag in soup.find_all(id=True)}
    ids.update(_single(tag, "name") or "" for tag in soup.find_all("a", attrs={"name": True}))
    return frozenset(ids)


def read_site(site_dir: Path) -> dict[str, BuiltPage]:
    """Parse every HTML page of a built site once, keyed by its path from the site folder."""
    pages = {}
    for file in sorted(site_dir.rglob("*.html")):
        path = file.relative_to(site_dir).as_posix()
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        pages[path] = BuiltPage(path, _links(path, soup), _ids(soup))
    return pages


def site_url_of(site_dir: Path) -> str | None:
    """The site_url the site was built with: MkDocs writes it as the home page's canonical link."""
    home = site_dir / "index.html"
    if not home.is_file():
        return None
    canonical = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser").find("link", rel="canonical")
    return (_single(canonical, "href") or None) if isinstance(canonical, Tag) else None


def is_off_site(url: str, site_url: str | None) -> bool:
    """True for an http(s) URL on another host, or outside the site's folder on its host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in WEB_SCHEMES and not (parts.netloc and not parts.scheme):
        return False
    site = urlsplit(site_url or PLACEHOLDER_SITE)
    if (parts.hostname or "") != (site.hostname or ""):
        return True
    return not (parts.path or "/").startswith(site.path or "/")


def _target_file(site_dir: Path, path: str) -> str:
    """The file a site path is served from: a folder URL means its index.html."""
    if not path or path.endswith("/") or (site_dir / path).is_dir():
        return (PurePosixPath(path) / "index.html").as_posix()
    return path


def _check_internal(link: Link, site_dir: Path, site_url: str, pages: dict[str, BuiltPage], report: LinkReport) -> None:
    """Resolve one link against its page's URL; report a missing file or fragment."""
    page_url = urljoin(site_url, link.page)
    resolved = urlsplit(urljoin(page_url, link.url))
    base_path = urlsplit(site_url).path
    if not resolved.path.startswith(base_path):
        report.problems.append(
            Problem(link.page, link.line, f"link '{link.url}' -> points above the site's root", FIX_INTERNAL)
        )
        return
    target = _target_file(site_dir, unquote(resolved.path[len(base_path) :]))
    report.internal += 1
    if not (site_dir / target).is_file():
        report.problems.append(Problem(link.page, link.line, f"link '{link.url}' -> no file {target}", FIX_INTERNAL))
        return
    if not resolved.fragment or target not in pages:
        return
    report.fragments += 1
    fragment = unquote(resolved.fragment)
    if fragment not in pages[target].ids and fragment not in TOP_FRAGMENTS:
        report.problems.append(
            Problem(link.page, link.line, f"link '{link.url}' -> no id '{fragment}' in {target}", FIX_INTERNAL)
        )


def check_site(site_dir: Path, site_url: str | None = None) -> LinkReport:
    """Check every internal link and fragment of a built site; collect the links off the site."""
    pages = read_site(site_dir)
    base = site_url or PLACEHOLDER_SITE
    base = base if base.endswith("/") else base + "/"
    report = LinkReport(pages=len(pages))
    for page in pages.values():
        for link in page.links:
            scheme = urlsplit(link.url).scheme.lower()
            if not link.url or scheme in SKIPPED_SCHEMES:
                continue
            if is_off_site(link.url, base):
                report.external.append(link)
            elif scheme and scheme not in WEB_SCHEMES:
                report.problems.append(
                    Problem(link.page, link.line, f"link '{link.url}' -> unknown scheme '{scheme}:'", FIX_INTERNAL)
                )
            else:
                _check_internal(link, site_dir, base, pages, report)
    return report


def external_problems(links: list[Link]) -> list[Problem]:
    """Links off the site must be well-formed URLs, and open safely: rel="noopener" (and noreferrer in a new tab)."""
    problems = []
    for link in links:
        parts = urlsplit(link.url)
        wrong = ""
        if any(char.isspace() or ord(char) < 32 for char in link.url):
            wrong = "has a space or control character"
        elif not parts.hostname:
            wrong = "has no host"
        else:
            try:
                parts.port  # noqa: B018 (reading it validates the port)
            except ValueError:
                wrong = "has a bad port"
        if wrong:
            problems.append(
                Problem(link.page, link.line, f"link '{link.url}' {wrong}", "write the full address, https://host/path")
            )
            continue
        if link.tag not in {"a", "area"}:
            continue
        if "noopener" not in link.rel:
            problems.append(
                Problem(
                    link.page,
                    link.line,
                    f"link '{link.url}' goes off the site without rel=\"noopener\"",
                    'add rel="noopener noreferrer"',
                )
            )
        elif link.target not in {"", "_self"} and "noreferrer" not in link.rel:
            problems.append(
                Problem(
                    link.page,
                    link.line,
                    f"link '{link.url}' opens a new tab without rel=\"noreferrer\"",
                    'add rel="noopener noreferrer"',
                )
            )
    return problems
