"""A worksheet as an editable Word document (.docx), from the same Markdown as its printable page.

The worksheet's Markdown (with [[cijfertabel]] and [[invulvelden]] expanded exactly as on the
page) is turned into HTML by Python-Markdown and walked element by element: headings, paragraphs,
lists and tables become native Word structures. Empty table cells get room to write in, and a
line that ends in dots ('Wie? ..........') gets a dotted tab to the right margin, so the chair
types on the line instead of over the dots. The bytes are reproducible: fixed timestamps.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import markdown
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_TAB_LEADER, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from lxml import html as lxml_html

from . import docx_speed
from .deck import FIXED_TIME, ZIP_TIME, normalise_zip
from .markdown_text import demote_headings
from .model import Module, Package, Worksheet
from .pages import expand_directives

LANGUAGE = "nl-BE"
MARKDOWN_EXTENSIONS = ["tables", "admonition", "attr_list", "md_in_html", "sane_lists"]
HEADER_FILL = "E0F2F1"  # the light teal of the site, behind the header row of a table
TRAILING_DOTS = re.compile(r"\s*(?:\.\s*){5,}$")  # '......' or '. . . . .' at the end of a line
EMPTY_ROW_HEIGHT = Cm(0.9)

docx_speed.install()  # compiled XPath: the same bytes, faster


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
    document = Document()
    _page_setup(document)
    _styles(document)
    document.add_heading(f"Werkblad: {inputs.sheet_title}", level=0)
    lead = document.add_paragraph(f"Bij module {inputs.module_number}: {inputs.module_title} · "
                                  f"{inputs.package_title}, versie {inputs.version}")
    lead.runs[0].italic = True
    html = markdown.markdown(inputs.body, extensions=MARKDOWN_EXTENSIONS)
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    _Writer(document).blocks(root)
    _footer(document, f"{inputs.package_title}, versie {inputs.version} · werkblad bij module "
                      f"{inputs.module_number}: {inputs.module_title}")
    _properties(document, inputs)
    fast = docx_speed.save_reproducible(document, ZIP_TIME)  # zipped once, the same bytes
    if fast is not None:
        return fast
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


def _page_setup(document) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)


def _styles(document) -> None:
    """Dutch as the language of every style (spelling check), a readable base size."""
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    normal.font.name = "Calibri"  # LibreOffice shows it with the metric-compatible Carlito
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")


def _footer(document, text: str) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.text = text
    paragraph.runs[0].font.size = Pt(9)
    paragraph.runs[0].font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def _properties(document, inputs: DocxInputs) -> None:
    props = document.core_properties
    props.title = f"Werkblad: {inputs.sheet_title}"
    props.subject = (f"{inputs.package_title}: werkblad bij module {inputs.module_number}: "
                     f"{inputs.module_title}")
    props.author = inputs.package_title
    props.last_modified_by = inputs.package_title
    props.language = LANGUAGE
    props.version = inputs.version
    props.keywords = "kinderopvang; werkblad; Lokaal Overleg Kinderopvang"
    props.comments = "Vul dit werkblad in op je computer of druk het af."
    props.category = "Werkblad"
    props.revision = 1
    props.created = props.modified = props.last_printed = FIXED_TIME


def _text(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "")


class _Writer:
    """Walks the HTML of a worksheet and writes Word paragraphs and tables."""

    def __init__(self, document):
        self.document = document
        section = document.sections[0]
        self.text_width = section.page_width - section.left_margin - section.right_margin
        self.style_ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}

    def add_paragraph(self, style: str | None = None):
        """document.add_paragraph(style=style), with the style's id looked up once per document
        (python-docx searches every style for it on each call): the same XML."""
        paragraph = self.document.add_paragraph()
        if style is not None:
            paragraph._p.style = self.style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        return paragraph

    def style_id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        key = (name, kind)
        if key not in self.style_ids:
            self.style_ids[key] = self.document.part.get_style_id(name, kind)
        return self.style_ids[key]

    def blocks(self, parent, list_level: int = 0) -> None:
        for element in parent:
            tag = element.tag if isinstance(element.tag, str) else ""
            if re.fullmatch(r"h[1-6]", tag):
                level = min(int(tag[1]) - 1, 4) or 1
                heading = self.add_paragraph(f"Heading {level}")  # as document.add_heading
                self.inline(heading, element)
            elif tag == "p":
                if "admonition-title" in (element.get("class") or ""):
                    paragraph = self.document.add_paragraph()
                    self.inline(paragraph, element, bold=True)
                else:
                    self.paragraph(element)
            elif tag in ("ul", "ol"):
                self.list(element, ordered=tag == "ol", level=list_level)
            elif tag == "table":
                self.table(element)
            elif tag == "blockquote":
                for child in element:
                    paragraph = self.add_paragraph("Quote")
                    self.inline(paragraph, child)
            elif tag == "pre":
                paragraph = self.document.add_paragraph()
                run = paragraph.add_run(element.text_content().rstrip("\n"))
                run.font.name = "Consolas"
            elif tag in ("div", "details", "section"):
                self.blocks(element, list_level)

    def paragraph(self, element, style: str | None = None):
        paragraph = self.add_paragraph(style)
        self.inline(paragraph, element)
        self.answer_line(paragraph)
        return paragraph

    def answer_line(self, paragraph) -> None:
        """Dots at the end of a line become a dotted tab to the right margin: room to type."""
        runs = paragraph.runs
        if not runs or not TRAILING_DOTS.search(runs[-1].text):
            return
        last = runs[-1]
        last.text = TRAILING_DOTS.sub("", last.text)
        if last.text and not last.text.endswith(" "):
            last.text += " "
        paragraph.add_run("\t")
        indent = paragraph.paragraph_format.left_indent or 0
        paragraph.paragraph_format.tab_stops.add_tab_stop(
            self.text_width - indent, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)

    def list(self, element, ordered: bool, level: int) -> None:
        for number, item in enumerate(element.findall("li"), start=int(element.get("start", 1))):
            paragraph = self.document.add_paragraph()
            fmt = paragraph.paragraph_format
            fmt.left_indent = Cm(0.8 * (level + 1))
            fmt.first_line_indent = Cm(-0.6)
            fmt.space_after = Pt(2)
            fmt.tab_stops.add_tab_stop(Cm(0.8 * (level + 1)))
            # numbers as text: Word's list numbering would continue across separate lists
            paragraph.add_run(f"{number}.\t" if ordered else "•\t")
            nested = [c for c in item if c.tag in ("ul", "ol", "table", "p", "blockquote")]
            inline_parts = [c for c in item if c not in nested]
            self.inline(paragraph, item, children=inline_parts)
            paragraphs = [c for c in nested if c.tag == "p"]
            if paragraphs and not _text(item.text).strip():
                # a 'loose' list: the item's text sits in <p> elements
                self.inline(paragraph, paragraphs[0])
                nested = [c for c in nested if c is not paragraphs[0]]
            self.answer_line(paragraph)
            for child in nested:
                if child.tag in ("ul", "ol"):
                    self.list(child, ordered=child.tag == "ol", level=level + 1)
                elif child.tag == "table":
                    self.table(child)
                else:
                    extra = self.paragraph(child)
                    extra.paragraph_format.left_indent = Cm(0.8 * (level + 1))

    def inline(self, paragraph, element, bold: bool = False, italic: bool = False,
               children=None) -> None:
        """The text of element with bold, italic and links, as runs of one paragraph."""
        self._run(paragraph, element.text, bold, italic, first=not paragraph.runs)
        for child in (element if children is None else children):
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in ("strong", "b"):
                self.inline(paragraph, child, True, italic, children=list(child))
            elif tag in ("em", "i"):
                self.inline(paragraph, child, bold, True, children=list(child))
            elif tag == "code":
                run = paragraph.add_run(_text(child.text_content()))
                run.font.name = "Consolas"
            elif tag == "a":
                self.inline(paragraph, child, bold, italic, children=list(child))
                href = child.get("href", "")
                if href.startswith(("https://", "mailto:")) and href not in child.text_content():
                    self._run(paragraph, f" ({href.removeprefix('mailto:')})", bold, italic)
            elif tag == "br":
                paragraph.add_run().add_break()
            elif tag:
                self.inline(paragraph, child, bold, italic, children=list(child))
            self._run(paragraph, child.tail, bold, italic)

    @staticmethod
    def _run(paragraph, text: str | None, bold: bool, italic: bool, first: bool = False) -> None:
        text = _text(text)
        if first:
            text = text.lstrip()
        if not text:
            return
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None

    def table(self, element) -> None:
        rows = element.findall(".//tr")
        if not rows:
            return
        width = max(len(r.findall("th") + r.findall("td")) for r in rows)
        table = self.document.add_table(rows=len(rows), cols=width)
        table._tbl.tblStyle_val = self.style_id("Table Grid", WD_STYLE_TYPE.TABLE)  # as table.style = ...
        for r, row in enumerate(rows):
            cells = [c for c in row if c.tag in ("th", "td")]
            header = all(c.tag == "th" for c in cells)
            word_row = table.rows[r]
            _cant_split(word_row)
            if header:
                _repeat_header(word_row)
            else:
                word_row.height = EMPTY_ROW_HEIGHT
                word_row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            word_cells = word_row.cells  # computed from the XML on every access: once per row
            for c, cell in enumerate(cells):
                word_cell = word_cells[c]
                paragraph = word_cell.paragraphs[0]
                self.inline(paragraph, cell, bold=header)
                self.answer_line(paragraph)
                if header:
                    _shade(word_cell, HEADER_FILL)
        self.document.add_paragraph()  # Word glues two tables together without a paragraph


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)
