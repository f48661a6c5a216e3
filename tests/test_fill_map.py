"""The fill map the build writes beside each deck and worksheet (render/deck/writer.py,
render/worksheet.py): every fill-in field of every deck has a place, each place points at what
it says, and the map follows a changed deck. content/fill_text.py evaluates its texts."""

from __future__ import annotations

import io
import zipfile

from content_edits import replace
from lxml import etree

from childcare_guide.content.fill_text import evaluate
from childcare_guide.content.loader import load_package
from childcare_guide.content.model import LocalData
from childcare_guide.render.deck import build_deck_with_map
from childcare_guide.render.deck.writer import FIELD_HIGHLIGHT
from childcare_guide.render.worksheet import docx_inputs, render_docx_with_places

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def highlighted_runs(deck: bytes) -> list[tuple[str, int]]:
    """(part, index of the a:r in it) of every highlighted run: each an empty fill-in field."""
    found = []
    with zipfile.ZipFile(io.BytesIO(deck)) as archive:
        for name in archive.namelist():
            if name.startswith("ppt/slides/slide") and name.endswith(".xml"):
                root = etree.fromstring(archive.read(name))
                for index, run in enumerate(root.iter(f"{A}r")):
                    colour = run.find(f"{A}rPr/{A}highlight/{A}srgbClr")
                    if colour is not None and colour.get("val") == FIELD_HIGHLIGHT:
                        found.append((name, index))
    return found


def check_map(deck: bytes, fill_map: dict) -> None:
    with zipfile.ZipFile(io.BytesIO(deck)) as archive:
        parts = {name: etree.fromstring(archive.read(name)) for name in archive.namelist() if name.endswith(".xml")}
        for place in fill_map["runs"]:
            run = list(parts[place["part"]].iter(f"{A}r"))[place["run"]]
            # unfilled, each place shows what evaluating its fill without any data shows; a field
            # without data shows its '[Vul in...]'
            shown, expected = run.findtext(f"{A}t"), evaluate(place["fill"], LocalData(""))
            if expected is not None:
                assert shown == expected, place
            elif "field" in place:
                assert shown.startswith("[Vul in"), place
        for place in fill_map["attributes"]:
            element = list(parts[place["part"]].iter(f"{{{place['namespace']}}}{place['tag']}"))[place["index"]]
            assert element.get(place["attribute"]) == evaluate(place["fill"], LocalData(""))
        for chart in fill_map["charts"]:
            series = list(parts[chart["part"]].iter(f"{C}ser"))[chart["series"]]
            assert series.findtext(f"{C}tx/{C}strRef/{C}strCache/{C}pt/{C}v") == evaluate(chart["name"], LocalData(""))
            assert len(chart["valueCells"]) == len(chart["figures"]) == len(chart["flanders"])
            assert chart["workbook"] in archive.namelist()


def test_every_field_of_every_deck_has_a_place(package):
    for module in package.modules:
        deck, fill_map = build_deck_with_map(package, module)
        fields = {(p["part"], p["run"]) for p in fill_map["runs"] if "field" in p}
        assert set(highlighted_runs(deck)) == fields, module.slug
        check_map(deck, fill_map)
        figures = {f.id for f in module.figures}
        charted = {f for chart in fill_map["charts"] for f in chart["figures"]}
        assert charted <= figures


def test_the_map_follows_a_changed_deck(content_copy):
    rel = "content/modules/omgevingsanalyse/module.yml"
    before_package = load_package(content_copy)
    deck, before = build_deck_with_map(before_package, before_package.module("omgevingsanalyse"))
    replace(content_copy, rel, "          - We vergelijken onze cijfers met die van Vlaanderen.\n",
            "          - We vergelijken de cijfers van {veld:gemeente} met die van Vlaanderen.\n")
    package = load_package(content_copy)
    changed, after = build_deck_with_map(package, package.module("omgevingsanalyse"))
    gemeente = [p for p in after["runs"] if p.get("field") == "gemeente"]
    assert len(gemeente) == len([p for p in before["runs"] if p.get("field") == "gemeente"]) + 1
    assert set(highlighted_runs(changed)) == {(p["part"], p["run"]) for p in after["runs"] if "field" in p}
    check_map(changed, after)


def test_the_fiche_records_its_places(package):
    module = package.module("omgevingsanalyse")
    sheet = next(s for s in module.worksheets if s.id == "gemeentelijke-fiche")
    assert sheet.fields == ("gemeente", "datum", "voorzitter", "kansarmoede", "geen-formele-opvang",
                            "verlaagd-tarief")
    data, places = render_docx_with_places(docx_inputs(package, module, sheet))
    fills = [p["fill"] for p in places["paragraphs"]]
    assert fills == [[["field", "gemeente"]], [["field", "datum"]], [["field", "voorzitter"]],
                     [["figure", "kansarmoede", "%"]], [["figure", "geen-formele-opvang", "%"]],
                     [["figure", "verlaagd-tarief", "%"]]]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode()
        paragraphs = list(etree.fromstring(body.encode()).iter(f"{W}p"))
    assert "veld:" not in body and "\ue000" not in body  # no mark left for the chair to see
    for place in places["paragraphs"]:
        assert "".join(paragraphs[place["paragraph"]].itertext()) == ""  # an empty cell to write in
    assert [s.id for s in module.worksheets if s.fields] == ["gemeentelijke-fiche"]


def test_the_texts_follow_the_data():
    local = LocalData("Mechelen", year=2023, figures={"kansarmoede": 14.25, "plaatsen": 1240},
                      fields={"datum": "14 maart"}, start=9 * 60 + 30)
    assert evaluate([["field", "gemeente"]], local) == "Mechelen"
    assert evaluate([["field", "voorzitter"]], local) is None
    assert evaluate([["figure", "kansarmoede", "%"]], local) == "14,25% (2023)"
    assert evaluate([["number", "plaatsen", "plaatsen", "?"]], local) == "1.240 plaatsen"
    assert evaluate([["clock", 25], "–", ["clock", 900]], local) == "09:55–00:30"
    assert evaluate([["series", 1]], local) == "Mechelen (2023)"
    assert evaluate([["series", 1]], LocalData("")) == "onze gemeente"
    assert evaluate(["3", ["filled", "cijfer-kansarmoede", " · ingevuld"]], local) == "3 · ingevuld"
    assert evaluate(["3", ["filled", "voorzitter", " · ingevuld"]], local) == "3"
