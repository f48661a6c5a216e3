"""End to end: a chair types values on /invullen/ in Chromium and downloads each deck and each
worksheet with fields filled in (docs/javascripts/fill.js). Each downloaded deck must say what
scripts/build_decks.py --cijfers makes from the same values (slide by slide the same texts,
tables, notes, alt texts, hidden flags and highlighted fields; the same chart values in the chart
and in its embedded workbook), and open in LibreOffice with one page per shown slide."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import zipfile

import docx
import pytest
from helpers import SUBPROCESS_TIMEOUT, run_python, soffice
from lxml import etree
from pptx import Presentation

from childcare_guide.content.local_table import columns_for
from childcare_guide.site.offline import FOLDER, ZIP_NAME

pytestmark = [pytest.mark.browser, pytest.mark.office, pytest.mark.slow]

READY = "#invullen[data-klaar]"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
X = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"

# Realistic values; what is not here stays empty (a yellow field in the deck).
TEXTS = {
    "gemeente": "Sint-Amandsberg", "datum": "dinsdag 14 maart", "voorzitter": "An Peeters, schepen",
    "kinderen-0-3": "1.240", "plaatsen-totaal": "610", "plaatsen-per-100": "49",
    "opvangvragen": "212", "leden-lok": "Stad, 8 kinderopvanglocaties, Huis van het Kind en CAW",
    "huis-van-het-kind": "Sofie De Smet", "sociaal-huis": "het onthaal van het Sociaal Huis",
    "vaststelling-module-1": "weinig plaatsen met inkomenstarief", "voorrangsregels": "werkende ouders eerst",
    "lokaal-loket": "loket@gemeente.test, 09 123 45 67", "drempels-lokaal": "de lange wachtlijst",
}
FIGURES = {"kansarmoede": "14,25", "verlaagd-tarief": "19"}  # typed as a chair types them
YEAR, START = "2023", "09:30"
LEFT_EMPTY = ("plaatsen-inkomenstarief", "geen-formele-opvang")  # two that stay fields


def normalised(text: str) -> str:
    return text.replace(",", ".")


def module_values(package, module) -> dict[str, str]:
    """The values of one module's columns, as the page hands them to the engine."""
    columns = columns_for(package, module)
    values = {"gemeente": TEXTS["gemeente"], "jaar": YEAR, "start": START}
    for field_id in columns.fields:
        if field_id in TEXTS and field_id not in LEFT_EMPTY:
            values[field_id] = TEXTS[field_id]
    for figure_id in columns.figures:
        if figure_id in FIGURES and figure_id not in LEFT_EMPTY:
            values[figure_id] = normalised(FIGURES[figure_id])
    return values


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


def type_values(page, names: set[str]) -> None:
    page.wait_for_selector(READY)
    page.evaluate("() => localStorage.clear()")
    typed = {**TEXTS, **FIGURES, "jaar": YEAR, "start": START}
    for name, value in typed.items():
        if name in names and name not in LEFT_EMPTY:
            page.fill(f"input[name='{name}']", value)


def download(page, target: str, folder, name: str):
    with page.expect_download() as caught:
        page.click(f"[data-download='{target}']")
    path = folder / name
    caught.value.save_as(path)
    assert caught.value.failure() is None
    return path


@pytest.fixture(scope="module")
def downloads(context, server, package, tmp_path_factory):
    """Every module's deck and every worksheet with fields, downloaded filled in from /invullen/."""
    folder = tmp_path_factory.mktemp("ingevuld")
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: not r.url.startswith((server, "blob:", "data:")) and outside.append(r.url))
    page.goto(f"{server}/invullen/")
    names = set(page.eval_on_selector_all("input[name]", "inputs => inputs.map(i => i.name)"))
    type_values(page, names)
    decks = {m.slug: download(page, m.slug, folder, f"{m.slug}.pptx") for m in package.modules}
    # every worksheet the page offers filled in: those with a place for a value
    sheets = {f"{m.slug}/{s.id}": download(page, f"{m.slug}/{s.id}", folder, f"{m.slug}-{s.id}.docx")
              for m in package.modules for s in m.worksheets if s.fields}
    page.close()
    assert errors == [] and outside == []
    return decks, sheets


@pytest.fixture(scope="module")
def scripted(package, tmp_path_factory):
    """The same values through scripts/build_decks.py --cijfers, one table per module."""
    folder = tmp_path_factory.mktemp("script")
    decks = {}
    for module in package.modules:
        values = module_values(package, module)
        columns = columns_for(package, module).names
        table = folder / f"{module.slug}.csv"
        with table.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(columns)
            writer.writerow([{"niscode": "99001"}.get(c, values.get(c, "")) for c in columns])
        out_dir = folder / module.slug
        result = run_python(["scripts/build_decks.py", "--cijfers", str(table), "--out", str(out_dir),
                             "--module", module.slug, "--processen", "1"])
        assert result.returncode == 0, result.stderr
        (decks[module.slug],) = out_dir.glob("*.pptx")
    return decks


# -- what a deck says ----------------------------------------------------------------------------

def workbook_cells(chart) -> dict[str, object]:
    with zipfile.ZipFile(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob)) as book:
        strings = [si.findtext(f"{X}t") for si in etree.fromstring(book.read("xl/sharedStrings.xml"))]
        sheet = etree.fromstring(book.read("xl/worksheets/sheet1.xml"))
        styles = book.read("xl/styles.xml").decode()
    cells = {}
    for cell in sheet.iter(f"{X}c"):
        value = cell.findtext(f"{X}v")
        cells[cell.get("r")] = (None if value is None else strings[int(value)] if cell.get("t") == "s"
                                else float(value))
    cells["formats"] = re.findall(r'formatCode="([^"]*)"', styles)
    return cells


def shape_facts(shape) -> list:
    facts = [shape.shape_type, shape.name]
    descr = shape._element.find(f".//{P}cNvPr")
    facts.append(None if descr is None else descr.get("descr"))
    if shape.has_text_frame:
        facts.append([[(r.text, r._r.find(f".//{A}highlight") is not None) for r in p.runs]
                      for p in shape.text_frame.paragraphs])
    if getattr(shape, "has_table", False) and shape.has_table:
        facts.append([[[(r.text, r._r.find(f".//{A}highlight") is not None) for p in c.text_frame.paragraphs
                        for r in p.runs] for c in row.cells] for row in shape.table.rows])
    if getattr(shape, "has_chart", False) and shape.has_chart:
        chart = shape.chart
        facts.append([(s.name, tuple(s.values)) for s in chart.plots[0].series])
        facts.append(chart._chartSpace.xpath(".//c:formatCode/text()") +
                     chart._chartSpace.xpath(".//c:numFmt/@formatCode"))
        facts.append(workbook_cells(chart))
    if shape.shape_type == 6:  # a group: the agenda's bar, a route
        facts.append([shape_facts(s) for s in shape.shapes])
    return facts


def deck_facts(path) -> list:
    prs = Presentation(str(path))
    return [(slide.shapes.title.text, slide._element.get("show"), slide.slide_layout.name,
             [shape_facts(s) for s in slide.shapes],
             slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else None)
            for slide in prs.slides]


def test_every_downloaded_deck_says_what_the_script_makes(downloads, scripted, package):
    decks, _ = downloads
    for module in package.modules:
        got, want = deck_facts(decks[module.slug]), deck_facts(scripted[module.slug])
        assert len(got) == len(want), module.slug
        for number, (slide_got, slide_want) in enumerate(zip(got, want, strict=True), start=1):
            assert slide_got == slide_want, f"{module.slug}, dia {number}"


def test_the_typed_values_are_in_the_deck_and_what_is_empty_stays_a_field(downloads):
    decks, _ = downloads
    prs = Presentation(str(decks["omgevingsanalyse"]))
    texts = [r.text for s in prs.slides for sh in s.shapes if sh.has_text_frame
             for p in sh.text_frame.paragraphs for r in p.runs]
    assert "Sint-Amandsberg" in texts and "An Peeters, schepen" in texts
    table = next(sh.table for s in prs.slides if s.shapes.title.text == "Hoe staat onze gemeente ervoor?"
                 for sh in s.shapes if sh.has_table)
    values = {row.cells[0].text: row.cells[2].text for row in table.rows}
    assert values["Cijfer"] == "Sint-Amandsberg"
    assert values["Kinderen geboren in kansarmoede"] == "14,25% (2023)"  # typed with a comma
    assert values["Niet-schoolgaande kinderen zonder formele opvang"] == "[Vul in]"
    chart = next(sh.chart for s in prs.slides for sh in s.shapes if sh.has_chart)
    assert chart.plots[0].series[1].name == "Sint-Amandsberg (2023)"
    assert chart.plots[0].series[1].values == (14.25,)
    assert workbook_cells(chart)["C2"] == 14.25  # 'Gegevens bewerken' shows the same number
    agenda = next(s for s in prs.slides if s.shapes.title.text == "Agenda")
    times = [row.cells[2].text for row in next(sh.table for sh in agenda.shapes if sh.has_table).rows]
    assert times[:2] == ["Tijd", "09:30–09:40"]


def test_a_downloaded_deck_is_the_same_package_as_the_unfilled_one(downloads, site):
    decks, _ = downloads
    with zipfile.ZipFile(decks["omgevingsanalyse"]) as filled, \
            zipfile.ZipFile(site / "downloads" / "module-1-omgevingsanalyse.pptx") as unfilled:
        assert filled.namelist() == unfilled.namelist()
        assert filled.read("[Content_Types].xml") == unfilled.read("[Content_Types].xml")
        assert filled.testzip() is None


def page_count(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))


def test_downloaded_files_open_in_libreoffice(downloads, tmp_path, pdf_tools):
    decks, sheets = downloads
    files = [*decks.values(), *sheets.values()]
    result = subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'profiel').as_uri()}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, files)],
                            capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT)
    assert result.returncode == 0, result.stderr
    for deck in decks.values():
        shown = [s for s in Presentation(str(deck)).slides if s._element.get("show") != "0"]
        assert page_count(tmp_path / f"{deck.stem}.pdf") == len(shown), deck.name
    for sheet in sheets.values():
        assert page_count(tmp_path / f"{sheet.stem}.pdf") >= 1, sheet.name
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(tmp_path / "omgevingsanalyse.pdf"),
                    str(tmp_path / "dia")], check=True)
    assert list(tmp_path.glob("dia*.png"))


def test_the_filled_fiche_has_the_values(downloads):
    _, sheets = downloads
    document = docx.Document(str(sheets["omgevingsanalyse/gemeentelijke-fiche"]))
    tables: dict[str, dict[str, str]] = {}
    for table in document.tables:  # the first table under each header text
        tables.setdefault(table.rows[0].cells[0].text, {row.cells[0].text: row.cells[-1].text for row in table.rows})
    cells = tables["gegeven"] | tables["Cijfer"]  # the fiche's data, the [[cijfertabel]]
    assert cells["Gemeente"] == "Sint-Amandsberg"
    assert cells["Datum van het overleg"] == "dinsdag 14 maart"
    assert cells["Ingevuld door"] == "An Peeters, schepen"
    assert cells["Kinderen geboren in kansarmoede"] == "14,25% (2023)"
    assert cells["Gezinnen met een verlaagd tarief (historisch cijfer)"] == "19% (2023)"
    assert cells["Niet-schoolgaande kinderen zonder formele opvang"] == ""  # left empty: room to write


def docx_text(path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_every_offered_worksheet_holds_the_values_of_its_fields(downloads, package):
    _, sheets = downloads
    assert "omgevingsanalyse/gemeentelijke-fiche" in sheets
    for module in package.modules:
        for sheet in module.worksheets:
            if not sheet.fields:
                continue
            text = docx_text(sheets[f"{module.slug}/{sheet.id}"])
            for name in sheet.fields:
                if name in LEFT_EMPTY:
                    continue
                if name in TEXTS:
                    assert TEXTS[name] in text, (sheet.id, name)
                elif name in FIGURES:
                    assert f"{FIGURES[name]}% ({YEAR})" in text, (sheet.id, name)
            assert "\ue000" not in text and "{veld:" not in text  # no place left as a mark


def test_a_deck_filled_from_the_offline_zip(browser, site, tmp_path, scripted, package):
    with zipfile.ZipFile(site / "downloads" / ZIP_NAME) as archive:
        archive.extractall(tmp_path)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: not r.url.startswith(("file:", "blob:", "data:")) and outside.append(r.url))
    page.goto((tmp_path / FOLDER / "invullen" / "index.html").as_uri())
    names = set(page.eval_on_selector_all("input[name]", "inputs => inputs.map(i => i.name)"))
    type_values(page, names)
    deck = download(page, "omgevingsanalyse", tmp_path, "offline.pptx")
    page.evaluate("() => localStorage.clear()")
    context.close()
    assert errors == [] and outside == []
    assert deck_facts(deck) == deck_facts(scripted["omgevingsanalyse"])
