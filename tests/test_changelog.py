"""content/wijzigingen.yml: the 'Wat is er nieuw' page and the exact Dutch errors for mistakes."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from childcare_guide.content.errors import ContentError
from childcare_guide.content.loader import load_package
from childcare_guide.render.pages import whats_new_page

FILE = "content/wijzigingen.yml"
ROOT = Path(__file__).resolve().parents[1]
SECOND = """  - versie: 0.0.9
    datum: '2026-10-01'
    samenvatting: Een proefversie voor een paar voorzitters.
    wijzigingen:
      - De eerste twee modules stonden klaar om te testen.
    modules: [omgevingsanalyse]
"""


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_package(root)
    return [str(p) for p in caught.value.problems]


def edit(root: Path, old: str, new: str, rel: str = FILE) -> int:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_the_page_lists_every_version_with_its_modules(package):
    page = whats_new_page(package)
    release = package.releases[0]
    assert release.version == package.version
    assert f"## Versie {release.version} (29 november 2026)" in page
    for change in release.changes:
        assert f"- {change}" in page
    assert "[module 1: Omgevingsanalyse](modules/omgevingsanalyse/index.md)" in page


def test_an_older_version_below_and_an_unquoted_date_are_fine(content_copy):
    (content_copy / FILE).write_text((content_copy / FILE).read_text(encoding="utf-8")
                                     + SECOND.replace("'2026-10-01'", "2026-10-01"), encoding="utf-8")
    package = load_package(content_copy)
    assert [r.version for r in package.releases] == ["0.1.0", "0.0.9"]
    assert package.releases[1].date == dt.date(2026, 10, 1)
    assert "## Versie 0.0.9 (1 oktober 2026)" in whats_new_page(package)


def test_package_version_must_be_the_newest_entry(content_copy):
    edit(content_copy, "versie: 0.1.0", "versie: 0.2.0", rel="content/pakket.yml")
    line = edit(content_copy, "  - versie: 0.1.0", "  - versie: 0.1.0")
    assert problems(content_copy) == [
        f"{FILE}, regel {line} (veld 'versies › 1 › versie'): De nieuwste versie hier is 0.1.0, maar "
        "content/pakket.yml heeft versie 0.2.0. Zet bovenaan een item voor versie 0.2.0 met wat er "
        "veranderde, of maak de versie in content/pakket.yml gelijk aan 0.1.0."]


def test_versions_go_from_new_to_old(content_copy):
    text = (content_copy / FILE).read_text(encoding="utf-8")
    (content_copy / FILE).write_text(text + SECOND.replace("0.0.9", "0.1.0"), encoding="utf-8")
    line = text.count("\n") + 1
    assert problems(content_copy) == [
        f"{FILE}, regel {line} (veld 'versies › 2 › versie'): De versie 0.1.0 staat onder versie "
        "0.1.0, maar is niet ouder. Zet de versies van nieuw naar oud, de nieuwste bovenaan, en "
        "gebruik elk nummer één keer."]


def test_an_older_version_has_no_later_date(content_copy):
    text = (content_copy / FILE).read_text(encoding="utf-8")
    (content_copy / FILE).write_text(text + SECOND.replace("2026-10-01", "2026-12-24"),
                                     encoding="utf-8")
    line = text.count("\n") + 2
    assert problems(content_copy) == [
        f"{FILE}, regel {line} (veld 'versies › 2 › datum'): Versie 0.0.9 heeft een latere datum "
        "(2026-12-24) dan de nieuwere versie 0.1.0 (2026-11-29). Controleer beide datums: een "
        "nieuwere versie komt niet vroeger uit."]


def test_unknown_module(content_copy, package):
    line = edit(content_copy, "      - sociale-functie", "      - sociale-functies")
    folders = ", ".join(sorted(m.slug for m in package.modules))  # omgevingsanalyse, samenwerken-...
    assert problems(content_copy) == [
        f"{FILE}, regel {line} (veld 'versies › 1 › modules › 2'): De module 'sociale-functies' "
        f"bestaat niet. Kies een van deze: {folders}."]


def test_a_date_that_does_not_exist(content_copy):
    line = edit(content_copy, "'2026-11-29'", "'2026-02-30'")
    assert problems(content_copy) == [
        f"{FILE}, regel {line} (veld 'versies › 1 › datum'): De datum '2026-02-30' bestaat niet. "
        "Schrijf een echte datum als jaar-maand-dag, bijvoorbeeld '2026-11-29'."]


def test_a_date_in_another_form(content_copy):
    line = edit(content_copy, "'2026-11-29'", "'29-11-2026'")
    assert problems(content_copy) == [
        f"{FILE}, regel {line} (veld 'versies › 1 › datum'): '29-11-2026' heeft niet de juiste vorm. "
        "Schrijf de datum als jaar-maand-dag tussen aanhalingstekens, bijvoorbeeld '2026-11-29'."]


def test_a_missing_field_says_what_it_is_for(content_copy):
    line = edit(content_copy, "    modules:\n", "    module:\n")
    assert problems(content_copy) == [
        f"{FILE}, regel 6 (veld 'versies › 1 › modules'): Het verplichte veld 'modules' ontbreekt. "
        "Voeg 'modules:' toe — De adressen (mapnamen) van de modules waarvan de inhoud, de "
        "presentatie of een werkblad veranderde, bijvoorbeeld [omgevingsanalyse]. Een lege lijst "
        "[] als geen enkele module veranderde.",
        f"{FILE}, regel {line} (veld 'versies › 1 › module'): Het veld 'module' is onbekend. "
        "Bedoel je 'modules'?"]


def test_missing_file(content_copy):
    (content_copy / FILE).unlink()
    assert problems(content_copy) == [
        f"{FILE}: Het bestand met de wijzigingen per versie ontbreekt. Maak {FILE} met minstens de "
        "huidige versie 0.1.0 (zie content/README.md)."]


def test_check_command_reports_it_in_dutch_without_traceback(content_copy):
    edit(content_copy, "'2026-11-29'", "'2026-02-30'")
    result = subprocess.run([sys.executable, "-m", "childcare_guide", "check", "--root",
                             str(content_copy)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "De datum '2026-02-30' bestaat niet." in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unquoted_date_that_does_not_exist(content_copy):
    edit(content_copy, "'2026-11-29'", "2026-02-30")
    assert problems(content_copy) == [
        f"{FILE}: Een datum in dit bestand bestaat niet. Schrijf elke datum als jaar-maand-dag "
        "tussen aanhalingstekens, bijvoorbeeld '2026-11-29'."]
