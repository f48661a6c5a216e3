"""Every YAML example in CONTRIBUTING.md and content/README.md is checked like real content.

Convention (in the docs): an HTML comment on the line before each ```yaml block says what the
example is, so a test can put it where an editor would:

    <!-- voorbeeld: module.yml -->                  a whole module.yml
    <!-- voorbeeld: module.yml, velden -->          top-level fields of a module.yml
    <!-- voorbeeld: module.yml, onder stappen -->   items added to the list 'stappen'
    <!-- voorbeeld: begrippen.yml, onder begrippen -->, <!-- voorbeeld: zelftest.yml -->, ...

Each example goes into a copy of the real content/ (a module example into every module that has
room for it), together with the Markdown files the docs say to make, and the copy must pass the
same checks as `make check`. The example's own text must pass yamllint with the project's settings.
The minimums the docs list must be the schemas' minItems.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml
from helpers import ROOT
from yamllint import linter

from childcare_guide.content import schema
from childcare_guide.content.chair_pages import load_chair_pages
from childcare_guide.content.errors import ContentError
from childcare_guide.content.form import yamllint_config
from childcare_guide.content.loader import MAX_AGENDA_STEPS, load_package

DOCS = ("CONTRIBUTING.md", "content/README.md")
BLOCK = re.compile(r"^(?P<indent> *)```yaml\n(?P<body>.*?)^(?P=indent)```", re.M | re.S)
LABEL = re.compile(r"<!-- voorbeeld: (?P<file>[a-z]+\.yml)(?:, (?P<how>velden|onder [a-z]+))? -->")
STUB = "## Doen\n\nVoorbeeldtekst.\n"


def examples() -> list[tuple[str, int, str, str | None, str]]:
    """(doc, line, file, how, yaml text) for every ```yaml block of the docs."""
    found = []
    for doc in DOCS:
        text = (ROOT / doc).read_text(encoding="utf-8")
        for block in BLOCK.finditer(text):
            line = text[:block.start()].count("\n") + 1
            above = text[:block.start()].rstrip("\n").rsplit("\n", 1)[-1].strip()
            label = LABEL.fullmatch(above)
            assert label, (f"{doc}, regel {line}: zet boven elk YAML-voorbeeld wat het is, bijvoorbeeld "
                           "'<!-- voorbeeld: module.yml, onder stappen -->'")
            body = textwrap.dedent(block.group("body"))
            found.append((doc, line, label.group("file"), label.group("how"), body))
    return found


EXAMPLES = examples()
MODULES = sorted(p.name for p in (ROOT / "content" / "modules").iterdir() if (p / "module.yml").is_file())


def test_the_docs_have_yaml_examples():
    assert len(EXAMPLES) >= 8
    assert {file for _, _, file, _, _ in EXAMPLES} >= {"module.yml", "begrippen.yml", "zelftest.yml",
                                                        "wijzigingen.yml"}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / ".yamllint.yml", tmp_path / ".yamllint.yml")
    return tmp_path


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")


def _problems(root: Path) -> list[str]:
    """What `make check` says about the content (its form rules ran on the example's own text)."""
    found = []
    try:
        package = load_package(root)
        load_chair_pages(root, package)
    except ContentError as error:
        found += [str(p) for p in error.problems]
    return found


def _put_module_example(module: Path, how: str | None, data) -> None:
    """The example in module.yml as the docs say, with the Markdown files they say to make."""
    yml = module / "module.yml"
    if how is None:
        for sub in ("stappen", "werkinstrumenten"):
            shutil.rmtree(module / sub, ignore_errors=True)
        current = data
    else:
        current = _load(yml)
        if how == "velden":
            current.update(data)
        else:
            key = how.removeprefix("onder ")
            current.setdefault(key, []).extend(data)
            if key == "stappen":  # 'Tel de minuten na': the duration grows with the new step
                current["duur"] += sum(step["minuten"] for step in data)
    _dump(yml, current)
    for step in current["stappen"]:
        path = module / step.get("begeleiding", f"stappen/{step['id']}.md")
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(STUB, encoding="utf-8")
    for sheet in current["werkinstrumenten"]:
        path = module / sheet.get("bestand", f"werkinstrumenten/{sheet['id']}.md")
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(STUB, encoding="utf-8")
    if not (module / "inleiding.md").exists():
        (module / "inleiding.md").write_text("Voorbeeldtekst.\n", encoding="utf-8")


def _put_example(root: Path, file: str, how: str | None, data) -> None:
    path = root / "content" / file
    if how is None:
        _dump(path, data)
        return
    current = _load(path)
    key = how.removeprefix("onder ")
    if isinstance(data, dict) and list(data) == [key]:
        data = data[key]  # the example shows the list with its name above it
    if key == "versies":  # the newest version on top, and the same version in pakket.yml
        current[key] = data + current[key]
        pakket = _load(root / "content" / "pakket.yml")
        pakket["versie"] = data[0]["versie"]
        _dump(root / "content" / "pakket.yml", pakket)
    else:
        current[key].extend(data)
    _dump(path, current)


@pytest.mark.parametrize("doc, line, file, how, text",
                         [pytest.param(*e, id=f"{e[0]}:{e[1]}") for e in EXAMPLES])
def test_example_passes_the_checks(project, doc, line, file, how, text):
    where = f"{doc}, regel {line}"
    lint = [f"{p.line}: {p.desc} ({p.rule})" for p in linter.run(text, yamllint_config(ROOT))]
    assert lint == [], f"{where}: {lint}"
    data = yaml.safe_load(text)
    if file != "module.yml":
        _put_example(project, file, how, data)
        assert _problems(project) == [], where
        return
    tried = 0
    for slug in MODULES:
        module = project / "content" / "modules" / slug
        if how == "onder stappen" and len(_load(module / "module.yml")["stappen"]) + len(data) > MAX_AGENDA_STEPS:
            continue  # the docs say: at most 8 steps
        backup = project / "backup"
        shutil.copytree(module, backup)
        _put_module_example(module, how, data)
        assert _problems(project) == [], f"{where}, in module {slug}"
        shutil.rmtree(module)
        shutil.move(backup, module)
        tried += 1
        if how is None:
            break  # a whole module.yml: once is enough
    assert tried


# -- the minimums the docs list are the schemas' minItems --------------------------------------

MINIMUMS = re.compile(r"<!-- minimums: (?P<schema>[a-z]+\.schema\.json) -->\n\n(?P<table>(?:\|.*\n)+)")
ROW = re.compile(r"^\| `(?P<field>[a-z-]+)`(?: van een (?P<parent>[a-z-]+))? \| (?P<count>\d+) \|")


def schema_minimums(name: str) -> dict[tuple[str, str | None], int]:
    """(field, the $defs item it belongs to or None) -> minItems, for every list in a schema."""
    found = {}
    data = schema.load_schema(name)
    for field, prop in data.get("properties", {}).items():
        if "minItems" in prop:
            found[(field, None)] = prop["minItems"]
    for parent, definition in data.get("$defs", {}).items():
        for field, prop in definition.get("properties", {}).items():
            if isinstance(prop, dict) and "minItems" in prop:
                found[(field, parent)] = prop["minItems"]
    return found


def test_documented_minimums_are_the_schemas():
    text = (ROOT / "content" / "README.md").read_text(encoding="utf-8")
    tables = {m.group("schema"): m.group("table") for m in MINIMUMS.finditer(text)}
    assert set(tables) == {name for name in schema.SCHEMA_FILES if schema_minimums(name)}
    for name, table in tables.items():
        documented = {}
        for row in table.splitlines()[2:]:
            match = ROW.match(row)
            assert match, f"content/README.md: rij '{row}' heeft niet de vorm '| `veld` | 3 |'"
            documented[(match.group("field"), match.group("parent"))] = int(match.group("count"))
        assert documented == schema_minimums(name), name


def test_contributing_names_the_limits_of_the_checks():
    text = " ".join((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split())
    assert f"hoogstens {MAX_AGENDA_STEPS} stappen" in text
    minimum = schema.load_schema("module.schema.json")["properties"]["doelstellingen"]["minItems"]
    assert f"minstens {minimum} doelstellingen" in text
