"""scripts/build_decks.py --cijfers: one pre-filled deck per municipality from a CSV table."""

import importlib.util
import subprocess
import sys

import pytest
from helpers import ROOT
from pptx import Presentation

from childcare_guide.content.local_table import Columns, TableError, columns_for, parse_table
from childcare_guide.content.model import Figure

SCRIPT = ROOT / "scripts" / "build_decks.py"
SAMPLE = ROOT / "data" / "voorbeeld-gemeentecijfers-fictief.csv"
HEADER = "gemeente,niscode,jaar,kansarmoede,geen-formele-opvang,kinderen-0-3\n"


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True)


def texts(slide):
    for shape in slide.shapes:
        if shape.has_text_frame:
            yield shape.text_frame.text
        if shape.has_table:
            yield from (cell.text for row in shape.table.rows for cell in row.cells)


def deck_text(path):
    prs = Presentation(str(path))
    return "\n".join(t for slide in prs.slides for t in texts(slide))


@pytest.fixture(scope="module")
def columns(package):
    return columns_for(package, package.module("omgevingsanalyse"))


def test_sample_table_is_marked_fictional():
    head = SAMPLE.read_text(encoding="utf-8").splitlines()[:2]
    assert "fictief" in SAMPLE.name and "FICTIEF" in head[0]
    for line in SAMPLE.read_text(encoding="utf-8").splitlines()[3:]:
        assert "(fictief)" in line and line.split(",")[1].startswith("99")


def test_sample_table_gives_one_filled_deck_per_municipality(tmp_path):
    result = run("--cijfers", str(SAMPLE), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 6
    assert names[0] == "module-1-omgevingsanalyse-99001-fabeldorp-fictief.pptx"
    assert "Klaar: 6 presentatie(s)" in result.stdout
    assert "6/6 presentaties" in result.stderr  # the progress bar
    prs = Presentation(str(tmp_path / names[0]))
    assert "Fabeldorp (fictief)" in "\n".join(texts(prs.slides[0]))
    table = next(sh.table for s in prs.slides for sh in s.shapes
                 if sh.has_table and [c.text for c in sh.table.rows[0].cells][:2] == ["Cijfer", "Vlaanderen"])
    assert table.cell(0, 2).text == "Fabeldorp (fictief)"
    rows = {row.cells[0].text: row.cells[2].text for row in list(table.rows)[1:]}
    assert rows["Kinderen geboren in kansarmoede"] == "14,2% (2023)"
    assert rows["Gezinnen met een verlaagd tarief (historisch cijfer)"] == "19,5% (2023)"
    assert rows["Niet-schoolgaande kinderen zonder formele opvang"] == "[Vul in]"  # empty cell
    charts = [sh.chart for s in prs.slides for sh in s.shapes if sh.has_chart]
    assert charts, "de presentatie heeft een grafiek met de cijfers"
    for chart in charts:
        plot = chart.plots[0]
        municipal = next(series for series in plot.series if series.name.startswith("Fabeldorp"))
        values = dict(zip(plot.categories, municipal.values, strict=True))
        assert values == {"Kinderen geboren in kansarmoede": 14.2}
    text = deck_text(tmp_path / names[0])
    assert "dinsdag 14 maart" in text and "1.240" in text
    # places per 100 children is a fill-in field: the municipality's value, beside 'meer dan 45'
    assert "meer dan 45 plaatsen per 100 kinderen jonger dan 3 jaar" in text and "51" in text
    assert "Droomdonk" not in text


def test_one_process_and_two_give_the_same_bytes(tmp_path):
    one, two = tmp_path / "een", tmp_path / "twee"
    assert run("--cijfers", str(SAMPLE), "--out", str(one), "--processen", "1").returncode == 0
    assert run("--cijfers", str(SAMPLE), "--out", str(two), "--processen", "2").returncode == 0
    for deck in one.iterdir():
        assert deck.read_bytes() == (two / deck.name).read_bytes()


BAD = ("# een commentaarregel\n" + HEADER +
       "Fabeldorp,99001,2023,14.2,51,1.240\n"
       "Verzinkerke,9902,2023,8.7,38,860\n"
       "Nergenshoven,99003,2023,twaalf,44,2.975\n"
       "Droomdonk,99001,2023,5.9,62,515\n"
       "Sprookjeslo,99005,2023,16.8,40\n"
       "Luchtkasteel,99006,23,11,47,3.410\n"
       ",99007,2023,11,47,3.410\n"
       "Wolkendam,99008,2023,130,47,3.410\n"
       "Nevelgem,99009,2023,\"12,5\",-3,1.000\n")

GOLDEN = [
    "t.csv, rij 4: de NIS-code '9902' van Verzinkerke klopt niet. Een NIS-code heeft precies 5 "
    "cijfers, zonder spaties of punten.",
    "t.csv, rij 5: de waarde 'twaalf' in de kolom 'kansarmoede' is geen getal. Schrijf alleen een "
    "getal, bijvoorbeeld 12,1 (zonder %, eenheid of punt voor de duizendtallen), of laat de cel leeg.",
    "t.csv, rij 6: de NIS-code 99001 staat ook in rij 3. Elke gemeente staat maar één keer in de "
    "tabel: verwijder een van de twee rijen.",
    "t.csv, rij 7: de rij heeft 5 waarden, maar er zijn 6 kolommen. Controleer of er een "
    "scheidingsteken te veel of te weinig staat; zet een tekst met een komma tussen aanhalingstekens.",
    "t.csv, rij 8: het jaar '23' van Luchtkasteel is geen jaartal. Schrijf het jaar van de cijfers "
    "met 4 cijfers, bijvoorbeeld 2023.",
    "t.csv, rij 9: de kolom 'gemeente' is leeg. Vul de naam van de gemeente in.",
    "t.csv, rij 10: de waarde 130 in de kolom 'kansarmoede' is geen percentage. Geef een getal van "
    "0 tot 100.",
    "t.csv, rij 11: de waarde -3 in de kolom 'geen-formele-opvang' is geen percentage. Geef een "
    "getal van 0 tot 100.",
]


def test_bad_rows_golden_messages(columns):
    table = parse_table(BAD, "t.csv", columns)
    assert table.problems == GOLDEN
    assert [(r.number, r.local.municipality) for r in table.rows] == [(3, "Fabeldorp")]
    assert table.rows[0].local.figures == {"kansarmoede": 14.2, "geen-formele-opvang": 51}
    assert table.rows[0].local.fields == {"kinderen-0-3": "1.240"}


def test_a_negative_value_of_a_figure_that_is_no_percentage(columns):
    # every figure in the content is a percentage: a figure with another unit, for this test only
    count = Figure(id="plaatsen", label="Opvangplaatsen", flanders=100, unit="plaatsen", year=2023,
                   source="test", where="test")
    wider = Columns(figures={**columns.figures, "plaatsen": count}, fields=columns.fields)
    table = parse_table("gemeente,niscode,jaar,plaatsen\nNevelgem,99009,2023,-3\n", "t.csv", wider)
    assert table.problems == ["t.csv, rij 2: de waarde -3 in de kolom 'plaatsen' is negatief. Geef "
                              "een getal van 0 of meer."]


def test_semicolons_and_decimal_commas(columns):
    table = parse_table("gemeente;niscode;jaar;kansarmoede\nFabeldorp;99001;2023;14,2\n", "t.csv", columns)
    assert table.problems == []
    assert table.rows[0].local.figures == {"kansarmoede": 14.2}


def test_an_optional_start_time(columns):
    table = parse_table("gemeente;niscode;jaar;start\nFabeldorp;99001;2023;9:05\nNevelgem;99009;2023;\n"
                        "Wolkendal;99010;2023;negen uur\n", "t.csv", columns)
    assert [row.local.start for row in table.rows] == [9 * 60 + 5, None]
    assert table.problems == ["t.csv, rij 4: de starttijd 'negen uur' van Wolkendal is geen uur. Schrijf "
                              "uren en minuten met een dubbelpunt, bijvoorbeeld 09:30, of laat de cel leeg."]


@pytest.mark.parametrize("header, message", [
    ("gemeente,niscode,jaar,kansarmoed\n",
     "t.csv, rij 1 (de kolomnamen): de kolom 'kansarmoed' is onbekend. Bedoel je 'kansarmoede'?"),
    ("gemeente,jaar,kansarmoede\n",
     "t.csv, rij 1 (de kolomnamen): de kolom 'niscode' ontbreekt. Elke tabel heeft de kolommen "
     "gemeente, niscode, jaar."),
    ("gemeente,niscode,jaar,jaar\n",
     "t.csv, rij 1 (de kolomnamen): de kolom 'jaar' staat twee keer in de tabel. Hou er één over."),
])
def test_header_mistakes_stop_the_whole_table(columns, header, message):
    with pytest.raises(TableError) as error:
        parse_table(header + "Fabeldorp,99001,2023,14.2\n", "t.csv", columns)
    assert str(error.value) == message


def test_an_empty_table_is_an_error(columns):
    with pytest.raises(TableError) as error:
        parse_table("# alleen commentaar\n\n", "t.csv", columns)
    assert str(error.value).startswith("t.csv: de tabel is leeg. De eerste regel noemt de kolommen: "
                                       "gemeente, niscode, jaar, datum, voorzitter, kinderen-0-3")


def test_bad_rows_are_skipped_by_default(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text(BAD, encoding="utf-8")
    out = tmp_path / "uit"
    result = run("--cijfers", str(table), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("Fout: ")] == [
        "Fout: " + message for message in GOLDEN]
    assert "8 rij(en) overgeslagen" in result.stdout
    assert [p.name for p in out.iterdir()] == ["module-1-omgevingsanalyse-99001-fabeldorp.pptx"]
    assert "Traceback" not in result.stderr


def test_stop_flag_writes_nothing(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text(BAD, encoding="utf-8")
    out = tmp_path / "uit"
    result = run("--cijfers", str(table), "--out", str(out), "--stop-bij-fout")
    assert result.returncode == 1
    assert "Gestopt: 8 rij(en) met een fout (--stop-bij-fout). Er is niets geschreven." in result.stderr
    assert not out.exists()


def test_unknown_column_is_a_dutch_error_without_traceback(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("gemeente,niscode,jaar,kansarmoed\nFabeldorp,99001,2023,14.2\n", encoding="utf-8")
    result = run("--cijfers", str(table), "--out", str(tmp_path / "uit"))
    assert result.returncode == 1
    assert "de kolom 'kansarmoed' is onbekend. Bedoel je 'kansarmoede'?" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "uit").exists()


def test_help_lists_the_columns_from_the_content():
    result = run("--help")
    assert result.returncode == 0
    assert "--stop-bij-fout" in result.stdout
    for column in ("gemeente", "niscode", "jaar", "kansarmoede", "plaatsen-per-100", "kinderen-0-3"):
        assert f"  {column} " in result.stdout


def _script():
    spec = importlib.util.spec_from_file_location("build_decks_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_failed_write_leaves_no_file(tmp_path):
    script = _script()

    with pytest.raises(TypeError):  # the write fails halfway: not bytes
        script.write_atomic(tmp_path / "deck.pptx", object())
    assert list(tmp_path.iterdir()) == []
    script.write_atomic(tmp_path / "deck.pptx", b"abc")
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]
    assert (tmp_path / "deck.pptx").stat().st_mode & 0o777 == 0o644
