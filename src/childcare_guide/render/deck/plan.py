"""The plan of a module's deck, in plain Python: its slides and where each fill-in field is.

A plan says what the deck holds: per slide the template layout's name, the title, the texts of
the layout's placeholders, a table or a chart, a source line, the speaker notes and whether the
slide is hidden; and for every fill-in field the numbers and titles of the slides it is on.
render/deck/writer.py writes a plan with python-pptx. The module page's checklist
(render/preparation.py) takes its field places from the same plan, without python-pptx, so it
and the deck's hidden 'Voorbereiding: in te vullen' slide can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from childcare_guide.content import fit
from childcare_guide.content.fill_text import EMPTY, Fill, evaluate, series_name
from childcare_guide.content.markdown_text import to_plain_text
from childcare_guide.content.model import (
    MUNICIPAL_NAME,
    FillInField,
    LocalData,
    Module,
    Package,
    Slide,
    Step,
    figure_field,
    format_clock,
    format_number,
    inline_field_text,
    split_placeholders,
)

LAYOUTS = ("Titel", "Sectie", "Tekst", "Twee kolommen", "Tabel", "Grafiek", "Stelling", "Vraag", "Route",
           "Kerncijfer", "Tegels", "Beeld")
FILL_IN_PREFIX = "[Vul in: "
CHECKLIST_TITLE = "Voorbereiding: in te vullen"
CHECKLIST_FILLED = " · ingevuld"  # after the slide numbers of a field the municipality's data fills
MUNICIPAL_SERIES = MUNICIPAL_NAME
FLANDERS_SERIES = "Vlaanderen"
EDIT_DATA_HINT = ("Vul de cijfers van je gemeente in de grafiek in: klik met de rechtermuisknop op "
                  "de grafiek, kies 'Gegevens bewerken' en typ ze in de kolom '{series}'. "
                  "Laat een cel leeg als je het cijfer niet vindt. Pas daarna de alternatieve tekst "
                  "van de grafiek aan (rechtermuisknop, 'Alternatieve tekst bewerken'): die noemt "
                  "de cijfers voor wie de dia niet ziet.")
KEYWORDS = "kinderopvang; sociale functie; Lokaal Overleg Kinderopvang"
LANGUAGE = "nl-BE"


def fill_in_text(field: FillInField) -> str:
    """The text of a fill-in field in the deck: one run that the chair types over."""
    return f"{FILL_IN_PREFIX}{field.label}]"


@dataclass(frozen=True)
class Run:
    """A piece of text; with `field`, the fill-in field of that id (highlighted while empty).

    `fill` says how the text follows from a municipality's data (content/fill_text.py); the
    writer records every run with a fill in the deck's fill map, so the browser fills the same
    places. `filled`: the data gave the field's text, so it is not highlighted."""

    text: str
    field: str | None = None
    fill: Fill = ()
    filled: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    bold: bool = False  # a lead line
    size_pt: float | None = None  # this paragraph's size, over the Text's

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def plain(text: str, bold: bool = False, size_pt: float | None = None) -> Paragraph:
    """A paragraph of one run; a new line in it is a line break."""
    return Paragraph((Run(text),), bold, size_pt)


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """One paragraph per line of `text`."""
    return tuple(plain(line) for line in text.split("\n"))


@dataclass(frozen=True)
class Text:
    """What goes in one of the layout's placeholders, found by its number (idx)."""

    placeholder: int
    paragraphs: tuple[Paragraph, ...]
    size_pt: float | None = None  # on every run; None: the template's size
    space_before: float | None = None  # before each paragraph, a share of size_pt; None: the template's


def sized(placeholder: int, lines: tuple[Paragraph, ...], size: fit.TextSize) -> Text:
    """A text at the size (and with the air between its paragraphs) that fit.text_size chose."""
    return Text(placeholder, lines, size.size_pt, size.space_before)


@dataclass(frozen=True)
class Table:
    """A native table under the slide title; each cell one run (a field or text)."""

    rows: tuple[tuple[Run, ...], ...]
    widths: tuple[float, ...]  # shares of the title's width
    measure: tuple[tuple[str, ...], ...]  # the texts the rows' heights are estimated from
    size_pt: float = fit.TABLE_SIZE_PT
    bold_last: bool = False
    description: str = ""  # the alt text
    min_row_pt: float = 0  # rows at least this tall, so a short table fills its slide


@dataclass(frozen=True)
class Chart:
    """A clustered bar chart, Flanders beside the municipality, in the layout's body place."""

    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]  # (name, values)
    number_format: str
    description: str  # the alt text
    place: int = 1  # the layout's placeholder (idx) whose box the chart takes
    columns: bool = False  # upright bars (one figure beside its big number) rather than lying bars
    figures: tuple[str, ...] = ()  # the figure ids of the municipal series, in order
    unit: str = ""
    name_fill: Fill = ()  # the municipal series' name
    description_fill: Fill = ()


@dataclass(frozen=True)
class PicturePlan:
    """A picture file, placed as large as it fits in the layout's picture place, with its alt text."""

    path: str
    description: str
    width: int | None = None  # in pixels, to keep its proportions
    height: int | None = None


@dataclass(frozen=True)
class SlidePlan:
    layout: str  # a name in LAYOUTS
    title: str
    texts: tuple[Text, ...] = ()
    table: Table | None = None
    chart: Chart | None = None
    route: tuple[str, ...] = ()  # the stops of a route, drawn as numbered, connected shapes
    tiles: tuple[tuple[str, str], ...] = ()  # (heading, text): a diagram of tiles in the layout's area
    picture: PicturePlan | None = None
    bar: tuple[int, ...] = ()  # the agenda's steps as a bar of blocks as wide as their minutes
    source: str | None = None  # the source line under a table or chart
    notes: str = ""
    hidden: bool = False
    notes_fills: tuple[tuple[str, Fill], ...] = ()  # (a line of the notes, how it follows from the data)


@dataclass(frozen=True)
class FieldPlace:
    """Where a fill-in field appears in a module's deck: the numbers and titles of its slides."""

    field: FillInField
    slides: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Properties:
    """The deck's document properties (File > Info in PowerPoint)."""

    title: str
    subject: str
    author: str
    version: str
    keywords: str = KEYWORDS
    language: str = LANGUAGE


@dataclass(frozen=True)
class DeckPlan:
    slides: tuple[SlidePlan, ...]
    places: tuple[FieldPlace, ...]
    properties: Properties
    filled: frozenset[str] = frozenset()  # the ids of the fields the municipality's data fills


def plan_deck(package: Package, module: Module, *, local: LocalData | None = None) -> DeckPlan:
    """The plan of one module's deck.

    With `local`, the deck of one municipality: its name, its figures, the field texts and the
    start time it gives replace their fill-in fields; only the rest stays to fill in. The deck's
    slides, shapes and runs stay the same as without it: only the texts of runs with a fill, the
    chart's municipal series and the highlight of filled fields differ, so the browser
    (docs/javascripts/fill.js) makes the same deck from the unfilled one and its fill map.
    """
    return _Planner(package, module, local).plan()


def field_places(package: Package, module: Module, *, local: LocalData | None = None) -> list[FieldPlace]:
    """Every fill-in field of the module's deck with the slides it is on, in the deck's order.

    With `local`, only the fields that remain to fill in."""
    plan = plan_deck(package, module, local=local)
    return [place for place in plan.places if place.field.id not in plan.filled]


class _Planner:
    def __init__(self, package: Package, module: Module, local: LocalData | None):
        self.package = package
        self.module = module
        self.local = local or EMPTY
        self.figures_by_field = {figure_field(f).id: f for f in module.figures}
        self.slides: list[SlidePlan] = []
        self.field_slides: dict[str, list[int]] = {}  # field id -> slide numbers, in deck order
        self.chart_slides: set[int] = set()
        self.filled: set[str] = set()

    def plan(self) -> DeckPlan:
        self._title_slide()
        self.slides.append(SlidePlan("Tabel", CHECKLIST_TITLE, hidden=True))  # filled in last
        self._objectives()
        self._agenda()
        for number, step in enumerate(self.module.steps, start=1):
            self._step(number, step)
        self.slides[1] = self._checklist()
        module, package = self.module, self.package
        return DeckPlan(tuple(self.slides), self._places(), Properties(
            title=f"Module {module.number}: {module.title}",
            subject=f"{package.title}: presentatie bij module {module.number}",
            author=package.title, version=package.version), frozenset(self.filled))

    def _next_number(self) -> int:
        """The number of the slide being planned."""
        return len(self.slides) + 1

    def _places(self) -> tuple[FieldPlace, ...]:
        fields = {f.id: f for f in self.package.title_fields + self.module.all_fields}
        return tuple(FieldPlace(fields[field_id], tuple((n, self.slides[n - 1].title) for n in numbers))
                     for field_id, numbers in self.field_slides.items())

    # -- fixed slides -------------------------------------------------------------------------

    def _title_slide(self) -> None:
        module = self.module
        number = self._next_number()
        # the edition, as on the pages and worksheets: a chair sees which one the deck belongs to
        lines = list(paragraphs(f"{self.package.title} · {self.package.edition_text} · {module.duration_text}"))
        if self.package.title_lines:
            # sentences for the room ('Met [Vul in: naam van de voorzitter]'), each field a run
            lines += [self._sentence(line, number) for line in self.package.title_lines]
        else:
            lines += [Paragraph((self._field(field, number),)) for field in self.package.title_fields]
        self.slides.append(SlidePlan(
            "Titel", f"Module {module.number}: {module.title}", texts=(Text(1, tuple(lines)),),
            notes="Vul vóór het overleg elk geel veld in. De verborgen dia 'Voorbereiding: "
                  "in te vullen' zegt waar je elk gegeven vindt.\n\n"
                  f"{self.package.title}, {self.package.edition_text}{_changed(module)} (technische "
                  f"versie {self.package.version}). De nieuwste editie vind je in de online gids, "
                  f"bij module {module.number}."))

    def _objectives(self) -> None:
        # five objectives of two lines fit at 22 pt; fewer or shorter ones read larger
        lines = (plain(fit.OBJECTIVES_LEAD, bold=True),) + tuple(plain(o) for o in self.module.objectives)
        size = fit.text_size([([p.text for p in lines], fit.OBJECTIVES)], fit.OBJECTIVES_SIZES_PT)
        self.slides.append(SlidePlan(
            "Tekst", "Doelstellingen", texts=(sized(1, lines, size),),
            notes="Lees de doelstellingen voor en vraag of iemand er iets aan wil toevoegen."))

    def _agenda(self) -> None:
        module = self.module
        rows = [("", "Stap", "Minuten")] + [
            (str(n), s.title, f"{s.minutes} min") for n, s in enumerate(module.steps, start=1)
        ] + [("", "Samen", module.duration_text)]
        clock = "\n".join(f"Stap {n}: {format_clock(s.start)}–{format_clock(s.start + s.minutes)} "
                          f"{s.title}" for n, s in enumerate(module.steps, start=1))
        # with a start time, the minutes become clock times: '09:30–09:40'
        fills: list[list[Fill]] = [[(), (), (("start", "Tijd"),)]] + [
            [(), (), (("clock", s.start), "–", ("clock", s.start + s.minutes))] for s in module.steps
        ] + [[(), (), ()]]
        table = _text_table(rows, widths=(0.08, 0.70, 0.22), bold_last=True,
                            size_pt=24 if len(module.steps) <= 6 else 20,
                            description="Agenda: de stappen van het overleg, elk met zijn minuten.")
        self.slides.append(SlidePlan(
            "Tabel", "Agenda",
            # large enough to read at a glance from the back of the room
            table=self._filled_table(table, fills),
            bar=tuple(s.minutes for s in module.steps),
            notes=f"Het overleg duurt {module.duration_text} ({module.minutes} minuten). "
                  "Overloop kort de stappen en zeg wanneer de pauze valt, als er een is.\n\n"
                  f"Tijd vanaf de start (uren:minuten):\n{clock}"))

    def _checklist(self) -> SlidePlan:
        """The hidden slide for the chair: every fill-in field, the slides it is on, where to find it."""
        fields = {f.id: f for f in self.package.title_fields + self.module.all_fields}
        rows = [("Invulveld", "Dia")]
        # the same rows with or without the municipality's data; a field it fills says so
        fills: list[list[Fill]] = [[(), ()]]
        notes = ["Deze dia is verborgen tijdens de voorstelling. Vul elk veld in en verwijder "
                 "daarna de gele markering. Waar vind je de gegevens?"]
        for field_id, numbers in self.field_slides.items():
            field = fields[field_id]
            slides = ", ".join(str(n) for n in numbers)
            rows.append((field.label, slides))
            fills.append([(), (slides, ("filled", field_id, CHECKLIST_FILLED))])
            notes.append(f"• {field.label}: {field.where}")
        notes_fills = []
        if self.chart_slides & {n for numbers in self.field_slides.values() for n in numbers}:
            hint, fill = self._edit_data_hint()
            notes.append(hint)
            notes_fills.append((hint, fill))
        table = _text_table(rows, widths=(0.82, 0.18), size_pt=14 if len(rows) > 9 else 18,
                            description="Invulvelden met het nummer van de dia waarop ze staan.")
        return SlidePlan("Tabel", CHECKLIST_TITLE, table=self._filled_table(table, fills),
                         notes="\n".join(notes), hidden=True, notes_fills=tuple(notes_fills))

    def _filled_table(self, table: Table, fills: list[list[Fill]]) -> Table:
        """The table with a fill on the cells that follow the municipality's data; the row
        heights stay measured on the unfilled texts, so the frame is the same in both decks."""
        rows = tuple(tuple(Run(evaluate(fill, self.local) or run.text, fill=fill) if fill else run
                           for run, fill in zip(row, row_fills, strict=True))
                     for row, row_fills in zip(table.rows, fills, strict=True))
        return Table(rows, table.widths, table.measure, table.size_pt, table.bold_last, table.description,
                     table.min_row_pt)

    def _edit_data_hint(self) -> tuple[str, Fill]:
        """The notes' line on 'Gegevens bewerken', which names the municipal series."""
        before, after = EDIT_DATA_HINT.split("{series}")
        fill: Fill = (before, ("series", 0), after)
        return evaluate(fill, self.local) or "", fill

    # -- steps ---------------------------------------------------------------------------------

    def _step(self, number: int, step: Step) -> None:
        header = (f"Stap {number}: {step.title} · {step.minutes} minuten "
                  f"({format_clock(step.start)}–{format_clock(step.start + step.minutes)})\n"
                  f"Werkvorm: {step.method}")
        if step.materials:
            header += f"\nMateriaal: {', '.join(step.materials)}"
        if step.timeline:
            header += "\nVerloop:\n" + "\n".join(f"• {line}" for line in step.timeline_lines)
        facilitation = to_plain_text(step.facilitation)
        if not step.slides:
            # a step divider: the step's title, its number and its minutes (the method is in the notes)
            self.slides.append(SlidePlan(
                "Sectie", step.title, texts=(Text(1, paragraphs(f"Stap {number} · {step.minutes} minuten")),),
                notes=f"{header}\n\n{facilitation}"))
            return
        for index, content in enumerate(step.slides):
            parts = [header, facilitation] if index == 0 else [f"Vervolg van stap {number}: {step.title}"]
            notes_fills = []
            if content.notes:
                parts.append(content.notes)
            if content.kind == "grafiek":
                hint, fill = self._edit_data_hint()
                parts.append(hint)
                notes_fills.append((hint, fill))
            if content.figures:
                parts.append("Waar vind je de cijfers van je gemeente?\n" + "\n".join(
                    f"• {f.label}: {f.where}" for f in content.figures))
            slide = self._content_slide(content, "\n\n".join(parts))
            self.slides.append(replace(slide, notes_fills=tuple(notes_fills)))

    def _content_slide(self, content: Slide, notes: str) -> SlidePlan:
        number = self._next_number()
        if content.kind == "twee-kolommen":
            # both columns and their headings at one size: the largest at which all four fit
            columns = (content.left, content.right)
            size = fit.text_size([([c.heading], fit.COLUMN_HEAD) for c in columns]
                                 + [(list(c.bullets), fit.COLUMN) for c in columns], fit.COLUMN_SIZES_PT)
            texts = []
            for (head, body), column in zip(((1, 2), (3, 4)), columns, strict=True):
                texts += [Text(head, paragraphs(column.heading), size.size_pt),
                          sized(body, tuple(map(plain, column.bullets)) or (plain(""),), size)]
            return SlidePlan("Twee kolommen", content.title, texts=tuple(texts), notes=notes)
        if content.kind == "cijfers":
            return self._figures_slide(content, number, notes)
        if content.kind == "grafiek":
            return self._chart_slide(content, number, notes)
        if content.kind == "stelling":
            # the statement large, above the layout's legend: akkoord / twijfel / niet akkoord
            return SlidePlan("Stelling", content.title,
                             texts=(Text(1, paragraphs(content.text), fit.STATEMENT.size_pt),),
                             notes=notes)
        if content.kind == "route":
            return SlidePlan("Route", content.title, route=content.stops, notes=notes)
        if content.kind == "tegels":
            return SlidePlan("Tegels", content.title, tiles=tuple((t.heading, t.text) for t in content.tiles),
                             notes=notes)
        if content.kind == "beeld":
            return self._picture_slide(content, notes)
        if content.kind == "vraag":
            return SlidePlan("Vraag", content.title,
                             texts=(Text(1, paragraphs(content.text), fit.QUESTION.size_pt),), notes=notes)
        lines = tuple(self._sentence(line, number) for line in content.bullets) or (plain(""),)
        # a few short bullets read larger, rather than leaving the bottom half of the slide empty
        size = fit.text_size([([p.text for p in lines], fit.BODY)], fit.BODY_SIZES_PT)
        return SlidePlan("Tekst", content.title, texts=(sized(1, lines, size),), notes=notes)

    def _picture_slide(self, content: Slide, notes: str) -> SlidePlan:
        """A picture of the module with its description (alt text), and a sentence beside it."""
        picture = next(p for p in self.module.pictures if p.name == content.picture)
        texts = (Text(2, paragraphs(content.text)),) if content.text else ()
        return SlidePlan("Beeld", content.title, texts=texts, notes=notes, picture=PicturePlan(
            str(picture.path), picture.alt, picture.width, picture.height))

    def _key_figure_panel(self, figure, heading: Run, value: Run) -> Text:
        """A panel of the 'Kerncijfer' layout: for whom, the figure large, and what it counts."""
        return Text(0, (Paragraph((heading,), True), Paragraph((value,), True, fit.KEY_NUMBER_PT),
                        plain(_key_words(figure))), fit.KEY_TEXT_PT)

    def _key_figure_slide(self, content: Slide, number: int, notes: str, chart: Chart | None = None) -> SlidePlan:
        """One figure that fills the slide: Flanders large with its year on the left; on the right
        our municipality, as a fill-in field (type 'cijfers') or as a chart to fill in ('grafiek')."""
        figure = content.figures[0]
        flanders = replace(self._key_figure_panel(figure, Run(f"{FLANDERS_SERIES} ({figure.year})"),
                                                  Run(_key_number(figure.flanders, figure.unit))), placeholder=1)
        texts = (flanders,)
        if chart is None:
            # the municipality's name heads its panel, as the table's header cell does
            header_fill: Fill = (("municipality", MUNICIPAL_SERIES),)
            header = Run(evaluate(header_fill, self.local) or MUNICIPAL_SERIES, fill=header_fill)
            ours = self._field(figure_field(figure), number, short=True)
            texts += (replace(self._key_figure_panel(figure, header, ours), placeholder=2),)
        return SlidePlan("Kerncijfer", content.title, texts=texts, chart=chart,
                         source=fit.chart_sources(content.figures), notes=notes)

    def _figures_slide(self, content: Slide, number: int, notes: str) -> SlidePlan:
        """A native table: each figure for Flanders, with its year, beside a field for ours."""
        if len(content.figures) == 1:
            return self._key_figure_slide(content, number, notes)
        # the rows are measured on the unfilled texts: the same frame with or without the data
        measure = fit.figure_rows(content.figures, header=MUNICIPAL_SERIES)
        header_fill: Fill = (("municipality", MUNICIPAL_SERIES),)
        header = (Run(measure[0][0]), Run(measure[0][1]),
                  Run(evaluate(header_fill, self.local) or MUNICIPAL_SERIES, fill=header_fill))
        rows = [header] + [
            (Run(label), Run(flanders), self._field(figure_field(figure), number, short=True))
            for (label, flanders, _), figure in zip(measure[1:], content.figures, strict=True)]
        # a few figures fill the slide at a larger size, rather than a small table on a half-empty
        # slide; long labels or sources keep the size that the validation checked
        large = (fit.FIGURE_LARGE_PT, fit.FIGURE_LARGE_ROWS_PT / len(rows))
        size, min_row = (large if len(content.figures) <= 3
                         and fit.figure_table_fits(content.figures, measure, *large) else (fit.FIGURE_SIZE_PT, 0))
        table = Table(tuple(rows), fit.FIGURE_WIDTHS, tuple(measure), size_pt=size, min_row_pt=min_row,
                      description="Tabel: elk cijfer voor Vlaanderen, met het jaar, naast de "
                                  "waarde voor onze gemeente.")
        return SlidePlan("Tabel", content.title, table=table, source=fit.figure_sources(content.figures),
                         notes=notes)

    def _chart_slide(self, content: Slide, number: int, notes: str) -> SlidePlan:
        """A native clustered bar chart: Flanders beside the municipality, data in a workbook."""
        figures = content.figures
        values = [self.local.figures.get(f.id) for f in figures]
        self.chart_slides.add(number)
        unit = figures[0].unit
        description: list = [f"Staafdiagram in {_unit_words(unit)}, Vlaanderen naast ", ("series", 1), ". "]
        for index, f in enumerate(figures):
            description += ["; " if index else "", f"{f.label}: Vlaanderen {format_number(f.flanders, f.unit)} "
                            f"({f.year}), ", ("series", 1), " ", ("number", f.id, f.unit, "nog in te vullen")]
        description.append(".")
        name_fill: Fill = (("series", 0),)
        chart = Chart(
            categories=tuple(f.label for f in figures),
            series=((FLANDERS_SERIES, tuple(f.flanders for f in figures)),
                    (series_name(self.local), tuple(values))),
            number_format=number_format([f.flanders for f in figures] + [v for v in values if v is not None],
                                        unit),
            description=evaluate(description, self.local) or "",
            figures=tuple(f.id for f in figures), unit=unit, name_fill=name_fill,
            description_fill=tuple(description))
        for figure, value in zip(figures, values, strict=True):
            # every figure stays on the checklist; a value marks it filled there
            self.field_slides.setdefault(figure_field(figure).id, []).append(number)
            if value is not None:
                self.filled.add(figure_field(figure).id)
        if len(figures) == 1:
            # one pair of bars would leave the slide empty: upright, beside the Flemish figure large
            return self._key_figure_slide(content, number, notes, replace(chart, place=2, columns=True))
        return SlidePlan("Grafiek", content.title, chart=chart, source=fit.chart_sources(figures), notes=notes)

    # -- fields --------------------------------------------------------------------------------

    def _field_fill(self, field: FillInField) -> Fill:
        """How a field's text follows from the municipality's data."""
        figure = self.figures_by_field.get(field.id)
        if figure is not None:
            return (("figure", figure.id, figure.unit),)
        return (("field", field.id),)

    def _sentence(self, text: str, number: int) -> Paragraph:
        """A bullet with its {veld:id} placeholders as fill-in runs inside the sentence."""
        fields = {f.id: f for f in self.package.title_fields + self.module.all_fields}
        runs = [Run(part.text) if part.field is None
                else self._field(fields[part.field], number, inline=True, prompt=part.prompt)
                for part in split_placeholders(text)]
        return Paragraph(tuple(runs) or (Run(""),))

    def _field(self, field: FillInField, number: int, short: bool = False, inline: bool = False,
               prompt: str | None = None) -> Run:
        """A fill-in field on slide `number`, as one run, remembered for the checklist.

        The municipality's data may give its text; else it is the highlighted '[Vul in: ...]'."""
        self.field_slides.setdefault(field.id, []).append(number)
        fill = self._field_fill(field)
        text = evaluate(fill, self.local)
        if text is not None:
            self.filled.add(field.id)
            return Run(text, field.id, fill, filled=True)
        if inline:
            return Run(inline_field_text(field.label, prompt), field.id, fill)
        return Run(fit.FIELD_TEXT if short else fill_in_text(field), field.id, fill)


def _text_table(rows: list[tuple[str, ...]], widths: tuple[float, ...], size_pt: float = fit.TABLE_SIZE_PT,
                bold_last: bool = False, description: str = "") -> Table:
    return Table(tuple(tuple(Run(text) for text in row) for row in rows), widths,
                 tuple(tuple(row) for row in rows), size_pt, bold_last, description)


def _key_number(value: float, unit: str) -> str:
    """The figure as the large number: '12,1%', or '45' whose unit stands in the words under it."""
    return format_number(value, unit) if unit == "%" else format_number(value)


def _key_words(figure) -> str:
    """What the large number counts: its label, with the unit when that is not '%'."""
    return figure.label if figure.unit == "%" else f"{figure.label} ({figure.unit})"


def _changed(module: Module) -> str:
    """', module gewijzigd op 29 november 2026' for the title slide's notes (empty without a date)."""
    change = module.last_change
    if change is None:
        return ""
    # from the changelog the text is 'bij de uitgave van ...', from git it is a date
    return f", module gewijzigd {'' if change.version else 'op '}{change.text}"


def _unit_words(unit: str) -> str:
    return "procent" if unit == "%" else unit


def number_format(values: list[float], unit: str) -> str:
    """The Excel number format of a chart's values and labels."""
    decimals = "" if all(float(v).is_integer() for v in values) else ".0"
    # [$-813]: the nl-BE locale, so a reader that honours it shows a decimal comma
    return f'[$-813]#,##0{decimals}"%"' if unit == "%" else f"[$-813]#,##0{decimals}"
