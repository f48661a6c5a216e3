"""`make check` is the whole truth for content: the form rules of the commit hooks (yamllint with
.yamllint.yml) are in it, in Dutch, with file and line; a file that is not UTF-8 is a Dutch message,
never a traceback; and content that `make check` passes also passes yamllint."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import BIN, ROOT

from childcare_guide.content.form import FALLBACK_CONFIG, check_form, yamllint_config

YML = "content/modules/omgevingsanalyse/module.yml"
PAKKET = "content/pakket.yml"
LONG_FIX = ("Zet een deel van de tekst op een nieuwe regel, even ver ingesprongen. Staat de tekst achter "
            "'naam:'? Schrijf dan 'naam: >-' en zet de tekst op de regels eronder, 2 spaties verder "
            "ingesprongen.")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """content/, docs/ and .yamllint.yml of the project in a temporary root."""
    for name in ("content", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / ".yamllint.yml", tmp_path / ".yamllint.yml")
    return tmp_path


def check(root: Path) -> subprocess.CompletedProcess:
    """`make check`'s command on root."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]))
    return subprocess.run([sys.executable, "-m", "childcare_guide", "check", "--root", str(root)],
                          capture_output=True, text=True, env=env, timeout=300)


def yamllint(root: Path, *paths: str) -> subprocess.CompletedProcess:
    """The pre-commit hook's tool, with the project's settings, on the given paths."""
    return subprocess.run([str(BIN / "yamllint"), "--strict", *paths], cwd=root, capture_output=True,
                          text=True)


def lines_of(result: subprocess.CompletedProcess) -> list[str]:
    return result.stderr.splitlines()[1:]


def edit(root: Path, rel: str, old: str, new: str) -> int:
    """Replace the first old by new; the line where it was."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} staat niet meer in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def test_clean_content_passes_the_check_and_yamllint(project):
    result = check(project)
    assert result.returncode == 0, result.stderr
    assert "in orde" in result.stdout
    assert check_form(project) == []
    lint = yamllint(project, "content", "docs")
    assert lint.returncode == 0, lint.stdout


def test_the_fallback_settings_are_the_project_settings(tmp_path):
    """A root without .yamllint.yml (a copy of content/ only) is checked with the same rules."""
    assert yamllint_config(tmp_path).rules == yamllint_config(ROOT).rules
    assert yaml.safe_load(FALLBACK_CONFIG)["rules"] == yaml.safe_load(
        (ROOT / ".yamllint.yml").read_text(encoding="utf-8"))["rules"]


def test_each_form_mistake_is_told_in_dutch_and_yamllint_agrees(project):
    # a line over 150 characters, spaces at the end of a line, Windows line endings, no newline at
    # the end, too many blank lines, 'yes' that YAML reads as true, a comment without a space
    edit(project, YML, "duur: 80\n", "duur: 80\n# " + "lang " * 39 + "lang\n")
    edit(project, YML, "titel: Omgevingsanalyse\n", "titel: Omgevingsanalyse  \n")
    edit(project, YML, "inhoud: >-\n", "\n\n\ninhoud: >-\n")
    edit(project, YML, "invulvelden:\n", "invulvelden:  #velden\n")
    final = (project / YML).read_text(encoding="utf-8").split("\n")
    trailing = final.index("titel: Omgevingsanalyse  ") + 1
    long_line = next(i for i, line in enumerate(final, 1) if line.startswith("# lang"))
    blank = final.index("inhoud: >-")  # the third blank line, just above
    comment = final.index("invulvelden:  #velden") + 1
    other = "content/modules/sociale-functie/module.yml"
    path = project / other
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    pakket = project / PAKKET
    pakket.write_text(pakket.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")
    last = len(pakket.read_text(encoding="utf-8").split("\n"))

    result = check(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "in orde" not in result.stdout
    report = "\n".join(lines_of(result))
    for expected in (
        f"- {YML}, regel {trailing}: Aan het einde van deze regel staan spaties. Verwijder de spaties na "
        "het laatste teken van de regel.",
        f"- {YML}, regel {long_line}: Deze regel is te lang (201 tekens; hoogstens 150). {LONG_FIX}",
        f"- {YML}, regel {blank}: Hier staan te veel lege regels. Laat hoogstens 2 lege regels na "
        "elkaar staan, en geen lege regel aan het begin of het einde van het bestand.",
        f"- {YML}, regel {comment}: Na het hekje (#) van de opmerking staat geen spatie. Zet een "
        "spatie na #, zo: '# opmerking'.",
        f"- {other}, regel 1: Het bestand gebruikt Windows-regeleinden (CR LF). Sla het op met "
        "regeleinden 'LF' (Unix): in VS Code klik je rechts onderaan op 'CRLF' en kies je 'LF'.",
        f"- {PAKKET}, regel {last}: De laatste regel van het bestand eindigt niet met een regeleinde. "
        "Zet de cursor aan het einde van de laatste regel, druk op Enter en sla op.",
    ):
        assert expected in report.splitlines(), f"{expected}\nniet in:\n{report}"
    assert len(report.splitlines()) == 6, report
    # the hook's tool finds a mistake in each of these files as well: the two never disagree
    for rel in (YML, other, PAKKET):
        assert yamllint(project, rel).returncode != 0, rel


def test_truthy_word_is_told_in_dutch(project):
    line = edit(project, YML, "    werkvorm: Plenair, korte kennismakingsronde\n", "    werkvorm: yes\n")
    result = check(project)
    assert f"- {YML}, regel {line}: YAML leest 'yes' als ja of nee, niet als tekst. Bedoel je ja of nee? " \
           "Schrijf dan true of false. Bedoel je het woord? Zet het dan tussen aanhalingstekens: " \
           "'yes'." in result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    assert yamllint(project, YML).returncode != 0


def test_module_yml_saved_as_windows_1252(project):
    """yamllint itself stops with a traceback on such a file; the check says what to do."""
    path = project / YML
    text = path.read_text(encoding="utf-8").replace("titel: Omgevingsanalyse",
                                                    "titel: Omgevingsanalyse in één oogopslag", 1)
    path.write_bytes(text.encode("cp1252"))
    line = text[:text.index("één")].count("\n") + 1
    result = check(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert lines_of(result) == [
        f"- {YML}, regel {line}: Het bestand is niet in UTF-8 opgeslagen: op deze regel staat het eerste "
        "teken dat geen UTF-8 is (vaak een letter met een accent, zoals é). Sla het bestand opnieuw op "
        "met de codering UTF-8 (in je editor: 'Opslaan met codering' en dan 'UTF-8'). Kijk daarna de "
        "letters met accenten op deze regel na."]


def test_markdown_in_docs_not_in_utf8(project):
    page = sorted((project / "docs").glob("*.md"))[0]
    page.write_bytes("Eerste regel\nCrèche\n".encode("cp1252"))
    rel = page.relative_to(project).as_posix()
    result = check(project)
    assert result.returncode == 1
    assert f"- {rel}, regel 2: Het bestand is niet in UTF-8 opgeslagen" in result.stderr


ALLOWED = ("Toegelaten zijn links die met https:// beginnen, mailto:- en tel:-links, en links naar "
           "pagina's en bestanden van de gids zelf.")


def test_http_link_in_docs_is_reported_before_the_build_stops(project):
    page = project / "docs" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nMeer bij [Opgroeien](http://www.opgroeien.be).\n", encoding="utf-8")
    line = len(text.split("\n")) + 1
    result = check(project)
    assert result.returncode == 1
    assert lines_of(result) == [
        f"- docs/index.md, regel {line}: De link 'http://www.opgroeien.be' is niet beveiligd (http). "
        f"Gebruik het adres dat met https:// begint. {ALLOWED}"]


def test_the_site_link_rule_runs_on_content_markdown_in_any_spelling(project):
    """The same rule as the build (content/links.py), on the Markdown as the site renders it."""
    page = project / "content" / "modules" / "omgevingsanalyse" / "inleiding.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + '\nKlik [hier](JaVa&#x09;ScRiPt:alert(1)) of <a href="data:text/html,x">daar</a>.\n',
                    encoding="utf-8")
    line = len(text.split("\n")) + 1
    result = check(project)
    assert result.returncode == 1
    found = lines_of(result)
    assert len(found) == 2, found
    assert all(entry.startswith(f"- content/modules/omgevingsanalyse/inleiding.md, regel {line}: ")
               for entry in found)
    assert "voert code uit (javascript:)" in found[0]
    assert "(data:)" in found[1]


def test_the_check_renders_markdown_with_the_link_extensions_of_mkdocs_yml():
    import yaml

    from childcare_guide.content.form import LINK_EXTENSIONS

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert set(LINK_EXTENSIONS) == set(names) - {"toc"}  # toc adds only in-page anchors


def test_yaml_mistakes_in_several_modules_each_once_in_dutch(project):
    """One mistake per module; `make check` names each once (the loader and the form rules agree)."""
    modules = "content/modules"
    edits = {
        "omgevingsanalyse": ("    minuten: 10\n    werkvorm: Plenair, korte",
                             "   minuten: 10\n    werkvorm: Plenair, korte", "Deze regel springt 3 spaties in"),
        "sociale-functie": ("\ntitel: ", "\ntitel: 'Sociale ",
                            "Het aanhalingsteken (') op deze regel wordt niet gesloten."),
        "toegankelijkheid": ("\nduur:", "\nnummer: 9\nduur:", "Het veld 'nummer' staat twee keer in dezelfde groep"),
        "samenwerken-met-toeleiders": ("\nduur: ", "\nduur ", "Na de naam van het veld ontbreekt de dubbele punt."),
    }
    expected = []
    for slug, (old, new, message) in edits.items():
        rel = f"{modules}/{slug}/module.yml"
        line = edit(project, rel, old, new) + (1 if old.startswith("\n") else 0)
        expected.append((rel, line, message))
    result = check(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    report = lines_of(result)
    assert len(report) == len(edits), result.stderr
    for rel, line, message in expected:
        assert any(row.startswith(f"- {rel}, regel ") and message in row for row in report), (rel, report)
        if "twee keer" not in message:
            assert any(row.startswith(f"- {rel}, regel {line}: ") for row in report), (rel, line, report)


def test_valid_yaml_with_inconsistent_indentation_is_told_in_dutch(project):
    """YAML that reads fine but breaks the indentation rule of .yamllint.yml (as the hook did)."""
    text = (project / YML).read_text(encoding="utf-8")
    start = text.index("doelstellingen:\n") + len("doelstellingen:\n")
    end = text.index("invulvelden:\n")
    block = text[start:end]
    (project / YML).write_text(text[:start] + block.replace("\n  - ", "\n    - ").replace("  - ", "    - ", 1)
                               + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 1
    result = check(project)
    assert result.returncode == 1
    assert lines_of(result) == [
        f"- {YML}, regel {line}: Deze regel springt 4 spaties in; hier horen er 2. Laat de regels van "
        "dezelfde groep even ver inspringen; een veld onder een ander veld springt 2 spaties verder in."]
    assert yamllint(project, YML).returncode != 0
