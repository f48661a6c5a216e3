"""A worksheet as an editable Word document (.docx), from the same Markdown as its printable page.

The worksheet's Markdown (with [[cijfertabel]] and [[invulvelden]] expanded exactly as on the
page) is turned into HTML by Python-Markdown and walked element by element: headings, paragraphs,
lists and tables become native Word structures. Empty table cells get room to write in, and a
line that ends in dots ('Wie? ..........') gets a dotted tab to the right margin, so the chair
types on the line instead of over the dots.

python-docx writes the document into a copy of design/worksheet-template.docx (made by
scripts/make_worksheet_template.py; a designer may restyle it in Word). The look comes from the
template's styles: Body Text, Title, Heading 1-4, Quote, List to List 5 (the bullet or number is
text, so a list never continues another list's numbering), Table Grid (its cells' text in Normal),
Footer and the character style Code; its page size and margins set where the dotted answer lines
end. The bytes are reproducible: fixed document properties and zip timestamps, members in a fixed
order.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import markdown
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Length, Pt, Twips
from lxml import etree
from lxml import html as lxml_html
from markdown.extensions.admonition import AdmonitionExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.md_in_html import MarkdownInHtmlExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from childcare_guide.content.markdown_text import demote_headings
from childcare_guide.content.model import FIELD_PLACEHOLDER, Module, Package, Worksheet, figure_field, value_name
from childcare_guide.package_data import package_file
from childcare_guide.render.pages import expand_directives
from childcare_guide.render.reproducible import FIXED_TIME, normalise_office_file

TEMPLATE = package_file("design", "worksheet-template.docx")
LANGUAGE = "nl-BE"
HEADER_FILL = "E0F2F1"  # the light teal of the site, behind the header row of a table
EMPTY_ROW_HEIGHT = Twips(510)  # 0.9 cm: room to write in a table row
SENTENCE_ROW_HEIGHT = Twips(1020)  # 1.8 cm: a few lines in a cell of a table with 4 to 6 columns
NARROW_SENTENCE_ROW_HEIGHT = Twips(1247)  # 2.2 cm: in the narrow cells of 7 columns or more
ONE_PAGE_MARGIN = Twips(851)  # 1.5 cm: the margins of a handout that must fit one sheet
# a handout's styles (_compact_styles): (font size, space before, space after); None keeps the template's
ONE_PAGE_STYLES = {"Title": (Pt(18), None, Pt(4)), "Heading 1": (None, Pt(9), Pt(3)),
                   "Heading 2": (None, Pt(8), Pt(2)), "Body Text": (None, None, Pt(4)),
                   "List": (None, None, Pt(1)), "List 2": (None, None, Pt(1))}
CELL_MARGIN = Twips(108)  # left and right inside a cell of the template's Table Grid (Word's default)
# A narrow column: a number, a letter or a box to tick (☐) in every body cell, under a short header.
NARROW_CELL_CHARS = 3  # at most this many characters in each body cell, and something in one
NARROW_HEADER_CHARS = 15  # 'niet akkoord', 'prioriteit'; a longer header asks for room to write
NARROW_MIN_WIDTH = Twips(680)  # 1.2 cm
NARROW_CHAR_WIDTH = Twips(130)  # 6.5 pt: a letter of the bold header at 11 pt, with some room
LIST_STYLES = ("List", "List 2", "List 3", "List 4", "List 5")  # by list level
BODY = "Body Text"  # a paragraph of text; text in a table cell stays in Normal, with the table's spacing
# Every style a worksheet uses: the template must define each (under Word's English name).
STYLES = ("Normal", BODY, "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Quote", "Footer",
          "Table Grid", "Code", *LIST_STYLES)
TRAILING_DOTS = re.compile(r"\s*(?:\.\s*){5,}$")  # '......' or '. . . . .' at the end of a line
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # not allowed in XML 1.0
WHITESPACE = re.compile(r"\s+")


class WorksheetTemplateError(Exception):
    """The worksheet template is missing or misses a style (a designer's mistake, not an editor's)."""


@dataclass(frozen=True)
class DocxInputs:
    """Everything a Word worksheet is made from besides the template, and nothing else: render_docx()
    reads only these. Its repr (with the template's bytes) is the worksheet's cache key
    (outputs.module_files), so an edit elsewhere in the module (a step, a slide) does not make the
    worksheet again, and a change here always does."""

    package_title: str
    version: str
    module_number: int
    module_title: str
    sheet_title: str
    body: str  # the worksheet's Markdown with its [[...]] directives expanded, as on its page
    edition: str = ""  # 'editie december 2026': what the chair reads; version stays in the properties
    # the pictures the body links: (link as written, file, SHA-256 of its bytes); the hash keys the cache
    pictures: tuple[tuple[str, str, str], ...] = ()
    landscape: bool = False  # 'liggend: true' in module.yml: A4 turned a quarter, for a wide table
    kind: str = "Werkblad"  # what the sheet is, before its title: 'Werkblad' or 'Deelnemersblad'
    one_page: bool = False  # a handout on one sheet: margins of 1.5 cm, and its title names the module

    @property
    def shown_edition(self) -> str:
        return self.edition or f"versie {self.version}"


def docx_inputs(package: Package, module: Module, sheet: Worksheet) -> DocxInputs:
    linked = tuple((p.link, str(p.path), hashlib.sha256(p.path.read_bytes()).hexdigest())
                   for p in module.pictures if f"]({p.link}" in sheet.body or f"](<{p.link}>" in sheet.body)
    units = {figure_field(f).id: f.unit for f in module.figures}
    body = FIELD_PLACEHOLDER.sub(lambda m: _field_token(m.group(1).strip(), units),
                                 expand_directives(demote_headings(sheet.body, 1), package, module))
    return DocxInputs(package.title, package.version, module.number, module.title, sheet.title,
                      body, package.edition_text, linked, sheet.landscape)


def worksheet_docx(package: Package, module: Module, sheet: Worksheet, template: Path | None = None) -> bytes:
    """Return the worksheet as reproducible .docx bytes."""
    return render_docx(docx_inputs(package, module, sheet), template)


def render_docx(inputs: DocxInputs, template: Path | None = None) -> bytes:
    """The .docx bytes made from inputs and the template (design/worksheet-template.docx) alone."""
    return render_docx_with_places(inputs, template)[0]


def render_docx_with_places(inputs: DocxInputs, template: Path | None = None) -> tuple[bytes, dict]:
    """The .docx bytes and its fill map: {paragraphs: [{part, paragraph, fill}]}, the
    paragraph-th w:p of word/document.xml where a {veld:id} of the worksheet stood (a table cell
    to write in), and how its text follows from the chair's values (content/fill_text.py)."""
    document = _open_template(template or TEMPLATE)
    section = document.sections[0]
    if inputs.landscape and section.page_width < section.page_height:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    if inputs.one_page:
        for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
            setattr(section, side, min(getattr(section, side), ONE_PAGE_MARGIN))
        _compact_styles(document)
    body = _Body(section.page_width - section.left_margin - section.right_margin)
    body.add(_Paragraph(style="Title").text(f"{inputs.kind}: {inputs.sheet_title}"))
    belongs = "" if inputs.one_page else f"Bij module {inputs.module_number}: {inputs.module_title} · "
    body.add(_Paragraph(BODY).text(f"{belongs}{inputs.package_title}, {inputs.shown_edition}", italic=True))
    root = lxml_html.fragment_fromstring(_markdown_to_html(inputs.body), create_parent="div")
    body.blocks(root)
    _Writer(document, {link: Path(path) for link, path, _ in inputs.pictures}, body.text_width).write(body.parts)
    # the first line of the template's footer (python-docx adds a footer if the template has none)
    footer = section.footer.paragraphs[0]
    footer.text = xml_text(f"{inputs.package_title}, {inputs.shown_edition} · {inputs.kind.lower()} bij module "
                         f"{inputs.module_number}: {inputs.module_title}")
    _set_properties(document, inputs)
    places = _take_field_tokens(document)
    out = io.BytesIO()
    document.save(out)
    return normalise_office_file(out.getvalue()), {"paragraphs": places}


# A {veld:id} of a worksheet, carried through Markdown as text no Markdown rule touches:
# '\ue000cijfer-kansarmoede\ue002%\ue001' (a figure's field with its unit) or '\ue000gemeente\ue001'.
FIELD_TOKEN = re.compile("\ue000([^\ue001\ue002]*)(?:\ue002([^\ue001]*))?\ue001")


def _field_token(field_id: str, units: dict[str, str]) -> str:
    unit = units.get(field_id)
    return f"\ue000{field_id}" + ("" if unit is None else f"\ue002{unit}") + "\ue001"


def _take_field_tokens(document) -> list[dict]:
    """Take each field token out of the document's text, and say where it stood."""
    places = []
    for index, paragraph in enumerate(document.element.body.iter(qn("w:p"))):
        for run in paragraph.findall(qn("w:r")):
            for t in run.findall(qn("w:t")):
                for match in FIELD_TOKEN.finditer(t.text or ""):
                    field_id, unit = match.group(1), match.group(2)
                    fill = ["figure", value_name(field_id), unit] if unit is not None else ["field", field_id]
                    places.append({"part": "word/document.xml", "paragraph": index, "fill": [fill]})
                t.text = FIELD_TOKEN.sub("", t.text or "")
            if not "".join(t.text or "" for t in run.findall(qn("w:t"))) and run.find(qn("w:tab")) is None \
                    and run.find(qn("w:br")) is None and any(p["paragraph"] == index for p in places):
                paragraph.remove(run)
    return places


def _compact_styles(document) -> None:
    """A handout's styles, tighter than a worksheet's so it fits one sheet with room to spare: single
    line spacing, less room around paragraphs and headings, a smaller title. The text keeps its size
    (11 pt in the template); ONE_PAGE_STYLES never makes a style smaller than 10 pt."""
    for name, (size, before, after) in ONE_PAGE_STYLES.items():
        style = document.styles[name]
        fmt = style.paragraph_format
        if size is not None and (style.font.size is None or style.font.size > size):
            style.font.size = size
        if before is not None:
            fmt.space_before = before
        if after is not None:
            fmt.space_after = after
        fmt.line_spacing = 1.0


def _open_template(template: Path):
    """The template as a python-docx Document, checked for what the worksheets need."""
    try:
        document = Document(io.BytesIO(template.read_bytes()))
    except OSError:
        raise WorksheetTemplateError(
            f"Het sjabloon voor de werkbladen ontbreekt: {template}. Zet design/worksheet-template.docx "
            "terug (of maak het opnieuw met 'python scripts/make_worksheet_template.py').") from None
    names = {style.name for style in document.styles}
    missing = [name for name in STYLES if name not in names]
    if missing:
        raise WorksheetTemplateError(
            f"Het sjabloon {template.name} mist de opmaakstijl {', '.join(missing)}. Geef in Word een stijl "
            "die naam (de ingebouwde stijlen heten in een Nederlandstalige Word bijvoorbeeld 'Kop 1', "
            "'Citaat', 'Lijst 2'), of zet het sjabloon terug.")
    return document


def _set_properties(document, inputs: DocxInputs) -> None:
    """Every core property, so nothing of the template's own (or of the day it is made) remains."""
    props = document.core_properties
    props.title = xml_text(f"{inputs.kind}: {inputs.sheet_title}")
    props.subject = xml_text(f"{inputs.package_title}: {inputs.kind.lower()} bij module {inputs.module_number}: "
                           f"{inputs.module_title}")
    props.author = props.last_modified_by = xml_text(inputs.package_title)
    props.keywords = f"kinderopvang; {inputs.kind.lower()}; Lokaal Overleg Kinderopvang"
    props.comments = ("Vul dit werkblad in op je computer of druk het af." if inputs.kind == "Werkblad"
                      else "Druk dit blad af voor elke deelnemer.")
    props.category = xml_text(inputs.kind)
    props.language = LANGUAGE
    props.version = xml_text(inputs.version)
    props.revision = 1
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.content_status = props.identifier = ""


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


# -- the Word document ------------------------------------------------------------------------

def xml_text(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold (python-docx escapes the rest)."""
    return NOT_XML.sub("", text)


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
    """One Word paragraph to be: a style, its pieces, tab stops, an indent and spacing."""

    def __init__(self, style: str | None = None, indent_like: str | None = None):
        self.style = style
        self.indent_like = indent_like  # a list style whose left indent this paragraph takes
        self.space_after_like_body = False  # the last item of a list: the room after a paragraph
        self.answer_tab: Length | None = None  # a right tab with dots, this far from the left edge
        self.page_break_before = False  # [[nieuwe-pagina]] or [[voor-de-voorzitter]] before it
        self.pieces: list[_Piece] = []

    def text(self, text: str, bold: bool = False, italic: bool = False, code: bool = False) -> _Paragraph:
        self.pieces.append(_Piece(text, bold, italic, code))
        return self

    def answer_line(self, width: Length) -> None:
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
        self.answer_tab = width

    @property
    def only_line(self) -> bool:
        """Only a line to write on (a line of dots in the Markdown): an answer to what stands above."""
        return self.answer_tab is not None and all(p.text == TAB or not p.text.strip() for p in self.pieces)

    def runs(self) -> list[tuple[str, tuple[bool, bool, bool]]]:
        """The text of each Word run and its format: neighbours with the same format share a run
        (tabs and breaks as '\\t' and '\\n', as python-docx takes them); no space at the end."""
        pieces = [p for p in self.pieces if p.text]
        while pieces and not pieces[-1].special and not pieces[-1].text.strip():
            pieces.pop()
        if pieces and not pieces[-1].special:
            pieces[-1] = _Piece(pieces[-1].text.rstrip(), *pieces[-1].fmt())
        runs: list[tuple[str, tuple[bool, bool, bool]]] = []
        for piece in pieces:
            if runs and runs[-1][1] == piece.fmt():
                runs[-1] = (runs[-1][0] + piece.text, runs[-1][1])
            else:
                runs.append((piece.text, piece.fmt()))
        return runs


def _to_write_in(paragraph) -> bool:
    """A cell to write in: empty, or only a {veld:id} place (the browser fills it, else the chair)."""
    return not any(FIELD_TOKEN.sub("", text) for text, _ in paragraph.runs())


def write_in_height(columns: int, write_in_columns: int) -> Length:
    """How high a body row of a table is at least: 0.9 cm, a line to write on. A table with two or more
    columns to write in (empty in every body row) is for sentences: the narrower its cells (the more
    columns), the more lines they need: 1.8 cm from 4 columns on, 2.2 cm from 7 (extra.css does the same; five rows
    of 2.2 cm still fit on one page of A4 turned a quarter)."""
    if write_in_columns < 2 or columns < 4:
        return EMPTY_ROW_HEIGHT
    return SENTENCE_ROW_HEIGHT if columns < 7 else NARROW_SENTENCE_ROW_HEIGHT


def _cell_text(paragraph: _Paragraph) -> str:
    return WHITESPACE.sub(" ", FIELD_TOKEN.sub("", "".join(text for text, _ in paragraph.runs()))).strip()


def narrow_width(header: str, body: list[str]) -> Length | None:
    """The width of a narrow column, or None for a column that shares the rest of the width.

    A column is narrow when each of its body cells holds at most three characters (a number, a
    letter, a box to tick: ☐) and at least one holds something, under a header of at most 15
    characters: 'nr.', 'casus', 'akkoord'. It is as wide as its longest word needs (at least 1.2 cm),
    so a column of sentences beside it keeps its room. An empty column is room to write: never
    narrow. docs/javascripts/tables.js marks the same columns for the printed page (extra.css)."""
    if len(header) > NARROW_HEADER_CHARS or not any(body) or any(len(text) > NARROW_CELL_CHARS for text in body):
        return None
    longest = max(len(word) for word in [*header.split(), *" ".join(body).split()])
    return Length(max(NARROW_MIN_WIDTH, longest * NARROW_CHAR_WIDTH + 2 * CELL_MARGIN))


def column_widths(headers: list[str], bodies: list[list[str]], width: int) -> list[Length]:
    """The width of each column: a narrow column (narrow_width) as wide as its words, the others share
    the rest equally. Without a narrow column, or when the narrow ones would take half the width or
    more, every column is equally wide (as python-docx's add_table makes them)."""
    narrow = [narrow_width(header, body) for header, body in zip(headers, bodies, strict=True)]
    taken = sum(w for w in narrow if w is not None)
    wide = sum(w is None for w in narrow)
    if not taken or not wide or 2 * taken >= width:
        return [Length(width // len(headers))] * len(headers)
    share = (width - taken) // wide
    return [Length(share) if w is None else w for w in narrow]


@dataclass
class _Table:
    """A table to be: its rows of cells (paragraphs), the header rows marked, the column count."""

    rows: list[tuple[bool, list[_Paragraph]]]
    columns: int
    page_break_before: bool = False  # [[nieuwe-pagina]] just before it


@dataclass
class _Picture:
    """A picture to be, from an <img> of the worksheet's HTML."""

    src: str
    alt: str


SVG_NOTE = ("[Beeld: {alt}. Deze tekening (SVG) staat niet in het Word-bestand; je vindt ze op de "
            "webpagina van dit werkblad.]")


class _Writer:
    """Writes paragraphs and tables into a python-docx Document, in the template's styles."""

    def __init__(self, document, pictures: dict[str, Path] | None = None, text_width: Length | None = None) -> None:
        self.document = document
        self.pictures = pictures or {}  # link as written ('beelden/x.png') -> file
        self.text_width = text_width
        self.styles = {}  # style objects by name: looking one up by name each time costs more
        self.body_space_after = self.style(BODY).paragraph_format.space_after

    def style(self, name: str):
        found = self.styles.get(name)
        if found is None:
            found = self.styles[name] = self.document.styles[name]
        return found

    def write(self, parts: list[_Paragraph | _Table | _Picture]) -> None:
        for part, after in zip(parts, [*parts[1:], None], strict=True):
            if isinstance(part, _Table):
                if part.page_break_before:  # Word keeps a page break with a paragraph, not a table
                    self.document.add_paragraph(style=self.style(BODY)).paragraph_format.page_break_before = True
                self.table(part)
                # Word glues two tables together without a paragraph between; and LibreOffice keeps
                # a table whose rows keep together with what follows it: a paragraph that keeps
                # with nothing ends that chain (else a heading, its table, the next heading ... all
                # move to the next page together)
                self.document.add_paragraph(style=self.style(BODY))
            elif isinstance(part, _Picture):
                self.picture(part)
            else:
                target = self.document.add_paragraph()
                self.paragraph(part, target)
                if isinstance(after, _Paragraph) and after.only_line and not after.page_break_before:
                    # a question stays on the page of its lines, and the lines stay together
                    target.paragraph_format.keep_with_next = True
                elif isinstance(after, _Table) and not after.page_break_before:
                    target.paragraph_format.keep_with_next = True  # what introduces a table stays with it

    def picture(self, source: _Picture) -> None:
        """The picture in a paragraph of its own, at most as wide as the text, with its description
        as alt text. Word cannot show an SVG from python-docx: a note in its place says where it is."""
        path = self.pictures.get(source.src)
        paragraph = self.document.add_paragraph(style=self.style(BODY))
        if path is None or path.suffix.lower() == ".svg":
            paragraph.add_run(xml_text(SVG_NOTE.format(alt=source.alt.rstrip(". ")))).italic = True
            return
        shape = paragraph.add_run().add_picture(io.BytesIO(path.read_bytes()))
        if self.text_width is not None and shape.width > self.text_width:
            shape.height = int(shape.height * self.text_width / shape.width)
            shape.width = self.text_width
        # python-docx has no API for a picture's alt text: it is the descr of wp:docPr, found in
        # the paragraph's element (the picture is the only one in its paragraph)
        doc_pr = paragraph._element.find(f".//{qn('wp:docPr')}")
        doc_pr.set("descr", xml_text(source.alt))
        doc_pr.set("name", xml_text(Path(source.src).name))

    def paragraph(self, source: _Paragraph, target) -> None:
        if source.style:
            target.style = self.style(source.style)
        fmt = target.paragraph_format
        if source.indent_like:
            fmt.left_indent = self.style(source.indent_like).paragraph_format.left_indent
        if source.space_after_like_body and self.body_space_after is not None:
            fmt.space_after = self.body_space_after
        if source.page_break_before:
            fmt.page_break_before = True
        if source.answer_tab is not None:
            fmt.tab_stops.add_tab_stop(source.answer_tab, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        for text, (bold, italic, code) in source.runs():
            run = target.add_run(xml_text(text))
            if bold:
                run.bold = True
            if italic:
                run.italic = True
            if code:
                run.style = self.style("Code")
                if "  " in text:
                    # Word may merge spaces in a row without xml:space="preserve"; python-docx only
                    # sets it for spaces at the start or end of the text
                    for t in run.element.iter(qn("w:t")):
                        t.set(qn("xml:space"), "preserve")

    def table(self, source: _Table) -> None:
        # add_table divides the text width over the columns; a fixed layout keeps them that wide
        table = self.document.add_table(rows=len(source.rows), cols=source.columns)
        table.style = self.style("Table Grid")
        table.autofit = False
        body_rows = [cells for header, cells in source.rows if not header]
        head = next((cells for header, cells in source.rows if header), [])
        headers = [_cell_text(head[column]) if column < len(head) else "" for column in range(source.columns)]
        bodies = [[_cell_text(cells[column]) for cells in body_rows if column < len(cells)]
                  for column in range(source.columns)]
        widths = column_widths(headers, bodies, sum(column.width for column in table.columns))
        narrow = [narrow_width(header, body) is not None for header, body in zip(headers, bodies, strict=True)]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # the grid, which LibreOffice follows; Word follows each cell's width
            for cell in column.cells:
                cell.width = width
        write_in = sum(1 for column in range(source.columns)
                       if body_rows and all(column >= len(cells) or _to_write_in(cells[column]) for cells in body_rows))
        height = write_in_height(source.columns, write_in)
        for row, (header, cells) in zip(table.rows, source.rows, strict=True):
            # python-docx has no API for 'repeat as header row' or 'do not split across pages'
            tr_pr = row._element.get_or_add_trPr()
            etree.SubElement(tr_pr, qn("w:cantSplit"))
            if header:  # repeated at the top of each page; the header never splits
                etree.SubElement(tr_pr, qn("w:tblHeader"))
            elif len(cells) < source.columns or any(_to_write_in(p) for p in cells):
                # room to write: at least 0.9 cm high, more for sentences in narrow cells; a row
                # full of text (an agenda, a key) is as high as its text
                row.height = height
                row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            last = row is table.rows[-1]
            for index, (cell, paragraph) in enumerate(zip(row.cells, cells, strict=False)):
                paragraph.answer_line(widths[index] - 2 * CELL_MARGIN)
                self.paragraph(paragraph, cell.paragraphs[0])
                if not last:
                    # Word's way to keep a table on one page: each row keeps with the next (a table
                    # longer than a page still breaks, between rows)
                    cell.paragraphs[0].paragraph_format.keep_with_next = True
                if narrow[index]:  # a number or a box to tick in the middle of its narrow column
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
                if header:
                    # the header's fill: python-docx has no API for cell shading
                    shading = etree.SubElement(cell._element.get_or_add_tcPr(), qn("w:shd"))
                    shading.set(qn("w:val"), "clear")
                    shading.set(qn("w:color"), "auto")
                    shading.set(qn("w:fill"), HEADER_FILL)


# -- the HTML walk ------------------------------------------------------------------------------

def _tag(element) -> str:
    return element.tag if isinstance(element.tag, str) else ""  # comments have a function as tag


class _Body:
    """Walks the HTML of a worksheet and collects the Word paragraphs and tables to be."""

    def __init__(self, text_width: Length) -> None:
        self.text_width = text_width  # where an answer line ends: the right margin
        self.parts: list[_Paragraph | _Table | _Picture] = []
        self.skip_images = False  # True while a paragraph's pictures follow it as parts of their own
        self.new_page = False  # after [[nieuwe-pagina]]: the next part starts a new page

    def add(self, paragraph: _Paragraph) -> _Paragraph:
        if self.new_page:
            paragraph.page_break_before, self.new_page = True, False
        self.parts.append(paragraph)
        return paragraph

    def add_part(self, part: _Table | _Picture) -> None:
        if self.new_page and isinstance(part, _Table):
            part.page_break_before, self.new_page = True, False
        elif self.new_page:
            self.add(_Paragraph(BODY))
        self.parts.append(part)

    def blocks(self, parent, list_level: int = 0) -> None:
        for element in parent:
            tag = _tag(element)
            if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
                level = min(int(tag[1]) - 1, 4) or 1
                self.add(self.inline(_Paragraph(style=f"Heading {level}"), element))
            elif tag == "div" and "nieuwe-pagina" in (element.get("class") or "").split():
                self.new_page = True
            elif tag == "p" and "voor-de-voorzitter" in (element.get("class") or "").split():
                self.new_page = True  # the chair's part on a sheet of its own
                self.add(self.inline(_Paragraph(BODY), element))
            elif tag == "p":
                if "admonition-title" in (element.get("class") or ""):
                    self.add(self.inline(_Paragraph(BODY), element, bold=True))
                else:
                    # a picture in a paragraph of its own, after the paragraph's text
                    images = list(element.iter("img"))
                    if not images or _text(element.text_content()).strip():
                        self.skip_images = bool(images)
                        self.paragraph(element)
                        self.skip_images = False
                    for image in images:
                        self.add_part(_Picture(image.get("src", ""), image.get("alt", "")))
            elif tag in ("ul", "ol"):
                self.list(element, ordered=tag == "ol", level=list_level)
                last = self.parts[-1] if self.parts else None
                if list_level == 0 and isinstance(last, _Paragraph):
                    last.space_after_like_body = True  # the usual room between the list and what follows
            elif tag == "table":
                self.table(element)
            elif tag == "blockquote":
                for child in element:
                    self.add(self.inline(_Paragraph(style="Quote"), child))
            elif tag == "pre":
                paragraph = _Paragraph(BODY)
                for number, line in enumerate(element.text_content().rstrip("\n").split("\n")):
                    if number:
                        paragraph.pieces.append(_Piece(BREAK, code=True))
                    paragraph.text(line.expandtabs(4), code=True)
                self.add(paragraph)
            elif tag in ("div", "details", "section"):
                self.blocks(element, list_level)

    def paragraph(self, element, indent_like: str | None = None) -> None:
        paragraph = self.inline(_Paragraph(BODY, indent_like=indent_like), element)
        paragraph.answer_line(self.text_width)
        self.add(paragraph)

    def list(self, element, ordered: bool, level: int) -> None:
        style = LIST_STYLES[min(level, len(LIST_STYLES) - 1)]
        try:
            start = int(element.get("start", 1))
        except ValueError:
            start = 1
        for number, item in enumerate(element.findall("li"), start=start):
            paragraph = _Paragraph(style=style)
            # numbers as text: Word's list numbering would continue across separate lists
            paragraph.text(f"{number}." if ordered else "•").pieces.append(_Piece(TAB))
            nested = [c for c in item if _tag(c) in ("ul", "ol", "table", "p", "blockquote")]
            self.inline(paragraph, item, children=[c for c in item if c not in nested])
            paragraphs = [c for c in nested if c.tag == "p"]
            if paragraphs and not _text(item.text).strip():
                # a 'loose' list: the item's text sits in <p> elements
                self.inline(paragraph, paragraphs[0])
                nested = [c for c in nested if c is not paragraphs[0]]
            paragraph.answer_line(self.text_width)
            self.add(paragraph)
            for child in nested:
                if child.tag in ("ul", "ol"):
                    self.list(child, ordered=child.tag == "ol", level=level + 1)
                elif child.tag == "table":
                    self.table(child)
                else:
                    self.paragraph(child, indent_like=style)

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
            elif tag == "img":
                # a picture inside a list or a table cell: its description, where it stands
                if not self.skip_images:
                    self._text(paragraph, f"[Beeld: {child.get('alt', '').strip()}]", bold, True)
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
        table = _Table([], columns)
        for cells in rows:
            header = all(c.tag == "th" for c in cells)
            paragraphs = [self.inline(_Paragraph(), cell, bold=header) for cell in cells]
            paragraphs += [_Paragraph() for _ in range(columns - len(cells))]
            table.rows.append((header, paragraphs))
        self.add_part(table)
