"""The preparation checklist of a module, made from its content: what to collect and where,
what to print, what to bring, whom to invite and which fill-in fields of the deck to complete.

The deck part comes from the deck plan (render/deck/plan.py), the same one the deck is written from, so
the checklist and the deck's own 'Voorbereiding' slide never disagree.
"""

from __future__ import annotations

import re

from childcare_guide.content.model import CHECKLIST_ID, Module, Package
from childcare_guide.render.deck.plan import field_places
from childcare_guide.render.paths import FILL_PAGE, checklist_page_path, relative

SECTION_ANCHOR = "voorbereiding"


def materials(module: Module) -> list[tuple[str, list[int]]]:
    """Every material of the steps once, with the numbers of the steps that use it.

    Worksheets are left out (they are on the print list) and so is the deck itself."""
    sheets = [_slug(s.title) for s in module.worksheets] + [s.id for s in module.worksheets]
    found: dict[str, tuple[str, list[int]]] = {}  # 'De drie grote vellen' = 'Drie grote vellen'
    for number, step in enumerate(module.steps, start=1):
        for item in step.materials:
            name = _slug(item)
            if name == "presentatie" or any(name.startswith(s) for s in sheets):
                continue
            key = re.sub(r"^(de|het|een)-", "", name)
            shown, numbers = found.setdefault(key, (item, []))
            if number not in numbers:
                numbers.append(number)
    return list(found.values())


def fill_page_link(module: Module) -> str:
    """The link to 'Vul je gegevens in' from the module page and from its checklist page (both
    in modules/<slug>/)."""
    return relative(checklist_page_path(module), FILL_PAGE)


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.casefold()))


def _steps_text(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"stap {numbers[0]}"
    return "stappen " + ", ".join(map(str, numbers[:-1])) + f" en {numbers[-1]}"


def _slides_text(slides: tuple[tuple[int, str], ...]) -> str:
    return ", ".join(f"dia {n} ('{title}')" for n, title in slides)


def checklist(package: Package, module: Module, level: int) -> str:
    """The checklist as Markdown task lists under headings of the given level."""
    h = "#" * level
    out: list[str] = []
    if module.fields or module.figures:
        out.append(f"{h} Verzamelen en opzoeken\n")
        for f in module.fields:
            out.append(f"- [ ] **{f.label}.** Waar vind je het? {f.where}")
        for figure in module.figures:
            out.append(f"- [ ] **{figure.label} in je gemeente** (Vlaanderen: {figure.flanders_text}, "
                       f"{figure.year}). Waar vind je het? {figure.where}")
        out.append("")
    out.append(f"{h} Afdrukken\n")
    for sheet in module.worksheets:
        word = "" if sheet.title.casefold().startswith("werkblad") else "Werkblad "
        out.append(f"- [ ] {word}[{sheet.title}]({sheet.id}.md)")
    out.append("")
    stuff = materials(module)
    if stuff:
        out.append(f"{h} Materiaal meebrengen\n")
        out.extend(f"- [ ] {item} ({_steps_text(numbers)})" for item, numbers in stuff)
        out.append("")
    if module.invite:
        out.append(f"{h} Uitnodigen\n")
        out.extend(f"- [ ] {who}" for who in module.invite)
        out.append("")
    out.append(f"{h} Invullen in de presentatie\n")
    out.append(f"In {module.deck_name} staan deze gegevens als gele velden '[Vul in: …]'. "
               f"Typ ze één keer op de pagina [Vul je gegevens in]({fill_page_link(module)}): "
               "daar download je de presentatie met je gegevens erin.\n")
    for place in field_places(package, module):
        out.append(f"- [ ] **{place.field.label}**: {_slides_text(place.slides)}")
    out.append("")
    return "\n".join(out)


def preparation_section(package: Package, module: Module) -> str:
    """The checklist inside the Inleiding part of the module page (h3 and h4, never h2)."""
    return "\n".join([
        f"### Voorbereiding: je checklist {{ #{SECTION_ANCHOR} }}\n",
        "Alles wat je vóór het overleg regelt, op één lijst. Vink af wat klaar is. "
        f"[Open de checklist om af te drukken]({CHECKLIST_ID}.md).\n",
        checklist(package, module, level=4),
    ])


def checklist_page(package: Package, module: Module) -> str:
    """The checklist on its own page, to print and tick off on paper."""
    title = f"Voorbereiding: module {module.number}"
    out = [f'---\ntitle: "{title}: {module.title.replace(chr(34), "")}"\n'
           f'description: "Checklist om module {module.number} voor te bereiden: verzamelen, '
           'afdrukken, materiaal, uitnodigen en de presentatie aanvullen."\n'
           "render_macros: false\n"
           # the same checklist is on the module page, which search already finds
           "search:\n  exclude: true\n---\n",
           f"# Voorbereiding: {module.title}\n",
           f"Checklist bij [module {module.number}: {module.title}](index.md#{SECTION_ANCHOR}) · "
           f"{package.title}\n",
           "Druk deze pagina af (in je browser: Afdrukken of Ctrl+P) en vink af wat klaar is.\n",
           "**Datum van het overleg:** ........................................\n",
           checklist(package, module, level=2)]
    return "\n".join(out)
