"""Build a module's deck (.pptx) from the model, on the template's named layouts.

The template owns the design, this code owns the data: layouts are found by name, so a
designer can restyle design/deck-template.pptx in PowerPoint without a code change.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Pt

from . import pptx_speed
from .markdown_text import to_plain_text
from .model import (FillInField, LocalData, Module, Package, Slide, Step, figure_field,
                    format_clock, format_number)

pptx_speed.install()  # compiled XPath: decks build about twice as fast, same bytes

TEMPLATE = Path(__file__).resolve().parents[2] / "design" / "deck-template.pptx"
LAYOUTS = ("Titel", "Sectie", "Tekst", "Twee kolommen", "Tabel", "Grafiek", "Afsluiting")
FILL_IN_PREFIX = "[Vul in: "
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
FIELD_HIGHLIGHT = "FFE066"  # a soft yellow: dark text on it stays above 4.5:1


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
    builder = _DeckBuilder(package, module, template, local)
    builder.compose()
    fields = {f.id: f for f in package.title_fields + module.all_fields}
    titles = [slide.shapes.title.text for slide in builder.prs.slides]
    return [FieldPlace(fields[field_id], tuple((n, titles[n - 1]) for n in numbers))
            for field_id, numbers in builder.field_slides.items()]


class _DeckBuilder:
    def __init__(self, package: Package, module: Module, template: Path,
                 local: LocalData | None = None):
        self.package = package
        self.module = module
        self.local = local
        self.figures_by_field = {figure_field(f).id: f for f in module.figures}
        if not template.is_file():
            raise TemplateError(f"Het sjabloon voor de presentaties ontbreekt: {template}. "
                                "Zet design/deck-template.pptx terug (zie scripts/make_template.py).")
        self.prs = Presentation(str(template))
        self.layouts = {layout.name: layout for layout in self.prs.slide_layouts}
        missing = [name for name in LAYOUTS if name not in self.layouts]
        if missing:
            names = ", ".join(f"'{n}'" for n in missing)
            raise TemplateError(
                f"Het sjabloon {template.name} mist de dia-indeling {names}. "
                "Geef in PowerPoint (Beeld > Diamodel) een indeling die naam, "
                f"of zet het sjabloon terug. Gevonden: {', '.join(self.layouts)}.")
        self.field_slides: dict[str, list[int]] = {}

    # -- whole deck ---------------------------------------------------------------------------

    def build(self) -> bytes:
        self.compose()
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
        for step in self.module.steps:
            self._step(step)
        self._closing()
        self._fill_checklist(checklist)
        self._properties()

    def _new(self, layout: str, title: str) -> PptxSlide:
        slide = self.prs.slides.add_slide(self.layouts[layout])
        slide.shapes.title.text = title
        return slide

    def _number(self) -> int:
        return len(self.prs.slides)

    def _body(self, slide: PptxSlide, idx: int = 1):
        for shape in slide.placeholders:
            if shape.placeholder_format.idx == idx:
                return shape
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
        _bullets(self._body(slide).text_frame, ["Na dit overleg:"] + list(self.module.objectives),
                 first_is_lead=True)
        _notes(slide, "Lees de doelstellingen voor en vraag of iemand er iets aan wil toevoegen.")

    def _agenda(self) -> None:
        slide = self._new("Tabel", "Agenda")
        rows = [("Tijd", "Stap", "Minuten")] + [
            (f"{format_clock(s.start)}–{format_clock(s.start + s.minutes)}", s.title, str(s.minutes))
            for s in self.module.steps] + [("", "Totaal", str(self.module.minutes))]
        _table(slide, rows, widths=(0.2, 0.65, 0.15), bold_last=True)
        _notes(slide, f"Het overleg duurt {self.module.duration_text} ({self.module.minutes} minuten). "
                      "Overloop kort de stappen en zeg wanneer de pauze valt, als er een is.")

    def _closing(self) -> None:
        slide = self._new("Afsluiting", "Afspraken en volgende stappen")
        _bullets(self._body(slide).text_frame, [
            "Wat spreken we af?",
            "Wie doet wat, en tegen wanneer?",
            "Wanneer komen we opnieuw samen?",
            f"{self.package.title}, versie {self.package.version}. De nieuwste versie van deze "
            f"presentatie vind je in de online gids, bij module {self.module.number}.",
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
        if len(rows) == 1:
            rows.append(("Alles is al ingevuld. Kijk de gegevens wel nog even na.", ""))
            notes = ["Deze dia is verborgen tijdens de voorstelling. Alle velden zijn vooraf "
                     "ingevuld. Kijk na of de gegevens kloppen en van het juiste jaar zijn."]
        _table(slide, rows, widths=(0.82, 0.18), font=Pt(14) if len(rows) > 9 else Pt(18))
        _notes(slide, "\n".join(notes))

    # -- steps ---------------------------------------------------------------------------------

    def _step(self, step: Step) -> None:
        header = (f"Stap {self.module.steps.index(step) + 1}: {step.title} · {step.minutes} minuten "
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
                f"Vervolg van stap {self.module.steps.index(step) + 1}: {step.title}"]
            if content.notes:
                parts.append(content.notes)
            if content.figures:
                parts.append("Waar vind je de cijfers van je gemeente?\n" + "\n".join(
                    f"• {f.label}: {f.where}" for f in content.figures))
            _notes(slide, "\n\n".join(parts))

    def _content_slide(self, content: Slide) -> PptxSlide:
        if content.kind == "twee-kolommen":
            slide = self._new("Twee kolommen", content.title)
            for (head_idx, body_idx), column in zip(((1, 2), (3, 4)), (content.left, content.right)):
                self._body(slide, head_idx).text_frame.text = column.heading
                _bullets(self._body(slide, body_idx).text_frame, list(column.bullets))
            return slide
        if content.kind == "cijfers":
            slide = self._new("Tabel", content.title)
            number = self._number()
            rows = [("Cijfer", "Vlaanderen", "Onze gemeente")]
            for figure in content.figures:
                rows.append((figure.label, f"{format_number(figure.flanders, figure.unit)} ({figure.year})",
                             None))
            table = _table(slide, rows, widths=(0.5, 0.22, 0.28), height_share=0.72)
            for row, figure in enumerate(content.figures, start=1):
                cell = table.cell(row, 2)
                paragraph = cell.text_frame.paragraphs[0]
                self._add_field(paragraph, figure_field(figure), short=True, number=number)
                _size_cell(cell, Pt(18))
            sources = "; ".join(dict.fromkeys(f.source for f in content.figures))
            _source_line(slide, f"Bron Vlaanderen: {sources}")
            return slide
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
        run = paragraph.add_run()
        text = self._local_text(field)
        if text is not None:
            run.text = text
            return
        run.text = "[Vul in]" if short else fill_in_text(field)
        run.font.bold = True
        run.font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
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


def _bullets(frame, lines: list[str], first_is_lead: bool = False) -> None:
    frame.text = ""
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        if first_is_lead and index == 0:
            paragraph.font.bold = True


def _notes(slide: PptxSlide, text: str) -> None:
    slide.notes_slide.notes_text_frame.text = text


def _table(slide: PptxSlide, rows: list[tuple], widths: tuple[float, ...], font=Pt(18),
           bold_last: bool = False, height_share: float = 0.78):
    """A native, editable table under the slide title; None cells stay empty for a field."""
    prs_height = slide.part.package.presentation_part.presentation.slide_height
    title = slide.shapes.title
    left = title.left
    top = title.top + title.height + Emu(120000)
    width = title.width
    height = min(int(prs_height * height_share) - top + title.top, Emu(450000) * len(rows))
    shape = slide.shapes.add_table(len(rows), len(rows[0]), left, top, width, height)
    shape.name = "Tabel"
    table = shape.table
    for col, share in enumerate(widths):
        table.columns[col].width = int(width * share)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = "" if value is None else str(value)
            bold = r == 0 or (bold_last and r == len(rows) - 1)
            _size_cell(cell, font, bold)
    return table


def _size_cell(cell, size, bold: bool = False) -> None:
    """Font size on the runs themselves: some readers ignore a paragraph's default size."""
    for paragraph in cell.text_frame.paragraphs:
        paragraph.font.size = size
        for run in paragraph.runs:
            run.font.size = size
            if bold:
                run.font.bold = True


def _source_line(slide: PptxSlide, text: str) -> None:
    prs = slide.part.package.presentation_part.presentation
    title = slide.shapes.title
    box = slide.shapes.add_textbox(title.left, int(prs.slide_height * 0.86), title.width, Emu(500000))
    box.name = "Bron"
    frame = box.text_frame
    frame.word_wrap = True
    frame.text = text
    frame.paragraphs[0].font.size = Pt(18)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a .pptx zip with fixed timestamps and order, so equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        # [Content_Types].xml must stay first for some readers
        ordered = [n for n in names if n == "[Content_Types].xml"] + sorted(
            n for n in names if n != "[Content_Types].xml")
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


__all__ = ["build_deck", "fill_in_text", "normalise_zip", "TemplateError", "LAYOUTS",
           "FILL_IN_PREFIX"]
