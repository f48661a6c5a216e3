"""A module's pictures end to end: from content/modules/<slug>/beelden/ to the page, the worksheet
page, the Word worksheet, the offline zip and the model a slide can use.

The content mistakes (a missing picture, no alt text, too big, ...) are pinned in
tests/test_errors_golden.py."""

from __future__ import annotations

import io
import os
import posixpath
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from helpers import BIN, ROOT
from PIL import Image
from test_office_validator import findings
from test_worksheet_docx import package_problems

from childcare_guide.content.loader import load_package
from childcare_guide.content.markdown_text import to_plain_text
from childcare_guide.render.pages import module_page, worksheet_page
from childcare_guide.render.paths import picture_path
from childcare_guide.render.worksheet import worksheet_docx
from childcare_guide.site.offline import FOLDER, ZIP_NAME

SLUG = "omgevingsanalyse"
MOD = Path("content/modules") / SLUG
SHEET = "werkblad-groepswerk"
ALT = "De zaal met drie tafels voor het groepswerk"
SHEET_ALT = "Een voorbeeld van een ingevuld werkblad"
IMG = re.compile(r"<img\b[^>]*>")


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (0, 121, 107)).save(out, format="PNG")
    return out.getvalue()


def add_pictures(project: Path) -> None:
    """A PNG on the module page (from inleiding.md), a wide one in a worksheet, an SVG in a step."""
    folder = project / MOD / "beelden"
    folder.mkdir()
    (folder / "zaal.png").write_bytes(png(40, 20))
    (folder / "voorbeeld.png").write_bytes(png(3000, 1000))  # wider than the page: scaled down in Word
    (folder / "schema.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                                       '<rect width="10" height="10" fill="#00796b"/></svg>\n', encoding="utf-8")
    for rel, line in (("inleiding.md", f"![{ALT}](beelden/zaal.png)"),
                      (f"werkinstrumenten/{SHEET}.md", f"![{SHEET_ALT}](beelden/voorbeeld.png)\n\n"
                                                       "![Een schema van de groepen](beelden/schema.svg)"),
                      ("stappen/groepswerk.md", "![Een schema van de groepen](beelden/schema.svg)")):
        path = project / MOD / rel
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{line}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the project with pictures in a module, built by `mkdocs build --strict`."""
    base = tmp_path_factory.mktemp("pictures")
    project = base / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "hooks", "overrides", "design", "content", "schemas", "src"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    add_pictures(project)
    out = base / "site"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIDS_REPO")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(out)],
                            cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, out


def images(page: str) -> list[dict[str, str]]:
    return [dict(re.findall(r'(\w+)="([^"]*)"', tag)) for tag in IMG.findall(page)
            if "beelden/" in tag]


def resolve(page_url: str, src: str) -> str:
    """src as a browser resolves it from the page's URL (directory URLs: 'modules/x/' is a folder)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_url), src))


@pytest.mark.parametrize(("page_url", "alt", "name"), [
    (f"modules/{SLUG}/", ALT, "zaal.png"),
    (f"modules/{SLUG}/", "Een schema van de groepen", "schema.svg"),
    (f"modules/{SLUG}/{SHEET}/", SHEET_ALT, "voorbeeld.png"),
])
def test_the_page_shows_the_picture_with_alt_and_the_link_works(built, page_url, alt, name):
    _, site = built
    page = (site / page_url / "index.html").read_text(encoding="utf-8")
    shown = [i for i in images(page) if i["alt"] == alt]
    assert shown, images(page)
    assert shown[0]["loading"] == "lazy"
    target = resolve(page_url, shown[0]["src"])
    assert target == f"modules/{SLUG}/beelden/{name}"
    assert (site / target).is_file()


def test_the_page_reserves_the_room_of_the_picture(built):
    """width and height from the file: the text below does not jump while the picture loads."""
    _, site = built
    page = (site / "modules" / SLUG / "index.html").read_text(encoding="utf-8")
    zaal = next(i for i in images(page) if i["alt"] == ALT)
    assert (zaal["width"], zaal["height"]) == ("40", "20")


def test_the_site_holds_the_same_bytes_as_content(built):
    project, site = built
    for name in ("zaal.png", "voorbeeld.png", "schema.svg"):
        assert (site / "modules" / SLUG / "beelden" / name).read_bytes() == \
            (project / MOD / "beelden" / name).read_bytes()


def test_the_offline_zip_holds_the_pictures_and_the_links_work_from_disk(built):
    _, site = built
    with zipfile.ZipFile(site / "downloads" / ZIP_NAME) as archive:
        names = set(archive.namelist())
        for page_file, name in ((f"modules/{SLUG}/index.html", "zaal.png"),
                                (f"modules/{SLUG}/{SHEET}/index.html", "voorbeeld.png")):
            page = archive.read(f"{FOLDER}/{page_file}").decode("utf-8")
            srcs = [i["src"] for i in images(page) if i["src"].endswith(name)]
            assert srcs, page_file
            assert f"{FOLDER}/{resolve(page_file, srcs[0])}" in names


def test_a_word_worksheet_shows_a_png_with_its_alt_text_and_a_note_for_an_svg(built):
    project, _ = built
    package = load_package(project)
    module = package.module(SLUG)
    sheet = next(s for s in module.worksheets if s.id == SHEET)
    data = worksheet_docx(package, module, sheet)
    assert package_problems(data) == []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        xml = archive.read("word/document.xml").decode("utf-8")
    assert len(media) == 1
    assert f'descr="{SHEET_ALT}"' in xml
    document = Document(io.BytesIO(data))
    shape = document.inline_shapes[0]
    section = document.sections[0]
    assert shape.width <= section.page_width - section.left_margin - section.right_margin
    assert abs(shape.width / shape.height - 3) < 0.01  # scaled, not stretched
    text = "\n".join(p.text for p in document.paragraphs)
    assert ("[Beeld: Een schema van de groepen. Deze tekening (SVG) staat niet in het Word-bestand; je "
            "vindt ze op de webpagina van dit werkblad.]") in text
    assert worksheet_docx(package, module, sheet) == data  # reproducible


def test_a_word_worksheet_with_a_picture_passes_the_validator(built, tmp_path):
    from openxml_audit import OpenXmlValidator

    project, _ = built
    package = load_package(project)
    module = package.module(SLUG)
    sheet = next(s for s in module.worksheets if s.id == SHEET)
    path = tmp_path / "werkblad.docx"
    path.write_bytes(worksheet_docx(package, module, sheet))
    assert findings(OpenXmlValidator(max_errors=0), path) == []


def test_the_model_exposes_the_pictures_for_a_slide(built):
    project, _ = built
    module = load_package(project).module(SLUG)
    assert [(p.name, p.alt) for p in module.pictures] == [
        ("schema.svg", "Een schema van de groepen"), ("voorbeeld.png", SHEET_ALT), ("zaal.png", ALT)]
    assert all(p.path.is_file() for p in module.pictures)
    assert [(p.width, p.height) for p in module.pictures] == [(10, 10), (3000, 1000), (40, 20)]
    assert picture_path(module, module.pictures[0]) == f"modules/{SLUG}/beelden/schema.svg"


def test_pages_link_the_picture_from_their_own_place(built):
    """The Markdown of the module page and of a worksheet page, before MkDocs: links from the
    page's source file to where the build puts the picture."""
    project, _ = built
    package = load_package(project)
    module = package.module(SLUG)
    assert f"![{ALT}](beelden/zaal.png)" in module_page(package, module)
    sheet = next(s for s in module.worksheets if s.id == SHEET)
    assert f"![{SHEET_ALT}](beelden/voorbeeld.png)" in worksheet_page(package, module, sheet)


def test_speaker_notes_name_the_picture_instead_of_markdown():
    assert to_plain_text("Kijk naar het schema.\n\n![De zeven haltes](beelden/x.svg)") == \
        "Kijk naar het schema.\n\n(Beeld: De zeven haltes)"


def test_the_real_content_has_the_gezinsreis_diagram(package):
    module = package.module("toegankelijkheid")
    assert [p.name for p in module.pictures] == ["gezinsreis-haltes.svg"]
    svg = module.pictures[0].path.read_text(encoding="utf-8")
    sheet = next(s for s in module.worksheets if s.id == "gezinsreis")
    stops = re.findall(r"^\| \d\. (.+?) \|", sheet.body, re.M)
    assert len(stops) == 7
    for stop in stops:  # the diagram says exactly what the worksheet says
        assert stop.replace("&", "&amp;") in svg


def test_a_picture_in_a_list_or_table_becomes_its_description_in_word():
    from childcare_guide.render.worksheet import DocxInputs, render_docx

    inputs = DocxInputs("Gids", "1.0.0", 1, "Module", "Blad",
                        "- Kijk: ![De zaal](beelden/zaal.png)\n\n| a |\n| --- |\n| ![Een tafel](beelden/t.png) |\n")
    document = Document(io.BytesIO(render_docx(inputs)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Kijk: [Beeld: De zaal]" in text
    assert document.tables[0].cell(1, 0).text == "[Beeld: Een tafel]"
    assert len(document.inline_shapes) == 0


def test_a_changed_picture_is_served_again_without_a_new_deck(built):
    """Like `mkdocs serve` after saving a picture: the site gets the new bytes; the deck, which
    shows no picture, comes from the cache."""
    from childcare_guide.site import cache
    from childcare_guide.site.outputs import module_files

    project, _ = built
    package = cache.load_cached(project)
    module = package.module(SLUG)
    uri = f"modules/{SLUG}/beelden/zaal.png"
    before = module_files(package, module)[uri]
    path = project / MOD / "beelden" / "zaal.png"
    original = path.read_bytes()
    try:
        path.write_bytes(png(30, 30))
        decks = cache.builds["deck"]
        package = cache.load_cached(project)
        after = module_files(package, package.module(SLUG))[uri]
        assert after == path.read_bytes() != before
        assert cache.builds["deck"] == decks
    finally:
        path.write_bytes(original)
