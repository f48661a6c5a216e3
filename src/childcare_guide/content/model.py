"""The typed model of the package: what the loader produces and every renderer reads."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")

# modules/<slug>/voorbereiding.md is the module's checklist: no worksheet may take this id
CHECKLIST_ID = "voorbereiding"
# modules/<slug>/deelnemersblad.md is the participants' one-page handout (render/handout.py)
HANDOUT_ID = "deelnemersblad"

# A fill-in field inside a sentence of a slide: 'Vandaag kijken we naar {veld:gemeente}.', with an
# optional short prompt after '|': 'We bellen {veld:sociaal-huis|naam}.' shows '[Vul in: naam]'.
FIELD_PLACEHOLDER = re.compile(r"\{veld:([^{}|]*)(?:\|([^{}]*))?\}")


@dataclass(frozen=True)
class TextPart:
    """A piece of a slide's sentence: plain text, or a fill-in field (its id and optional prompt)."""

    text: str
    field: str | None = None
    prompt: str | None = None


def split_placeholders(text: str) -> list[TextPart]:
    """`text` as plain parts and {veld:id} parts, in order; empty texts left out."""
    parts: list[TextPart] = []
    position = 0
    for match in FIELD_PLACEHOLDER.finditer(text):
        if match.start() > position:
            parts.append(TextPart(text[position:match.start()]))
        prompt = (match.group(2) or "").strip() or None
        parts.append(TextPart(match.group(0), match.group(1).strip(), prompt))
        position = match.end()
    if position < len(text):
        parts.append(TextPart(text[position:]))
    return parts


def inline_field_text(label: str, prompt: str | None = None) -> str:
    """How a fill-in field reads inside a sentence: '[Vul in: naam van je gemeente]'."""
    shown = prompt or f"{label[:1].lower()}{label[1:]}"
    return f"[Vul in: {shown}]"


@dataclass(frozen=True)
class FillInField:
    """Local information the chair adds (a figure, a name, a date)."""

    id: str
    label: str
    where: str


@dataclass(frozen=True)
class Figure:
    """A Flemish figure with year and source, beside an empty value for the municipality."""

    id: str
    label: str
    flanders: float
    unit: str
    year: int
    source: str
    where: str

    @property
    def flanders_text(self) -> str:
        return format_number(self.flanders, self.unit)


@dataclass(frozen=True)
class Column:
    heading: str
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class Tile:
    """One tile of a diagram of tiles (type 'tegels'): a word and one short line."""

    heading: str
    text: str


@dataclass(frozen=True)
class Slide:
    title: str
    kind: str = "tekst"
    bullets: tuple[str, ...] = ()
    text: str = ""
    left: Column | None = None
    right: Column | None = None
    figures: tuple[Figure, ...] = ()
    fields: tuple[FillInField, ...] = ()  # the fields of its {veld:id} placeholders, in order
    stops: tuple[str, ...] = ()  # the stops of a route (type 'route')
    tiles: tuple[Tile, ...] = ()  # the tiles of a diagram (type 'tegels')
    picture: str = ""  # the name of a picture in the module's beelden/ (type 'beeld')
    notes: str = ""
    handout: bool = False  # 'deelnemersblad: true': its questions go on the participants' handout


@dataclass(frozen=True)
class Phase:
    """One part of a step's minute-by-minute breakdown ('verloop')."""

    minutes: int
    what: str


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    minutes: int
    method: str
    materials: tuple[str, ...]
    facilitation: str  # Markdown
    slides: tuple[Slide, ...]
    start: int  # minutes from the start of the session
    timeline: tuple[Phase, ...] = ()  # 'verloop'; empty for a pause

    @property
    def timeline_lines(self) -> tuple[str, ...]:
        """'0:00–0:03 Uitleg van de werkvorm': each phase with its clock time inside the step."""
        lines, at = [], 0
        for phase in self.timeline:
            lines.append(f"{format_clock(at)}–{format_clock(at + phase.minutes)} {phase.what}")
            at += phase.minutes
        return tuple(lines)


@dataclass(frozen=True)
class Worksheet:
    id: str
    title: str
    body: str  # Markdown; [[...]] directives are expanded when the page is rendered
    file: Path | None = field(default=None, compare=False)  # its Markdown file in content/
    landscape: bool = False  # 'liggend: true': printed and in Word on A4 turned a quarter (wide tables)
    # the values the worksheet can be filled with, by the names of the page /invullen/ (a field id
    # such as 'gemeente', a figure id such as 'kansarmoede'): its {veld:id} places and, with
    # [[cijfertabel]], the module's figures. Empty: nothing to fill in (no filled download).
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Picture:
    """A picture of a module: content/modules/<slug>/beelden/<name>, linked from its Markdown as
    `beelden/<name>`. alt is its description where it is first linked (a slide can use both)."""

    name: str  # 'gezinsreis.svg'
    path: Path = field(compare=False)  # the file in content/
    alt: str = ""
    width: int | None = None  # in pixels (an SVG: its width or viewBox), None if unknown
    height: int | None = None

    @property
    def link(self) -> str:
        """The link as an editor writes it in the module's Markdown."""
        return f"beelden/{self.name}"


@dataclass(frozen=True)
class Source:
    organisation: str
    title: str
    year: int | None = None
    site: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Release:
    """One version of the guide in content/wijzigingen.yml."""

    version: str
    date: dt.date
    summary: str
    changes: tuple[str, ...]
    modules: tuple[str, ...]  # slugs of the modules that changed


@dataclass(frozen=True)
class LastChange:
    """When a module last changed: from git, or (without a usable git history) from the changelog."""

    date: dt.date
    version: str | None = None  # set when the date comes from content/wijzigingen.yml

    @property
    def text(self) -> str:
        """'29 november 2026', or 'bij de uitgave van 29 november 2026' from the changelog (the
        technical version stays in the changelog: a chair reads dates and editions)."""
        if self.version is None:
            return format_date(self.date)
        return f"bij de uitgave van {format_date(self.date)}"


@dataclass(frozen=True)
class Module:
    slug: str
    number: int
    title: str
    minutes: int
    summary: str  # 'inhoud'
    when_to_choose: str  # 'extra'
    description: str
    objectives: tuple[str, ...]
    introduction: str  # Markdown
    steps: tuple[Step, ...]
    fields: tuple[FillInField, ...]
    figures: tuple[Figure, ...]
    worksheets: tuple[Worksheet, ...]
    sources: tuple[Source, ...]
    further_reading: str  # Markdown, may be empty
    folder: Path
    invite: tuple[str, ...] = ()  # 'uitnodigen': whom the chair invites, for the checklist
    source_files: tuple[Path, ...] = field(default=(), compare=False)
    last_change: LastChange | None = None
    pictures: tuple[Picture, ...] = ()  # every picture its Markdown links, once, by name

    @property
    def duration_text(self) -> str:
        return format_duration(self.minutes)

    @property
    def deck_name(self) -> str:
        return f"module-{self.number}-{self.slug}.pptx"

    @property
    def all_fields(self) -> tuple[FillInField, ...]:
        """Every fill-in field a chair completes: the declared ones, then one per figure."""
        return self.fields + tuple(figure_field(f) for f in self.figures)


@dataclass(frozen=True)
class LocalData:
    """A municipality's own information, to pre-fill a deck: from a CSV row or from the values a
    chair types on the page /invullen/ (content/fill_text.py says how each text follows from it).

    municipality may be empty (not given yet); start is the meeting's start time in minutes after
    midnight (from 'HH:MM'), or None."""

    municipality: str
    nis_code: str = ""
    year: int | None = None
    figures: Mapping[str, float] = field(default_factory=dict)   # figure id -> municipal value
    fields: Mapping[str, str] = field(default_factory=dict)      # fill-in field id -> text
    start: int | None = None

    def field_text(self, field_id: str) -> str | None:
        """The text for a fill-in field, or None when the chair still fills it in.

        The title field 'gemeente' is the municipality itself, unless a text is given for it.
        A figure's field ('cijfer-kansarmoede') is the figure's value with its year, without unit
        words: use figure_value_text for those.
        """
        text = self.fields.get(field_id)
        if text is None and field_id == MUNICIPALITY_FIELD:
            text = self.municipality
        return text if text and text.strip() else None

    def figure_value_text(self, figure_id: str, unit: str) -> str | None:
        """The municipal value of a figure as the deck shows it ('14,2% (2023)'), or None."""
        value = self.figures.get(figure_id)
        if value is None:
            return None
        text = format_number(value, unit)
        return f"{text} ({self.year})" if self.year else text

    def figure_text(self, figure: Figure) -> str | None:
        return self.figure_value_text(figure.id, figure.unit)


MUNICIPALITY_FIELD = "gemeente"
MUNICIPAL_NAME = "Onze gemeente"  # the municipal column and series while no name is given
FIGURE_FIELD_PREFIX = "cijfer-"  # a figure's fill-in field: 'cijfer-kansarmoede'
TIME_OF_DAY = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")


@dataclass(frozen=True)
class Package:
    title: str
    subtitle: str
    version: str
    title_fields: tuple[FillInField, ...]
    modules: tuple[Module, ...]
    root: Path
    releases: tuple[Release, ...] = ()  # newest first
    edition: str = ""  # '2026-12' (pakket.yml 'editie'); edition_text says 'editie december 2026'
    maintainer: str | None = None  # 'beheerder': never invented, so often None
    contact: str | None = None  # an e-mail address to report a mistake
    repository: str | None = None  # pakket.yml 'repository' (else GIDS_REPO_URL, see site/colophon.py)
    address: str | None = None  # 'adres': where the guide is online
    # 'titeldia': the title slide's sentences for the room, with the title fields as {veld:id}
    title_lines: tuple[str, ...] = ()

    @property
    def edition_text(self) -> str:
        """'2026-12' -> 'editie december 2026' (what a chair sees instead of a version number)."""
        return format_edition(self.edition)

    def module(self, slug: str) -> Module | None:
        return next((m for m in self.modules if m.slug == slug), None)


def value_name(field_id: str) -> str:
    """The name of a field's value on the page /invullen/ and in a CSV table: the field id, or
    for a figure's field ('cijfer-kansarmoede') the figure id ('kansarmoede')."""
    return field_id.removeprefix(FIGURE_FIELD_PREFIX)


def figure_field(figure: Figure) -> FillInField:
    """The fill-in field for the municipality's value of a figure."""
    return FillInField(id=f"{FIGURE_FIELD_PREFIX}{figure.id}", label=f"{figure.label} ({figure.unit})",
                       where=figure.where)


def format_duration(minutes: int) -> str:
    """80 -> '1u20', 120 -> '2u', 45 -> '45 min' (as the package writes durations)."""
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return f"{rest} min"
    return f"{hours}u{rest:02d}" if rest else f"{hours}u"


def format_edition(edition: str) -> str:
    """'2026-12' -> 'editie december 2026'."""
    year, _, month = edition.partition("-")
    if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
        return f"editie {edition}".strip()
    return f"editie {MONTHS[int(month) - 1]} {year}"


def format_date(date: dt.date) -> str:
    """Dutch date: 2026-11-29 -> '29 november 2026'."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def format_clock(minutes: int) -> str:
    """Running time: 75 -> '1:15'."""
    hours, rest = divmod(minutes, 60)
    return f"{hours}:{rest:02d}"


def parse_time_of_day(text: str) -> int | None:
    """'09:30' or '9:30' -> 570 (minutes after midnight); None when it is not a time."""
    match = TIME_OF_DAY.fullmatch(text.strip())
    return int(match.group(1)) * 60 + int(match.group(2)) if match else None


def format_time_of_day(minutes: int) -> str:
    """570 -> '09:30'; past midnight it starts again at 00:00."""
    hours, rest = divmod(minutes % (24 * 60), 60)
    return f"{hours:02d}:{rest:02d}"


def format_number(value: float, unit: str = "") -> str:
    """Dutch notation: 12.1 -> '12,1', 6594 -> '6.594'; '%' sticks to the number."""
    if float(value).is_integer():
        text = f"{int(value):,}".replace(",", ".")
    else:
        whole, _, decimals = f"{value}".partition(".")
        text = f"{int(whole):,}".replace(",", ".") + "," + decimals
    if unit == "%":
        return text + "%"
    return f"{text} {unit}".strip()
