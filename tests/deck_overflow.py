"""Find text that a real presentation program draws outside its shape or outside the slide.

LibreOffice Impress converts the decks to PDF; `pdftotext -bbox-layout` (poppler) gives the box
of every word it drew. Each word must lie inside a shape of its slide (with a small tolerance)
whose own text holds that word, and inside the page. The shapes' rectangles come from the .pptx
(placeholders inherit theirs from the layout) and are scaled from EMU to PDF points. Hidden slides
are not exported, so page n is the n-th shown slide.
"""

from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from helpers import SUBPROCESS_TIMEOUT, soffice
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

EMU_PER_POINT = 12700
TOLERANCE = 2.0  # points: anti-aliasing and font ascent/descent at a box's edge
XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Box:
    name: str
    left: float
    top: float
    right: float
    bottom: float
    text: str  # normalised; empty for a chart (any word inside it is its own)
    chart: bool = False

    def holds(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        # a word's box runs from the font's ascent to its descent, a bit taller than the line:
        # allow a tenth of its height above and below
        slack = TOLERANCE + 0.1 * (y1 - y0)
        return (x0 >= self.left - TOLERANCE and x1 <= self.right + TOLERANCE
                and y0 >= self.top - slack and y1 <= self.bottom + slack)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return " ".join(text.split())


def convert(decks: list[Path], out: Path) -> dict[Path, Path]:
    """Convert all decks to PDF in one LibreOffice run (its own profile); deck -> pdf."""
    profile = (out / "profiel").as_uri()
    result = subprocess.run([soffice(), f"-env:UserInstallation={profile}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(out), *map(str, decks)],
                            capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return {deck: out / f"{deck.stem}.pdf" for deck in decks}


def _ungrouped(shapes):
    """The shapes, with the shapes of a group (a route) in its place."""
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _ungrouped(shape.shapes)
        else:
            yield shape


def slide_boxes(slide) -> list[Box]:
    boxes = []
    # the layout's own shapes with text (a statement's legend) are drawn on the slide too
    drawn = [*_ungrouped(slide.shapes), *(sh for sh in slide.slide_layout.shapes if not sh.is_placeholder)]
    for shape in drawn:
        if shape.left is None or shape.width is None:
            continue
        texts: list[str] = []
        chart = bool(getattr(shape, "has_chart", False) and shape.has_chart)
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if getattr(shape, "has_table", False) and shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
        if not texts and not chart:
            continue
        boxes.append(Box(shape.name, shape.left / EMU_PER_POINT, shape.top / EMU_PER_POINT,
                         (shape.left + shape.width) / EMU_PER_POINT,
                         (shape.top + shape.height) / EMU_PER_POINT,
                         normalise(" ".join(texts)), chart))
    return boxes


def pdf_words(pdf: Path) -> list[tuple[float, float, list[tuple[str, float, float, float, float]]]]:
    """Per page: width, height and the words with their boxes."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                         check=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(no_network=True, load_dtd=False, recover=True))
    pages = []
    for page in root.iter(f"{XHTML}page"):
        words = [(normalise(w.text or ""), float(w.get("xMin")), float(w.get("yMin")),
                  float(w.get("xMax")), float(w.get("yMax"))) for w in page.iter(f"{XHTML}word")]
        pages.append((float(page.get("width")), float(page.get("height")), words))
    return pages


def overflows(deck: Path, pdf: Path) -> list[str]:
    """Every word drawn outside its shape or the slide, as 'deck, dia n (title): word'."""
    prs = Presentation(str(deck))
    numbered = [(n, s) for n, s in enumerate(prs.slides, start=1) if s._element.get("show") != "0"]
    pages = pdf_words(pdf)
    problems = []
    if len(pages) != len(numbered):
        return [f"{deck.name}: {len(pages)} pagina's in de PDF voor {len(numbered)} getoonde dia's"]
    for (number, slide), (width, height, words) in zip(numbered, pages, strict=True):
        boxes = slide_boxes(slide)
        title = slide.shapes.title.text if slide.shapes.title is not None else "?"
        # a table, chart or panel never reaches into the source line under it
        for source in (b for b in boxes if b.name == "Bron"):
            problems += [f"{deck.name}, dia {number} ({title}): '{b.name}' loopt over de bronregel"
                         for b in boxes if b is not source and b.bottom > source.top + TOLERANCE
                         and b.top < source.bottom and b.left < source.right and b.right > source.left]
        for word, x0, y0, x1, y1 in words:
            if not word:
                continue
            where = f"{deck.name}, dia {number} ({title}): '{word}'"
            if x0 < -TOLERANCE or y0 < -TOLERANCE or x1 > width + TOLERANCE or y1 > height + TOLERANCE:
                problems.append(f"{where} valt buiten de dia")
                continue
            if not any(b.holds(x0, y0, x1, y1) and (b.chart or word in b.text or not word.strip("•–-"))
                       for b in boxes):
                problems.append(f"{where} valt buiten zijn vak")
    return problems
