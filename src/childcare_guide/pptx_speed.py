"""Make python-pptx evaluate its XPath expressions from a compiled cache (and remember qn()).

python-pptx looks up elements with `element.xpath(expression, namespaces=...)` thousands of times
per deck; lxml compiles the expression again on every call. `etree.XPath` compiles it once and
gives the same result for the same element, so building a deck is about twice as fast, with the
same bytes (tests/test_pptx_speed.py). The cache is per thread, because a compiled XPath object
must not be shared between threads.

Beside that, the slow steps of a deck are done without python-pptx's object model, each giving
the same XML as python-pptx's own step (tests/test_pptx_speed.py builds every deck both ways):
  - add_slide and add_notes: a new slide is a copy of a skeleton, the placeholders python-pptx
    clones from the layout (or notes master) once, instead of cloning them for every slide;
  - track_partnames: the next free part name from a remembered set of names instead of a walk
    over every part of the package for every new part (which made a deck O(n²));
  - set_text: a text frame's text written with lxml.
Each returns None or False when python-pptx is not as expected or the fast path is off: the
caller then takes python-pptx's normal path.
"""

from __future__ import annotations

import copy
import re
import weakref

from lxml import etree

from .ooxml import compiled_xpath, write_zip

_original = None
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_TAG, R_TAG, T_TAG, BR_TAG = (f"{{{A}}}{name}" for name in ("p", "r", "t", "br"))


def install() -> bool:
    """Patch python-pptx once; False (and no change) if its internals are not as expected."""
    global _original
    try:
        from pptx.oxml import xmlchemy
        from pptx.oxml.ns import _nsmap
    except ImportError:
        return False
    base = getattr(xmlchemy, "BaseOxmlElement", None)
    if base is None or not callable(getattr(base, "xpath", None)):
        return False
    if _original is not None:
        return True
    _original = base.xpath
    base.xpath = compiled_xpath(_original, _nsmap)
    _patch_qn(True)
    return True


_qn = {}  # the original qn and its memo


def _patch_qn(fast: bool) -> None:
    """qn('a:p') -> '{namespace}p' builds a helper object on every call (tens of thousands per
    deck): remember each answer. Every pptx module imported its own reference, so each is set."""
    import functools
    import sys

    from pptx.oxml import ns

    if not _qn:
        _qn["original"] = ns.qn
        _qn["memo"] = functools.lru_cache(maxsize=None)(ns.qn)
    old, new = (_qn["original"], _qn["memo"]) if fast else (_qn["memo"], _qn["original"])
    for name, module in list(sys.modules.items()):
        if (name == "pptx" or name.startswith("pptx.")) and getattr(module, "qn", None) is old:
            module.qn = new


def uninstall() -> None:
    """Restore python-pptx's own method (tests compare both)."""
    global _original
    if _original is not None:
        from pptx.oxml import xmlchemy

        xmlchemy.BaseOxmlElement.xpath = _original
        _original = None
        _patch_qn(False)


def active() -> bool:
    """True while the fast paths are on (install() succeeded, no uninstall() since)."""
    return _original is not None


def save_reproducible(prs, date_time: tuple[int, int, int, int, int, int]) -> bytes | None:
    """The presentation as .pptx bytes with fixed timestamps and sorted members, zipped once.

    The same bytes as deck.normalise_zip(saved bytes), without compressing everything twice.
    None if python-pptx's package writer is not as expected (the caller then saves normally).
    """
    import io

    try:
        from pptx.opc.serialized import PackageWriter
    except ImportError:
        return None
    package = prs.part.package
    parts = tuple(package.iter_parts())
    members: dict[str, bytes] = {}

    class Collector:
        def write(self, pack_uri, blob: bytes) -> None:
            members[pack_uri.membername] = blob

    writer = PackageWriter(io.BytesIO(), package._rels, parts)
    steps = ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")
    if not all(callable(getattr(writer, step, None)) for step in steps):
        return None
    if active():  # the .rels files written with lxml, as _write_pkg_rels and _write_parts do
        writer._write_content_types_stream(Collector())
        members["_rels/.rels"] = _rels_xml(package._rels, "/")
        for part in parts:
            partname = part.partname
            members[partname.membername] = part.blob
            if part._rels:
                members[partname.rels_uri.membername] = _rels_xml(part._rels, partname.baseURI)
    else:
        for step in steps:
            getattr(writer, step)(Collector())
    return write_zip(members, date_time)


RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_relative_refs: dict[tuple[str, str], str] = {}


def _rels_xml(rels, base_uri: str) -> bytes:
    """The .rels file of a part: what python-pptx's _Relationships.xml gives, in its order
    (by rId number), without building each element through python-pptx's parser."""
    root = etree.Element(f"{{{RELATIONSHIPS}}}Relationships", nsmap={None: RELATIONSHIPS})
    numbered = sorted((int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0, rid)
                      for rid in rels.keys())
    for _, rid in numbered:
        rel = rels[rid]
        if rel.is_external:
            attributes = {"Id": rid, "Type": rel.reltype, "Target": rel.target_ref,
                          "TargetMode": "External"}
        else:
            partname = rel.target_partname
            key = (str(partname), base_uri)
            target = _relative_refs.get(key)
            if target is None:
                if len(_relative_refs) > 4096:
                    _relative_refs.clear()
                target = _relative_refs[key] = partname.relative_ref(base_uri)
            attributes = {"Id": rid, "Type": rel.reltype, "Target": target}
        etree.SubElement(root, f"{{{RELATIONSHIPS}}}Relationship", attributes)
    return etree.tostring(root, encoding="UTF-8", standalone=True)


# -- text ---------------------------------------------------------------------------------------

_CONTROL = re.compile(r"([\x00-\x08\x0B-\x1F])")


def _escape(text: str) -> str:
    """python-pptx's escape of control characters in a run: BEL becomes '_x0007_'."""
    return _CONTROL.sub(lambda match: "_x%04X_" % ord(match.group(1)), text)


def add_paragraph(parent, text: str):
    """Append an a:p with `text` to `parent` (a:txBody): what txBody.add_p().append_text(text)
    does: each vertical tab becomes a line break, an empty run is left out."""
    p = etree.SubElement(parent, P_TAG)
    for index, part in enumerate(text.split("\v")):
        if index:
            etree.SubElement(p, BR_TAG)
        if part:
            etree.SubElement(etree.SubElement(p, R_TAG), T_TAG).text = _escape(part)
    return p


def set_text(frame, text: str) -> None:
    """frame.text = text for a python-pptx TextFrame: one paragraph per line."""
    if not active():
        frame.text = text
        return
    body = frame._txBody
    for p in body.findall(P_TAG):
        body.remove(p)
    for line in text.split("\n"):
        add_paragraph(body, line)


# -- part names ---------------------------------------------------------------------------------

def track_partnames(package) -> bool:
    """Give `package` a next_partname that remembers the names it has (same answers).

    python-pptx's next_partname walks the relationships of every part to collect the names each
    time a part is added. Only for a package that is being built and never loses a part: the
    remembered names are those of the parts now plus each name handed out since.
    """
    if not active() or not callable(getattr(package, "iter_parts", None)):
        return False
    try:
        from pptx.opc.packuri import PackURI
    except ImportError:
        return False
    names = {str(part.partname) for part in package.iter_parts()}

    def next_partname(tmpl: str):
        prefix = tmpl[: (tmpl % 42).find("42")]
        count = sum(1 for name in names if name.startswith(prefix))
        for n in range(count + 1, 0, -1):  # python-pptx's own search, on the remembered names
            candidate = tmpl % n
            if candidate not in names:
                names.add(candidate)
                return PackURI(candidate)
        raise RuntimeError("geen vrije onderdeelnaam gevonden voor " + tmpl)  # pragma: no cover

    package.next_partname = next_partname
    return True


# -- slides and notes from skeletons --------------------------------------------------------------

MAX_SKELETONS = 64
_skeletons: dict[tuple[str, bytes], tuple] = {}  # (kind, XML of the layout or master) -> skeleton
_skeleton_of_part: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # (part, kind) -> skeleton


def _skeleton(part, kind: str, make):
    """The skeleton of a new slide (kind 'slide') or notes slide ('notes') based on `part`."""
    per_part = _skeleton_of_part.setdefault(part, {})
    hit = per_part.get(kind)
    if hit is None:
        key = (kind, etree.tostring(part._element))
        hit = _skeletons.get(key)
        if hit is None:
            hit = _skeletons[key] = make(part)
            while len(_skeletons) > MAX_SKELETONS:
                del _skeletons[next(iter(_skeletons))]
        per_part[kind] = hit
    return hit


def _slide_skeleton(layout_part):
    from pptx.oxml.slide import CT_Slide
    from pptx.slide import Slide

    element = CT_Slide.new()
    Slide(element, None).shapes.clone_layout_placeholders(layout_part.slide_layout)
    return (element,)


def _notes_skeleton(master_part):
    """A notes slide with the master's placeholders and the path to its notes text body."""
    from pptx.oxml.slide import CT_NotesSlide
    from pptx.slide import NotesSlide

    element = CT_NotesSlide.new()
    notes = NotesSlide(element, None)
    notes.clone_master_placeholders(master_part.notes_master)
    frame = notes.notes_text_frame
    if frame is None:
        return (element, None)
    path, node = [], frame._txBody
    while node is not element:
        parent = node.getparent()
        path.append(parent.index(node))
        node = parent
    return (element, tuple(reversed(path)))


def _parts_api():
    try:
        from pptx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from pptx.parts.slide import NotesSlidePart, SlidePart
    except ImportError:
        return None
    return CONTENT_TYPE, RELATIONSHIP_TYPE, NotesSlidePart, SlidePart


def add_slide(prs, layout):
    """prs.slides.add_slide(layout), the placeholders copied from a skeleton; None: not done."""
    api = _parts_api() if active() else None
    if api is None:
        return None
    ct, rt, _, slide_part_class = api
    presentation_part = prs.part
    slides = prs.slides
    id_list = getattr(slides, "_sldIdLst", None)
    if id_list is None or not hasattr(presentation_part, "_next_slide_partname"):
        return None
    (skeleton,) = _skeleton(layout.part, "slide", _slide_skeleton)
    slide_part = slide_part_class(presentation_part._next_slide_partname, ct.PML_SLIDE,
                                  presentation_part.package, copy.deepcopy(skeleton))
    slide_part.relate_to(layout.part, rt.SLIDE_LAYOUT)
    id_list.add_sldId(presentation_part.relate_to(slide_part, rt.SLIDE))
    return slide_part.slide


def add_notes(slide, text: str) -> bool:
    """slide.notes_slide.notes_text_frame.text = text for a slide without notes yet, the notes
    slide copied from a skeleton; False: not done (the slide has notes, or no fast path)."""
    api = _parts_api() if active() else None
    if api is None:
        return False
    ct, rt, notes_part_class, _ = api
    slide_part = slide.part
    if slide_part.has_notes_slide:
        return False
    package = slide_part.package
    master_part = package.presentation_part.notes_master_part
    skeleton, path = _skeleton(master_part, "notes", _notes_skeleton)
    if path is None:
        return False
    element = copy.deepcopy(skeleton)
    notes_part = notes_part_class(package.next_partname("/ppt/notesSlides/notesSlide%d.xml"),
                                  ct.PML_NOTES_SLIDE, package, element)
    notes_part.relate_to(master_part, rt.NOTES_MASTER)
    notes_part.relate_to(slide_part, rt.SLIDE)
    slide_part.relate_to(notes_part, rt.NOTES_SLIDE)
    body = element
    for index in path:
        body = body[index]
    for p in body.findall(P_TAG):
        body.remove(p)
    for line in text.split("\n"):
        add_paragraph(body, line)
    return True
