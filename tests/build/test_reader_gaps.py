"""The seven questions of issue 22 have their answers on the built site, reached from where readers ask them.

Each topic has a page (or a section of one), is in the nav, and is linked from the pages that raise the
question. The rule for pain during exercise is one snippet, shown word for word wherever it appears, and
no page gives a 0-10 limit of its own. Each check is also run on bad input, which it must catch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from kb.pages import page_files

from tests.sitebuild import ROOT
from tests.soup import attr, one

DOCS = ROOT / "docs"
BASE = "https://example.org/"  # Any absolute base: only the path of a resolved link is compared.


@dataclass(frozen=True)
class Topic:
    """A reader's question: the page (and section) that answers it, and the pages that raise it."""

    name: str
    page: str
    section: str | None
    raised_on: tuple[str, ...]


TOPICS = (
    Topic(
        "AVN in both hips",
        "living/both-hips.md",
        None,
        ("treatment/assistive-devices.md", "living/daily-life.md", "about-avn/where-it-happens.md", "living/index.md"),
    ),
    Topic(
        "who treats AVN and how you get there",
        "living/who-treats-avn.md",
        None,
        ("living/questions-for-your-care-team.md", "about-avn/diagnosis.md", "living/index.md"),
    ),
    Topic(
        "what partial weight means with crutches",
        "treatment/assistive-devices.md",
        "partial-weight",
        ("treatment/rest-and-weight-bearing.md", "living/both-hips.md", "physical-therapy/after-hip-replacement.md"),
    ),
    Topic(
        "support and other reliable sources",
        "living/support-and-other-sources.md",
        None,
        ("living/daily-life.md", "living/when-to-get-help.md", "living/index.md"),
    ),
    Topic(
        "money and work",
        "living/money-and-work.md",
        None,
        ("living/daily-life.md", "treatment/rest-and-weight-bearing.md", "living/index.md"),
    ),
    Topic(
        "children and teenagers",
        "about-avn/children.md",
        None,
        ("about-avn/causes-and-risk-factors.md", "about-avn/index.md"),
    ),
    Topic(
        "after a hip replacement",
        "physical-therapy/after-hip-replacement.md",
        None,
        ("treatment/surgery.md", "living/daily-life.md"),
    ),
)
IDS = [topic.name for topic in TOPICS]


def url_of(src_uri: str) -> str:
    """The site path of a Markdown source, as MkDocs writes it (directory URLs)."""
    stem = src_uri.removesuffix(".md")
    stem = stem.removesuffix("index").rstrip("/") if stem.endswith("index") else stem
    return f"{stem}/" if stem else ""


def built(site_dir: Path, src_uri: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url_of(src_uri) / "index.html").read_text(encoding="utf-8"), "html.parser")


def links_to(soup: BeautifulSoup, src_uri: str, target: str, section: str | None, scope: str = "article") -> bool:
    """Whether a link inside ``scope`` of the page ``src_uri`` leads to ``target`` (and its ``section``)."""
    here = BASE + url_of(src_uri)
    for link in soup.select(f"{scope} a[href]"):
        parts = urlsplit(urljoin(here, attr(link, "href")))
        if parts.path == urlsplit(BASE + url_of(target)).path and (section is None or parts.fragment == section):
            return True
    return False


def _words(text: str) -> str:
    return " ".join(text.split())


# --- Each topic: its page or section, the nav, and the links that lead to it ----------------------


@pytest.mark.parametrize("topic", TOPICS, ids=IDS)
def test_each_topic_has_its_page_or_section(site_dir: Path, topic: Topic) -> None:
    article = built(site_dir, topic.page).select_one("article")
    assert article is not None and article.h1 is not None
    if topic.section:
        heading = article.find(id=topic.section)
        assert heading is not None and heading.name in {"h2", "h3"}, f"no section #{topic.section}"
        following = heading.find_next_siblings(limit=3)
        assert len(_words(" ".join(el.get_text() for el in following)).split()) > 40, "the section is empty"


@pytest.mark.parametrize("topic", TOPICS, ids=IDS)
def test_each_topic_page_is_in_the_nav(site_dir: Path, topic: Topic) -> None:
    # The home page carries the whole primary nav, as every page does.
    assert links_to(built(site_dir, "index.md"), "index.md", topic.page, None, scope="nav.md-nav--primary")


@pytest.mark.parametrize("topic", TOPICS, ids=IDS)
def test_pages_that_raise_the_question_link_to_its_answer(site_dir: Path, topic: Topic) -> None:
    missing = [src for src in topic.raised_on if not links_to(built(site_dir, src), src, topic.page, topic.section)]
    assert missing == [], f"no link to {topic.page}#{topic.section or ''} on {missing}"


def test_link_check_catches_a_page_without_the_link_or_with_the_wrong_section() -> None:
    page = BeautifulSoup(
        '<article><a href="../assistive-devices/">aids</a> <a href="../../living/daily-life/">life</a></article>',
        "html.parser",
    )
    assert links_to(page, "treatment/rest-and-weight-bearing.md", "treatment/assistive-devices.md", None)
    assert not links_to(
        page, "treatment/rest-and-weight-bearing.md", "treatment/assistive-devices.md", "partial-weight"
    )
    assert not links_to(page, "treatment/rest-and-weight-bearing.md", "living/money-and-work.md", None)


def test_url_of_follows_the_directory_urls_of_mkdocs() -> None:
    assert url_of("index.md") == ""
    assert url_of("about-avn/index.md") == "about-avn/"
    assert url_of("living/both-hips.md") == "living/both-hips/"


# --- What each answer must hold -------------------------------------------------------------------


def test_support_page_puts_crisis_lines_beside_the_self_harm_line(site_dir: Path) -> None:
    article = one(built(site_dir, "living/support-and-other-sources.md"), "article")
    self_harm = next(li for li in article.select(".care-emergency li") if "harm yourself" in li.get_text())
    assert {a["href"] for a in self_harm.select('a[href^="tel:"]')} >= {"tel:988", "tel:116123", "tel:131114"}
    hosts = {urlsplit(attr(a, "href")).hostname for a in article.select('table a[href^="http"]')}
    assert hosts >= {"www.niams.nih.gov", "rarediseases.org", "rheumatology.org", "www.sicklecellsociety.org"}


def test_after_hip_replacement_has_cards_for_dislocation_clots_and_infection(site_dir: Path) -> None:
    article = one(built(site_dir, "physical-therapy/after-hip-replacement.md"), "article")
    emergency = _words(one(article, ".care-emergency").get_text())
    urgent = _words(one(article, ".care-urgent").get_text())
    assert "slipped out of its socket" in emergency and "chest pain" in emergency and "fever" in emergency
    assert "calf" in urgent and "wound" in urgent
    text = _words(article.get_text())
    for needed in ("In hospital", "walker or crutches", "hip precautions", "Do not drive", "86 in 100"):
        assert needed in text, needed


def test_children_page_names_perthes_and_sickle_cell_and_a_childrens_team(site_dir: Path) -> None:
    text = _words(one(built(site_dir, "about-avn/children.md"), "article").get_text())
    assert "Perthes disease" in text and "sickle cell" in text and "children's orthopaedic team" in text


def test_money_page_points_to_where_to_ask_in_several_countries(site_dir: Path) -> None:
    article = one(built(site_dir, "living/money-and-work.md"), "article")
    hosts = {urlsplit(attr(a, "href")).hostname for a in article.select('a[href^="http"]')}
    assert {"askjan.org", "www.scope.org.uk"} <= hosts
    assert "Other countries" in article.get_text()


# --- One rule for pain during exercise --------------------------------------------------------------

SNIPPET = '--8<-- "exercise-pain-rule.md"'
RULE = _words((DOCS / "_snippets" / "exercise-pain-rule.md").read_text(encoding="utf-8")).replace("**", "")
RULE_START = RULE.split(":")[0] + ":"
INCLUDING = {
    "living/daily-life.md",
    "living/both-hips.md",
    "physical-therapy/exercises.md",
    "physical-therapy/exercises-to-avoid.md",
    "physical-therapy/exercise-log.md",
    "physical-therapy/water-and-low-impact.md",
    "physical-therapy/avoiding-setbacks.md",
}
_SCALE = re.compile(r"\b0 to 10\b|\bout of 10\b|/10\b|\b\d+ or (?:less|more)\b|\babove \d+\b|\bbelow \d+\b", re.I)
_LIMIT = re.compile(r"\b(stop|ok|okay|safe|limit|too much|fine)\b", re.I)


def rule_variants(text: str) -> list[str]:
    """Each place where a page's text starts the pain rule and then says something else."""
    text = _words(text)
    return [
        text[i : i + len(RULE)]
        for i in [m.start() for m in re.finditer(re.escape(RULE_START), text)]
        if text[i : i + len(RULE)] != RULE
    ]


def own_pain_limits(markdown: str) -> list[str]:
    """Sentences that set a pain limit on a 0-10 scale of their own instead of including the snippet."""
    body = markdown.split("\n---\n", 1)[-1].replace(SNIPPET, "")
    return [s for s in re.split(r"(?<=[.!?])\s+", _words(body)) if _SCALE.search(s) and _LIMIT.search(s)]


def test_the_pain_rule_is_a_0_to_10_rule() -> None:
    assert "0 (no pain) to 10" in RULE and "3 or less" in RULE and "Stop" in RULE


def test_pages_that_speak_of_pain_during_exercise_include_the_one_rule() -> None:
    pages = {path.relative_to(DOCS).as_posix(): path.read_text(encoding="utf-8") for path in page_files(DOCS)}
    assert {uri for uri, markdown in pages.items() if SNIPPET in markdown} >= INCLUDING
    assert {uri: found for uri, markdown in pages.items() if (found := own_pain_limits(markdown))} == {}


def test_built_pages_show_the_pain_rule_word_for_word(site_dir: Path) -> None:
    shown = {}
    for page in sorted(site_dir.rglob("*.html")):
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
        text = _words(article.get_text()) if article else ""
        if RULE_START in text:
            assert rule_variants(text) == [], page
            shown[page.relative_to(site_dir).parent.as_posix() + "/"] = text.count(RULE)
    assert {url_of(uri): 1 for uri in INCLUDING}.items() <= shown.items()


def test_pain_rule_checks_catch_another_wording_and_a_limit_of_a_page_s_own() -> None:
    changed = RULE.replace("3 or less", "5 or less")
    assert rule_variants(f"Intro. {changed} More text.") != []
    assert rule_variants(f"Intro. {RULE} More text.") == []
    assert own_pain_limits("---\ntitle: x\n---\n\nSome pain is fine. Stop if it goes above 5 out of 10.\n")
    assert own_pain_limits(f"---\ntitle: x\n---\n\n{SNIPPET}\n\nScore your pain from 0 to 10 before you start.\n") == []
