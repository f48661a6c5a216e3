"""The JSON Schemas editors' editors use are the same rules the build runs."""

import json
import re

import pytest
from helpers import ROOT
from jsonschema import Draft202012Validator

from childcare_guide.content import loader, schema


@pytest.mark.parametrize("name", schema.SCHEMA_FILES)
def test_schema_is_valid_and_described_in_dutch(name):
    document = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(document)
    for key, prop in document["properties"].items():
        assert prop.get("description"), f"{name}: veld '{key}' heeft geen uitleg"


def test_every_content_file_points_its_editor_to_the_schema():
    for yml in (ROOT / "content").rglob("*.yml"):
        first = yml.read_text(encoding="utf-8").splitlines()[0]
        match = re.match(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{yml.relative_to(ROOT)} mist de verwijzing naar het schema"
        assert (yml.parent / match.group(1)).resolve().is_file()


def test_vscode_maps_every_schema_to_its_content_files():
    mapping = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert sorted(mapping) == sorted(f"./schemas/{name}" for name in schema.SCHEMA_FILES)


def test_slide_rules_in_code_match_the_schema():
    dia = schema.load_schema("module.schema.json")["$defs"]["dia"]
    assert set(dia["properties"]["type"]["enum"]) == set(loader.SLIDE_FIELDS)
    used = set().union(*loader.SLIDE_FIELDS.values()) | {"titel", "type", "notities"}
    retired = {name for name, rule in dia["properties"].items() if rule.get("deprecated")}
    assert retired == loader.RETIRED_SLIDE_FIELDS
    assert used == set(dia["properties"]) - retired


def test_the_id_rule_is_read_from_the_schema():
    assert schema.re_fullmatch_id("samenwerken-met-toeleiders")
    assert not schema.re_fullmatch_id("Module Vijf")


def test_schema_rejects_what_the_loader_rejects(content_copy):
    """The same document fails the schema file and the build, with a Dutch message."""
    from childcare_guide.content.errors import ContentError

    yml = content_copy / "content" / "modules" / "omgevingsanalyse" / "module.yml"
    text = yml.read_text(encoding="utf-8").replace("duur: 80", "duur: tachtig", 1)
    yml.write_text(text, encoding="utf-8")
    import yaml

    errors = list(Draft202012Validator(schema.load_schema("module.schema.json")).iter_errors(
        yaml.safe_load(text)))
    assert [e.validator for e in errors] == ["type"]
    with pytest.raises(ContentError) as caught:
        loader.load_package(content_copy)
    assert [str(p) for p in caught.value.problems] == [
        "content/modules/omgevingsanalyse/module.yml, regel 4 (veld 'duur'): 'tachtig' is geen "
        "geheel getal. Schrijf een geheel getal zonder aanhalingstekens, bijvoorbeeld 10."]
