"""Worksheets as .docx: reopen with python-docx, open in LibreOffice Writer, same bytes every time.

python-docx writes them into design/worksheet-template.docx. These tests also check the package as
Word reads it: every XML part well-formed, every part with a content type, every relationship
pointing at a part that is there, every style that a paragraph or table names defined; and that
a restyled template changes the worksheets. tests/test_office_validator.py runs openxml-audit."""

import io
import posixpath
import re
import subprocess
import zipfile

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Mm, Pt, RGBColor
from helpers import SUBPROCESS_TIMEOUT, soffice
from lxml import etree

from childcare_guide.content.markdown_text import DIRECTIVE
from childcare_guide.render.pages import NEW_PAGE
from childcare_guide.render.worksheet import (
    TEMPLATE,
    DocxInputs,
    WorksheetTemplateError,
    column_widths,
    docx_inputs,
    markdown_converter,
    narrow_width,
    render_docx,
    worksheet_docx,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# The end of the content type that a part of each relationship type must have.
PART_TYPES = {"officeDocument": ".document.main+xml", "styles": ".styles+xml", "settings": ".settings+xml",
              "footer": ".footer+xml", "core-properties": "core-properties+xml",
              "extended-properties": "extended-properties+xml"}

# Every construction the HTML walk knows, and text that XML must escape or cannot hold.
SAMPLE_BODY = """Tekst met & en 1 < 2 > 0 en "aanhalingstekens", een stuurteken\x01 weg, een
[link](https://www.example.org/pad?a=1&b=2), `code <x>` en *nadruk* en **vet**.
Eerste regel\x20\x20
tweede regel na een harde regeleinde.

### Kop drie

#### Kop vier

##### Kop vijf

> Een citaat.

!!! note "Let op"
    Tekst in een kader.

Een codeblok:

    code  met  spaties
    tweede regel

3. drie
4. vier, met een lijst erin:
    - binnen ......
    - **Wie?** ..........

- een losse lijst

- met alinea's

**Wie neemt contact op?** ..........

| vraag | antwoord |
| --- | --- |
| Naam: ........ | |
| tekst & meer | |
"""
SAMPLE = DocxInputs("Kinderopvang voor iedereen", "9.9.9", 9, "Proef & <test>", "Alles wat kan", SAMPLE_BODY)


@pytest.fixture(scope="module")
def documents(package):
    return {(m.slug, s.id): worksheet_docx(package, m, s) for m in package.modules for s in m.worksheets}


def package_problems(data: bytes) -> list[str]:
    """What Word would refuse or lose in a .docx: empty when the package is sound."""
    problems = []
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    if names[:1] != ["[Content_Types].xml"]:
        problems.append("[Content_Types].xml is not the first member")
    trees = {}
    for name in names:
        if name.endswith((".xml", ".rels")):
            try:
                trees[name] = etree.fromstring(archive.read(name))
            except etree.XMLSyntaxError as error:
                problems.append(f"{name}: {error}")
    types = trees.get("[Content_Types].xml")
    if types is None:
        return problems + ["no [Content_Types].xml"]
    overrides = {e.get("PartName")[1:]: e.get("ContentType") for e in types.iter(f"{CT}Override")}
    defaults = {e.get("Extension"): e.get("ContentType") for e in types.iter(f"{CT}Default")}
    content_types = {name: overrides.get(name, defaults.get(name.rsplit(".", 1)[-1])) for name in names}
    for name in names:
        if name != "[Content_Types].xml" and content_types[name] is None:
            problems.append(f"{name} has no content type")
    problems += [f"content type for missing part {p}" for p in overrides if p not in names]
    targets = {}
    for name, tree in trees.items():
        if not name.endswith(".rels"):
            continue
        source = posixpath.dirname(posixpath.dirname(name))  # word/_rels/x.rels -> word
        for rel in tree.iter(f"{RELS}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(source, rel.get("Target")))
            targets[(name, rel.get("Id"))] = target
            if target not in names:
                problems.append(f"{name}: {rel.get('Id')} points at missing {target}")
                continue
            # a part Word reads through a relationship needs its own content type, not plain XML
            kind = rel.get("Type").rsplit("/", 1)[-1]
            expected = PART_TYPES.get(kind, "")
            if content_types[target] == "application/xml" or not content_types[target].endswith(expected):
                problems.append(f"{target} has content type {content_types[target]}, not one for {kind}")
    main = [t for (n, _), t in targets.items() if n == "_rels/.rels"]
    if "word/document.xml" not in main:
        problems.append("no officeDocument relationship to word/document.xml")
    styles = trees.get("word/styles.xml")
    defined = {s.get(f"{W}styleId") for s in styles.iter(f"{W}style")} if styles is not None else set()
    for part in ("word/document.xml", "word/footer1.xml"):
        tree = trees.get(part)
        if tree is None:
            problems.append(f"no {part}")
            continue
        rels = f"word/_rels/{posixpath.basename(part)}.rels"
        for element in tree.iter():
            for attribute, value in element.attrib.items():
                if attribute.startswith(R) and (rels, value) not in targets:
                    problems.append(f"{part}: relationship {value} is not in {rels}")
        for element in tree.iter(f"{W}pStyle", f"{W}tblStyle"):
            if element.get(f"{W}val") not in defined:
                problems.append(f"{part}: style {element.get(f'{W}val')} is not in styles.xml")
    return problems


def test_every_worksheet_is_a_sound_package(documents):
    for key, data in {**documents, ("proef", "alles"): render_docx(SAMPLE)}.items():
        assert package_problems(data) == [], key


def test_the_package_check_finds_what_word_would_refuse(documents):
    data = documents[("omgevingsanalyse", "gemeentelijke-fiche")]
    members = {n: zipfile.ZipFile(io.BytesIO(data)).read(n) for n in zipfile.ZipFile(io.BytesIO(data)).namelist()}

    def zipped(changed: dict[str, bytes | None]) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for name, content in {**members, **changed}.items():
                if content is not None:
                    target.writestr(name, content)
        return out.getvalue()

    assert any("styles.xml" in p for p in package_problems(zipped({"word/styles.xml": None})))
    broken_xml = members["word/document.xml"].replace(b"</w:body>", b"</w:bod>")
    assert any("word/document.xml" in p for p in package_problems(zipped({"word/document.xml": broken_xml})))
    no_type = members["[Content_Types].xml"].replace(b'PartName="/word/footer1.xml"', b'PartName="/x.xml"')
    assert any("footer1.xml has content type application/xml" in p for p in package_problems(
        zipped({"[Content_Types].xml": no_type})))
    bad_style = members["word/document.xml"].replace(b'w:val="Heading1"', b'w:val="Kop1"', 1)
    assert any("Kop1" in p for p in package_problems(zipped({"word/document.xml": bad_style})))


def test_every_construction_and_awkward_text_survive(tmp_path):
    data = render_docx(SAMPLE)
    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    first = next(p for p in doc.paragraphs if p.text.startswith("Tekst met"))
    assert first.text.startswith('Tekst met & en 1 < 2 > 0 en "aanhalingstekens", een stuurteken weg, een link '
                                 "(https://www.example.org/pad?a=1&b=2), code <x> en nadruk en vet.")
    assert "harde regeleinde" in first.text and "\n" in first.text  # the hard line break
    code = [r for r in first.runs if r.text == "code <x>"]
    assert [(r.style.name, r.style.font.name) for r in code] == [("Code", "Consolas")]
    assert [r.text for r in first.runs if r.italic] == ["nadruk"]
    assert [r.text for r in first.runs if r.bold] == ["vet"]
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles["Kop drie"] == "Heading 2" and styles["Kop vier"] == "Heading 3"
    assert styles["Kop vijf"] == "Heading 4" and styles["Een citaat."] == "Quote"
    assert [r.text for p in doc.paragraphs if p.text == "Let op" for r in p.runs if r.bold] == ["Let op"]
    assert "code  met  spaties\ntweede regel" in texts  # a code block keeps its spaces and lines
    assert "Tekst in een kader." in texts
    assert any(t.startswith("3.\tdrie") for t in texts) and any(t.startswith("4.\tvier") for t in texts)
    assert "•\tbinnen \t" in texts and "•\tWie? \t" in texts
    assert "•\tmet alinea's" in texts
    nested = next(p for p in doc.paragraphs if p.text == "•\tbinnen \t")
    outer = next(p for p in doc.paragraphs if p.text.startswith("3."))
    assert (outer.style.name, nested.style.name) == ("List", "List 2")
    assert nested.style.paragraph_format.left_indent > outer.style.paragraph_format.left_indent
    assert outer.paragraph_format.first_line_indent is None  # the hanging bullet comes from the style
    assert outer.style.paragraph_format.first_line_indent < 0
    line = next(p for p in doc.paragraphs if p.text.startswith("Wie neemt contact op?"))
    assert line.text == "Wie neemt contact op? \t" and line.paragraph_format.tab_stops[0].leader == 1
    cell = doc.tables[0].rows[1].cells[0]
    assert cell.text == "Naam: \t"
    stop = cell.paragraphs[0].paragraph_format.tab_stops[0]
    assert stop.leader == 1 and stop.position < doc.tables[0].columns[0].width  # the line ends in its cell
    assert doc.tables[0].rows[2].cells[0].text == "tekst & meer"
    assert doc.core_properties.subject.endswith("module 9: Proef & <test>")


def test_a_restyled_template_restyles_every_worksheet(tmp_path):
    """What a designer changes in Word (a style, the margins, the footer's look) reaches the worksheet;
    the answer lines and table columns follow the new margins."""
    template = tmp_path / "sjabloon.docx"
    designed = Document(str(TEMPLATE))
    designed.styles["Heading 2"].font.color.rgb = RGBColor(0x80, 0x00, 0x40)
    designed.styles["Normal"].font.size = Pt(12)
    designed.styles["Footer"].font.italic = True
    section = designed.sections[0]
    section.left_margin = section.right_margin = Cm(3)
    designed.save(str(template))

    before, after = Document(io.BytesIO(render_docx(SAMPLE))), Document(io.BytesIO(render_docx(SAMPLE, template)))
    heading = next(p for p in after.paragraphs if p.text == "Kop drie")
    assert heading.style.name == "Heading 2" and heading.style.font.color.rgb == RGBColor(0x80, 0x00, 0x40)
    assert after.styles["Normal"].font.size == Pt(12) and after.sections[0].footer.paragraphs[0].style.font.italic
    assert after.sections[0].footer.paragraphs[0].text.startswith("Kinderopvang voor iedereen, versie 9.9.9")

    def answer_stop(doc):
        line = next(p for p in doc.paragraphs if p.text.startswith("Wie neemt contact op?"))
        return line.paragraph_format.tab_stops[0].position

    text_width = after.sections[0].page_width - 2 * Cm(3)
    assert abs(answer_stop(after) - text_width) < Mm(0.1)
    assert answer_stop(before) - answer_stop(after) > Cm(1.9)
    assert abs(sum(c.width for c in after.tables[0].columns) - text_width) < Mm(0.1)


def test_a_template_without_what_the_worksheets_need_stops_with_a_dutch_message(tmp_path):
    template = tmp_path / "sjabloon.docx"
    designed = Document(str(TEMPLATE))
    designed.styles["Heading 4"].delete()
    designed.styles["Body Text"].delete()
    designed.save(str(template))
    with pytest.raises(WorksheetTemplateError, match="mist de opmaakstijl Body Text, Heading 4. Geef in Word"):
        render_docx(SAMPLE, template)
    with pytest.raises(WorksheetTemplateError, match="ontbreekt: .*Zet design/worksheet-template.docx terug"):
        render_docx(SAMPLE, tmp_path / "weg.docx")


def test_every_worksheet_becomes_a_document_with_its_title_and_dutch_properties(package, documents):
    for module in package.modules:
        for sheet in module.worksheets:
            doc = Document(io.BytesIO(documents[(module.slug, sheet.id)]))
            assert doc.paragraphs[0].text == f"Werkblad: {sheet.title}"
            assert doc.paragraphs[0].style.name == "Title"
            props = doc.core_properties
            assert props.title == f"Werkblad: {sheet.title}"
            assert props.language == "nl-BE"
            assert props.version == package.version
            section = doc.sections[0]
            size = (297, 210) if sheet.landscape else (210, 297)
            assert (round(section.page_width.mm), round(section.page_height.mm)) == size
            footer = section.footer.paragraphs[0].text
            assert "editie december 2026" in footer and package.version not in footer
            assert "editie december 2026" in doc.paragraphs[1].text


def test_headings_lists_and_tables_come_from_the_same_markdown(package, documents):
    module = package.module("omgevingsanalyse")
    sheet = next(s for s in module.worksheets if s.id == "gemeentelijke-fiche")
    doc = Document(io.BytesIO(documents[(module.slug, sheet.id)]))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    expected = re.findall(r"^## (.+)$", sheet.body, flags=re.M)
    assert headings == expected
    markdown_tables = sum(1 for line in sheet.body.splitlines() if re.match(r"^\|\s*-{3}", line))
    directive_tables = sum(1 for line in sheet.body.splitlines() if DIRECTIVE.match(line))
    assert len(doc.tables) == markdown_tables + directive_tables
    # [[cijfertabel]]: the Flemish figures with an empty column for the municipality
    figure_table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Cijfer")
    assert [c.text for c in figure_table.rows[0].cells] == ["Cijfer", "Vlaanderen", "Jaar en bron",
                                                            "Onze gemeente"]
    assert [r.cells[0].text for r in figure_table.rows[1:]] == [f.label for f in module.figures]
    assert all(r.cells[3].text == "" for r in figure_table.rows[1:])


def test_empty_answer_space_is_editable_room(package, documents):
    doc = Document(io.BytesIO(documents[("omgevingsanalyse", "gemeentelijke-fiche")]))
    table = doc.tables[0]
    header = table.rows[0]._tr.trPr
    assert header.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
    body_row = table.rows[1]
    assert body_row.height is not None and body_row.height >= Mm(8)
    assert body_row.cells[1].text == ""
    # 'Onze berekening: .... ÷ .... × 100 = ....': dots at the end become a dotted tab stop
    oogst = Document(io.BytesIO(documents[("sociale-functie", "oogst")]))
    line = next(p for p in oogst.paragraphs if p.text.startswith("Wie moet er de volgende keer"))
    assert line.text.endswith("?\t") or line.text.endswith("? \t")
    stops = line.paragraph_format.tab_stops
    assert len(stops) == 1 and stops[0].leader == 1  # WD_TAB_LEADER.DOTS


def _page_starts(doc) -> list[str]:
    """The text of every paragraph that Word starts on a new page (page break before it)."""
    return [p.text for p in doc.paragraphs if p.paragraph_format.page_break_before]


def test_each_card_starts_a_new_page_and_the_chair_key_has_its_own(documents):
    casussen = Document(io.BytesIO(documents[("sociale-functie", "casussen")]))
    starts = _page_starts(casussen)
    assert [s for s in starts if s.startswith("Casus ")] == [
        "Casus A: een alleenstaande mama met twee kinderen", "Casus B: een gezin dat pas in België woont",
        "Casus C: ouders van een peuter met een beperking", "Casus D: een papa met wisselende werkuren",
        "Casus E: een jonge mama die weinig steun heeft"]
    assert starts[-1] == "Alleen voor de voorzitter. Deel dit blad niet uit aan de deelnemers."
    texts = [p.text for p in casussen.paragraphs]
    chair = texts.index(starts[-1])
    assert texts[chair + 1] == "Voor de voorzitter: waar gaat elke casus over?"
    # the key (a table) comes after the chair's title, never on a participants' page
    key = next(t for t in casussen.tables if t.rows[0].cells[0].text == "casus")
    body = list(casussen.element.body)
    assert body.index(key._tbl) > body.index(casussen.paragraphs[chair]._p)
    assert sum(1 for p in casussen.paragraphs if p.text.startswith("Alleen voor de voorzitter")) == 1
    cards = _page_starts(Document(io.BytesIO(documents[("toegankelijkheid", "gezinsreis")])))
    assert cards[:4] == [f"Gezinskaart {n}" for n in range(1, 5)] and cards[4] == "De zeven haltes"
    statements = _page_starts(Document(io.BytesIO(documents[("sociale-functie", "stellingen")])))
    assert statements == ["Alleen voor de voorzitter. Deel dit blad niet uit aan de deelnemers."]


def test_a_page_break_before_a_table_keeps_the_table_whole():
    body = f"Tekst.\n\n{NEW_PAGE}\n\n| a | b |\n| --- | --- |\n| 1 | |\n"  # [[nieuwe-pagina]], expanded
    doc = Document(io.BytesIO(render_docx(DocxInputs("Gids", "1.0", 1, "M", "Blad", body))))
    body = list(doc.element.body)
    table = doc.tables[0]._tbl
    before = body[body.index(table) - 1]
    assert before.tag == f"{W}p" and before.find(f"{W}pPr/{W}pageBreakBefore") is not None
    assert not _page_starts(doc)[0]  # an empty paragraph carries the break, the table follows


def test_a_wide_worksheet_lies_in_word(package, documents):
    sheets = {(m.slug, s.id): s for m in package.modules for s in m.worksheets}
    assert [key for key, sheet in sheets.items() if sheet.landscape] == [("toegankelijkheid", "actieplan")]
    doc = Document(io.BytesIO(documents[("toegankelijkheid", "actieplan")]))
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    # the answer lines reach the right margin of the turned page
    line = next(p for p in doc.paragraphs if p.text.startswith("Gemeente:"))
    assert line.paragraph_format.tab_stops[0].position == section.page_width - section.left_margin - \
        section.right_margin
    portrait = Document(io.BytesIO(documents[("toegankelijkheid", "gezinsreis")])).sections[0]
    assert portrait.orientation == WD_ORIENT.PORTRAIT


def test_rows_to_write_sentences_in_are_higher_the_narrower_their_cells(documents):
    def heights(key, first_header):
        doc = Document(io.BytesIO(documents[key]))
        table = next(t for t in doc.tables if t.rows[0].cells[0].text == first_header)
        return {round(r.height.cm, 1) for r in table.rows[1:]}

    assert heights(("toegankelijkheid", "actieplan"), "nr.") == {2.2}  # 9 columns, 8 of them empty
    assert heights(("toegankelijkheid", "gezinsreis"), "halte") == {1.8}  # 4 columns, 3 empty
    assert heights(("omgevingsanalyse", "gemeentelijke-fiche"), "Cijfer") == {0.9}  # one value per row


def _widths(doc, first_header) -> tuple[list[float], list[float]]:
    """A table's column widths in cm: of its grid (LibreOffice) and of its first row's cells (Word)."""
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == first_header)
    grid = [round(int(c.get(f"{W}w")) / 567, 2) for c in table._tbl.tblGrid.iter(f"{W}gridCol")]
    cells = [round(int(c._tc.tcPr.find(f"{W}tcW").get(f"{W}w")) / 567, 2) for c in table.rows[0].cells]
    return grid, cells


def test_a_column_of_numbers_or_boxes_to_tick_is_narrow_and_sentences_get_the_room(documents):
    grid, cells = _widths(Document(io.BytesIO(documents[("sociale-functie", "stellingen")])), "nr.")
    assert grid == cells  # Word and LibreOffice read the same widths
    number, statement, *ticks = grid
    assert number == 1.2 and all(1.8 <= tick <= 2.2 for tick in ticks), grid  # 'akkoord' fits on a line
    assert statement > 9 and abs(sum(grid) - 17) < 0.05, grid  # the rest of the 17 cm goes to the text
    # empty columns are room to write: the family journey's columns stay equal
    grid, cells = _widths(Document(io.BytesIO(documents[("toegankelijkheid", "gezinsreis")])), "halte")
    assert grid == cells and max(grid) - min(grid) < 0.01, grid
    # '1.' and '2.' to start the answers under a long header: room to write, not a narrow column
    grid, _ = _widths(Document(io.BytesIO(documents[("omgevingsanalyse", "werkblad-groepswerk")])), "ik")
    assert max(grid) - min(grid) < 0.01, grid
    # the action plan's number column gives its room to the eight columns to write in
    grid, _ = _widths(Document(io.BytesIO(documents[("toegankelijkheid", "actieplan")])), "nr.")
    assert grid[0] == 1.2 and len(set(grid[1:])) == 1 and grid[1] > 25.7 / 9, grid


def test_which_columns_are_narrow():
    assert narrow_width("nr.", ["1", "2", "10"]).cm == pytest.approx(1.2, abs=0.01)
    assert narrow_width("niet akkoord", ["☐", "☐"]).cm == pytest.approx((7 * 130 + 216) / 567, abs=0.01)
    assert narrow_width("wie?", ["", ""]) is None  # empty: a name to write
    assert narrow_width("met vier: onze twee antwoorden", ["1.", "2."]) is None  # a long header asks for room
    assert narrow_width("Vlaanderen", ["12,1%"]) is None  # a figure with its unit is text
    width = 17 * 360000
    assert len(set(column_widths(["a", "b"], [["een zin"], [""]], width))) == 1  # nothing narrow: equal
    # narrow columns that would take half the width or more: equal columns after all
    assert len(set(column_widths(["nr."] * 5 + ["zin"], [["1"]] * 5 + [["een zin"]], 8 * 360000))) == 1


def test_a_question_stays_with_its_answer_lines(documents):
    doc = Document(io.BytesIO(documents[("toegankelijkheid", "gezinsreis")]))
    texts = [p.text for p in doc.paragraphs]
    question = texts.index("Wat zagen we pas toen we in de schoenen van het gezin stonden?")
    first, second = doc.paragraphs[question + 1:question + 3]
    assert first.text == second.text == "\t" and first.paragraph_format.tab_stops[0].leader == 1
    assert doc.paragraphs[question].paragraph_format.keep_with_next
    assert first.paragraph_format.keep_with_next and not second.paragraph_format.keep_with_next


def test_header_rows_have_the_teal_fill_and_body_cells_none(documents):
    doc = Document(io.BytesIO(documents[("sociale-functie", "oogst")]))
    for table in doc.tables:
        fills = [[tc.find(f"{W}tcPr/{W}shd") for tc in row._tr.iter(f"{W}tc")] for row in table.rows]
        assert all(f is not None and f.get(f"{W}fill") == "E0F2F1" for f in fills[0])
        assert all(f is None for row in fills[1:] for f in row)
        assert all(r.cells[0].paragraphs[0].runs[0].bold for r in table.rows[:1] if r.cells[0].text)


def test_markdown_shortcut_gives_the_same_html(package):
    """Skipping Markdown's inline step for text without markup changes nothing in the HTML."""
    fast, plain = markdown_converter(), markdown_converter(plain_text_shortcut=False)
    assert "plain-text" in fast.treeprocessors and "plain-text" not in plain.treeprocessors
    bodies = [SAMPLE_BODY] + [docx_inputs(package, m, s).body for m in package.modules for s in m.worksheets]
    bodies.append("Alle *inline* _opmaak_: `a`, \\*, [a](https://x.be), [b][1], ![c](d.png), <https://x.be>, "
                  "<a@b.be>, &amp; &#123;, __vet__, ***beide***, <span>html</span>\n\n[1]: https://y.be\n")
    for body in bodies:
        assert fast.reset().convert(body) == plain.reset().convert(body)


def test_bold_text_and_bullets_survive(documents):
    doc = Document(io.BytesIO(documents[("samenwerken-met-toeleiders", "netwerkkaart")]))
    bold = [r.text for p in doc.paragraphs for r in p.runs if r.bold]
    assert "kinderopvang" in bold
    assert any(p.text.startswith("•\tOCMW") for p in doc.paragraphs)
    assert any(p.text.startswith("1.\tTeken in het midden") for p in doc.paragraphs)


def test_same_content_gives_the_same_bytes(package, documents):
    module = package.module("toegankelijkheid")
    sheet = module.worksheets[0]
    again = worksheet_docx(package, module, sheet)
    assert again == documents[(module.slug, sheet.id)]
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2024, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
        assert "2024-01-01T00:00:00Z" in core and "<dc:language>nl-BE</dc:language>" in core


@pytest.mark.office
def test_every_worksheet_opens_in_libreoffice_writer(documents, tmp_path):
    for (slug, sheet_id), data in documents.items():
        (tmp_path / f"{slug}-{sheet_id}.docx").write_bytes(data)
    (tmp_path / "proef-alles.docx").write_bytes(render_docx(SAMPLE))
    files = sorted(tmp_path.glob("*.docx"))
    profile = (tmp_path / "profiel").as_uri()
    texts = {}
    result = subprocess.run([soffice(), f"-env:UserInstallation={profile}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, files)],
                            capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT)
    assert result.returncode == 0, result.stderr
    for docx in files:
        pdf = docx.with_suffix(".pdf")
        assert pdf.is_file(), f"LibreOffice opende {docx.name} niet"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Werkblad:" in text, docx.name
        texts[docx.stem] = " ".join(text.split())
    # what a chair sees: the table's header, the figures, bullets, the dotted answer lines
    assert "Cijfer Vlaanderen Jaar en bron Onze gemeente" in texts["omgevingsanalyse-gemeentelijke-fiche"]
    assert "• OCMW of sociaal huis" in texts["samenwerken-met-toeleiders-netwerkkaart"]
    assert "1. Teken in het midden" in texts["samenwerken-met-toeleiders-netwerkkaart"]
    assert re.search(r"Wie moet er de volgende keer zeker bij zijn\? \.{20,}", texts["sociale-functie-oogst"])
    sample = texts["proef-alles"]
    assert 'Tekst met & en 1 < 2 > 0 en "aanhalingstekens"' in sample
    assert "(https://www.example.org/pad?a=1&b=2)" in sample and "Kop vijf" in sample
    first = tmp_path / "omgevingsanalyse-gemeentelijke-fiche.pdf"
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(first), str(tmp_path / "blad")], check=True)
    images = sorted(tmp_path.glob("blad-*.png"))
    assert images and all(image.stat().st_size > 1000 for image in images)
