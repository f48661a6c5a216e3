"""Make design/deck-template.pptx: the template whose named layouts every deck uses.

Run once to (re)create the starting design: `python scripts/make_template.py [--out FILE]`.
After that the template belongs to the designer: restyle it in PowerPoint, keep the layout
names (see LAYOUTS in src/childcare_guide/render/deck/plan.py), and every deck follows without a code change.

python-pptx has no public call to add a layout to a master or to list the notes master, so this
script does those two steps on the saved package itself, with zipfile and lxml, as the Open XML
standard describes it (a part, its relationships, its content type, its entry in the master's list).
Everything else goes through python-pptx's public API, and lxml on a public object's element.
"""

from __future__ import annotations

import argparse
import copy
import io
import posixpath
import re
import sys
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from childcare_guide.render.reproducible import normalise_office_file  # noqa: E402

OUT = ROOT / "design" / "deck-template.pptx"
WIDE = Emu(12192000)
HIGH = Emu(6858000)
DARK = RGBColor(0x1B, 0x4D, 0x4A)
INK = RGBColor(0x22, 0x22, 0x22)
LIGHT = RGBColor(0xE8, 0xF1, 0xEF)
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NOTES_MASTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster"
SLIDE_LAYOUT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout"
LAYOUT_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"

# default layout name -> our name (None: remove)
RENAME = {
    "Title Slide": "Titel",
    "Title and Content": "Tekst",
    "Section Header": "Sectie",
    "Two Content": "Grafiek",
    "Comparison": "Twee kolommen",
    "Title Only": "Tabel",
    "Title and Vertical Text": "Stelling",
    "Vertical Title and Text": "Vraag",
    "Blank": None,
    "Content with Caption": "Route",
    "Picture with Caption": "Beeld",
}
# New layouts, each a copy of a default layout made before the renaming: new name -> source name.
COPIES = {"Kerncijfer": "Two Content", "Tegels": "Title and Content"}
# The legend of a statement: colour AND word, white or dark text far above 4.5:1 on its colour.
LEGEND = (("Akkoord", DARK, RGBColor(0xFF, 0xFF, 0xFF)),
          ("Twijfel", RGBColor(0xF2, 0xC9, 0x4C), INK),
          ("Niet akkoord", RGBColor(0x9E, 0x2A, 0x2B), RGBColor(0xFF, 0xFF, 0xFF)))
STATEMENT_SIZE = "3600"  # 36 pt: the statement is what the room reads, larger than its title
QUESTION_SIZE = "4000"


def text_body(shape):
    """The p:txBody of a placeholder (lxml on the shape's element)."""
    return shape._element.find(f"{{{P}}}txBody")


def body_properties(shape):
    return text_body(shape).find(f"{{{A}}}bodyPr")


def scale_shapes(shapes, factor: float) -> None:
    """Widen shapes that have their own position; inherited positions follow the master."""
    for shape in shapes:
        own = shape._element.find(f".//{{{A}}}xfrm")
        if own is not None and shape.left is not None:
            shape.left = int(shape.left * factor)
            shape.width = int(shape.width * factor)


def set_sizes(master) -> None:
    """Readable sizes: titles 34 pt, body 26/22/20/18 pt (never under 18 pt)."""
    styles = master._element.find(f"{{{P}}}txStyles")
    title = styles.find(f"{{{P}}}titleStyle/{{{A}}}lvl1pPr/{{{A}}}defRPr")
    title.set("sz", "3400")
    title.set("b", "1")
    title.getparent().set("algn", "l")
    body = styles.find(f"{{{P}}}bodyStyle")
    for level, size in zip(range(1, 10), (2600, 2200, 2000, 1800, 1800, 1800, 1800, 1800, 1800),
                           strict=True):
        rpr = body.find(f"{{{A}}}lvl{level}pPr/{{{A}}}defRPr")
        if rpr is not None:
            rpr.set("sz", str(size))


def colour_text(master) -> None:
    styles = master._element.find(f"{{{P}}}txStyles")
    for tag, colour in (("titleStyle", DARK), ("bodyStyle", INK)):
        for rpr in styles.find(f"{{{P}}}{tag}").iter(f"{{{A}}}defRPr"):
            for old in rpr.findall(f"{{{A}}}solidFill"):
                rpr.remove(old)
            fill = etree.SubElement(rpr, f"{{{A}}}solidFill")
            etree.SubElement(fill, f"{{{A}}}srgbClr", val=str(colour))
            # solidFill must come before latin/ea/cs font elements
            fonts = [c for c in rpr if c.tag != f"{{{A}}}solidFill"]
            for child in fonts:
                rpr.remove(child)
                rpr.append(child)


def background(layout, colour: RGBColor) -> None:
    fill = layout.background.fill
    fill.solid()
    fill.fore_color.rgb = colour


def recolour_placeholders(layout, colour: RGBColor) -> None:
    for shape in layout.placeholders:
        if shape.has_text_frame:
            for paragraph in shape.text_frame.paragraphs:
                paragraph.font.color.rgb = colour
            lst = text_body(shape).find(f"{{{A}}}lstStyle")
            if lst is not None:
                lvl = lst.find(f"{{{A}}}lvl1pPr")
                if lvl is None:
                    lvl = etree.SubElement(lst, f"{{{A}}}lvl1pPr")
                rpr = lvl.find(f"{{{A}}}defRPr")
                if rpr is None:
                    rpr = etree.SubElement(lvl, f"{{{A}}}defRPr")
                fill = etree.SubElement(rpr, f"{{{A}}}solidFill")
                etree.SubElement(fill, f"{{{A}}}srgbClr", val=str(colour))


def no_shrinking(master) -> None:
    """Text keeps its size: no 'shrink text on overflow' (it would go under 18 pt unseen).

    Content validation keeps every slide's text within its box instead, and a LibreOffice test
    proves it (tests/test_deck_overflow.py).
    """
    for autofit in list(master._element.iter(f"{{{A}}}normAutofit")):
        autofit.getparent().remove(autofit)


def title_layout(layout) -> None:
    """Title slide: the module's title large and left-aligned, under it the package line and the
    fill-in fields (municipality, date, chair) at 24 pt, in a box tall enough for all four lines."""
    white = "FFFFFF"
    for shape in layout.placeholders:
        idx = shape.placeholder_format.idx
        if idx not in (0, 1):
            continue
        shape.left, shape.width = Emu(914400), Emu(10363200)
        if idx == 0:
            shape.top, shape.height = Emu(1100000), Emu(2200000)
            body_properties(shape).set("anchor", "b")
        else:
            shape.top, shape.height = Emu(3500000), Emu(2500000)
            body_properties(shape).set("anchor", "t")
        for level in text_body(shape).find(f"{{{A}}}lstStyle"):
            level.set("algn", "l")
            rpr = level.find(f"{{{A}}}defRPr")
            if idx == 1 and level.tag.endswith("lvl1pPr"):
                rpr.set("sz", "2400")
            for old in rpr.findall(f"{{{A}}}solidFill"):
                rpr.remove(old)
            fill = etree.Element(f"{{{A}}}solidFill")
            etree.SubElement(fill, f"{{{A}}}srgbClr", val=white)
            rpr.insert(0, fill)


def section_layout(layout) -> None:
    """A section or statement slide: the title, and under it one large, dark sentence.

    The default section header puts a small grey text above a title in capitals; a statement
    is what the room reads, so it comes under the title, at 28 pt, in the body colour.
    """
    for shape in layout.placeholders:
        idx = shape.placeholder_format.idx
        if idx == 0:
            shape.top, shape.height = Emu(1300000), Emu(1700000)
            body_properties(shape).set("anchor", "b")
            for rpr in shape._element.iter(f"{{{A}}}defRPr"):
                rpr.attrib.pop("cap", None)
        elif idx == 1:
            shape.top, shape.height = Emu(3150000), Emu(2600000)
            body_properties(shape).set("anchor", "t")
            level = text_body(shape).find(f"{{{A}}}lstStyle/{{{A}}}lvl1pPr")
            rpr = level.find(f"{{{A}}}defRPr")
            rpr.set("sz", "2800")
            for old in rpr.findall(f"{{{A}}}solidFill"):
                rpr.remove(old)
            fill = etree.Element(f"{{{A}}}solidFill")
            etree.SubElement(fill, f"{{{A}}}srgbClr", val=str(INK))
            rpr.insert(0, fill)


def big_text_layout(layout, title_box, size: str, legend: bool) -> None:
    """A statement or one big question: the title on top as on every slide, the text large and
    centred in the middle; a statement gets a legend at the bottom (akkoord / twijfel / niet
    akkoord, in colour and in words) that the designer can restyle here, on the layout."""
    for body_pr in layout._element.iter(f"{{{A}}}bodyPr"):
        body_pr.attrib.pop("vert", None)
    left, top, width, height = title_box
    for shape in layout.placeholders:
        shape.name = shape.name.replace("Vertical ", "")
        idx = shape.placeholder_format.idx
        if idx == 0:
            shape.left, shape.top, shape.width, shape.height = left, top, width, height
        elif idx == 1:
            body_top = top + height + Emu(150000)
            body_bottom = Emu(5200000) if legend else Emu(6300000)
            shape.left, shape.top, shape.width, shape.height = left, body_top, width, body_bottom - body_top
            body_properties(shape).set("anchor", "ctr")
            lst = text_body(shape).find(f"{{{A}}}lstStyle")
            level = lst.find(f"{{{A}}}lvl1pPr")
            if level is None:
                level = etree.SubElement(lst, f"{{{A}}}lvl1pPr")
            level.set("marL", "0")
            level.set("indent", "0")
            level.set("algn", "l")
            for old in list(level):
                level.remove(old)
            etree.SubElement(level, f"{{{A}}}buNone")
            rpr = etree.SubElement(level, f"{{{A}}}defRPr", sz=size, b="1")
            fill = etree.SubElement(rpr, f"{{{A}}}solidFill")
            etree.SubElement(fill, f"{{{A}}}srgbClr", val=str(INK))
    if not legend:
        return
    scratch = Presentation().slides.add_slide(Presentation().slide_layouts[6])
    gap = Emu(200000)
    box_width = int((width - 2 * gap) / 3)
    for number, (word, fill_colour, text_colour) in enumerate(LEGEND):
        box = scratch.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left + number * (box_width + gap),
                                       Emu(5500000), box_width, Emu(750000))
        box.name = f"Legende {word.lower()}"
        box.fill.solid()
        box.fill.fore_color.rgb = fill_colour
        box.line.fill.background()
        box.shadow.inherit = False
        frame = box.text_frame
        frame.text = word
        frame.paragraphs[0].alignment = PP_ALIGN.CENTER
        font = frame.paragraphs[0].font
        font.size, font.bold = Emu(24 * 12700), True
        font.color.rgb = text_colour
        element = copy.deepcopy(box._element)
        used = [int(c.get("id")) for c in layout._element.iter(f"{{{P}}}cNvPr")]
        element.find(f"{{{P}}}nvSpPr/{{{P}}}cNvPr").set("id", str(max(used) + 1))  # unique on the layout
        layout._element.find(f"{{{P}}}cSld/{{{P}}}spTree").append(element)


def route_layout(layout, title_box) -> None:
    """A route of stops: only the title, where every slide has it; the deck draws the stops
    (numbered circles joined by a line, each with its words) as native shapes under it."""
    for shape in list(layout.placeholders):
        if shape.placeholder_format.idx in (1, 2):
            shape._element.getparent().remove(shape._element)
        elif shape.placeholder_format.idx == 0:
            shape.left, shape.top, shape.width, shape.height = title_box
            body_properties(shape).set("anchor", "ctr")
            for rpr in shape._element.iter(f"{{{A}}}defRPr"):
                rpr.attrib.pop("sz", None)
                rpr.attrib.pop("b", None)


def with_layout_copies(deck: bytes, copies: dict[str, str]) -> bytes:
    """The package with, for each new name, a copy of the layout named `source` on the master.

    Each copy becomes a part of its own (ppt/slideLayouts/slideLayoutN.xml) with the source's
    relationships, its content type, a relationship from the master and an entry at the end of
    the master's <p:sldLayoutIdLst>, as PowerPoint writes a new layout.
    """
    with zipfile.ZipFile(io.BytesIO(deck)) as package:
        files = {info.filename: package.read(info) for info in package.infolist()}
    layouts = sorted((n for n in files if re.fullmatch(r"ppt/slideLayouts/slideLayout\d+\.xml", n)),
                     key=lambda n: int(re.search(r"(\d+)\.xml$", n).group(1)))
    by_name = {etree.fromstring(files[n]).find(f"{{{P}}}cSld").get("name"): n for n in layouts}
    master_name = "ppt/slideMasters/slideMaster1.xml"
    master_rels_name = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
    master = etree.fromstring(files[master_name])
    master_rels = etree.fromstring(files[master_rels_name])
    types = etree.fromstring(files["[Content_Types].xml"])
    number = len(layouts)
    for new_name, source_name in copies.items():
        source = by_name[source_name]
        number += 1
        name = f"ppt/slideLayouts/slideLayout{number}.xml"
        layout = etree.fromstring(files[source])
        layout.find(f"{{{P}}}cSld").set("name", new_name)
        files[name] = etree.tostring(layout, xml_declaration=True, encoding="UTF-8", standalone=True)
        folder, file = posixpath.split(source)
        files[f"{folder}/_rels/slideLayout{number}.xml.rels"] = files[f"{folder}/_rels/{file}.rels"]
        etree.SubElement(types, f"{{{CT}}}Override", {"PartName": f"/{name}", "ContentType": LAYOUT_TYPE})
        rids = [int(r.get("Id")[3:]) for r in master_rels if r.get("Id", "").startswith("rId")]
        rid = f"rId{max(rids) + 1}"
        etree.SubElement(master_rels, f"{{{PR}}}Relationship",
                         {"Id": rid, "Type": SLIDE_LAYOUT, "Target": f"../slideLayouts/slideLayout{number}.xml"})
        id_list = master.find(f"{{{P}}}sldLayoutIdLst")
        used = [int(entry.get("id")) for entry in id_list]
        etree.SubElement(id_list, f"{{{P}}}sldLayoutId", {"id": str(max(used) + 1), f"{{{R}}}id": rid})
    for name, root in ((master_name, master), (master_rels_name, master_rels), ("[Content_Types].xml", types)):
        files[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _zip(files)


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in files.items():
            package.writestr(name, data)
    return out.getvalue()


def plain_body(shape, size: str, align: str, anchor: str, colour: RGBColor = INK) -> None:
    """A placeholder's text without bullets or indent, at one size, aligned and anchored."""
    body_properties(shape).set("anchor", anchor)
    lst = text_body(shape).find(f"{{{A}}}lstStyle")
    level = lst.find(f"{{{A}}}lvl1pPr")
    if level is None:
        level = etree.SubElement(lst, f"{{{A}}}lvl1pPr")
    for old in list(level):
        level.remove(old)
    level.set("marL", "0")
    level.set("indent", "0")
    level.set("algn", align)
    etree.SubElement(level, f"{{{A}}}buNone")
    rpr = etree.SubElement(level, f"{{{A}}}defRPr", sz=size)
    fill = etree.SubElement(rpr, f"{{{A}}}solidFill")
    etree.SubElement(fill, f"{{{A}}}srgbClr", val=str(colour))


# Under the title and above a source line (two lines of 18 pt) on the 7,5 inch high slide.
BODY_TOP = Emu(1650000)
BODY_BOTTOM = Emu(5900000)
AREA_BOTTOM = Emu(6350000)


def key_figure_layout(layout, title_box) -> None:
    """One figure that fills the slide: two panels side by side, Flanders on the left (light green)
    and our municipality on the right (white, framed), each a large number with its words. The
    deck sets the number's size; a designer restyles the panels here."""
    left, top, width, height = title_box
    gap = Emu(300000)
    panel = (width - gap) // 2
    for shape in layout.placeholders:
        idx = shape.placeholder_format.idx
        if idx == 0:
            shape.left, shape.top, shape.width, shape.height = left, top, width, height
        elif idx in (1, 2):
            shape.name = "Vlaanderen" if idx == 1 else "Onze gemeente"
            shape.left = left if idx == 1 else left + panel + gap
            shape.top, shape.width, shape.height = BODY_TOP, panel, BODY_BOTTOM - BODY_TOP
            plain_body(shape, "2400", "ctr", "ctr")
            shape.fill.solid()
            shape.fill.fore_color.rgb = LIGHT if idx == 1 else RGBColor(0xFF, 0xFF, 0xFF)
            shape.line.color.rgb = DARK
            shape.line.width = Emu(28575)  # 2.25 pt


def area_layout(layout, title_box, area_name: str) -> None:
    """Only the title, and one body placeholder that marks the area where the deck draws its
    native shapes (the tiles of a diagram); the deck removes the placeholder and uses its box."""
    left, top, width, height = title_box
    for shape in list(layout.placeholders):
        idx = shape.placeholder_format.idx
        if idx == 0:
            shape.left, shape.top, shape.width, shape.height = left, top, width, height
        elif idx == 1:
            shape.name = area_name
            # no source line under a diagram: the area reaches down to the slide's bottom margin
            shape.left, shape.top, shape.width, shape.height = left, BODY_TOP, width, AREA_BOTTOM - BODY_TOP


def picture_layout(layout, title_box) -> None:
    """A picture with one short sentence: the picture large on the left, the sentence on the right."""
    left, top, width, height = title_box
    gap = Emu(300000)
    picture_width = int(width * 0.62)
    for shape in layout.placeholders:
        idx = shape.placeholder_format.idx
        if idx == 0:
            shape.left, shape.top, shape.width, shape.height = left, top, width, height
            body_properties(shape).set("anchor", "ctr")
            for rpr in shape._element.iter(f"{{{A}}}defRPr"):
                rpr.attrib.pop("sz", None)
                rpr.attrib.pop("b", None)
        elif idx == 1:
            shape.left, shape.top, shape.width, shape.height = left, BODY_TOP, picture_width, BODY_BOTTOM - BODY_TOP
        elif idx == 2:
            shape.left, shape.top = left + picture_width + gap, BODY_TOP
            shape.width, shape.height = width - picture_width - gap, BODY_BOTTOM - BODY_TOP
            plain_body(shape, "2400", "l", "ctr")


def with_listed_notes_master(deck: bytes) -> bytes:
    """The package with its notes master listed in presentation.xml's <p:notesMasterIdLst>.

    Every deck has speaker notes, and notes need a notes master. python-pptx makes one when it
    is first asked for (`prs.notes_master`) but does not list it in presentation.xml, as the
    standard asks and Keynote needs. Listed here, once, the template carries it, and every deck
    built on the template reuses it.
    """
    with zipfile.ZipFile(io.BytesIO(deck)) as package:
        files = {info.filename: package.read(info) for info in package.infolist()}
    relations = etree.fromstring(files["ppt/_rels/presentation.xml.rels"])
    rid = next(r.get("Id") for r in relations if r.get("Type") == NOTES_MASTER)
    presentation = etree.fromstring(files["ppt/presentation.xml"])
    existing = presentation.find(f"{{{P}}}notesMasterIdLst")
    if existing is not None:
        presentation.remove(existing)
    id_list = etree.Element(f"{{{P}}}notesMasterIdLst")
    etree.SubElement(id_list, f"{{{P}}}notesMasterId", {f"{{{R}}}id": rid})
    presentation.find(f"{{{P}}}sldMasterIdLst").addnext(id_list)  # its place in the schema
    files["ppt/presentation.xml"] = etree.tostring(presentation, xml_declaration=True, encoding="UTF-8",
                                                   standalone=True)
    return _zip(files)


def saved(prs) -> bytes:
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Maak het sjabloon voor de presentaties.")
    parser.add_argument("--out", type=Path, default=OUT,
                        help=f"waar het sjabloon komt (standaard {OUT.relative_to(ROOT)})")
    out = parser.parse_args(argv).out
    prs = Presentation()
    factor = WIDE / prs.slide_width
    prs.slide_width, prs.slide_height = WIDE, HIGH
    assert prs.notes_master is not None  # python-pptx makes the notes master when it is first asked for
    # the new layouts and the notes master's entry, on the package; then back to python-pptx
    prs = Presentation(io.BytesIO(with_listed_notes_master(with_layout_copies(saved(prs), COPIES))))
    master = prs.slide_master
    scale_shapes(master.shapes, factor)
    set_sizes(master)
    colour_text(master)
    no_shrinking(master)
    # A master has no add_shape: draw the accent bar on a scratch slide and move it over.
    scratch = Presentation().slides.add_slide(Presentation().slide_layouts[6])
    bar = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Emu(160000), HIGH)
    bar.fill.solid()
    bar.fill.fore_color.rgb = DARK
    bar.line.fill.background()
    bar.name = "Accentbalk"
    bar.shadow.inherit = False
    # the bar is decoration: keep it behind everything else on the master
    master._element.find(f"{{{P}}}cSld/{{{P}}}spTree").insert(2, copy.deepcopy(bar._element))

    title = next(sh for sh in master.placeholders if sh.placeholder_format.idx == 0)
    title_box = (title.left, title.top, title.width, title.height)
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    for new_name in COPIES:
        layout = by_name[new_name]
        scale_shapes(layout.placeholders, factor)
        if new_name == "Kerncijfer":
            key_figure_layout(layout, title_box)
        else:
            area_layout(layout, title_box, "Tegels")
    for layout in list(prs.slide_layouts):
        if layout.name in COPIES:
            continue
        new_name = RENAME[layout.name]
        if new_name is None:
            prs.slide_layouts.remove(layout)
            continue
        layout._element.find(f"{{{P}}}cSld").set("name", new_name)
        scale_shapes(layout.placeholders, factor)
        if new_name == "Grafiek":
            for shape in list(layout.placeholders):
                if shape.placeholder_format.idx == 2:
                    shape._element.getparent().remove(shape._element)
                elif shape.placeholder_format.idx == 1:
                    shape.width = int(WIDE - 2 * shape.left)
        if new_name == "Route":
            route_layout(layout, title_box)
        if new_name == "Beeld":
            picture_layout(layout, title_box)
        if new_name in ("Stelling", "Vraag"):
            big_text_layout(layout, title_box, STATEMENT_SIZE if new_name == "Stelling" else QUESTION_SIZE,
                            legend=new_name == "Stelling")
        if new_name == "Titel":
            background(layout, DARK)
            recolour_placeholders(layout, RGBColor(0xFF, 0xFF, 0xFF))
            title_layout(layout)
        if new_name == "Sectie":
            background(layout, LIGHT)
            section_layout(layout)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(normalise_office_file(saved(prs)))
    print(f"Sjabloon geschreven: {out}")


if __name__ == "__main__":
    main()
