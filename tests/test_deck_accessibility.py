"""Accessible decks: unique titles, alt text, title first in reading order, contrast ≥ 4.5:1.

Each check is a function that lists what is wrong; the tests run it on every deck (and on a deck
pre-filled with local data) and prove on a broken deck that it does report a problem.
"""

from __future__ import annotations

import io

import pytest
from deck_contrast import contrast_ratio, text_contrasts
from lxml import etree
from pptx import Presentation

from childcare_guide.content.model import LocalData
from childcare_guide.render.deck import build_deck

CNVPR = ("{http://schemas.openxmlformats.org/presentationml/2006/main}nvGraphicFramePr/"
         "{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr")

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
MIN_CONTRAST = 4.5


@pytest.fixture(scope="module")
def decks(package):
    built = {m.slug: build_deck(package, m) for m in package.modules}
    local = LocalData("Mechelen", "12025", 2023, figures={"kansarmoede": 14.2},
                      fields={"datum": "dinsdag 14 maart"})
    built["ingevuld"] = build_deck(package, package.module("omgevingsanalyse"), local=local)
    return built


def open_deck(data: bytes):
    return Presentation(io.BytesIO(data))


def shown(prs):
    return [(n, s) for n, s in enumerate(prs.slides, start=1) if s._element.get("show") != "0"]


def duplicate_titles(prs) -> list[str]:
    titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]
    return [t for t in titles if not t.strip() or titles.count(t) > 1]


def missing_alt_text(prs) -> list[str]:
    """Pictures, charts, tables (every graphic frame) without a description."""
    missing = []
    for number, slide in enumerate(prs.slides, start=1):
        for element in slide.shapes._spTree.iter(f"{P}pic", f"{P}graphicFrame"):
            c_nv_pr = element.find(f"./*/{P}cNvPr")
            if c_nv_pr is None or not (c_nv_pr.get("descr") or "").strip():
                missing.append(f"dia {number}: {c_nv_pr.get('name') if c_nv_pr is not None else '?'}")
    return missing


def title_not_first(prs) -> list[int]:
    """Slides whose first shape in reading order (the spTree) is not the title."""
    wrong = []
    for number, slide in enumerate(prs.slides, start=1):
        shapes = [e for e in slide.shapes._spTree.iterchildren()
                  if etree.QName(e).localname not in ("nvGrpSpPr", "grpSpPr", "extLst")]
        ph = shapes[0].find(f".//{P}nvPr/{P}ph") if shapes else None
        if ph is None or ph.get("type") not in ("title", "ctrTitle"):
            wrong.append(number)
    return wrong


def low_contrast(prs) -> list[str]:
    return [f"dia {c.slide}: '{c.text}' {c.colour} op {c.background} = {c.ratio:.2f}:1"
            for c in text_contrasts(prs) if c.ratio < MIN_CONTRAST]


def test_every_slide_has_a_unique_title(decks):
    for name, data in decks.items():
        assert duplicate_titles(open_deck(data)) == [], name


def test_every_picture_chart_and_table_has_alt_text(decks):
    frames = 0
    for name, data in decks.items():
        prs = open_deck(data)
        assert missing_alt_text(prs) == [], name
        frames += sum(1 for s in prs.slides for _ in s.shapes._spTree.iter(f"{P}graphicFrame"))
    assert frames >= 10  # agendas, checklists, figure tables and charts were really checked


def test_title_is_first_in_reading_order(decks):
    for name, data in decks.items():
        assert title_not_first(open_deck(data)) == [], name


def test_text_contrast_is_at_least_4_5_to_1(decks):
    for name, data in decks.items():
        prs = open_deck(data)
        contrasts = text_contrasts(prs)
        assert len(contrasts) > 50, name
        assert low_contrast(prs) == [], name


def test_contrast_formula_matches_wcag():
    assert contrast_ratio("000000", "FFFFFF") == pytest.approx(21)
    assert contrast_ratio("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("FFFFFF", "FFFFFF") == pytest.approx(1)


# -- the checks fail on broken decks -----------------------------------------------------------

def test_contrast_check_reports_a_pale_run(decks):
    prs = open_deck(decks["omgevingsanalyse"])
    slide = prs.slides[2]  # objectives: dark text on white
    run = slide.placeholders[1].text_frame.paragraphs[1].runs[0]
    from pptx.dml.color import RGBColor
    run.font.color.rgb = RGBColor(0xAA, 0xAA, 0xAA)
    problems = low_contrast(prs)
    assert len(problems) == 1 and "AAAAAA op FFFFFF = 2.32:1" in problems[0]


def test_contrast_check_resolves_inherited_colours_on_a_dark_background(decks):
    """Text that inherits its dark colour from the master becomes unreadable on a dark slide."""
    prs = open_deck(decks["omgevingsanalyse"])
    slide = prs.slides[2]
    slide.background.fill.solid()
    from pptx.dml.color import RGBColor
    slide.background.fill.fore_color.rgb = RGBColor(0x1B, 0x4D, 0x4A)
    problems = [p for p in low_contrast(prs) if p.startswith("dia 3:")]
    assert problems and all("op 1B4D4A" in p for p in problems)


def test_alt_text_check_reports_a_chart_without_description(decks):
    prs = open_deck(decks["omgevingsanalyse"])
    frame = next(sh for s in prs.slides for sh in s.shapes if sh.has_chart)
    frame._element.find(CNVPR).set("descr", " ")
    assert missing_alt_text(prs) == [f"dia {_slide_of(prs, frame)}: Grafiek"]


def test_reading_order_check_reports_a_title_moved_back(decks):
    prs = open_deck(decks["omgevingsanalyse"])
    slide = prs.slides[2]
    tree = slide.shapes._spTree
    tree.append(slide.shapes.title._element)  # now the last shape a screen reader reaches
    assert title_not_first(prs) == [3]


def test_duplicate_title_check_reports_a_copy(decks):
    prs = open_deck(decks["omgevingsanalyse"])
    prs.slides[3].shapes.title.text = prs.slides[2].shapes.title.text
    assert duplicate_titles(prs) == ["Doelstellingen", "Doelstellingen"]


def _slide_of(prs, shape) -> int:
    return next(n for n, s in enumerate(prs.slides, start=1) if shape._element in s.shapes._spTree.iter())
