"""Write a deck plan (render/deck/plan.py) to .pptx bytes with python-pptx, on the template's
named layouts.

The template owns the design, this code owns the data: layouts are found by name, so a
designer can restyle design/deck-template.pptx in PowerPoint without a code change. Only
python-pptx's public API is used, and lxml on the element of a public object (`shape._element`,
`slide._element`, `chart._chartSpace`) where python-pptx has no property: a hidden slide, a
highlighted run, the alt text of a graphic frame or a picture, the language of a chart.

While it writes, the writer records the deck's fill map: where each text that follows a
municipality's data sits (every run with a fill, the chart's municipal series and its workbook
cells, the chart's alt text), so docs/javascripts/fill.js fills the same places in the browser.
The map names each place by its zip member (a part's public `partname`) and its index in that
part's XML (counted with lxml); a chart's workbook is found through the chart's relationships in
the written package, as the Open XML standard says, not through python-pptx's internals.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Pt

from childcare_guide.content import fit
from childcare_guide.content.fill_text import Fill, as_json
from childcare_guide.content.model import LocalData, Module, Package
from childcare_guide.package_data import package_file
from childcare_guide.render.deck.plan import (
    LAYOUTS,
    Chart,
    DeckPlan,
    Paragraph,
    Properties,
    Run,
    SlidePlan,
    Table,
    Text,
    plan_deck,
)
from childcare_guide.render.reproducible import FIXED_TIME, normalise_office_file

TEMPLATE = package_file("design", "deck-template.pptx")
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
FIELD_HIGHLIGHT = "FFE066"  # a soft yellow: dark text on it stays above 4.5:1
FIELD_INK = RGBColor(0x1A, 0x1A, 0x1A)
# Chart colours on the white slide: both above 3:1 (WCAG non-text contrast) and of clearly
# different lightness, so the two series differ in greyscale too; data labels and the legend
# name each bar, so colour is never the only cue.
FLANDERS_COLOUR = RGBColor(0x1B, 0x4D, 0x4A)  # the template's dark green, 9.5:1 on white
MUNICIPAL_COLOUR = RGBColor(0xC0, 0x5A, 0x12)  # burnt orange, 4.5:1 on white
INK = RGBColor(0x22, 0x22, 0x22)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
TABLE_BAND = RGBColor(0xE8, 0xF1, 0xEF)  # the template's light green
TABLE_GAP = Emu(120000)  # between the title and a table
CHART_GAP = Emu(60000)  # between a chart and its source line
SOURCE_BOTTOM_MARGIN = Pt(540 - fit.SOURCE_BOTTOM_PT)


class TemplateError(Exception):
    """The template misses a layout the decks need (a designer's mistake, not an editor's)."""


def build_deck(package: Package, module: Module, template: Path = TEMPLATE, *,
               local: LocalData | None = None) -> bytes:
    """Return the deck of one module as reproducible .pptx bytes.

    With `local`, the deck is pre-filled for one municipality: its name, its figures and the
    field texts it gives replace their fill-in fields; only the rest stays to fill in.
    """
    return write_deck(plan_deck(package, module, local=local), template)


def build_deck_with_map(package: Package, module: Module, template: Path = TEMPLATE) -> tuple[bytes, dict]:
    """The unfilled deck of one module and its fill map (see write_deck_with_map)."""
    return write_deck_with_map(plan_deck(package, module), template)


def write_deck(plan: DeckPlan, template: Path = TEMPLATE) -> bytes:
    """The plan as .pptx bytes on the template: the same plan gives the same bytes."""
    return write_deck_with_map(plan, template)[0]


def write_deck_with_map(plan: DeckPlan, template: Path = TEMPLATE) -> tuple[bytes, dict]:
    """The plan as .pptx bytes, and its fill map: a JSON-ready dict with

    - runs: {part, run, fill, field?, ink?}: the run-th a:r (document order) of that zip member;
      its text becomes the fill's text (content/fill_text.py); with field, a filled run loses the
      look of a field (highlight, bold, colour) and takes the colour ink if given (in a table);
    - attributes: {part, tag, index, attribute, fill}: an attribute (the chart's alt text);
    - charts: {part, workbook, series, figures, unit, flanders, format, name, nameCell,
      valueCells}: the municipal series (series-th c:ser) and its cells in the embedded workbook.
    """
    prs = _open_template(template)
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    missing = [name for name in LAYOUTS if name not in layouts]
    if missing:
        names = ", ".join(f"'{n}'" for n in missing)
        raise TemplateError(
            f"Het sjabloon {template.name} mist de dia-indeling {names}. "
            "Geef in PowerPoint (Beeld > Diamodel) een indeling die naam, "
            f"of zet het sjabloon terug. Gevonden: {', '.join(layouts)}.")
    places = _Places()
    for slide_plan in plan.slides:
        _write_slide(prs.slides.add_slide(layouts[slide_plan.layout]), slide_plan, prs.slide_height, places)
    _properties(prs, plan.properties)
    buffer = io.BytesIO()
    prs.save(buffer)
    deck = normalise_office_file(buffer.getvalue())
    return deck, places.resolve(deck)


class _Places:
    """What the writer records for the fill map; part names and indexes are resolved after the
    deck is complete (python-pptx may name parts when it saves)."""

    def __init__(self) -> None:
        self.runs: list[tuple] = []
        self.attributes: list[tuple] = []
        self.charts: list[tuple] = []

    def run(self, part, r_element, run: Run, ink: RGBColor | None = None) -> None:
        self.runs.append((part, r_element, run.fill, run.field, ink))

    def attribute(self, part, element, attribute: str, fill: Fill) -> None:
        self.attributes.append((part, element, attribute, fill))

    def chart(self, chart_part, chart_space, plan: Chart) -> None:
        self.charts.append((chart_part, chart_space, plan))

    def resolve(self, deck: bytes) -> dict:
        """The map, once the deck's bytes are written: an element's index is counted in its part's
        XML tree (lxml), and a chart's workbook is found through the chart's relationships in
        the package, as any Office reader finds it."""
        indexes: dict[tuple[int, str], dict] = {}

        def index(element) -> int:
            root = element.getroottree().getroot()
            key = (id(root), element.tag)
            if key not in indexes:
                indexes[key] = {e: n for n, e in enumerate(root.iter(element.tag))}
            return indexes[key][element]

        def name(part) -> str:
            return str(part.partname).lstrip("/")

        runs = [{"part": name(part), "run": index(element), "fill": as_json(fill)}
                | ({"field": field} if field else {}) | ({"ink": str(ink)} if field and ink else {})
                for part, element, fill, field, ink in self.runs]
        attributes = [{"part": name(part), "tag": etree.QName(element).localname,
                       "namespace": etree.QName(element).namespace, "index": index(element),
                       "attribute": attribute, "fill": as_json(fill)}
                      for part, element, attribute, fill in self.attributes]
        charts = []
        for chart_part, chart_space, plan in self.charts:
            series = chart_space.findall(f".//{{{C}}}ser")
            municipal = len(plan.series) - 1
            name_ref = series[municipal].find(f"{{{C}}}tx/{{{C}}}strRef/{{{C}}}f").text
            values_ref = series[municipal].find(f"{{{C}}}val/{{{C}}}numRef/{{{C}}}f").text
            charts.append({
                "part": name(chart_part), "workbook": _embedded_workbook(deck, name(chart_part)),
                "series": municipal, "figures": list(plan.figures), "unit": plan.unit,
                "flanders": list(plan.series[0][1]), "format": plan.number_format,
                "name": as_json(plan.name_fill), "nameCell": _cells(name_ref)[0],
                "valueCells": _cells(values_ref)})
        return {"runs": runs, "attributes": attributes, "charts": charts}


PACKAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _embedded_workbook(deck: bytes, chart: str) -> str:
    """The zip member of a chart's embedded workbook ('ppt/embeddings/...xlsx'), read from the
    chart's relationships file (ppt/charts/_rels/chartN.xml.rels), as the Open XML package says."""
    folder, _, file = chart.rpartition("/")
    with zipfile.ZipFile(io.BytesIO(deck)) as package:
        relations = etree.fromstring(package.read(f"{folder}/_rels/{file}.rels"))
    target = next(r.get("Target") for r in relations.iter(f"{RELATIONSHIPS}Relationship")
                  if r.get("Type") == PACKAGE_RELATIONSHIP)
    return posixpath.normpath(posixpath.join(folder, target))


def _cells(reference: str) -> list[str]:
    """'Sheet1!$C$2:$C$4' -> ['C2', 'C3', 'C4'] (one column, as python-pptx writes a series)."""
    cells = reference.split("!")[-1].replace("$", "").split(":")
    column = cells[0].rstrip("0123456789")
    first, last = (int(c[len(column):]) for c in (cells[0], cells[-1]))
    return [f"{column}{row}" for row in range(first, last + 1)]


def _open_template(template: Path):
    if not template.is_file():
        raise TemplateError(f"Het sjabloon voor de presentaties ontbreekt: {template}. "
                            "Zet design/deck-template.pptx terug (zie scripts/make_template.py).")
    return Presentation(str(template))


def _write_slide(slide: PptxSlide, plan: SlidePlan, slide_height: int, places: _Places) -> None:
    slide.shapes.title.text = plan.title
    if plan.hidden:
        slide._element.set("show", "0")  # python-pptx has no property for a hidden slide
    for text in plan.texts:
        _write_text(_placeholder(slide, text.placeholder), text, lambda r, run: places.run(slide.part, r, run))
    if plan.chart is not None:
        _write_chart(slide, plan.chart, _source_top(slide_height, plan.source or ""), places)
    if plan.table is not None:
        _write_table(slide, plan.table, lambda r, run: places.run(slide.part, r, run, INK))
    if plan.route:
        _write_route(slide, plan.route, slide_height)
    if plan.tiles:
        _write_tiles(slide, plan.tiles)
    if plan.picture is not None:
        _write_picture(slide, plan.picture, has_text=any(t.placeholder == 2 for t in plan.texts))
    if plan.bar:
        _write_bar(slide, plan.bar, slide_height)
    if plan.source is not None:
        _source_line(slide, plan.source, slide_height)
    if plan.notes:
        notes = slide.notes_slide
        notes.notes_text_frame.text = plan.notes
        lines = plan.notes.split("\n")
        for line, fill in plan.notes_fills:
            # the line's first run, through the notes placeholder's element (no property for a run's)
            paragraph = notes.notes_placeholder._element.findall(f".//{{{A}}}p")[lines.index(line)]
            places.run(notes.part, paragraph.find(f"{{{A}}}r"), Run(line, fill=fill))


def _placeholder(slide: PptxSlide, idx: int):
    try:
        return slide.placeholders[idx]
    except KeyError:
        raise TemplateError(f"De dia-indeling '{slide.slide_layout.name}' heeft geen tekstvak "
                            f"nummer {idx}. Zet het sjabloon terug of voeg het tekstvak toe.") from None


# -- text ------------------------------------------------------------------------------------------

def _write_text(shape, text: Text, record) -> None:
    frame = shape.text_frame
    size = None if text.size_pt is None else Pt(text.size_pt)
    for index, paragraph in enumerate(text.paragraphs):
        own = size if paragraph.size_pt is None else Pt(paragraph.size_pt)
        target = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _write_paragraph(target, paragraph, own)
        if text.space_before is not None and text.size_pt is not None:
            target.space_before = Pt(text.size_pt * text.space_before)
    _mark_runs(shape._element, text.paragraphs, record)


def _write_paragraph(target, paragraph: Paragraph, size=None) -> None:
    """One paragraph: a single text run as python-pptx writes a paragraph's text (a new line is
    a line break), or one run per part when it holds a fill-in field."""
    if paragraph.bold:
        target.font.bold = True
    if len(paragraph.runs) == 1 and paragraph.runs[0].field is None:
        target.text = paragraph.runs[0].text
    else:
        # a filled field is a run of its own, in the look of the text around it
        for part in paragraph.runs:
            run = target.add_run()
            run.text = part.text
            if part.field is not None and not part.filled:
                run.font.bold = True
                run.font.color.rgb = FIELD_INK
    if size is not None:
        for run in target.runs:
            run.font.size = size


def _mark_runs(element, paragraphs: tuple[Paragraph, ...], record) -> None:
    """Mark each empty fill-in run with a highlight, which python-pptx has no property for, and
    record every run with a fill (record(a:r element, run)) for the fill map.

    `element` holds exactly these paragraphs (a shape or a table cell); a paragraph with a
    field or a fill has one a:r per run of the plan."""
    for p_element, paragraph in zip(element.iter(f"{{{A}}}p"), paragraphs, strict=True):
        if all(part.field is None and not part.fill for part in paragraph.runs):
            continue
        for r_element, part in zip(p_element.findall(f"{{{A}}}r"), paragraph.runs, strict=True):
            if part.field is not None and not part.filled:
                highlight = etree.SubElement(r_element.find(f"{{{A}}}rPr"), f"{{{A}}}highlight")
                etree.SubElement(highlight, f"{{{A}}}srgbClr", val=FIELD_HIGHLIGHT)
            if part.fill:
                record(r_element, part)


# -- tables ----------------------------------------------------------------------------------------

def _write_table(slide: PptxSlide, plan: Table, record) -> None:
    """A native, editable table under the slide title.

    Each row is as tall as its wrapped text needs (estimated from the plan's `measure`), so the
    frame matches what a presentation program draws."""
    left, title_top, width, title_height = _title_box(slide)
    top = title_top + title_height + TABLE_GAP
    widths_pt = [width * share / Pt(1) for share in plan.widths]
    heights = [Pt(max(plan.min_row_pt, fit.row_height_pt(list(row), widths_pt, plan.size_pt)))
               for row in plan.measure]
    size = Pt(plan.size_pt)
    shape = slide.shapes.add_table(len(plan.rows), len(plan.widths), left, top, width, sum(heights))
    shape.name = "Tabel"
    if plan.description:
        _describe(shape, plan.description)
    table = shape.table
    for column, share in zip(table.columns, plan.widths, strict=True):
        column.width = int(width * share)
    for row, height in zip(table.rows, heights, strict=True):
        row.height = height
    cells = list(shape._element.iter(f"{{{A}}}tc"))
    for r, values in enumerate(plan.rows):
        bold = r == 0 or (plan.bold_last and r == len(plan.rows) - 1)
        for c, part in enumerate(values):
            cell = table.cell(r, c)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            # explicit colours in the template's palette: white on dark green for the header,
            # dark text on white and light green bands below (all far above 4.5:1)
            cell.fill.solid()
            cell.fill.fore_color.rgb = FLANDERS_COLOUR if r == 0 else TABLE_BAND if r % 2 == 0 else WHITE
            paragraph = Paragraph((part,))
            target = cell.text_frame.paragraphs[0]
            target.font.size = size  # some readers ignore a paragraph's default: the runs too
            _write_paragraph(target, paragraph, size)
            for run in target.runs:
                if bold:
                    run.font.bold = True
                if part.field is None or part.filled:
                    run.font.color.rgb = WHITE if r == 0 else INK
            _mark_runs(cells[r * len(values) + c], (paragraph,), record)


def _title_box(slide: PptxSlide) -> tuple[int, int, int, int]:
    """Left, top, width and height of the slide's title (its own, or its layout's)."""
    title = slide.shapes.title
    return title.left, title.top, title.width, title.height


def _source_top(slide_height: int, text: str) -> int:
    """Where the source line starts: as many lines as it needs, above the slide's bottom margin."""
    return slide_height - SOURCE_BOTTOM_MARGIN - Pt(fit.source_height_pt(text))


def _source_line(slide: PptxSlide, text: str, slide_height: int) -> None:
    left, _, width, _ = _title_box(slide)
    top = _source_top(slide_height, text)
    box = slide.shapes.add_textbox(left, top, width, slide_height - SOURCE_BOTTOM_MARGIN - top)
    box.name = "Bron"
    frame = box.text_frame
    frame.word_wrap = True
    frame.text = text
    _style_runs(frame.paragraphs[0], Pt(18), INK)


def _describe(shape, text: str) -> None:
    """Alt text of a graphic frame (chart or table): what a screen reader says."""
    shape._element.find(f"{{{P}}}nvGraphicFramePr/{{{P}}}cNvPr").set("descr", text)


# -- the agenda's bar -----------------------------------------------------------------------------

BAR_HEIGHT = Pt(40)
BAR_COLOURS = (FLANDERS_COLOUR, RGBColor(0x2E, 0x6B, 0x5E))  # white text on both above 6:1


def _write_bar(slide: PptxSlide, minutes: tuple[int, ...], slide_height: int) -> None:
    """Under the agenda: one block per step, as wide as its minutes and with its number, so the
    room sees at a glance which steps take longest."""
    left, _, width, _ = _title_box(slide)
    top = slide_height - SOURCE_BOTTOM_MARGIN - BAR_HEIGHT
    group = slide.shapes.add_group_shape()
    group.name = "Tijdbalk"
    total, start = sum(minutes), 0
    for number, length in enumerate(minutes, start=1):
        x0, x1 = left + width * start // total, left + width * (start + length) // total
        block = group.shapes.add_shape(MSO_SHAPE.RECTANGLE, x0, top, x1 - x0, BAR_HEIGHT)
        block.name = f"Stap {number}: {length} minuten"
        block.fill.solid()
        block.fill.fore_color.rgb = BAR_COLOURS[number % 2]
        block.line.color.rgb = WHITE
        block.shadow.inherit = False
        _number_in(block, number, Pt(18))
        start += length
    described = "; ".join(f"stap {n}: {m} minuten" for n, m in enumerate(minutes, start=1))
    group._element.find(f"{{{P}}}nvGrpSpPr/{{{P}}}cNvPr").set(
        "descr", f"Tijdbalk: elke stap zo breed als zijn minuten. {described}.")


def _number_in(shape, number: int, size) -> None:
    """A number centred in a shape, bold and white: a block of the agenda bar, a stop of a route."""
    frame = shape.text_frame
    frame.margin_left = frame.margin_right = 0
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.text = str(number)
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.CENTER
    _style_runs(paragraph, size, WHITE, bold=True)


def _style_runs(paragraph, size, colour: RGBColor, bold: bool = False) -> None:
    """Size, weight and colour on each run of the paragraph (a:rPr), not on the paragraph's
    default (a:pPr/a:defRPr), which PowerPoint does not apply to runs that already exist."""
    for run in paragraph.runs:
        run.font.size = size
        run.font.color.rgb = colour
        if bold:
            run.font.bold = True


# -- routes ----------------------------------------------------------------------------------------

ROUTE_LINE = Pt(4)


def _write_route(slide: PptxSlide, stops: tuple[str, ...], slide_height: int) -> None:
    """The stops as native, editable shapes in one group, over the slide's whole height: numbered
    circles on a line, each with its words (under it, or in turn above and under it when there
    are many stops; see fit.route_geometry); the group's alt text reads the route in order."""
    left, _, width, _ = _title_box(slide)
    geometry = fit.route_geometry(len(stops))
    size = Pt(fit.route_label_size(list(stops)) or fit.ROUTE_LABEL_SIZES_PT[-1])
    stop, centre_y = Pt(geometry.stop_pt), Pt(geometry.centre_y_pt)
    centres = [left + int(width * label.centre_pt / fit.CONTENT_WIDTH_PT) for label in geometry.labels]
    group = slide.shapes.add_group_shape()
    group.name = "Route"
    # the line first, so the circles are drawn over it
    line = group.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, centres[0], centre_y, centres[-1], centre_y)
    line.name = "Routelijn"
    line.line.color.rgb = FLANDERS_COLOUR
    line.line.width = ROUTE_LINE
    gap, label_height = Pt(fit.ROUTE_GAP_PT), Pt(geometry.label_height_pt)
    for number, (words, centre, label) in enumerate(zip(stops, centres, geometry.labels, strict=True), start=1):
        circle = group.shapes.add_shape(MSO_SHAPE.OVAL, centre - stop // 2, centre_y - stop // 2, stop, stop)
        circle.name = f"Halte {number}"
        circle.fill.solid()
        circle.fill.fore_color.rgb = FLANDERS_COLOUR
        circle.line.color.rgb = WHITE
        circle.line.width = Pt(3)
        circle.shadow.inherit = False
        _number_in(circle, number, Pt(geometry.number_pt))
        label_width = Pt(label.width_pt)
        top = centre_y - stop // 2 - gap - label_height if label.above else centre_y + stop // 2 + gap
        box = group.shapes.add_textbox(centre - label_width // 2, top, label_width, label_height)
        box.name = f"Halte {number}: tekst"
        text = box.text_frame
        text.word_wrap = True
        text.margin_left = text.margin_right = 0
        # words above the line sit on it, words under it hang from it
        text.vertical_anchor = MSO_ANCHOR.BOTTOM if label.above else MSO_ANCHOR.TOP
        text.text = words
        text.paragraphs[0].alignment = PP_ALIGN.CENTER
        _style_runs(text.paragraphs[0], size, INK)
    described = "; ".join(f"{n}. {stop}" for n, stop in enumerate(stops, start=1))
    group._element.find(f"{{{P}}}nvGrpSpPr/{{{P}}}cNvPr").set(
        "descr", f"Route in {len(stops)} haltes: {described}.")


# -- tiles -----------------------------------------------------------------------------------------

TILE_GAP = Pt(fit.TILE_GAP_PT)


def _write_tiles(slide: PptxSlide, tiles: tuple[tuple[str, str], ...]) -> None:
    """A diagram of tiles as native, editable shapes in one group, in the layout's area: each tile
    its word (large, dark green) and one line; the group's alt text reads them in order."""
    left, top, width, height = _take_area(slide, 1)
    columns, rows = fit.tile_grid(len(tiles))
    sizes = fit.tile_sizes(len(tiles))
    tile_width = (width - TILE_GAP * (columns - 1)) // columns
    tile_height = min(Pt(fit.TILE_MAX_HEIGHT_PT), (height - TILE_GAP * (rows - 1)) // rows)
    top += (height - rows * tile_height - (rows - 1) * TILE_GAP) // 2  # the grid centred in the area
    group = slide.shapes.add_group_shape()
    group.name = "Tegels"
    for number, (heading, text) in enumerate(tiles, start=1):
        row, column = divmod(number - 1, columns)
        in_row = min(columns, len(tiles) - row * columns)
        offset = (width - in_row * tile_width - (in_row - 1) * TILE_GAP) // 2  # a shorter row is centred
        x = left + offset + column * (tile_width + TILE_GAP)
        y = top + row * (tile_height + TILE_GAP)
        tile = group.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, x, y, tile_width, tile_height)
        tile.name = f"Tegel {number}: {heading}"
        tile.adjustments[0] = 0.08
        tile.fill.solid()
        tile.fill.fore_color.rgb = TABLE_BAND
        tile.line.color.rgb = FLANDERS_COLOUR
        tile.line.width = Pt(2)
        tile.shadow.inherit = False
        frame = tile.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        # sizes and colours on the runs: PowerPoint does not apply a paragraph's default to them
        for index, (words, size, bold, colour) in enumerate(((heading, sizes.heading_pt, True, FLANDERS_COLOUR),
                                                             (text, sizes.text_pt, False, INK))):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.alignment = PP_ALIGN.LEFT
            if index:
                paragraph.space_before = Pt(6)
            run = paragraph.add_run()
            run.text = words
            run.font.size, run.font.bold = Pt(size), bold
            run.font.color.rgb = colour
    described = "; ".join(f"{heading}: {text}" for heading, text in tiles)
    group._element.find(f"{{{P}}}nvGrpSpPr/{{{P}}}cNvPr").set(
        "descr", f"Schema met {len(tiles)} tegels. {described}")


# -- pictures --------------------------------------------------------------------------------------

def _write_picture(slide: PptxSlide, plan, has_text: bool) -> None:
    """The picture as large as it fits in the layout's picture place, centred, with its alt text;
    without a sentence beside it, it also takes the sentence's place."""
    left, top, width, height = _take_area(slide, 1)
    if not has_text:
        text_left, _, text_width, _ = _take_area(slide, 2)
        width = text_left + text_width - left
    if plan.width and plan.height:
        scale = min(width / plan.width, height / plan.height)
        shown_width, shown_height = int(plan.width * scale), int(plan.height * scale)
    else:
        shown_width, shown_height = width, height
    picture = slide.shapes.add_picture(plan.path, left + (width - shown_width) // 2,
                                       top + (height - shown_height) // 2, shown_width, shown_height)
    picture.name = "Beeld"
    picture._element.find(f"{{{P}}}nvPicPr/{{{P}}}cNvPr").set("descr", plan.description)


# -- charts ----------------------------------------------------------------------------------------

def _write_chart(slide: PptxSlide, plan: Chart, source_top: int, places: _Places) -> None:
    """A native clustered bar chart in the place of the layout's body, above the source line;
    its data in an embedded workbook that the chair edits."""
    left, top, width, height = _take_area(slide, plan.place)
    height = min(height, source_top - top - CHART_GAP)
    data = CategoryChartData(number_format=plan.number_format)
    data.categories = list(plan.categories)
    for name, values in plan.series:
        data.add_series(name, list(values))
    kind = XL_CHART_TYPE.COLUMN_CLUSTERED if plan.columns else XL_CHART_TYPE.BAR_CLUSTERED
    frame = slide.shapes.add_chart(kind, left, top, width, height, data)
    frame.name = "Grafiek"
    _style_chart(frame.chart, plan.number_format, lying=not plan.columns)
    _describe(frame, plan.description)
    places.chart(frame.chart_part, frame.chart._chartSpace, plan)
    places.attribute(slide.part, frame._element.find(f"{{{P}}}nvGraphicFramePr/{{{P}}}cNvPr"), "descr",
                     plan.description_fill)


def _take_area(slide: PptxSlide, idx: int) -> tuple[int, int, int, int]:
    """The box of the layout's placeholder `idx`, which the slide then drops: the template says
    where a chart, a diagram or a picture goes, the deck draws it there."""
    area = _placeholder(slide, idx)
    box = area.left, area.top, area.width, area.height
    area._element.getparent().remove(area._element)
    return box


def _style_chart(chart, number_format: str, lying: bool = True) -> None:
    """Readable at the back of a room: 18 pt, dark text, labelled bars, legend under the chart."""
    chart.has_title = False  # the slide title says what the chart is
    space = chart._chartSpace
    lang = space.makeelement(f"{{{C}}}lang", {"val": "nl-BE"})  # decimal comma in the labels
    space.find(f"{{{C}}}date1904").addnext(lang)
    chart.font.size = Pt(18)
    chart.font.color.rgb = INK
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(18)
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.overlap = -10
    plot.vary_by_categories = False
    for series, colour in zip(plot.series, (FLANDERS_COLOUR, MUNICIPAL_COLOUR), strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = colour
        series.invert_if_negative = False
        labels = series.data_labels
        labels.show_value = True
        labels.number_format = number_format
        labels.number_format_is_linked = False
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        labels.font.size = Pt(18)
        labels.font.bold = True
        labels.font.color.rgb = INK
    categories = chart.category_axis
    categories.reverse_order = lying  # lying bars: the first figure of the content on top
    categories.tick_labels.font.size = Pt(18)
    categories.format.line.color.rgb = INK
    categories.has_major_gridlines = False
    values = chart.value_axis
    values.minimum_scale = 0
    values.has_major_gridlines = False
    values.visible = False  # the data labels carry the values


def _properties(prs, properties: Properties) -> None:
    props = prs.core_properties
    props.title = properties.title
    props.subject = properties.subject
    props.author = properties.author
    props.last_modified_by = properties.author
    props.language = properties.language
    props.version = properties.version
    props.keywords = properties.keywords
    props.revision = 1
    props.created = props.modified = props.last_printed = FIXED_TIME
