"""Make design/worksheet-template.docx: the Word template every worksheet (.docx) starts from.

Run once to (re)create the starting design: `python scripts/make_worksheet_template.py`
(`--out PATH` writes it elsewhere). The same script gives the same bytes.
After that the template belongs to the designer: open it in Word or LibreOffice Writer and restyle
it (fonts, colours, spacing, margins, the footer) without a code change. Keep:

- the style names the worksheets use (WORKSHEET_STYLES below; Word shows the built-in ones in
  Dutch: Standaard, Plattetekst, Titel, Kop 1-4, Citaat, Lijst 1-5, Voettekst, Tabelraster) and
  the character style "Code". Standaard (Normal) is the base of every style and the text in a
  table's cells (with the spacing of Tabelraster); Plattetekst (Body Text) is a paragraph of text;
- an empty body: the worksheet's content is added after whatever the body holds;
- the footer's first paragraph: it is replaced by the worksheet's line (package, version, module).
  A page number or logo can go in a paragraph after it.

python-docx starts from its own default document (Word's Normal template: about 800 kB of styles);
this script keeps only the styles the worksheets use and the parts Word expects (styles, settings,
font table, theme), so every worksheet is small and quick to make.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from childcare_guide.render.reproducible import reproducible_zip  # noqa: E402

OUT = ROOT / "design" / "worksheet-template.docx"
FIXED_TIME = dt.datetime(2024, 1, 1)
LANGUAGE = "nl-BE"

INK = RGBColor(0x1B, 0x4D, 0x4A)  # the dark green of the decks: 9.5:1 on white
RULE = "00897B"  # teal, the line under the title
QUOTE_GREY = RGBColor(0x40, 0x40, 0x40)
FOOTER_GREY = RGBColor(0x59, 0x59, 0x59)  # 7:1 on white
FONT = "Calibri"  # the theme's font for headings and body text; LibreOffice shows it as Carlito
CODE_FONT = "Consolas"  # LibreOffice shows it with a metric-compatible font where it is missing

# A4 with 2 cm margins, in twips (1 cm = 567 twips).
PAGE_WIDTH, PAGE_HEIGHT = Twips(11906), Twips(16838)
MARGIN = Twips(1134)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
LIST_INDENT = 454  # twips per list level: 0.8 cm
LIST_HANGING = 340  # the bullet or number hangs 0.6 cm to the left of the text
LIST_LEVELS = 5

# The styles the worksheets use, by the name python-docx (and Word's English UI) gives them.
WORKSHEET_STYLES = ["Normal", "Body Text", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Quote",
                    "Footer", "Table Grid", "List", *(f"List {n}" for n in range(2, LIST_LEVELS + 1))]
# Styles Word needs as defaults, whatever the document uses.
DEFAULT_STYLES = ["Default Paragraph Font", "Normal Table", "No List"]
# Parts of python-docx's default document that no worksheet needs: a thumbnail of an empty page,
# a second copy of the styles for Word 2010 (it would have to be kept in step with styles.xml),
# an empty custom XML item, web settings and the numbering of styles that are removed.
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
DROPPED_PART_RELATIONSHIPS = (STYLES_WITH_EFFECTS, RT.CUSTOM_XML, RT.WEB_SETTINGS, RT.NUMBERING)


def drop_parts(document) -> None:
    """Remove the parts listed above; a part no relationship points at is not saved."""
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype in DROPPED_PART_RELATIONSHIPS:
            part.drop_rel(rel_id)
    package_rels = part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rel_id]


def keep_only_worksheet_styles(document) -> None:
    styles = document.styles
    keep = set(WORKSHEET_STYLES) | set(DEFAULT_STYLES)
    for style in list(styles):
        if style.name not in keep:
            style.delete()
    # python-docx has no API for latent styles' removal in bulk: each one is deleted in turn.
    for latent in list(styles.latent_styles):
        latent.delete()
    for name in ("List 4", "List 5"):
        if name not in [s.name for s in styles]:
            styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=True)
    for style in styles:
        if style.name in WORKSHEET_STYLES:
            style.hidden = False  # shown in Word's style gallery and list
            style.unhide_when_used = False
        element = style.element
        # links to the '... Char' styles just deleted, and Word 2007 bookkeeping (rsid)
        for child in element.findall(qn("w:link")) + element.findall(qn("w:rsid")):
            element.remove(child)
        # start each paragraph style from nothing: the design below is the whole design
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            for tag in ("w:pPr", "w:rPr"):
                for child in element.findall(qn(tag)):
                    element.remove(child)


def document_defaults(document) -> None:
    """The theme's body font (Calibri) at 11 pt, Dutch (Belgium) proofing, line spacing 1.15 and
    no space after a paragraph: Body Text adds it. Normal itself sets no paragraph spacing, so the
    text in a table's cells takes that of the table style (a paragraph style's spacing, Normal's
    too, would win over the table style's)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    # python-docx has no API for the document defaults: set them with lxml.
    language = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    for attribute in ("w:val", "w:eastAsia"):
        language.set(qn(attribute), LANGUAGE)
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "276")
    spacing.set(qn("w:lineRule"), "auto")
    document.styles["Normal"].quick_style = True
    body = document.styles["Body Text"]
    body.base_style = document.styles["Normal"]
    body.quick_style = True
    body.paragraph_format.space_after = Pt(10)


def heading_styles(document) -> None:
    sizes = {1: (14, 18, 4), 2: (13, 12, 3), 3: (12, 10, 2), 4: (11, 10, 2)}  # pt, before, after
    for level, (size, before, after) in sizes.items():
        style = document.styles[f"Heading {level}"]
        style.base_style = document.styles["Normal"]
        style.next_paragraph_style = document.styles["Normal"]
        style.quick_style = True
        style.font.bold = True
        style.font.italic = True if level == 4 else None
        style.font.size = Pt(size)
        style.font.color.rgb = INK
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.keep_with_next = fmt.keep_together = True
        # the outline level makes it a heading for Word's navigation pane and a PDF's bookmarks;
        # python-docx has no API for it
        outline = etree.SubElement(style.element.get_or_add_pPr(), qn("w:outlineLvl"))
        outline.set(qn("w:val"), str(level - 1))


def title_style(document) -> None:
    style = document.styles["Title"]
    style.base_style = document.styles["Normal"]
    style.next_paragraph_style = document.styles["Normal"]
    style.quick_style = True
    style.font.size = Pt(24)
    style.font.color.rgb = INK
    fmt = style.paragraph_format
    fmt.space_after = Pt(12)
    fmt.line_spacing = 1.0
    # a teal line under the title: python-docx has no API for paragraph borders
    p_pr = style.element.get_or_add_pPr()
    borders = etree.Element(qn("w:pBdr"))
    bottom = etree.SubElement(borders, qn("w:bottom"))
    for attribute, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "4"), ("w:color", RULE)):
        bottom.set(qn(attribute), value)
    p_pr.insert(0, borders)  # pBdr comes before spacing in the schema


def quote_and_footer_styles(document) -> None:
    quote = document.styles["Quote"]
    quote.base_style = document.styles["Normal"]
    quote.quick_style = True
    quote.font.italic = True
    quote.font.color.rgb = QUOTE_GREY
    quote.paragraph_format.left_indent = quote.paragraph_format.right_indent = Twips(567)
    quote.paragraph_format.space_after = Pt(10)

    footer = document.styles["Footer"]
    footer.base_style = document.styles["Normal"]
    footer.font.size = Pt(9)
    footer.font.color.rgb = FOOTER_GREY
    fmt = footer.paragraph_format
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.tab_stops.add_tab_stop(TEXT_WIDTH // 2, WD_TAB_ALIGNMENT.CENTER)
    fmt.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)


def list_styles(document) -> None:
    """'List', 'List 2' ... 'List 5': the bullet or number (written in the text, so a list never
    continues another list's numbering) hangs to the left, then a tab to the text."""
    for level in range(1, LIST_LEVELS + 1):
        style = document.styles["List" if level == 1 else f"List {level}"]
        style.base_style = document.styles["Normal"]
        fmt = style.paragraph_format
        fmt.left_indent = Twips(LIST_INDENT * level)
        fmt.first_line_indent = Twips(-LIST_HANGING)
        fmt.space_after = Twips(40)
        fmt.tab_stops.add_tab_stop(Twips(LIST_INDENT * level), WD_TAB_ALIGNMENT.LEFT)


def code_style(document) -> None:
    style = document.styles.add_style("Code", WD_STYLE_TYPE.CHARACTER)
    style.base_style = document.styles["Default Paragraph Font"]
    style.font.name = CODE_FONT
    # python-docx sets the font for Latin text only; complex scripts get it too
    style.element.rPr.rFonts.set(qn("w:cs"), CODE_FONT)


def table_style(document) -> None:
    """'Table Grid': thin borders, 1 mm above and below the text in a cell, single line spacing."""
    style = document.styles["Table Grid"]
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.0
    # cell margins: no python-docx API; Word's own Table Grid has 0.19 cm left and right
    margins = style.element.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
    for side, width in (("top", 57), ("bottom", 57)):
        element = margins.find(qn(f"w:{side}"))
        if element is None:
            element = etree.Element(qn(f"w:{side}"))
            margins.insert(0 if side == "top" else 2, element)
        element.set(qn("w:w"), str(width))
        element.set(qn("w:type"), "dxa")


def settings(document) -> None:
    """Word 2013+ layout, Dutch number format for fields, Dutch for the theme's fonts."""
    element = document.settings.element
    # python-docx has no API for these settings
    for name, value in (("w:themeFontLang", LANGUAGE), ("w:decimalSymbol", ","), ("w:listSeparator", ";"),
                        ("w:defaultTabStop", "709")):
        found = element.find(qn(name))
        found.set(qn("w:val"), value)
        found.attrib.pop(qn("w:eastAsia"), None)
    for setting in element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    for name in ("w:rsids", "w:savePreviewPicture", "w:proofState"):
        for found in element.findall(qn(name)):
            element.remove(found)


def page_and_footer(document) -> None:
    section = document.sections[0]
    section_properties = document.element.body.find(qn("w:sectPr"))
    for attribute in ("w:rsidR", "w:rsidRPr", "w:rsidSect"):  # revision ids of python-docx's own template
        section_properties.attrib.pop(qn(attribute), None)
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = Twips(567)
    section.gutter = 0
    section.footer.is_linked_to_previous = False
    paragraph = section.footer.paragraphs[0]
    paragraph.style = document.styles["Footer"]
    paragraph.text = "Kinderopvang voor iedereen, versie · werkblad bij module (deze regel vult het werkblad in)"


def properties(document) -> None:
    props = document.core_properties
    props.title = "Sjabloon voor de werkbladen"
    props.subject = "Kinderopvang voor iedereen"
    props.author = props.last_modified_by = "Kinderopvang voor iedereen"
    props.keywords = props.comments = props.category = ""
    props.language = LANGUAGE
    props.revision = 1
    props.created = props.modified = props.last_printed = FIXED_TIME


def theme_fonts(theme: bytes) -> bytes:
    """The theme's fonts for headings and body text both Calibri (python-docx's theme has Cambria
    for body text). Word's Design > Fonts changes them; every style takes the theme's font.
    python-docx has no API for the theme part: its XML is changed in the saved package."""
    root = etree.fromstring(theme)
    drawing = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    scheme = root.find(f"{drawing}themeElements/{drawing}fontScheme")
    scheme.set("name", "Kinderopvang voor iedereen")
    for kind in ("majorFont", "minorFont"):
        scheme.find(f"{drawing}{kind}/{drawing}latin").set("typeface", FONT)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# What a worksheet says about the program that made it (python-docx's own says 'Microsoft Macintosh
# Word' and counts the pages of an empty document). python-docx has no API for this part.
APP_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>Kinderopvang voor iedereen</Application><DocSecurity>0</DocSecurity>"
    b"<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Maak het start-sjabloon van de Word-werkbladen.")
    parser.add_argument("--out", type=Path, default=OUT,
                        help=f"waar het sjabloon komt (standaard {OUT.relative_to(ROOT)})")
    out = parser.parse_args(argv).out
    document = Document()
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    drop_parts(document)
    keep_only_worksheet_styles(document)
    document_defaults(document)
    title_style(document)
    heading_styles(document)
    quote_and_footer_styles(document)
    list_styles(document)
    table_style(document)
    code_style(document)
    settings(document)
    page_and_footer(document)
    properties(document)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/theme/theme1.xml"] = theme_fonts(members["word/theme/theme1.xml"])
    members["docProps/app.xml"] = APP_PROPERTIES
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(reproducible_zip(members))
    print(f"Sjabloon geschreven: {out}")


if __name__ == "__main__":
    main()
