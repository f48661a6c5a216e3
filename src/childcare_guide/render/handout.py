"""The participants' one-page handout ('deelnemersblad') of a module: goals, agenda, key figures and
the questions for the group, as a printable page and a Word file made from the same Markdown.

Everything comes from module.yml: the objectives, the steps with their minutes, the figures with year
and source, and the questions of the slides: every 'stelling' and 'vraag', and the points of a slide
marked 'deelnemersblad: true'. The Word file goes through render/worksheet.py, like a worksheet.
"""

from __future__ import annotations

from childcare_guide.content.model import (
    Module,
    Package,
    format_clock,
    split_placeholders,
)
from childcare_guide.render.pages import front_matter, running_title, table_cell
from childcare_guide.render.paths import (
    handout_docx_path,
    handout_page_path,
    module_page_path,
    relative,
)
from childcare_guide.render.worksheet import DocxInputs

KIND = "Deelnemersblad"
BLANK = ". . . . . . . . . . . ."  # a fill-in field of a question
# on the page: extra.css prints it compact, so it fits one sheet of A4
PAGE_MARK = '<div class="deelnemersblad-afdrukken" hidden></div>\n'


def handout_questions(module: Module) -> list[str]:
    """The questions for the group, in the order of the session: each statement and question slide,
    and the points (or tiles) of a slide marked 'deelnemersblad: true'. A fill-in field is a blank to write on:
    the participants know their municipality, and '[Vul in: ...]' is a note for the chair."""
    questions = []
    for step in module.steps:
        for slide in step.slides:
            if slide.kind == "stelling" and slide.text:
                questions.append(f"Stelling: {' '.join(slide.text.split())}")
            elif slide.kind == "vraag" and slide.text:
                questions.append(" ".join(slide.text.split()))
            elif slide.handout:
                for bullet in slide.bullets:
                    questions.append("".join(BLANK if p.field else p.text for p in split_placeholders(bullet)))
                # a diagram of tiles: each tile's word with its line, as the slide shows them
                questions += [f"{tile.heading}. {tile.text}" for tile in slide.tiles]
    return questions


def handout_body(module: Module) -> str:
    """The handout's Markdown (headings from level 2), the same for its page and its Word file."""
    out = ["## Wat we willen bereiken\n"]
    out.extend(f"- {o}" for o in module.objectives)
    out.append("\n## Agenda\n")
    out.append("| tijd | stap |\n| --- | --- |")
    for step in module.steps:
        span = f"{format_clock(step.start)}–{format_clock(step.start + step.minutes)}"
        out.append(f"| {span} | {table_cell(step.title)} ({step.minutes} min) |")
    if module.figures:
        out.append("\n## Cijfers om te onthouden\n")
        out.append("| cijfer | Vlaanderen | jaar en bron |\n| --- | --- | --- |")
        out.extend(f"| {table_cell(f.label)} | {f.flanders_text} | {f.year}, {table_cell(f.source)} |"
                   for f in module.figures)
    questions = handout_questions(module)
    if questions:
        out.append("\n## Vragen voor de groep\n")
        out.extend(f"- {table_cell(q)}" for q in questions)
    return "\n".join(out) + "\n"


def handout_title(module: Module) -> str:
    return f"Module {module.number}: {module.title}"


def handout_page(package: Package, module: Module) -> str:
    """The handout on its own page, to print on one sheet of A4."""
    page = handout_page_path(module)
    title = handout_title(module)
    out = [front_matter(f"{KIND}: {title}", f"{KIND} bij module {module.number}: doelstellingen, agenda, "
                                              "cijfers en vragen op één blad.")]
    out.append(f"# {KIND}: {title}\n")
    out.append(running_title(f"{KIND}: {title}", package))
    out.append(PAGE_MARK)
    back = relative(page, module_page_path(module))
    out.append(f"Bij [module {module.number}: {module.title}]({back}#werkinstrumenten) · "
               f"{package.title}, {package.edition_text}\n")
    docx = relative(page, handout_docx_path(module))
    out.append(f"Druk dit blad af voor elke deelnemer. Wil je het aanpassen? "
               f"[Download het Word-bestand (.docx)]({docx}){{ .md-button }}\n{{: .screen-only }}\n")
    out.append(handout_body(module))
    return "\n".join(out)


def handout_inputs(package: Package, module: Module) -> DocxInputs:
    """What the handout's Word file is made from (its cache key too)."""
    return DocxInputs(package.title, package.version, module.number, module.title, handout_title(module),
                      handout_body(module), package.edition_text, kind=KIND, one_page=True)

