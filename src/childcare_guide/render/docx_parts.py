"""The fixed parts of a Word worksheet (.docx): package skeleton, styles and settings.

A worksheet needs only a handful of WordprocessingML parts. They are written here once, small and
readable, instead of copying a word processor's default template (with a thumbnail of an empty
page and 800 kB of styles no worksheet uses). worksheet_docx.py adds the parts that depend on the
worksheet: word/document.xml, word/footer1.xml and docProps/core.xml.

Element order inside each XML element follows the ECMA-376 schema: Word refuses a file with
elements out of order. These strings live in Python (not in design/) so that the content-hash
cache (cache.code_version, which hashes this package's source) makes every worksheet again when
they change.
"""

from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

LANGUAGE = "nl-BE"
FONT = "Calibri"  # LibreOffice shows it with the metric-compatible Carlito
CODE_FONT = "Consolas"
INK = "1B4D4A"  # the dark green of the decks (deck.FLANDERS_COLOUR): 9.5:1 on white
RULE = "00897B"  # teal, the line under the title
FOOTER_GREY = "595959"  # 7:1 on white

# A4 with 2 cm margins, in twentieths of a point (twips): 1 cm = 567 twips.
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN = 1134
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN  # 9638
CELL_MARGIN = 108  # left and right inside a table cell (Word's default)

DOCUMENT = "word/document.xml"
FOOTER = "word/footer1.xml"
CORE = "docProps/core.xml"
FOOTER_RELATIONSHIP = "rId3"  # in word/_rels/document.xml.rels below

_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CONTENT_TYPES = (
    XML_DECLARATION
    + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/{DOCUMENT}" ContentType="{_MAIN}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_MAIN}.styles+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{_MAIN}.settings+xml"/>'
    f'<Override PartName="/{FOOTER}" ContentType="{_MAIN}.footer+xml"/>'
    f'<Override PartName="/{CORE}" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)

_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
PACKAGE_RELATIONSHIPS = (
    XML_DECLARATION
    + f'<Relationships xmlns="{_PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="{DOCUMENT}"/>'
    f'<Relationship Id="rId2" Type="{_PACKAGE_RELS}/metadata/core-properties" Target="{CORE}"/>'
    f'<Relationship Id="rId3" Type="{R}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)

DOCUMENT_RELATIONSHIPS = (
    XML_DECLARATION
    + f'<Relationships xmlns="{_PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{R}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{R}/settings" Target="settings.xml"/>'
    f'<Relationship Id="{FOOTER_RELATIONSHIP}" Type="{R}/footer" Target="footer1.xml"/>'
    "</Relationships>"
)

APP = (
    XML_DECLARATION
    + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>Kinderopvang voor iedereen</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)

# Dutch number format for fields and formulas; Word 2013+ layout; Dutch proofing by default.
SETTINGS = (
    XML_DECLARATION
    + f'<w:settings xmlns:w="{W}">'
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat>'
    f'<w:themeFontLang w:val="{LANGUAGE}"/>'
    '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
    "</w:settings>"
)


def _heading(level: int, size: int, before: int, after: int, italic: bool = False) -> str:
    return (f'<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/>'
            '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
            f'<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{after}"/>'
            f'<w:outlineLvl w:val="{level - 1}"/></w:pPr>'
            f'<w:rPr><w:b/><w:bCs/>{"<w:i/><w:iCs/>" if italic else ""}<w:color w:val="{INK}"/>'
            f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>')


_BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="auto"'
STYLES = (
    XML_DECLARATION
    + f'<w:styles xmlns:w="{W}">'
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    f'<w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
    '<w:sz w:val="22"/><w:szCs w:val="22"/>'
    f'<w:lang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}" w:bidi="ar-SA"/>'
    "</w:rPr></w:rPrDefault>"
    '<w:pPrDefault><w:pPr><w:spacing w:after="200" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    "</w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>'
    "</w:style>"
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    f'<w:left w:w="{CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    f'<w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>'
    f'<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="{RULE}"/></w:pBdr>'
    '<w:spacing w:after="240" w:line="240" w:lineRule="auto"/><w:contextualSpacing/></w:pPr>'
    f'<w:rPr><w:color w:val="{INK}"/><w:kern w:val="28"/><w:sz w:val="48"/><w:szCs w:val="48"/></w:rPr>'
    "</w:style>"
    + _heading(1, 28, 360, 80)
    + _heading(2, 26, 240, 60)
    + _heading(3, 24, 200, 40)
    + _heading(4, 22, 200, 40, italic=True)
    + '<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:uiPriority w:val="29"/><w:qFormat/>'
    '<w:pPr><w:ind w:left="567" w:right="567"/></w:pPr>'
    '<w:rPr><w:i/><w:iCs/><w:color w:val="404040"/></w:rPr></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
    '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
    f"<w:tblBorders><w:top {_BORDER}/><w:left {_BORDER}/><w:bottom {_BORDER}/><w:right {_BORDER}/>"
    f"<w:insideH {_BORDER}/><w:insideV {_BORDER}/></w:tblBorders>"
    f'<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
    f'<w:bottom w:w="57" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
    "</w:tblPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>'
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    f'<w:pPr><w:tabs><w:tab w:val="center" w:pos="{TEXT_WIDTH // 2}"/><w:tab w:val="right" w:pos="{TEXT_WIDTH}"/>'
    '</w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    f'<w:rPr><w:color w:val="{FOOTER_GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>'
    "</w:styles>"
)

# The parts that are the same in every worksheet, by their name in the zip.
FIXED_PARTS: dict[str, bytes] = {
    "[Content_Types].xml": CONTENT_TYPES.encode(),
    "_rels/.rels": PACKAGE_RELATIONSHIPS.encode(),
    "word/_rels/document.xml.rels": DOCUMENT_RELATIONSHIPS.encode(),
    "word/styles.xml": STYLES.encode(),
    "word/settings.xml": SETTINGS.encode(),
    "docProps/app.xml": APP.encode(),
}
