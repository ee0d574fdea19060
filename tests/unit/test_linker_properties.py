"""Properties of the glossary linker on random Markdown built from glossary terms and ordinary words."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import given
from hypothesis import strategies as st
from kb.glossary import Glossary
from kb.linker import GlossaryExtension, PageState
from material.plugins.search.plugin import Parser as SearchParser

from tests.soup import classes
from tests.unit.test_linker import EXTENSIONS, GLOSSARY_YAML, write_glossary

PLAIN_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "a", "summary"}

TERMS = [
    "AVN",
    "avascular necrosis",
    "Avascular Necrosis",
    "osteonecrosis",
    "ostéonécrose",
    "femoral head",
    "Femoral head",
    "hip ball",
    "core decompression",
    "decompression",
    "INR",
    "inr",
    "NSAIDs",
    "NSAIDS",
]
WORDS = ["the", "pain", "hip", "ball", "core", "head", "femoral", "bone", "walking", "rest", "is", "and", "of"]
TRICKY = ["AVN's", "(AVN)", "AVN-related", "femoral\nhead", "hip\nball", "INR,", "NSAIDs.", "core-decompression"]
PUNCTUATION = [",", ".", ";", ":", "?", "!", "&", "<", ">", "'", "\u2019", "(", ")", "/", "-", "&amp;", '"']
IDS = ["avascular-necrosis", "femoral-head", "inr", "hip-joint"]
EXPLICIT_MARK = "xref"  # starts the text of every explicit glossary link, to tell them from automatic ones


@pytest.fixture(scope="module")
def glossary(tmp_path_factory: pytest.TempPathFactory) -> Glossary:
    loaded = write_glossary(tmp_path_factory.mktemp("glossary"), GLOSSARY_YAML)
    assert loaded.problems == []
    return loaded


token = st.sampled_from(TERMS) | st.sampled_from(WORDS) | st.sampled_from(TRICKY) | st.sampled_from(PUNCTUATION)
plain = st.lists(token, min_size=1, max_size=8).map(" ".join)


@st.composite
def inline(draw: st.DrawFn, explicit: bool = True) -> str:
    """A run of inline Markdown: plain words, code spans, emphasis, links, images and glossary links."""
    kinds = ["plain", "plain", "code", "em", "strong", "link", "image"] + (["glossary"] if explicit else [])
    pieces = []
    for kind in draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=6)):
        text = draw(plain)
        pieces.append(
            {
                "plain": text,
                "code": f"`{text}`",
                "em": f"*{text.strip()}*",
                "strong": f"**{text.strip()}**",
                "link": f"[{text}](https://example.org/)",
                "image": f"![{text}](hip.png)",
                "glossary": f"[{EXPLICIT_MARK} {text}](glossary:{draw(st.sampled_from(IDS))})",
            }[kind]
        )
    return " ".join(pieces)


def title(text: str) -> str:
    """``text`` as an admonition title: one line, no double quotes."""
    return text.replace('"', "").replace("\n", " ")


@st.composite
def block(draw: st.DrawFn, explicit: bool = True) -> str:
    """One Markdown block: paragraph, heading, list, quote, fenced code, admonition, details or opt-out div."""
    kind = draw(
        st.sampled_from(["paragraph", "paragraph", "heading", "list", "quote", "fence", "note", "details", "opt-out"])
    )
    if kind == "heading":
        return f"{'#' * draw(st.integers(1, 6))} {draw(inline(explicit=False))}"
    if kind == "list":
        return "\n".join(f"- {draw(inline(explicit))}" for _ in range(draw(st.integers(1, 3))))
    if kind == "quote":
        return f"> {draw(inline(explicit))}"
    if kind == "fence":
        return f"```text\n{draw(plain)}\n```"
    if kind == "note":
        return f'!!! note "{title(draw(plain))}"\n\n    {draw(inline(explicit))}'
    if kind == "details":
        return f'??? note "{title(draw(plain))}"\n\n    {draw(inline(explicit))}'
    if kind == "opt-out":
        return f'<div class="kb-no-glossary" markdown>\n\n{draw(inline(explicit))}\n\n</div>'
    return draw(inline(explicit))


pages = st.lists(block(), min_size=1, max_size=6).map("\n\n".join)
pages_without_explicit_links = st.lists(block(explicit=False), min_size=1, max_size=6).map("\n\n".join)


def convert(source: str, glossary: Glossary | None, src_uri: str = "treatment/x.md") -> BeautifulSoup:
    """Render ``source``, with the glossary linker when ``glossary`` is given."""
    return BeautifulSoup(convert_html(source, glossary, src_uri), "html.parser")


def convert_html(source: str, glossary: Glossary | None, src_uri: str = "treatment/x.md") -> str:
    """The HTML Python-Markdown writes for ``source``, with the glossary linker when ``glossary`` is given."""
    extensions: list = list(EXTENSIONS)
    if glossary is not None:
        extensions.append(GlossaryExtension(glossary, "glossary.md", PageState(src_uri=src_uri)))
    return markdown.Markdown(extensions=extensions).convert(source)


def visible_text(soup: BeautifulSoup) -> str:
    """The page text without the hidden definitions (and the line break before them)."""
    for box in soup.select("div.kb-term-definitions"):
        box.decompose()
    return soup.get_text().rstrip("\n")


def ancestors(tag: Tag) -> list[Tag]:
    return [parent for parent in tag.parents if isinstance(parent, Tag)]


def explicit(link: Tag) -> bool:
    """True for a link written as ``[text](glossary:id)`` in the source."""
    return link.get_text().startswith(EXPLICIT_MARK + " ")


@given(pages)
def test_linking_never_changes_the_visible_text(glossary: Glossary, source: str) -> None:
    assert visible_text(convert(source, glossary)) == visible_text(convert(source, None))


def search_sections(html: str) -> list[tuple[str, str]]:
    """The words of each section's title and text, as Material's search plugin reads the page to index it.

    Compared as words: search splits on whitespace, and its parser spaces text around tags a little differently.
    """
    parser = SearchParser()
    parser.feed(html)
    parser.close()
    return [
        (" ".join("".join(s.title).split()), " ".join("".join(s.text).split()))
        for s in parser.data
        if not s.is_excluded()
    ]


@given(pages_without_explicit_links)
def test_search_indexes_the_same_words_with_term_links_as_without(glossary: Glossary, source: str) -> None:
    """Search reads the linked page: the links add no words and the hidden definitions are excluded from it."""
    assert search_sections(convert_html(source, glossary)) == search_sections(convert_html(source, None))


@given(pages)
def test_linking_never_nests_links(glossary: Glossary, source: str) -> None:
    soup = convert(source, glossary)
    assert soup.select("a a") == []


@given(pages)
def test_automatic_links_never_appear_where_text_must_stay_plain(glossary: Glossary, source: str) -> None:
    soup = convert(source, glossary)
    for link in soup.select("a.kb-term"):
        if explicit(link):
            continue
        names = {parent.name for parent in ancestors(link)}
        found = {c for parent in ancestors(link) for c in classes(parent)}
        assert not names & PLAIN_TAGS, (link, names)
        assert not found & {"admonition-title", "kb-no-glossary"}, (link, found)


@given(pages)
def test_each_term_is_linked_automatically_at_most_once_and_every_link_has_its_definition(
    glossary: Glossary, source: str
) -> None:
    soup = convert(source, glossary)
    links = soup.select("a.kb-term")
    automatic = [a["aria-describedby"] for a in links if not explicit(a)]
    assert len(automatic) == len(set(automatic))
    assert not set(automatic) & {a["aria-describedby"] for a in links if explicit(a)}
    spans = [span["id"] for span in soup.select("div.kb-term-definitions > span")]
    assert len(spans) == len(set(spans))
    assert {a["aria-describedby"] for a in links} == set(spans)
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))


@given(pages)
def test_the_glossary_page_and_opted_out_pages_are_left_alone(glossary: Glossary, source: str) -> None:
    without = str(convert(source, None))
    assert "kb-term" not in without
    on_glossary_page = convert(source, glossary, src_uri="glossary.md")
    assert all(explicit(a) for a in on_glossary_page.select("a.kb-term"))
    state = PageState(src_uri="x.md", enabled=False)
    html = markdown.Markdown(extensions=[*EXTENSIONS, GlossaryExtension(glossary, "glossary.md", state)]).convert(
        source
    )
    assert all(explicit(a) for a in BeautifulSoup(html, "html.parser").select("a.kb-term"))


def test_the_generator_makes_pages_that_link_terms(glossary: Glossary) -> None:
    """A sanity check that the random pages above can produce links at all."""
    source = "# AVN\n\n- the femoral head and AVN's course\n\n`INR` then INR"
    soup = convert(source, glossary)
    assert [a.get_text() for a in soup.select("a.kb-term")] == ["femoral head", "AVN", "INR"]
