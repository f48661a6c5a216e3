"""How much text fits on a slide: an estimate per kind of slide, in lines of text.

The deck template sets the sizes (body 26 pt, columns 24 pt, statements 28 pt, objectives 22 pt)
and never shrinks text to fit. A paragraph wraps at about `chars` characters (measured in
LibreOffice Impress with Carlito, the metric twin of Calibri, with a margin for wide words); each
line takes 1.2 times the font size and each paragraph adds the template's 20% space before.
The validation checks a text at the template's size. A short text need not leave half its slide
empty: `text_size` finds the largest size of a short ladder (and then the most air between the
paragraphs) at which the same box still holds it, and the deck plan uses that.
tests/test_deck_overflow.py renders slides filled up to these limits, at each step of the ladder,
and proves that nothing falls outside its box.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace

LINE = 1.2  # line height / font size
SPACE_BEFORE = 0.2  # the template's space before a paragraph / font size
INSETS_PT = 7.2  # top and bottom inset of a text box


@dataclass(frozen=True)
class Capacity:
    what: str  # Dutch, for the message: which text
    chars: int  # characters on one line (estimated, with word wrap)
    size_pt: float  # font size
    box_pt: float  # height of the text box
    space_before: float = SPACE_BEFORE  # space before each paragraph, as a share of the size

    def height(self, paragraphs: list[str]) -> float:
        text_lines = sum(lines(p, self.chars) for p in paragraphs)
        return self.size_pt * (LINE * text_lines + self.space_before * len(paragraphs)) + INSETS_PT

    def max_lines(self, paragraphs: int) -> int:
        """How many lines fit when the text has this many paragraphs."""
        room = self.box_pt - INSETS_PT - self.size_pt * self.space_before * paragraphs
        return int(room // (self.size_pt * LINE))

    def at(self, size_pt: float, space_before: float = SPACE_BEFORE) -> Capacity:
        """The same box at another size: a line holds fewer characters as the letters grow."""
        return replace(self, chars=int(self.chars * self.size_pt / size_pt), size_pt=size_pt,
                       space_before=space_before)


# Text layout body: 864 x 356 pt; columns: 424 x 311 pt, heading box 50 pt; statement: 816 x 205 pt.
BODY = Capacity("de tekst van de dia", chars=64, size_pt=26, box_pt=356)
OBJECTIVES = Capacity("de doelstellingen", chars=76, size_pt=22, box_pt=356)
COLUMN = Capacity("een kolom", chars=31, size_pt=24, box_pt=311)
COLUMN_HEAD = Capacity("de kop van een kolom", chars=28, size_pt=24, box_pt=50)
# Statement and question: 816 pt wide; the statement above its legend (183 pt), the question alone.
STATEMENT = Capacity("de stelling", chars=42, size_pt=36, box_pt=183)
QUESTION = Capacity("de vraag", chars=38, size_pt=40, box_pt=270)
# Beside a picture (layout 'Beeld'): 305 x 335 pt at 24 pt.
CAPTION = Capacity("de tekst naast het beeld", chars=22, size_pt=24, box_pt=335)
FIELD_TEXT = "[Vul in]"
OBJECTIVES_SIZE_PT = 22
# The ladders of `text_size`, largest first; each ends at the template's size, which the
# validation checks. Body text stays under the titles' 34 pt.
BODY_SIZES_PT = (32, 28, 26)
OBJECTIVES_SIZES_PT = (26, 24, OBJECTIVES_SIZE_PT)
COLUMN_SIZES_PT = (28, 26, 24)
SPACES_BEFORE = (0.8, 0.5, SPACE_BEFORE)  # more air between a few paragraphs, as a share of the size


@dataclass(frozen=True)
class TextSize:
    size_pt: float
    space_before: float  # a share of the size


def text_size(texts: list[tuple[list[str], Capacity]], sizes: tuple[float, ...]) -> TextSize:
    """The largest size of `sizes`, then the most air between paragraphs, at which every text
    still fits its box (texts that share a slide, such as two columns, share one size).

    Text that fits at the template's size always gets a size: the last one of `sizes`."""
    for size in sizes:
        for space in SPACES_BEFORE:
            if all(fits(paragraphs, capacity.at(size, space)) for paragraphs, capacity in texts):
                return TextSize(size, space)
    return TextSize(sizes[-1], SPACE_BEFORE)
OBJECTIVES_LEAD = "Na dit overleg:"


def lines(text: str, chars: int) -> int:
    """Lines a paragraph takes when wrapped at about `chars` characters (at least one)."""
    return max(1, len(textwrap.wrap(text, chars, break_long_words=True)))


def used_lines(paragraphs: list[str], capacity: Capacity) -> int:
    return sum(lines(p, capacity.chars) for p in paragraphs)


def fits(paragraphs: list[str], capacity: Capacity) -> bool:
    return capacity.height(paragraphs) <= capacity.box_pt


# -- tables and source lines (18 pt), measured in points on the 960 x 540 pt slide ----------------

TABLE_SIZE_PT = 18
CHAR_EM = 0.53  # average width of a character in Carlito, as a share of the font size
CELL_PADDING_PT = 7.2 + 2  # top and bottom margin of a table cell, and a little air
CONTENT_WIDTH_PT = 864  # the width of the title and of tables and source lines
TABLE_TOP_PT = 121  # under the title
SOURCE_BOTTOM_PT = 540 - 23.6  # a source line ends above the slide's bottom margin
GAP_PT = 5
FIGURE_WIDTHS = (0.5, 0.22, 0.28)  # figure, Flanders, our municipality
FIGURE_SIZE_PT = 20  # a figures table has few rows: a size larger than the agenda's
FIGURE_LARGE_PT = 28  # up to three figures fill the slide at this size, when their texts fit
FIGURE_LARGE_ROWS_PT = 240  # ... in rows this tall together


def chars_for(width_pt: float, size_pt: float = TABLE_SIZE_PT) -> int:
    """Characters on one line of a box this wide (without its left and right insets)."""
    return max(1, int((width_pt - 14.4) / (size_pt * CHAR_EM)))


def row_height_pt(cells: list[str], widths_pt: list[float], size_pt: float = TABLE_SIZE_PT) -> float:
    """Height of a table row: its tallest cell, wrapped."""
    most = max(lines(text, chars_for(width, size_pt)) for text, width in zip(cells, widths_pt, strict=True))
    return most * size_pt * LINE + CELL_PADDING_PT


def source_height_pt(text: str) -> float:
    return lines(text, chars_for(CONTENT_WIDTH_PT)) * TABLE_SIZE_PT * LINE + INSETS_PT + 4


def figure_rows(figures, municipal: list[str | None] | None = None,
                header: str = "Onze gemeente") -> list[tuple[str, str, str]]:
    """The rows of a figures table: a header, then label, Flemish value with year, our value."""
    from childcare_guide.content.model import format_number

    municipal = municipal or [None] * len(figures)
    return [("Cijfer", "Vlaanderen", header)] + [
        (f.label, f"{format_number(f.flanders, f.unit)} ({f.year})", value or FIELD_TEXT)
        for f, value in zip(figures, municipal, strict=True)]


def figure_sources(figures) -> str:
    return "Bron Vlaanderen: " + "; ".join(dict.fromkeys(f.source for f in figures))


def figure_table_height_pt(figures, rows: list[tuple[str, ...]] | None = None, size_pt: float = FIGURE_SIZE_PT,
                           min_row_pt: float = 0) -> float:
    """The height of a figures table (its `rows`, by default those of `figures` to fill in)."""
    widths = [CONTENT_WIDTH_PT * share for share in FIGURE_WIDTHS]
    return sum(max(min_row_pt, row_height_pt(list(row), widths, size_pt)) for row in rows or figure_rows(figures))


def figure_table_fits(figures, rows: list[tuple[str, ...]] | None = None, size_pt: float = FIGURE_SIZE_PT,
                      min_row_pt: float = 0) -> bool:
    """The table and its source line fit between the title and the slide's bottom margin."""
    room = SOURCE_BOTTOM_PT - TABLE_TOP_PT - GAP_PT
    return (figure_table_height_pt(figures, rows, size_pt, min_row_pt)
            + source_height_pt(figure_sources(figures)) <= room)


def chart_sources(figures) -> str:
    """The source line of a chart: each figure's source with its year, unless it names it."""
    parts = [f.source if str(f.year) in f.source else f"{f.source}, cijfer van {f.year}" for f in figures]
    return "Bron Vlaanderen: " + "; ".join(dict.fromkeys(parts)) + "."


CHART_PT_PER_FIGURE = 45  # two bars with their labels, readable
CHART_LEGEND_PT = 40


def chart_fits(figures) -> bool:
    """A chart keeps room for every pair of bars once its source line is placed."""
    room = SOURCE_BOTTOM_PT - TABLE_TOP_PT - GAP_PT - source_height_pt(chart_sources(figures))
    return room >= CHART_PT_PER_FIGURE * len(figures) + CHART_LEGEND_PT


# -- a diagram of tiles (type 'tegels'): at most four tiles a row, in the layout's area -----------

TILE_AREA_PT = (864, 366)  # the 'Tegels' area of the template: width and height
TILE_GAP_PT = 14
TILE_MAX_HEIGHT_PT = 230  # one row of tiles stays a row of tiles, centred in the area


@dataclass(frozen=True)
class TileSizes:
    heading_pt: float
    text_pt: float


def tile_sizes(count: int) -> TileSizes:
    """Wide tiles (at most three a row) read larger than four narrow ones a row."""
    return TileSizes(32, 24) if tile_grid(count)[0] <= 3 else TileSizes(26, 20)


def tile_grid(count: int) -> tuple[int, int]:
    """Columns and rows: up to three tiles on one row, more on two rows (at most four a row)."""
    if count <= 3:
        return count, 1
    columns = -(-count // 2)
    return columns, -(-count // columns)


def tile_capacity(count: int) -> Capacity:
    """How much text one tile holds: its width and height, less a heading of one line."""
    columns, rows = tile_grid(count)
    sizes = tile_sizes(count)
    width = (TILE_AREA_PT[0] - TILE_GAP_PT * (columns - 1)) / columns
    height = min(TILE_MAX_HEIGHT_PT, (TILE_AREA_PT[1] - TILE_GAP_PT * (rows - 1)) / rows)
    box = height - sizes.heading_pt * (LINE + SPACE_BEFORE) - 6  # 6 pt between the word and its line
    return Capacity("de tekst van een tegel", chars=chars_for(width, sizes.text_pt), size_pt=sizes.text_pt,
                    box_pt=box)


# -- one figure that fills the slide (layout 'Kerncijfer') ----------------------------------------

KEY_NUMBER_PT = 60  # the figure itself, large
KEY_TEXT_PT = 24  # what it is, and for whom


# -- a route of stops (layout 'Route'): numbered circles on a line, each with its words -----------

ROUTE_TOP_PT = TABLE_TOP_PT + 9  # under the title
ROUTE_BOTTOM_PT = SOURCE_BOTTOM_PT
ROUTE_MAX_STOP_PT = 100  # the diameter of a stop's circle, at most
ROUTE_GAP_PT = 10  # between a circle and its words, and between two neighbours' words
ROUTE_SIDE_PT = 24  # how far the words of the first and last stop may reach past the content width
ROUTE_LABEL_SIZES_PT = (28, 24, 20)  # the largest at which every stop's words fit is used
ROUTE_STAGGER_FROM = 5  # from this many stops on, the words alternate above and below the line


@dataclass(frozen=True)
class RouteLabel:
    centre_pt: float  # the stop's centre, from the left of the content width
    width_pt: float
    above: bool  # the words above the line (else under it)


@dataclass(frozen=True)
class RouteGeometry:
    stop_pt: float  # the circle's diameter
    number_pt: float  # the size of the number in it
    centre_y_pt: float  # the line, from the top of the slide
    label_height_pt: float
    labels: tuple[RouteLabel, ...]

    def capacity(self, index: int, size_pt: float) -> Capacity:
        return Capacity("de tekst van een halte", chars=chars_for(self.labels[index].width_pt, size_pt),
                        size_pt=size_pt, box_pt=self.label_height_pt)


def route_geometry(count: int) -> RouteGeometry:
    """Where the stops of a route go. Few stops: one row of circles in the upper part of the
    area, each with its words under it. More stops: the circles on a line through the middle and
    their words in turn above and under it, so each stop's words get two stops' width."""
    slot = CONTENT_WIDTH_PT / count
    stop = min(ROUTE_MAX_STOP_PT, slot * 0.75)
    area = ROUTE_BOTTOM_PT - ROUTE_TOP_PT
    staggered = count >= ROUTE_STAGGER_FROM
    if staggered:
        centre_y = ROUTE_TOP_PT + area / 2
        label_height = area / 2 - stop / 2 - ROUTE_GAP_PT
    else:
        centre_y = ROUTE_TOP_PT + area * 0.3
        label_height = ROUTE_BOTTOM_PT - centre_y - stop / 2 - ROUTE_GAP_PT
    labels = []
    for index in range(count):
        centre = slot * (index + 0.5)
        half = (slot if staggered else slot / 2) - ROUTE_GAP_PT  # a double gap between neighbours
        half = min(half, centre + ROUTE_SIDE_PT, CONTENT_WIDTH_PT + ROUTE_SIDE_PT - centre)
        labels.append(RouteLabel(centre, 2 * half, staggered and index % 2 == 0))
    return RouteGeometry(stop, round(stop * 0.4), centre_y, label_height, tuple(labels))


def route_label_size(stops: list[str]) -> float | None:
    """The largest size of ROUTE_LABEL_SIZES_PT at which every stop's words fit; None: none fits.

    A word is never broken: the longest word of a stop must fit on one line of its box."""
    geometry = route_geometry(len(stops))
    for size in ROUTE_LABEL_SIZES_PT:
        capacities = [geometry.capacity(i, size) for i in range(len(stops))]
        if all(fits([stop], c) and max(map(len, stop.split()), default=0) <= c.chars
               for stop, c in zip(stops, capacities, strict=True)):
            return size
    return None
