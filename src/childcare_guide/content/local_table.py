"""Read a table of municipal figures (CSV) into LocalData, one municipality per row.

The columns come from the content, never from code: `gemeente`, `niscode`, `jaar`, then one
column per figure id ('cijfers' in module.yml, a number) and per fill-in field id (the guide's
and the module's 'invulvelden', a text), and `start`, the start time of the meeting
(09:30). Every mistake is a Dutch message with the row number.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from childcare_guide.content.model import MUNICIPALITY_FIELD, Figure, LocalData, Module, Package, parse_time_of_day

MUNICIPALITY = "gemeente"
NIS_CODE = "niscode"
YEAR = "jaar"
START = "start"
REQUIRED = (MUNICIPALITY, NIS_CODE, YEAR)
OPTIONAL = (START,)  # besides the content's figures and fields
NIS_PATTERN = re.compile(r"[0-9]{5}")
YEAR_PATTERN = re.compile(r"(19|20)[0-9]{2}")
NUMBER_PATTERN = re.compile(r"-?[0-9]+([.,][0-9]+)?")
COMMENT = "#"


class TableError(Exception):
    """The table as a whole cannot be used (no header, unknown or missing column)."""


@dataclass(frozen=True)
class Columns:
    """The columns a table for one module may have."""

    figures: dict[str, Figure]
    fields: dict[str, str]  # field id -> label

    @property
    def names(self) -> list[str]:
        return [*REQUIRED, *self.fields, *self.figures, START]


@dataclass(frozen=True)
class Row:
    """One good row: its row number in the file (the header is row 1) and its data."""

    number: int
    local: LocalData


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # Dutch, one per bad row


def columns_for(package: Package, module: Module) -> Columns:
    """The allowed columns for a module: its figures and every fill-in field (guide and module)."""
    fields = {f.id: f.label for f in package.title_fields + module.fields
              if f.id != MUNICIPALITY_FIELD}
    figures = {f.id: f for f in module.figures}
    return Columns(figures=figures, fields=fields)


def read_table(path: Path, package: Package, module: Module) -> Table:
    """Read and check the table; bad rows are left out, each with a Dutch message."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError:
        raise TableError(f"{path}: het bestand kan niet gelezen worden. "
                         "Controleer de naam en de map.") from None
    except UnicodeDecodeError:
        raise TableError(f"{path}: het bestand is niet in UTF-8 opgeslagen. Kies in je rekenblad "
                         "'Opslaan als' > 'CSV UTF-8'.") from None
    return parse_table(text, path.name, columns_for(package, module))


def parse_table(text: str, name: str, columns: Columns) -> Table:
    lines = text.splitlines(keepends=True)
    # Lines that start with '#' before the header are comments (the sample table says 'fictief').
    skipped = 0
    while skipped < len(lines) and (lines[skipped].startswith(COMMENT) or not lines[skipped].strip()):
        skipped += 1
    body = "".join(lines[skipped:])
    if not body.strip():
        raise TableError(f"{name}: de tabel is leeg. De eerste regel noemt de kolommen: "
                         f"{', '.join(columns.names)}.")
    header_line = lines[skipped]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(body), delimiter=delimiter)
    header = [cell.strip() for cell in next(reader)]
    _check_header(header, name, columns, header_row=skipped + 1)
    table = Table()
    seen_nis: dict[str, int] = {}
    for cells in reader:
        number = skipped + reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        local, problem = _row(cells, header, columns, number, seen_nis)
        if problem:
            table.problems.append(f"{name}, rij {number}: {problem}")
        else:
            table.rows.append(Row(number, local))
    return table


def _check_header(header: list[str], name: str, columns: Columns, header_row: int) -> None:
    allowed = columns.names
    where = f"{name}, rij {header_row} (de kolomnamen)"
    for column in header:
        if not column:
            raise TableError(f"{where}: een kolom heeft geen naam. Geef elke kolom een naam of "
                             "verwijder de lege kolom.")
        if column not in allowed:
            guess = difflib.get_close_matches(column, allowed, n=1, cutoff=0.6)
            fix = (f"Bedoel je '{guess[0]}'?" if guess
                   else f"Gebruik alleen deze kolommen: {', '.join(allowed)}.")
            raise TableError(f"{where}: de kolom '{column}' is onbekend. {fix}")
        if header.count(column) > 1:
            raise TableError(f"{where}: de kolom '{column}' staat twee keer in de tabel. "
                             "Hou er één over.")
    for column in REQUIRED:
        if column not in header:
            raise TableError(f"{where}: de kolom '{column}' ontbreekt. Elke tabel heeft de kolommen "
                             f"{', '.join(REQUIRED)}.")


def _row(cells: list[str], header: list[str], columns: Columns, number: int,
         seen_nis: dict[str, int]) -> tuple[LocalData | None, str | None]:
    if len(cells) != len(header):
        return None, (f"de rij heeft {len(cells)} waarden, maar er zijn {len(header)} kolommen. "
                      "Controleer of er een scheidingsteken te veel of te weinig staat; zet een "
                      "tekst met een komma tussen aanhalingstekens.")
    values = {column: cell.strip() for column, cell in zip(header, cells, strict=True)}
    municipality = values[MUNICIPALITY]
    if not municipality:
        return None, "de kolom 'gemeente' is leeg. Vul de naam van de gemeente in."
    nis = values[NIS_CODE]
    if not NIS_PATTERN.fullmatch(nis):
        return None, (f"de NIS-code '{nis}' van {municipality} klopt niet. Een NIS-code heeft "
                      "precies 5 cijfers, zonder spaties of punten.")
    if nis in seen_nis:
        return None, (f"de NIS-code {nis} staat ook in rij {seen_nis[nis]}. Elke gemeente staat "
                      "maar één keer in de tabel: verwijder een van de twee rijen.")
    seen_nis[nis] = number
    year = values[YEAR]
    if not YEAR_PATTERN.fullmatch(year):
        return None, (f"het jaar '{year}' van {municipality} is geen jaartal. Schrijf het jaar van "
                      "de cijfers met 4 cijfers, bijvoorbeeld 2023.")
    figures: dict[str, float] = {}
    for figure_id, figure in columns.figures.items():
        raw = values.get(figure_id, "")
        if not raw:
            continue  # no value: the chair fills it in
        if not NUMBER_PATTERN.fullmatch(raw):
            return None, (f"de waarde '{raw}' in de kolom '{figure_id}' is geen getal. Schrijf "
                          "alleen een getal, bijvoorbeeld 12,1 (zonder %, eenheid of punt voor "
                          "de duizendtallen), of laat de cel leeg.")
        value = float(raw.replace(",", "."))
        if figure.unit == "%" and not 0 <= value <= 100:
            return None, (f"de waarde {raw} in de kolom '{figure_id}' is geen percentage. Geef een "
                          "getal van 0 tot 100.")
        if value < 0:
            return None, (f"de waarde {raw} in de kolom '{figure_id}' is negatief. Geef een getal "
                          "van 0 of meer.")
        figures[figure_id] = int(value) if value.is_integer() else value
    fields = {field_id: values[field_id] for field_id in columns.fields if values.get(field_id)}
    start = None
    if values.get(START):
        start = parse_time_of_day(values[START])
        if start is None:
            return None, (f"de starttijd '{values[START]}' van {municipality} is geen uur. Schrijf "
                          "uren en minuten met een dubbelpunt, bijvoorbeeld 09:30, of laat de cel leeg.")
    return LocalData(municipality=municipality, nis_code=nis, year=int(year), figures=figures,
                     fields=fields, start=start), None


def deck_file_name(module: Module, local: LocalData) -> str:
    """'module-1-omgevingsanalyse-99001-fabeldorp.pptx': sorted by NIS code, readable name."""
    plain = unicodedata.normalize("NFKD", local.municipality).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "gemeente"
    return f"module-{module.number}-{module.slug}-{local.nis_code}-{slug}.pptx"
