"""The speed-ups of the decks (pptx_speed, deck's XML fast paths, ooxml.write_zip) change nothing
in their bytes: each fast path is compared with python-pptx's own way of doing the same step."""

import contextlib
import io
import random
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import OpcPackage
from pptx.opc.serialized import _ContentTypesItem
from pptx.oxml import parse_xml
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.util import Pt

from childcare_guide import deck, ooxml, pptx_speed
from childcare_guide.deck import TEMPLATE, build_deck
from childcare_guide.local_table import read_table

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "voorbeeld-gemeentecijfers-fictief.csv"
# texts that take every branch of the text writers: line breaks, vertical tabs, control
# characters, XML's special characters, tabs, empty lines and runs, non-ASCII
TEXTS = ["", "een", "een\ntwee", "\n", "\n\n", "een\vtwee", "\v", "a\v\vb", "bel\x07 esc\x1b",
         "cr\rlf", "<b>&amp; \"quotes\" 'single' ]]>", "tab\there", "ü é — € 👍", " spaties ",
         "een\n\ndrie\v\n"]


@pytest.fixture
def slow():
    """python-pptx's own way for the duration of a block: `with slow(): ...`."""

    @contextlib.contextmanager
    def off():
        pptx_speed.uninstall()
        try:
            yield
        finally:
            assert pptx_speed.install()

    return off


def _decks(package) -> dict[str, bytes]:
    decks = {m.slug: build_deck(package, m) for m in package.modules}
    module = package.module("omgevingsanalyse")
    for index, row in enumerate(read_table(SAMPLE, package, module).rows):
        decks[f"lokaal-{index}"] = build_deck(package, module, local=row.local)
    return decks


def test_same_deck_bytes_with_and_without(package, slow):
    assert pptx_speed.install()
    fast = _decks(package)
    assert len(fast) > len(package.modules)  # the decks with the sample's local data too
    with slow():
        assert BaseOxmlElement.xpath.__qualname__ == "BaseOxmlElement.xpath"  # python-pptx's own
        assert not pptx_speed.active()
        normal = _decks(package)
    assert fast == normal
    assert BaseOxmlElement.xpath is not pptx_speed._original


def test_deck_falls_back_when_python_pptx_is_not_as_expected(package, monkeypatch):
    """Without python-pptx's part classes (another version, say) slides and notes take
    python-pptx's own way, and the deck is the same."""
    module = package.modules[0]
    expected = build_deck(package, module)
    monkeypatch.setattr(pptx_speed, "_parts_api", lambda: None)
    monkeypatch.setattr(pptx_speed, "_content_types_xml", lambda parts: None)
    assert build_deck(package, module) == expected


def test_same_results_as_lxml():
    element = parse_xml(
        '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<p:nvSpPr><p:cNvPr id="2" name="Titel"/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>'
        '<p:txBody><a:p><a:r><a:t>een</a:t></a:r></a:p><a:p/></p:txBody></p:sp>')
    expressions = ["./p:nvSpPr/p:nvPr/p:ph", "//a:p", "count(//a:p)", "//p:cNvPr/@name",
                   "string(//a:t)", "./p:nonexistent"]
    for expression in expressions:
        fast = element.xpath(expression)
        slow = etree.ElementBase.xpath(element, expression, namespaces=element.nsmap)
        assert fast == slow, expression


def test_fast_save_gives_the_same_bytes_as_save_and_normalise(package):
    from childcare_guide.deck import ZIP_TIME, _DeckBuilder, normalise_zip

    for module in package.modules:
        builder = _DeckBuilder(package, module, TEMPLATE, None)
        builder.compose()
        buffer = io.BytesIO()
        builder.prs.save(buffer)
        assert pptx_speed.save_reproducible(builder.prs, ZIP_TIME) == normalise_zip(buffer.getvalue())


# -- text ---------------------------------------------------------------------------------------

def _text_slide():
    prs = Presentation(str(TEMPLATE))
    layout = next(layout for layout in prs.slide_layouts if layout.name == "Tekst")
    return prs.slides.add_slide(layout)


def _xml(element) -> bytes:
    return etree.tostring(element)


@pytest.mark.parametrize("text", TEXTS)
def test_text_as_python_pptx_writes_it(text, slow):
    fast, normal = _text_slide(), _text_slide()
    pptx_speed.set_text(fast.shapes.title.text_frame, text)
    with slow():
        pptx_speed.set_text(normal.shapes.title.text_frame, text)  # frame.text = text
    assert _xml(fast.shapes.title._element) == _xml(normal.shapes.title._element)
    assert fast.shapes.title.text_frame.text == normal.shapes.title.text_frame.text


@pytest.mark.parametrize("text", TEXTS)
def test_slide_and_notes_as_python_pptx_makes_them(text, slow):
    def make(prs):
        layout = next(layout for layout in prs.slide_layouts if layout.name == "Tekst")
        slide = pptx_speed.add_slide(prs, layout, text)
        if slide is None:
            slide = prs.slides.add_slide(layout)
            slide.shapes.title.text = text
        if not pptx_speed.add_notes(slide, text):
            slide.notes_slide.notes_text_frame.text = text
        return prs

    fast = make(pptx_speed.open_presentation(TEMPLATE))
    with slow():
        normal = make(Presentation(str(TEMPLATE)))
    assert pptx_speed.save_reproducible(fast, deck.ZIP_TIME) == pptx_speed.save_reproducible(normal, deck.ZIP_TIME)


@pytest.mark.parametrize("text", TEXTS)
def test_runs_and_bullets_as_python_pptx_writes_them(text, slow):
    def write(slide, fast: bool):
        frame = slide.placeholders[1].text_frame
        deck._bullets(frame, ["Doel", text, f"{text} en meer"], first_is_lead=True, size=Pt(22))
        paragraph = frame.add_paragraph()
        if not (fast and pptx_speed.add_run(paragraph, text, deck.FIELD_RUN_PROPERTIES)):
            run = paragraph.add_run()
            run.text = text
            run.font.bold = True
            run.font.color.rgb = deck.FIELD_INK
            highlight = etree.SubElement(run._r.get_or_add_rPr(), f"{{{deck.A}}}highlight")
            etree.SubElement(highlight, f"{{{deck.A}}}srgbClr", val=deck.FIELD_HIGHLIGHT)
        return _xml(slide.placeholders[1]._element)

    fast = write(_text_slide(), True)
    with slow():
        normal = write(_text_slide(), False)
    assert fast == normal


@pytest.mark.parametrize("lines", [[], [""], ["een"], ["een", "", "twee\nregels"]])
def test_bullets_as_python_pptx_writes_them(lines, slow):
    def write(slide):
        frame = slide.placeholders[1].text_frame
        deck._bullets(frame, lines, first_is_lead=True, size=Pt(22))
        return _xml(slide.placeholders[1]._element)

    fast = write(_text_slide())
    with slow():
        normal = write(_text_slide())
    assert fast == normal


def test_table_cells_as_python_pptx_writes_them(slow):
    rows = [("Kop", "Tweede kop"), ("", None), ("twee\nregels", "een\vbreuk"), (TEXTS[10], 12),
            ("bel\x07", "ü é — €"), ("laatste", "rij")]

    def table(bold_last: bool) -> bytes:
        prs = Presentation(str(TEMPLATE))
        layout = next(layout for layout in prs.slide_layouts if layout.name == "Tabel")
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = "Tabel"
        deck._table(slide, rows, widths=(0.6, 0.4), font=Pt(14), bold_last=bold_last,
                    description='Een "tabel" <met> & tab\tnieuwe\nregel, ü')
        return _xml(slide.shapes._spTree)

    for bold_last in (False, True):
        fast = table(bold_last)
        with slow():
            normal = table(bold_last)
        assert fast == normal


def test_text_that_xml_cannot_hold_gives_python_pptx_error(slow):
    for text in ("a\ud800b", "a\ufffeb"):
        with pytest.raises(ValueError):
            pptx_speed.set_text(_text_slide().shapes.title.text_frame, text)
        with slow(), pytest.raises(ValueError):
            pptx_speed.set_text(_text_slide().shapes.title.text_frame, text)
        assert not pptx_speed.add_run(_text_slide().placeholders[1].text_frame.paragraphs[0], text)
        for way in (contextlib.nullcontext, slow):
            slide = _text_slide()
            with way(), pytest.raises(ValueError):
                deck._table(slide, [("kop",), (text,)], widths=(1.0,))


# -- package ------------------------------------------------------------------------------------

def test_rels_and_content_types_as_python_pptx_writes_them():
    prs = Presentation(str(TEMPLATE))
    layout = prs.slide_layouts[0]
    slide = prs.slides.add_slide(layout)
    part = slide.part
    part.relate_to('https://example.org/?a=1&b="2"<>\t', RT.HYPERLINK, is_external=True)
    part.relate_to("https://example.org/ü", RT.HYPERLINK, is_external=True)
    package = prs.part.package
    parts = tuple(package.iter_parts())
    for each in parts:
        if each._rels:
            assert pptx_speed._rels_xml(each._rels, each.partname.baseURI) == each._rels.xml
    assert pptx_speed._rels_xml(package._rels, "/") == package._rels.xml
    assert pptx_speed._content_types_xml(parts) == serialize_part_xml(_ContentTypesItem.xml_for(parts))
    assert pptx_speed.flat_xml("Types", "urn:x", []) == b"<?xml version='1.0' encoding='UTF-8' " \
        b"standalone='yes'?>\n<Types xmlns=\"urn:x\"/>"
    assert pptx_speed.flat_xml("Types", "urn:x", [("A", (("v", "\x01"),))]) is None  # not XML


def test_remembered_part_names_are_python_pptx_own():
    def build(prs):
        layout = prs.slide_layouts[0]
        for number in range(3):
            slide = prs.slides.add_slide(layout)
            slide.notes_slide.notes_text_frame.text = f"notitie {number}"  # asks for a part name
        return pptx_speed.save_reproducible(prs, deck.ZIP_TIME)

    tracked = Presentation(str(TEMPLATE))
    assert pptx_speed.track_partnames(tracked.part.package)
    assert build(tracked) == build(Presentation(str(TEMPLATE)))
    build(tracked)  # three more slides with notes: the remembered names grow with them
    # each answer is the one of python-pptx's walk over all parts (a name handed out must get
    # its part: so each template once), also for the slides, which python-pptx names itself
    package = tracked.part.package
    for template in ["/ppt/slides/slide%d.xml", "/ppt/notesSlides/notesSlide%d.xml",
                     "/ppt/theme/theme%d.xml", "/ppt/slideLayouts/slideLayout%d.xml",
                     "/ppt/charts/chart%d.xml"]:
        assert package.next_partname(template) == OpcPackage.next_partname(package, template)


def test_template_copies_are_independent():
    first = pptx_speed.open_presentation(TEMPLATE)
    first.slides.add_slide(first.slide_layouts[0])
    second = pptx_speed.open_presentation(TEMPLATE)
    assert len(first.slides) == 1 and len(second.slides) == 0
    assert pptx_speed.save_reproducible(second, deck.ZIP_TIME) == \
        pptx_speed.save_reproducible(Presentation(str(TEMPLATE)), deck.ZIP_TIME)


# -- zip ----------------------------------------------------------------------------------------

def test_zip_is_byte_for_byte_what_zipfile_writes(package):
    rng = random.Random(7)
    members = {"[Content_Types].xml": b"<Types/>", "b/leeg.xml": b"", "a/ü-naam.xml": "tekst é".encode(),
               "z/random.bin": bytes(rng.randrange(256) for _ in range(5000)),
               "m/herhaald.xml": b"<a>" + b"herhaald " * 2000 + b"</a>", "m/tekst.xml": "een str"}
    for _ in range(2):  # the second time from the remembered compression
        assert ooxml.write_zip(members, deck.ZIP_TIME) == ooxml._write_zip_with_zipfile(members, deck.ZIP_TIME)
    data = build_deck(package, package.modules[0])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        real = {name: archive.read(name) for name in archive.namelist()}
    assert ooxml._write_zip_with_zipfile(real, deck.ZIP_TIME) == data
