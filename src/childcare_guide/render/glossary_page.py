"""The glossary page 'Begrippen': every term with its explanation, in alphabetical order."""

from __future__ import annotations

from childcare_guide.content.glossary import Glossary
from childcare_guide.render.paths import GLOSSARY_PAGE

PAGE = GLOSSARY_PAGE


def glossary_page(glossary: Glossary) -> str:
    """The page that lists every term with its explanation, in alphabetical order."""
    out = ['---\ntitle: "Begrippen"\ndescription: "De woorden en afkortingen uit de gids, '
           'kort uitgelegd in klare taal."\nrender_macros: false\n---\n',
           "# Begrippen\n"]
    if glossary.introduction:
        out.append(glossary.introduction + "\n")
    for term in glossary.terms:
        out.append(f"## {term.term} {{ #{term.anchor} }}\n")
        out.append(term.explanation + "\n")
        if term.variants:
            out.append("*Ook: " + ", ".join(term.variants) + ".*\n")
    return "\n".join(out)

