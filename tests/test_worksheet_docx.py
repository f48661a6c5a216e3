"""Worksheets as .docx: reopen with python-docx, open in LibreOffice Writer, same bytes every time."""

import io
import re
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx.shared import Mm

from childcare_guide.markdown_text import DIRECTIVE
from childcare_guide.worksheet_docx import worksheet_docx


@pytest.fixture(scope="module")
def documents(package):
    return {(m.slug, s.id): worksheet_docx(package, m, s) for m in package.modules for s in m.worksheets}


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
            assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
            assert package.version in section.footer.paragraphs[0].text


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


def test_every_worksheet_opens_in_libreoffice_writer(documents, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice ontbreekt: voer 'make test' uit, dat installeert libreoffice-writer.")
    for (slug, sheet_id), data in documents.items():
        (tmp_path / f"{slug}-{sheet_id}.docx").write_bytes(data)
    files = sorted(tmp_path.glob("*.docx"))
    profile = (tmp_path / "profiel").as_uri()
    result = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for docx in files:
        pdf = docx.with_suffix(".pdf")
        assert pdf.is_file(), f"LibreOffice opende {docx.name} niet"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Werkblad:" in text, docx.name
    first = tmp_path / "omgevingsanalyse-gemeentelijke-fiche.pdf"
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(first), str(tmp_path / "blad")], check=True)
    images = sorted(tmp_path.glob("blad-*.png"))
    assert images and all(image.stat().st_size > 1000 for image in images)
