"""The self-check page 'Waar staan we?': complete without JavaScript, with markup that
docs/javascripts/chairs.js turns into an interactive form."""

from __future__ import annotations

import html

from childcare_guide.content.model import Module, Package
from childcare_guide.content.selfcheck import TICK, Choice, SelfCheck, route
from childcare_guide.render.paths import module_page_path, relative

PAGE = "waar-staan-we.md"


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
                # the situation the chair recognises, then the advice: no quoted template opener
                out.append(f"**{c.text}** {c.advice}\n")
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
