"""The Word worksheets on paper, as LibreOffice lays them out: each part on the pages it is used on."""

import io
import re
import subprocess

import pytest
from docx import Document
from helpers import SUBPROCESS_TIMEOUT, soffice

from childcare_guide.render.worksheet import worksheet_docx

pytestmark = pytest.mark.office


@pytest.fixture(scope="module")
def pages(package, tmp_path_factory) -> dict[str, list[str]]:
    """The text of each printed page of every worksheet (without its footer), by '<module>/<worksheet>'."""
    out = tmp_path_factory.mktemp("werkbladen")
    files = []
    for module in package.modules:
        for sheet in module.worksheets:
            files.append(out / f"{module.slug}--{sheet.id}.docx")
            files[-1].write_bytes(worksheet_docx(package, module, sheet))
    result = subprocess.run([soffice(), f"-env:UserInstallation={(out / 'profiel').as_uri()}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
                            capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT)
    assert result.returncode == 0, result.stderr
    texts, layouts = {}, {}
    for docx in files:
        # as laid out, line by line: a table's header row is one line
        layout = subprocess.run(["pdftotext", "-layout", str(docx.with_suffix(".pdf")), "-"], capture_output=True,
                                text=True, check=True).stdout
        layouts[docx.stem.replace("--", "/")] = layout.split("\f")[:-1]
        text = subprocess.run(["pdftotext", str(docx.with_suffix(".pdf")), "-"], capture_output=True, text=True,
                              check=True).stdout
        # each page without its last line: the footer, the same on every page
        texts[docx.stem.replace("--", "/")] = [" ".join(page.strip().splitlines()[:-1]).strip()
                                              for page in text.split("\f")[:-1]]
    texts["layout"] = layouts
    return texts


def test_the_statements_fit_one_sheet_and_the_chair_part_starts_the_next(pages):
    sheet = pages["sociale-functie/stellingen"]
    assert len(sheet) == 2, sheet
    participants, chair = sheet
    assert "De stellingen" in participants and "Welke vraag wil ik later nog stellen?" in participants
    assert "Als een gezin in armoede" in participants and "Voor de voorzitter" not in participants
    assert chair.startswith("Alleen voor de voorzitter") and "Borden om af te drukken" in chair


def test_the_family_journey_table_and_the_decision_share_one_sheet(pages):
    sheet = pages["toegankelijkheid/gezinsreis"]
    [table] = [page for page in sheet if "De zeven haltes" in page]
    assert "Ons besluit" in table and "Wat zagen we pas toen we in de schoenen" in table, table
    assert sheet[-1] == table  # no sheet with only a question after it
    assert len(sheet) == 6  # the instructions, four family cards, the table


def test_no_sheet_holds_only_lines_to_write_on(pages):
    """A question never leaves its lines behind on a sheet of their own (nor lines a question)."""
    for name, sheet in pages.items():
        if name == "layout":
            continue
        for number, page in enumerate(sheet, start=1):
            words = page.replace(".", " ").split()
            assert len(words) > 20, (name, number, page)  # more than one question


def test_a_short_table_stays_whole_on_one_sheet(package, pages):
    """A table of up to ten rows is never split over two sheets: a split table repeats its header
    row on the next sheet, so each header is printed as often as there are tables with it."""
    checked = 0
    for module in package.modules:
        for sheet in module.worksheets:
            document = Document(io.BytesIO(worksheet_docx(package, module, sheet)))
            headers = [[c.text for c in table.rows[0].cells] for table in document.tables]
            text = "\n".join(pages["layout"][f"{module.slug}/{sheet.id}"])
            for table, header in zip(document.tables, headers, strict=True):
                if len(table.rows) > 10:
                    continue
                # the first word of each header cell, on one line, apart as columns are (a cell may wrap)
                words = [re.escape(cell.split()[0]) for cell in header]
                printed = re.findall(r"^ *" + r"[^\n]*? {2,}".join(words), text, re.M)
                assert len(printed) == headers.count(header), (sheet.id, header, len(printed))
                checked += 1
    assert checked > 40
