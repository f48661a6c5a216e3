"""The glossary ('Begrippen'): its terms from one content file, and the explanations that the
abbr extension shows when a chair points at a term on any page. The page is made in
childcare_guide.render.glossary_page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from childcare_guide.content.chair_files import check_text, read_content_file
from childcare_guide.content.errors import ContentError, ContentProblem
from childcare_guide.content.yamlsource import dotted

FILE = "begrippen.yml"
SCHEMA = "begrippen.schema.json"


@dataclass(frozen=True)
class Term:
    term: str
    explanation: str
    variants: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return "begrip-" + "".join(c if c.isalnum() else "-" for c in self.term.lower()).strip("-")


@dataclass(frozen=True)
class Glossary:
    introduction: str
    terms: tuple[Term, ...]

    def explanations(self) -> dict[str, str]:
        """Every spelling of every term with its explanation: the abbr extension's glossary."""
        out: dict[str, str] = {}
        for term in self.terms:
            for spelling in (term.term, *term.variants):
                out[spelling] = term.explanation
        return out


def load_glossary(root: Path) -> Glossary:
    """Read and check content/begrippen.yml; raise ContentError with every problem."""
    doc, shown, problems = read_content_file(root, FILE, SCHEMA)
    data = doc.data
    terms = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data["begrippen"]):
        explanation = " ".join(raw["uitleg"].split())
        term = Term(raw["term"].strip(), explanation, tuple(v.strip() for v in raw.get("ook", [])))
        for key, spelling in [("term", term.term)] + [(("ook", i), v) for i, v in enumerate(term.variants)]:
            path = ("begrippen", index) + (key if isinstance(key, tuple) else (key,))
            if spelling in seen:
                problems.append(ContentProblem(
                    shown, doc.line(path), dotted(path),
                    f"'{spelling}' staat al bij begrip {seen[spelling]}.",
                    "Elk woord krijgt één uitleg: verwijder het hier of voeg de uitleg samen."))
            seen.setdefault(spelling, index + 1)
            if spelling != spelling.strip() or any(c in spelling for c in "[]*|<>"):
                problems.append(ContentProblem(
                    shown, doc.line(path), dotted(path),
                    f"'{spelling}' bevat een teken dat niet in een begrip mag.",
                    "Gebruik alleen letters, cijfers, spaties, koppeltekens en apostrofs."))
        if any(mark in explanation for mark in ("**", "](", "`", "<")):
            problems.append(ContentProblem(
                shown, doc.line(("begrippen", index, "uitleg")),
                dotted(("begrippen", index, "uitleg")),
                "De uitleg bevat opmaak (vet, een link, code of HTML).",
                "Schrijf gewone tekst: de uitleg verschijnt ook als klein kader bij het woord."))
        terms.append(term)
    if "inleiding" in data:
        check_text(doc, ("inleiding",), shown, data["inleiding"], problems)
    if problems:
        raise ContentError(problems)
    ordered = tuple(sorted(terms, key=lambda t: t.term.casefold()))
    return Glossary(introduction=data.get("inleiding", "").strip(), terms=ordered)
