"""Golden tests: the exact Dutch text an editor sees for mistakes in the chairs' content files
(content/begrippen.yml, content/zelftest.yml and 'uitnodigen' in module.yml)."""

from __future__ import annotations

import pytest
import yaml
from content_edits import YML, line_of, read, replace, sheet_no, write
from helpers import run_python

from childcare_guide.content.chair_pages import load_chair_pages
from childcare_guide.content.errors import ContentError
from childcare_guide.content.loader import load_package

GLOSSARY = "content/begrippen.yml"
SELFCHECK = "content/zelftest.yml"


def term_no(root, term: str) -> int:
    """Position (from 1, as in the field names) of a term in content/begrippen.yml."""
    terms = [entry["term"] for entry in yaml.safe_load(read(root, GLOSSARY))["begrippen"]]
    return terms.index(term) + 1


def chair_problems(root) -> list[str]:
    package = load_package(root)
    with pytest.raises(ContentError) as caught:
        load_chair_pages(root, package)
    return [str(p) for p in caught.value.problems]


def test_the_copied_chair_content_is_valid(project):
    glossary, selfcheck = load_chair_pages(project, load_package(project))
    assert glossary.terms and selfcheck.questions


# -- content/begrippen.yml ------------------------------------------------------------------

def test_glossary_term_twice(project):
    number, first = term_no(project, "CAW"), term_no(project, "OCMW")
    line = replace(project, GLOSSARY, "  - term: CAW\n", "  - term: OCMW\n")
    assert chair_problems(project) == [
        f"{GLOSSARY}, regel {line} (veld 'begrippen › {number} › term'): 'OCMW' staat al bij "
        f"begrip {first}. Elk woord krijgt één uitleg: verwijder het hier of voeg de uitleg samen."]


def test_glossary_explanation_with_markup(project):
    line = line_of(read(project, GLOSSARY), "uitleg:", "  - term: CKG")
    replace(project, GLOSSARY, "Centrum voor Kinderzorg", "**Centrum** voor Kinderzorg")
    number = term_no(project, "CKG")
    assert chair_problems(project) == [
        f"{GLOSSARY}, regel {line} (veld 'begrippen › {number} › uitleg'): De uitleg bevat opmaak "
        "(vet, een link, code of HTML). Schrijf gewone tekst: de uitleg verschijnt ook als klein "
        "kader bij het woord."]


def test_glossary_unknown_field_suggests_the_right_one(project):
    number = term_no(project, "VDAB")
    line = replace(project, GLOSSARY, "  - term: VDAB\n    uitleg:", "  - term: VDAB\n    uitlg:")
    found = chair_problems(project)
    assert found == [
        f"{GLOSSARY}, regel {line} (veld 'begrippen › {number} › uitleg'): Het verplichte veld 'uitleg' "
        f"ontbreekt. Voeg 'uitleg:' toe — De uitleg in klare taal: één tot drie korte zinnen, "
        "zonder opmaak (hoogstens 300 tekens). Die tekst verschijnt ook als je naar het woord wijst.",
        f"{GLOSSARY}, regel {line + 1} (veld 'begrippen › {number} › uitlg'): Het veld 'uitlg' is "
        "onbekend. Bedoel je 'uitleg'?"]


def test_glossary_file_missing(project):
    (project / GLOSSARY).unlink()
    assert chair_problems(project) == [
        f"{GLOSSARY}: Het bestand {GLOSSARY} ontbreekt. Zet {GLOSSARY} terug; de velden staan "
        "beschreven in schemas/begrippen.schema.json."]


# -- content/zelftest.yml -------------------------------------------------------------------

def test_selfcheck_route_to_an_unknown_module(project, package):
    line = replace(project, SELFCHECK, "daarna: [sociale-functie]", "daarna: [sociale-functies]")
    after_module_1 = ", ".join(m.slug for m in package.modules[1:])  # sociale-functie, samenwerken-...
    assert chair_problems(project) == [
        f"{SELFCHECK}, regel {line} (veld 'vragen › 1 › keuzes › 1 › daarna › 1'): De module "
        f"'sociale-functies' bestaat niet. Kies een van deze: {after_module_1}."]


def test_selfcheck_route_names_module_1(project):
    line = replace(project, SELFCHECK, "daarna: [sociale-functie]", "daarna: [omgevingsanalyse, sociale-functie]")
    assert chair_problems(project) == [
        f"{SELFCHECK}, regel {line} (veld 'vragen › 1 › keuzes › 1 › daarna › 1'): Module "
        "'omgevingsanalyse' komt altijd als eerste; zet ze niet bij 'daarna'. Noem bij 'daarna' "
        "alleen de modules die na module 1 komen."]


def test_selfcheck_tick_question_without_advice_for_all_ticked(project):
    text = read(project, SELFCHECK)
    start = text.index("    alles-aangevinkt:")
    end = text.index("  - id: ervaring")
    write(project, SELFCHECK, text[:start] + text[end:])
    line = line_of(text, "  - id: aan-tafel")
    assert chair_problems(project) == [
        f"{SELFCHECK}, regel {line} (veld 'vragen › 2'): Een vraag met 'soort: aanvinken' heeft "
        "het veld 'alles-aangevinkt' nodig. Voeg 'alles-aangevinkt:' toe met het advies als de "
        "voorzitter alles aanvinkt."]


def test_selfcheck_unknown_kind(project):
    line = replace(project, SELFCHECK, "soort: een-keuze", "soort: één keuze")
    assert chair_problems(project) == [
        f"{SELFCHECK}, regel {line} (veld 'vragen › 1 › soort'): 'één keuze' is geen toegelaten "
        "waarde. Kies een van deze waarden: 'een-keuze', 'aanvinken'."]


def test_selfcheck_script_in_advice(project):
    line = line_of(read(project, SELFCHECK), "advies:", "      - id: genoeg")
    replace(project, SELFCHECK, "Neem toch genoeg tijd", "<script>alert(1)</script> Neem toch genoeg tijd")
    assert chair_problems(project) == [
        f"{SELFCHECK}, regel {line} (veld 'vragen › 4 › keuzes › 1 › advies'): De tekst bevat een "
        "<script>-blok. Verwijder het: de gids voert geen eigen scripts uit de inhoud uit."]


def test_glossary_and_selfcheck_mistakes_are_reported_together(project):
    replace(project, SELFCHECK, "soort: een-keuze", "soort: één keuze")
    replace(project, GLOSSARY, "Centrum voor Kinderzorg", "`Centrum` voor Kinderzorg")
    found = chair_problems(project)
    assert [p.split(",")[0] for p in found] == [GLOSSARY, SELFCHECK]


def test_cli_check_reports_chair_content_in_dutch(project):
    line = replace(project, SELFCHECK, "soort: een-keuze", "soort: één keuze")
    result = run_python(["-m", "childcare_guide", "check", "--root", str(project)])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        "De inhoud bevat 1 fout. Verbeter die en probeer opnieuw.\n"
        f"- {SELFCHECK}, regel {line} (veld 'vragen › 1 › soort'): 'één keuze' is geen toegelaten "
        "waarde. Kies een van deze waarden: 'een-keuze', 'aanvinken'.\n")


# -- module.yml: 'uitnodigen' and the reserved id of the checklist page ------------------------

def test_invite_as_text_instead_of_a_list(project):
    text = read(project, YML)
    start = text.index("uitnodigen:\n")
    end = text.index("werkinstrumenten:")
    write(project, YML, text[:start] + "uitnodigen: De leden van het LOK\n" + text[end:])
    line = line_of(read(project, YML), "uitnodigen:")
    with pytest.raises(ContentError) as caught:
        load_package(project)
    assert [str(p) for p in caught.value.problems] == [
        f"{YML}, regel {line} (veld 'uitnodigen'): 'De leden van het LOK' is geen lijst (regels "
        "die met '- ' beginnen). Zet elk element op een eigen regel die begint met '- '."]


def test_worksheet_id_of_the_checklist_page_is_reserved(project):
    number = sheet_no(project, "gemeentelijke-fiche")
    line = replace(project, YML, "  - id: gemeentelijke-fiche", "  - id: voorbereiding")
    mod = YML.rsplit("/", 1)[0]
    (project / mod / "werkinstrumenten" / "gemeentelijke-fiche.md").rename(
        project / mod / "werkinstrumenten" / "voorbereiding.md")
    with pytest.raises(ContentError) as caught:
        load_package(project)
    assert [str(p) for p in caught.value.problems] == [
        f"{YML}, regel {line} (veld 'werkinstrumenten › {number} › id'): De id 'voorbereiding' is "
        "voorbehouden voor de checklist van de module. Kies een andere id en geef het bestand in "
        "werkinstrumenten/ dezelfde naam."]
