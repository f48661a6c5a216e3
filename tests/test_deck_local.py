"""Decks pre-filled with a municipality's own data (LocalData)."""

import io

import pytest
from helpers import runs
from pptx import Presentation

from childcare_guide.content.model import LocalData, figure_field
from childcare_guide.render.deck import build_deck, field_places

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def checklist_rows(prs):
    table = next(sh.table for sh in prs.slides[1].shapes if sh.has_table)
    return [c.text for c in (row.cells[0] for row in list(table.rows)[1:])]


@pytest.fixture(scope="module")
def module(package):
    return package.module("omgevingsanalyse")


@pytest.fixture(scope="module")
def local():
    return LocalData(municipality="Mechelen", nis_code="12025", year=2023,
                     figures={"kansarmoede": 14.2, "verlaagd-tarief": 19.5},
                     fields={"datum": "dinsdag 14 maart", "kinderen-0-3": "3.480"})


@pytest.fixture(scope="module")
def filled(package, module, local):
    return Presentation(io.BytesIO(build_deck(package, module, local=local)))


def test_title_slide_shows_the_municipality_without_highlight(filled):
    title_runs = list(runs(filled.slides[0]))
    texts = [r.text for r in title_runs]
    assert "Mechelen" in texts and "dinsdag 14 maart" in texts
    for run in title_runs:
        if run.text in ("Mechelen", "dinsdag 14 maart"):
            assert run._r.find(f".//{A}highlight") is None
    # the chair's name was not given: it stays a highlighted fill-in field
    assert any(r.text == "[Vul in: naam van de voorzitter]" and r._r.find(f".//{A}highlight") is not None
               for r in title_runs)


def test_figures_table_shows_the_municipal_values_with_year(package, module, filled):
    slide = next(s for s in filled.slides if s.shapes.title.text == "Hoe staat onze gemeente ervoor?")
    table = next(sh.table for sh in slide.shapes if sh.has_table)
    assert [c.text for c in table.rows[0].cells] == ["Cijfer", "Vlaanderen", "Mechelen"]
    values = {row.cells[0].text: row.cells[2].text for row in list(table.rows)[1:]}
    assert values["Kinderen geboren in kansarmoede"] == "14,2% (2023)"
    assert values["Gezinnen met een verlaagd tarief (historisch cijfer)"] == "19,5% (2023)"
    assert values["Niet-schoolgaande kinderen zonder formele opvang"] == "[Vul in]"


def checklist_cells(prs):
    table = next(sh.table for sh in prs.slides[1].shapes if sh.has_table)
    return [(row.cells[0].text, row.cells[1].text) for row in list(table.rows)[1:]]


def test_the_checklist_keeps_every_row_and_marks_the_filled_ones(package, module, local, filled):
    """The same rows as the unfilled deck (so the browser fills the same places); a field the
    municipality's data fills says 'ingevuld' after its slides. field_places lists what remains."""
    places = field_places(package, module, local=local)
    ids = [p.field.id for p in places]
    done = ("gemeente", "datum", "kinderen-0-3", "cijfer-kansarmoede", "cijfer-verlaagd-tarief")
    for field_id in done:
        assert field_id not in ids
    assert "voorzitter" in ids and "cijfer-geen-formele-opvang" in ids and "plaatsen-totaal" in ids
    everything = field_places(package, module)
    assert len(everything) == len(places) + len(done)
    unfilled = Presentation(io.BytesIO(build_deck(package, module)))
    assert checklist_rows(filled) == checklist_rows(unfilled) == [p.field.label for p in everything]
    marked = {label for label, slides in checklist_cells(filled) if slides.endswith(" · ingevuld")}
    assert marked == {p.field.label for p in everything if p.field.id in done}
    for (_, before), (_, after) in zip(checklist_cells(unfilled), checklist_cells(filled), strict=True):
        assert after in (before, before + " · ingevuld")


def test_a_fully_filled_deck_has_no_field_left(package, module):
    fields = {f.id: "ingevuld" for f in package.title_fields + module.fields}
    figures = {f.id: 1.0 for f in module.figures}
    local = LocalData("Gent", "44021", 2024, figures=figures, fields=fields)
    assert field_places(package, module, local=local) == []
    prs = Presentation(io.BytesIO(build_deck(package, module, local=local)))
    assert all(slides.endswith(" · ingevuld") for _, slides in checklist_cells(prs))
    assert not any(r.text.startswith("[Vul in") for s in prs.slides for r in runs(s))
    assert not any(r._r.find(f".//{A}highlight") is not None for s in prs.slides for r in runs(s))


def test_a_start_time_gives_the_agenda_clock_times(package, module):
    local = LocalData("Gent", start=9 * 60 + 30)
    prs = Presentation(io.BytesIO(build_deck(package, module, local=local)))
    agenda = next(s for s in prs.slides if s.shapes.title.text == "Agenda")
    table = next(sh.table for sh in agenda.shapes if sh.has_table)
    times = [row.cells[2].text for row in table.rows]
    assert times[0] == "Tijd"
    assert times[1] == "09:30–09:40"  # the first step, 10 minutes
    assert times[-2].endswith("–10:50")  # 80 minutes in all
    assert times[-1] == module.duration_text
    without = Presentation(io.BytesIO(build_deck(package, module, local=LocalData("Gent"))))
    table = next(sh.table for s in without.slides if s.shapes.title.text == "Agenda" for sh in s.shapes if sh.has_table)
    assert [row.cells[2].text for row in table.rows][:2] == ["Minuten", "10 min"]


def test_without_local_data_nothing_changes(package, module):
    empty = LocalData("Gent", "44021")
    assert build_deck(package, module, local=None) == build_deck(package, module)
    # the municipality alone fills only the 'gemeente' field
    places = field_places(package, module, local=empty)
    assert [p.field.id for p in field_places(package, module) if p.field.id != "gemeente"] == \
        [p.field.id for p in places]


def test_figure_text_formats_with_unit_and_year(module):
    figure = next(f for f in module.figures if f.id == "kansarmoede")
    assert LocalData("Gent", "44021", figures={"kansarmoede": 9.5}).figure_text(figure) == "9,5%"
    assert LocalData("Gent", "44021", 2022, figures={"kansarmoede": 9.5}).figure_text(figure) == "9,5% (2022)"
    assert LocalData("Gent", "44021").figure_text(figure) is None
    assert figure_field(figure).id == "cijfer-kansarmoede"
