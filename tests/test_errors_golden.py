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
import sys
from pathlib import Path

import pytest
import yaml

from childcare_guide.errors import ContentError
from childcare_guide.loader import load_package

REPO = Path(__file__).resolve().parents[1]
MOD = "content/modules/omgevingsanalyse"
YML = f"{MOD}/module.yml"
OTHER = "content/modules/sociale-functie"

ID_FIX = "Gebruik alleen kleine letters, cijfers en koppeltekens, bijvoorbeeld 'cijfers-vlaanderen'."
INDENT_FIX = ("Controleer of deze regel even ver inspringt als de velden ernaast en of elk veld de "
              "vorm 'naam: waarde' heeft.")
SLIDE_TITLE_FIX = "Geef elke dia een eigen titel; zo vinden schermlezers en deelnemers hun weg."


# -- helpers ---------------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A temporary project root with a copy of the real content/ (schemas/ come from the repo)."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    return tmp_path


def problems(root: Path) -> list[str]:
    """Load the content; it must fail. The text of every problem, in report order."""
    with pytest.raises(ContentError) as caught:
        load_package(root)
    return [str(p) for p in caught.value.problems]


def read(root: Path, rel: str) -> str:
    return (root / rel).read_text(encoding="utf-8")


def write(root: Path, rel: str, data: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")


def line_of(text: str, needle: str, after: str = "") -> int:
    """1-based line where needle first occurs (after the first occurrence of `after`)."""
    start = text.index(after) if after else 0
    index = text.index(needle, start)
    return text[:index].count("\n") + 1


def replace(root: Path, rel: str, old: str, new: str, after: str = "") -> int:
    """Replace the first `old` (after `after`) in a file; return the line where it was."""
    text = read(root, rel)
    assert after in text, f"{after!r} staat niet meer in {rel}"
    assert old in text[text.index(after) if after else 0:], f"{old!r} staat niet meer in {rel}"
    line = line_of(text, old, after)
    start = text.index(old, text.index(after) if after else 0)
    write(root, rel, text[:start] + new + text[start + len(old):])
    return line


def set_line(root: Path, rel: str, after: str, prefix: str, new: str) -> int:
    """Replace the whole first line starting with prefix (after `after`); return its number."""
    lines = read(root, rel).split("\n")
    begin = next(i for i, line in enumerate(lines) if line.startswith(after)) if after else 0
    index = next(i for i in range(begin, len(lines)) if lines[i].startswith(prefix))
    lines[index] = new
    write(root, rel, "\n".join(lines))
    return index + 1


def module_data(root: Path, rel: str = YML) -> dict:
    return yaml.safe_load(read(root, rel))


def step_no(root: Path, step_id: str) -> int:
    """Position (from 1, as in the field names) of the step with this id."""
    ids = [s["id"] for s in module_data(root)["stappen"]]
    return ids.index(step_id) + 1


def slide_no(root: Path, step_id: str, title: str) -> int:
    titles = [d["titel"] for d in module_data(root)["stappen"][step_no(root, step_id) - 1]["dias"]]
    return titles.index(title) + 1


def sheet_no(root: Path, sheet_id: str) -> int:
    ids = [w["id"] for w in module_data(root)["werkinstrumenten"]]
    return ids.index(sheet_id) + 1


def test_the_copied_content_is_valid(project):
    """Guard: without a mistake the copy loads, so every failure below comes from the mistake."""
    assert load_package(project).modules


# -- YAML syntax -------------------------------------------------------------------------------

def test_broken_indentation(project):
    line = set_line(project, YML, "  - id: opening", "    minuten:", "   minuten: 10")
    assert problems(project) == [
        f"{YML}, regel {line}: De inspringing of de opbouw van de YAML klopt niet. {INDENT_FIX}"]


def test_key_indented_too_far(project):
    line = set_line(project, YML, "", "titel:", "  titel: Omgevingsanalyse")
    assert problems(project) == [
        f"{YML}, regel {line}: Er staat een dubbele punt op een plaats waar dat niet mag. "
        "Zet de tekst tussen aanhalingstekens als hij een dubbele punt bevat, of controleer de inspringing."]


def test_tab_character(project):
    line = set_line(project, YML, "  - id: opening", "    minuten:", "\tminuten: 10")
    assert problems(project) == [
        f"{YML}, regel {line}: Deze regel bevat een tab. Gebruik spaties om in te springen, geen tabs."]


@pytest.mark.parametrize("after, starts, broken", [
    pytest.param("", "titel:", 'titel: "Omgevingsanalyse', id="aanhalingsteken"),
    pytest.param("  - id: opening", "    materiaal:", "    materiaal: [Presentatie, Naamkaartjes",
                 id="haakje"),
])
def test_unclosed_quote_or_bracket_points_at_its_own_line(project, after, starts, broken):
    line = set_line(project, YML, after, starts, broken)
    assert problems(project) == [
        f"{YML}, regel {line}: Een aanhalingsteken of haakje wordt niet gesloten. "
        "Sluit elk aanhalingsteken en elk haakje op dezelfde regel."]


def test_control_character_is_reported_not_a_traceback(project):
    line = set_line(project, YML, "", "titel:", "titel: Omgevings\x00analyse")
    assert problems(project) == [
        f"{YML}, regel {line}: Deze regel bevat een onzichtbaar teken dat niet mag (#x0000). "
        "Verwijder het teken: typ de regel opnieuw in plaats van hem te kopiëren."]


def test_duplicate_key(project):
    line = replace(project, YML, "duur:", "nummer: 1\nduur:")
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'nummer'): Het veld 'nummer' staat twee keer in dezelfde groep. "
        "Houd één van de twee over; anders gaat de eerste waarde verloren."]


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
        "toegelaten waarde. Kies een van deze waarden: 'tekst', 'twee-kolommen', 'cijfers', 'grafiek', 'stelling'."]


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
    set_line(project, f"{OTHER}/module.yml", "", "nummer:", "nummer: 1")
    assert problems(project) == [
        f"{YML} (veld 'nummer'): Het nummer 1 wordt ook gebruikt door module 'sociale-functie'. "
        "Geef elke module een ander nummer.",
        f"{OTHER}/module.yml (veld 'nummer'): Het nummer 1 wordt ook gebruikt door module "
        "'omgevingsanalyse'. Geef elke module een ander nummer."]


def test_slide_with_unknown_fill_in_field(project):
    n, s = step_no(project, "opening"), slide_no(project, "opening", "Waarom we vandaag samenkomen")
    line = replace(project, YML, "invulvelden: [gemeente]", "invulvelden: [gemeent]")
    known = sorted({"gemeente", "datum", "voorzitter"}
                   | {f["id"] for f in module_data(project)["invulvelden"]})
    assert problems(project) == [
        f"{YML}, regel {line} (veld 'stappen › {n} › dias › {s} › invulvelden › 1'): Het invulveld "
        f"'gemeent' bestaat niet. Voeg het toe onder 'invulvelden' of kies een van deze: {', '.join(known)}."]


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
        f"{MOD}/inleiding.md, regel 2: Het bestand is niet in UTF-8 opgeslagen. Sla het bestand op met "
        "de codering UTF-8 (in je editor: 'Opslaan met codering')."]


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
        "met titel, ondertitel, versie en invulvelden."]


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
    "javascript-link": ("[Klik hier](javascript:alert(1))",
                        "De tekst bevat een 'javascript:'-link. Gebruik een gewone link die met "
                        "https:// begint."),
    "http-link": ("Zie [de site van Opgroeien](http://www.opgroeien.be).",
                  "De link 'http://www.opgroeien.be' is niet beveiligd (http). Gebruik het adres dat "
                  "met https:// begint."),
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
        "Gebruik [[cijfertabel]], [[invulvelden]]."]


# -- several mistakes at once: all of them are reported ----------------------------------------

def test_several_markdown_mistakes_in_one_file_are_all_reported(project):
    write(project, f"{MOD}/stappen/opening.md",
          "## Zeggen\n\n<script>x()</script>\n\n<iframe src=\"https://a.be\"></iframe>\n\n"
          "[Site](http://a.be)\n")
    assert problems(project) == [
        f"{MOD}/stappen/opening.md, regel 3: De tekst bevat een <script>-blok. Verwijder het: de gids "
        "voert geen eigen scripts uit de inhoud uit.",
        f"{MOD}/stappen/opening.md, regel 5: De tekst bevat een <iframe>. Verwijder het en zet een "
        "gewone link naar de pagina.",
        f"{MOD}/stappen/opening.md, regel 7: De link 'http://a.be' is niet beveiligd (http). Gebruik "
        "het adres dat met https:// begint."]


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
        "toegelaten waarde. Kies een van deze waarden: 'tekst', 'twee-kolommen', 'cijfers', 'grafiek', 'stelling'.",
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
    assert report.splitlines()[0] == "De inhoud bevat 1 fout. Verbeter ze en probeer opnieuw."
    assert report.splitlines()[1] == f"- {caught.value.problems[0]}"
    write(project, f"{OTHER}/inleiding.md", "")
    with pytest.raises(ContentError) as caught:
        load_package(project)
    assert caught.value.report().splitlines()[0] == \
        "De inhoud bevat 2 fouten. Verbeter ze en probeer opnieuw."


# -- command line ----------------------------------------------------------------------------

def _run(args: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(REPO / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]))
    return subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True,
                          env=env, timeout=300)


def _break(project: Path) -> tuple[int, str]:
    line = set_line(project, YML, "  - id: opening", "    minuten:", "    minuten: tien")
    write(project, f"{MOD}/stappen/extra.md", "## Zeggen\n\nExtra.\n")
    n = step_no(project, "opening")
    return line, (
        "De inhoud bevat 1 fout. Verbeter ze en probeer opnieuw.\n"
        f"- {YML}, regel {line} (veld 'stappen › {n} › minuten'): 'tien' is geen geheel getal. "
        "Schrijf een geheel getal zonder aanhalingstekens, bijvoorbeeld 10.\n")


def test_cli_check_reports_in_dutch(project):
    # a schema mistake stops that module early, so the orphan file in it is not reported yet
    _, report = _break(project)
    result = _run(["-m", "childcare_guide", "check", "--root", str(project)])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == report
    assert result.stdout == ""


def test_build_decks_writes_nothing_on_bad_content(project, tmp_path):
    _, report = _break(project)
    out = tmp_path / "decks"
    result = _run([str(REPO / "scripts" / "build_decks.py"), "--root", str(project), "--out", str(out)])
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
