"""The content-hash cache: after an edit only the changed module's files are made again."""

import io
import shutil

import pytest
from docx import Document
from docx.shared import RGBColor
from helpers import ROOT
from pptx import Presentation

from childcare_guide import ContentError
from childcare_guide.content.loader import load_package
from childcare_guide.render import deck, worksheet
from childcare_guide.render.deck import build_deck as uncached_deck
from childcare_guide.render.paths import deck_path, worksheet_docx_path
from childcare_guide.render.worksheet import worksheet_docx
from childcare_guide.site import cache, outputs
from childcare_guide.site.cache import artifact


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def built_decks(monkeypatch):
    """The modules whose deck was really built (the builder is counted, not the cache)."""
    slugs = []
    real = deck.build_deck_with_map

    def counting(package, module, *args, **kwargs):
        slugs.append(module.slug)
        return real(package, module, *args, **kwargs)

    monkeypatch.setattr(deck, "build_deck_with_map", counting)
    return slugs


def test_artifact_is_built_once_per_key(tmp_path):
    source = tmp_path / "bron.md"
    source.write_text("een", encoding="utf-8")
    calls = []

    def build():
        calls.append(1)
        return source.read_text(encoding="utf-8")

    assert artifact("proef", [source, "x"], build) == "een"
    assert artifact("proef", [source, "x"], build) == "een"
    assert len(calls) == 1
    source.write_text("twee", encoding="utf-8")  # same size, other bytes
    assert artifact("proef", [source, "x"], build) == "twee"
    assert artifact("proef", [source, "y"], build) == "twee"  # another value is another key
    assert artifact("ander", [source, "y"], build) == "twee"  # another kind is another key
    assert len(calls) == 4
    assert cache.builds["proef"] == 3 and cache.hits["proef"] == 1


def test_editing_one_module_rebuilds_only_its_files(content_copy, built_decks):
    package = load_package(content_copy)
    first = outputs.site_files(package)
    assert sorted(built_decks) == sorted(m.slug for m in package.modules)
    built_decks.clear()
    cache.builds.clear()

    step = content_copy / "content" / "modules" / "sociale-functie" / "stappen"
    target = sorted(step.glob("*.md"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nEen extra zin voor de begeleider.\n",
                      encoding="utf-8")
    package = load_package(content_copy)
    second = outputs.site_files(package)
    assert built_decks == ["sociale-functie"]
    module = package.module("sociale-functie")
    assert cache.builds["worksheet-page"] == len(module.worksheets)
    assert cache.builds["worksheet-docx"] == 0  # a step is not on any Word worksheet
    assert cache.builds["module-page"] == 1
    changed = [uri for uri in first if first[uri] != second[uri]]
    assert deck_path(module) in changed
    assert all("sociale-functie" in uri for uri in changed)
    # the cached decks have the same bytes as decks built without any cache
    for other in package.modules:
        assert second[deck_path(other)] == uncached_deck(package, other)
    cache.clear()
    assert outputs.site_files(package) == second


def test_the_rebuilt_deck_has_the_edit(content_copy):
    package = load_package(content_copy)
    outputs.site_files(package)
    module_yml = content_copy / "content" / "modules" / "omgevingsanalyse" / "module.yml"
    text = module_yml.read_text(encoding="utf-8")
    assert "titel: Even kennismaken" in text
    module_yml.write_text(text.replace("titel: Even kennismaken", "titel: Even voorstellen"),
                          encoding="utf-8")
    package = load_package(content_copy)
    data = outputs.site_files(package)[deck_path(package.module("omgevingsanalyse"))]
    prs = Presentation(io.BytesIO(data))
    titles = [s.shapes.title.text for s in prs.slides]
    assert "Even voorstellen" in titles and "Even kennismaken" not in titles


def test_pakket_yml_change_rebuilds_every_deck(content_copy, built_decks):
    package = load_package(content_copy)
    outputs.site_files(package)
    built_decks.clear()
    pakket = content_copy / "content" / "pakket.yml"
    pakket.write_text(pakket.read_text(encoding="utf-8").replace("versie: 0.1.0", "versie: 0.1.1"),
                      encoding="utf-8")
    changelog = content_copy / "content" / "wijzigingen.yml"  # its newest version must match
    changelog.write_text(changelog.read_text(encoding="utf-8").replace("versie: 0.1.0", "versie: 0.1.1"),
                         encoding="utf-8")
    outputs.site_files(load_package(content_copy))
    assert sorted(built_decks) == sorted(m.slug for m in package.modules)


def test_template_change_rebuilds_every_deck(content_copy, built_decks, tmp_path):
    template = tmp_path / "sjabloon.pptx"
    shutil.copy(deck.TEMPLATE, template)
    package = load_package(content_copy)
    outputs.site_files(package, template)
    assert len(built_decks) == len(package.modules)
    outputs.site_files(package, template)
    assert len(built_decks) == len(package.modules)  # nothing changed: all from the cache
    prs = Presentation(str(template))
    prs.core_properties.title = "Een ander sjabloon"
    prs.save(str(template))
    outputs.site_files(package, template)
    assert len(built_decks) == 2 * len(package.modules)


def test_worksheet_template_change_rebuilds_every_word_file(content_copy, tmp_path):
    template = tmp_path / "sjabloon.docx"
    shutil.copy(worksheet.TEMPLATE, template)
    package = load_package(content_copy)
    sheets = sum(len(m.worksheets) for m in package.modules)
    first = outputs.site_files(package, worksheet_template=template)
    outputs.site_files(package, worksheet_template=template)
    assert cache.builds["worksheet-docx"] == sheets  # nothing changed: all from the cache
    document = Document(str(template))
    document.styles["Heading 1"].font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    document.save(str(template))
    second = outputs.site_files(package, worksheet_template=template)
    assert cache.builds["worksheet-docx"] == 2 * sheets
    assert cache.builds["deck"] == len(package.modules)  # the decks do not use it
    module = package.modules[0]
    uri = worksheet_docx_path(module, module.worksheets[0])
    assert first[uri] != second[uri]
    assert Document(io.BytesIO(second[uri])).styles["Heading 1"].font.color.rgb == RGBColor(0xC0, 0x00, 0x00)


def test_code_version_changes_with_the_source(tmp_path, monkeypatch):
    before = cache.code_version()
    fake = tmp_path / "pakket"
    shutil.copytree(cache.PACKAGE_DIR, fake, ignore=shutil.ignore_patterns("__pycache__"), symlinks=True)
    writer = fake / "render" / "deck" / "writer.py"
    writer.write_text(writer.read_text(encoding="utf-8") + "\n# anders\n", encoding="utf-8")
    monkeypatch.setattr(cache, "PACKAGE_DIR", fake)
    cache.code_version.cache_clear()
    try:
        assert cache.code_version() != before
    finally:
        cache.code_version.cache_clear()


def test_mkdocs_rebuild_after_a_module_edit_builds_one_deck(tmp_path, built_decks, package):
    """Like `mkdocs serve`: the same process builds twice; only the edited module's deck is new."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for name in ("content", "docs", "hooks", "overrides", "design", "schemas"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "src").symlink_to(ROOT / "src")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    site = tmp_path / "site"

    def build_site():
        build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(site)))

    build_site()
    modules = len(package.modules)
    assert len(built_decks) == modules
    intro = tmp_path / "content" / "modules" / "toegankelijkheid" / "inleiding.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    build_site()
    assert built_decks[modules:] == ["toegankelijkheid"]
    page = (tmp_path / "docs" / "gids" / "tips.md")
    page.write_text(page.read_text(encoding="utf-8") + "\nNog een tip.\n", encoding="utf-8")
    build_site()
    assert built_decks[modules + 1:] == []
    assert "Nog een zin." in (site / "modules" / "toegankelijkheid" / "index.html").read_text()


def test_loader_reads_only_the_edited_module_again(content_copy, monkeypatch, package):
    from childcare_guide.content import loader

    read = []
    real = loader._Loader._load_module

    def counting(self, folder, title_fields):
        read.append(folder.name)
        return real(self, folder, title_fields)

    monkeypatch.setattr(loader._Loader, "_load_module", counting)
    first = load_package(content_copy)
    modules = len(package.modules)
    assert len(read) == modules
    intro = content_copy / "content" / "modules" / "sociale-functie" / "inleiding.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\nEen nieuwe zin.\n", encoding="utf-8")
    second = load_package(content_copy)
    assert read[modules:] == ["sociale-functie"]
    assert second.module("sociale-functie").introduction.endswith("Een nieuwe zin.\n")
    assert second.module("omgevingsanalyse") == first.module("omgevingsanalyse")
    # a mistake is never remembered: fixing it is seen at once
    yml = content_copy / "content" / "modules" / "toegankelijkheid" / "module.yml"
    good = yml.read_text(encoding="utf-8")
    yml.write_text(good.replace("duur:", "duur: 999\nx:", 1), encoding="utf-8")
    with pytest.raises(ContentError):
        load_package(content_copy)
    yml.write_text(good, encoding="utf-8")
    assert load_package(content_copy).module("toegankelijkheid") is not None


def test_editing_a_worksheet_rebuilds_its_word_file_only(content_copy):
    package = load_package(content_copy)
    first = outputs.site_files(package)
    cache.builds.clear()
    module = package.module("sociale-functie")
    sheet = module.worksheets[0]
    sheet.file.write_text(sheet.file.read_text(encoding="utf-8") + "\nNog een vraag: wie? ..........\n",
                          encoding="utf-8")
    package = load_package(content_copy)
    second = outputs.site_files(package)
    assert cache.builds["worksheet-docx"] == 1
    changed = [uri for uri in first if first[uri] != second[uri]]
    assert worksheet_docx_path(module, sheet) in changed
    assert [uri for uri in changed if uri.endswith(".docx")] == [worksheet_docx_path(module, sheet)]
    assert second[worksheet_docx_path(module, sheet)] == worksheet_docx(package, package.module(
        "sociale-functie"), package.module("sociale-functie").worksheets[0])
