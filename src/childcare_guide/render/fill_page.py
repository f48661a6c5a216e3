"""The page 'Vul je gegevens in' (/invullen/): one form with every fill-in field and figure of the
guide, grouped per module, from which a chair downloads each deck and worksheet filled in.

The form is plain HTML made from content/ at build time: each input is named by its id in content/
(`name="gemeente"`, `name="kansarmoede"`), with its label and 'waar' text, and for a figure the
Flemish value with year and source. docs/javascripts/invullen.js keeps the values in the browser,
checks the numbers and hands them to the fill engine (docs/javascripts/fill.js,
`window.childcareFill`) for each `data-download` button. Without JavaScript the page still lists
what to collect and where to find it.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass

from childcare_guide.content.local_table import NUMBER_PATTERN, YEAR_PATTERN
from childcare_guide.content.local_table import START as START_COLUMN
from childcare_guide.content.local_table import YEAR as YEAR_COLUMN
from childcare_guide.content.model import Figure, Module, Package, Worksheet
from childcare_guide.render.paths import FILL_PAGE, deck_path, module_page_path, worksheet_docx_path

PAGE = FILL_PAGE
TITLE = "Vul je gegevens in"
TEMPLATE = "invullen.html"  # overrides/invullen.html adds javascripts/invullen.js to this page only
STORAGE_KEY = "kvi-invullen"
STORAGE_VERSION = 1

TEXT, NUMBER, YEAR, CLOCK = "tekst", "getal", "jaar", "uur"
YEAR_ID = YEAR_COLUMN  # the year of the municipal figures: the column `jaar` of the script's table
START_ID = START_COLUMN  # the start of the meeting, 'HH:MM': the agenda slide shows clock times


@dataclass(frozen=True)
class FormInput:
    """One input of the form: named by its id in content/ (or `jaar`, `start`)."""

    id: str
    label: str
    where: str
    kind: str = TEXT
    figure: Figure | None = None
    asks_where: bool = True  # the 'waar' text says where to find it (not for a title field)


@dataclass(frozen=True)
class FormGroup:
    """A fieldset: the fields for every module, or one module's own fields and figures."""

    heading: str
    anchor: str
    legend: str
    inputs: tuple[FormInput, ...]
    module: Module | None = None
    asked_before: tuple[tuple[FormInput, str], ...] = ()  # (input, heading of the group that asks it)
    worksheets: tuple[Worksheet, ...] = ()


def filled_worksheets(module: Module) -> tuple[Worksheet, ...]:
    """The module's worksheets that can be downloaded filled in: those with a place for a value
    ({veld:id}, [[cijfertabel]] or [[invulvelden]]); the build writes their fill maps."""
    return tuple(s for s in module.worksheets if s.fields)


def filled_file_name(module: Module, sheet: Worksheet | None = None) -> str:
    """The name of a downloaded, filled-in file: the blank one's name with '-ingevuld'."""
    blank = posixpath.basename(deck_path(module) if sheet is None else worksheet_docx_path(module, sheet))
    stem, dot, suffix = blank.rpartition(".")
    return f"{stem}-ingevuld{dot}{suffix}"


def _figure_input(figure: Figure) -> FormInput:
    return FormInput(figure.id, f"{figure.label} in je gemeente ({figure.unit})", figure.where,
                     NUMBER, figure)


def form_groups(package: Package) -> tuple[FormGroup, ...]:
    """The shared fields first (asked once), then each module in order with the fields and figures
    no earlier group asks. An id used by several modules is asked where it comes first."""
    shared = tuple(FormInput(f.id, f.label, f.where, asks_where=False)
                   for f in package.title_fields) + (
        FormInput(START_ID, "Beginuur van het overleg",
                  "Bijvoorbeeld 19:30. Dan staat bij elke stap op de dia met de agenda het klokuur.",
                  CLOCK, asks_where=False),
        FormInput(YEAR_ID, "Jaar van de cijfers van je gemeente",
                  "Het jaar waarover je cijfers gaan, met 4 cijfers. De presentatie zet het bij elk "
                  "cijfer van je gemeente. Heeft een cijfer een ander jaar? Vul het dan zelf aan in "
                  "de presentatie.", YEAR, asks_where=False))
    first = "Voor elke module"
    groups = [FormGroup(first, "voor-elke-module", "Gegevens voor elke module", shared)]
    asked = {i.id: (i, first) for i in shared}  # id -> (the input as asked, the group that asks it)
    for module in package.modules:
        heading = f"Module {module.number}: {module.title}"
        own, before = [], []
        wanted = [FormInput(f.id, f.label, f.where) for f in module.fields]
        wanted += [_figure_input(f) for f in module.figures]
        for item in wanted:
            if item.id in asked:
                before.append(asked[item.id])  # named as where the chair typed it
            else:
                asked[item.id] = (item, heading)
                own.append(item)
        groups.append(FormGroup(heading, f"module-{module.number}", f"Gegevens voor {heading[:1].lower()}{heading[1:]}",
                                tuple(own), module,
                                tuple(before), filled_worksheets(module)))
    return tuple(groups)


def input_ids(package: Package) -> list[str]:
    """Every input name of the form, each once, in the order of the form."""
    return [i.id for group in form_groups(package) for i in group.inputs]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _flanders(figure: Figure) -> str:
    return f"Vlaanderen: {figure.flanders_text} ({figure.year}). Bron: {figure.source}."


def _input_html(item: FormInput) -> str:
    field_id = f"veld-{item.id}"
    described = [f"waar-{item.id}"]
    attrs = {"id": field_id, "name": item.id, "autocomplete": "off", "data-soort": item.kind}
    if item.kind == CLOCK:
        attrs["type"] = "time"
    else:
        attrs["type"] = "text"
    if item.kind in (NUMBER, YEAR):
        attrs["inputmode"] = "decimal" if item.kind == NUMBER else "numeric"
        attrs["spellcheck"] = "false"
    if item.kind == YEAR:
        attrs["maxlength"] = "4"
    if item.figure is not None:
        attrs["data-eenheid"] = item.figure.unit
        described.insert(0, f"vlaanderen-{item.id}")
    attrs["aria-describedby"] = " ".join(described)
    attributes = " ".join(f'{k}="{_e(v)}"' for k, v in attrs.items())
    out = [f'<div class="invullen-veld" data-veld="{_e(item.id)}">',
           f'<label for="{field_id}">{_e(item.label)}</label>']
    if item.figure is not None:
        out.append(f'<p class="invullen-vlaanderen" id="vlaanderen-{item.id}">'
                   f"{_e(_flanders(item.figure))}</p>")
    box = f"<input {attributes}>"
    if item.figure is not None:
        box = (f'<span class="invullen-met-eenheid">{box}'
               f'<span class="invullen-eenheid" aria-hidden="true">{_e(item.figure.unit)}</span></span>')
    out.append(box)
    # always there (empty until a mistake), so a screen reader announces the message it gets
    out.append(f'<p class="invullen-fout" id="fout-{item.id}" aria-live="polite"></p>')
    where = f"Waar vind je het? {item.where}" if item.asks_where else item.where
    out.append(f'<p class="invullen-waar" id="waar-{item.id}">{_e(where)}</p>')
    out.append("</div>")
    return "\n".join(out)


def module_url(module: Module) -> str:
    """The module page's address from this page, in raw HTML (MkDocs leaves .md links there alone):
    the site has directory URLs, so /invullen/ -> ../modules/<slug>/ (the offline zip adds index.html)."""
    return f"../{posixpath.dirname(module_page_path(module))}/"


def sheet_name(sheet: Worksheet) -> str:
    """'het werkblad 'Gemeentelijke fiche'' (or without 'werkblad' when the title says it)."""
    word = "het " if sheet.title.casefold().startswith("werkblad") else "het werkblad "
    return f"{word}'{sheet.title}'"


def _downloads_html(package: Package, group: FormGroup) -> str:
    module = group.module
    assert module is not None
    link = module_url(module)
    # hidden until invullen.js runs: without JavaScript a button would do nothing
    buttons = [f'<button type="button" class="md-button md-button--primary" hidden '
               f'data-download="{_e(module.slug)}" data-bestand="{_e(filled_file_name(module))}" '
               f'data-wat="de presentatie van module {module.number}">'
               f"Download de presentatie van module {module.number}, ingevuld (.pptx)</button>"]
    for sheet in group.worksheets:
        buttons.append(f'<button type="button" class="md-button" hidden '
                       f'data-download="{_e(module.slug)}/{_e(sheet.id)}" '
                       f'data-bestand="{_e(filled_file_name(module, sheet))}" '
                       f'data-wat="{_e(sheet_name(sheet))}">Download {_e(sheet_name(sheet))}, '
                       "ingevuld (.docx)</button>")
    return "\n".join([
        '<div class="invullen-downloads">',
        *buttons,
        f'<p class="invullen-status" role="status" id="status-{_e(module.slug)}"></p>',
        f'<p class="invullen-zonder-js">De lege presentatie en de werkbladen staan op de '
        f'<a href="{_e(link)}">pagina van module {module.number}</a>. Downloaden met je gegevens '
        "erin kan alleen als JavaScript aan staat in je browser.</p>",
        "</div>",
    ])


def _group_html(package: Package, group: FormGroup) -> str:
    out = [f"## {group.heading} {{ #{group.anchor} }}\n",
           f'<fieldset class="invullen-groep" data-groep="{_e(group.anchor)}">',
           f"<legend>{_e(group.legend)}</legend>"]
    if group.module is None:
        out.append('<p class="invullen-uitleg">Deze gegevens komen op de titeldia en de agenda van '
                   "elke presentatie. Je vult ze maar één keer in.</p>")
    out.extend(_input_html(item) for item in group.inputs)
    if group.asked_before:
        items = "".join(f'<li><a href="#veld-{_e(item.id)}">{_e(item.label)}</a> '
                        f"(bij '{_e(where)}')</li>" for item, where in group.asked_before)
        out.append('<div class="invullen-al-gevraagd"><p>Deze module gebruikt ook wat je al '
                   f"invulde:</p><ul>{items}</ul></div>")
    if group.module is not None:
        out.append(_downloads_html(package, group))
    out.append("</fieldset>\n")
    return "\n".join(out)


def fill_page(package: Package) -> str:
    """The page as Markdown with the form in HTML (md_in_html keeps the headings in the toc)."""
    groups = form_groups(package)
    form_attrs = {
        "class": "invullen", "id": "invullen", "novalidate": "",
        "data-sleutel": STORAGE_KEY, "data-versie": str(STORAGE_VERSION),
        # the same rules as scripts/build_decks.py --cijfers (content/local_table.py)
        "data-getal": NUMBER_PATTERN.pattern, "data-jaar": YEAR_PATTERN.pattern,
    }
    attributes = " ".join(f'{k}="{_e(v)}"' if v else k for k, v in form_attrs.items())
    out = [f'---\ntitle: "{TITLE}"\n'
           'description: "Vul één keer de gegevens van je gemeente in en download elke presentatie '
           'en de werkbladen met je gegevens erin."\n'
           f"template: {TEMPLATE}\nrender_macros: false\n---\n",
           f"# {TITLE}\n",
           "Vul hier één keer de gegevens van je gemeente in. Daarna download je de presentatie van "
           "elke module met je gegevens er al in. Wat je leeg laat, blijft in de presentatie een geel "
           "veld '[Vul in: …]'. Dat vul je later zelf in.\n",
           '!!! info "Je gegevens blijven op deze computer"\n'
           "    Wat je hier typt, blijft in deze browser, op deze computer. De gids stuurt niets door, "
           "naar niemand. Ook de presentaties worden hier op je computer gemaakt. Werk je op een "
           "computer die je deelt met anderen? Klik dan op het einde op 'Wis al mijn gegevens'.\n",
           "Een cijfer schrijf je als getal, met een komma of een punt: 12,3 of 12.3. Schrijf er "
           "geen % bij en geen punt voor de duizendtallen. Naast elk cijfer staat het cijfer van "
           "Vlaanderen, om te vergelijken.\n",
           f"<form {attributes} markdown>\n"]
    out.extend(_group_html(package, group) for group in groups)
    out.append("## Klaar? { #klaar }\n")
    out.append("Druk je gegevens af (in je browser: Afdrukken of Ctrl+P): dan krijg je een lijst "
               "van wat je invulde, om bij je voorbereiding te leggen.\n")
    out.append('<div class="invullen-wis" hidden>\n'
               "<p>Alles wat je invulde, blijft in deze browser bewaard tot je het wist.</p>\n"
               '<button type="button" class="md-button" data-wis aria-expanded="false" '
               'aria-controls="wis-bevestig">Wis al mijn gegevens</button>\n'
               '<div class="invullen-bevestig" id="wis-bevestig" role="group" '
               'aria-labelledby="wis-vraag" hidden>\n'
               '<p id="wis-vraag">Wil je echt alles wissen wat je op deze pagina invulde? '
               "Dat kan je niet ongedaan maken.</p>\n"
               '<button type="button" class="md-button md-button--primary" data-wis-ja>'
               "Ja, wis alles</button>\n"
               '<button type="button" class="md-button" data-wis-nee>Nee, hou mijn gegevens</button>\n'
               "</div>\n"
               '<p class="invullen-status" role="status" id="status-wis"></p>\n'
               "</div>\n")
    out.append("</form>\n")
    return "\n".join(out)
