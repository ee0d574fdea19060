"""What one build knows about the site: loaded once, from one place, and made afresh by every build.

``mkdocs serve`` rebuilds in the same process and loads each hook file once, so a hook must not keep
what a build found in its own module: each event asks ``state_for(config)``, which makes a new state
whenever MkDocs starts a build with a new config object.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from .csp import ThemeScripts, with_script_hashes
from .glossary import GLOSSARY, GLOSSARY_PAGE, Glossary, glossary_page_problems, load_glossary
from .glossary import page_problems as term_page_problems
from .linker import PageState, explicit_link_problems, unused_term_problems
from .pages import DATA_DIR, PagesCheck, check_pages, shown_docs_dir
from .problems import Problem
from .search_terms import SYNONYMS, Synonyms, keywords_by_page, load_synonyms
from .search_terms import page_problems as synonym_page_problems
from .siteconfig import nav_pages
from .verdict import active_problems, anchor_problems, claim_check, front_matter_problems, nav_problems


class BuildConfig(Protocol):
    """The two settings of MkDocs' config that locate the site (kb imports nothing from MkDocs)."""

    @property
    def docs_dir(self) -> str: ...

    @property
    def config_file_path(self) -> str: ...


@dataclass
class BuildState:
    """The site's checked data, and what the build learns page by page."""

    config: BuildConfig
    shown: str  # The docs folder as editors see it, for messages: "docs".
    checked: PagesCheck  # Site data, the records of the pages that passed, and the problems found.
    glossary: Glossary
    synonyms: Synonyms
    keywords: dict[str, list[str]]  # Hidden search words by page.
    claims: Callable[[str, str], list[Problem]]
    linker_page: PageState = field(default_factory=PageState)  # The page the glossary linker renders.
    linked_terms: dict[str, list[str]] = field(default_factory=dict)  # The term ids each page links, in order.
    cited: dict[str, list[str]] = field(default_factory=dict)  # The source ids each page cites, in order.
    unknown_term_links: bool = False  # A page links a term the glossary lacks: the unused-term check waits.
    refused_active: bool = False  # A page or its front matter was refused for active content.
    reported_scripts: set[str] = field(default_factory=set)  # Inline scripts already reported once.
    theme_context: dict = field(default_factory=dict)  # The last render's context, for the theme's scripts.
    theme_scripts: ThemeScripts | None = None  # The theme's script partials, loaded once the theme's env is.
    indexed_entries: int = 0  # Search index entries already given their page's keywords.

    @property
    def glossary_shown(self) -> str:
        """The glossary data file as editors see it."""
        return f"{self.shown}/{DATA_DIR}/{GLOSSARY}"

    def load_problems(self) -> list[Problem]:
        """What loading found: the data files, every page's front matter, citations and figures."""
        return self.checked.problems + self.glossary.problems + self.synonyms.problems

    def page_text_problems(self, raw: str, src_uri: str) -> list[Problem]:
        """Unsupported claims in a page's text and active content in its front matter."""
        shown_as = f"{self.shown}/{src_uri}"
        refused = front_matter_problems(raw, shown_as)
        self.refused_active |= bool(refused)
        return self.claims(raw, shown_as) + refused

    def active_content_problems(self, html: str, read_raw: Callable[[], str], src_uri: str) -> list[Problem]:
        """Active content in a page's HTML, judged against the allow-list at the line it came from (``read_raw``)."""
        refused = active_problems(html, read_raw, f"{self.shown}/{src_uri}")
        self.refused_active |= bool(refused)
        return refused

    def nav_problems(self, nav: object, pages: list[str]) -> list[Problem]:
        """Pages the ``nav:`` setting of mkdocs.yml leaves out (none when it has no nav)."""
        return nav_problems(nav_pages(nav), pages, self.shown)

    def anchor_link_problems(self, pages: dict[str, tuple[str, set[str]]]) -> list[Problem]:
        """Links to #anchors that the page they name lacks; ``pages``: each page's raw text and ids by path."""
        anchors = {src_uri: ids for src_uri, (_raw, ids) in pages.items()}
        if GLOSSARY_PAGE in anchors:
            anchors[GLOSSARY_PAGE] = anchors[GLOSSARY_PAGE] | set(self.glossary.terms)  # Its entries come in on_env.
        return [
            problem
            for src_uri, (raw, _ids) in pages.items()
            for problem in anchor_problems(raw, src_uri, f"{self.shown}/{src_uri}", anchors)
        ]

    def with_script_hashes(self, html: str, theme_scripts: set[str], shown_as: str) -> tuple[str, list[Problem]]:
        """The page with its policy's hashes, and a problem for each inline script that is not the theme's.

        One problem a script, not one a page the nav carries it to. A page or front matter already refused is
        its likely source and has its message; this one is for what the gate cannot see (templates, mkdocs.yml).
        """
        hashed, others = with_script_hashes(html, theme_scripts)
        problems = []
        for script in others:
            if script in self.reported_scripts or self.refused_active:
                continue
            self.reported_scripts.add(script)
            problems.append(
                Problem(
                    shown_as,
                    1,
                    f"the built page holds an inline script that is not the theme's own ('{script.strip()[:60]}'),"
                    " so its Content-Security-Policy blocks it",
                    "remove it; put the site's own code in a file under overrides/assets/javascripts/",
                )
            )
        return hashed, problems

    def term_link_problems(self, raw: str, src_uri: str) -> list[Problem]:
        """Explicit links to terms the glossary lacks; while there are any, no term is called unused."""
        found = explicit_link_problems(raw, f"{self.shown}/{src_uri}", self.glossary)
        self.unknown_term_links |= bool(found)
        return found

    def unused_term_problems(self) -> list[Problem]:
        """Terms no page links, unless a misspelt link or a broken entry is the reason (as kb.check decides)."""
        if self.unknown_term_links or self.glossary.problems:
            return []
        used = {term_id for term_ids in self.linked_terms.values() for term_id in term_ids}
        return unused_term_problems(self.glossary, used, self.glossary_shown)

    def site_problems(self, pages: set[str]) -> list[Problem]:
        """What needs the list of pages: terms and synonyms naming no page, and the glossary page's marker."""
        glossary_page = Path(self.config.docs_dir) / GLOSSARY_PAGE
        glossary_text = glossary_page.read_text(encoding="utf-8", errors="replace") if glossary_page.is_file() else None
        return (
            term_page_problems(self.glossary, pages, self.glossary_shown)
            + glossary_page_problems(self.glossary, glossary_text, f"{self.shown}/{GLOSSARY_PAGE}")
            + synonym_page_problems(self.synonyms, pages, f"{self.shown}/{DATA_DIR}/{SYNONYMS}")
        )


def load_build_state(config: BuildConfig, today: date) -> BuildState:
    """Read and check the site's data and pages for one build."""
    docs_dir = Path(config.docs_dir)
    shown = shown_docs_dir(config.docs_dir, config.config_file_path)
    glossary = load_glossary(docs_dir / DATA_DIR / GLOSSARY, f"{shown}/{DATA_DIR}/{GLOSSARY}")
    synonyms = load_synonyms(docs_dir / DATA_DIR / SYNONYMS, f"{shown}/{DATA_DIR}/{SYNONYMS}")
    return BuildState(
        config=config,
        shown=shown,
        checked=check_pages(docs_dir, today=today, shown_dir=shown),
        glossary=glossary,
        synonyms=synonyms,
        keywords=keywords_by_page(glossary, synonyms),
        claims=claim_check(glossary),
    )


_current: list[BuildState] = []  # At most one: the state of the build in progress.


def state_for(config: BuildConfig) -> BuildState:
    """The state of the build ``config`` belongs to: loaded on its first call, so every build starts afresh."""
    if not _current or _current[0].config is not config:
        _current[:] = [load_build_state(config, date.today())]
    return _current[0]
