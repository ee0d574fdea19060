"""Refuse active content in a page: judge its rendered HTML against an allow-list, report at the source line.

The judge is nh3 (the Ammonia sanitizer): a maintained HTML parser with URL and
entity handling that hand-written regular expressions get wrong. Every start tag
of the page is numbered before cleaning, so whatever the sanitizer drops (a tag,
an attribute, a URL with a scheme outside the list) is known exactly, and then
found again in the Markdown source for its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from typing import Any

import nh3

from .figures import SVG_ATTRIBUTES, SVG_TAGS
from .places import places
from .problems import Problem

# What Python-Markdown, its extensions (tables, footnotes, admonitions, details, tabs,
# task lists, toc, abbr, def lists) and the site's own extensions write. Nothing that
# runs code, loads another document or submits anything.
ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "aside", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
        "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "s",
        "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    }
)  # fmt: skip
GENERIC_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role", "hidden", "tabindex", "name"})
GENERIC_PREFIXES = ("aria-", "data-")  # Any attribute whose name starts so, on any tag.
TAG_ATTRIBUTES = {
    "a": {"href", "rel", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "time": {"datetime"},
    "details": {"open"},
    "label": {"for"},
    "col": {"span"},
    "colgroup": {"span"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
# Figures and icon arrays (kb.figure_markdown) inline their SVG.
ALLOWED_TAGS |= SVG_TAGS
TAG_ATTRIBUTES.update({tag: set(SVG_ATTRIBUTES) for tag in SVG_TAGS})
# Task lists (pymdownx.tasklist) write a disabled checkbox; an input of any other type could be part of a form.
INPUT_VALUES = {"type": {"checkbox"}, "disabled": {"", "disabled"}, "checked": {"", "checked"}}
# Links to pages and files of this site (relative), to other sites (some sources are only at http: addresses),
# and to call or write to someone: the emergency numbers are tel: links.
URL_SCHEMES = frozenset({"https", "http", "mailto", "tel"})
# Python-Markdown writes text-align for aligned table columns; any other property (url(), expressions) is refused.
STYLE_PROPERTIES = frozenset({"text-align"})
_MARK = "data-kb-n"
_EVENT = re.compile(r"^on", re.IGNORECASE)
_INPUT = re.compile(r"<input", re.IGNORECASE)
# nh3 writes each attribute as name="value", with & and " escaped, and each < of text as &lt;: in its output a
# start tag is one match of this expression (comments aside), which reads the page far faster than HTMLParser.
# An attribute's name holds no space, / or >, and = only as its first character (HTML's tokenizer allows that).
_SERIALIZED_TAG = re.compile(r'<!--.*?-->|<([a-zA-Z][^\s/>]*)((?:\s+[^\s/>][^\s/>=]*(?:="[^"]*")?)*)\s*/?>', re.DOTALL)
# Every name a start tag could have (and more: names in comments and text), lowercased as the parser does.
_TAG_NAME = re.compile(r"<([a-z][^\t\n\f\r />]*)")
_ALLOWED_NAMES = frozenset(tag.lower() for tag in ALLOWED_TAGS)
_SERIALIZED_ATTRIBUTE = re.compile(r'([^\s/>][^\s/>=]*)(?:="([^"]*)")?')
_URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "data", "poster", "xlink:href"})
_OTHER_ORIGIN = re.compile(r"^\s*[/\\]{2}")
_SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.\-]*)\s*:", re.IGNORECASE)
_TAG_FIX = {
    "script": "remove it: a page holds no code (the site's own scripts live in overrides/ and assets/)",
    "iframe": "remove it and link to the page instead: [what it shows](https://...)",
    "object": "remove it and link to the file instead",
    "embed": "remove it and link to the file instead",
    "form": "remove it: the site takes no input; link to the page that has the form",
    "style": "remove it: the site's CSS (overrides/assets/stylesheets/kb.css) styles every page",
    "link": "remove it: the theme loads the site's styles",
    "meta": "remove it: the theme writes the page's meta tags from its front matter",
    "base": "remove it: it would change where every link on the page goes",
}


@dataclass(frozen=True)
class Found:
    """One thing the sanitizer dropped: the tag, the attribute (None for the whole tag) and its value."""

    tag: str
    attribute: str | None
    value: str


class _StartTags(HTMLParser):
    """Collect every start tag with its attributes, and where it starts in the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str]], tuple[int, int]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, [(name, value or "") for name, value in attrs], self.getpos()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _start_tags(html: str) -> list[tuple[str, list[tuple[str, str]], tuple[int, int]]]:
    parser = _StartTags()
    parser.feed(html)
    parser.close()
    return parser.tags


def _attributes(serialized: str) -> list[tuple[str, str]]:
    """The (name, value) pairs of one start tag as nh3 writes it."""
    return _SERIALIZED_ATTRIBUTE.findall(serialized)


def _kept_marks(cleaned: str) -> dict[int, dict[str, str]]:
    """The attributes of each numbered start tag in nh3's output, by its number."""
    kept = {}
    for match in _SERIALIZED_TAG.finditer(cleaned):
        if match.group(1) is None:
            continue  # a comment
        attrs = {
            name.lower(): unescape(value) if "&" in value else value for name, value in _attributes(match.group(2))
        }
        if _MARK in attrs:
            kept[int(attrs[_MARK])] = attrs
    return kept


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Keep an input's attributes only with the values a task-list checkbox has."""
    if tag == "input" and attribute != _MARK:
        return value if value.lower() in INPUT_VALUES.get(attribute, set()) else None
    return value


# What the allow-list and the quick test's lenient run share: the tags, what goes with script and style,
# comments kept, no rel added, the URL schemes.
_PARSE_AS_PAGES: dict[str, Any] = {
    "tags": set(ALLOWED_TAGS),
    "clean_content_tags": {"script", "style"},
    "strip_comments": False,
    "link_rel": None,
    "url_schemes": set(URL_SCHEMES),
}


def _allow_list(attribute_filter: Callable[[str, str, str], str | None] | None) -> nh3.Cleaner:
    """The allow-list as an nh3 cleaner, made once: nh3 would convert every option on each call."""
    attributes = {tag: set(names) for tag, names in TAG_ATTRIBUTES.items()}
    attributes["input"] = set(INPUT_VALUES)
    attributes["*"] = set(GENERIC_ATTRIBUTES)
    return nh3.Cleaner(
        **_PARSE_AS_PAGES,
        attributes=attributes,
        attribute_filter=attribute_filter,
        generic_attribute_prefixes=set(GENERIC_PREFIXES),
        filter_style_properties=set(STYLE_PROPERTIES),
    )


# The filter judges only inputs, and nh3 calls it for every attribute: a page without an input goes without it.
_ALLOW_LIST = _allow_list(None)
_ALLOW_LIST_WITH_INPUTS = _allow_list(_attribute_filter)
# The same tags with every attribute (every name starts with the empty prefix), for the quick test to judge.
_LENIENT = nh3.Cleaner(**_PARSE_AS_PAGES, generic_attribute_prefixes={""})


def _clean(html: str) -> str:
    """The page as the allow-list keeps it."""
    return (_ALLOW_LIST_WITH_INPUTS if _INPUT.search(html) else _ALLOW_LIST).clean(html)


def certainly_clean(html: str) -> bool:
    """True only if the allow-list keeps all of ``html``, found with one nh3 run and no HTML parser in Python.

    nh3 writes the page in its regular form keeping every attribute of every allowed tag (a lenient run), and
    each attribute is then held to the rule ammonia applies with the allow-list (``_surely_kept``). ammonia
    drops a URL it cannot parse whatever it is told, so the names it parses URLs under are renamed for that run:
    it keeps them, and the rule judges their URLs. False means unsure: a style (nh3 rewrites the ones it keeps),
    an input's values, a file from elsewhere and anything the rule cannot vouch for go to ``dropped_tag_by_tag``.
    """
    lowered = html.lower()
    if not _ALLOWED_NAMES.issuperset(_TAG_NAME.findall(lowered)) or "<input" in lowered or _RENAMED in html:
        return False
    if len(lowered) != len(html):
        return False  # A letter whose lowercase is longer (İ): the renaming below finds its places in ``lowered``.
    renamed = _with_url_names_renamed(html, lowered)
    lenient = _LENIENT.clean(renamed)
    # Renamed names missing from nh3's output, or more of them (the parser's copy of an element left open, an <a>),
    # show an element or a repeated attribute the parser dropped: the tag-by-tag judge says what they held.
    if lenient.count(_RENAMED) != renamed.count(_RENAMED):
        return False
    return all(_surely_kept(tag, attributes) for tag, attributes in _START_TAG_WITH_ATTRIBUTES.findall(lenient))


# The attribute names under which ammonia parses a URL (``is_url_attr`` in its source; "action" also in
# "formaction"). Renaming puts a private-use character, which no page holds, before each place they appear:
# in names, values and text alike. No allowed tag and no character reference holds one of them, so the page
# parses as before, and taking the character out gives back each name and value as written.
_URL_CHECKED_NAMES = ("href", "src", "action", "data", "ping", "poster")
_RENAMED = "\ue000"
# nh3 also writes each < and > of an attribute's value as &lt; and &gt; (tests/unit/test_active_content.py holds
# it to that): a start tag's first > ends it. This finds every one with attributes, and any such text in a comment.
_START_TAG_WITH_ATTRIBUTES = re.compile(r"<([a-zA-Z][^\s/>]*)(\s[^>]*)>")


def _with_url_names_renamed(html: str, lowered: str) -> str:
    """``html`` with ``_RENAMED`` before each of ``_URL_CHECKED_NAMES`` in any case (``lowered``: the same length)."""
    starts = sorted(at for name in _URL_CHECKED_NAMES for at in places(lowered, name))
    pieces, done = [], 0
    for at in starts:
        pieces += [html[done:at], _RENAMED]
        done = at
    return "".join(pieces) + html[done:]


_TAG_ATTRIBUTE_NAMES = {tag: frozenset(names) for tag, names in TAG_ATTRIBUTES.items()}
# The URL parser (the WHATWG standard, which the url crate under nh3 follows) first strips C0 controls and spaces
# from both ends and removes every tab and newline; a scheme is a letter, then letters, digits, + . or -, then ":".
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_URL_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
# A web address whose parse cannot fail: host labels of letters and digits joined by single hyphens, the last
# starting with a letter (so never read as an IPv4 number, and never "xn--", which IDNA would decode), no user
# or port, then a path, query or fragment, whose parse never fails.
_PLAIN_WEB_ADDRESS = re.compile(r"//(?:[a-z0-9]+(?:-[a-z0-9]+)*\.)*[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.?(?:[/?#]|$)", re.I)


@lru_cache(maxsize=8192)  # Pages repeat the same start tags (a term's link, a heading's anchor) many times.
def _surely_kept(tag: str, attributes: str) -> bool:
    """Whether the allow-list keeps every attribute of one start tag as nh3 writes it; False if unsure.

    Ammonia keeps an attribute whose name it allows (on every tag, by prefix or on this tag) and, if the name is
    href or src, whose URL has no scheme or parses with an allowed one (``is_url_attr`` in its source).
    """
    allowed = _TAG_ATTRIBUTE_NAMES.get(tag, frozenset())
    for renamed, value in _SERIALIZED_ATTRIBUTE.findall(attributes):
        name = renamed.replace(_RENAMED, "")
        if name not in GENERIC_ATTRIBUTES and name not in allowed and not name.startswith(GENERIC_PREFIXES):
            return False
        if name == "style" or ":" in name:  # nh3 rewrites a style; a namespaced name is compared without its prefix.
            return False
        if name in _URL_ATTRIBUTES:
            url = (unescape(value) if "&" in value else value).replace(_RENAMED, "")
            if not surely_kept_url(url) or _loads_from_elsewhere(name, url):
                return False
    return True


def surely_kept_url(url: str) -> bool:
    """Whether nh3 surely keeps this URL: it has no scheme, or one of ``URL_SCHEMES`` and a parse that cannot fail."""
    url = _TAB_OR_NEWLINE.sub("", url.strip(_C0_AND_SPACE))
    scheme = _URL_SCHEME.match(url)
    if scheme is None:
        return True  # A relative address, which the allow-list keeps.
    rest = url[scheme.end() :]
    match scheme.group(1).lower():
        case "http" | "https":
            return bool(_PLAIN_WEB_ADDRESS.match(rest))
        case "mailto" | "tel":
            return not rest.startswith("/")  # Without // there is no host to parse, so the parse cannot fail.
        case _:
            return False


def dropped(html: str) -> list[Found]:
    """Everything in ``html`` that the allow-list does not keep, in document order."""
    return [] if certainly_clean(html) else dropped_tag_by_tag(html)


def dropped_tag_by_tag(html: str) -> list[Found]:
    """The same, found by numbering every start tag and looking for each in nh3's output."""
    tags = _start_tags(html)
    line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
    # Number each start tag, just after its name, to find it again after cleaning.
    pieces, done = [], 0
    for number, (tag, _attrs, (line, column)) in enumerate(tags):
        at = line_starts[line - 1] + column + 1 + len(tag)
        pieces += [html[done:at], f' {_MARK}="{number}"']
        done = at
    kept = _kept_marks(_clean("".join(pieces) + html[done:]))
    found: list[Found] = []
    for number, (tag, attrs, _pos) in enumerate(tags):
        if tag not in ALLOWED_TAGS:
            found.append(Found(tag, None, ""))
        elif number in kept:
            kept_attrs = kept[number]
            for name, value in attrs:
                if (
                    name not in kept_attrs
                    or (name != "style" and kept_attrs[name] != value)
                    or _loads_from_elsewhere(name, value)
                    or (name == "style" and _properties(kept_attrs[name]) != _properties(value))
                ):
                    found.append(Found(tag, name, value))
        # A tag missing for another reason sat inside a refused tag, which is reported already.
    return found


def _loads_from_elsewhere(attribute: str, value: str) -> bool:
    """An image from another site (the site loads nothing from another origin), or //host/x, which nh3 keeps."""
    return (attribute == "src" and bool(_SCHEME.match(value))) or (
        attribute in _URL_ATTRIBUTES and bool(_OTHER_ORIGIN.match(value))
    )


def _properties(style: str) -> list[str]:
    return [part.split(":", 1)[0].strip().lower() for part in style.split(";") if part.strip()]


def describe(item: Found) -> tuple[str, str]:
    """The message and the fix for one dropped thing."""
    if item.attribute is None:
        fix = _TAG_FIX.get(item.tag, "remove it, or write the same in Markdown")
        return f"<{item.tag}> is not allowed in a page: it could run code or load content in the reader's browser", fix
    if _EVENT.match(item.attribute):
        return (
            f"the attribute {item.attribute} on <{item.tag}> runs code in the reader's browser",
            "remove the attribute",
        )
    if item.attribute == "style":
        return (
            f"the style attribute on <{item.tag}> can load content or change how the page looks",
            "remove it: the site's CSS styles every page",
        )
    if item.attribute in _URL_ATTRIBUTES:
        scheme = _SCHEME.match(item.value)
        if _loads_from_elsewhere(item.attribute, item.value) and not _SCHEME.match(item.value):
            return (
                f"the address '{_short(item.value)}' has no https: in front, so it loads from another site",
                "write the full https:// address as a link, or put the file in docs/ and link to it",
            )
        if item.attribute == "src" and scheme and scheme.group(1).lower() in URL_SCHEMES:
            return (
                f"the image '{_short(item.value)}' is loaded from another site, which learns who reads the page",
                "save the image in docs/ (if its licence allows) and link to that file",
            )
        named = f"a {scheme.group(1).lower()}: address" if scheme else "an address the site does not allow"
        return (
            f"the link '{_short(item.value)}' is {named}, which could run code or hide content",
            "link to a page of this site or to an https:// address (mailto: and tel: work too)",
        )
    return f"the attribute {item.attribute} on <{item.tag}> is not allowed in a page", "remove the attribute"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _needles(item: Found) -> list[re.Pattern[str]]:
    """What to look for in the Markdown source, most precise first."""
    if item.attribute is None:
        return [re.compile(rf"<\s*{re.escape(item.tag)}\b", re.IGNORECASE)]
    needles = []
    if item.value.strip():
        needles.append(re.compile(re.escape(item.value.strip()[:40]), re.IGNORECASE))
    scheme = _SCHEME.match(item.value)
    if scheme:
        needles.append(re.compile(rf"{re.escape(scheme.group(1))}\s*:", re.IGNORECASE))
    needles.append(re.compile(rf"\b{re.escape(item.attribute)}\s*=", re.IGNORECASE))
    return needles


def source_lines(raw: str, found: list[Found], default: int = 1) -> list[int]:
    """The line of ``raw`` each item comes from: the k-th item with a needle is at its k-th match."""
    used: dict[str, int] = {}
    lines = []
    for item in found:
        line = default
        for needle in _needles(item):
            matches = [raw.count("\n", 0, m.start()) + 1 for m in needle.finditer(raw)]
            if matches:
                seen = used.get(needle.pattern, 0)
                used[needle.pattern] = seen + 1
                line = matches[min(seen, len(matches) - 1)]
                break
        lines.append(line)
    return lines


def found_problems(found: list[Found], raw: str, shown_as: str, default_line: int = 1) -> list[Problem]:
    """One problem per thing the allow-list dropped (``dropped``), at its line in ``raw`` (else ``default_line``)."""
    problems = []
    for item, line in zip(found, source_lines(raw, found, default_line), strict=True):
        message, fix = describe(item)
        problems.append(Problem(shown_as, line, message, fix))
    return problems
