"""The checks the build and ``kb.check`` share beyond the front matter, so both reach one verdict.

Each takes what both sides have (a page's raw text, its rendered HTML, the glossary,
the nav) and returns ``Problem`` values with the file and line an editor can fix.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable

from markdown import Markdown

from . import frontmatter
from .active_content import active_content_problems
from .claims import build_claims, claim_problems
from .external_links import ExternalLinksExtension
from .glossary import GLOSSARY_PAGE, Glossary
from .linker import GlossaryExtension, PageState, _without_code
from .problems import Problem
from .siteconfig import SiteConfig

_NO_GLOSSARY = re.compile(r"^glossary:\s*false\s*$", re.MULTILINE)
# [text](../glossary.md#term-id) and [ref]: glossary.md#term-id, with an optional title.
_GLOSSARY_LINK = re.compile(
    r"\]\(\s*<?(?P<a>[^)\s#>]*glossary\.md)#(?P<aid>[^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)"
    r"|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<b>\S*glossary\.md)#(?P<bid>[^\s>]+)",
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


def active_problems(html: str, raw: str, shown_as: str) -> list[Problem]:
    """Active content in a page's rendered HTML, at its line in the page (its first text line if not found)."""
    return active_content_problems(html, raw, shown_as, body_line(raw))


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


def glossary_anchor_problems(raw: str, src_uri: str, shown_as: str, ids: set[str]) -> list[Problem]:
    """One problem per link to the glossary page whose #anchor is no term and no heading there."""
    if "glossary.md#" not in raw:
        return []
    text = _without_code(raw)
    problems = []
    for match in _GLOSSARY_LINK.finditer(text):
        target, anchor = (match.group("a"), match.group("aid")) if match.group("a") else (match["b"], match["bid"])
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
        if resolved != GLOSSARY_PAGE or anchor in ids:
            continue
        problems.append(
            Problem(
                shown_as,
                text.count("\n", 0, match.start()) + 1,
                f"the link to the glossary names '#{anchor}', which is no term or heading there",
                "use the id of a term in docs/_data/glossary.yml (e.g. #femoral-head), or a glossary: link",
            )
        )
    return problems
