"""The link crawler on small built sites: good links pass, each kind of bad link is reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from kb.sitelinks import check_site, external_problems, is_off_site, site_url_of

SITE_URL = "https://example.org/kb/"


def _page(body: str, head: str = "") -> str:
    return f"<!doctype html>\n<html><head>{head}</head>\n<body>\n{body}\n</body></html>\n"


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for path, html in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(html, encoding="utf-8")
    return tmp_path


GOOD = {
    "index.html": _page(
        '<a href="guide/">Guide</a> <a href="guide/#step-2">Step 2</a> <a href="#intro">Intro</a>\n'
        '<h2 id="intro">Intro</h2> <a href="guide/index.html#old">Old anchor</a>\n'
        '<img src="img/a%20b.png" srcset="img/a%20b.png 1x, img/big.png 2x" alt="">\n'
        '<a href="https://example.org/kb/guide/">Own site, absolute</a> <a href="/kb/guide/">Root path</a>\n'
        '<a href="mailto:editors@example.org">Mail</a> <a href="#">Top</a> <a href="#top">Top</a>\n'
        '<a href="https://doi.org/10.1/x" rel="noopener noreferrer">DOI</a>\n'
        '<form action="search/"></form>',
        head=f'<link rel="canonical" href="{SITE_URL}"><link rel="stylesheet" href="assets/kb.css">'
        '<script src="assets/kb.js"></script>',
    ),
    "guide/index.html": _page('<h2 id="step-2">Step 2</h2><a name="old"></a><a href="../">Home</a>'),
    "search/index.html": _page("Search"),
    "img/a b.png": "",
    "img/big.png": "",
    "assets/kb.css": "",
    "assets/kb.js": "",
}


def test_good_site_has_no_problems_and_counts_what_it_checked(tmp_path: Path) -> None:
    site = _site(tmp_path, GOOD)
    report = check_site(site, site_url_of(site))
    assert report.problems == []
    assert report.pages == 3
    # index: 4 page links, 3 image URLs, 2 own-site links, '#', '#top', form, canonical, css, js; guide: 1
    assert report.internal == 16
    assert report.fragments == 4
    assert [link.url for link in report.external] == ["https://doi.org/10.1/x"]


def test_site_url_comes_from_the_home_page_canonical_link(tmp_path: Path) -> None:
    assert site_url_of(_site(tmp_path, GOOD)) == SITE_URL
    assert site_url_of(tmp_path / "nowhere") is None


def test_missing_file_is_reported_with_page_line_and_href(tmp_path: Path) -> None:
    site = _site(
        tmp_path, {"index.html": _page('<a href="gone/">Gone</a>'), "a/index.html": _page('<img src="x.png">')}
    )
    problems = [str(p) for p in check_site(site).problems]
    assert problems == [
        "a/index.html:4: link 'x.png' -> no file a/x.png; fix the link in the page's Markdown or in the template that writes it",
        "index.html:4: link 'gone/' -> no file gone/index.html; fix the link in the page's Markdown or in the template that writes it",
    ]


def test_missing_fragment_is_reported_on_the_same_page_and_on_another(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "index.html": _page('<a href="#nope">x</a>\n<a href="other/#step-3">y</a>'),
            "other/index.html": _page('<h2 id="step-2">Step 2</h2>'),
        },
    )
    messages = [p.message for p in check_site(site).problems]
    assert messages == [
        "link '#nope' -> no id 'nope' in index.html",
        "link 'other/#step-3' -> no id 'step-3' in other/index.html",
    ]


def test_link_above_the_root_and_unknown_scheme_are_reported(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": _page('<a href="../../elsewhere/">x</a> <a href="glossary:inr">INR</a>')})
    messages = [p.message for p in check_site(site, SITE_URL).problems]
    assert messages == [
        "link '../../elsewhere/' -> points above the site's root",
        "link 'glossary:inr' -> unknown scheme 'glossary:'",
    ]


def test_other_path_on_the_same_host_is_off_the_site() -> None:
    assert is_off_site("https://example.org/other-project/", SITE_URL)
    assert is_off_site("//cdn.example.net/x.js", SITE_URL)
    assert not is_off_site("https://example.org/kb/guide/", SITE_URL)
    assert not is_off_site("../guide/", SITE_URL)


@pytest.mark.parametrize(
    ("anchor", "message"),
    [
        (
            '<a href="https://doi.org/10.1/x">x</a>',
            "link 'https://doi.org/10.1/x' goes off the site without rel=\"noopener\"",
        ),
        (
            '<a href="https://doi.org/10.1/x" rel="noopener" target="_blank">x</a>',
            "link 'https://doi.org/10.1/x' opens a new tab without rel=\"noreferrer\"",
        ),
        (
            '<a href="https://doi.org/10.1/a b" rel="noopener">x</a>',
            "link 'https://doi.org/10.1/a b' has a space or control character",
        ),
        ('<a href="https:///path" rel="noopener">x</a>', "link 'https:///path' has no host"),
        ('<a href="https://doi.org:99999/" rel="noopener">x</a>', "link 'https://doi.org:99999/' has a bad port"),
    ],
)
def test_unsafe_or_malformed_external_link_is_reported(tmp_path: Path, anchor: str, message: str) -> None:
    site = _site(tmp_path, {"index.html": _page(anchor)})
    report = check_site(site, SITE_URL)
    assert report.problems == []
    assert [p.message for p in external_problems(report.external)] == [message]


def test_safe_external_links_pass(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "index.html": _page(
                '<a href="https://doi.org/1" rel="noopener">a</a> '
                '<a href="http://pubmed.example/2" rel="nofollow noopener noreferrer" target="_blank">b</a>'
            )
        },
    )
    report = check_site(site, SITE_URL)
    assert len(report.external) == 2
    assert external_problems(report.external) == []
