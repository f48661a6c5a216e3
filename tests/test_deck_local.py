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


def test_only_what_remains_is_listed(package, module, local, filled):
    places = field_places(package, module, local=local)
    ids = [p.field.id for p in places]
    for done in ("gemeente", "datum", "kinderen-0-3", "cijfer-kansarmoede", "cijfer-verlaagd-tarief"):
        assert done not in ids
    assert "voorzitter" in ids and "cijfer-geen-formele-opvang" in ids and "plaatsen-totaal" in ids
    assert checklist_rows(filled) == [p.field.label for p in places]
    everything = field_places(package, module)
    assert len(everything) == len(places) + 5


def test_a_fully_filled_deck_says_so_on_the_checklist(package, module):
    fields = {f.id: "ingevuld" for f in package.title_fields + module.fields}
    figures = {f.id: 1.0 for f in module.figures}
    local = LocalData("Gent", "44021", 2024, figures=figures, fields=fields)
    assert field_places(package, module, local=local) == []
    prs = Presentation(io.BytesIO(build_deck(package, module, local=local)))
    assert checklist_rows(prs) == ["Alles is al ingevuld. Kijk de gegevens wel nog even na."]
    assert not any(r.text.startswith("[Vul in") for s in prs.slides for r in runs(s))


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
