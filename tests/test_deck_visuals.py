"""Slides that show rather than list: one figure that fills the slide, a diagram of tiles, a picture.

Plan-level tests need no python-pptx; the others open the written deck. The content mistakes of
these slide types are pinned in tests/test_errors_golden.py."""

from __future__ import annotations

import io

import pytest
from content_edits import MOD, YML, read, replace, write
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from childcare_guide.content import fit
from childcare_guide.content.loader import load_package
from childcare_guide.content.model import LocalData
from childcare_guide.render.deck import build_deck, plan_deck

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
KEY_TITLE = "Kansarmoede bij ons en in Vlaanderen"
B_TITLE = "De zeven B's van toegankelijkheid"


def _slide(prs, title):
    return next(s for s in prs.slides if s.shapes.title.text == title)


def _plan(plan, title):
    return next(s for s in plan.slides if s.title == title)


@pytest.fixture(scope="module")
def access(package):
    return package.module("toegankelijkheid")


@pytest.fixture(scope="module")
def access_deck(package, access):
    return Presentation(io.BytesIO(build_deck(package, access)))


# -- one figure fills the slide --------------------------------------------------------------------

def test_one_figure_is_planned_large_with_the_municipal_field_beside_it(package, access):
    plan = plan_deck(package, access)
    slide = _plan(plan, KEY_TITLE)
    assert slide.layout == "Kerncijfer" and slide.table is None
    flanders, ours = slide.texts
    assert (flanders.placeholder, ours.placeholder) == (1, 2)
    assert [p.text for p in flanders.paragraphs] == ["Vlaanderen (2023)", "12,1%", "Kinderen geboren in kansarmoede"]
    assert flanders.paragraphs[1].size_pt == fit.KEY_NUMBER_PT
    # the municipal value stays one run with its field id, listed on the checklist with this slide
    field_runs = [r for p in ours.paragraphs for r in p.runs if r.field]
    assert [(r.field, r.text) for r in field_runs] == [("cijfer-kansarmoede", "[Vul in]")]
    number = plan.slides.index(slide) + 1
    place = next(p for p in plan.places if p.field.id == "cijfer-kansarmoede")
    assert (number, KEY_TITLE) in place.slides
    assert "Opgroeien, kansarmoede-index" in slide.source


def test_one_figure_of_a_municipality_is_its_value_not_a_field_to_fill(package, access):
    local = LocalData("Mechelen", "12025", 2023, figures={"kansarmoede": 14.2})
    slide = _plan(plan_deck(package, access, local=local), KEY_TITLE)
    ours = slide.texts[1]
    assert [p.text for p in ours.paragraphs][:2] == ["Mechelen", "14,2% (2023)"]
    # the value keeps its field id (the fill map needs it) but is filled: no highlight
    fields = [r for p in ours.paragraphs for r in p.runs if r.field]
    assert fields and all(r.filled for r in fields)


def test_one_figure_fills_both_panels_of_its_layout(access_deck):
    slide = _slide(access_deck, KEY_TITLE)
    assert slide.slide_layout.name == "Kerncijfer"
    left, right = slide.placeholders[1], slide.placeholders[2]
    assert left.text_frame.paragraphs[1].runs[0].font.size.pt == fit.KEY_NUMBER_PT
    assert right.text_frame.paragraphs[1].runs[0].text == "[Vul in]"
    assert right.left > left.left + left.width  # side by side
    # together the panels take most of the slide's width and height: no half-empty slide
    assert (right.left + right.width - left.left) > 0.85 * access_deck.slide_width
    assert left.height > 0.55 * access_deck.slide_height


# -- a diagram of tiles ----------------------------------------------------------------------------

def test_the_bs_of_accessibility_are_planned_as_tiles_from_the_content(package, access):
    content = next(s for step in access.steps for s in step.slides if s.kind == "tegels")
    slide = _plan(plan_deck(package, access), content.title)
    assert slide.layout == "Tegels"
    assert [heading for heading, _ in slide.tiles] == ["Beschikbaar", "Bereikbaar", "Betaalbaar", "Begrijpbaar",
                                                        "Bruikbaar", "Bekend", "Betrouwbaar"]


def test_tiles_are_native_editable_shapes_with_alt_text(access_deck):
    slide = _slide(access_deck, B_TITLE)
    assert slide.slide_layout.name == "Tegels"
    assert [sh.placeholder_format.idx for sh in slide.placeholders] == [0]  # the area is used
    group = next(sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.GROUP)
    tiles = list(group.shapes)
    assert len(tiles) == 7
    assert all(t.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE for t in tiles)
    first = tiles[0].text_frame.paragraphs
    assert first[0].text == "Beschikbaar" and first[0].runs[0].font.bold
    assert first[1].text.startswith("Is er een plaats")
    assert min(p.runs[0].font.size.pt for t in tiles for p in t.text_frame.paragraphs) >= 18
    # four on the first row, three centred under them, none overlapping
    tops = sorted({t.top for t in tiles})
    assert len(tops) == 2 and [sum(t.top == top for t in tiles) for top in tops] == [4, 3]
    row1 = [t for t in tiles if t.top == tops[0]]
    row2 = [t for t in tiles if t.top == tops[1]]
    assert abs((row1[0].left + row1[-1].left + row1[-1].width) - (row2[0].left + row2[-1].left + row2[-1].width)) < 2
    assert all(a.left + a.width <= b.left for a, b in zip(row1, row1[1:], strict=False))
    descr = group._element.find(f"{P}nvGrpSpPr/{P}cNvPr").get("descr")
    assert descr.startswith("Schema met 7 tegels. Beschikbaar: Is er een plaats")


def test_a_tile_grid_keeps_rows_short():
    assert [fit.tile_grid(n) for n in (2, 3, 4, 5, 7, 8)] == [(2, 1), (3, 1), (2, 2), (3, 2), (4, 2), (4, 2)]
    assert fit.tile_capacity(3).size_pt > fit.tile_capacity(7).size_pt >= 18


# -- a picture -------------------------------------------------------------------------------------

ALT = "De zaal met drie tafels voor het groepswerk"


def add_picture_slide(root, picture: str = "zaal.png", text: str | None = "Zo staan de tafels klaar.") -> None:
    """A PNG linked with alt text in inleiding.md, and a picture slide after 'Even kennismaken'."""
    folder = root / MOD / "beelden"
    folder.mkdir(exist_ok=True)
    out = io.BytesIO()
    Image.new("RGB", (800, 400), (0, 121, 107)).save(out, format="PNG")
    (folder / "zaal.png").write_bytes(out.getvalue())
    intro = read(root, f"{MOD}/inleiding.md").rstrip("\n")
    write(root, f"{MOD}/inleiding.md", f"{intro}\n\n![{ALT}](beelden/zaal.png)\n")
    slide = f"      - titel: Zo zit de zaal\n        type: beeld\n        beeld: {picture}\n"
    if text:
        slide += f"        tekst: {text}\n"
    replace(root, YML, "  - id: cijfers-vlaanderen\n", slide + "  - id: cijfers-vlaanderen\n")


def test_a_picture_slide_shows_the_picture_with_its_alt_text_and_proportions(project):
    add_picture_slide(project)
    package = load_package(project)
    module = package.module("omgevingsanalyse")
    prs = Presentation(io.BytesIO(build_deck(package, module)))
    slide = _slide(prs, "Zo zit de zaal")
    assert slide.slide_layout.name == "Beeld"
    picture = next(sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert picture._element.find(f"{P}nvPicPr/{P}cNvPr").get("descr") == ALT
    assert abs(picture.width / picture.height - 2) < 0.01
    place = next(sh for sh in slide.slide_layout.placeholders if sh.placeholder_format.idx == 1)
    assert picture.left >= place.left and picture.left + picture.width <= place.left + place.width + 1
    assert picture.width == place.width or picture.height == place.height  # as large as it fits
    assert slide.placeholders[2].text_frame.text == "Zo staan de tafels klaar."
    assert build_deck(package, module) == build_deck(package, module)


def test_a_picture_without_a_sentence_takes_the_sentence_place_too(project):
    add_picture_slide(project, text=None)
    package = load_package(project)
    prs = Presentation(io.BytesIO(build_deck(package, package.module("omgevingsanalyse"))))
    slide = _slide(prs, "Zo zit de zaal")
    assert [sh.placeholder_format.idx for sh in slide.placeholders] == [0]  # no empty text box
    picture = next(sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE)
    place = next(sh for sh in slide.slide_layout.placeholders if sh.placeholder_format.idx == 1)
    assert picture.width > place.width
