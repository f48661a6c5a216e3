"""Facts that must stay as in the domain notes (issue 16), in every text an editor writes."""

from __future__ import annotations

import re

import pytest
from helpers import ROOT

TEXTS = sorted([*ROOT.glob("content/**/*.md"), *ROOT.glob("content/**/*.yml"),
                *ROOT.glob("docs/**/*.md")])


def _text(path) -> str:
    # line breaks inside a sentence do not hide a phrase
    return re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_places_are_counted_per_100_children_younger_than_3(path):
    assert not re.search(r"0 tot (en met )?3 jaar", _text(path))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_flemish_supply_figure_is_always_more_than_45(path):
    text = _text(path)
    for match in re.finditer(r"\b45\b", text):
        assert text[:match.start()].endswith("meer dan "), text[match.start() - 80:match.end() + 40]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_unsourced_reasons_series_is_gone(path):
    text = _text(path)
    assert not re.search(r"\b20 ?%[^.]{0,60}te duur", text)
    assert not re.search(r"\b16 ?% (vindt )?geen plaats", text)
    assert not re.search(r"\b13 ?% (vindt )?(de opvang )?niet geschikt", text)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_kansarmoede_splits_by_the_origin_of_the_mother(path):
    assert "Belgische moeder" not in _text(path)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_line_that_doubts_the_lok_without_saying_how_to_check(path):
    assert "nog een LOK moet hebben" not in _text(path)


def test_a_figure_shows_its_flemish_value_as_an_exact_number(package):
    # The guide shows a figure's Flemish value as a bare number. A value that is only known as a
    # lower bound ('meer dan 45') is therefore written as text beside a fill-in field, not as a figure.
    for module in package.modules:
        for figure in module.figures:
            assert "meer dan" not in figure.label, (module.slug, figure.id)
            assert "meer dan" not in figure.where, (module.slug, figure.id)


def test_a_chart_only_compares_figures_that_exist_for_the_municipality(package):
    # A chart puts Flanders beside the municipality. Only the kansarmoede-index exists for both.
    charts = [s for m in package.modules for step in m.steps for s in step.slides if s.kind == "grafiek"]
    assert charts
    for slide in charts:
        assert [f.id for f in slide.figures] == ["kansarmoede"], slide.title


def test_every_material_is_one_text(package):
    # '[Koffie, thee en water]' in YAML is a list of two: 'Koffie' and 'thee en water'
    for module in package.modules:
        for step in module.steps:
            for item in step.materials:
                assert item[:1].isupper() or item[:1].isdigit(), (module.slug, step.id, item)
