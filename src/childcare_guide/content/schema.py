"""The JSON Schemas are the single source of the structural rules; errors become Dutch."""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from childcare_guide.content.errors import ContentProblem
from childcare_guide.content.yamlsource import YamlDocument, dotted
from childcare_guide.content.yamlsyntax import quote_text
from childcare_guide.package_data import package_file

SCHEMA_DIR = package_file("schemas")
SCHEMA_FILES = ("module.schema.json", "pakket.schema.json", "zelftest.schema.json", "begrippen.schema.json",
                "wijzigingen.schema.json", "termen.schema.json")

TYPE_NAMES = {
    "integer": "een geheel getal",
    "number": "een getal",
    "string": "een tekst",
    "array": "een lijst (regels die met '- ' beginnen)",
    "object": "een groep velden (naam: waarde)",
    "boolean": "ja of nee",
}
TYPE_FIXES = {
    "integer": "Schrijf een geheel getal zonder aanhalingstekens, bijvoorbeeld 10.",
    "number": "Schrijf een getal zonder aanhalingstekens, met een punt als decimaalteken, bijvoorbeeld 12.1.",
    "string": "Schrijf een tekst; zet hem tussen aanhalingstekens als hij met een cijfer of teken begint.",
    "array": "Zet elk element op een eigen regel die begint met '- '.",
    "object": "Zet de velden ingesprongen onder deze naam, elk als 'naam: waarde'.",
}
PATTERN_FIXES = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": ("Gebruik alleen kleine letters, cijfers en koppeltekens, "
                                 "bijvoorbeeld 'cijfers-vlaanderen'."),
    "\\.md$": "Geef een Markdown-bestand op dat eindigt op .md.",
    "^[0-9]+\\.[0-9]+\\.[0-9]+$": "Schrijf de versie als drie getallen met punten, bijvoorbeeld 1.2.0.",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": ("Schrijf de datum als jaar-maand-dag tussen aanhalingstekens, "
                                     "bijvoorbeeld '2026-11-29'."),
    "^20[0-9]{2}-(0[1-9]|1[0-2])$": ("Schrijf de editie als jaar-maand tussen aanhalingstekens, "
                                     "bijvoorbeeld '2026-12' voor editie december 2026."),
    "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$": "Schrijf een volledig e-mailadres, bijvoorbeeld naam@voorbeeld.be.",
    "^https://[^\\s/]+(/[^\\s/]+)+/?$": ("Geef het volledige adres van de repository, in de vorm "
                                        "'https://github.com/<organisatie>/<repository>'."),
    "^https://[^\\s]+$": "Geef een volledig webadres dat met https:// begint, zonder spaties.",
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


@cache
def _validator(name: str) -> Draft202012Validator:
    registry = Registry().with_resources(
        (file, Resource.from_contents(load_schema(file))) for file in SCHEMA_FILES)
    return Draft202012Validator(load_schema(name), registry=registry)


def validate(doc: YamlDocument, schema_name: str, shown: str) -> list[ContentProblem]:
    """Check a YAML document against a schema; one Dutch problem per mistake."""
    problems = []
    for error in _validator(schema_name).iter_errors(doc.data):
        problems.extend(_translate(error, doc, shown))
    return problems


def _translate(error: ValidationError, doc: YamlDocument, shown: str) -> list[ContentProblem]:
    path = tuple(error.absolute_path)
    line = doc.line(path)
    field = dotted(path) or None
    kind = error.validator
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    hint = schema.get("description", "")

    if kind == "required":
        present = value if isinstance(value, dict) else {}
        missing = [name for name in error.validator_value if name not in present]
        out = []
        for name in missing:
            about = _property_description(schema, name)
            out.append(ContentProblem(
                shown, line, dotted(path + (name,)), f"Het verplichte veld '{name}' ontbreekt.",
                f"Voeg '{name}:' toe{' — ' + about if about else ''}".rstrip(".") + "."))
        return out
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        out = []
        for name in value:
            if name in allowed:
                continue
            guess = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
            fix = (f"Bedoel je '{guess[0]}'?" if guess
                   else "Verwijder het of kies een van deze velden: " + ", ".join(allowed) + ".")
            key = str(name)  # a key like '2024:' is a number in the data, but still a field name
            out.append(ContentProblem(shown, doc.line(path + (key,)), dotted(path + (key,)),
                                      f"Het veld '{name}' is onbekend.", fix))
        return out
    if kind == "type":
        expected = error.validator_value
        expected = expected[0] if isinstance(expected, list) else expected
        if expected == "string" and isinstance(value, (list, dict)) and value:
            return [_not_text(value, doc.written(path), shown, line, field)]
        return [ContentProblem(
            shown, line, field,
            f"{_show(value)} is geen {TYPE_NAMES.get(expected, expected)}.".replace("geen een ", "geen "),
            TYPE_FIXES.get(expected, "Pas de waarde aan."))]
    if kind == "enum":
        options = ", ".join(f"'{o}'" for o in error.validator_value)
        return [ContentProblem(shown, line, field, f"{_show(value)} is geen toegelaten waarde.",
                               f"Kies een van deze waarden: {options}.")]
    if kind in ("minLength", "maxLength"):
        limit = error.validator_value
        if kind == "maxLength":
            return [ContentProblem(shown, line, field,
                                   f"De tekst is te lang ({len(value)} tekens; hoogstens {limit}).",
                                   "Maak de tekst korter." + (f" {hint}" if hint else ""))]
        return [ContentProblem(shown, line, field,
                               f"De tekst is te kort of leeg (minstens {limit} tekens).",
                               "Vul de tekst aan." + (f" {hint}" if hint else ""))]
    if kind in ("minItems", "maxItems"):
        limit = error.validator_value
        if kind == "maxItems":
            return [ContentProblem(shown, line, field,
                                   f"De lijst heeft te veel elementen ({len(value)}; hoogstens {limit}).",
                                   "Schrap of verdeel elementen, bijvoorbeeld over twee dia's.")]
        return [ContentProblem(shown, line, field,
                               f"De lijst heeft te weinig elementen ({len(value)}; minstens {limit}).",
                               "Voeg elementen toe." + (f" {hint}" if hint else ""))]
    if kind in ("minimum", "maximum"):
        limit = error.validator_value
        word = "klein" if kind == "minimum" else "groot"
        bound = "minstens" if kind == "minimum" else "hoogstens"
        return [ContentProblem(shown, line, field, f"Het getal {value} is te {word}.",
                               f"Geef een getal van {bound} {limit}.")]
    if kind == "pattern":
        fix = PATTERN_FIXES.get(error.validator_value)
        if fix is None:
            fix = hint or "Pas de schrijfwijze aan."
        return [ContentProblem(shown, line, field, f"{_show(value)} heeft niet de juiste vorm.", fix)]
    return [ContentProblem(shown, line, field, "De waarde klopt niet.", hint or "Pas de waarde aan.")]


def _not_text(value: list | dict, written: str, shown: str, line: int | None,
              field: str | None) -> ContentProblem:
    """Text was expected, but YAML read a list ('[a, b]') or a field ('Let op: ...')."""
    if isinstance(value, list) and written.startswith("["):
        return ContentProblem(
            shown, line, field,
            "Je schreef een lijst: tekst tussen [ en ] leest YAML als een lijst, maar hier hoort "
            "één tekst.",
            f"Bedoel je de tekst met de haakjes? Zet hem dan tussen aanhalingstekens: "
            f"{quote_text(written)}. Anders: schrijf de tekst zonder [ en ].")
    if isinstance(value, list):
        return ContentProblem(shown, line, field,
                              "Je schreef een lijst (regels die met '- ' beginnen), maar hier hoort "
                              "één tekst.", "Schrijf de tekst na de dubbele punt, op dezelfde regel.")
    if written and ": " in written and not written.startswith("{"):
        return ContentProblem(
            shown, line, field,
            "De tekst bevat een dubbele punt met een spatie erna; YAML leest dat als een veld.",
            f"Zet de hele tekst tussen aanhalingstekens: {quote_text(written)}.")
    return ContentProblem(shown, line, field,
                          "Je schreef een groep velden (naam: waarde), maar hier hoort één tekst.",
                          "Schrijf de tekst na de dubbele punt, op dezelfde regel; zet hem tussen "
                          "aanhalingstekens als hij een dubbele punt of een haakje bevat.")


def _property_description(schema: dict[str, Any], name: str) -> str:
    prop = schema.get("properties", {}).get(name, {})
    if "$ref" in prop:
        return ""
    return prop.get("description", "")


def _show(value: Any) -> str:
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"'{short}'"
    if value is None:
        return "Een lege waarde"
    if isinstance(value, bool):
        return "'ja'" if value else "'nee'"
    if isinstance(value, (list, dict)):
        return "Deze waarde" if value else "Een lege waarde"
    return f"'{value}'"


def re_fullmatch_id(value: str) -> bool:
    """True if value is a valid id (the same rule as '$defs/id' in module.schema.json)."""
    return re.fullmatch(load_schema("module.schema.json")["$defs"]["id"]["pattern"], value) is not None
