"""The self-check 'Waar staan we?': its questions, choices and routes, loaded from one content file.

The page is made in childcare_guide.render.selfcheck_page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from childcare_guide.content.chair_files import check_text, read_content_file
from childcare_guide.content.errors import ContentError, ContentProblem
from childcare_guide.content.model import Module, Package
from childcare_guide.content.yamlsource import dotted

FILE = "zelftest.yml"
SCHEMA = "zelftest.schema.json"
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
