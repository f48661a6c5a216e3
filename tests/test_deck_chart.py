"""Native, editable charts: Flanders beside the municipality, with data in an embedded workbook."""

import io
import zipfile
from dataclasses import replace

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from childcare_guide.content.model import LocalData
from childcare_guide.render.deck import build_deck

CNVPR = ("{http://schemas.openxmlformats.org/presentationml/2006/main}nvGraphicFramePr/"
         "{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr")

TITLE = "Kansarmoede: onze gemeente naast Vlaanderen"


def chart_slide(prs):
    return next(s for s in prs.slides if s.shapes.title.text == TITLE)


def chart_frame(slide):
    return next(sh for sh in slide.shapes if sh.has_chart)


@pytest.fixture(scope="module")
def module(package):
    return package.module("omgevingsanalyse")


@pytest.fixture(scope="module")
def content(module):
    return next(s for step in module.steps for s in step.slides if s.kind == "grafiek")


@pytest.fixture(scope="module")
def deck(package, module):
    return Presentation(io.BytesIO(build_deck(package, module)))


def with_chart_of(module, figures):
    """The module with its chart slide showing these figures."""
    steps = tuple(replace(step, slides=tuple(replace(s, figures=tuple(figures)) if s.kind == "grafiek" else s
                                             for s in step.slides)) for step in module.steps)
    return replace(module, steps=steps)


def test_one_figure_stands_large_beside_a_native_chart(deck, content):
    """One pair of bars would leave a wide slide empty: the Flemish figure large on the left, the
    chart with upright bars on the right, its municipal series still to fill in."""
    assert len(content.figures) == 1
    slide = chart_slide(deck)
    assert slide.slide_layout.name == "Kerncijfer"
    chart = chart_frame(slide).chart
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    plot = chart.plots[0]
    assert list(plot.categories) == [f.label for f in content.figures]
    flanders, municipal = plot.series
    assert (flanders.name, municipal.name) == ("Vlaanderen", "Onze gemeente")
    assert list(flanders.values) == [f.flanders for f in content.figures]
    assert list(municipal.values) == [None]
    # the chart took the right panel's place; the left panel holds the figure, large, with its year
    assert [sh.placeholder_format.idx for sh in slide.placeholders] == [0, 1]
    panel = slide.placeholders[1].text_frame.paragraphs
    figure = content.figures[0]
    assert [p.text for p in panel] == [f"Vlaanderen ({figure.year})", figure.flanders_text, figure.label]
    assert panel[1].runs[0].font.size.pt >= 54 and panel[0].runs[0].font.size.pt >= 18
    frame = chart_frame(slide)
    assert frame.left > slide.placeholders[1].left + slide.placeholders[1].width


def test_a_chart_of_more_figures_lies_on_the_chart_layout(package, module):
    figures = [f for f in module.figures if f.unit == "%"]
    assert len(figures) >= 2
    prs = Presentation(io.BytesIO(build_deck(package, with_chart_of(module, figures))))
    slide = chart_slide(prs)
    assert slide.slide_layout.name == "Grafiek"
    chart = chart_frame(slide).chart
    assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert list(chart.plots[0].categories) == [f.label for f in figures]
    assert list(chart.plots[0].series[1].values) == [None] * len(figures)
    assert chart.category_axis.reverse_order  # the first figure of the content on top
    # no empty content placeholder left behind under the chart
    assert [sh.placeholder_format.idx for sh in slide.placeholders] == [0]


def test_chart_data_is_editable_in_an_embedded_workbook(deck):
    chart = chart_frame(chart_slide(deck)).chart
    xlsx = chart.part.chart_workbook.xlsx_part
    assert xlsx is not None
    book = zipfile.ZipFile(io.BytesIO(xlsx.blob))
    strings = book.read("xl/sharedStrings.xml").decode()
    assert "Vlaanderen" in strings and "Onze gemeente" in strings
    assert "12.1" in book.read("xl/worksheets/sheet1.xml").decode()
    # XlsxWriter's time of creation is replaced by a fixed one: equal content, equal bytes
    assert "2024-01-01T00:00:00Z" in book.read("docProps/core.xml").decode()


def test_chart_has_alt_text_year_and_source(deck, content):
    slide = chart_slide(deck)
    descr = chart_frame(slide)._element.find(CNVPR).get("descr")
    assert descr.startswith("Staafdiagram in procent, Vlaanderen naast onze gemeente.")
    for figure in content.figures:
        assert f"{figure.label}: Vlaanderen {figure.flanders_text} ({figure.year})" in descr
    assert "nog in te vullen" in descr
    source = next(sh for sh in slide.shapes if sh.name == "Bron").text_frame.text
    assert "Opgroeien, kansarmoede-index, cijfer van 2023" in source


def test_chart_is_readable_without_colour(deck):
    chart = chart_frame(chart_slide(deck)).chart
    assert chart.has_legend
    colours = []
    for series in chart.plots[0].series:
        assert series.data_labels.show_value
        assert series.data_labels.font.size.pt >= 18
        colours.append(series.format.fill.fore_color.rgb)
    assert colours[0] != colours[1]
    assert chart.category_axis.tick_labels.font.size.pt >= 18


def test_notes_and_checklist_explain_edit_data(deck):
    slide = chart_slide(deck)
    assert "Gegevens bewerken" in slide.notes_slide.notes_text_frame.text
    assert "Gegevens bewerken" in deck.slides[1].notes_slide.notes_text_frame.text


def test_local_data_fills_the_municipal_series(package, module, content):
    local = LocalData("Mechelen", "12025", 2023, figures={"kansarmoede": 14.2})
    prs = Presentation(io.BytesIO(build_deck(package, module, local=local)))
    frame = chart_frame(chart_slide(prs))
    municipal = frame.chart.plots[0].series[1]
    assert municipal.name == "Mechelen (2023)"
    assert list(municipal.values) == [14.2] + [None] * (len(content.figures) - 1)
    assert "Mechelen (2023) 14,2%" in frame._element.find(CNVPR).get("descr")


def test_deck_with_a_chart_is_reproducible(package, module):
    assert build_deck(package, module) == build_deck(package, module)
