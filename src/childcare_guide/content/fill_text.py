"""Texts that change with a municipality's own data, written once as a list of segments.

A deck or worksheet text that depends on the chair's values (a fill-in field, the municipal
column's header, the chart's series name, the agenda's clock times) is planned as segments.
Python evaluates them here for `build_decks.py --cijfers`; the build writes the same segments into
the fill map, and docs/javascripts/fill.js evaluates them in the browser with the same rules. So
one plan says what both produce (tests/test_fill_browser.py compares the two).

A segment is a plain string (literal text) or a list whose first item says what it is:

  ["field", id]                  the text of a fill-in field ('gemeente' is the municipality)
  ["figure", figure id, unit]    the municipal value with its year: '14,2% (2023)'
  ["number", figure id, unit, otherwise]   the value without year, or `otherwise`
  ["clock", minutes]             the start time plus these minutes: '09:55'
  ["start", text]                `text` when a start time is given
  ["series", lower]              the chart's municipal series: 'Mechelen (2023)' or 'Onze gemeente';
                                 lower (0 or 1): in a sentence, 'onze gemeente' when no name is given
  ["municipality", otherwise]    the municipality, or `otherwise`
  ["filled", field id, text]     `text` when that field has a value, else ''

A text evaluates to None (stays as in the unfilled deck) when one of its segments has no value.
"""

from __future__ import annotations

from collections.abc import Sequence

from childcare_guide.content.model import (
    FIGURE_FIELD_PREFIX,
    MUNICIPAL_NAME,
    LocalData,
    format_number,
    format_time_of_day,
)

Segment = str | tuple
Fill = tuple[Segment, ...]

EMPTY = LocalData("")


def series_name(local: LocalData) -> str:
    """The chart's municipal series: the municipality with the year of its figures."""
    return (local.municipality or MUNICIPAL_NAME) + (f" ({local.year})" if local.year else "")


def is_filled(local: LocalData, field_id: str) -> bool:
    if field_id.startswith(FIGURE_FIELD_PREFIX):
        return local.figures.get(field_id.removeprefix(FIGURE_FIELD_PREFIX)) is not None
    return local.field_text(field_id) is not None


def segment_text(segment: Segment, local: LocalData) -> str | None:
    if isinstance(segment, str):
        return segment
    kind, *args = segment
    if kind == "field":
        return local.field_text(args[0])
    if kind == "figure":
        return local.figure_value_text(args[0], args[1])
    if kind == "number":
        value = local.figures.get(args[0])
        return args[2] if value is None else format_number(value, args[1])
    if kind == "clock":
        return None if local.start is None else format_time_of_day(local.start + args[0])
    if kind == "start":
        return None if local.start is None else args[0]
    if kind == "series":
        name = series_name(local)
        return name.lower() if args[0] and not local.municipality else name
    if kind == "municipality":
        return local.municipality or args[0]
    if kind == "filled":
        return args[1] if is_filled(local, args[0]) else ""
    raise ValueError(f"unknown segment {segment!r}")


def evaluate(fill: Sequence[Segment], local: LocalData | None) -> str | None:
    """The text of the segments for this municipality, or None when a value is missing."""
    parts = []
    for segment in fill:
        text = segment_text(segment, local or EMPTY)
        if text is None:
            return None
        parts.append(text)
    return "".join(parts)


def as_json(fill: Sequence[Segment]) -> list:
    """The segments as JSON values (lists for the tuples)."""
    return [s if isinstance(s, str) else list(s) for s in fill]
