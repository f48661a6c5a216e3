"""Build a module's deck (.pptx) from the model, on the template's named layouts.

The template owns the design, this code owns the data: layouts are found by name, so a
designer can restyle design/deck-template.pptx in PowerPoint without a code change.
"""

from __future__ import annotations

import io
import re
import weakref
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Pt

from childcare_guide.content import fit
from childcare_guide.content.markdown_text import to_plain_text
from childcare_guide.content.model import (
    FillInField,
    LocalData,
    Module,
    Package,
    Slide,
    Step,
    figure_field,
    format_clock,
    format_number,
)
from childcare_guide.package_data import package_file
from childcare_guide.render import pptx_speed
from childcare_guide.render.reproducible import FIXED_TIME, ZIP_TIME, write_zip

pptx_speed.install()  # compiled XPath: decks build about twice as fast, same bytes

TEMPLATE = package_file("design", "deck-template.pptx")
LAYOUTS = ("Titel", "Sectie", "Tekst", "Twee kolommen", "Tabel", "Grafiek", "Afsluiting")
FILL_IN_PREFIX = "[Vul in: "
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
FIELD_HIGHLIGHT = "FFE066"  # a soft yellow: dark text on it stays above 4.5:1
FIELD_INK = RGBColor(0x1A, 0x1A, 0x1A)
# what _add_field's python-pptx steps give a field's run: bold, dark, highlighted
FIELD_RUN_PROPERTIES = (f'<a:rPr b="1"><a:solidFill><a:srgbClr val="{FIELD_INK}"/></a:solidFill>'
                        f'<a:highlight><a:srgbClr val="{FIELD_HIGHLIGHT}"/></a:highlight></a:rPr>')
# Chart colours on the white slide: both above 3:1 (WCAG non-text contrast) and of clearly
# different lightness, so the two series differ in greyscale too; data labels and the legend
# name each bar, so colour is never the only cue.
FLANDERS_COLOUR = RGBColor(0x1B, 0x4D, 0x4A)  # the template's dark green, 9.5:1 on white
MUNICIPAL_COLOUR = RGBColor(0xC0, 0x5A, 0x12)  # burnt orange, 4.5:1 on white
INK = RGBColor(0x22, 0x22, 0x22)
TABLE_BAND = RGBColor(0xE8, 0xF1, 0xEF)  # the template's light green
MUNICIPAL_SERIES = "Onze gemeente"
EDIT_DATA_HINT = ("Vul de cijfers van je gemeente in de grafiek in: klik met de rechtermuisknop op "
                  "de grafiek, kies 'Gegevens bewerken' en typ ze in de kolom '{series}'. "
                  "Laat een cel leeg als je het cijfer niet vindt. Pas daarna de alternatieve tekst "
                  "van de grafiek aan (rechtermuisknop, 'Alternatieve tekst bewerken'): die noemt "
                  "de cijfers voor wie de dia niet ziet.")


class TemplateError(Exception):
    """The template misses a layout the decks need (a designer's mistake, not an editor's)."""


def fill_in_text(field: FillInField) -> str:
    """The text of a fill-in field in the deck: one run that the chair types over."""
    return f"{FILL_IN_PREFIX}{field.label}]"


@dataclass(frozen=True)
class FieldPlace:
    """Where a fill-in field appears in a module's deck: the numbers and titles of its slides."""

    field: FillInField
    slides: tuple[tuple[int, str], ...]


def build_deck(package: Package, module: Module, template: Path = TEMPLATE, *,
               local: LocalData | None = None) -> bytes:
    """Return the deck of one module as reproducible .pptx bytes.

    With `local`, the deck is pre-filled for one municipality: its name, its figures and the
    field texts it gives replace their fill-in fields; only the rest stays to fill in.
    """
    builder = _DeckBuilder(package, module, template, local)
    return builder.build()


def field_places(package: Package, module: Module, template: Path = TEMPLATE, *,
                 local: LocalData | None = None) -> list[FieldPlace]:
    """Every fill-in field of the module's deck with the slides it is on, in the deck's order.

    Composed by the same code that builds the deck, so the module page and the deck's own
    checklist slide can never disagree. With `local`, only the fields that remain to fill in.
    """
    if local is not None:  # a municipality's own deck: not remembered (the batch makes hundreds)
        builder = _DeckBuilder(package, module, template, local)
        builder.compose()
        return list(_places_of(builder))
    hit = _places.get(_places_key(package, module, template))
    if hit is None:
        builder = _DeckBuilder(package, module, template, local)
        builder.compose()
        hit = _remember_places(builder, template)
    return list(hit[2])


# The field places of composed decks, so the module page, its checklist page and the deck itself
# compose each deck once per build. Keyed on the identity of the (frozen, never changed) package
# and module, which the entry holds on to, so an id is never reused while its entry exists.
MAX_PLACES = 64
_places: dict[tuple, tuple[Package, Module, tuple[FieldPlace, ...]]] = {}


def _places_key(package: Package, module: Module, template: Path) -> tuple:
    """The package's and module's identity, and the template file as it is now."""
    try:
        stat = template.stat()
        version = (stat.st_size, stat.st_mtime_ns)
    except OSError:
        version = None  # _DeckBuilder says what is missing
    return id(package), id(module), str(template), version


def _places_of(builder: _DeckBuilder) -> tuple[FieldPlace, ...]:
    fields = {f.id: f for f in builder.package.title_fields + builder.module.all_fields}
    slides = list(builder.prs.slides)
    titles: dict[int, str] = {}  # only the slides that have a field

    def title(number: int) -> str:
        if number not in titles:
            titles[number] = slides[number - 1].shapes.title.text
        return titles[number]

    return tuple(FieldPlace(fields[field_id], tuple((n, title(n)) for n in numbers))
                 for field_id, numbers in builder.field_slides.items())


def _remember_places(builder: _DeckBuilder, template: Path) -> tuple[Package, Module, tuple[FieldPlace, ...]]:
    """Remember the field places of a composed deck without local data."""
    package, module = builder.package, builder.module
    entry = (package, module, _places_of(builder))
    if builder.local is not None:
        return entry
    _places[_places_key(package, module, template)] = entry
    while len(_places) > MAX_PLACES:
        del _places[next(iter(_places))]
    return entry


class _DeckBuilder:
    def __init__(self, package: Package, module: Module, template: Path,
                 local: LocalData | None = None):
        self.package = package
        self.module = module
        self.local = local
        self.template = template
        self.figures_by_field = {figure_field(f).id: f for f in module.figures}
        if not template.is_file():
            raise TemplateError(f"Het sjabloon voor de presentaties ontbreekt: {template}. "
                                "Zet design/deck-template.pptx terug (zie scripts/make_template.py).")
        self.prs = pptx_speed.open_presentation(template)
        pptx_speed.track_partnames(self.prs.part.package)  # nothing in a deck drops a part
        self.layouts = {layout.name: layout for layout in self.prs.slide_layouts}
        missing = [name for name in LAYOUTS if name not in self.layouts]
        if missing:
            names = ", ".join(f"'{n}'" for n in missing)
            raise TemplateError(
                f"Het sjabloon {template.name} mist de dia-indeling {names}. "
                "Geef in PowerPoint (Beeld > Diamodel) een indeling die naam, "
                f"of zet het sjabloon terug. Gevonden: {', '.join(self.layouts)}.")
        self.field_slides: dict[str, list[int]] = {}
        self.chart_slides: set[int] = set()

    # -- whole deck ---------------------------------------------------------------------------

    def build(self) -> bytes:
        self.compose()
        _remember_places(self, self.template)
        fast = pptx_speed.save_reproducible(self.prs, ZIP_TIME)
        if fast is not None:
            return fast
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return normalise_zip(buffer.getvalue())

    def compose(self) -> None:
        self._title_slide()
        checklist = self._new("Tabel", "Voorbereiding: in te vullen")
        self._objectives()
        self._agenda()
        for number, step in enumerate(self.module.steps, start=1):
            self._step(number, step)
        self._closing()
        self._fill_checklist(checklist)
        self._properties()

    def _new(self, layout: str, title: str) -> PptxSlide:
        slide = pptx_speed.add_slide(self.prs, self.layouts[layout], title)
        if slide is None:
            slide = self.prs.slides.add_slide(self.layouts[layout])
            slide.shapes.title.text = title
        return slide

    def _number(self) -> int:
        return len(self.prs.slides)

    def _body(self, slide: PptxSlide, idx: int = 1):
        try:  # the first placeholder with this idx, as a loop over placeholder_format.idx finds
            return slide.placeholders[idx]
        except KeyError:
            pass
        raise TemplateError(f"De dia-indeling '{slide.slide_layout.name}' heeft geen tekstvak "
                            f"nummer {idx}. Zet het sjabloon terug of voeg het tekstvak toe.")

    # -- fixed slides -------------------------------------------------------------------------

    def _title_slide(self) -> None:
        module = self.module
        slide = self._new("Titel", f"Module {module.number}: {module.title}")
        frame = self._body(slide).text_frame
        frame.text = f"{self.package.title} · {module.duration_text}"
        for field in self.package.title_fields:
            paragraph = frame.add_paragraph()
            self._add_field(paragraph, field)
        _notes(slide, "Vul vóór het overleg elk geel veld in. De verborgen dia 'Voorbereiding: "
                      "in te vullen' zegt waar je elk gegeven vindt.")

    def _objectives(self) -> None:
        slide = self._new("Tekst", "Doelstellingen")
        frame = self._body(slide).text_frame
        # five objectives of two lines fit at 22 pt
        _bullets(frame, [fit.OBJECTIVES_LEAD] + list(self.module.objectives), first_is_lead=True,
                 size=Pt(fit.OBJECTIVES_SIZE_PT))
        _notes(slide, "Lees de doelstellingen voor en vraag of iemand er iets aan wil toevoegen.")

    def _agenda(self) -> None:
        slide = self._new("Tabel", "Agenda")
        rows = [("Tijd", "Stap", "Minuten")] + [
            (f"{format_clock(s.start)}–{format_clock(s.start + s.minutes)}", s.title, str(s.minutes))
            for s in self.module.steps] + [("", "Totaal", str(self.module.minutes))]
        _table(slide, rows, widths=(0.2, 0.65, 0.15), bold_last=True,
               description="Agenda: de stappen van het overleg met hun tijd en hun minuten.")
        _notes(slide, f"Het overleg duurt {self.module.duration_text} ({self.module.minutes} minuten). "
                      "Overloop kort de stappen en zeg wanneer de pauze valt, als er een is.")

    def _closing(self) -> None:
        slide = self._new("Afsluiting", "Afspraken en volgende stappen")
        _bullets(self._body(slide).text_frame, [
            "Wat spreken we af?",
            "Wie doet wat, en tegen wanneer?",
            "Wanneer komen we opnieuw samen?",
            f"{self.package.title}, versie {self.package.version}{_changed(self.module)}. De "
            f"nieuwste versie vind je in de online gids, bij module {self.module.number}.",
        ])
        _notes(slide, "Noteer de afspraken zichtbaar voor iedereen. Spreek af wie het verslag "
                      "maakt en wanneer het netwerk het krijgt.")

    def _fill_checklist(self, slide: PptxSlide) -> None:
        """A hidden slide for the chair: every fill-in field, the slide it is on, where to find it."""
        slide._element.set("show", "0")
        fields = {f.id: f for f in self.package.title_fields + self.module.all_fields}
        rows = [("Invulveld", "Dia")]
        notes = ["Deze dia is verborgen tijdens de voorstelling. Vul elk veld in en verwijder "
                 "daarna de gele markering. Waar vind je de gegevens?"]
        for field_id, numbers in self.field_slides.items():
            field = fields[field_id]
            rows.append((field.label, ", ".join(str(n) for n in numbers)))
            notes.append(f"• {field.label}: {field.where}")
        if self.chart_slides & {n for numbers in self.field_slides.values() for n in numbers}:
            notes.append(EDIT_DATA_HINT.format(series=self._series_name()))
        if len(rows) == 1:
            rows.append(("Alles is al ingevuld. Kijk de gegevens wel nog even na.", ""))
            notes = ["Deze dia is verborgen tijdens de voorstelling. Alle velden zijn vooraf "
                     "ingevuld. Kijk na of de gegevens kloppen en van het juiste jaar zijn."]
        _table(slide, rows, widths=(0.82, 0.18), font=Pt(14) if len(rows) > 9 else Pt(18),
               description="Invulvelden met het nummer van de dia waarop ze staan.")
        _notes(slide, "\n".join(notes))

    # -- steps ---------------------------------------------------------------------------------

    def _step(self, number: int, step: Step) -> None:
        header = (f"Stap {number}: {step.title} · {step.minutes} minuten "
                  f"({format_clock(step.start)}–{format_clock(step.start + step.minutes)})\n"
                  f"Werkvorm: {step.method}")
        if step.materials:
            header += f"\nMateriaal: {', '.join(step.materials)}"
        facilitation = to_plain_text(step.facilitation)
        if not step.slides:
            slide = self._new("Sectie", step.title)
            self._body(slide).text_frame.text = f"{step.minutes} minuten · {step.method}"
            _notes(slide, f"{header}\n\n{facilitation}")
            return
        for index, content in enumerate(step.slides):
            slide = self._content_slide(content)
            parts = [header, facilitation] if index == 0 else [
                f"Vervolg van stap {number}: {step.title}"]
            if content.notes:
                parts.append(content.notes)
            if content.kind == "grafiek":
                parts.append(EDIT_DATA_HINT.format(series=self._series_name()))
            if content.figures:
                parts.append("Waar vind je de cijfers van je gemeente?\n" + "\n".join(
                    f"• {f.label}: {f.where}" for f in content.figures))
            _notes(slide, "\n\n".join(parts))

    def _content_slide(self, content: Slide) -> PptxSlide:
        if content.kind == "twee-kolommen":
            slide = self._new("Twee kolommen", content.title)
            for (head_idx, body_idx), column in zip(((1, 2), (3, 4)), (content.left, content.right), strict=True):
                self._body(slide, head_idx).text_frame.text = column.heading
                _bullets(self._body(slide, body_idx).text_frame, list(column.bullets))
            return slide
        if content.kind == "cijfers":
            slide = self._new("Tabel", content.title)
            number = self._number()
            measure = fit.figure_rows(content.figures,
                                      [self._local_text(figure_field(f)) for f in content.figures],
                                      MUNICIPAL_SERIES if self.local is None else self.local.municipality)
            rows = [row[:2] + ((row[2],) if index == 0 else (None,)) for index, row in enumerate(measure)]
            table = _table(slide, rows, widths=fit.FIGURE_WIDTHS, measure=measure,
                           font=Pt(fit.FIGURE_SIZE_PT),
                           description="Tabel: elk cijfer voor Vlaanderen, met het jaar, naast de "
                                       "waarde voor onze gemeente.")
            for row, figure in enumerate(content.figures, start=1):
                cell = table.cell(row, 2)
                paragraph = cell.text_frame.paragraphs[0]
                self._add_field(paragraph, figure_field(figure), short=True, number=number)
                _size_cell(cell, Pt(fit.FIGURE_SIZE_PT))
            _source_line(slide, fit.figure_sources(content.figures))
            return slide
        if content.kind == "grafiek":
            return self._chart_slide(content)
        if content.kind == "stelling":
            slide = self._new("Sectie", content.title)
            frame = self._body(slide).text_frame
            frame.text = content.text
            return slide
        slide = self._new("Tekst", content.title)
        frame = self._body(slide).text_frame
        _bullets(frame, list(content.bullets))
        for field in content.fields:
            paragraph = frame.add_paragraph() if content.bullets or field is not content.fields[0] \
                else frame.paragraphs[0]
            paragraph.add_run().text = f"{field.label}: "
            self._add_field(paragraph, field, short=True)
        return slide

    def _chart_slide(self, content: Slide) -> PptxSlide:
        """A native clustered bar chart: Flanders beside the municipality, data in a workbook."""
        slide = self._new("Grafiek", content.title)
        number = self._number()
        area = self._body(slide)
        left, top, width, height = area.left, area.top, area.width, area.height
        area._element.getparent().remove(area._element)
        figures = content.figures
        sources = fit.chart_sources(figures)
        height = min(height, _source_top(slide, sources) - top - Emu(60000))

        values = [self.local.figures.get(f.id) if self.local else None for f in figures]
        self.chart_slides.add(number)
        series_name = self._series_name()
        unit = figures[0].unit
        number_format = _number_format([f.flanders for f in figures] + [v for v in values if v is not None],
                                       unit)
        data = CategoryChartData(number_format=number_format)
        data.categories = [f.label for f in figures]
        data.add_series("Vlaanderen", [f.flanders for f in figures])
        data.add_series(series_name, values)
        frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, left, top, width, height, data)
        frame.name = "Grafiek"
        _style_chart(frame.chart, number_format)
        _reproducible_workbook(frame.chart)

        described = "; ".join(
            f"{f.label}: Vlaanderen {format_number(f.flanders, f.unit)} ({f.year}), "
            f"{series_name.lower() if self.local is None else series_name} "
            f"{format_number(v, f.unit) if v is not None else 'nog in te vullen'}"
            for f, v in zip(figures, values, strict=True))
        _describe(frame, f"Staafdiagram in {_unit_words(unit)}, Vlaanderen naast "
                         f"{'onze gemeente' if self.local is None else series_name}. {described}.")
        for figure, value in zip(figures, values, strict=True):
            if value is None:
                self.field_slides.setdefault(figure_field(figure).id, []).append(number)
        _source_line(slide, sources)
        return slide

    def _series_name(self) -> str:
        """The municipal series of a chart: 'Onze gemeente', or the municipality with its year."""
        if self.local is None:
            return MUNICIPAL_SERIES
        return self.local.municipality + (f" ({self.local.year})" if self.local.year else "")

    def _local_text(self, field: FillInField) -> str | None:
        """The pre-filled text of a field from the municipality's data, or None."""
        if self.local is None:
            return None
        figure = self.figures_by_field.get(field.id)
        if figure is not None:
            return self.local.figure_text(figure)
        return self.local.field_text(field.id)

    def _add_field(self, paragraph, field: FillInField, short: bool = False,
                   number: int | None = None) -> None:
        """Add a fill-in field as one highlighted run and remember on which slide it is.

        A field the municipality's data fills becomes plain text and is not remembered.
        """
        text = self._local_text(field)
        if text is not None:
            if not pptx_speed.add_run(paragraph, text):
                paragraph.add_run().text = text
            return
        text = "[Vul in]" if short else fill_in_text(field)
        if not pptx_speed.add_run(paragraph, text, FIELD_RUN_PROPERTIES):
            run = paragraph.add_run()
            run.text = text
            run.font.bold = True
            run.font.color.rgb = FIELD_INK
            rpr = run._r.get_or_add_rPr()
            highlight = etree.SubElement(rpr, f"{{{A}}}highlight")
            etree.SubElement(highlight, f"{{{A}}}srgbClr", val=FIELD_HIGHLIGHT)
        self.field_slides.setdefault(field.id, []).append(number or self._number())

    def _properties(self) -> None:
        props = self.prs.core_properties
        props.title = f"Module {self.module.number}: {self.module.title}"
        props.subject = f"{self.package.title}: presentatie bij module {self.module.number}"
        props.author = self.package.title
        props.last_modified_by = self.package.title
        props.language = "nl-BE"
        props.version = self.package.version
        props.keywords = "kinderopvang; sociale functie; Lokaal Overleg Kinderopvang"
        props.revision = 1
        props.created = props.modified = props.last_printed = FIXED_TIME


def _changed(module: Module) -> str:
    """', module gewijzigd op 29 november 2026' for the closing slide (empty without a date)."""
    change = module.last_change
    if change is None:
        return ""
    # from the changelog the text is 'in versie 0.1.0 (...)', from git it is a date
    return f", module gewijzigd {'' if change.version else 'op '}{change.text}"


def _bullets(frame, lines: list[str], first_is_lead: bool = False, size=None) -> None:
    """One paragraph per line (a new line in a line is a line break), the first bold as a lead;
    with `size`, on each run."""
    if pptx_speed.active():  # as XML: the same paragraphs as the loop below
        run = "" if size is None else f'<a:rPr sz="{Emu(size).centipoints}"/>'
        xml = "".join(pptx_speed.paragraph_xml(
            line.replace("\n", "\v"), run,
            '<a:pPr><a:defRPr b="1"/></a:pPr>' if first_is_lead and index == 0 and lines else "")
            for index, line in enumerate(lines or [""]))
        if pptx_speed.replace_paragraphs(frame._txBody, xml):
            return
    frame.text = ""
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        if first_is_lead and index == 0:
            paragraph.font.bold = True
    if size is not None:
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = size


def _notes(slide: PptxSlide, text: str) -> None:
    if not pptx_speed.add_notes(slide, text):
        slide.notes_slide.notes_text_frame.text = text


def _table(slide: PptxSlide, rows: list[tuple], widths: tuple[float, ...], font=Pt(18),
           bold_last: bool = False, measure: list[tuple] | None = None, description: str = ""):
    """A native, editable table under the slide title; None cells stay empty for a field.

    Each row is as tall as its wrapped text needs (estimated from `measure`, the texts the cells
    will hold, or else `rows`), so the frame matches what a presentation program draws.
    """
    left, title_top, width, title_height = _title_box(slide)
    top = title_top + title_height + Emu(120000)
    widths_pt = [width * share / Pt(1) for share in widths]
    heights = [Pt(fit.row_height_pt([fit.FIELD_TEXT if v is None else str(v) for v in row],
                                    widths_pt, font.pt))
               for row in (measure or rows)]
    if pptx_speed.active():
        table = _table_fast(slide, rows, widths, heights, (left, top, width), font, bold_last, description)
        if table is not None:
            return table
    shape = slide.shapes.add_table(len(rows), len(rows[0]), left, top, width, sum(heights))
    shape.name = "Tabel"
    if description:
        _describe(shape, description)
    table = shape.table
    for col, share in enumerate(widths):
        table.columns[col].width = int(width * share)
    for row, height in zip(table.rows, heights, strict=True):
        row.height = height
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            cell.text = "" if value is None else str(value)
            bold = r == 0 or (bold_last and r == len(rows) - 1)
            _size_cell(cell, font, bold)
            # explicit colours in the template's palette: white on dark green for the header,
            # dark text on white and light green bands below (all far above 4.5:1)
            cell.fill.solid()
            cell.fill.fore_color.rgb = (FLANDERS_COLOUR if r == 0 else
                                        TABLE_BAND if r % 2 == 0 else WHITE)
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.color.rgb = WHITE if r == 0 else INK
    return table


WHITE = RGBColor(0xFF, 0xFF, 0xFF)
TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"  # python-pptx's default for a new table
TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"


def _table_fast(slide: PptxSlide, rows: list[tuple], widths: tuple[float, ...], heights: list,
                box: tuple[int, int, int], font, bold_last: bool, description: str):
    """The table of _table's python-pptx steps (add_table, name, description, column widths,
    row heights, each cell's text, size, colours and anchor) written as XML and parsed at once.
    None (nothing changed) when python-pptx is not as expected or a text does not parse."""
    from pptx.shapes.graphfrm import GraphicFrame

    shapes = slide.shapes
    shape_id = getattr(shapes, "_next_shape_id", None)
    tree = getattr(shapes, "_spTree", None)
    if not isinstance(shape_id, int) or tree is None:
        return None
    left, top, width = box
    column_widths = [int(width * share) for share in widths]
    size = Emu(font).centipoints
    escape = pptx_speed.attribute_value
    xml = [f'<p:graphicFrame xmlns:p="{P}"><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="Tabel"',
           f' descr="{escape(description)}"/>' if description else "/>",
           '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/>'
           f'</p:nvGraphicFramePr><p:xfrm><a:off x="{left}" y="{top}"/>'
           f'<a:ext cx="{sum(column_widths)}" cy="{sum(heights)}"/></p:xfrm>'
           f'<a:graphic><a:graphicData uri="{TABLE_URI}"><a:tbl><a:tblPr firstRow="1" bandRow="1">'
           f"<a:tableStyleId>{TABLE_STYLE}</a:tableStyleId></a:tblPr><a:tblGrid>",
           "".join(f'<a:gridCol w="{w}"/>' for w in column_widths), "</a:tblGrid>"]
    for r, (values, height) in enumerate(zip(rows, heights, strict=True)):
        bold = ' b="1"' if r == 0 or (bold_last and r == len(rows) - 1) else ""
        fill = FLANDERS_COLOUR if r == 0 else TABLE_BAND if r % 2 == 0 else WHITE
        run = (f'<a:rPr sz="{size}"{bold}><a:solidFill><a:srgbClr val="{WHITE if r == 0 else INK}"/>'
               "</a:solidFill></a:rPr>")
        paragraph = f'<a:pPr><a:defRPr sz="{size}"/></a:pPr>'
        xml.append(f'<a:tr h="{height}">')
        for value in values:
            text = "" if value is None else str(value)
            xml.append("<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>"
                       + "".join(pptx_speed.paragraph_xml(line, run, paragraph) for line in text.split("\n"))
                       + f'</a:txBody><a:tcPr anchor="ctr"><a:solidFill><a:srgbClr val="{fill}"/>'
                       "</a:solidFill></a:tcPr></a:tc>")
        xml.append("</a:tr>")
    xml.append("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")
    try:
        (frame,) = pptx_speed.parse_fragment("".join(xml))
    except etree.XMLSyntaxError:  # a character XML cannot hold: python-pptx's path says which
        return None
    tree.insert_element_before(frame, "p:extLst")  # where python-pptx adds a shape
    return GraphicFrame(frame, shapes).table


def _size_cell(cell, size, bold: bool = False) -> None:
    """Font size on the runs themselves: some readers ignore a paragraph's default size."""
    for paragraph in cell.text_frame.paragraphs:
        paragraph.font.size = size
        for run in paragraph.runs:
            run.font.size = size
            if bold:
                run.font.bold = True


SOURCE_BOTTOM_MARGIN = Pt(540 - fit.SOURCE_BOTTOM_PT)
_title_boxes: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # layout part -> box


def _title_box(slide: PptxSlide) -> tuple[int, int, int, int]:
    """Left, top, width and height of the slide's title. A title without a place of its own has
    its layout's (python-pptx looks that up through layout and master each time): remembered
    per layout."""
    title = slide.shapes.title
    if title._element.xfrm is not None:
        return title.left, title.top, title.width, title.height
    layout = slide.part.slide_layout.part
    box = _title_boxes.get(layout)
    if box is None:
        box = _title_boxes[layout] = (title.left, title.top, title.width, title.height)
    return box


def _source_top(slide: PptxSlide, text: str) -> int:
    """Where the source line starts: as many lines as it needs, above the slide's bottom margin."""
    prs = slide.part.package.presentation_part.presentation
    return prs.slide_height - SOURCE_BOTTOM_MARGIN - Pt(fit.source_height_pt(text))


def _source_line(slide: PptxSlide, text: str) -> None:
    prs = slide.part.package.presentation_part.presentation
    left, _, width, _ = _title_box(slide)
    top = _source_top(slide, text)
    box = slide.shapes.add_textbox(left, top, width, prs.slide_height - SOURCE_BOTTOM_MARGIN - top)
    box.name = "Bron"
    frame = box.text_frame
    frame.word_wrap = True
    frame.text = text
    frame.paragraphs[0].font.size = Pt(18)


def _describe(frame, text: str) -> None:
    """Alt text of a graphic frame (chart or table): what a screen reader says."""
    frame._element.nvGraphicFramePr.cNvPr.set("descr", text)


def _unit_words(unit: str) -> str:
    return "procent" if unit == "%" else unit


def _number_format(values: list[float], unit: str) -> str:
    decimals = "" if all(float(v).is_integer() for v in values) else ".0"
    # [$-813]: the nl-BE locale, so a reader that honours it shows a decimal comma
    return f'[$-813]#,##0{decimals}"%"' if unit == "%" else f"[$-813]#,##0{decimals}"


def _style_chart(chart, number_format: str) -> None:
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
    categories.reverse_order = True  # the first figure of the content on top
    categories.tick_labels.font.size = Pt(18)
    categories.format.line.color.rgb = INK
    categories.has_major_gridlines = False
    values = chart.value_axis
    values.minimum_scale = 0
    values.has_major_gridlines = False
    values.visible = False  # the data labels carry the values


def _reproducible_workbook(chart) -> None:
    """XlsxWriter stamps the time of creation into the embedded workbook: fix it."""
    workbook = chart.part.chart_workbook
    blob = workbook.xlsx_part.blob
    source = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "docProps/core.xml":
                content = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ",
                                 FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode(), content)
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    workbook.update_from_xlsx_blob(out.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a .pptx zip with fixed timestamps and order, so equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return write_zip({name: source.read(name) for name in source.namelist()}, ZIP_TIME)


__all__ = ["build_deck", "fill_in_text", "normalise_zip", "TemplateError", "LAYOUTS",
           "FILL_IN_PREFIX"]
