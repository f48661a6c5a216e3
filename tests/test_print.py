"""A module page printed on A4: no navigation, the parts on new pages, outside link targets shown."""

import io
import re
import subprocess

import pytest

pytestmark = pytest.mark.browser


def page_texts(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def printed(browser, server, tmp_path_factory, pdf_tools):
    out = tmp_path_factory.mktemp("print")
    context = browser.new_context()
    page = context.new_page()
    pdfs = {}
    for name, url in (("module", "/modules/omgevingsanalyse/"),
                      ("werkblad", "/modules/omgevingsanalyse/gemeentelijke-fiche/")):
        page.goto(server + url, wait_until="networkidle")
        pdfs[name] = out / f"{name}.pdf"
        page.pdf(path=str(pdfs[name]), format="A4")
    context.close()
    return pdfs


def test_pages_are_a4(printed):
    info = subprocess.run(["pdfinfo", str(printed["module"])], capture_output=True, text=True,
                          check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(width), round(height)) == (596, 843)


def test_no_navigation_search_or_table_of_contents(printed):
    text = "\n".join(page_texts(printed["module"]))
    assert "Module 1: Omgevingsanalyse" in text
    for word in ("Zoeken", "Inhoudsopgave", "Over de gids", "Download de presentatie"):
        assert word not in text, word


def test_parts_start_on_a_new_page(printed):
    pages = page_texts(printed["module"])
    # the first line of the text under the running title
    firsts = [next((line.strip() for line in p.splitlines()
                    if line.strip() and not line.strip().startswith("Module 1: Omgevingsanalyse ·")), "")
              for p in pages]
    for part in ("Doelstellingen", "Uitwerking", "Werkinstrumenten"):
        assert part in firsts, (part, firsts)
    # objectives and the timed outline stay together on one page
    objectives = pages[firsts.index("Doelstellingen")]
    assert "Overzicht van het verloop" in objectives and "Totaal" in objectives


def test_outside_link_targets_are_printed(printed):
    text = re.sub(r"\s+", " ", "\n".join(page_texts(printed["module"])))
    assert "(https://www.opgroeien.be)" in text


def test_printed_worksheet_has_no_download_button(printed, tmp_path):
    text = "\n".join(page_texts(printed["werkblad"]))
    assert "Werkblad: Gemeentelijke fiche" in text
    assert "Word-bestand" not in text
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(printed["werkblad"]),
                    str(tmp_path / "blad")], check=True)
    assert next(tmp_path.glob("blad-*.png")).stat().st_size > 1000


def test_every_printed_page_has_the_title_and_a_page_number(printed):
    for name, title in (("module", "Module 1: Omgevingsanalyse · Kinderopvang voor iedereen"),
                        ("werkblad", "Werkblad: Gemeentelijke fiche (module 1) · Kinderopvang voor iedereen")):
        pages = page_texts(printed[name])
        assert len(pages) >= 2 if name == "werkblad" else len(pages) >= 10
        for number, text in enumerate(pages, start=1):
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            assert lines[0] == title, (name, number, lines[:2])
            assert lines[-1] == f"Pagina {number} van {len(pages)}", (name, number, lines[-1])


def test_the_running_title_never_covers_the_text(printed):
    """The article keeps room for the title on every page: the title stands alone on its line."""
    for text in page_texts(printed["module"]):
        first = next(line for line in text.splitlines() if line.strip())
        assert first.strip().endswith("Kinderopvang voor iedereen"), first


def test_table_rows_never_split_and_write_in_tables_have_equal_columns(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "/modules/toegankelijkheid/drempelscan/", wait_until="networkidle")
    page.emulate_media(media="print")
    rows = page.eval_on_selector_all("article table tr", "rs => rs.map(r => getComputedStyle(r).breakInside)")
    layouts = page.eval_on_selector_all(
        "article table", """ts => ts.filter(t => t.querySelector('td[data-invullen]')).map(t => ({
          layout: getComputedStyle(t).tableLayout,
          widths: [...t.rows[0].cells].map(c => Math.round(c.getBoundingClientRect().width))}))""")
    heights = page.eval_on_selector_all("article table td[data-invullen]",
                                        "cs => cs.map(c => c.getBoundingClientRect().height)")
    context.close()
    assert rows and set(rows) == {"avoid"}
    assert layouts
    for table in layouts:  # as in the Word worksheet: the width divided evenly over the columns
        assert table["layout"] == "fixed" and max(table["widths"]) - min(table["widths"]) <= 2, table
    assert min(heights) >= 0.9 / 2.54 * 96 - 1  # at least 0.9 cm, the .docx's EMPTY_ROW_HEIGHT


def _print(browser, server, url, out) -> list[str]:
    """The page printed by Chromium as a chair does (Ctrl+P honours the page's @page size)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + url, wait_until="networkidle")
    page.pdf(path=str(out), prefer_css_page_size=True)
    context.close()
    return page_texts(out)


def _page_size(pdf) -> tuple[int, int]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    return round(width), round(height)


def test_each_card_prints_on_its_own_page_and_the_chair_key_on_its_own_sheet(browser, server, tmp_path):
    pages = [" ".join(p.split()) for p in _print(browser, server, "/modules/sociale-functie/casussen/",
                                                 tmp_path / "casussen.pdf")]
    for letter in "ABCDE":
        [card] = [p for p in pages if f"Casus {letter}:" in p]
        assert not any(f"Casus {other}:" in card for other in "ABCDE" if other != letter), card
        assert "Vragen voor elke groep" not in card and "Onze antwoorden" not in card
    [chair] = [p for p in pages if "Alleen voor de voorzitter" in p]
    assert chair == pages[-1] and "waar gaat elke casus over" in chair
    assert not any("wat er op het spel staat" in p for p in pages[:-1])  # the key is on no other page
    cards = [" ".join(p.split()) for p in _print(browser, server, "/modules/toegankelijkheid/gezinsreis/",
                                                 tmp_path / "gezinsreis.pdf")]
    for number in range(1, 5):
        [card] = [p for p in cards if f"Gezinskaart {number}" in p]
        assert sum(f"Gezinskaart {n}" in card for n in range(1, 5)) == 1, card


def test_a_wide_worksheet_prints_lying_and_its_rows_leave_room_to_write(browser, server, tmp_path):
    pdf = tmp_path / "actieplan.pdf"
    pages = _print(browser, server, "/modules/toegankelijkheid/actieplan/", pdf)
    assert _page_size(pdf) == (842, 595)
    # the table with nine columns stands whole on one page: its five rows and the header
    [table] = [p for p in pages if "klaar tegen" in p]
    assert all(re.search(rf"^\s*{n}\b", table, re.M) for n in range(1, 6)), table
    other = tmp_path / "gezinsreis.pdf"
    _print(browser, server, "/modules/toegankelijkheid/gezinsreis/", other)
    assert _page_size(other) in {(595, 842), (596, 842)}  # A4 standing

    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "/modules/toegankelijkheid/actieplan/", wait_until="networkidle")
    page.emulate_media(media="print")
    heights = page.eval_on_selector_all(
        "article table", "ts => ts.map(t => [t.rows[0].cells.length, t.rows[1].getBoundingClientRect().height])")
    context.close()
    cm = 96 / 2.54
    assert dict(heights)[9] >= 2.2 * cm - 1  # as high as the Word worksheet's row (write_in_height)
    assert dict(heights)[3] < 1.8 * cm  # 'Opvolging': one thing to write per row


def test_the_statements_print_on_one_sheet_with_narrow_columns_as_in_word(browser, server, package, tmp_path):
    pages = [" ".join(p.split()) for p in _print(browser, server, "/modules/sociale-functie/stellingen/",
                                                 tmp_path / "stellingen.pdf")]
    assert len(pages) == 2, pages
    assert "Welke vraag wil ik later nog stellen?" in pages[0] and "Alleen voor de voorzitter" in pages[1]
    # the columns are as wide as in the Word worksheet: narrow for the number and the boxes to tick
    from docx import Document

    from childcare_guide.render.worksheet import worksheet_docx
    module = package.module("sociale-functie")
    doc = Document(io.BytesIO(worksheet_docx(package, module, next(s for s in module.worksheets
                                                                  if s.id == "stellingen"))))
    word = [round(cell.width.cm, 1) for cell in doc.tables[0].rows[0].cells]
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "/modules/sociale-functie/stellingen/", wait_until="networkidle")
    page.emulate_media(media="print")
    printed = page.eval_on_selector_all("article table th", "ts => ts.map(t => t.getBoundingClientRect().width)")
    context.close()
    cm = [round(w * 2.54 / 96, 1) for w in printed]
    assert [cm[i] for i in (0, 2, 3, 4)] == [word[i] for i in (0, 2, 3, 4)] == [1.2, 2.0, 2.0, 2.0], (cm, word)
    assert cm[1] > 3 * cm[2]  # the statements take the rest of the width
