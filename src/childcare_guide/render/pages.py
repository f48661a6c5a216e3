"""Render the model as Markdown pages for MkDocs: module pages, worksheets and the overview."""

from __future__ import annotations

import html
import re

from childcare_guide.content.markdown_text import DIRECTIVE, demote_headings, to_plain_text
from childcare_guide.content.model import (
    FIELD_PLACEHOLDER,
    FillInField,
    Module,
    Package,
    Worksheet,
    figure_field,
    format_clock,
    format_date,
)
from childcare_guide.content.pictures import IMAGE
from childcare_guide.render.paths import (
    GLOSSARY_PAGE,
    MODULES_INDEX,
    WHATS_NEW,
    deck_path,
    handout_docx_path,
    handout_page_path,
    module_page_path,
    picture_path,
    relative,
    worksheet_docx_path,
    worksheet_page_path,
)
from childcare_guide.render.planner import planner_block
from childcare_guide.render.preparation import preparation_section

PARTS = ("Inleiding", "Doelstellingen", "Overzicht van het verloop", "Uitwerking",
         "Werkinstrumenten", "Meer weten")
def front_matter(title: str, description: str) -> str:
    title = title.replace('"', "'")
    description = description.replace('"', "'")
    # render_macros: false keeps editors' text away from the template engine of mkdocs-macros
    return f'---\ntitle: "{title}"\ndescription: "{description}"\nrender_macros: false\n---\n\n'


def table_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def module_page(package: Package, module: Module) -> str:
    """The Markdown of a module page with its six parts, in the order of the public contract."""
    page = module_page_path(module)
    deck = relative(page, deck_path(module))
    # 'Module 5: ...' keeps the description of a copied module its own until the editor rewrites it
    out = [front_matter(f"Module {module.number}: {module.title}",
                         f"Module {module.number}: {module.description}")]
    out.append(f"# Module {module.number}: {module.title}\n")
    out.append(f"**Duur:** {module.duration_text} ({module.minutes} minuten) · "
               f"**Stappen:** {len(module.steps)} · "
               f"**Presentatie:** [{module.deck_name}]({deck})\n")
    out.append(version_line(package, module, page))
    out.append(f"[Download de presentatie (.pptx)]({deck}){{ .md-button .md-button--primary }}\n")
    out.append(f"{module.summary}\n")
    out.append(parts_nav())
    out.append(running_title(f"Module {module.number}: {module.title}", package))
    out.append(f"Een woord of afkorting die je niet kent? Wijs het aan voor een korte uitleg, of kijk "
               f"bij [Begrippen]({relative(page, GLOSSARY_PAGE)}).\n")

    out.append(f"## {PARTS[0]}\n")
    out.append(picture_links(demote_headings(module.introduction, 2), module, page))
    out.append(preparation_section(package, module))

    out.append(f"## {PARTS[1]}\n")
    out.append("Na dit overleg:\n")
    out.extend(f"- {o}" for o in module.objectives)
    out.append("")

    out.append(f"## {PARTS[2]}\n")
    out.append(planner_block(module))
    out.append(outline_table(module))

    out.append(f"## {PARTS[3]}\n")
    for number, step in enumerate(module.steps, start=1):
        end = step.start + step.minutes
        out.append(f"### Stap {number}: {step.title} ({step.minutes} min) {{ #{step_anchor(step.id)} }}\n")
        facts = [f"**Tijd:** {format_clock(step.start)}–{format_clock(end)}",
                 f"**Werkvorm:** {step.method}"]
        if step.materials:
            facts.append(f"**Materiaal:** {', '.join(step.materials)}")
        out.append(" · ".join(facts) + "\n")
        if step.timeline:
            out.append("**Verloop van de stap:**\n")
            out.extend(f"- {line}" for line in step.timeline_lines)
            out.append("")
        out.append(picture_links(demote_headings(step.facilitation, 3), module, page))
        statements = [s for s in step.slides if s.kind == "stelling" and s.notes]
        if statements:
            # the background per statement is on the page too: it stands alone on paper
            out.append("#### De stellingen en hun achtergrond\n")
            for slide in statements:
                out.append(f"**{slide.title}: {' '.join(slide.text.split())}**\n")
                out.append(f"{slide.notes}\n")
        if step.slides:
            titles = ", ".join(f"'{s.title}'" for s in step.slides)
            word = "Dia" if len(step.slides) == 1 else "Dia's"
            out.append(f"*{word} in de presentatie: {titles}.*\n")

    out.append(f"## {PARTS[4]}\n")
    out.append("Elk werkblad staat op een eigen pagina. Open het en druk het af "
               "(in je browser: Afdrukken of Ctrl+P). Wil je het op je computer invullen of "
               "aanpassen? Download dan het Word-bestand (.docx).\n")
    for sheet in module.worksheets:
        out.append(f"- [{sheet.title}]({relative(page, worksheet_page_path(module, sheet))}) · "
                   f"[Word-bestand (.docx)]({relative(page, worksheet_docx_path(module, sheet))})")
    out.append(f"- [Deelnemersblad]({relative(page, handout_page_path(module))}): doelstellingen, agenda, "
               "cijfers en vragen op één blad, voor elke deelnemer · "
               f"[Word-bestand (.docx)]({relative(page, handout_docx_path(module))})")
    out.append(f"- [Presentatie bij deze module ({module.deck_name})]({deck}): "
               "vul de gele velden in met de gegevens van je gemeente.\n")

    out.append(f"## {PARTS[5]}\n")
    if module.further_reading:
        out.append(picture_links(demote_headings(module.further_reading, 2), module, page))
    out.append("### Bronnen\n")
    out.extend(f"- {source_line(s)}" for s in module.sources)
    out.append("")
    return "\n".join(out)


def parts_nav() -> str:
    """Links to the six parts near the top of a module page, shown on a phone (extra.css):
    Material hides its table of contents on a small screen, and a module page is long."""
    links = "\n".join(f'<li><a href="#{_slug(part)}">{part}</a></li>' for part in PARTS)
    return (f'<nav class="delen-nav" aria-label="Delen van deze module" data-search-exclude>\n'
            f'<p>Spring naar een deel</p>\n<ul>\n{links}\n</ul>\n</nav>\n')


def running_title(title: str, package: Package) -> str:
    """The title at the top of every printed page (extra.css: fixed in print, hidden on screen)."""
    text = html.escape(f"{title} · {package.title}")
    return f'<div class="lopende-titel" aria-hidden="true" data-search-exclude>{text}</div>\n'


def _slug(text: str) -> str:
    """The anchor MkDocs gives a heading ('Meer weten' -> 'meer-weten')."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def version_line(package: Package, module: Module, page: str) -> str:
    """Which edition of the guide this is and when the module last changed."""
    line = f"**Editie van de gids:** {package.edition_text.removeprefix('editie ')}"
    if module.last_change is not None:
        line += f" · **Laatst gewijzigd:** {module.last_change.text}"
    return line + f" · [Wat is er nieuw?]({relative(page, WHATS_NEW)})\n"


def step_anchor(step_id: str) -> str:
    return f"stap-{step_id}"


def outline_table(module: Module) -> str:
    rows = ["| Tijd | Stap | Minuten | Werkvorm | Materiaal |", "| --- | --- | ---: | --- | --- |"]
    for number, step in enumerate(module.steps, start=1):
        span = f"{format_clock(step.start)}–{format_clock(step.start + step.minutes)}"
        rows.append(f"| {span} | [{number}. {table_cell(step.title)}](#{step_anchor(step.id)}) | "
                    f"{step.minutes} | {table_cell(step.method)} | {table_cell(', '.join(step.materials)) or '–'} |")
    rows.append(f"| | **Totaal** | **{module.minutes}** | | |")
    return "\n".join(rows) + "\n"


def source_line(source) -> str:
    text = f"**{source.organisation}**, *{source.title}*"
    if source.year:
        text += f" ({source.year})"
    text += "."
    if source.site:
        shown = source.site.removeprefix("https://").rstrip("/")
        text += f" [{shown}]({source.site})"
    if source.note:
        text += f" {source.note}"
    return text


# 'liggend: true': extra.css prints the page of the worksheet on A4 turned a quarter (@page liggend)
LANDSCAPE_MARK = '<div class="liggend-afdrukken" hidden></div>\n'
# every worksheet: extra.css prints it with the tighter spacing of the Word worksheet's paragraphs
WORKSHEET_MARK = '<div class="werkblad-afdrukken" hidden></div>\n'


def worksheet_page(package: Package, module: Module, sheet: Worksheet) -> str:
    """A worksheet on its own page, ready to print; directives become tables to fill in."""
    page = worksheet_page_path(module, sheet)
    out = [front_matter(f"{sheet.title} (werkblad, module {module.number})", sheet_description(sheet, module))]
    out.append(f"# Werkblad: {sheet.title}\n")
    out.append(running_title(f"Werkblad: {sheet.title} (module {module.number})", package))
    out.append(WORKSHEET_MARK)
    if sheet.landscape:
        out.append(LANDSCAPE_MARK)
    back = relative(page, module_page_path(module))
    out.append(f"Bij [module {module.number}: {module.title}]({back}#werkinstrumenten) · "
               f"{package.title}, {package.edition_text}\n")
    docx = relative(page, worksheet_docx_path(module, sheet))
    out.append(f"Wil je het op je computer invullen of aanpassen? "
               f"[Download het Word-bestand (.docx)]({docx}){{ .md-button }}\n{{: .screen-only }}\n")
    body = without_field_marks(expand_directives(demote_headings(sheet.body, 1), package, module))
    out.append(picture_links(body, module, page))
    return "\n".join(out)


def picture_links(text: str, module: Module, page: str) -> str:
    """Every `![alt](beelden/x.png)` of the module's Markdown, linked from page to where the build
    puts the picture (render/paths.picture_path), so it shows on every page made from the text."""
    pictures = {p.link: p for p in module.pictures}
    if not pictures or "](" not in text:
        return text

    def fix(match) -> str:
        target = match.group(2).strip("<> ")
        picture = pictures.get(target)
        if picture is None:
            return match.group(0)
        start, end = match.span(2)
        whole = match.group(0)
        offset = match.start()
        linked = whole[:start - offset] + relative(page, picture_path(module, picture)) + whole[end - offset:]
        if text[match.end():match.end() + 1] == "{" or text[match.end():match.end() + 2] == " {":
            return linked  # the editor gave attributes of their own
        # the picture's room is reserved while it loads; a picture lower on the page loads when
        # the reader gets there
        size = f'width="{picture.width}" height="{picture.height}" ' if picture.width and picture.height else ""
        return linked + f'{{ {size}loading="lazy" }}'

    return IMAGE.sub(fix, text)


def sheet_description(sheet: Worksheet, module: Module, limit: int = 150) -> str:
    """The worksheet's own opening sentences (as many as fit in limit), then which module it serves."""
    first = to_plain_text(sheet.body).split("\n\n")[0].replace("\n", " ")
    text = ""
    for sentence in re.findall(r"[^.!?]+[.!?]+", first):
        if text and len(text) + len(sentence) > limit:
            break
        text += sentence
    title = module.title if module.title.endswith(("?", "!", ".")) else module.title + "."
    tail = f"Werkblad bij module {module.number}: {title}"
    return f"{text.strip()} {tail}" if text.strip() else f"Werkblad '{sheet.title}'. {tail}"


# [[nieuwe-pagina]]: what follows starts on a new sheet of paper (extra.css; a page break in Word)
NEW_PAGE = '<div class="nieuwe-pagina" aria-hidden="true"></div>'
# [[voor-de-voorzitter]]: the chair's part (the key, the answers) on a sheet of its own, with a title
# that says so; render/worksheet.py gives the paragraph a page break in Word
CHAIR_NOTE = ('<p class="voor-de-voorzitter"><strong>Alleen voor de voorzitter.</strong> '
              'Deel dit blad niet uit aan de deelnemers.</p>')


def expand_directives(text: str, package: Package, module: Module) -> str:
    lines = []
    for line in text.splitlines():
        match = DIRECTIVE.match(line)
        if match and match.group(1) == "cijfertabel":
            lines.append(figure_table(module))
        elif match and match.group(1) == "invulvelden":
            lines.append(field_table(package.title_fields + module.fields))
        elif match and match.group(1) == "nieuwe-pagina":
            lines.extend(("", NEW_PAGE, ""))
        elif match and match.group(1) == "voor-de-voorzitter":
            lines.extend(("", CHAIR_NOTE, ""))
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def figure_table(module: Module) -> str:
    """The figures beside an empty municipal column; each of its cells is the place of the
    figure's field ({veld:cijfer-id}), which the Word worksheet records for the filled download."""
    rows = ["", "| Cijfer | Vlaanderen | Jaar en bron | Onze gemeente |", "| --- | --- | --- | --- |"]
    rows.extend(f"| {table_cell(f.label)} | {f.flanders_text} | {f.year}, {table_cell(f.source)} | "
                f"{{veld:{figure_field(f).id}}} |" for f in module.figures)
    return "\n".join(rows) + "\n"


def field_table(fields: tuple[FillInField, ...]) -> str:
    rows = ["", "| Gegeven | Ingevuld |", "| --- | --- |"]
    rows.extend(f"| {table_cell(f.label)} | {{veld:{f.id}}} |" for f in fields)
    return "\n".join(rows) + "\n"


def without_field_marks(text: str) -> str:
    """A worksheet's text for its page: each {veld:id} is room to write, so it shows nothing."""
    return FIELD_PLACEHOLDER.sub("", text)


def module_overview(package: Package, from_page: str, level: int = 2) -> str:
    """The four (or more) modules with duration, content and when to choose each."""
    out = []
    for module in package.modules:
        link = relative(from_page, module_page_path(module))
        out.append(f"{'#' * level} {module.number}. [{module.title}]({link})\n")
        out.append(f"**Duur:** {module.duration_text}\n")
        out.append(f"**Inhoud:** {module.summary}\n")
        out.append(f"**Wanneer kies je deze module?** {module.when_to_choose}\n")
    return "\n".join(out)


def modules_index(package: Package) -> str:
    page = MODULES_INDEX
    out = [front_matter("Modules", f"De {len(package.modules)} modules van {package.title}: "
                                    "duur, inhoud en wanneer je elke module kiest.")]
    out.append("# Modules\n")
    out.append("Start altijd met module 1. Kies daarna de module die past bij wat je netwerk nodig "
               "heeft. Elke module heeft zes delen en een presentatie die je aanvult met de "
               "gegevens van je gemeente.\n")
    out.append(module_overview(package, page))
    return "\n".join(out)


def whats_new_page(package: Package) -> str:
    """'Wat is er nieuw': every version of the guide with what changed, from content/wijzigingen.yml."""
    page = WHATS_NEW
    out = [front_matter("Wat is er nieuw", f"De versies van {package.title}: wat er veranderde en "
                                            "welke modules. Is je download nog actueel?")]
    out.append("# Wat is er nieuw\n")
    out.append(f"Dit is de **{package.edition_text}** van de gids (technisch: versie "
               f"{package.version}). Heb je vroeger een presentatie, een werkblad of het offline "
               "pakket gedownload? Kijk dan welke editie erop staat: op de eerste dia van de "
               "presentatie, op het werkblad of in het bestand LEESMIJ.txt van het offline pakket. "
               "Staat hieronder een uitgave met een latere datum die jouw module noemt? Download dan "
               "opnieuw.\n")
    if package.address:
        out.append(f"De nieuwste editie staat altijd online op "
                   f"[{package.address.removeprefix('https://').rstrip('/')}]({package.address}).\n")
    modules = {m.slug: m for m in package.modules}
    for release in package.releases:
        out.append(f"## Versie {release.version} ({format_date(release.date)})\n")
        out.append(f"{release.summary}\n")
        out.extend(f"- {change}" for change in release.changes)
        out.append("")
        changed = [modules[slug] for slug in release.modules if slug in modules]
        if changed:
            links = ", ".join(f"[module {m.number}: {m.title}]({relative(page, module_page_path(m))})"
                              for m in sorted(changed, key=lambda m: m.number))
            out.append(f"**Nieuwe of gewijzigde modules:** {links}.\n")
        else:
            out.append("**Nieuwe of gewijzigde modules:** geen.\n")
    return "\n".join(out)
