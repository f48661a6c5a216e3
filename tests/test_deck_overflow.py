"""No text outside its box in a real client: LibreOffice renders every deck, poppler measures.

One LibreOffice run converts the real decks, a deck with a deliberately overfull slide (built
around the validation) and a deck whose slides are filled right up to the validation limits.
"""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from deck_overflow import convert, overflows

from childcare_guide.content import fit
from childcare_guide.content.model import Column, Figure, Module, Slide, Step, Tile
from childcare_guide.render.deck import build_deck, plan_deck

WORDS = ("Gezinnen met een laag inkomen gebruiken formele opvang ongeveer half zo vaak als andere "
         "gezinnen. Wanneer Medewerkers van het Huis van het Kind en het OCMW samenwerken, vinden "
         "kwetsbare gezinnen makkelijker de weg naar kinderopvang met inkomenstarief.").split()
OVERFULL_TITLE = "Een dia met veel te veel tekst"


def filled(capacity: fit.Capacity, paragraphs: int, max_chars: int) -> list[str]:
    """Paragraphs of real words, each at most max_chars, grown while the estimate says it fits."""
    words = itertools.cycle(WORDS)
    texts = [next(words) for _ in range(paragraphs)]
    for index in range(paragraphs):
        while True:
            longer = f"{texts[index]} {next(words)}"
            trial = texts[:index] + [longer] + texts[index + 1:]
            if len(longer) > max_chars or not fit.fits(trial, capacity):
                break
            texts[index] = longer
    return texts


def title(n: int) -> str:
    return f"Dia {n}: een titel van zestig tekens die op twee regels past"[:60]


def limit_module(module: Module) -> Module:
    """Module 1 with every kind of slide filled up to what the validation allows."""
    figures = tuple(Figure(id=f"cijfer{n}", label=("Aandeel gezinnen met een laag inkomen dat formele "
                                                   f"opvang gebruikt, groep {n}")[:70],
                           flanders=12.5 + n, unit="%", year=2023,
                           source=(f"Bron {n}: Opgroeien, cijfers over het gebruik van kinderopvang door "
                                   "gezinnen per gemeente en per inkomensgroep, jaarrapport")[:120],
                           where="Opgroeien")
                    for n in range(1, 7))
    # as many of these long figures as the validation lets into one table
    table = next(figures[:n] for n in range(len(figures), 0, -1) if fit.figure_table_fits(figures[:n]))
    chart = next(figures[:n] for n in range(len(figures), 0, -1) if fit.chart_fits(figures[:n]))
    slides = (
        Slide(title=title(1), bullets=tuple(filled(fit.BODY, 6, 120))),
        Slide(title=title(2), bullets=tuple(filled(fit.BODY, 3, 120))),
        Slide(title=title(3), kind="twee-kolommen",
              left=Column(heading=filled(fit.COLUMN_HEAD, 1, 40)[0], bullets=tuple(filled(fit.COLUMN, 5, 90))),
              right=Column(heading=filled(fit.COLUMN_HEAD, 1, 40)[0], bullets=tuple(filled(fit.COLUMN, 3, 90)))),
        Slide(title=title(4), kind="stelling", text=filled(fit.STATEMENT, 1, 200)[0]),
        Slide(title=title(5), kind="cijfers", figures=table),
        Slide(title=title(6), kind="grafiek", figures=chart),
    )
    # a short text at each step of the size ladder, filled up to what that size holds
    larger = tuple(Slide(title=title(7 + i), bullets=tuple(filled(fit.BODY.at(size, space), count, 120)))
                   for i, (size, space, count) in enumerate(((32, fit.SPACES_BEFORE[0], 3), (32, fit.SPACE_BEFORE, 4),
                                                             (28, fit.SPACES_BEFORE[1], 4))))
    columns = fit.COLUMN.at(fit.COLUMN_SIZES_PT[0])
    larger += (Slide(title=title(10), kind="twee-kolommen",
                     left=Column(heading="Wat de cijfers tonen", bullets=tuple(filled(columns, 3, 90))),
                     right=Column(heading="Wat we nog niet weten", bullets=tuple(filled(columns, 2, 90)))),)
    steps = tuple(Step(id=f"stap{n}", title=f"Stap {n}: een titel van een stap die lang is, tot zestig"[:60],
                       minutes=10, method="Plenair", materials=(), facilitation="Begeleiding.",
                       slides={1: slides, 2: larger, 3: visual_slides()}.get(n, ()), start=10 * (n - 1))
                  for n in range(1, 9))
    return dataclasses.replace(module, steps=steps, minutes=80, figures=figures + KEY_FIGURES, fields=(),
                               objectives=tuple(filled(fit.OBJECTIVES, 5, 140)))


# the longest a figure's label (70) and unit (40) may be, a large number: one figure fills the slide
KEY_FIGURES = tuple(Figure(id=f"kerncijfer{n}", label=("Aantal kinderen jonger dan drie jaar in gezinnen met "
                                                      "een laag inkomen in")[:70],
                           flanders=1234567.8, unit="plaatsen per honderd kinderen jonger dan 3"[:40],
                           year=2023, source="Opgroeien, jaarrapport kinderopvang 2023", where="Opgroeien")
                    for n in (1, 2))
TILE_HEADING = "Toegankelijkheid"  # 16 characters, the longest a tile's word may be, one word


def tiles(count: int) -> tuple[Tile, ...]:
    """Tiles with the longest word and a line filled up to what a tile of this grid holds."""
    return (Tile(TILE_HEADING, filled(fit.tile_capacity(count), 1, 90)[0]),) * count


def visual_slides() -> tuple[Slide, ...]:
    """Tiles, one big figure and routes, each filled up to its limit."""
    longest_stop = "Een opvangvraag stellen, inschrijven en wachten op"  # 50 characters
    return (
        Slide(title=title(11), kind="tegels", tiles=tiles(3)),
        Slide(title=title(12), kind="tegels", tiles=tiles(5)),
        Slide(title=title(13), kind="tegels", tiles=tiles(8)),
        Slide(title=title(14), kind="cijfers", figures=KEY_FIGURES[:1]),
        Slide(title=title(15), kind="grafiek", figures=KEY_FIGURES[1:]),
        Slide(title=title(16), kind="route", stops=(longest_stop,) * 8),
        Slide(title=title(17), kind="route", stops=(longest_stop,) * 4),
    )


def overfull_module(module: Module) -> Module:
    """Six bullets of 120 characters: each one valid, together far too much (bypasses validation)."""
    bullet = " ".join(WORDS)[:120]
    slide = Slide(title=OVERFULL_TITLE, bullets=(bullet,) * 6)
    step = dataclasses.replace(module.steps[0], slides=(slide,))
    return dataclasses.replace(module, steps=(step,) + module.steps[1:])


@pytest.fixture(scope="module")
def rendered(package, tmp_path_factory):
    work = tmp_path_factory.mktemp("overflow")
    decks = {}
    for module in package.modules:
        decks[module.slug] = work / module.deck_name
    first = package.modules[0]
    extra = {"te-vol": overfull_module(first), "tot-de-grens": limit_module(first)}
    for slug, path in decks.items():
        path.write_bytes(build_deck(package, package.module(slug)))
    for name, module in extra.items():
        decks[name] = work / f"{name}.pptx"
        decks[name].write_bytes(build_deck(package, module))
    pdfs = convert(list(decks.values()), work)
    return {name: (path, pdfs[path]) for name, path in decks.items()}


@pytest.mark.office
def test_no_text_outside_its_box_in_any_deck(package, rendered):
    for module in package.modules:
        deck, pdf = rendered[module.slug]
        assert overflows(deck, pdf) == []


@pytest.mark.office
def test_check_finds_the_overfull_slide(rendered):
    deck, pdf = rendered["te-vol"]
    problems = overflows(deck, pdf)
    assert problems, "de controle zag de overvolle dia niet"
    assert all(f"({OVERFULL_TITLE})" in p for p in problems), problems
    assert "valt buiten zijn vak" in problems[0]


@pytest.mark.office
def test_text_up_to_the_validation_limits_still_fits(package, rendered):
    deck, pdf = rendered["tot-de-grens"]
    assert overflows(deck, pdf) == []
    module = limit_module(package.modules[0])
    table = next(s for s in module.steps[0].slides if s.kind == "cijfers")
    assert len(table.figures) >= 3  # the table really is full
    assert not fit.figure_table_fits(module.figures)  # six such figures would be refused
    chart = next(s for s in module.steps[0].slides if s.kind == "grafiek")
    assert len(chart.figures) >= 3 and not fit.chart_fits(module.figures)
    # the short texts really are at the larger sizes, the tiles and the route at their limits
    plan = plan_deck(package, module)
    sizes = [(t.size_pt, t.space_before) for s in plan.slides for t in s.texts
             if s.title in {title(n) for n in (7, 8, 9, 10)} and t.placeholder in (1, 2)]
    assert sizes[:3] == [(32, fit.SPACES_BEFORE[0]), (32, fit.SPACE_BEFORE), (28, fit.SPACES_BEFORE[1])]
    assert sizes[3][0] == fit.COLUMN_SIZES_PT[0]
    assert {s.layout for s in plan.slides if s.title in {title(n) for n in (11, 12, 13, 14, 15)}} == {
        "Tegels", "Kerncijfer"}
    for count in (3, 5, 8):
        text = tiles(count)[0].text
        assert len(text) > 80 or not fit.fits([text + " opvang"], fit.tile_capacity(count)), "a tile is full"


def test_the_overfull_slide_is_refused_by_the_validation():
    bullets = [" ".join(WORDS)[:120]] * 6
    assert not fit.fits(bullets, fit.BODY)
    assert fit.fits(filled(fit.BODY, 6, 120), fit.BODY)
