"""Golden tests: the exact Dutch text an editor sees for each content mistake.

Every test copies the real content/ to a temporary project, makes one mistake (or a few) and
pins the full text of each problem: file, line, field, message and fix. Line numbers and list
positions are computed from the copied files, so the tests survive ordinary content edits; the
wording is pinned exactly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from content_edits import (
    MOD,
    OTHER,
    YML,
    line_of,
    module_data,
    problems,
    read,
    replace,
    set_line,
    sheet_no,
    slide_no,
    step_no,
    write,
)
from helpers import ROOT, run_python
from PIL import Image

from childcare_guide.content.errors import ContentError
from childcare_guide.content.loader import load_package

ID_FIX = "Gebruik alleen kleine letters, cijfers en koppeltekens, bijvoorbeeld 'cijfers-vlaanderen'."
INDENT_FIX = ("Controleer of deze regel even ver inspringt als de velden ernaast en of elk veld de "
              "vorm 'naam: waarde' heeft.")
NOT_UTF8 = ("Het bestand is niet in UTF-8 opgeslagen: op deze regel staat het eerste teken dat geen UTF-8 "
            "is (vaak een letter met een accent, zoals é). Sla het bestand opnieuw op met de codering "
            "UTF-8 (in je editor: 'Opslaan met codering' en dan 'UTF-8'). Kijk daarna de letters met "
            "accenten op deze regel na.")
SLIDE_TITLE_FIX = "Geef elke dia een eigen titel; zo vinden schermlezers en deelnemers hun weg."


def test_the_copied_content_is_valid(project):
    """Guard: without a mistake the copy loads, so every failure below comes from the mistake."""
    assert load_package(project).modules


# -- YAML syntax: each mistake its own message, at the line where the editor made it -------------

INDENT_FIX = ("Laat deze regel even ver inspringen als de andere velden of punten van dezelfde groep. "
              "Een veld onder een ander veld springt 2 spaties verder in.")
COLON_FIX_TAIL = "Hoort deze regel bij de tekst erboven? Laat hem dan verder inspringen dan de naam van dat veld."
QUOTE_FIX = "Zet aan het einde van de tekst hetzelfde aanhalingsteken ({q}), op dezelfde regel."
APOSTROPHE_FIX = (" Staat er een apostrof in de tekst (zoals in baby's)? Zet de tekst dan tussen dubbele "
                  "aanhalingstekens (\").")


def test_broken_indentation(project):
    line = set_line(project, YML, "  - id: opening", "    minuten:", "   minuten: 10")
    assert problems(project) == [
        f"{YML}, regel {line}: Deze regel springt 3 spaties in, maar regel {line - 1} erboven 4 spaties. "
        f"De inspringing klopt niet. {INDENT_FIX}"]


def test_key_indented_too_far(project):
    line = set_line(project, YML, "", "titel:", "  titel: Omgevingsanalyse")
    assert problems(project) == [
        f"{YML}, regel {line}: Deze regel springt 2 spaties in, maar regel {line - 1} erboven springt "
        f"niet in. De inspringing klopt niet. {INDENT_FIX}"]


def test_bullet_indented_less_than_the_bullets_above(project):
    above = "          - We vergelijken onze cijfers met die van Vlaanderen."
    line = set_line(project, YML, "", above, above[1:])
    assert problems(project) == [
        f"{YML}, regel {line}: Deze regel springt 9 spaties in, maar regel {line - 1} erboven 10 spaties. "
        f"De inspringing klopt niet. {INDENT_FIX}"]


def test_tab_character(project):
    line = set_line(project, YML, "  - id: opening", "    minuten:", "\tminuten: 10")
    assert problems(project) == [
        f"{YML}, regel {line}: Deze regel bevat een tab. Gebruik spaties om in te springen, geen tabs: "
        "vervang de tab door spaties."]


@pytest.mark.parametrize("after, starts, broken, quote", [
    pytest.param("", "titel:", 'titel: "Omgevingsanalyse', '"', id="dubbel"),
    pytest.param("  - id: opening", "    werkvorm:", '    werkvorm: "Plenair, korte kennismakingsronde', '"',
                 id="dubbel-in-stap"),
    # PyYAML only stops at the next apostrophe (baby's, many lines further): still this line
    pytest.param("", "titel:", "titel: 'Omgevingsanalyse", "'", id="enkel"),
    pytest.param("", "          - We vergelijken", "          - 'We vergelijken onze cijfers", "'", id="enkel-in-punt"),
])
def test_unclosed_quote_points_at_the_line_where_it_opens(project, after, starts, broken, quote):
    line = set_line(project, YML, after, starts, broken)
    fix = QUOTE_FIX.format(q=quote) + (APOSTROPHE_FIX if quote == "'" else "")
    assert problems(project) == [
        f"{YML}, regel {line}: Het aanhalingsteken ({quote}) op deze regel wordt niet gesloten. {fix}"]


def test_text_after_the_closing_quote(project):
    line = set_line(project, YML, "", "titel:", "titel: 'Omgevings'analyse")
    assert problems(project) == [
        f"{YML}, regel {line}: Na het sluitende aanhalingsteken staat nog tekst. Zet de hele tekst tussen "
        "aanhalingstekens. Staat er een apostrof in de tekst (zoals in baby's)? Gebruik dan dubbele "
        "aanhalingstekens: \"Omgevings'analyse\""]


@pytest.mark.parametrize("starts, broken", [
    pytest.param("    materiaal:", "    materiaal: [Presentatie, Naamkaartjes", id="materiaal"),
    pytest.param("        punten:", "        punten: [Een eerste punt", id="punten"),
])
def test_unclosed_bracket_points_at_the_line_where_it_opens(project, starts, broken):
    line = set_line(project, YML, "  - id: opening", starts, broken)
    assert problems(project) == [
        f"{YML}, regel {line}: Het haakje [ op deze regel wordt niet gesloten. Sluit de lijst met ] op "
        "dezelfde regel. Is het geen lijst maar gewone tekst? Zet de hele tekst dan tussen aanhalingstekens."]


@pytest.mark.parametrize("after, starts, broken, written", [
    pytest.param("", "duur:", "duur 80", "duur: 80", id="bovenaan"),
    pytest.param("  - id: opening", "    minuten:", "    minuten 10", "minuten: 10", id="in-stap"),
    pytest.param("  - id: opening", "    dias:", "    dias", "dias:", id="zonder-waarde"),
    # PyYAML reads '- id opening' and the next line as one text and stops on the next line
    pytest.param("", "  - id: opening", "  - id opening", "- id: opening", id="id-van-stap"),
])
def test_missing_colon_at_its_own_line(project, after, starts, broken, written):
    line = set_line(project, YML, after, starts, broken)
    assert problems(project) == [
        f"{YML}, regel {line}: Na de naam van het veld ontbreekt de dubbele punt. Schrijf '{written}'. "
        f"{COLON_FIX_TAIL}"]


def test_text_continued_on_a_line_that_is_not_indented(project):
    line = replace(project, YML, "    werkvorm: Plenair, korte kennismakingsronde\n",
                   "    werkvorm: Plenair, korte\n    kennismakingsronde\n", after="  - id: opening") + 1
    assert problems(project) == [
        f"{YML}, regel {line}: Na de naam van het veld ontbreekt de dubbele punt. Schrijf "
        f"'kennismakingsronde:'. {COLON_FIX_TAIL}"]


def test_missing_space_after_a_dash(project):
    bullet = "          - We vergelijken onze cijfers met die van Vlaanderen."
    line = set_line(project, YML, "", bullet, "          -We vergelijken onze cijfers met die van Vlaanderen.")
    assert problems(project) == [
        f"{YML}, regel {line}: Na het streepje (-) ontbreekt een spatie. Schrijf '- We vergelijken onze "
        "cijfers met die van Vlaanderen.': een punt van een lijst begint met een streepje en een spatie."]


def test_text_after_a_closing_double_quote(project):
    line = set_line(project, YML, "", "titel:", 'titel: "Omgevings" analyse')
    assert problems(project) == [
        f"{YML}, regel {line}: Na het sluitende aanhalingsteken staat nog tekst. Zet de hele tekst tussen "
        "aanhalingstekens: '\"Omgevings\" analyse'"]


def test_missing_space_after_the_colon(project):
    line = set_line(project, YML, "", "duur:", "duur:80")
    assert problems(project) == [
        f"{YML}, regel {line}: Na de dubbele punt ontbreekt een spatie. Schrijf 'duur: 80'."]


def test_colon_inside_a_text(project):
    line = set_line(project, YML, "  - id: opening", "    titel:", "    titel: Opening: doel en kennismaking")
    assert problems(project) == [
        f"{YML}, regel {line}: De tekst op deze regel bevat een dubbele punt met een spatie erna; YAML "
        "leest dat als het begin van een nieuw veld. Zet de hele tekst tussen aanhalingstekens: "
        "titel: 'Opening: doel en kennismaking'"]


def test_a_list_where_text_belongs(project):
    line = set_line(project, YML, "  - id: opening", "    werkvorm:", "    werkvorm: [Koffie, thee en water]")
    n = step_no(project, "opening")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › werkvorm'): Je schreef een lijst: tekst tussen [ en ] "
        "leest YAML als een lijst, maar hier hoort één tekst. Bedoel je de tekst met de haakjes? Zet hem "
        "dan tussen aanhalingstekens: '[Koffie, thee en water]'. Anders: schrijf de tekst zonder [ en ]."]


def test_a_bullet_with_a_colon_becomes_a_field(project):
    bullet = "          - We vergelijken onze cijfers met die van Vlaanderen."
    line = set_line(project, YML, "", bullet, "          - Let op: we vergelijken onze cijfers.")
    n, s = step_no(project, "opening"), slide_no(project, "opening", "Waarom we vandaag samenkomen")
    punt = line - line_of(read(project, YML), "punten:", after="- titel: Waarom we vandaag samenkomen")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › {s} › punten › {punt}'): De tekst bevat een "
        "dubbele punt met een spatie erna; YAML leest dat als een veld. Zet de hele tekst tussen "
        "aanhalingstekens: 'Let op: we vergelijken onze cijfers.'."]


def test_control_character_is_reported_not_a_traceback(project):
    line = set_line(project, YML, "", "titel:", "titel: Omgevings\x00analyse")
    assert problems(project) == [
        f"{YML}, regel {line}: Deze regel bevat een onzichtbaar teken dat niet mag (#x0000). "
        "Verwijder het teken: typ de regel opnieuw in plaats van hem te kopiëren."]


def test_duplicate_key_names_both_lines(project):
    first = line_of(read(project, YML), "nummer:")
    line = replace(project, YML, "duur:", "nummer: 1\nduur:")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'nummer'): Het veld 'nummer' staat twee keer in dezelfde groep: op "
        f"regel {first} en op regel {line}. Hou er één over. Nu telt alleen de waarde op regel {line}; "
        f"die op regel {first} gaat verloren."]


def test_empty_module_yml(project):
    write(project, YML, "# nog in te vullen\n")
    assert problems(project) == [
        f"{YML}: Het bestand is leeg. Vul de velden in zoals beschreven in content/README.md."]


# -- schema ------------------------------------------------------------------------------------

def test_unknown_key_suggests_the_right_one(project):
    step_line = line_of(read(project, YML), "  - id: opening")
    line = set_line(project, YML, "  - id: opening", "    minuten:", "    minutn: 10")
    n = step_no(project, "opening")
    assert problems(project) == [
        f"{YML}, regel {step_line} (veld 'stappen › {n} › minuten'): Het verplichte veld 'minuten' "
        "ontbreekt. Voeg 'minuten:' toe — Hoeveel minuten de stap duurt, als geheel getal.",
        f"{YML}, regel {line} (veld 'stappen › {n} › minutn'): Het veld 'minutn' is onbekend. "
        "Bedoel je 'minuten'?"]


def test_unknown_key_without_suggestion_lists_the_fields(project):
    line = replace(project, YML, "duur:", "kleur: blauw\nduur:")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'kleur'): Het veld 'kleur' is onbekend. Verwijder het of kies een "
        "van deze velden: nummer, titel, duur, inhoud, extra, beschrijving, doelstellingen, "
        "invulvelden, cijfers, stappen, uitnodigen, werkinstrumenten, bronnen."]


def test_numeric_key_is_named_as_written(project):
    line = replace(project, YML, "duur:", "2024: x\nduur:")
    assert problems(project)[0].startswith(
        f"{YML}, regel {line} (veld '2024'): Het veld '2024' is onbekend.")


def test_minutes_as_text(project):
    line = set_line(project, YML, "  - id: opening", "    minuten:", "    minuten: tien")
    n = step_no(project, "opening")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › minuten'): 'tien' is geen geheel getal. "
        "Schrijf een geheel getal zonder aanhalingstekens, bijvoorbeeld 10."]


def test_missing_required_field(project):
    text = read(project, YML)
    objectives = text[text.index("doelstellingen:"):text.index("invulvelden:")]
    write(project, YML, text.replace(objectives, ""))
    first = line_of(text, "nummer:")
    assert problems(project) == [
        f"{YML}, regel {first} (veld 'doelstellingen'): Het verplichte veld 'doelstellingen' ontbreekt. "
        "Voeg 'doelstellingen:' toe — Wat het netwerk na het overleg weet, kan of heeft. "
        "Drie tot vijf korte, concrete zinnen."]


def test_wrong_slide_type(project):
    n = step_no(project, "cijfers-vlaanderen")
    line = replace(project, YML, "type: twee-kolommen", "type: twee-kolom", after="  - id: cijfers-vlaanderen")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › 1 › type'): 'twee-kolom' is geen "
        "toegelaten waarde. Kies een van deze waarden: 'tekst', 'twee-kolommen', 'cijfers', 'grafiek', "
        "'stelling', 'vraag', 'route', 'tegels', 'beeld'."]


def test_slide_title_too_long(project):
    title = "Even kennismaken met iedereen die vandaag aan tafel zit, ook online"
    n, s = step_no(project, "opening"), slide_no(project, "opening", "Even kennismaken")
    line = replace(project, YML, "titel: Even kennismaken\n", f"titel: {title}\n")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › {s} › titel'): De tekst is te lang "
        f"({len(title)} tekens; hoogstens 60). Maak de tekst korter. De titel van de dia. "
        "Elke dia van de module heeft een andere titel."]


def test_invalid_id(project):
    n = step_no(project, "groepswerk")
    line = replace(project, YML, "  - id: groepswerk\n", "  - id: Groepswerk\n")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › id'): 'Groepswerk' heeft niet de juiste vorm. {ID_FIX}"]


def test_version_as_a_number(project):
    line = set_line(project, "content/pakket.yml", "", "versie:", "versie: 1.0")
    assert problems(project) == [
        f"content/pakket.yml, regel {line} (veld 'versie'): '1.0' is geen tekst. "
        "Schrijf een tekst; zet hem tussen aanhalingstekens als hij met een cijfer of teken begint."]


# -- rules across the module -------------------------------------------------------------------

def test_minutes_do_not_add_up_to_duration(project):
    total = sum(s["minuten"] for s in module_data(project)["stappen"])
    line = set_line(project, YML, "", "duur:", f"duur: {total + 10}")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'duur'): De stappen duren samen {total} minuten, maar de module "
        f"duurt {total + 10} minuten. Pas de minuten van de stappen of de duur aan, zodat ze gelijk zijn."]


TIME_FIX = ("Schrijf geen duur in de tekst: de pagina en de notities tonen het verloop al uit "
            "module.yml. Of maak het getal gelijk aan de minuten van de stap of van een deel van het "
            "verloop.")


def _opening_parts(project) -> list[int]:
    return [p["minuten"] for p in module_data(project)["stappen"][step_no(project, "opening") - 1]["verloop"]]


def test_timeline_does_not_add_up_to_the_step(project):
    n = step_no(project, "opening")
    parts = _opening_parts(project)
    last = f"      - minuten: {parts[-1]}"
    set_line(project, YML, "  - id: opening", last, f"      - minuten: {parts[-1] + 2}")
    line = line_of(read(project, YML), "    verloop:", after="  - id: opening")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › verloop'): De delen van het verloop duren samen "
        f"{sum(parts) + 2} minuten, maar de stap 'opening' duurt {sum(parts)} minuten. Pas de minuten "
        "in 'verloop' of de 'minuten' van de stap aan, zodat ze gelijk zijn."]


def test_step_without_timeline(project):
    n = step_no(project, "afsluiting")
    text = read(project, YML)
    start = text.index("    verloop:", text.index("  - id: afsluiting"))
    end = text.index("    materiaal:", start)
    write(project, YML, text[:start] + text[end:])
    line = line_of(read(project, YML), "  - id: afsluiting")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › id'): De stap 'afsluiting' heeft geen verloop. "
        "Voeg 'verloop:' toe met de delen van de stap, elk met 'minuten' en 'wat' (zie "
        "content/README.md). Alleen een pauze heeft geen verloop."]


def test_a_pause_needs_no_timeline(project):
    """Module 2's pause has no 'verloop': the guard above proves it loads."""
    pause = next(s for s in module_data(project, f"{OTHER}/module.yml")["stappen"] if s["id"] == "pauze")
    assert pause["werkvorm"] == "Pauze" and "verloop" not in pause


def test_duration_in_step_text_disagrees(project):
    parts = _opening_parts(project)
    rel = f"{MOD}/stappen/opening.md"
    write(project, rel, read(project, rel) + "\nJullie hebben 20 minuten voor de kennismaking.\n")
    line = read(project, rel).count("\n") - 1 + 1
    shown = ", ".join(str(p) for p in parts)
    assert problems(project) == [
        f"{rel}, regel {line}: Hier staat '20 minuten', maar de stap 'opening' duurt {sum(parts)} "
        f"minuten (verloop: {shown}). {TIME_FIX}"]


def test_duration_in_slide_title_disagrees(project):
    n = step_no(project, "opening")
    s = slide_no(project, "opening", "Even kennismaken")
    parts = _opening_parts(project)
    line = replace(project, YML, "titel: Even kennismaken", "titel: Even kennismaken in 25 minuten")
    shown = ", ".join(str(p) for p in parts)
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › {s} › titel'): In de titel van de dia staat "
        f"'25 minuten', maar de stap 'opening' duurt {sum(parts)} minuten (verloop: {shown}). {TIME_FIX}"]


def test_duration_in_word_form_is_checked_and_short_times_are_not(project):
    rel = f"{MOD}/stappen/opening.md"
    write(project, rel, read(project, rel) + "\nElk duo krijgt twee minuten. Daarna nog vijftien minuten.\n")
    line = read(project, rel).count("\n")
    parts = _opening_parts(project)
    shown = ", ".join(str(p) for p in parts)
    assert problems(project) == [
        f"{rel}, regel {line}: Hier staat 'vijftien minuten', maar de stap 'opening' duurt "
        f"{sum(parts)} minuten (verloop: {shown}). {TIME_FIX}"]


def test_duplicate_step_ids(project):
    n = step_no(project, "oogst")
    line = replace(project, YML, "  - id: oogst\n", "  - id: opening\n")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › id'): De id 'opening' wordt twee keer gebruikt. "
        "Geef elke stap een eigen id.",
        f"{MOD}/stappen/oogst.md: Het bestand '{MOD}/stappen/oogst.md' hoort bij geen enkele stap. "
        "Voeg een stap met id 'oogst' toe aan module.yml, of verwijder het bestand."]


def test_duplicate_worksheet_ids(project):
    n = sheet_no(project, "werkblad-groepswerk")
    line = replace(project, YML, "  - id: werkblad-groepswerk\n", "  - id: gemeentelijke-fiche\n",
                   after="werkinstrumenten:")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'werkinstrumenten › {n} › id'): De id 'gemeentelijke-fiche' wordt "
        "twee keer gebruikt. Geef elk werkinstrument een eigen id.",
        f"{MOD}/werkinstrumenten/werkblad-groepswerk.md: Het bestand "
        f"'{MOD}/werkinstrumenten/werkblad-groepswerk.md' hoort bij geen enkel werkinstrument. "
        "Voeg een werkinstrument met id 'werkblad-groepswerk' toe aan module.yml, of verwijder het bestand."]


def test_duplicate_module_numbers(project):
    line = set_line(project, f"{OTHER}/module.yml", "", "nummer:", "nummer: 1")
    first = line_of(read(project, YML), "nummer:")
    free = max(module_data(project, f"{p.parent.relative_to(project).as_posix()}/module.yml")["nummer"]
               for p in (project / "content" / "modules").glob("*/module.yml")) + 1
    assert problems(project) == [
        f"{OTHER}/module.yml, regel {line} (veld 'nummer'): Het nummer 1 is al gebruikt in {YML}, "
        f"regel {first}. Is dit de kopie van een andere module? Geef ze dan een nummer dat nog vrij is, "
        f"bijvoorbeeld {free}."]


def test_copied_module_blames_the_copy_that_git_does_not_know(project):
    """An editor copies a module to a folder that sorts first: the copy is named, not the original."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    for args in (["init", "-q"], ["add", "-A"],
                 ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "inhoud"]):
        subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)
    copy = "content/modules/a-kopie"
    shutil.copytree(project / MOD, project / copy)
    number, title = line_of(read(project, YML), "nummer:"), line_of(read(project, YML), "titel:")
    free = 1 + max(module_data(project, f"{p.parent.relative_to(project).as_posix()}/module.yml")["nummer"]
                   for p in (project / "content" / "modules").glob("*/module.yml"))
    assert problems(project) == [
        f"{copy}/module.yml, regel {number} (veld 'nummer'): Het nummer 1 is al gebruikt in {YML}, "
        f"regel {number}. Is dit de kopie van een andere module? Geef ze dan een nummer dat nog vrij is, "
        f"bijvoorbeeld {free}.",
        f"{copy}/module.yml, regel {title} (veld 'titel'): De titel 'Omgevingsanalyse' is al gebruikt in "
        f"{YML}, regel {title}. Is dit de kopie van een andere module? Geef ze dan een eigen titel."]


def test_slide_with_unknown_fill_in_field(project):
    n, s = step_no(project, "opening"), slide_no(project, "opening", "Waarom we vandaag samenkomen")
    line = replace(project, YML, "{veld:gemeente}.", "{veld:gemeent}.")
    known = sorted({"gemeente", "datum", "voorzitter"}
                   | {f["id"] for f in module_data(project)["invulvelden"]})
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › {s} › punten › 2'): Het invulveld "
        "'{veld:gemeent}' bestaat niet. Voeg het toe onder 'invulvelden' bovenaan module.yml, of kies "
        f"een van deze: {', '.join(known)}."]


def test_title_slide_sentence_with_an_unknown_field_and_a_field_in_no_sentence(project):
    line = replace(project, "content/pakket.yml", "met {veld:voorzitter|naam van de voorzitter}",
                   "met {veld:voorziter}")
    first = line_of(read(project, "content/pakket.yml"), "titeldia:")
    assert problems(project) == [
        f"content/pakket.yml, regel {first} (veld 'titeldia'): Het invulveld 'voorzitter' staat in geen "
        "enkele zin van de titeldia. Zet het in een zin met {veld:voorzitter}, of verwijder het onder "
        "'invulvelden'.",
        f"content/pakket.yml, regel {line} (veld 'titeldia › 2'): Het invulveld '{{veld:voorziter}}' "
        "staat niet bij de invulvelden van pakket.yml. Kies een van deze: datum, gemeente, voorzitter, "
        "of voeg het toe onder 'invulvelden'."]


def test_a_slide_no_longer_takes_a_list_of_fields(project):
    line = replace(project, YML, "          - Hoogstens een halve minuut per persoon.\n",
                   "          - Hoogstens een halve minuut per persoon.\n        invulvelden: [gemeente]\n")
    found = problems(project)
    assert any(f"regel {line + 1}" in p and "Zet elk invulveld in een zin" in p for p in found), found


def test_a_field_in_a_column_is_refused(project):
    line = replace(project, YML, "            - Het decreet is in werking sinds 1 april 2014.",
                   "            - Het decreet geldt in {veld:gemeente}.")
    assert any(f"regel {line}" in p or "rechts" in p for p in problems(project))
    assert any("kan hier niet staan" in p for p in problems(project))


def test_slide_with_unknown_figure(project):
    n = step_no(project, "cijfers-gemeente")
    line = replace(project, YML, "cijfers: [kansarmoede,", "cijfers: [kansarmoed,")
    known = sorted(f["id"] for f in module_data(project)["cijfers"])
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › 1 › cijfers › 1'): Het cijfer 'kansarmoed' "
        f"bestaat niet. Voeg het toe onder 'cijfers' of kies een van deze: {', '.join(known)}."]


def test_duplicate_slide_title(project):
    n, s = step_no(project, "opening"), slide_no(project, "opening", "Even kennismaken")
    line = replace(project, YML, "titel: Even kennismaken\n", "titel: Waarom we vandaag samenkomen\n")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › {s} › titel'): De dia 'Waarom we vandaag "
        f"samenkomen' heeft dezelfde titel als een andere dia (stap 'opening'). {SLIDE_TITLE_FIX}"]


def test_slide_title_of_a_generated_slide(project):
    n, s = step_no(project, "opening"), slide_no(project, "opening", "Even kennismaken")
    line = replace(project, YML, "titel: Even kennismaken\n", "titel: Agenda\n")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › {s} › titel'): De dia 'Agenda' heeft "
        f"dezelfde titel als een vaste dia van elke presentatie. {SLIDE_TITLE_FIX}"]


CHART = "Kansarmoede: onze gemeente naast Vlaanderen"


def test_chart_with_figures_of_different_units(project):
    n = step_no(project, "cijfers-gemeente")
    s = slide_no(project, "cijfers-gemeente", CHART)
    # every figure of module 1 is a percentage: give one of them another unit first
    replace(project, YML, "eenheid: '%'", "eenheid: kinderen", after="  - id: geen-formele-opvang")
    line = replace(project, YML, "cijfers: [kansarmoede]",
                   "cijfers: [kansarmoede, geen-formele-opvang, verlaagd-tarief]", after="type: grafiek")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › {s} › cijfers'): De cijfers van deze "
        "grafiek hebben niet dezelfde eenheid ('kansarmoede' in '%', 'geen-formele-opvang' in "
        "'kinderen', 'verlaagd-tarief' in '%'). Zet in één grafiek alleen cijfers met dezelfde "
        "eenheid, anders delen ze een as die niet klopt. Toon de andere op een dia van type 'cijfers' "
        "(een tabel) of in een tweede grafiek."]


def test_chart_without_figures(project):
    n = step_no(project, "cijfers-gemeente")
    s = slide_no(project, "cijfers-gemeente", CHART)
    line = line_of(read(project, YML), f"      - titel: '{CHART}'\n")
    replace(project, YML, "        cijfers: [kansarmoede]\n", "", after="type: grafiek")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › {s}'): Een dia van type 'grafiek' heeft het "
        "veld 'cijfers' nodig. Voeg 'cijfers:' toe aan deze dia."]


def test_figures_slide_without_figures(project):
    n = step_no(project, "cijfers-gemeente")
    title = "      - titel: Hoe staat onze gemeente ervoor?\n"
    line = line_of(read(project, YML), title)
    lines = read(project, YML).split("\n")
    index = next(i for i in range(line, len(lines)) if lines[i].startswith("        cijfers:"))
    del lines[index]  # the slide keeps 'type: cijfers' but loses its list of figures
    write(project, YML, "\n".join(lines))
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › 1'): Een dia van type 'cijfers' heeft het "
        "veld 'cijfers' nodig. Voeg 'cijfers:' toe aan deze dia."]


def test_field_that_does_not_fit_the_slide_type(project):
    n = step_no(project, "cijfers-vlaanderen")
    line = replace(project, YML, "        links:\n", "        punten: [Een punt]\n        links:\n",
                   after="  - id: cijfers-vlaanderen")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › 1 › punten'): Het veld 'punten' hoort niet "
        "bij een dia van type 'twee-kolommen'. Verwijder het, of kies een type dat 'punten' gebruikt "
        "(zie content/README.md)."]


# -- files -------------------------------------------------------------------------------------

def test_missing_facilitation_file(project):
    (project / MOD / "stappen" / "groepswerk.md").unlink()
    n = step_no(project, "groepswerk")
    line = line_of(read(project, YML), "  - id: groepswerk\n")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › id'): Het bestand '{MOD}/stappen/groepswerk.md' "
        "bestaat niet. Maak het bestand, of pas de naam aan (standaard 'stappen/groepswerk.md')."]


def test_orphan_markdown_file_in_steps(project):
    write(project, f"{MOD}/stappen/extra.md", "## Zeggen\n\nNog een stap.\n")
    assert problems(project) == [
        f"{MOD}/stappen/extra.md: Het bestand '{MOD}/stappen/extra.md' hoort bij geen enkele stap. "
        "Voeg een stap met id 'extra' toe aan module.yml, of verwijder het bestand."]


def test_missing_worksheet_file(project):
    (project / MOD / "werkinstrumenten" / "werkblad-groepswerk.md").unlink()
    n = sheet_no(project, "werkblad-groepswerk")
    line = line_of(read(project, YML), "  - id: werkblad-groepswerk\n", after="werkinstrumenten:")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'werkinstrumenten › {n} › id'): Het bestand "
        f"'{MOD}/werkinstrumenten/werkblad-groepswerk.md' bestaat niet. Maak het bestand, of pas de "
        "naam aan (standaard 'werkinstrumenten/werkblad-groepswerk.md')."]


def test_worksheet_path_outside_content(project):
    n = sheet_no(project, "gemeentelijke-fiche")
    line = replace(project, YML, "    titel: Gemeentelijke fiche\n",
                   "    titel: Gemeentelijke fiche\n    bestand: ../../../../etc/passwd.md\n") + 1
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'werkinstrumenten › {n} › bestand'): Het pad "
        "'../../../../etc/passwd.md' wijst naar een plaats buiten de map content/. Zet het bestand in "
        "de map van de module en verwijs ernaar als 'werkinstrumenten/gemeentelijke-fiche.md'.",
        f"{MOD}/werkinstrumenten/gemeentelijke-fiche.md: Het bestand "
        f"'{MOD}/werkinstrumenten/gemeentelijke-fiche.md' hoort bij geen enkel werkinstrument. "
        "Voeg een werkinstrument met id 'gemeentelijke-fiche' toe aan module.yml, of verwijder het bestand."]


def test_file_not_in_utf8(project):
    write(project, f"{MOD}/inleiding.md", "Eerste regel.\nNog één regel.\n".encode("latin-1"))
    assert problems(project) == [
        f"{MOD}/inleiding.md, regel 2: {NOT_UTF8}"]


def test_huge_file(project):
    write(project, f"{MOD}/inleiding.md", "Een korte zin.\n" * 20_000)  # 300 000 bytes
    assert problems(project) == [
        f"{MOD}/inleiding.md: Het bestand is te groot (300 kB; hoogstens 200 kB). Maak de tekst korter "
        "of verdeel hem over meer bestanden."]


def test_empty_introduction(project):
    write(project, f"{MOD}/inleiding.md", "\n  \n")
    assert problems(project) == [
        f"{MOD}/inleiding.md: Het bestand is leeg. Schrijf de tekst of verwijder het bestand uit de module."]


def test_missing_introduction(project):
    (project / MOD / "inleiding.md").unlink()
    assert problems(project) == [
        f"{MOD}/inleiding.md: Het deel 'inleiding.md' ontbreekt. Maak het bestand {MOD}/inleiding.md "
        "met de tekst van dit deel."]


def test_empty_module_folder(project):
    (project / "content/modules/nieuwe-module").mkdir()
    assert problems(project) == [
        "content/modules/nieuwe-module: Deze modulemap heeft geen module.yml. Voeg een module.yml toe "
        "(zie content/README.md) of verwijder de lege map."]


def test_module_folder_with_invalid_name(project):
    (project / "content/modules/Module Vijf").mkdir()
    assert problems(project) == [
        "content/modules/Module Vijf: De mapnaam 'Module Vijf' kan geen adres van een pagina zijn. "
        "Gebruik alleen kleine letters, cijfers en koppeltekens, bijvoorbeeld 'samenwerken-met-toeleiders'."]


def test_missing_package_file(project):
    (project / "content/pakket.yml").unlink()
    assert problems(project) == [
        "content/pakket.yml: Het bestand met de gegevens van de gids ontbreekt. Maak content/pakket.yml "
        "met titel, ondertitel, versie, editie en invulvelden."]


def test_no_modules_at_all(project):
    shutil.rmtree(project / "content/modules")
    assert problems(project) == [
        "content/modules: Er staat geen enkele module in de gids. Maak een map per module in "
        "content/modules/, met een module.yml erin."]


# -- Markdown ----------------------------------------------------------------------------------

MARKDOWN_MISTAKES = {
    "script": ("<script>alert('hallo')</script>",
               "De tekst bevat een <script>-blok. Verwijder het: de gids voert geen eigen scripts uit "
               "de inhoud uit."),
    "iframe": ('<iframe src="https://www.youtube.com/embed/x"></iframe>',
               "De tekst bevat een <iframe>. Verwijder het en zet een gewone link naar de pagina."),
    "on-attribute": ('<a href="#" onclick="stuur()">Stuur</a>',
                     "De tekst bevat HTML met een 'on…'-attribuut. Verwijder het attribuut: de inhoud "
                     "voert geen code uit."),
    "directive-outside-worksheet": ("[[invulvelden]]",
                                    "'[[invulvelden]]' werkt alleen in een werkblad. Verwijder de regel "
                                    "of zet hem in een bestand in werkinstrumenten/."),
}


@pytest.mark.parametrize("mistake", list(MARKDOWN_MISTAKES), ids=list(MARKDOWN_MISTAKES))
def test_markdown_mistake_in_a_step(project, mistake):
    line, golden = MARKDOWN_MISTAKES[mistake]
    write(project, f"{MOD}/stappen/opening.md", f"## Zeggen\n\nWelkom iedereen.\n\n{line}\n")
    assert problems(project) == [f"{MOD}/stappen/opening.md, regel 5: {golden}"]


def test_unknown_directive_in_a_worksheet(project):
    sheet = f"{MOD}/werkinstrumenten/gemeentelijke-fiche.md"
    line = replace(project, sheet, "[[cijfertabel]]", "[[cijfertabell]]")
    assert problems(project) == [
        f"{sheet}, regel {line}: '[[cijfertabell]]' is geen bekende aanduiding. "
        "Gebruik [[cijfertabel]], [[invulvelden]], [[nieuwe-pagina]], [[voor-de-voorzitter]]."]


def test_a_part_for_the_chair_without_its_own_sheet(project):
    sheet = f"{OTHER}/werkinstrumenten/casussen.md"
    replace(project, sheet, "[[voor-de-voorzitter]]\n", "")
    line = line_of(read(project, sheet), "## Voor de voorzitter")
    assert problems(project) == [
        f"{sheet}, regel {line}: Dit deel is voor de voorzitter, maar het staat niet op een eigen blad. "
        "Zet op de regel erboven [[voor-de-voorzitter]]. Dan begint het op een nieuwe bladzijde, apart van "
        "wat de deelnemers krijgen."]


def test_the_chair_part_is_one_part_at_the_end(project):
    sheet = f"{OTHER}/werkinstrumenten/casussen.md"
    replace(project, sheet, "## Casus C:", "[[voor-de-voorzitter]]\n\n## Casus C:")
    line = line_of(read(project, sheet), "[[voor-de-voorzitter]]", after="## Casus C:")
    assert problems(project) == [
        f"{sheet}, regel {line}: '[[voor-de-voorzitter]]' staat twee keer in dit werkblad. Zet alles voor "
        "de voorzitter samen aan het einde, na één keer [[voor-de-voorzitter]]."]


# -- several mistakes at once: all of them are reported ----------------------------------------

def test_several_markdown_mistakes_in_one_file_are_all_reported(project):
    # links are not the loader's: one rule on the rendered pages (tests/test_links.py)
    write(project, f"{MOD}/stappen/opening.md",
          "## Zeggen\n\n<script>x()</script>\n\n<iframe src=\"https://a.be\"></iframe>\n\n"
          "[Site](http://a.be)\n")
    assert problems(project) == [
        f"{MOD}/stappen/opening.md, regel 3: De tekst bevat een <script>-blok. Verwijder het: de gids "
        "voert geen eigen scripts uit de inhoud uit.",
        f"{MOD}/stappen/opening.md, regel 5: De tekst bevat een <iframe>. Verwijder het en zet een "
        "gewone link naar de pagina."]


def test_several_schema_mistakes_in_one_module_are_all_reported(project):
    minutes = set_line(project, YML, "  - id: opening", "    minuten:", "    minuten: tien")
    bad_id = replace(project, YML, "  - id: groepswerk\n", "  - id: Groepswerk\n")
    slide_type = replace(project, YML, "type: twee-kolommen", "type: twee-kolom",
                         after="  - id: cijfers-vlaanderen")
    data = module_data(project)
    ids = [s["id"] for s in data["stappen"]]
    o, v, g = ids.index("opening") + 1, ids.index("cijfers-vlaanderen") + 1, ids.index("Groepswerk") + 1
    assert problems(project) == [
        f"{YML}, regel {minutes} (veld 'stappen › {o} › minuten'): 'tien' is geen geheel getal. "
        "Schrijf een geheel getal zonder aanhalingstekens, bijvoorbeeld 10.",
        f"{YML}, regel {slide_type} (veld 'stappen › {v} › dias › 1 › type'): 'twee-kolom' is geen "
        "toegelaten waarde. Kies een van deze waarden: 'tekst', 'twee-kolommen', 'cijfers', 'grafiek', "
        "'stelling', 'vraag', 'route', 'tegels', 'beeld'.",
        f"{YML}, regel {bad_id} (veld 'stappen › {g} › id'): 'Groepswerk' heeft niet de juiste vorm. {ID_FIX}"]


def test_mistakes_in_several_modules_and_files_are_all_reported(project):
    total = sum(s["minuten"] for s in module_data(project)["stappen"])
    duration = set_line(project, YML, "", "duur:", f"duur: {total + 5}")
    (project / MOD / "stappen" / "groepswerk.md").unlink()
    write(project, f"{MOD}/inleiding.md", "")
    step = sorted((project / OTHER / "stappen").glob("*.md"))[0]
    step_rel = step.relative_to(project).as_posix()
    write(project, step_rel, "## Doen\n\n<script>x()</script>\n")
    write(project, "content/modules/toegankelijkheid/stappen/reserve.md", "## Doen\n\nReserve.\n")
    n = step_no(project, "groepswerk")
    facilitation = line_of(read(project, YML), "  - id: groepswerk\n")
    # the report is sorted by file, then by line
    assert problems(project) == [
        f"{MOD}/inleiding.md: Het bestand is leeg. Schrijf de tekst of verwijder het bestand uit de module.",
        f"{YML}, regel {duration} (veld 'duur'): De stappen duren samen {total} minuten, maar de module "
        f"duurt {total + 5} minuten. Pas de minuten van de stappen of de duur aan, zodat ze gelijk zijn.",
        f"{YML}, regel {facilitation} (veld 'stappen › {n} › id'): Het bestand "
        f"'{MOD}/stappen/groepswerk.md' bestaat niet. Maak het bestand, of pas de naam aan "
        "(standaard 'stappen/groepswerk.md').",
        f"{step_rel}, regel 3: De tekst bevat een <script>-blok. Verwijder het: de gids voert geen "
        "eigen scripts uit de inhoud uit.",
        "content/modules/toegankelijkheid/stappen/reserve.md: Het bestand "
        "'content/modules/toegankelijkheid/stappen/reserve.md' hoort bij geen enkele stap. Voeg een "
        "stap met id 'reserve' toe aan module.yml, of verwijder het bestand."]


def test_report_heading_counts_the_problems(project):
    set_line(project, YML, "  - id: opening", "    minuten:", "    minuten: tien")
    with pytest.raises(ContentError) as caught:
        load_package(project)
    report = caught.value.report()
    assert report.splitlines()[0] == "De inhoud bevat 1 fout. Verbeter die en probeer opnieuw."
    assert report.splitlines()[1] == f"- {caught.value.problems[0]}"
    write(project, f"{OTHER}/inleiding.md", "")
    with pytest.raises(ContentError) as caught:
        load_package(project)
    assert caught.value.report().splitlines()[0] == \
        "De inhoud bevat 2 fouten. Verbeter ze en probeer opnieuw."


# -- command line ----------------------------------------------------------------------------

def _break(project: Path) -> tuple[int, str]:
    line = set_line(project, YML, "  - id: opening", "    minuten:", "    minuten: tien")
    write(project, f"{MOD}/stappen/extra.md", "## Zeggen\n\nExtra.\n")
    n = step_no(project, "opening")
    return line, (
        "De inhoud bevat 1 fout. Verbeter die en probeer opnieuw.\n"
        f"- {YML}, regel {line} (veld 'stappen › {n} › minuten'): 'tien' is geen geheel getal. "
        "Schrijf een geheel getal zonder aanhalingstekens, bijvoorbeeld 10.\n")


def test_cli_check_reports_in_dutch(project):
    # a schema mistake stops that module early, so the orphan file in it is not reported yet
    _, report = _break(project)
    result = run_python(["-m", "childcare_guide", "check", "--root", str(project)])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == report
    assert result.stdout == ""


def test_build_decks_writes_nothing_on_bad_content(project, tmp_path):
    _, report = _break(project)
    out = tmp_path / "decks"
    result = run_python([str(ROOT / "scripts" / "build_decks.py"), "--root", str(project), "--out", str(out)])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == report
    assert not out.exists() or not any(out.rglob("*"))


# -- text that would not fit on its slide ----------------------------------------------------

FIT_FIX = ("Maak de tekst korter, schrap een punt of verdeel de punten over twee dia's. Uitleg hoort "
           "in de begeleiding of in 'notities'.")
LONG_BULLET = ("Gezinnen met een laag inkomen gebruiken formele opvang ongeveer half zo vaak als "
               "andere gezinnen in onze eigen gemeente")


def test_text_slide_too_full_for_the_screen(project):
    n, s = step_no(project, "volgende-stappen"), slide_no(project, "volgende-stappen", "Welke module past bij ons?")
    line = line_of(read(project, YML), "      - titel: Welke module past bij ons?\n")
    replace(project, YML, "          - Liever één module grondig dan alles snel na elkaar.\n",
            "          - Liever één module grondig dan alles snel na elkaar.\n"
            f"          - {LONG_BULLET}\n          - {LONG_BULLET}\n")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › {s}'): Dit past niet op de dia: de tekst "
        f"van de dia neemt ongeveer 11 regels in, er passen er 10. {FIT_FIX}"]


def test_column_too_full_for_the_screen(project):
    n = step_no(project, "oogst")
    line = line_of(read(project, YML), "punten:", after="kop: Wat we nog niet weten")
    replace(project, YML, "            - Welk cijfer of welke informatie ontbreekt?\n",
            "            - Welk cijfer of welke informatie ontbreekt?\n"
            + f"            - {LONG_BULLET[:90]}\n" * 3, after="  - id: oogst")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › 1 › rechts › punten'): Dit past niet op "
        f"de dia: een kolom neemt ongeveer 16 regels in, er passen er 9. {FIT_FIX}"]


# -- pictures: content/modules/<slug>/beelden/, linked as beelden/<name> ------------------------

PICTURE_FOLDER = f"{MOD}/beelden/"
SMALLER = ("Maak het kleiner: sla een foto op als JPEG met kwaliteit 80 en hoogstens 1600 pixels breed, "
           "of verklein een PNG (bijvoorbeeld met squoosh.app of in Paint: 'Formaat wijzigen'). "
           "Een SVG maak je kleiner door hem opnieuw te bewaren als 'Geoptimaliseerde SVG' of 'Gewone SVG'.")
SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'


def png(width: int = 8, height: int = 8, noise: bool = False) -> bytes:
    import io

    from PIL import Image

    image = (Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)) if noise
             else Image.new("RGB", (width, height), (0, 121, 107)))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def link_picture(project: Path, link: str, rel: str = f"{MOD}/inleiding.md") -> int:
    """Add a line with link at the end of a Markdown file; return its line."""
    text = read(project, rel).rstrip("\n") + "\n\n"
    write(project, rel, text + link + "\n")
    return text.count("\n") + 1


def test_a_good_picture_passes_and_is_in_the_model(project):
    write(project, f"{MOD}/beelden/zaal.png", png())
    link_picture(project, "![De zaal met drie tafels](beelden/zaal.png)")
    link_picture(project, "![Dezelfde zaal](beelden/zaal.png)", f"{MOD}/stappen/groepswerk.md")
    module = load_package(project).module("omgevingsanalyse")
    assert [(p.name, p.alt, p.link) for p in module.pictures] == [
        ("zaal.png", "De zaal met drie tafels", "beelden/zaal.png")]
    assert module.pictures[0].path == (project / MOD / "beelden" / "zaal.png").resolve()


def test_missing_picture(project):
    line = link_picture(project, "![De zaal](beelden/zaal.png)")
    assert problems(project) == [
        f"{MOD}/inleiding.md, regel {line}: Het beeld 'beelden/zaal.png' bestaat niet: er staat geen "
        f"bestand {PICTURE_FOLDER}zaal.png. Zet het beeld in {PICTURE_FOLDER}, of pas de naam in de "
        "link aan (let op hoofdletters)."]


def test_missing_picture_linked_from_a_step_file(project):
    rel = f"{MOD}/stappen/groepswerk.md"
    line = link_picture(project, "![De zaal](beelden/zaal.png)", rel)
    assert problems(project) == [
        f"{rel}, regel {line}: Het beeld 'beelden/zaal.png' bestaat niet: er staat geen "
        f"bestand {PICTURE_FOLDER}zaal.png. Zet het beeld in {PICTURE_FOLDER}, of pas de naam in de "
        "link aan (let op hoofdletters)."]


@pytest.mark.parametrize("alt", ["", "  "])
def test_picture_without_alt_text(project, alt):
    write(project, f"{MOD}/beelden/zaal.png", png())
    line = link_picture(project, f"![{alt}](beelden/zaal.png)")
    assert problems(project) == [
        f"{MOD}/inleiding.md, regel {line}: Het beeld 'beelden/zaal.png' heeft geen beschrijving "
        "(alt-tekst). Schrijf tussen de vierkante haken in één zin wat er op het beeld staat, voor wie "
        "het niet ziet: ![Vier stappen van de gezinsreis](beelden/zaal.png)."]


def test_picture_too_big(project):
    data = png(400, 400, noise=True)
    assert len(data) > 300 * 1024
    write(project, f"{MOD}/beelden/foto.png", data)
    line = link_picture(project, "![Een foto van de zaal](beelden/foto.png)")
    assert problems(project) == [
        f"{MOD}/inleiding.md, regel {line}: Het beeld 'beelden/foto.png' is te groot "
        f"({-(-len(data) // 1024)} kB; een PNG-beeld mag hoogstens 300 kB zijn). Zo laadt de pagina "
        f"snel, ook op een gsm. {SMALLER}"]


def test_svg_too_big(project):
    data = SVG_HEAD + "<!--" + "x" * 110 * 1024 + "--></svg>\n"
    write(project, f"{MOD}/beelden/schema.svg", data)
    line = link_picture(project, "![Een schema](beelden/schema.svg)")
    assert problems(project) == [
        f"{MOD}/inleiding.md, regel {line}: Het beeld 'beelden/schema.svg' is te groot (111 kB; een "
        f"SVG-beeld mag hoogstens 100 kB zijn). Zo laadt de pagina snel, ook op een gsm. {SMALLER}"]


def test_picture_beside_the_content_instead_of_in_beelden(project):
    """The way issue 18 found it: a picture next to the Markdown, which `make build` then refused."""
    write(project, f"{MOD}/zaal.jpg", png())
    line = link_picture(project, "![De zaal](zaal.jpg)")
    assert problems(project) == [
        f"{MOD}/inleiding.md, regel {line}: Het beeld 'zaal.jpg' staat niet in de map beelden/ van de "
        f"module. Zet het bestand in {PICTURE_FOLDER} en link ernaar als 'beelden/zaal.jpg'."]


@pytest.mark.parametrize("target", ["../beelden/zaal.png", "beelden/../../sociale-functie/beelden/zaal.png",
                                    "/beelden/zaal.png"])
def test_picture_path_that_leaves_the_module(project, target):
    line = link_picture(project, f"![De zaal]({target})")
    assert problems(project) == [
        f"{MOD}/inleiding.md, regel {line}: Het pad '{target}' gaat buiten de map van de module. Zet het "
        f"beeld in {PICTURE_FOLDER} en link ernaar als 'beelden/zaal.png', ook vanuit een bestand in "
        "stappen/ of werkinstrumenten/."]


@pytest.mark.parametrize("name", ["zaal.gif", "zaal.webp", "zaal.bmp"])
def test_unsupported_picture_type(project, name):
    write(project, f"{MOD}/beelden/{name}", b"GIF89a")
    line = link_picture(project, f"![De zaal](beelden/{name})")
    assert problems(project) == [
        f"{MOD}/inleiding.md, regel {line}: Het bestand 'beelden/{name}' is geen beeld dat de gids toont. "
        "Gebruik een PNG (tekening, schema), een JPEG (foto) of een SVG (tekening). Sla het beeld in dat "
        "formaat op, bijvoorbeeld met 'Opslaan als' in je tekenprogramma."]


def test_picture_whose_name_is_not_an_address(project):
    write(project, f"{MOD}/beelden/Zaal.png", png())
    line = link_picture(project, "![De zaal](beelden/Zaal.png)")
    assert problems(project) == [
        f"{MOD}/inleiding.md, regel {line}: De naam van het beeld 'Zaal.png' kan geen adres op de site "
        "zijn. Geef het bestand een naam met alleen kleine letters, cijfers en koppeltekens, bijvoorbeeld "
        "'gezinsreis.svg', en pas de link aan."]


def test_picture_that_is_not_what_its_name_says(project):
    write(project, f"{MOD}/beelden/zaal.jpg", png())
    line = link_picture(project, "![De zaal](beelden/zaal.jpg)")
    assert problems(project) == [
        f"{MOD}/inleiding.md, regel {line}: Het bestand 'beelden/zaal.jpg' heet .jpg, maar is een "
        "PNG-bestand. Open het in een tekenprogramma en sla het opnieuw op als JPEG (met de extensie .jpg)."]


def test_picture_from_another_site(project):
    line = link_picture(project, "![De zaal](https://example.org/zaal.png)")
    assert problems(project) == [
        f"{MOD}/inleiding.md, regel {line}: Het beeld 'https://example.org/zaal.png' komt van een andere "
        "site. De gids vraagt niets aan andere sites (privacy) en de browser toont het niet. Mag je het "
        f"beeld gebruiken? Zet het dan in {PICTURE_FOLDER} en link ernaar als 'beelden/naam.png'. Anders: "
        "zet een gewone link naar de pagina met het beeld."]


def test_picture_as_html(project):
    line = link_picture(project, '<img src="beelden/zaal.png">')
    assert problems(project) == [
        f"{MOD}/inleiding.md, regel {line}: De tekst toont een beeld met HTML (<img>). Schrijf het in "
        "Markdown: ![wat er op het beeld staat](beelden/naam.png)."]


SVG_CODE = ("Het beeld 'beelden/schema.svg' bevat code (een <script> of een 'on…'-attribuut). De gids voert "
            "geen code uit beelden uit. Bewaar de tekening opnieuw als 'Gewone SVG' zonder scripts of "
            "interactie, of exporteer ze als PNG.")
SVG_FIX = ("Een beeld op de gids haalt niets van elders (privacy, en de browser blokkeert het). Zet "
           "lettertypes, foto's en andere beelden in de tekening zelf (in Inkscape: 'Insluiten' in plaats "
           "van 'Koppelen'; tekst eventueel 'Omzetten naar pad'), of exporteer ze als PNG.")


@pytest.mark.parametrize("inside", ["<script>alert(1)</script>", '<rect onclick="x()" width="1"/>',
                                    '<SCRIPT type="text/javascript">x()</SCRIPT>'])
def test_svg_with_code(project, inside):
    write(project, f"{MOD}/beelden/schema.svg", f"{SVG_HEAD}{inside}</svg>\n")
    line = link_picture(project, "![Een schema](beelden/schema.svg)")
    assert problems(project) == [f"{MOD}/inleiding.md, regel {line}: {SVG_CODE}"]


@pytest.mark.parametrize(("inside", "shown"), [
    ('<image href="https://example.org/foto.jpg" width="5" height="5"/>', " ('https://example.org/foto.jpg')"),
    ('<image xlink:href="foto.jpg" width="5" height="5"/>', " ('foto.jpg')"),
    ("<style>@import url(https://fonts.example.org/x.css);</style>", " ('https://fonts.example.org/x.css')"),
    ("<style>@import 'lettertype.css';</style>", " ('lettertype.css')"),
    ('<rect fill="url(//example.org/p.svg#x)" width="5" height="5"/>', " ('//example.org/p.svg#x')"),
    ("<foreignObject><div>tekst</div></foreignObject>", ""),
])
def test_svg_with_an_external_reference(project, inside, shown):
    write(project, f"{MOD}/beelden/schema.svg", f"{SVG_HEAD}{inside}</svg>\n")
    line = link_picture(project, "![Een schema](beelden/schema.svg)")
    assert problems(project) == [
        f"{MOD}/inleiding.md, regel {line}: Het beeld 'beelden/schema.svg' verwijst naar een ander "
        f"bestand of een andere site{shown}. {SVG_FIX}"]


def test_svg_with_its_own_references_passes(project):
    """References inside the drawing (#id) and embedded data are no request to anyone."""
    write(project, f"{MOD}/beelden/schema.svg",
          f'{SVG_HEAD}<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="5" height="5"/>'
          '<use href="#g"/><image href="data:image/png;base64,AAAA"/></svg>\n')
    link_picture(project, "![Een schema](beelden/schema.svg)")
    assert [p.name for p in load_package(project).module("omgevingsanalyse").pictures] == ["schema.svg"]


def test_picture_link_in_a_code_block_is_an_example(project):
    link_picture(project, "```\n![](beelden/bestaat-niet.png)\n```")
    assert load_package(project).module("omgevingsanalyse").pictures == ()


def test_picture_mistakes_are_in_make_check(project):
    """`make check` (python -m childcare_guide check) names the file and line in Dutch."""
    line = link_picture(project, "![](beelden/zaal.png)")
    result = run_python(["-m", "childcare_guide", "check", "--root", str(project)])
    assert result.returncode == 1
    assert f"{MOD}/inleiding.md, regel {line}: Het beeld 'beelden/zaal.png' heeft geen beschrijving" \
        in result.stderr
    assert f"{MOD}/inleiding.md, regel {line}: Het beeld 'beelden/zaal.png' bestaat niet" in result.stderr


def test_picture_that_no_text_links(project):
    """Only a linked picture goes to the site: one that no text links is named, like a step file."""
    write(project, f"{MOD}/beelden/vergeten.png", png())
    assert problems(project) == [
        f"{PICTURE_FOLDER}vergeten.png: Het beeld '{PICTURE_FOLDER}vergeten.png' staat in geen enkele "
        "tekst van de module. Link het in een Markdown-bestand van de module als "
        "'![beschrijving](beelden/vergeten.png)', of verwijder het."]


# -- pictures on a hand-written page: docs/images/ ---------------------------------------------

def docs_problems(project: Path, page: str) -> list[str]:
    from childcare_guide.content.form import check_form

    write(project, "docs/gids/tips.md", f"# Tips\n\nEen zin.\n\n{page}\n")
    return [str(p) for p in check_form(project)]


def test_docs_picture_in_docs_images_passes(project):
    write(project, "docs/images/zaal.png", png())
    assert docs_problems(project, "![De zaal](../images/zaal.png)") == []


def test_docs_picture_without_alt_text(project):
    write(project, "docs/images/zaal.png", png())
    assert docs_problems(project, "![](../images/zaal.png)") == [
        "docs/gids/tips.md, regel 5: Het beeld '../images/zaal.png' heeft geen beschrijving (alt-tekst). "
        "Schrijf tussen de vierkante haken in één zin wat er op het beeld staat, voor wie het niet ziet: "
        "![Vier stappen van de gezinsreis](../images/zaal.png)."]


def test_docs_picture_outside_docs_images(project):
    write(project, "docs/gids/zaal.png", png())
    assert docs_problems(project, "![De zaal](zaal.png)") == [
        "docs/gids/tips.md, regel 5: Het beeld 'zaal.png' staat niet in de map docs/images/. Zet het "
        "bestand in docs/images/ en link ernaar vanaf deze pagina, bijvoorbeeld '../images/zaal.png'."]


def test_docs_picture_missing(project):
    assert docs_problems(project, "![De zaal](../images/zaal.png)") == [
        "docs/gids/tips.md, regel 5: Het beeld '../images/zaal.png' bestaat niet: er staat geen bestand "
        "docs/images/zaal.png. Zet het beeld in docs/images/, of pas de naam in de link aan (let op "
        "hoofdletters)."]


# -- picture slides and tiles ---------------------------------------------------------------------

def _picture_slide(project, name: str) -> tuple[int, int]:
    """A picture slide naming `name` after the opening's slides; its line and step number."""
    line = replace(project, YML, "  - id: cijfers-vlaanderen\n",
                   f"      - titel: Zo zit de zaal\n        type: beeld\n        beeld: {name}\n"
                   "  - id: cijfers-vlaanderen\n")
    return line + 2, step_no(project, "opening")


def test_picture_slide_names_a_picture_that_does_not_exist(project):
    line, n = _picture_slide(project, "zaal.png")
    s = slide_no(project, "opening", "Zo zit de zaal")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › {s} › beeld'): De dia toont het beeld 'zaal.png', "
        f"maar dat bestaat niet: er staat geen bestand {MOD}/beelden/zaal.png. Zet het beeld in {MOD}/beelden/, "
        "of pas de naam aan (let op hoofdletters)."]


def test_picture_slide_with_an_svg(project):
    line, n = _picture_slide(project, "schema.svg")
    s = slide_no(project, "opening", "Zo zit de zaal")
    write(project, f"{MOD}/beelden/schema.svg",
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n')
    write(project, f"{MOD}/inleiding.md",
          read(project, f"{MOD}/inleiding.md") + "\n![Een schema van de zaal](beelden/schema.svg)\n")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › {s} › beeld'): Een presentatie kan het beeld "
        "'schema.svg' niet tonen: een dia toont alleen PNG of JPEG. Bewaar de tekening ook als PNG in "
        "dezelfde map, link die PNG in een tekst van de module (met een beschrijving) en zet de PNG op de dia."]


def test_picture_slide_with_a_picture_no_text_describes(project):
    line, n = _picture_slide(project, "zaal.png")
    s = slide_no(project, "opening", "Zo zit de zaal")
    (project / MOD / "beelden").mkdir()
    Image.new("RGB", (8, 4)).save(project / MOD / "beelden" / "zaal.png")
    found = problems(project)
    assert (
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › {s} › beeld'): Het beeld 'zaal.png' heeft nog geen "
        "beschrijving (alt-tekst). Link het in een tekst van de module als '![wat er op het beeld staat]"
        "(beelden/zaal.png)'. De dia neemt die beschrijving over.") in found
    assert len(found) == 2 and any("staat in geen enkele tekst van de module" in p for p in found)


def test_tile_text_too_long_for_its_tile(project):
    rel = "content/modules/toegankelijkheid/module.yml"
    line = replace(project, rel, "tekst: Kan het gezin de prijs en de extra kosten dragen?",
                   "tekst: Kan het gezin de prijs, de maaltijden, de luiers en alle extra kosten elke "
                   "maand dragen?")
    found = problems(project)
    assert len(found) == 1 and f"{rel}, regel {line}" in found[0], found
    assert "tegels › 3 › tekst" in found[0] and "de tekst van een tegel neemt ongeveer 6 regels in" in found[0]


def test_route_stop_with_a_word_too_long_for_its_place(project):
    rel = "content/modules/toegankelijkheid/module.yml"
    replace(project, rel, "          - Informatie zoeken\n", "          - Opvangverantwoordelijkheidsgesprekken\n")
    found = problems(project)
    assert len(found) == 1 and found[0].startswith(f"{rel}, regel "), found
    assert found[0].endswith(
        "dias › 1 › haltes'): De haltes passen niet op de dia: de tekst of een woord van een halte is te "
        "lang voor de plaats bij die halte. Maak de tekst van de haltes korter, kies kortere woorden of "
        "gebruik minder haltes."), found
