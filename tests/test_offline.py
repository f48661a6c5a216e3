"""The offline package: the whole guide in one zip that works from a USB stick (file://)."""

import re
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

import pytest
from page_waits import search

from childcare_guide.site.offline import FOLDER, ZIP_NAME, build_offline_zip, lunr_files, rewrite_links

REF = re.compile(r'\s(?:href|src)="([^"]*)"')


def test_directory_links_get_index_html():
    files = {"index.html", "modules/index.html", "modules/a/index.html", "downloads/x.pptx"}
    page = PurePosixPath("modules/a/index.html")
    html = ('<a href="../">o</a><a href="../..">h</a><a href="./">s</a><a href="b/#stap-1">b</a>'
            '<a href="../../downloads/x.pptx">d</a><a href="https://www.opgroeien.be/">e</a>'
            '<a href="#deel">t</a><a href=".">p</a>')
    assert rewrite_links(html, page, files) == (
        '<a href="../index.html">o</a><a href="../../index.html">h</a><a href="./index.html">s</a>'
        '<a href="b/index.html#stap-1">b</a><a href="../../downloads/x.pptx">d</a>'
        '<a href="https://www.opgroeien.be/">e</a><a href="#deel">t</a><a href="./index.html">p</a>')


@pytest.fixture(scope="module")
def usb(site, tmp_path_factory) -> Path:
    """The zip from the built site, unpacked as a chair would on a USB stick."""
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(site / "downloads" / ZIP_NAME) as archive:
        archive.extractall(target)
    return target / FOLDER


def test_zip_is_reproducible_and_holds_the_whole_guide(site, package, usb):
    assert build_offline_zip(site, package) == (site / "downloads" / ZIP_NAME).read_bytes()
    for module in package.modules:
        assert (usb / "modules" / module.slug / "index.html").is_file()
        assert (usb / "downloads" / module.deck_name).is_file()
        for sheet in module.worksheets:
            assert (usb / "modules" / module.slug / sheet.id / "index.html").is_file()
            assert (usb / "downloads" / f"module-{module.number}-{sheet.id}.docx").is_file()
    readme = (usb / "LEESMIJ.txt").read_text(encoding="utf-8")
    assert package.edition_text in readme and "index.html" in readme
    assert not (usb / "downloads" / ZIP_NAME).exists()
    assert (usb / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = {")


def test_the_zip_leaves_out_what_no_one_uses_from_disk_and_stores_decks_as_they_are(site, usb):
    lunr = {p.relative_to(usb).as_posix() for p in (usb / "assets" / "javascripts" / "lunr").rglob("*.js")}
    assert lunr == {"assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
                    "assets/javascripts/lunr/min/lunr.nl.min.js"}
    assert (site / "assets" / "javascripts" / "lunr" / "wordcut.js").is_file()  # the online site keeps all
    assert not (usb / "search" / "search_index.json").exists()  # from disk the bundle reads the .js
    with zipfile.ZipFile(site / "downloads" / ZIP_NAME) as archive:
        kinds = {info.filename.rsplit(".", 1)[-1]: info.compress_type for info in archive.infolist()}
    assert kinds["pptx"] == kinds["docx"] == zipfile.ZIP_STORED and kinds["html"] == zipfile.ZIP_DEFLATED


def test_lunr_files_follow_the_languages_of_the_search_index():
    base = "assets/javascripts/lunr/"
    assert lunr_files('{"config": {"lang": ["nl"]}}') == {base + "min/lunr.stemmer.support.min.js",
                                                         base + "min/lunr.nl.min.js"}
    assert lunr_files('{"config": {"lang": ["en"]}}') == {base + "min/lunr.stemmer.support.min.js"}
    assert lunr_files('{"config": {"lang": ["nl", "th"]}}') >= {base + "min/lunr.multi.min.js", base + "wordcut.js",
                                                               base + "min/lunr.th.min.js"}


def test_every_link_in_the_zip_points_to_a_file_in_the_zip(usb):
    for page in usb.rglob("*.html"):
        for ref in REF.findall(page.read_text(encoding="utf-8")):
            if not ref or ref.startswith(("#", "data:", "mailto:")) or urlparse(ref).scheme:
                continue
            path = unquote(ref.split("#")[0].split("?")[0])
            target = (page.parent / path).resolve()
            assert target.is_file(), f"{page.relative_to(usb)}: {ref} wijst naar niets"


@pytest.mark.browser
def test_the_zip_works_from_file_in_chromium(browser, usb, package):
    context = browser.new_context(accept_downloads=False)
    page = context.new_page()
    log = {"errors": [], "failed": [], "outside": []}
    page.on("console", lambda m: m.type == "error" and log["errors"].append(m.text))
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("requestfailed", lambda r: log["failed"].append(r.url))
    page.on("request", lambda r: not r.url.startswith(("file:", "data:", "about:"))
            and log["outside"].append(r.url))
    page.goto((usb / "index.html").as_uri())
    assert "Je bekijkt het offline pakket" in page.inner_text("article")
    page.click("article a[href='modules/omgevingsanalyse/index.html']")
    page.wait_for_url((usb / "modules" / "omgevingsanalyse" / "index.html").as_uri())
    assert page.url == (usb / "modules" / "omgevingsanalyse" / "index.html").as_uri()
    headings = page.eval_on_selector_all("article h2", "els => els.map(e => e.textContent)")
    assert "Werkinstrumenten" in "".join(headings)
    deck = page.get_attribute("a.md-button[href$='.pptx']", "href")
    assert (usb / "modules" / "omgevingsanalyse" / deck).resolve().is_file()
    sheet = package.module("omgevingsanalyse").worksheets[0]
    page.click(f"article a[href='{sheet.id}/index.html']")
    page.wait_for_url((usb / "modules" / "omgevingsanalyse" / sheet.id / "index.html").as_uri())
    assert page.url == (usb / "modules" / "omgevingsanalyse" / sheet.id / "index.html").as_uri()
    assert f"Werkblad: {sheet.title}" in page.inner_text("h1")
    docx = page.get_attribute("a[href$='.docx']", "href")
    assert (usb / "modules" / "omgevingsanalyse" / sheet.id / docx).resolve().is_file()
    # search, without a server: Material's offline index and the iframe-worker shim
    results = search(page, "kansarmoede")
    assert any(href.startswith((usb / "modules" / "omgevingsanalyse" / "index.html").as_uri())
               for href in results), results
    for href in results:
        assert Path(unquote(urlparse(href).path)).is_file(), href
    page.screenshot(path=str(usb.parent / "offline.png"))
    context.close()
    assert log == {"errors": [], "failed": [], "outside": []}
