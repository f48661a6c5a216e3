"""Every Office file the build makes passes openxml-audit, an independent OOXML validator.

openxml-audit (pure Python, on PyPI) checks each package against the ECMA-376 schemas and the
rules Word and PowerPoint apply (required parts such as the font table and theme, relationship
and content types, cross-part references). The build's files are made here through the same
function the MkDocs hook calls, so what is validated is what the site offers for download.

One kind of finding is allowed, by name: the negative chart axis ids that python-pptx itself writes
(`<c:axId val="-2068027336"/>`; the schema wants an unsigned int, PowerPoint opens them without a
word). Nothing else, in a deck or a worksheet.
"""

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openxml_audit import OpenXmlValidator, ValidationError, ValidationErrorType
from pptx import Presentation

from childcare_guide.render.deck import build_deck
from childcare_guide.render.deck.plan import LAYOUTS
from childcare_guide.render.worksheet import TEMPLATE as WORKSHEET_TEMPLATE
from childcare_guide.render.worksheet import DocxInputs, render_docx
from childcare_guide.site import outputs

# python-pptx's chart axis ids: an axId or crossAx 'val' below zero, in a chart part.
CHART_PART = re.compile(r"/ppt/charts/chart\d+\.xml")
AXIS_ID_PATH = re.compile(r"/(?:axId|crossAx)\[\d+\]$")
NEGATIVE_VALUE = re.compile(r"Invalid value for attribute 'val': Value -\d+ is less than minimum 0")


def is_python_pptx_negative_axis_id(finding: ValidationError) -> bool:
    """The one finding allowed: a negative chart axis id, as python-pptx writes it."""
    return (finding.error_type is ValidationErrorType.SCHEMA and bool(CHART_PART.fullmatch(finding.part_uri))
            and bool(AXIS_ID_PATH.search(finding.path)) and finding.node == "val"
            and bool(NEGATIVE_VALUE.fullmatch(finding.description)))


@pytest.fixture(scope="module")
def validator():
    return OpenXmlValidator(max_errors=0)  # every finding, not the first thousand


@pytest.fixture(scope="module")
def office_files(package, tmp_path_factory) -> dict[str, Path]:
    """Every .docx and .pptx of the build, written to disk (the validator reads files)."""
    folder = tmp_path_factory.mktemp("office")
    files = {}
    for uri, content in outputs.site_files(package).items():
        if uri.endswith((".docx", ".pptx")):
            path = folder / uri.replace("/", "__")
            path.write_bytes(content)
            files[uri] = path
    return files


def findings(validator, path: Path) -> list[str]:
    """Every finding (errors and warnings) that is not the allowed kind, as text."""
    return [str(f) for f in validator.validate(path).errors if not is_python_pptx_negative_axis_id(f)]


def test_the_build_makes_worksheets_and_decks(package, office_files):
    sheets = sum(len(m.worksheets) + 1 for m in package.modules)  # + the participants' handout
    assert sum(uri.endswith(".docx") for uri in office_files) == sheets > 0
    assert sum(uri.endswith(".pptx") for uri in office_files) == len(package.modules)


def test_every_worksheet_passes_the_validator(validator, office_files, tmp_path):
    template = tmp_path / WORKSHEET_TEMPLATE.name
    template.write_bytes(WORKSHEET_TEMPLATE.read_bytes())
    worksheets = {uri: path for uri, path in office_files.items() if uri.endswith(".docx")}
    for uri, path in {**worksheets, "design/worksheet-template.docx": template}.items():
        assert findings(validator, path) == [], uri


def test_every_deck_passes_the_validator_but_for_python_pptx_axis_ids(validator, office_files):
    allowed = 0
    for uri, path in office_files.items():
        if uri.endswith(".pptx"):
            result = validator.validate(path)
            assert [str(f) for f in result.errors if not is_python_pptx_negative_axis_id(f)] == [], uri
            allowed += sum(map(is_python_pptx_negative_axis_id, result.errors))
    assert allowed > 0  # a deck has a chart: the allowance is still needed (drop it when it is not)


def test_the_validator_finds_what_word_would_not_accept(validator, office_files, tmp_path):
    """A worksheet without its font table and theme (as the hand-written ones were) is rejected,
    and the allowance does not cover it."""
    source = next(path for uri, path in office_files.items() if uri.endswith(".docx"))
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    rels = members["word/_rels/document.xml.rels"].decode()
    members["word/_rels/document.xml.rels"] = re.sub(
        r'<Relationship [^>]*Target="(?:fontTable\.xml|theme/theme1\.xml)"/>', "", rels).encode()
    broken = tmp_path / "zonder-thema.docx"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            if name not in ("word/fontTable.xml", "word/theme/theme1.xml"):
                archive.writestr(name, data)
    broken.write_bytes(out.getvalue())
    found = findings(validator, broken)
    assert any("fontTable" in f for f in found) and any("relationships/theme" in f for f in found)


def test_the_allowance_is_exactly_the_negative_axis_id():
    def finding(**changes) -> ValidationError:
        fields = {"error_type": ValidationErrorType.SCHEMA, "part_uri": "/ppt/charts/chart1.xml",
                  "path": "/chartSpace[1]/chart[1]/plotArea[1]/barChart[1]/axId[1]", "node": "val",
                  "description": "Invalid value for attribute 'val': Value -2068027336 is less than minimum 0"}
        return ValidationError(**{**fields, **changes})

    assert is_python_pptx_negative_axis_id(finding())
    assert is_python_pptx_negative_axis_id(finding(path="/chartSpace[1]/chart[1]/plotArea[1]/valAx[1]/crossAx[1]"))
    assert not is_python_pptx_negative_axis_id(finding(part_uri="/ppt/slides/slide1.xml"))
    assert not is_python_pptx_negative_axis_id(finding(path="/chartSpace[1]/chart[1]/plotArea[1]/gapWidth[1]"))
    assert not is_python_pptx_negative_axis_id(finding(description="Invalid value for attribute 'val': Value 7 is "
                                                                   "greater than maximum 5"))
    assert not is_python_pptx_negative_axis_id(finding(error_type=ValidationErrorType.SEMANTIC))


def run_twice(script: str, folder: Path, suffix: str) -> list[Path]:
    """Run a template script of scripts/ twice, each into its own file: the two files."""
    made = [folder / f"een{suffix}", folder / f"twee{suffix}"]
    for out in made:
        subprocess.run([sys.executable, str(Path(__file__).resolve().parents[1] / "scripts" / script),
                        "--out", str(out)], check=True, capture_output=True, text=True)
    return made


def test_the_template_script_makes_a_sound_template_twice_alike(validator, tmp_path):
    """scripts/make_worksheet_template.py still works with the installed python-docx: its template
    passes the validator, gives the same bytes each time and makes worksheets."""
    made = run_twice("make_worksheet_template.py", tmp_path, ".docx")
    assert made[0].read_bytes() == made[1].read_bytes()
    assert findings(validator, made[0]) == []
    worksheet = tmp_path / "werkblad.docx"
    worksheet.write_bytes(render_docx(DocxInputs("Pakket", "1.0", 1, "Module", "Blad", "## Kop\n\n- a ......\n"),
                                      made[0]))
    assert findings(validator, worksheet) == []


def test_the_deck_template_script_still_makes_every_layout(validator, package, tmp_path):
    """scripts/make_template.py (it adds layouts on the saved package, ONDERHOUD.md) still runs
    with the installed python-pptx, gives the same bytes twice, and its template has every
    layout the decks need, so a deck built on it passes the validator."""
    made = run_twice("make_template.py", tmp_path, ".pptx")
    assert made[0].read_bytes() == made[1].read_bytes()
    assert {layout.name for layout in Presentation(str(made[0])).slide_layouts} >= set(LAYOUTS)
    deck = tmp_path / "module.pptx"
    deck.write_bytes(build_deck(package, package.modules[0], made[0]))
    assert findings(validator, deck) == []
