"""The chairs' tools made from content: glossary, self-check, preparation checklist, planner data."""

from __future__ import annotations

import html
import json
import re

import pytest
from helpers import ROOT

from childcare_guide.content.glossary import load_glossary
from childcare_guide.content.selfcheck import load_selfcheck, route
from childcare_guide.render.deck import field_places
from childcare_guide.render.glossary_page import glossary_page
from childcare_guide.render.pages import PARTS, module_page
from childcare_guide.render.planner import planner_block
from childcare_guide.render.preparation import checklist, checklist_page, materials, preparation_section
from childcare_guide.render.selfcheck_page import selfcheck_page

REQUIRED_TERMS = ("LOK", "Opgroeien", "inkomenstarief", "individueel verminderd tarief",
                  "voorrangsregels", "kansarmoede-index", "toeleider", "Huis van het Kind",
                  "lokaal loket kinderopvang", "OCMW", "CAW", "CKG", "VDAB", "sociale functie",
                  # issue 19: used in the modules without an entry until then
                  "VAPH", "inloopteam", "sociaal huis", "vereniging waar armen het woord nemen",
                  "verenigingen waar armen het woord nemen", "VBJK", "DECET", "HIVA", "SWVG")
# Capitals that are not the guide's own terms: a university's name, everyday words of computers
# and paper, a file name (README), and the answers of the statement game written in capitals.
NOT_TERMS = {"KU", "USB", "PDF", "A3", "A4", "NIET", "AKKOORD", "TWIJFEL", "README"}
ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9]+\b")


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT)


@pytest.fixture(scope="module")
def selfcheck(package):
    return load_selfcheck(ROOT, package)


# -- glossary ---------------------------------------------------------------------------------

def test_glossary_explains_the_terms_of_the_issue(glossary):
    explanations = glossary.explanations()
    for term in REQUIRED_TERMS:
        assert len(explanations.get(term, "")) >= 40, term
    assert explanations["Lokaal Overleg Kinderopvang"] == explanations["LOK"]
    assert "Kind en Gezin" in explanations["Opgroeien"]


def test_every_abbreviation_in_the_guide_has_an_entry(glossary):
    """Every word in capitals that the chair reads (content/ and docs/, not the editors' README)
    is a term of the glossary, or the first part of one ('VLAS' of 'VLAS-Studies')."""
    spellings = set(glossary.explanations())
    words = {word for spelling in spellings for word in re.split(r"[\s-]+", spelling)}
    files = [p for p in [*(ROOT / "content").rglob("*"), *(ROOT / "docs").rglob("*.md")]
             if p.suffix in (".md", ".yml") and p.name != "README.md"]
    missing = {}
    for path in files:
        for word in ABBREVIATION.findall(path.read_text(encoding="utf-8")):
            if word not in words and word not in NOT_TERMS:
                missing.setdefault(word, path.relative_to(ROOT).as_posix())
    assert not missing, f"afkortingen zonder uitleg in content/begrippen.yml: {missing}"


def test_glossary_page_lists_every_term_alphabetically_with_an_anchor(glossary):
    page = glossary_page(glossary)
    headings = re.findall(r"^## (.+?) \{ #(begrip-[a-z0-9-]+) \}$", page, flags=re.M)
    assert [h for h, _ in headings] == [t.term for t in glossary.terms]
    assert [h.casefold() for h, _ in headings] == sorted(h.casefold() for h, _ in headings)
    assert len({a for _, a in headings}) == len(headings)
    for term in glossary.terms:
        assert term.explanation in page


# -- self-check -------------------------------------------------------------------------------

def test_every_route_starts_with_module_1(package, selfcheck):
    first = package.modules[0]
    assert first.number == 1 and first.slug == "omgevingsanalyse"
    routes = [c for q in selfcheck.questions for c in q.choices if c.then]
    assert len(routes) == 4  # the four levels of the package
    for choice in routes:
        start, then = route(package, choice)
        assert start is first and first not in then and then


def test_levels_lead_to_the_modules_the_package_recommends(package, selfcheck):
    level = selfcheck.questions[0]
    then = {c.id: [m.slug for m in route(package, c)[1]] for c in level.choices}
    assert then == {"nog-niet": ["sociale-functie"], "ter-sprake": ["sociale-functie"],
                    "acties": ["toegankelijkheid", "samenwerken-met-toeleiders"],
                    "beleid": ["toegankelijkheid", "samenwerken-met-toeleiders"]}


def test_table_question_names_the_four_groups_of_the_package(selfcheck):
    table = next(q for q in selfcheck.questions if q.kind == "aanvinken")
    texts = " ".join(c.text for c in table.choices).lower()
    for group in ("ouders", "armoede", "andere origine", "beperking", "vereniging"):
        assert group in texts


def test_selfcheck_page_holds_every_question_and_advice_without_javascript(package, selfcheck):
    page = selfcheck_page(package, selfcheck)
    for q in selfcheck.questions:
        assert q.question in page
        for c in q.choices:
            assert c.advice in page
            assert f'data-keuze="{c.id}"' in page
    assert page.count("{ .zelftest-route }") == 4
    assert "[Module 1: Omgevingsanalyse](modules/omgevingsanalyse/index.md)" in page


# -- preparation checklist --------------------------------------------------------------------

@pytest.mark.parametrize("slug", ["omgevingsanalyse", "sociale-functie",
                                  "samenwerken-met-toeleiders", "toegankelijkheid"])
def test_checklist_holds_every_part_from_the_content(package, slug):
    module = package.module(slug)
    text = checklist(package, module, level=4)
    for f in module.fields:
        assert f"- [ ] **{f.label}.** Waar vind je het? {f.where}" in text
    for figure in module.figures:
        assert f"- [ ] **{figure.label} in je gemeente**" in text and figure.where in text
    for sheet in module.worksheets:
        assert re.search(rf"^- \[ \] (Werkblad )?\[{re.escape(sheet.title)}\]\({sheet.id}\.md\)$", text, re.M)
    assert module.invite, "elke module zegt wie je uitnodigt"
    for who in module.invite:
        assert f"- [ ] {who}" in text
    for item, _ in materials(module):
        assert f"- [ ] {item} (stap" in text


def test_checklist_names_the_deck_slides_exactly_as_the_deck_does(package):
    module = package.module("sociale-functie")
    text = checklist(package, module, level=4)
    places = field_places(package, module)
    assert places
    for place in places:
        slides = ", ".join(f"dia {n} ('{t}')" for n, t in place.slides)
        assert f"- [ ] **{place.field.label}**: {slides}" in text


def test_materials_leave_out_the_deck_and_the_worksheets(package):
    module = package.module("omgevingsanalyse")
    names = [item for item, _ in materials(module)]
    assert "Presentatie" not in names
    assert not [n for n in names if n.lower().startswith(("gemeentelijke fiche", "werkblad groepswerk"))]
    assert ("Naamkaartjes", [1]) in materials(module)
    assert ("Drie grote vellen papier", [5, 6]) in materials(module)  # also 'De drie grote ...'
    assert "De drie grote vellen papier" not in names


def test_checklist_sits_inside_the_introduction_without_a_new_part(package):
    for module in package.modules:
        page = module_page(package, module)
        assert re.findall(r"^## (.+)$", page, flags=re.M) == list(PARTS)
        intro = page.split("## Inleiding\n", 1)[1].split("## Doelstellingen\n", 1)[0]
        assert preparation_section(package, module) in intro
        assert "(voorbereiding.md)" in intro


def test_checklist_page_stands_alone_to_print(package):
    module = package.module("toegankelijkheid")
    page = checklist_page(package, module)
    assert "# Voorbereiding: Toegankelijkheid" in page
    assert "(index.md#voorbereiding)" in page
    assert page.count("- [ ] ") == checklist(package, module, level=2).count("- [ ] ")


# -- session planner --------------------------------------------------------------------------

def test_planner_carries_every_step_with_its_minutes(package):
    module = package.module("sociale-functie")
    block = planner_block(module)
    data = re.search(r'data-stappen="([^"]*)"', block).group(1)
    steps = json.loads(html.unescape(data))
    assert [s["titel"] for s in steps] == [s.title for s in module.steps]
    assert sum(s["minuten"] for s in steps) == module.minutes
    assert 'data-titel="Module 2: Wat is de sociale functie van kinderopvang?"' in block


def test_planner_sits_before_the_outline_table(package):
    page = module_page(package, package.module("omgevingsanalyse"))
    outline = page.split("## Overzicht van het verloop\n", 1)[1]
    assert outline.lstrip().startswith('<div class="sessieplanner"')
    assert "| 0:00–0:10 |" in outline  # the relative times stay for readers without JavaScript


def test_glossary_terms_stay_out_of_the_decks(package, glossary):
    """The explanations live in the site's Markdown only; a deck's text is the content as written."""
    import io
    import zipfile

    from childcare_guide.render.deck import build_deck

    module = package.module("omgevingsanalyse")
    with zipfile.ZipFile(io.BytesIO(build_deck(package, module))) as deck:
        xml = b"".join(deck.read(n) for n in deck.namelist() if n.endswith(".xml"))
    assert b"LOK" in xml
    assert b"abbr" not in xml and b"*[" not in xml
    assert glossary.explanations()["LOK"].encode() not in xml
