"""A Python-Markdown extension that renders ``::: figure`` (inline SVG with caption) and ``::: icons`` blocks.

Use it under ``markdown_extensions: [kb.figure_markdown]`` with no hooks. The SVG is inlined so the page's
CSS colours it for each scheme and for print; it gets ``role="img"``, a title (the caption) and a description
(the text alternative). Bad blocks are reported by ``kb.figures`` with their line; here they render as far
as they can.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as etree  # noqa: N813 (the name Python-Markdown uses)
from pathlib import Path

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

from .figures import HEADER, Block, parse_block
from .icon_array import draw, read_frequency

SVG_NS = "http://www.w3.org/2000/svg"
# Under MkDocs a warning on a logger below "mkdocs" fails a strict build; elsewhere it is an ordinary warning.
log = logging.getLogger("mkdocs.kb.figure_markdown")


class FigureProcessor(BlockProcessor):
    """Turn a ``::: figure`` or ``::: icons`` block into HTML; the lines after it go back to the parser."""

    def __init__(self, parser: BlockParser, figures_dir: Path) -> None:
        super().__init__(parser)
        self.figures_dir = figures_dir
        self.count = 0

    def test(self, parent: etree.Element, block: str) -> bool:
        # Not indented, so the header starts the block: most blocks are told apart without reading their first line.
        return block.startswith("::: ") and bool(HEADER.match(block.split("\n", 1)[0]))

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        found, used = parse_block(lines)
        if used < len(lines):
            blocks.insert(0, "\n".join(lines[used:]))
        self.count += 1
        if found.kind == "figure":
            self._figure(parent, found)
        else:
            self._icons(parent, found)

    def _figure(self, parent: etree.Element, block: Block) -> None:
        caption = block.fields.get("caption", ("", 0))[0]
        alt = block.fields.get("alt", ("", 0))[0]
        size = block.fields.get("size", ("", 0))[0]
        figure = etree.SubElement(parent, "figure", {"class": f"kb-figure kb-figure--{size}" if size else "kb-figure"})
        svg = self._svg(block.arg, caption, alt)
        if svg is not None:
            # Search indexes the caption; the drawing's own title and description would repeat it.
            art = etree.SubElement(figure, "div", {"class": "kb-figure__art", "data-search-exclude": ""})
            if size == "wide":  # It may scroll sideways on a phone, so the keyboard must reach it too.
                art.set("tabindex", "0")
            art.text = self.parser.md.htmlStash.store(svg)
        etree.SubElement(figure, "figcaption").text = caption

    def _svg(self, name: str, caption: str, alt: str) -> str | None:
        """The figure file as inline SVG with role, title and description; None if it cannot be read."""
        try:
            svg = etree.fromstring((self.figures_dir / name).read_text(encoding="utf-8"))
        except (OSError, etree.ParseError, ValueError):
            # A missing or broken file is reported by kb.figures at the page's line; a wrong folder only here.
            if not self.figures_dir.is_dir():
                log.warning(
                    f"figures_dir '{self.figures_dir}' is not a folder; set it under kb.figure_markdown in"
                    " mkdocs.yml, relative to the folder you build from"
                )
            return None
        ids = f"kb-fig-{self.count}"
        for old in [child for child in svg if child.tag in (f"{{{SVG_NS}}}title", f"{{{SVG_NS}}}desc")]:
            svg.remove(old)
        title = etree.Element(f"{{{SVG_NS}}}title", {"id": f"{ids}-title"})
        title.text = caption
        desc = etree.Element(f"{{{SVG_NS}}}desc", {"id": f"{ids}-desc"})
        desc.text = alt
        svg[0:0] = [title, desc]
        svg.set("role", "img")
        svg.set("aria-labelledby", f"{ids}-title")
        svg.set("aria-describedby", f"{ids}-desc")
        svg.set("focusable", "false")
        return _serialise(svg)

    def _icons(self, parent: etree.Element, block: Block) -> None:
        box = etree.SubElement(parent, "div", {"class": "kb-icons"})
        if block.arg:
            etree.SubElement(box, "p", {"class": "kb-icons__title"}).text = block.arg
        for index, (sentence, _) in enumerate(block.items):
            frequency, _wrong = read_frequency(sentence)
            item = etree.SubElement(box, "div", {"class": "kb-icons__item"})
            text_id = f"kb-icons-{self.count}-{index}"
            if frequency is not None:
                item.text = self.parser.md.htmlStash.store(_serialise(draw(frequency, text_id)))
            etree.SubElement(item, "p", {"id": text_id}).text = sentence


def _serialise(svg: etree.Element) -> str:
    """SVG as HTML holds it: without the namespace, which an HTML parser gives <svg> by itself."""
    for element in svg.iter():
        element.tag = element.tag.rsplit("}", 1)[-1]
    return etree.tostring(svg, encoding="unicode", short_empty_elements=False)


class FigureExtension(Extension):
    """Register the figure and icon-array block processor."""

    def __init__(self, **kwargs: object) -> None:
        self.config = {"figures_dir": ["docs/assets/figures", "Folder of the SVG files that '::: figure' names"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        processor = FigureProcessor(md.parser, Path(self.getConfig("figures_dir")))
        # Before paragraphs (10) and lists, after indented code (80): a figure is a block of its own.
        md.parser.blockprocessors.register(processor, "kb_figure", 75)


def makeExtension(**kwargs: object) -> FigureExtension:  # noqa: N802 (the name Python-Markdown looks for)
    """The entry point ``markdown_extensions: [kb.figure_markdown]`` uses."""
    return FigureExtension(**kwargs)
