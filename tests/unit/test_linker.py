"""The glossary linker on its own: a Python-Markdown extension, without MkDocs."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup, Tag
from kb.glossary import Glossary, load_glossary
from kb.linker import GlossaryExtension, PageState, explicit_link_problems, unused_term_problems

from tests.soup import attr, one, parent

SHOWN_AS = "docs/_data/glossary.yml"

GLOSSARY_YAML = """\
- term: avascular necrosis
  aliases: [AVN, osteonecrosis, ostéonécrose]
  definition: Death of bone tissue because its blood supply is cut off.
  see_also: [femoral-head]
- term: femoral head
  aliases: [hip ball]
  definition: The ball at the top of the thigh bone that sits in the hip socket.
- term: core decompression
  definition: Surgery that drills small channels into the femoral head to relieve pressure.
- term: decompression
  definition: Any procedure that relieves pressure inside a bone & joint.
- term: INR
  definition: A blood test number that shows how fast your blood clots.
- term: NSAIDs
  definition: Anti-inflammatory pain medicines such as ibuprofen and naproxen.
"""

EXTENSIONS = ["toc", "attr_list", "admonition", "md_in_html", "pymdownx.superfences", "pymdownx.details"]


def write_glossary(folder: Path, text: str) -> Glossary:
    """Load ``text`` as the glossary data file, written into ``folder``."""
    path = folder / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return load_glossary(path, SHOWN_AS)


@pytest.fixture
def glossary(tmp_path: Path) -> Glossary:
    loaded = write_glossary(tmp_path, GLOSSARY_YAML)
    assert [str(p) for p in loaded.problems] == []
    return loaded


def make_markdown(glossary: Glossary, state: PageState) -> markdown.Markdown:
    """The Markdown converter the site uses, with the glossary linker."""
    return markdown.Markdown(extensions=[*EXTENSIONS, GlossaryExtension(glossary, "glossary.md", state)])


def render(glossary: Glossary, source: str, src_uri: str = "treatment/x.md", enabled: bool = True) -> BeautifulSoup:
    """Render ``source`` as the page ``src_uri`` and parse the HTML."""
    state = PageState(src_uri=src_uri, enabled=enabled)
    return BeautifulSoup(make_markdown(glossary, state).convert(source), "html.parser")


def term_links(soup: BeautifulSoup) -> list[Tag]:
    return soup.select("a.kb-term")


def linked(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """(link text, href) of every term link, in page order."""
    return [(a.get_text(), attr(a, "href")) for a in term_links(soup)]


def definitions(soup: BeautifulSoup) -> dict[str, str]:
    """The hidden definitions: span id -> text."""
    box = soup.select_one("div.kb-term-definitions")
    return {} if box is None else {attr(span, "id"): span.get_text() for span in box.find_all("span")}


# First mention, hrefs and definitions


def test_only_the_first_mention_of_a_term_is_linked(glossary: Glossary) -> None:
    soup = render(glossary, "AVN hurts. AVN again.\n\nLater, AVN once more and the femoral head.")
    assert linked(soup) == [
        ("AVN", "../glossary.md#avascular-necrosis"),
        ("femoral head", "../glossary.md#femoral-head"),
    ]
    assert one(soup, "p").get_text() == "AVN hurts. AVN again."


def test_an_alias_and_the_term_share_one_first_mention(glossary: Glossary) -> None:
    soup = render(glossary, "Osteonecrosis, also called avascular necrosis or AVN.")
    assert linked(soup) == [("Osteonecrosis", "../glossary.md#avascular-necrosis")]


@pytest.mark.parametrize(
    ("src_uri", "href"),
    [
        ("index.md", "glossary.md#femoral-head"),
        ("treatment/x.md", "../glossary.md#femoral-head"),
        ("treatment/surgery/x.md", "../../glossary.md#femoral-head"),
        ("treatment/index.md", "../glossary.md#femoral-head"),
    ],
)
def test_the_link_is_relative_to_the_page(glossary: Glossary, src_uri: str, href: str) -> None:
    assert linked(render(glossary, "The femoral head.", src_uri=src_uri)) == [("femoral head", href)]


def test_a_term_link_is_described_by_its_hidden_definition(glossary: Glossary) -> None:
    soup = render(glossary, "AVN affects the femoral head.")
    first, second = term_links(soup)
    assert first["aria-describedby"] == "kb-def-avascular-necrosis"
    assert second["aria-describedby"] == "kb-def-femoral-head"
    box = soup.select_one("div.kb-term-definitions")
    assert box is not None
    assert box.has_attr("hidden")
    assert box.has_attr("data-search-exclude")
    assert definitions(soup) == {
        "kb-def-avascular-necrosis": "Death of bone tissue because its blood supply is cut off.",
        "kb-def-femoral-head": "The ball at the top of the thigh bone that sits in the hip socket.",
    }


def test_the_definitions_come_last_on_the_page(glossary: Glossary) -> None:
    soup = render(glossary, "AVN.\n\n- a list\n\nEnd.")
    last = [child for child in soup.children if isinstance(child, Tag)][-1]
    assert "kb-term-definitions" in last["class"]


def test_a_page_without_terms_has_no_definitions(glossary: Glossary) -> None:
    soup = render(glossary, "Nothing to see here.")
    assert soup.select("div.kb-term-definitions") == []
    assert term_links(soup) == []


def test_the_state_lists_the_terms_in_order_of_first_use_and_resets_per_page(glossary: Glossary) -> None:
    state = PageState(src_uri="treatment/x.md")
    md = make_markdown(glossary, state)
    md.convert("INR and NSAIDs and INR.")
    assert state.used == ["inr", "nsaids"]
    md.reset()
    md.convert("Only the femoral head.")
    assert state.used == ["femoral-head"]


def test_ids_are_unique(glossary: Glossary) -> None:
    source = "# AVN\n\nAVN, the femoral head, [hip ball](glossary:femoral-head) and INR.\n\n## INR\n\nINR and AVN."
    soup = render(glossary, source)
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    described = {a["aria-describedby"] for a in term_links(soup)}
    assert described == set(definitions(soup))


# Matching inside Markdown


def test_the_longest_term_is_linked(glossary: Glossary) -> None:
    soup = render(glossary, "After core decompression, decompression alone.")
    assert linked(soup) == [
        ("core decompression", "../glossary.md#core-decompression"),
        ("decompression", "../glossary.md#decompression"),
    ]


def test_abbreviations_keep_their_case(glossary: Glossary) -> None:
    assert linked(render(glossary, "Your inr and nsaids.")) == []
    assert [t for t, _ in linked(render(glossary, "Your INR and NSAIDs."))] == ["INR", "NSAIDs"]


def test_ordinary_words_ignore_case(glossary: Glossary) -> None:
    assert [t for t, _ in linked(render(glossary, "Femoral Head pain."))] == ["Femoral Head"]


def test_a_term_split_across_lines_is_linked_with_its_line_break(glossary: Glossary) -> None:
    soup = render(glossary, "Pain in the femoral\nhead.")
    assert [t for t, _ in linked(soup)] == ["femoral\nhead"]


def test_a_term_inside_emphasis_is_linked_inside_it(glossary: Glossary) -> None:
    soup = render(glossary, "*AVN* and **femoral head**")
    assert attr(one(one(soup, "em"), "a"), "href") == "../glossary.md#avascular-necrosis"
    assert attr(one(one(soup, "strong"), "a"), "href") == "../glossary.md#femoral-head"


def test_possessive_and_brackets_link_but_a_compound_word_does_not(glossary: Glossary) -> None:
    assert [t for t, _ in linked(render(glossary, "AVN-related pain, AVN's course."))] == ["AVN"]
    assert str(one(render(glossary, "AVN-related pain, AVN's course."), "a").next_sibling).startswith("'s course")
    assert [t for t, _ in linked(render(glossary, "Avascular necrosis (INR)."))] == ["Avascular necrosis", "INR"]


def test_a_non_ascii_alias_is_linked(glossary: Glossary) -> None:
    assert linked(render(glossary, "Une ostéonécrose.")) == [("ostéonécrose", "../glossary.md#avascular-necrosis")]


# Places that stay plain


@pytest.mark.parametrize("level", range(1, 7))
def test_headings_stay_plain(glossary: Glossary, level: int) -> None:
    soup = render(glossary, f"{'#' * level} Living with AVN\n\nAVN in the text.")
    assert one(soup, f"h{level}").find("a") is None
    assert [(parent(a).name, a.get_text()) for a in term_links(soup)] == [("p", "AVN")]


def test_the_table_of_contents_keeps_plain_heading_text(glossary: Glossary) -> None:
    state = PageState(src_uri="treatment/x.md")
    md = make_markdown(glossary, state)
    md.convert("# AVN and the femoral head\n\n## INR checks\n\nAVN and INR.")
    (top,) = md.toc_tokens  # type: ignore[attr-defined]  # The toc extension adds it to the Markdown object.
    assert top["name"] == "AVN and the femoral head"
    assert top["html"] == "AVN and the femoral head"
    assert top["children"][0]["name"] == "INR checks"
    assert top["children"][0]["html"] == "INR checks"
    assert "kb-term" not in md.toc  # type: ignore[attr-defined]  # Likewise.


def test_existing_links_stay_as_they_are_and_are_never_nested(glossary: Glossary) -> None:
    soup = render(glossary, "[AVN and the femoral head](https://example.org/) then AVN.")
    assert soup.select("a a") == []
    outside = one(soup, 'a[href="https://example.org/"]')
    assert outside.get_text() == "AVN and the femoral head"
    assert "class" not in outside.attrs
    assert [t for t, _ in linked(soup)] == ["AVN"]


def test_inline_code_stays_plain(glossary: Glossary) -> None:
    soup = render(glossary, "Type `AVN` here, then AVN.")
    assert one(soup, "code").get_text() == "AVN"
    assert [parent(a).name for a in term_links(soup)] == ["p"]


def test_fenced_code_stays_plain(glossary: Glossary) -> None:
    soup = render(glossary, "```text\nAVN and the femoral head\n```\n\nAVN")
    assert one(soup, "pre").find("a") is None
    assert "AVN and the femoral head" in one(soup, "pre").get_text()
    assert [t for t, _ in linked(soup)] == ["AVN"]


def test_indented_code_stays_plain(glossary: Glossary) -> None:
    soup = render(glossary, "Text.\n\n    AVN in code\n\nAVN")
    assert one(soup, "pre").find("a") is None
    assert [t for t, _ in linked(soup)] == ["AVN"]


def test_an_admonition_title_stays_plain_but_its_body_links(glossary: Glossary) -> None:
    soup = render(glossary, '!!! note "Femoral head"\n\n    The femoral head is the ball.')
    assert one(soup, ".admonition-title").find("a") is None
    assert [(parent(a).name, a.get_text()) for a in term_links(soup)] == [("p", "femoral head")]


def test_a_details_summary_stays_plain_but_its_body_links(glossary: Glossary) -> None:
    soup = render(glossary, '??? note "AVN"\n\n    AVN in the body.')
    assert one(soup, "summary").get_text() == "AVN"
    assert one(soup, "summary").find("a") is None
    assert one(one(one(soup, "details"), "p"), "a").get_text() == "AVN"


def test_image_alt_text_stays_plain(glossary: Glossary) -> None:
    soup = render(glossary, "![AVN of the femoral head](hip.png) AVN")
    assert attr(one(soup, "img"), "alt") == "AVN of the femoral head"
    assert [t for t, _ in linked(soup)] == ["AVN"]


def test_an_opt_out_block_stays_plain(glossary: Glossary) -> None:
    source = '<div class="kb-no-glossary" markdown>\n\nAVN and the *femoral head*.\n\n</div>\n\nAVN outside.'
    soup = render(glossary, source)
    assert one(soup, "div.kb-no-glossary").find("a") is None
    assert [(parent(a).name, a.get_text()) for a in term_links(soup)] == [("p", "AVN")]


def test_a_page_can_opt_out(glossary: Glossary) -> None:
    soup = render(glossary, "AVN and the femoral head.", enabled=False)
    assert soup.find("a") is None
    assert soup.select("div.kb-term-definitions") == []


def test_the_glossary_page_gets_no_automatic_links(glossary: Glossary) -> None:
    soup = render(glossary, "## Femoral head\n\nThe femoral head and AVN.", src_uri="glossary.md")
    assert soup.find("a") is None
    assert soup.select("div.kb-term-definitions") == []


def test_a_glossary_page_elsewhere_is_linked_relative_to_it(glossary: Glossary) -> None:
    state = PageState(src_uri="about/terms.md")
    html = markdown.Markdown(extensions=[GlossaryExtension(glossary, "about/terms.md", state)]).convert("AVN")
    assert "<a" not in html
    state = PageState(src_uri="treatment/x.md")
    html = markdown.Markdown(extensions=[GlossaryExtension(glossary, "about/terms.md", state)]).convert("AVN")
    assert 'href="../about/terms.md#avascular-necrosis"' in html


# Explicit glossary links


def test_an_explicit_link_becomes_a_term_link(glossary: Glossary) -> None:
    soup = render(glossary, "The [hip ball](glossary:femoral-head) is the femoral head.")
    (link,) = term_links(soup)
    assert link.get_text() == "hip ball"
    assert link["href"] == "../glossary.md#femoral-head"
    assert link["aria-describedby"] == "kb-def-femoral-head"
    assert definitions(soup) == {
        "kb-def-femoral-head": "The ball at the top of the thigh bone that sits in the hip socket."
    }


def test_an_explicit_link_counts_as_the_first_mention_even_when_it_comes_later(glossary: Glossary) -> None:
    soup = render(glossary, "The femoral head first.\n\nThen the [ball](glossary:femoral-head).")
    assert linked(soup) == [("ball", "../glossary.md#femoral-head")]
    assert list(definitions(soup)) == ["kb-def-femoral-head"]


def test_an_explicit_link_still_works_on_a_page_that_opts_out(glossary: Glossary) -> None:
    soup = render(glossary, "AVN and the [hip ball](glossary:femoral-head).", enabled=False)
    assert linked(soup) == [("hip ball", "../glossary.md#femoral-head")]
    assert list(definitions(soup)) == ["kb-def-femoral-head"]


def test_an_explicit_link_to_an_unknown_id_points_at_the_glossary_without_a_definition(glossary: Glossary) -> None:
    soup = render(glossary, "The [hip joint](glossary:hip-joint).")
    link = one(soup, "a")
    assert link["href"] == "../glossary.md#hip-joint"
    assert "class" not in link.attrs
    assert "aria-describedby" not in link.attrs
    assert definitions(soup) == {}


def test_explicit_link_problems_name_the_unknown_id_and_its_line(glossary: Glossary) -> None:
    raw = "---\ntitle: X\n---\n\n# X\n\nThe [ball](glossary:femoral-head).\nThe [joint](glossary:hip-joint) and [AVN](glossary:AVN).\n"
    problems = [str(p) for p in explicit_link_problems(raw, "docs/treatment/x.md", glossary)]
    fix = "use the id of a term in docs/_data/glossary.yml (its slug, e.g. femoral-head)"
    assert problems == [
        f"docs/treatment/x.md:8: the glossary link names an unknown term 'hip-joint'; {fix}",
        f"docs/treatment/x.md:8: the glossary link names an unknown term 'AVN'; {fix}",
    ]


def test_explicit_link_problems_are_empty_for_known_ids(glossary: Glossary) -> None:
    raw = "[a](glossary:inr) [b](glossary:avascular-necrosis) [c](https://example.org/glossary:x)"
    assert explicit_link_problems(raw, "docs/x.md", glossary) == []


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        ('[joint](glossary:hip-joint "The hip joint")\n', 1),
        ("[joint](<glossary:hip-joint>)\n", 1),
        ("Intro.\n\n[joint]( glossary:hip-joint 'title' )\n", 3),
        ("[joint][j]\n\n[j]: glossary:hip-joint\n", 3),
        ('[joint][j]\n\n[j]: <glossary:hip-joint> "title"\n', 3),
    ],
    ids=["title", "angle-brackets", "spaces-and-single-quotes", "reference", "reference-angle-title"],
)
def test_explicit_link_problems_find_every_markdown_link_form(glossary: Glossary, raw: str, line: int) -> None:
    assert attr(one(render(glossary, raw), "a"), "href") == "../glossary.md#hip-joint"
    assert [p.line for p in explicit_link_problems(raw, "docs/x.md", glossary)] == [line]


def test_explicit_link_problems_ignore_code(glossary: Glossary) -> None:
    raw = "Write a link like this:\n\n```markdown\n[hip ball](glossary:your-id)\n```\n\nor `[x](glossary:id)`.\n"
    assert render(glossary, raw).find("a") is None
    assert explicit_link_problems(raw, "docs/x.md", glossary) == []


def test_explicit_link_problems_resume_after_code(glossary: Glossary) -> None:
    raw = (
        "~~~~\n[a](glossary:x)\n~~~\nstill code\n~~~~\n"
        "Inline ``[b](glossary:y) with ` inside`` then [c](glossary:unknown).\n"
        "    !!! note\n\n        ```\n        [d](glossary:z)\n        ```\n\n[e](glossary:also-unknown)\n"
    )
    found = explicit_link_problems(raw, "docs/x.md", glossary)
    assert [(p.line, p.message) for p in found] == [
        (6, "the glossary link names an unknown term 'unknown'"),
        (13, "the glossary link names an unknown term 'also-unknown'"),
    ]


def test_unused_term_problems_name_each_unused_term_with_its_line(glossary: Glossary) -> None:
    used = {"avascular-necrosis", "femoral-head", "core-decompression", "decompression"}
    fix = "use it in a page, add the page's word for it as an alias, or remove the entry"
    assert [str(p) for p in unused_term_problems(glossary, used, SHOWN_AS)] == [
        f"docs/_data/glossary.yml:12: the term 'INR' is used on no page; {fix}",
        f"docs/_data/glossary.yml:14: the term 'NSAIDs' is used on no page; {fix}",
    ]


# Escaping


def test_a_definition_with_a_script_is_refused_so_it_never_reaches_the_page(tmp_path: Path) -> None:
    text = "- term: AVN\n  definition: Bone death <script>alert(1)</script> from a lost blood supply.\n"
    refused = write_glossary(tmp_path, text)
    assert [str(p) for p in refused.problems] == [
        "docs/_data/glossary.yml:2: the definition of 'AVN' contains HTML; use plain text: no <, > or &...; entities"
    ]
    assert refused.terms == {}
    html = make_markdown(refused, PageState(src_uri="x.md")).convert("AVN")
    assert html == "<p>AVN</p>"


def test_ampersands_and_angle_brackets_in_the_page_stay_escaped(glossary: Glossary) -> None:
    html = make_markdown(glossary, PageState(src_uri="x.md")).convert("AVN & INR < 3 & femoral head > 2")
    paragraph = html.split("<div")[0]
    assert "AVN</a> &amp; <a" in paragraph
    assert "</a> &lt; 3 &amp; <a" in paragraph
    assert "</a> &gt; 2</p>" in paragraph


def test_an_ampersand_in_a_definition_is_escaped(glossary: Glossary) -> None:
    html = make_markdown(glossary, PageState(src_uri="x.md")).convert("Decompression.")
    assert (
        '<span id="kb-def-decompression">Any procedure that relieves pressure inside a bone &amp; joint.</span>' in html
    )


# Glossary data quirks that reach the linker


@pytest.mark.parametrize("name", ["Perthes' disease", "Crohn's disease", "St. John's wort", "hip (joint) pain"])
def test_every_accepted_term_name_can_be_linked(tmp_path: Path, name: str) -> None:
    loaded = write_glossary(tmp_path, f'- term: "{name}"\n  definition: A made-up definition for this one test.\n')
    assert loaded.problems == [] and len(loaded.terms) == 1
    soup = render(loaded, f"Some {name} here.")
    assert [t for t, _ in linked(soup)] == [name]


def test_a_term_without_latin_letters_keeps_its_own_script_in_its_id(tmp_path: Path) -> None:
    text = (
        "- term: остеонекроз\n  definition: Death of bone tissue from lost blood flow.\n"
        "- term: 骨坏死\n  definition: Death of bone tissue, written in Chinese.\n"
    )
    loaded = write_glossary(tmp_path, text)
    assert loaded.problems == []
    assert sorted(loaded.terms) == sorted(["остеонекроз", "骨坏死"])
    soup = render(loaded, "Остеонекроз бедра.")
    link = one(soup, "a")
    assert attr(link, "href").endswith("glossary.md#остеонекроз") and link["aria-describedby"] == "kb-def-остеонекроз"


def on_its_own(folder: Path, source: str, **options: str) -> BeautifulSoup:
    """Render ``source`` with the linker named in ``extensions`` by its module, as ``markdown_extensions:`` names it."""
    settings = {"glossary_file": str(folder / "glossary.yml"), **options}
    html = markdown.Markdown(extensions=[*EXTENSIONS, "kb.linker"], extension_configs={"kb.linker": settings})
    return BeautifulSoup(html.convert(source), "html.parser")


def test_on_its_own_it_reads_the_glossary_file_and_links_from_the_docs_folder(tmp_path: Path) -> None:
    write_glossary(tmp_path, GLOSSARY_YAML)
    soup = on_its_own(tmp_path, "AVN starts in the femoral head.")
    assert [(link.get_text(), attr(link, "href")) for link in soup.select("a.kb-term")] == [
        ("AVN", "/glossary.md#avascular-necrosis"),
        ("femoral head", "/glossary.md#femoral-head"),
    ]
    assert one(soup, "#kb-def-femoral-head").get_text().startswith("The ball at the top")


def test_on_its_own_the_glossary_page_option_names_the_page_links_lead_to(tmp_path: Path) -> None:
    write_glossary(tmp_path, GLOSSARY_YAML)
    soup = on_its_own(tmp_path, "AVN.", glossary_page="about/words.md")
    assert attr(one(soup, "a.kb-term"), "href") == "/about/words.md#avascular-necrosis"


def test_on_its_own_it_links_nothing_on_the_page_that_holds_the_entries(tmp_path: Path) -> None:
    write_glossary(tmp_path, GLOSSARY_YAML)
    soup = on_its_own(tmp_path, "# Glossary\n\nWords about AVN.\n\n<!-- kb:glossary -->\n")
    assert soup.select("a.kb-term") == []


def test_on_its_own_an_edited_glossary_file_is_read_again(tmp_path: Path) -> None:
    write_glossary(tmp_path, GLOSSARY_YAML)
    assert on_its_own(tmp_path, "INR.").select("a.kb-term")
    write_glossary(tmp_path, GLOSSARY_YAML.replace("- term: INR", "- term: PT"))
    assert on_its_own(tmp_path, "INR.").select("a.kb-term") == []


def test_on_its_own_a_broken_glossary_stops_the_page_with_each_problem(tmp_path: Path) -> None:
    write_glossary(tmp_path, "- term: INR\n  definition: <b>Bold</b> is not plain text in a definition.\n")
    with pytest.raises(ValueError, match=r"the glossary has problems:\n\S*glossary\.yml:2: "):
        on_its_own(tmp_path, "INR.")
