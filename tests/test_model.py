"""The model and the loader: on fixed content (tests/fixtures/) and rules for the real content."""

import pytest
from helpers import FIXTURES

from childcare_guide.content.loader import load_package
from childcare_guide.content.model import format_clock, format_duration, format_number

# The addresses of the first four modules: other sites link to them, so they stay.
FIRST_MODULES = {"omgevingsanalyse", "sociale-functie", "samenwerken-met-toeleiders", "toegankelijkheid"}


@pytest.fixture(scope="module")
def fixed():
    """Three modules of version 0.1.0, copied once: omgevingsanalyse, sociale-functie, toegankelijkheid."""
    return load_package(FIXTURES)


def test_durations_read_like_the_package():
    assert format_duration(80) == "1u20"
    assert format_duration(120) == "2u"
    assert format_duration(45) == "45 min"
    assert format_clock(75) == "1:15"


def test_numbers_use_dutch_notation():
    assert format_number(12.1, "%") == "12,1%"
    assert format_number(6594) == "6.594"
    assert format_number(45, "plaatsen per 100 kinderen") == "45 plaatsen per 100 kinderen"


def test_modules_in_the_order_of_their_number_with_their_folder_as_address(fixed):
    assert [m.slug for m in fixed.modules] == ["omgevingsanalyse", "sociale-functie", "toegankelijkheid"]
    assert [m.number for m in fixed.modules] == [1, 2, 4]


def test_durations_come_from_module_yml(fixed):
    assert [m.minutes for m in fixed.modules] == [80, 120, 120]


def test_the_package_starts_with_module_1_and_keeps_the_first_four_addresses(package):
    numbers = [m.number for m in package.modules]
    assert numbers == sorted(set(numbers)) and numbers[0] == 1
    assert package.modules[0].slug == "omgevingsanalyse"
    assert {m.slug for m in package.modules} >= FIRST_MODULES
    assert len({m.title for m in package.modules}) == len(package.modules)


def test_steps_fill_the_session_and_run_on(package):
    for module in package.modules:
        assert sum(s.minutes for s in module.steps) == module.minutes
        clock = 0
        for step in module.steps:
            assert step.start == clock
            assert step.facilitation.strip(), f"{module.slug}/{step.id} heeft geen begeleiding"
            clock += step.minutes


def test_module_one_has_what_the_issue_asks(package):
    module = package.module("omgevingsanalyse")
    assert module.title == "Omgevingsanalyse"
    assert 3 <= len(module.objectives) <= 5
    assert len(module.worksheets) >= 2
    assert module.figures, "module 1 vergelijkt Vlaamse cijfers met de gemeente"
    for figure in module.figures:
        assert figure.year and figure.source and figure.where


def test_title_fields_come_from_the_package(package):
    assert [f.id for f in package.title_fields] == ["gemeente", "datum", "voorzitter"]


def test_cache_reloads_after_an_edit(content_copy):
    from childcare_guide.site.cache import load_cached

    first = load_cached(content_copy)
    assert load_cached(content_copy) is first
    yml = content_copy / "content" / "modules" / "omgevingsanalyse" / "module.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("titel: Omgevingsanalyse",
                                                           "titel: Omgevingsanalyse lokaal", 1),
                   encoding="utf-8")
    second = load_cached(content_copy)
    assert second is not first
    assert second.module("omgevingsanalyse").title == "Omgevingsanalyse lokaal"
