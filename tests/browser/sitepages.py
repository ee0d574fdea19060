"""Which pages the browser tests visit: every Markdown page under docs/, as its URL path in the built site."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from kb.pages import check_pages, page_files

from tests.sitebuild import ROOT

DOCS = ROOT / "docs"
# A path that is no page: the host answers it with 404.html, which the tests check like any page.
MISSING_PAGE = "no-such-page/"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def page_path(source: PurePosixPath) -> str:
    """The URL path, relative to the site root, that MkDocs gives a Markdown file (directory URLs)."""
    parts = list(source.with_suffix("").parts)
    if parts[-1] in ("index", "README"):
        parts.pop()
    return "".join(part + "/" for part in parts)


def content_pages(docs: Path = DOCS) -> list[str]:
    """URL paths of all pages, known before the build so tests can be parametrised at collection time."""
    return sorted(page_path(PurePosixPath(path.relative_to(docs).as_posix())) for path in page_files(docs))


def medical_pages(docs: Path = DOCS) -> list[str]:
    """URL paths of the pages whose front matter makes them medical (disclaimer, review dates, sources)."""
    records = check_pages(docs, today=date.today()).records
    return sorted(page_path(PurePosixPath(src)) for src, record in records.items() if record.medical)


def sitemap_paths(site_dir: Path) -> tuple[str, list[str]]:
    """The site's path prefix on its host and the page paths under it, read from the built sitemap.xml."""
    locations = [urlsplit(loc.text or "").path for loc in ET.parse(site_dir / "sitemap.xml").iter(f"{SITEMAP_NS}loc")]
    prefix = min(locations, key=len)
    return prefix, sorted(location.removeprefix(prefix) for location in locations)
