"""The self-check 'Waar staan we?': questions from one content file, a page that is complete
without JavaScript, and markup that docs/javascripts/chairs.js turns into an interactive form."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from .chair_content import check_text, read_content_file
from .errors import ContentError, ContentProblem
from .model import Module, Package
from .pages import module_page_path, relative
from .yamlsource import dotted

FILE = "zelftest.yml"
SCHEMA = "zelftest.schema.json"
PAGE = "waar-staan-we.md"
ONE = "een-keuze"
TICK = "aanvinken"


@dataclass(frozen=True)
class Choice:
    id: str
    text: str
    advice: str
    then: tuple[str, ...] = ()  # module slugs after module 1; more than one means: pick one


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    explanation: str
    kind: str
    choices: tuple[Choice, ...]
    all_ticked: str = ""


@dataclass(frozen=True)
class SelfCheck:
    title: str
    description: str
    introduction: str
    questions: tuple[Question, ...]
    closing: str


def load_selfcheck(root: Path, package: Package) -> SelfCheck:
    """Read and check content/zelftest.yml against the modules; raise ContentError if wrong."""
    doc, shown, problems = read_content_file(root, FILE, SCHEMA)
    data = doc.data
    first = package.modules[0]
    slugs = {m.slug for m in package.modules}

    def problem(path: tuple, message: str, fix: str) -> None:
        problems.append(ContentProblem(shown, doc.line(path), dotted(path), message, fix))

    for key in ("inleiding", "slot"):
        if key in data:
            check_text(doc, (key,), shown, data[key], problems)
    questions = []
    seen_questions: set[str] = set()
    for q_index, raw in enumerate(data["vragen"]):
        q_path = ("vragen", q_index)
        if raw["id"] in seen_questions:
            problem(q_path + ("id",), f"De id '{raw['id']}' wordt twee keer gebruikt.",
                    "Geef elke vraag een eigen id.")
        seen_questions.add(raw["id"])
        if raw["soort"] == TICK and "alles-aangevinkt" not in raw:
            problem(q_path, "Een vraag met 'soort: aanvinken' heeft het veld 'alles-aangevinkt' nodig.",
                    "Voeg 'alles-aangevinkt:' toe met het advies als de voorzitter alles aanvinkt.")
        if raw["soort"] == ONE and "alles-aangevinkt" in raw:
            problem(q_path + ("alles-aangevinkt",),
                    "'alles-aangevinkt' hoort alleen bij een vraag met 'soort: aanvinken'.",
                    "Verwijder het veld, of verander de soort in 'aanvinken'.")
        for key in ("uitleg", "alles-aangevinkt"):
            if key in raw:
                check_text(doc, q_path + (key,), shown, raw[key], problems)
        choices = []
        seen_choices: set[str] = set()
        for c_index, c in enumerate(raw["keuzes"]):
            c_path = q_path + ("keuzes", c_index)
            if c["id"] in seen_choices:
                problem(c_path + ("id",), f"De id '{c['id']}' wordt twee keer gebruikt.",
                        "Geef elk antwoord van deze vraag een eigen id.")
            seen_choices.add(c["id"])
            check_text(doc, c_path + ("advies",), shown, c["advies"], problems)
            then = tuple(c.get("daarna", ()))
            if then and raw["soort"] != ONE:
                problem(c_path + ("daarna",),
                        "'daarna' hoort alleen bij een vraag met 'soort: een-keuze'.",
                        "Verwijder 'daarna' hier, of zet de modules bij een vraag met één antwoord.")
            for s_index, slug in enumerate(then):
                if slug == first.slug:
                    problem(c_path + ("daarna", s_index),
                            f"Module '{slug}' komt altijd als eerste; zet ze niet bij 'daarna'.",
                            "Noem bij 'daarna' alleen de modules die na module "
                            f"{first.number} komen.")
                elif slug not in slugs:
                    known = ", ".join(m.slug for m in package.modules[1:])
                    problem(c_path + ("daarna", s_index), f"De module '{slug}' bestaat niet.",
                            f"Kies een van deze: {known}.")
            choices.append(Choice(c["id"], c["tekst"].strip(), _flat(c["advies"]), then))
        questions.append(Question(raw["id"], raw["vraag"].strip(), _flat(raw.get("uitleg", "")),
                                  raw["soort"], tuple(choices), _flat(raw.get("alles-aangevinkt", ""))))
    if problems:
        raise ContentError(problems)
    return SelfCheck(title=data["titel"].strip(), description=_flat(data["beschrijving"]),
                     introduction=data["inleiding"].strip(), questions=tuple(questions),
                     closing=data.get("slot", "").strip())


def _flat(text: str) -> str:
    return " ".join(text.split())


def route(package: Package, choice: Choice) -> tuple[Module, tuple[Module, ...]]:
    """Module 1 first, then the modules of the choice (alternatives: the chair picks one)."""
    return package.modules[0], tuple(m for s in choice.then if (m := package.module(s)))


def _module_link(module: Module) -> str:
    return f"[Module {module.number}: {module.title}]({relative(PAGE, module_page_path(module))})"


def route_text(package: Package, choice: Choice) -> str:
    first, then = route(package, choice)
    text = f"**Jullie route:** start met {_module_link(first)}"
    if then:
        text += ". Kies daarna " + " of ".join(_module_link(m) for m in then)
    return text + "."


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def selfcheck_page(package: Package, check: SelfCheck) -> str:
    """The page: the interactive form (filled in by chairs.js) and the full text without it."""
    first = package.modules[0]
    out = [f'---\ntitle: "{check.title}"\ndescription: "{check.description.replace(chr(34), "")}"\n'
           "render_macros: false\n---\n", f"# {check.title}\n", check.introduction + "\n"]
    out.append('<div class="zelftest" data-zelftest markdown>\n')
    out.append("Lees hieronder per vraag elk antwoord met ons advies. Zet je JavaScript aan in je "
               "browser? Dan kies je hier je antwoorden en zie je meteen je advies en je route "
               f"door de modules, altijd te beginnen met {_module_link(first)}.\n")
    out.append("</div>\n")
    out.append("## Alle vragen en adviezen\n")
    for number, q in enumerate(check.questions, start=1):
        out.append(f"### Vraag {number}: {q.question} {{ #vraag-{q.id} }}\n")
        if q.explanation:
            out.append(q.explanation + "\n")
        out.append(f'<div class="zelftest-vraag" data-vraag="{q.id}" data-soort="{q.kind}" '
                   f'data-tekst="{_attr(q.question)}" data-uitleg="{_attr(q.explanation)}" markdown>\n')
        for c in q.choices:
            out.append(f'<div class="zelftest-keuze" data-keuze="{c.id}" '
                       f'data-tekst="{_attr(c.text)}" markdown>\n')
            if q.kind == TICK:
                out.append(f"**Nog niet aan tafel: {c.text}?** {c.advice}\n")
            else:
                out.append(f"**Als je antwoordt: '{c.text}'** {c.advice}\n")
                if c.then:
                    out.append(route_text(package, c) + "\n{ .zelftest-route }\n")
            out.append("</div>\n")
        if q.kind == TICK:
            out.append('<div class="zelftest-keuze" data-alles markdown>\n')
            out.append(f"**Zit iedereen al aan tafel?** {q.all_ticked}\n")
            out.append("</div>\n")
        out.append("</div>\n")
    if check.closing:
        out.append(check.closing + "\n")
    return "\n".join(out)
