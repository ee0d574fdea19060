"""The checks the build and ``kb.check`` share beyond the front matter, so both reach one verdict.

Each takes what both sides have (a page's raw text, its rendered HTML, the glossary,
the nav) and returns ``Problem`` values with the file and line an editor can fix.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Iterable

from markdown import Markdown

from . import frontmatter
from .active_content import describe, dropped, found_problems
from .claims import build_claims, claim_problems
from .external_links import ExternalLinksExtension
from .glossary import GLOSSARY_PAGE, Glossary
from .linker import GlossaryExtension, PageState, _without_code
from .problems import Problem
from .siteconfig import SiteConfig
from .yaml_lines import YamlError, load

_NO_GLOSSARY = re.compile(r"^glossary:\s*false\s*$", re.MULTILINE)
# [text](../x.md#anchor), [text](#anchor) and [ref]: x.md#anchor, with an optional title; never another site.
_ANCHOR_LINK = re.compile(
    r"\]\(\s*<?(?P<a>(?:[^):\s#>]*\.md)?)#(?P<aid>[^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)"
    r"|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<b>(?:[^:\s#>]*\.md)?)#(?P<bid>[^\s>]+)",
    re.MULTILINE,
)


def body_line(raw: str) -> int:
    """The first line after the front matter (where a page's own text starts), or 1."""
    try:
        return frontmatter.split(frontmatter.normalise(raw)).body_first_line
    except frontmatter.MissingFrontMatterError:
        return 1


def claim_check(glossary: Glossary) -> Callable[[str, str], list[Problem]]:
    """The claims check of a page's raw text, knowing every name the glossary gives a treatment."""
    claims = build_claims(term.names for term in glossary.terms.values())

    def check(raw: str, shown_as: str) -> list[Problem]:
        return claim_problems(raw, shown_as, claims)

    return check


def active_problems(html: str, read_raw: Callable[[], str], shown_as: str) -> list[Problem]:
    """Active content in a page's rendered HTML, at its line in the page (its first text line if not found).

    ``read_raw`` gives the page's source, read only when something is refused (most pages: never).
    """
    found = dropped(html)
    if not found:
        return []
    raw = read_raw()
    return found_problems(found, raw, shown_as, body_line(raw))


def front_matter_problems(raw: str, shown_as: str) -> list[Problem]:
    """Active content in the front matter: the theme writes the title (and the site's templates other fields)
    into every page that lists it, outside the page body the build judges."""
    try:
        found = frontmatter.split(frontmatter.normalise(raw))
        if not any(sign in found.yaml_text for sign in "<&\\"):
            return []  # No value can hold markup: a "<" or "&" is written as itself or as a \ escape.
        loaded = load(found.yaml_text, found.first_line)
    except (frontmatter.MissingFrontMatterError, YamlError):
        return []  # The front-matter check reports these.
    problems = []
    for path, text in _strings(loaded.data, ()):
        if "<" not in text and "&" not in text:
            continue
        for item in dropped(text):
            message, fix = describe(item)
            problems.append(
                Problem(
                    shown_as,
                    loaded.line_of(path, found.first_line),
                    f"in the front matter field '{_field(path)}', {message}",
                    f"{fix}; the front matter holds plain text only",
                )
            )
    return problems


def _field(path: tuple) -> str:
    """The name of the field a value sits under (a list item's list)."""
    return next((key for key in reversed(path) if isinstance(key, str)), "front matter")


def _strings(value: object, path: tuple) -> Iterable[tuple[tuple, str]]:
    """Every text value in parsed YAML, with its key path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


class Renderer:
    """Render pages as the build does: the extensions of mkdocs.yml, the glossary linker and the link marker."""

    def __init__(self, config: SiteConfig, glossary: Glossary, state: PageState) -> None:
        self.config, self.state = config, state
        # One linker for every page: it indexes the glossary's names once.
        self.own = [GlossaryExtension(glossary, GLOSSARY_PAGE, state), ExternalLinksExtension()]

    def __call__(self, raw: str, src_uri: str) -> str:
        """The HTML of the page body, as Markdown renders it; the linker's state says which terms it linked."""
        text = frontmatter.normalise(raw)
        try:
            found = frontmatter.split(text)
            body = "\n".join(text.split("\n")[found.body_first_line - 1 :])
            self.state.enabled = not _NO_GLOSSARY.search(found.yaml_text)
        except frontmatter.MissingFrontMatterError:
            body, self.state.enabled = text, True
        self.state.src_uri = src_uri
        md = Markdown(
            extensions=[*self.config.extensions, *self.own],
            extension_configs=self.config.settings,
        )
        return md.convert(body)


def nav_problems(nav_pages: set[str] | None, pages: Iterable[str], shown_dir: str) -> list[Problem]:
    """One problem per page that the nav of mkdocs.yml leaves out (none when there is no nav)."""
    if nav_pages is None:
        return []
    return [
        Problem(
            f"{shown_dir}/{page}",
            1,
            "the page is not in the nav: of mkdocs.yml, so no menu leads to it",
            f"add the line - {page} under its section in mkdocs.yml (make new-page does this for you)",
        )
        for page in sorted(pages)
        if page not in nav_pages
    ]


def anchor_problems(raw: str, src_uri: str, shown_as: str, anchors: dict[str, set[str]]) -> list[Problem]:
    """One problem per link from this page to a #anchor that the page it names lacks (``anchors``: ids by page).

    MkDocs reports these too, but without the line; links to pages it does not know are left to it.
    """
    if "#" not in raw or ("](" not in raw and "]:" not in raw):
        return []  # Every such link holds both; blanking out code, which the search needs first, cannot make them.
    text = _without_code(raw)
    problems = []
    for match in _ANCHOR_LINK.finditer(text):
        target, anchor = (match["a"], match["aid"]) if match["aid"] is not None else (match["b"], match["bid"])
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target)) if target else src_uri
        if resolved not in anchors or anchor in anchors[resolved]:
            continue
        line = text.count("\n", 0, match.start()) + 1
        if resolved == GLOSSARY_PAGE:
            message = f"the link to the glossary names '#{anchor}', which is no term or heading there"
            fix = "use the id of a term in docs/_data/glossary.yml (e.g. #femoral-head), or a glossary: link"
        else:
            # Ids the site's own markup adds (term definitions, footnotes) are no place to send a reader.
            headings = sorted(i for i in anchors[resolved] if not i.startswith(("kb-", "fn:", "fnref:", "__")))
            close = difflib.get_close_matches(anchor, headings, n=1)
            message = f"the link names '#{anchor}', which is no heading or anchor on {resolved}"
            fix = f"did you mean #{close[0]}?" if close else f"link to a heading of {resolved} by its id"
            fix += " (a heading's id is its title in lower case, words joined by hyphens)"
        problems.append(Problem(shown_as, line, message, fix))
    return problems
