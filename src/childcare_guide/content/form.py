"""How the content files are written: the rules the commit hooks enforce, checked by `make check`.

Every Markdown file of content/ and docs/ also gets the site's one link rule (content/links.py),
on the Markdown rendered to HTML with the extensions of mkdocs.yml that make links, so a link that
would stop `make build` is reported by `make check` first, at its line.

yamllint, with the project's .yamllint.yml, checks the form of every YAML file (line length,
spaces at the end of a line, Windows line endings, the last newline, indentation...). It runs here
on content/ and docs/ so that `make check` tells the whole truth, in Dutch: the pre-commit hook for
yamllint skips those folders and the hook `make check` covers them (.pre-commit-config.yaml).
A file that is not UTF-8 is reported before yamllint sees it (yamllint would stop with a traceback).
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from childcare_guide.content.errors import ContentProblem, display_path
from childcare_guide.content.links import ALLOWED_TEXT, bad_links, link_problems, what_to_do
from childcare_guide.content.pictures import check_docs_links
from childcare_guide.content.yamlsource import load_yaml, read_text
from childcare_guide.content.yamlsyntax import spaces

FOLDERS = ("content", "docs")
YAML_SUFFIXES = (".yml", ".yaml")
TEXT_SUFFIXES = (".md",)
CONFIG_FILE = ".yamllint.yml"

# The project's .yamllint.yml, for a root without one (a copy of content/ in a temporary folder).
# tests/test_pre_commit.py checks that it gives the same rules as the file.
FALLBACK_CONFIG = """\
extends: default
rules:
  document-start: disable
  line-length:
    max: 150
    allow-non-breakable-words: true
  truthy:
    check-keys: false
  comments:
    min-spaces-from-content: 1
  indentation:
    spaces: 2
    indent-sequences: consistent
"""

# Rules whose mistakes the loader's own YAML reading already tells precisely (and in Dutch).
OWN_RULES = {None, "key-duplicates"}

LONG_FIX = ("Zet een deel van de tekst op een nieuwe regel, even ver ingesprongen. Staat de tekst "
            "achter 'naam:'? Schrijf dan 'naam: >-' en zet de tekst op de regels eronder, "
            "2 spaties verder ingesprongen.")


def yamllint_config(root: Path):
    """The yamllint configuration the pre-commit hook uses: root/.yamllint.yml."""
    from yamllint.config import YamlLintConfig

    path = root / CONFIG_FILE
    if path.is_file():
        return YamlLintConfig(file=str(path))
    return YamlLintConfig(content=FALLBACK_CONFIG)


def check_form(root: Path) -> list[ContentProblem]:
    """Every form mistake in the YAML and Markdown files under content/ and docs/."""
    root = root.resolve()
    problems: list[ContentProblem] = []
    config = None
    for path in _files(root):
        shown = display_path(path, root)
        text = read_text(path, shown, problems)  # not UTF-8: a Dutch problem, no yamllint
        if text is not None and path.suffix in TEXT_SUFFIXES:
            problems.extend(_forbidden_links(path, text, shown, root))
        if text is not None and path.suffix == ".md" and shown.startswith("docs/"):
            check_docs_links(text, path, shown, root / "docs", problems)
        if text is None or path.suffix not in YAML_SUFFIXES:
            continue
        if config is None:
            try:
                config = yamllint_config(root)
            except ImportError:  # installed without the [test] extra: say so, never 'in orde'
                problems.append(ContentProblem(
                    shown, None, None, "Het programma yamllint ontbreekt: de vorm van de "
                    "YAML-bestanden kan niet nagekeken worden.",
                    "Voer 'make check' uit in de map van het project: dat installeert alles wat "
                    "nodig is."))
                return problems
        if config.is_file_ignored(shown):
            continue
        load_yaml(path, shown, problems)  # syntax and duplicate keys, in the loader's words
        problems.extend(_yamllint(path, shown, config))
    return problems


# The extensions of mkdocs.yml (markdown_extensions) that shape links and raw HTML; a test keeps
# this list equal to mkdocs.yml's.
LINK_EXTENSIONS = ("tables", "admonition", "attr_list", "md_in_html", "pymdownx.details",
                   "pymdownx.superfences", "abbr", "pymdownx.tasklist")


def _forbidden_links(path: Path, text: str, shown: str, root: Path) -> list[ContentProblem]:
    """Every link of a Markdown file that the site's link rule does not allow, at its line."""
    found = bad_links(markdown.markdown(text, extensions=list(LINK_EXTENSIONS)))
    return [ContentProblem(problem.file, problem.line, None, _sentence(what_to_do(problem.link)), ALLOWED_TEXT)
            for problem in link_problems(found, [path], root, shown)]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _files(root: Path) -> list[Path]:
    found = []
    for folder in FOLDERS:
        base = root / folder
        if base.is_dir():
            found.extend(p for p in base.rglob("*") if p.is_file()
                         and p.suffix in YAML_SUFFIXES + TEXT_SUFFIXES
                         and not any(part.startswith(".") for part in p.relative_to(root).parts))
    return sorted(found)


def _yamllint(path: Path, shown: str, config) -> list[ContentProblem]:
    from yamllint import linter

    raw = path.read_bytes()
    lines = raw.decode("utf-8", errors="replace").split("\n")
    out = []
    try:
        found = list(linter.run(raw.decode("utf-8"), config, shown))
    except Exception as error:  # noqa: BLE001 - a linter must never end `make check` in a traceback
        return [ContentProblem(shown, None, None,
                               f"Het bestand kan niet nagekeken worden ({type(error).__name__}).",
                               "Controleer of het een gewoon tekstbestand in UTF-8 is.")]
    if b"\r\n" in raw:
        first = raw[: raw.index(b"\r\n")].count(b"\n") + 1
        out.append(ContentProblem(
            shown, first, None, "Het bestand gebruikt Windows-regeleinden (CR LF).",
            "Sla het op met regeleinden 'LF' (Unix): in VS Code klik je rechts onderaan op 'CRLF' "
            "en kies je 'LF'."))
    for problem in found:
        if problem.rule in OWN_RULES or problem.rule == "new-lines":
            continue
        line = lines[problem.line - 1] if 0 < problem.line <= len(lines) else ""
        message, fix = _dutch(problem.rule, problem.desc, line, problem.column)
        out.append(ContentProblem(shown, problem.line, None, message, fix))
    return out


def _dutch(rule: str, desc: str, line: str, column: int) -> tuple[str, str]:
    """yamllint's rule and description in Dutch: what is wrong and what to do."""
    numbers = [int(n) for n in re.findall(r"\d+", desc)]
    if rule == "line-length":
        length, limit = (numbers + [len(line), 150])[:2]
        return f"Deze regel is te lang ({length} tekens; hoogstens {limit}).", LONG_FIX
    if rule == "trailing-spaces":
        return ("Aan het einde van deze regel staan spaties.",
                "Verwijder de spaties na het laatste teken van de regel.")
    if rule == "new-line-at-end-of-file":
        return ("De laatste regel van het bestand eindigt niet met een regeleinde.",
                "Zet de cursor aan het einde van de laatste regel, druk op Enter en sla op.")
    if rule == "empty-lines":
        return ("Hier staan te veel lege regels.",
                "Laat hoogstens 2 lege regels na elkaar staan, en geen lege regel aan het begin of "
                "het einde van het bestand.")
    if rule == "indentation":
        if len(numbers) >= 2:
            return (f"Deze regel springt {spaces(numbers[1])} in; hier horen er {numbers[0]}.",
                    "Laat de regels van dezelfde groep even ver inspringen; een veld onder een ander "
                    "veld springt 2 spaties verder in.")
        return ("De inspringing van deze regel klopt niet.",
                "Laat de regels van dezelfde groep even ver inspringen; een veld onder een ander "
                "veld springt 2 spaties verder in.")
    if rule == "hyphens":
        return "Na het streepje (-) staat meer dan één spatie.", "Laat één spatie staan na het streepje."
    if rule == "colons":
        where = "Voor" if "before" in desc else "Na"
        return (f"{where} de dubbele punt staan te veel spaties.",
                "Schrijf 'naam: waarde': geen spatie voor de dubbele punt, één spatie erna.")
    if rule == "commas":
        if "few" in desc:
            return "Na de komma ontbreekt een spatie.", "Zet één spatie na elke komma: [a, b]."
        where = "Voor" if "before" in desc else "Na"
        return f"{where} de komma staan te veel spaties.", "Schrijf een lijst zo: [a, b]."
    if rule in ("brackets", "braces"):
        pair = "[ ]" if rule == "brackets" else "{ }"
        return (f"Binnen de haakjes {pair} staan spaties die er niet horen.",
                f"Schrijf geen spatie na {pair[0]} en geen spatie voor {pair[2]}, zo: "
                f"{pair[0]}a, b{pair[2]}.")
    if rule == "comments":
        if "starting space" in desc:
            return ("Na het hekje (#) van de opmerking staat geen spatie.",
                    "Zet een spatie na #, zo: '# opmerking'.")
        return ("Voor het hekje (#) van de opmerking staat geen spatie.",
                "Zet een spatie tussen de tekst en #. Hoort # bij de tekst? Zet de tekst dan tussen "
                "aanhalingstekens.")
    if rule == "comments-indentation":
        return ("Deze opmerking (#) springt niet even ver in als de regels eronder.",
                "Laat de opmerking even ver inspringen als de regel eronder.")
    if rule == "truthy":
        word = re.match(r"[^\s,\]}#]*", line[column - 1:]).group(0) if column else ""
        return (f"YAML leest '{word}' als ja of nee, niet als tekst.",
                f"Bedoel je ja of nee? Schrijf dan true of false. Bedoel je het woord? Zet het dan "
                f"tussen aanhalingstekens: '{word}'.")
    if rule == "anchors":
        return ("De tekens & en * hebben in YAML een speciale betekenis.",
                "Zet de tekst tussen aanhalingstekens als hij met & of * begint.")
    if rule in ("document-start", "document-end"):
        return ("Deze regel met --- of ... hoort niet in het bestand.", "Verwijder de regel.")
    return (f"Deze regel volgt de schrijfregel '{rule}' niet.",
            "Vergelijk de regel met de regels erboven; vraag hulp als het niet lukt.")
