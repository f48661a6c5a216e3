"""A worksheet as an editable Word document (.docx), from the same Markdown as its printable page.

The worksheet's Markdown (with [[cijfertabel]] and [[invulvelden]] expanded exactly as on the
page) is turned into HTML by Python-Markdown and walked element by element: headings, paragraphs,
lists and tables become native Word structures. Empty table cells get room to write in, and a
line that ends in dots ('Wie? ..........') gets a dotted tab to the right margin, so the chair
types on the line instead of over the dots.

The WordprocessingML is written directly (escaped strings, in schema order) into the small fixed
package of docx_parts.py: no word processor template is opened, so fifteen worksheets take a few
hundredths of a second. The bytes are reproducible: fixed timestamps, members in a fixed order.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import markdown
from lxml import html as lxml_html
from markdown.extensions.admonition import AdmonitionExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.md_in_html import MarkdownInHtmlExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from childcare_guide.content.markdown_text import demote_headings
from childcare_guide.content.model import Module, Package, Worksheet
from childcare_guide.render.docx_parts import (
    CELL_MARGIN,
    CODE_FONT,
    CORE,
    DOCUMENT,
    FIXED_PARTS,
    FOOTER,
    FOOTER_RELATIONSHIP,
    LANGUAGE,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_WIDTH,
    R,
    W,
)
from childcare_guide.render.pages import expand_directives
from childcare_guide.render.reproducible import FIXED_TIME, reproducible_zip

HEADER_FILL = "E0F2F1"  # the light teal of the site, behind the header row of a table
TRAILING_DOTS = re.compile(r"\s*(?:\.\s*){5,}$")  # '......' or '. . . . .' at the end of a line
EMPTY_ROW_HEIGHT = 510  # twips: 0.9 cm, room to write in a table row
LIST_INDENT = 454  # twips per list level: 0.8 cm
LIST_HANGING = 340  # the bullet or number hangs 0.6 cm to the left of the text
LIST_SPACE_AFTER = 40  # 2 pt between list items
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # not allowed in XML 1.0
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class DocxInputs:
    """Everything a Word worksheet is made from, and nothing else: render_docx() reads only these.
    Its repr is the worksheet's cache key (outputs.module_files), so an edit elsewhere in the
    module (a step, a slide) does not make the worksheet again, and a change here always does."""

    package_title: str
    version: str
    module_number: int
    module_title: str
    sheet_title: str
    body: str  # the worksheet's Markdown with its [[...]] directives expanded, as on its page


def docx_inputs(package: Package, module: Module, sheet: Worksheet) -> DocxInputs:
    return DocxInputs(package.title, package.version, module.number, module.title, sheet.title,
                      expand_directives(demote_headings(sheet.body, 1), package, module))


def worksheet_docx(package: Package, module: Module, sheet: Worksheet) -> bytes:
    """Return the worksheet as reproducible .docx bytes."""
    return render_docx(docx_inputs(package, module, sheet))


def render_docx(inputs: DocxInputs) -> bytes:
    """The .docx bytes made from inputs alone."""
    body = _Body()
    body.add(_Paragraph(style="Title").text(f"Werkblad: {inputs.sheet_title}"))
    body.add(_Paragraph().text(f"Bij module {inputs.module_number}: {inputs.module_title} · "
                               f"{inputs.package_title}, versie {inputs.version}", italic=True))
    root = lxml_html.fragment_fromstring(_markdown_to_html(inputs.body), create_parent="div")
    body.blocks(root)
    footer = (f"{inputs.package_title}, versie {inputs.version} · werkblad bij module "
              f"{inputs.module_number}: {inputs.module_title}")
    members = dict(FIXED_PARTS)
    members[DOCUMENT] = _document_xml(body.xml()).encode()
    members[FOOTER] = _footer_xml(_Paragraph(style="Footer").text(footer).xml()).encode()
    members[CORE] = _core_xml(inputs).encode()
    return reproducible_zip(members)


_local = threading.local()


def _markdown_to_html(text: str) -> str:
    """Python-Markdown's HTML for text; one converter per thread (making one costs more than
    converting a worksheet), reset before each use so nothing carries over."""
    converter = getattr(_local, "markdown", None)
    if converter is None:
        converter = _local.markdown = markdown_converter()
    return converter.reset().convert(text)


# Python-Markdown's inline patterns (3.x) and every character (or the two spaces before a line
# break) that can start one of them; \x02 and \x03 mark stashed raw HTML.
INLINE_PATTERNS = {"backtick", "escape", "reference", "link", "image_link", "image_reference", "short_reference",
                   "short_image_ref", "autolink", "automail", "linebreak", "html", "entity", "em_strong",
                   "em_strong2", "not_strong"}
INLINE_MARKUP = re.compile(r"[`\\\[\]!<>&*_\x02\x03]|  \n")


class _PlainText(Treeprocessor):
    """Marks text that holds no inline markup as finished, so Markdown's inline step (which tries
    each pattern on each piece of text: most of the time of a worksheet's many table cells) skips
    it. The HTML stays the same (tests/test_worksheet_docx.py compares both)."""

    def run(self, root) -> None:
        for element in root.iter():
            text = element.text
            if text and not isinstance(text, AtomicString) and not INLINE_MARKUP.search(text):
                element.text = AtomicString(text)


def markdown_converter(plain_text_shortcut: bool = True) -> markdown.Markdown:
    """The Markdown converter for worksheets: the extensions of the site that a worksheet uses."""
    # extension objects, not names: a name makes Markdown scan every installed package's entry points
    converter = markdown.Markdown(extensions=[TableExtension(), AdmonitionExtension(), AttrListExtension(),
                                              MarkdownInHtmlExtension(), SaneListExtension()])
    # only with the inline patterns it knows: a new pattern could start with another character
    patterns = converter.inlinePatterns
    known = sum(name in patterns for name in INLINE_PATTERNS) == len(patterns)
    if plain_text_shortcut and known and "inline" in converter.treeprocessors:
        converter.treeprocessors.register(_PlainText(converter), "plain-text", 21)  # just before 'inline' (20)
    return converter


# -- XML ----------------------------------------------------------------------------------------

def escape(text: str) -> str:
    """Text as XML character data: markup characters escaped, characters XML forbids dropped."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return NOT_XML.sub("", text)


_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _document_xml(body: list[str]) -> str:
    section = (f'<w:sectPr><w:footerReference w:type="default" r:id="{FOOTER_RELATIONSHIP}"/>'
               f'<w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
               f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" '
               'w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>')
    return (f'{_DECLARATION}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
            + "".join(body) + section + "</w:body></w:document>")


def _footer_xml(paragraph: str) -> str:
    return f'{_DECLARATION}<w:ftr xmlns:w="{W}" xmlns:r="{R}">{paragraph}</w:ftr>'


def _core_xml(inputs: DocxInputs) -> str:
    when = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    title = escape(f"Werkblad: {inputs.sheet_title}")
    subject = escape(f"{inputs.package_title}: werkblad bij module {inputs.module_number}: "
                     f"{inputs.module_title}")
    author = escape(inputs.package_title)
    return (f"{_DECLARATION}<cp:coreProperties "
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject>"
            f"<dc:creator>{author}</dc:creator>"
            "<cp:keywords>kinderopvang; werkblad; Lokaal Overleg Kinderopvang</cp:keywords>"
            "<dc:description>Vul dit werkblad in op je computer of druk het af.</dc:description>"
            f"<cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
            f"<cp:lastPrinted>{when}</cp:lastPrinted>"
            f"<cp:category>Werkblad</cp:category><dc:language>{LANGUAGE}</dc:language>"
            f"<cp:version>{escape(inputs.version)}</cp:version></cp:coreProperties>")


def _text(text: str | None) -> str:
    return WHITESPACE.sub(" ", text or "")


# A piece of a paragraph: text with its format, a tab or a line break.
TAB, BREAK = "\t", "\n"


@dataclass
class _Piece:
    text: str  # TAB or BREAK for those; otherwise text without tabs or line breaks
    bold: bool = False
    italic: bool = False
    code: bool = False

    @property
    def special(self) -> bool:
        return self.text in (TAB, BREAK)

    def fmt(self) -> tuple[bool, bool, bool]:
        return self.bold, self.italic, self.code


class _Paragraph:
    """One Word paragraph: a style, its pieces, tab stops, indent and spacing."""

    def __init__(self, style: str | None = None, indent: int = 0, hanging: int = 0,
                 space_after: int | None = None):
        self.style = style
        self.indent = indent
        self.hanging = hanging
        self.space_after = space_after
        self.tabs: list[tuple[str, int, str | None]] = []  # alignment, position, leader
        self.pieces: list[_Piece] = []

    def text(self, text: str, bold: bool = False, italic: bool = False, code: bool = False) -> _Paragraph:
        self.pieces.append(_Piece(text, bold, italic, code))
        return self

    def answer_line(self, width: int) -> None:
        """Dots at the end of a line become a dotted tab to the right edge: room to type.

        width is where the line ends, measured like Word's tab stops: from the left margin of the
        page (or of the table cell)."""
        while self.pieces and not self.pieces[-1].special and not self.pieces[-1].text.strip():
            self.pieces.pop()  # a space after the dots
        if not self.pieces or self.pieces[-1].special or not TRAILING_DOTS.search(self.pieces[-1].text):
            return
        last = self.pieces[-1]
        last.text = TRAILING_DOTS.sub("", last.text)
        if last.text or (len(self.pieces) > 1 and not self.pieces[-2].special):
            last.text = last.text.rstrip() + " "  # 'Wie? ' and then the line; '**Wie?** ...' too
        else:
            self.pieces.pop()  # only dots: the line starts at the bullet or the margin
        self.pieces.append(_Piece(TAB, last.bold, last.italic, last.code))
        self.tabs.append(("right", width, "dot"))

    def xml(self) -> str:
        properties = []
        if self.style:
            properties.append(f'<w:pStyle w:val="{self.style}"/>')
        if self.tabs:
            properties.append("<w:tabs>" + "".join(
                f'<w:tab w:val="{alignment}"' + (f' w:leader="{leader}"' if leader else "") + f' w:pos="{position}"/>'
                for alignment, position, leader in sorted(self.tabs, key=lambda t: t[1])) + "</w:tabs>")
        if self.space_after is not None:
            properties.append(f'<w:spacing w:after="{self.space_after}"/>')
        if self.indent or self.hanging:
            properties.append(f'<w:ind w:left="{self.indent}"'
                              + (f' w:hanging="{self.hanging}"' if self.hanging else "") + "/>")
        out = ["<w:p>"]
        if properties:
            out.append("<w:pPr>" + "".join(properties) + "</w:pPr>")
        out.extend(_runs(self.pieces))
        out.append("</w:p>")
        return "".join(out)


def _runs(pieces: list[_Piece]) -> list[str]:
    """Word runs for pieces: neighbours with the same format share a run; no space at the end."""
    pieces = [p for p in pieces if p.text]
    while pieces and not pieces[-1].special and not pieces[-1].text.strip():
        pieces.pop()
    if pieces and not pieces[-1].special:
        pieces[-1] = _Piece(pieces[-1].text.rstrip(), *pieces[-1].fmt())
    runs: list[str] = []
    index = 0
    while index < len(pieces):
        fmt = pieces[index].fmt()
        content: list[str] = []
        text = ""  # text pieces in a row become one <w:t>
        while index < len(pieces) and pieces[index].fmt() == fmt:
            piece = pieces[index]
            if piece.special:
                if text:
                    content.append(_t(text))
                    text = ""
                content.append("<w:tab/>" if piece.text == TAB else "<w:br/>")
            else:
                text += piece.text
            index += 1
        if text:
            content.append(_t(text))
        bold, italic, code = fmt
        properties = ((f'<w:rFonts w:ascii="{CODE_FONT}" w:hAnsi="{CODE_FONT}" w:cs="{CODE_FONT}"/>' if code else "")
                      + ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else ""))
        runs.append("<w:r>" + (f"<w:rPr>{properties}</w:rPr>" if properties else "")
                    + "".join(content) + "</w:r>")
    return runs


def _t(text: str) -> str:
    text = escape(text)
    if text != text.strip(" ") or "  " in text:  # Word drops such spaces without this
        return f'<w:t xml:space="preserve">{text}</w:t>'
    return f"<w:t>{text}</w:t>"


# -- the HTML walk ------------------------------------------------------------------------------

def _tag(element) -> str:
    return element.tag if isinstance(element.tag, str) else ""  # comments have a function as tag


class _Body:
    """Walks the HTML of a worksheet and collects Word paragraphs and tables as XML."""

    def __init__(self) -> None:
        self.parts: list[str | _Paragraph] = []  # a table is XML at once; a paragraph may still change

    def add(self, paragraph: _Paragraph) -> _Paragraph:
        self.parts.append(paragraph)
        return paragraph

    def xml(self) -> list[str]:
        return [part if isinstance(part, str) else part.xml() for part in self.parts]

    def blocks(self, parent, list_level: int = 0) -> None:
        for element in parent:
            tag = _tag(element)
            if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
                level = min(int(tag[1]) - 1, 4) or 1
                self.add(self.inline(_Paragraph(style=f"Heading{level}"), element))
            elif tag == "p":
                if "admonition-title" in (element.get("class") or ""):
                    self.add(self.inline(_Paragraph(), element, bold=True))
                else:
                    self.paragraph(element)
            elif tag in ("ul", "ol"):
                self.list(element, ordered=tag == "ol", level=list_level)
                last = self.parts[-1] if self.parts else None
                if list_level == 0 and isinstance(last, _Paragraph):
                    last.space_after = None  # the usual room between the list and what follows
            elif tag == "table":
                self.table(element)
            elif tag == "blockquote":
                for child in element:
                    self.add(self.inline(_Paragraph(style="Quote"), child))
            elif tag == "pre":
                paragraph = _Paragraph()
                for number, line in enumerate(element.text_content().rstrip("\n").split("\n")):
                    if number:
                        paragraph.pieces.append(_Piece(BREAK, code=True))
                    paragraph.text(line.expandtabs(4), code=True)
                self.add(paragraph)
            elif tag in ("div", "details", "section"):
                self.blocks(element, list_level)

    def paragraph(self, element, indent: int = 0) -> None:
        paragraph = self.inline(_Paragraph(indent=indent), element)
        paragraph.answer_line(TEXT_WIDTH)
        self.add(paragraph)

    def list(self, element, ordered: bool, level: int) -> None:
        indent = LIST_INDENT * (level + 1)
        try:
            start = int(element.get("start", 1))
        except ValueError:
            start = 1
        for number, item in enumerate(element.findall("li"), start=start):
            paragraph = _Paragraph(indent=indent, hanging=LIST_HANGING, space_after=LIST_SPACE_AFTER)
            paragraph.tabs.append(("left", indent, None))
            # numbers as text: Word's list numbering would continue across separate lists
            paragraph.text(f"{number}." if ordered else "•").pieces.append(_Piece(TAB))
            nested = [c for c in item if _tag(c) in ("ul", "ol", "table", "p", "blockquote")]
            self.inline(paragraph, item, children=[c for c in item if c not in nested])
            paragraphs = [c for c in nested if c.tag == "p"]
            if paragraphs and not _text(item.text).strip():
                # a 'loose' list: the item's text sits in <p> elements
                self.inline(paragraph, paragraphs[0])
                nested = [c for c in nested if c is not paragraphs[0]]
            paragraph.answer_line(TEXT_WIDTH)
            self.add(paragraph)
            for child in nested:
                if child.tag in ("ul", "ol"):
                    self.list(child, ordered=child.tag == "ol", level=level + 1)
                elif child.tag == "table":
                    self.table(child)
                else:
                    self.paragraph(child, indent=indent)

    def inline(self, paragraph: _Paragraph, element, bold: bool = False, italic: bool = False,
               children=None) -> _Paragraph:
        """The text of element with bold, italic and links, added to paragraph."""
        self._text(paragraph, element.text, bold, italic)
        for child in (element if children is None else children):
            tag = _tag(child)
            if tag in ("strong", "b"):
                self.inline(paragraph, child, True, italic)
            elif tag in ("em", "i"):
                self.inline(paragraph, child, bold, True)
            elif tag == "code":
                self._text(paragraph, child.text_content(), bold, italic, code=True)
            elif tag == "a":
                self.inline(paragraph, child, bold, italic)
                href = child.get("href", "")
                if href.startswith(("https://", "mailto:")) and href not in child.text_content():
                    self._text(paragraph, f" ({href.removeprefix('mailto:')})", bold, italic)
            elif tag == "br":
                paragraph.pieces.append(_Piece(BREAK, bold, italic))
            elif tag:
                self.inline(paragraph, child, bold, italic)
            self._text(paragraph, child.tail, bold, italic)
        return paragraph

    @staticmethod
    def _text(paragraph: _Paragraph, text: str | None, bold: bool, italic: bool, code: bool = False) -> None:
        text = _text(text)
        if not paragraph.pieces or paragraph.pieces[-1].special:
            text = text.lstrip()  # no space at the start of a line, after a bullet or a break
        if text:
            paragraph.text(text, bold, italic, code)

    def table(self, element) -> None:
        rows = [[c for c in row if _tag(c) in ("th", "td")] for row in element.iter("tr")]
        rows = [cells for cells in rows if cells]
        if not rows:
            return
        columns = max(len(cells) for cells in rows)
        width = TEXT_WIDTH // columns
        out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>',
               f'<w:tblW w:w="{width * columns}" w:type="dxa"/><w:tblLayout w:type="fixed"/>',
               '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
               'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
               f'<w:gridCol w:w="{width}"/>' * columns, "</w:tblGrid>"]
        for cells in rows:
            header = all(c.tag == "th" for c in cells)
            if header:  # repeated at the top of each page; the header never splits
                out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
            else:  # room to write: at least 0.9 cm high
                out.append(f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{EMPTY_ROW_HEIGHT}" '
                           'w:hRule="atLeast"/></w:trPr>')
            fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>' if header else ""
            for index in range(columns):
                paragraph = _Paragraph()
                if index < len(cells):
                    self.inline(paragraph, cells[index], bold=header)
                    paragraph.answer_line(width - 2 * CELL_MARGIN)
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{fill}</w:tcPr>'
                           f"{paragraph.xml()}</w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl><w:p/>")  # Word glues two tables together without a paragraph between
        self.parts.append("".join(out))
