"""Every deck opens in a real presentation program: LibreOffice Impress converts it to PDF."""

import re
import subprocess

import pytest
from helpers import SUBPROCESS_TIMEOUT, soffice
from pptx import Presentation

pytestmark = pytest.mark.office


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, site):
    work = tmp_path_factory.mktemp("libreoffice")
    decks = sorted((site / "downloads").glob("*.pptx"))
    profile = (work / "profiel").as_uri()
    result = subprocess.run([soffice(), f"-env:UserInstallation={profile}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(work), *map(str, decks)],
                            capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT)
    assert result.returncode == 0, result.stderr
    return {deck: work / f"{deck.stem}.pdf" for deck in decks}


def page_count(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))


def test_every_deck_converts_with_all_its_visible_slides(pdfs, package):
    assert len(pdfs) == len(package.modules)
    for deck, pdf in pdfs.items():
        assert pdf.is_file(), f"LibreOffice maakte geen PDF van {deck.name}"
        visible = [s for s in Presentation(str(deck)).slides if s._element.get("show") != "0"]
        assert page_count(pdf) == len(visible), deck.name


def test_slides_render_as_images(pdfs, tmp_path):
    deck, pdf = next(iter(pdfs.items()))
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "dia")], check=True)
    images = sorted(tmp_path.glob("dia-*.png"))
    assert len(images) == page_count(pdf)
    assert all(image.stat().st_size > 1000 for image in images)


def test_pdf_text_matches_the_deck(pdfs):
    deck, pdf = next(iter(pdfs.items()))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Omgevingsanalyse" in text
    assert "Lokaal Overleg Kinderopvang [Vul in: naam van de gemeente]" in text
