"""The active-content judge: what the allow-list drops from rendered HTML, and the source line it came from."""

from __future__ import annotations

from html import escape, unescape
from html.entities import html5

import markdown
import nh3
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import DictLoader, Environment
from kb.active_content import (
    _URL_CHECKED_NAMES,
    ALLOWED_TAGS,
    URL_SCHEMES,
    certainly_clean,
    dropped,
    dropped_tag_by_tag,
    found_problems,
    surely_kept_url,
)
from kb.csp import MARKER, ThemeScripts, inline_scripts, script_hash, with_script_hashes

EXTENSIONS = ["attr_list", "md_in_html", "tables", "footnotes", "toc", "admonition", "abbr", "def_list"]


def problems(source: str) -> list[str]:
    """The problems of a Markdown page rendered as the site renders it."""
    html = markdown.Markdown(extensions=[*EXTENSIONS, "pymdownx.tasklist"]).convert(source)
    return [str(p) for p in found_problems(dropped(html), source, "docs/x.md")]


REFUSED = {
    "script": ("# T\n\n<script>alert(1)</script>\n", 3, "<script> is not allowed in a page"),
    "script in capitals": ("<SCRIPT>alert(1)</SCRIPT>\n", 1, "<script> is not allowed in a page"),
    "iframe": ('<iframe src="https://example.org/"></iframe>\n', 1, "<iframe> is not allowed"),
    "object": ('<object data="x.swf"></object>\n', 1, "<object> is not allowed"),
    "embed": ('<embed src="x.swf">\n', 1, "<embed> is not allowed"),
    "form": ('<form action="/x"></form>\n', 1, "<form> is not allowed"),
    "svg with handler": ("<svg onload=alert(1)></svg>\n", 1, "the attribute onload on <svg> runs code"),
    "svg with use": ('<svg><use href="https://example.org/x.svg#a"/></svg>\n', 1, "<use> is not allowed"),
    "base": ('<base href="https://example.org/">\n', 1, "<base> is not allowed"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://example.org">\n', 1, "<meta> is not allowed"),
    "style element": ("<style>body{display:none}</style>\n", 1, "<style> is not allowed"),
    "onerror": ('Text.\n\n<img src="a.png" alt="a" onerror="alert(2)">\n', 3, "the attribute onerror on <img>"),
    "onclick via attr_list": ('[x](a.md){ onclick="alert(1)" }\n', 1, "the attribute onclick on <a>"),
    "javascript link": ("[x](javascript:alert(3))\n", 1, "the link 'javascript:alert(3)' is a javascript: address"),
    "javascript with entity": ('<a href="jav&#x09;ascript:alert(1)">x</a>\n', 1, "an address the site does not allow"),
    "reference link": ("[x][a]\n\n[a]: JAVASCRIPT:alert(4)\n", 3, "is a javascript: address"),
    "autolink form": ("<javascript:alert(5)>\n", 1, None),
    "vbscript image": ("![x](vbscript:msgbox)\n", 1, "is a vbscript: address"),
    "data link": ("[x](data:text/html;base64,PHNjcmlwdD4=)\n", 1, "is a data: address"),
    "data image": ("![x](data:image/svg+xml,<svg/onload=alert(1)>)\n", 1, None),
    "style that loads": ('<p style="background:url(https://example.org/t.png)">x</p>\n', 1, "the style attribute"),
    "image from elsewhere": ("![x](https://example.org/t.png)\n", 1, "is loaded from another site"),
    "protocol-relative image": ('<img src="//example.org/t.png" alt="t">\n', 1, "has no https: in front"),
    "text input": ('<div markdown><input type="text" name="q"></div>\n', 1, "the attribute type on <input>"),
    "srcdoc": ('<div srcdoc="x">y</div>\n', 1, "the attribute srcdoc on <div> is not allowed"),
}


@pytest.mark.parametrize(("source", "line", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_active_content_is_refused_at_its_line(source: str, line: int, message: str | None) -> None:
    found = problems(source)
    if message is None:  # Markdown itself may escape it; then nothing active reaches the page.
        html = markdown.Markdown(extensions=EXTENSIONS).convert(source)
        assert found or ("javascript:" not in html.lower() and "onload" not in html.lower()), html
        return
    assert found, source
    assert found[0].startswith(f"docs/x.md:{line}: ") and message in found[0], found


SAFE = [
    "# Title\n\nText with **bold**, *em*, `code` and a [link](../about.md#who).",
    "Call [911](tel:911) or [write](mailto:editors@example.org) or read [this](https://example.org/a?b=1).",
    "A source at [an old address](http://example.org/).",
    "![A hip](../img/hip.png)",
    "- [x] done\n- [ ] to do",
    "| a | b |\n|:--|--:|\n| 1 | 2 |",
    "Term[^1].\n\n[^1]: A note.",
    '<div class="kb-no-glossary" markdown>\n\nPlain text.\n\n</div>',
    '<details><summary>More</summary><p id="x" data-x="1" aria-label="y">Text</p></details>',
    "*[AVN]: Avascular necrosis\n\nAVN is a condition.",
    "Dosage\n:   Ask your doctor.",
    "<!-- a comment editors read -->\n\nText.",
]


@pytest.mark.parametrize("source", SAFE)
def test_ordinary_markdown_and_safe_links_pass(source: str) -> None:
    assert problems(source) == []


def test_each_of_several_items_is_at_its_own_line() -> None:
    source = "[a](javascript:one)\n\nText.\n\n[b](javascript:two)\n\n<script>x</script>\n"
    assert [p.split(":", 2)[1] for p in problems(source)] == ["1", "5", "7"]


def test_an_item_not_found_in_the_source_is_reported_at_the_default_line() -> None:
    html = '<p><a href="javascript:hidden()">x</a></p>'
    (problem,) = found_problems(dropped(html), "---\ntitle: x\n---\n\nText.\n", "docs/x.md", default_line=5)
    assert problem.line == 5


CLEAN_PAGE = (
    '<h2 id="s">Walking<a class="headerlink" href="#s" title="Link">&para;</a></h2><p>See <a class="kb-term" '
    'href="../glossary/#avn" aria-describedby="kb-def-avn">AVN</a>, call <a href="tel:911">911</a> or read '
    '<a href="https://www.nhs.uk/a?b=1&amp;c=2">this</a>. Note: a="b" href= stays text.</p><!-- kb: x -->'
    '<table><thead><tr><th>A</th></tr></thead></table><img src="../i.png" alt="">'
    '<svg viewBox="0 0 1 1" role="img"><title>x</title><path d="M0 0"/></svg><details open><summary>s</summary></details>'
)
# Each holds one thing the allow-list refuses, some of them hidden from a quick look.
REFUSED_HTML = [
    '<a href="javascript:x()">a</a>',
    '<a href="java&#x0A;script:x">a</a>',
    '<a href=" JaVaScRiPt:x">a</a>',
    '<a href="java&Tab;script:x">a</a>',
    '<a href="&#1;javascript:x">a</a>',
    '<a href="vbscript:x">a</a>',
    '<img src="//e.com/x.png" alt="">',
    '<img src="https://e.com/x.png" alt="">',
    '<a href="http://exa mple.com">a</a>',  # nh3 drops a URL it cannot parse however lenient it is told to be
    # The parser copies the open <a> into the <h2> and leaves out the <path>: counted alone, they would hide the URL.
    '<a href="mailto:a@b.c">x<h2 id="s"><a href="http://exa mple.com"><path d="M0 0"/></a></h2>',
    '<p onclick="x()">a</p>',
    '<table><tr><td style="color: red">a</td></tr></table>',
    '<input type="text">',
    # An address nh3 cannot parse (its port is too high) among the copies the parser makes of an <a> left open,
    # whose title holds "<a href=": the text then holds as many tag names and URL names as before cleaning.
    '<a href="https://e.org/a b"><a title="<a href=javascript:x>"><ol start="3" type="a" reversed><code>&lt;b&gt;</code>'
    '<a href="https://e.org:99999"><a href="https://e.org/a b">',
    '<a href="x" href="javascript:y">a</a>',  # the browser keeps the first; the second is still reported
    "<script>x()</script>",
    '<object data="x.swf"></object>',
]


def test_a_clean_page_is_known_clean_without_reading_it_in_python() -> None:
    assert certainly_clean(CLEAN_PAGE)
    assert dropped(CLEAN_PAGE) == []


def test_an_allowed_style_is_judged_the_long_way_and_kept() -> None:
    aligned = '<table><tr><th style="text-align: left;">A</th></tr></table>'  # nh3 rewrites the styles it keeps
    assert not certainly_clean(aligned)
    assert dropped(aligned) == []


@pytest.mark.parametrize("html", REFUSED_HTML)
def test_what_the_allow_list_refuses_is_never_taken_for_clean(html: str) -> None:
    assert not certainly_clean(CLEAN_PAGE + html)
    assert dropped(CLEAN_PAGE + html)


PIECES = [
    "<p>", "</p>", "text ", '<a href="../x/">', '<a href="https://e.org/a?b=1&amp;c=2">', "</a>", "<em>", "</em>",
    "<ul><li>", "</li></ul>", '<h2 id="s">', "</h2>", '<svg viewBox="0 0 1 1">', '<path d="M0 0"/>', "</svg>",
    "<!-- note: x -->", "<code>&lt;b&gt;</code>", "Note: ", '<a href="tel:+1">', '<img src="../i.png" alt="">',
    '<span class="k" data-x="1">', "</span>", "\n", " = ", 'a="b" ', "href=", ":", "&amp;", "<table><tr><td>", "</td></tr></table>",
]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES + REFUSED_HTML), max_size=30).map("".join))
def test_html_taken_for_clean_holds_nothing_the_tag_by_tag_judge_drops(html: str) -> None:
    # The quick test may be unsure of clean HTML, never sure of HTML that holds something to refuse.
    assert not certainly_clean(html) or dropped_tag_by_tag(html) == []


def test_renaming_the_names_nh3_checks_urls_under_changes_no_tag_and_no_character_reference() -> None:
    # The quick test renames href, src, ... wherever they appear; the page must parse as it did.
    renamed = [name for name in _URL_CHECKED_NAMES for word in (*ALLOWED_TAGS, *html5) if name in word.lower()]
    assert renamed == []


def test_nh3_writes_the_brackets_of_an_attribute_s_value_as_references() -> None:
    # The quick test takes a start tag's first > for its end, which holds only while nh3 writes them so.
    assert nh3.clean('<p title="a>b<c">x</p>') == '<p title="a&gt;b&lt;c">x</p>'


def test_a_page_holding_the_renaming_character_is_judged_the_long_way() -> None:
    html = CLEAN_PAGE + "<p>\ue000</p>"
    assert not certainly_clean(html)
    assert dropped(html) == []


def test_an_attribute_named_from_an_equals_sign_is_read_and_refused() -> None:
    # HTML's tokenizer lets a name start with "=": the quick test must still see the attribute to judge it.
    html = CLEAN_PAGE + '<p =x="1">a</p>'
    assert not certainly_clean(html)
    assert [(f.tag, f.attribute) for f in dropped(html)] == [("p", "=x")]


def kept_by_nh3(html: str) -> str:
    """``html`` as nh3 keeps it with the site's URL schemes: an href it cannot parse or whose scheme it refuses goes."""
    return nh3.clean(html, tags={"a"}, attributes={"a": {"href"}}, url_schemes=set(URL_SCHEMES), link_rel=None)


SURELY_KEPT_URLS = [
    "../glossary/#avn", "#top", "?q=1", "x.png", "//e.org/x", " https://www.nhs.uk/a?b=1 ", "HTTPS://E.ORG", "http://a-b.c.org.",
    "https://e.org#x", "mailto:a@b.org", "tel:+1 555", "TEL:911", "java script:x", "\xa0javascript:x",
]  # fmt: skip
UNSURE_URLS = [
    "javascript:x", "java\tscript:x", "\x01vbscript:x", "data:text/html,x", "ftp://e.org", "https://999.1.1.1",
    "https://1.2.3.4/", "https://xn--zz.org", "https://e.org:99999", "https://u@e.org", "https://exa mple.org",
    "https:e.org", "https://", "https://-e.org", "mailto://[x", "https://e.org\\x",
]  # fmt: skip


@pytest.mark.parametrize("url", SURELY_KEPT_URLS)
def test_a_url_the_quick_test_vouches_for_is_kept_by_nh3(url: str) -> None:
    assert surely_kept_url(url)
    assert "href=" in kept_by_nh3(f'<a href="{escape(url)}">x</a>')


@pytest.mark.parametrize("url", UNSURE_URLS)
def test_a_url_whose_parse_could_fail_or_whose_scheme_is_refused_is_left_to_the_long_way(url: str) -> None:
    assert not surely_kept_url(url)


URL_PIECES = [
    "https", "http", "HTTP", "mailto", "tel", "javascript", "ftp", "x", ":", "//", "/", "\\", "e", "org", "xn--a", "999",
    "0x1f", "1", "-", ".", "..", "@", ":80", ":99999", " ", "\t", "\n", "\x00", "\x1f", "\xa0", "?", "#", "[", "]", "&amp;",
    "&#x0A;", "%", "\u00e9",
]  # fmt: skip


@given(st.lists(st.sampled_from(URL_PIECES), max_size=12).map("".join))
def test_a_url_the_quick_test_vouches_for_is_never_dropped_by_nh3(url: str) -> None:
    # The rule the quick test applies must never keep what nh3's allow-list drops: its answer may only be "unsure".
    html = f'<a href="{url}">x</a>'
    assert not surely_kept_url(unescape(url)) or "href=" in kept_by_nh3(html)


def test_dropped_reports_the_tag_attribute_and_value() -> None:
    found = dropped('<p><a href="javascript:x()" onclick="y()">z</a></p>')
    assert [(f.tag, f.attribute, f.value) for f in found] == [("a", "href", "javascript:x()"), ("a", "onclick", "y()")]


# --- The policy's hashes --------------------------------------------------------------------------


def test_inline_scripts_are_found_as_the_browser_finds_them() -> None:
    html = (
        '<!-- <script>old()</script> --><SCRIPT TYPE="Module">m()</SCRIPT ><script type=text/javascript>t()</script>'
        '<script type="application/json">{}</script><script data-x="a>b">c()</script><script\nsrc="x.js"></script>'
        '<script type="&#109;odule">e()</script><scripts>not one</scripts>'
    )
    assert inline_scripts(html) == ["m()", "t()", "c()", "e()"]


def test_only_the_trusted_inline_scripts_the_browser_runs_are_hashed() -> None:
    html = (
        f'<meta content="script-src \'self\' {MARKER}"><script>var a=1</script><script src="x.js"></script>'
        '<script type="application/ld+json">{"a": 1}</script><script>var a=1</script><script type="module">b()</script>'
        "<script>alert(1)</script>"
    )
    assert inline_scripts(html) == ["var a=1", "var a=1", "b()", "alert(1)"]
    policy, others = with_script_hashes(html, {"var a=1", "b()"})
    # sha256 of "var a=1" and "b()", each once, base64; never of the script nobody trusted.
    assert policy.startswith(
        "<meta content=\"script-src 'self' 'sha256-WazVQOu5lmXfSreSrMJd1CsaQ4c00fUQpJfBYCuMSIw='"
        " 'sha256-cf242PFc/kb7xD0Qzhsmd9vvRkc+cWFmbi+k+YvtdKc='\">"
    )
    assert others == ["alert(1)"]
    assert script_hash("alert(1)") not in policy
    assert with_script_hashes("<p>no policy</p>", {"x"}) == ("<p>no policy</p>", [])


def theme_with(partials: dict[str, str]) -> Environment:
    """A Jinja environment holding these templates under partials/javascripts/, and a page template elsewhere."""
    return Environment(
        loader=DictLoader({**{f"partials/javascripts/{k}": v for k, v in partials.items()}, "main.html": "x"})
    )


def test_the_theme_s_scripts_are_those_its_partials_write_for_the_page() -> None:
    scripts = ThemeScripts(theme_with({"a.html": '<script>var b="{{ base_url }}"</script>'}), "partials/javascripts/")
    assert scripts.for_context({"base_url": "."}) == {'var b="."'}
    assert scripts.for_context({"base_url": ".."}) == {'var b=".."'}
    assert scripts.for_context({"base_url": "."}) == {'var b="."'}


def test_a_partial_is_rendered_once_for_the_same_values_and_again_for_another_object() -> None:
    rendered = []
    scripts = ThemeScripts(theme_with({"a.html": "<script>{{ note(page) }}</script>"}), "partials/javascripts/")
    first, second = {"title": "A"}, {"title": "A"}  # equal, but two objects: compared by identity

    def note(page: dict) -> str:
        rendered.append(page)
        return "n()"

    for page in (first, first, second):
        assert scripts.for_context({"note": note, "page": page}) == {"n()"}
    assert rendered == [first, second]


def test_a_partial_that_includes_another_is_rendered_for_every_page() -> None:
    rendered = []
    theme = theme_with(
        {"a.html": "{% include 'partials/javascripts/b.html' %}", "b.html": "<script>{{ note() }}</script>"}
    )
    scripts = ThemeScripts(theme, "partials/javascripts/")

    def note() -> str:
        rendered.append(1)
        return "n()"

    for _ in range(2):
        assert scripts.for_context({"note": note}) == {"n()"}
    assert len(rendered) == 3  # b.html on its own once (the same values), and through a.html for both pages
