"""Faster decks with python-pptx, each step giving the same bytes as python-pptx's own.

python-pptx looks up elements with `element.xpath(expression, namespaces=...)` thousands of times
per deck; lxml compiles the expression again on every call. `etree.XPath` compiles it once and
gives the same result for the same element (install(): a per-thread cache, because a compiled
XPath object must not be shared between threads; qn() is remembered too).

Beside that, the slow steps of a deck skip python-pptx's object model:
  - open_presentation: the template is loaded once per process and copied for each deck;
  - add_slide and add_notes: a new slide or notes slide is parsed whole from the XML of a
    skeleton (the placeholders python-pptx clones from the layout or notes master, cloned once)
    with the text of its title or notes put in;
  - track_partnames: the next free part name from remembered names instead of a walk over every
    part of the package for each new part (which made a deck O(n²));
  - set_text, paragraph_xml, add_run, replace_paragraphs: text written as XML and parsed at once;
  - save_reproducible: [Content_Types].xml and the .rels files written as text, and
    ooxml.write_zip's one-pass zip.
Each gives up (None or False, nothing changed) when python-pptx is not as expected, a text holds
a character XML cannot hold, or the fast paths are off (uninstall()): the caller then takes
python-pptx's own way. tests/test_pptx_speed.py builds every deck both ways and compares each
fast step with python-pptx's.
"""

from __future__ import annotations

import copy
import os
import re
import threading
import weakref

from lxml import etree

from childcare_guide.render.reproducible import CONTENT_TYPES, compiled_xpath, write_zip

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
    if active():  # [Content_Types].xml and the .rels files as text, as python-pptx writes them
        types = _content_types_xml(parts)
        if types is None:
            writer._write_content_types_stream(Collector())
        else:
            members[CONTENT_TYPES] = types
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


XML_DECLARATION = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                                    "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})
_NOT_XML = re.compile("[\x00-\x08\x0B\x0C\x0E-\x1F\ud800-\udfff\ufffe\uffff]")


def flat_xml(root: str, namespace: str, children: list[tuple[str, tuple[tuple[str, str], ...]]]) -> bytes | None:
    """An XML file of one root element (default namespace) with empty children that only have
    attributes, byte for byte as lxml's tostring(encoding='UTF-8', standalone=True) writes it.
    None when a value holds a character XML cannot hold (lxml then raises its own error)."""
    out = [f'<{root} xmlns="{namespace}"']
    if children:
        out.append(">")
        for tag, attributes in children:
            out.append(f"<{tag}")
            for name, value in attributes:
                out.append(f' {name}="{value.translate(_ATTRIBUTE_ESCAPES)}"')
            out.append("/>")
        out.append(f"</{root}>")
    else:
        out.append("/>")
    text = "".join(out)
    if _NOT_XML.search(text):
        return None
    return XML_DECLARATION + text.encode("utf-8")


def attribute_value(value: str) -> str:
    """`value` escaped as lxml writes an attribute's value (between double quotes)."""
    return value.translate(_ATTRIBUTE_ESCAPES)


CONTENT_TYPES_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/content-types"


def _content_types_xml(parts) -> bytes | None:
    """[Content_Types].xml: python-pptx's own choice of defaults and overrides, written as text."""
    try:
        from pptx.opc.serialized import _ContentTypesItem
        defaults, overrides = _ContentTypesItem(parts)._defaults_and_overrides
    except (ImportError, AttributeError, TypeError, ValueError):
        return None
    children = [("Default", (("Extension", ext), ("ContentType", content_type)))
                for ext, content_type in sorted(defaults.items())]
    children += [("Override", (("PartName", partname), ("ContentType", content_type)))
                 for partname, content_type in sorted(overrides.items())]
    return flat_xml("Types", CONTENT_TYPES_NAMESPACE, children)


RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_relative_refs: dict[tuple[str, str], str] = {}


def _rels_xml(rels, base_uri: str) -> bytes:
    """The .rels file of a part: what python-pptx's _Relationships.xml gives, in its order
    (by rId number), written as text."""
    numbered = sorted((int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0, rid)
                      for rid in rels)
    children = []
    for _, rid in numbered:
        rel = rels[rid]
        if rel.is_external:
            attributes = (("Id", rid), ("Type", rel.reltype), ("Target", rel.target_ref),
                          ("TargetMode", "External"))
        else:
            partname = rel.target_partname
            key = (str(partname), base_uri)
            target = _relative_refs.get(key)
            if target is None:
                if len(_relative_refs) > 4096:
                    _relative_refs.clear()
                target = _relative_refs[key] = partname.relative_ref(base_uri)
            attributes = (("Id", rid), ("Type", rel.reltype), ("Target", target))
        children.append(("Relationship", attributes))
    xml = flat_xml("Relationships", RELATIONSHIPS, children)
    return rels.xml if xml is None else xml


# -- text ---------------------------------------------------------------------------------------

_CONTROL = re.compile(r"([\x00-\x08\x0B-\x1F])")
_NS_A = f'xmlns:a="{A}"'


def _escape(text: str) -> str:
    """python-pptx's escape of control characters in a run: BEL becomes '_x0007_'."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda match: f"_x{ord(match.group(1)):04X}_", text)


def paragraph_xml(text: str, run_properties: str = "", paragraph_properties: str = "") -> str:
    """The XML (prefix a:) of the paragraph txBody.add_p().append_text(text) adds: each vertical
    tab a line break, no empty runs; with optional a:rPr in each run and a:pPr first."""
    out = ["<a:p>", paragraph_properties]
    for index, part in enumerate(text.split("\v")):
        if index:
            out.append("<a:br/>")
        if part:
            part = _escape(part).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            out.append(f"<a:r>{run_properties}<a:t>{part}</a:t></a:r>")
    out.append("</a:p>")
    return "".join(out)


def parse_fragment(xml: str) -> list:
    """The elements of an XML fragment with prefix a:, parsed as python-pptx parses (so they are
    python-pptx's element classes); moved into a tree, they serialize as python-pptx's own."""
    from pptx.oxml import oxml_parser

    return list(etree.fromstring(f"<a:fragment {_NS_A}>{xml}</a:fragment>", oxml_parser))


def append_paragraphs(body, text: str) -> None:
    """Replace the paragraphs of a:txBody `body` by one per line of `text`, as python-pptx's
    TextFrame.text does."""
    for p in body.findall(P_TAG):
        body.remove(p)
    lines = text.split("\n")
    try:
        body.extend(parse_fragment("".join(paragraph_xml(line) for line in lines)))
    except etree.XMLSyntaxError:  # a character XML cannot hold: python-pptx's own error
        for line in lines:
            body.add_p().append_text(line)


def replace_paragraphs(body, xml: str) -> bool:
    """Replace the paragraphs of a:txBody `body` by those in `xml` (a:p elements, prefix a:);
    False (nothing changed) when the fast path is off or `xml` does not parse."""
    if not active():
        return False
    try:
        paragraphs = parse_fragment(xml)
    except etree.XMLSyntaxError:
        return False
    for p in body.findall(P_TAG):
        body.remove(p)
    body.extend(paragraphs)
    return True


END_PARA_RPR_TAG = f"{{{A}}}endParaRPr"


def add_run(paragraph, text: str, run_properties: str = "") -> bool:
    """paragraph.add_run().text = text (a python-pptx _Paragraph), the run with the a:rPr in
    `run_properties` (XML, prefix a:); False (nothing changed) when that is not done: fast path
    off, empty text (python-pptx writes an empty a:t differently) or text XML cannot hold."""
    if not active() or not text:
        return False
    text = _escape(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    try:
        (run,) = parse_fragment(f"<a:r>{run_properties}<a:t>{text}</a:t></a:r>")
    except (etree.XMLSyntaxError, ValueError):
        return False
    p = paragraph._p
    end = p.find(END_PARA_RPR_TAG)  # python-pptx puts a new run before it
    if end is None:
        p.append(run)
    else:
        end.addprevious(run)
    return True


def set_text(frame, text: str) -> None:
    """frame.text = text for a python-pptx TextFrame: one paragraph per line."""
    if not active():
        frame.text = text
        return
    append_paragraphs(frame._txBody, text)


def _relate_new(source, target, reltype: str) -> str:
    """source.relate_to(target, reltype) for a `target` that is new, so not yet related: without
    python-pptx's search of all relationships of `source` for a matching one."""
    add = getattr(source._rels, "_add_relationship", None)
    return source.relate_to(target, reltype) if add is None else add(reltype, target)


# -- the template -------------------------------------------------------------------------------

_templates: dict[tuple, object] = {}  # (path, size, mtime) -> the template as loaded, never changed
_templates_lock = threading.Lock()


def open_presentation(path):
    """Presentation(path), from a copy of the template as loaded once per process: loading it
    again takes python-pptx four times as long as copying it."""
    from pptx import Presentation

    if not active():
        return Presentation(str(path))
    try:
        stat = os.stat(path)
    except OSError:
        return Presentation(str(path))  # python-pptx's own error
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    with _templates_lock:
        pristine = _templates.get(key)
        if pristine is None:
            _templates.clear()  # one template at a time
            pristine = _templates[key] = Presentation(str(path))
        return copy.deepcopy(pristine)


# -- part names ---------------------------------------------------------------------------------

# Parts python-pptx only ever names through next_partname (never by a fixed name, never renamed;
# slides are, so they are not here): for these the remembered names stay right.
TRACKED_PREFIXES = ("/ppt/notesSlides/", "/ppt/charts/", "/ppt/embeddings/", "/ppt/theme/")


def track_partnames(package) -> bool:
    """Give `package` a next_partname that remembers names (the same answers as python-pptx's).

    python-pptx's next_partname walks the relationships of every part to collect the names each
    time a part is added: a deck of n slides with notes walks n times. Only for a package that is
    being built and never loses a part, and only for the parts in TRACKED_PREFIXES: the names of
    one walk, at the first new part of its kind, plus each name handed out since. Other names
    take python-pptx's own walk.
    """
    if not active() or not callable(getattr(package, "iter_parts", None)):
        return False
    try:
        from pptx.opc.packuri import PackURI
    except ImportError:
        return False
    original = package.next_partname
    known: dict[str, set[str]] = {}  # prefix -> names of the parts with it

    def next_partname(tmpl: str):
        prefix = tmpl[: (tmpl % 42).find("42")]
        if not prefix.startswith(TRACKED_PREFIXES):
            return original(tmpl)
        names = known.get(prefix)
        if names is None:
            names = known[prefix] = {str(part.partname) for part in package.iter_parts()
                                     if part.partname.startswith(prefix)}
        for n in range(len(names) + 1, 0, -1):  # python-pptx's own search, on the remembered names
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
_skeletons_lock = threading.Lock()


def _skeleton(part, kind: str, make):
    """The skeleton of a new slide (kind 'slide') or notes slide ('notes') based on `part` (a
    layout or the notes master): made once per content of that part, then only copied."""
    with _skeletons_lock:
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


TEXT_MARK = "childcare-guide-text"


def _around_paragraphs(element, body) -> tuple[str, str] | None:
    """The XML of `element` before and after the paragraphs of its a:txBody `body`, those
    paragraphs left out: where python-pptx's TextFrame.text puts new ones, last in the body.
    Changes `element` (give a copy)."""
    for p in body.findall(P_TAG):
        body.remove(p)
    body.append(etree.Comment(TEXT_MARK))
    xml = etree.tostring(element, encoding="unicode").split(f"<!--{TEXT_MARK}-->")
    return (xml[0], xml[1]) if len(xml) == 2 else None


def _slide_skeleton(layout_part):
    """A slide with the layout's placeholders, and its XML around the title's paragraphs (None
    without a title)."""
    from pptx.oxml.slide import CT_Slide
    from pptx.slide import Slide

    element = CT_Slide.new()
    shapes = Slide(element, None).shapes
    shapes.clone_layout_placeholders(layout_part.slide_layout)
    around = None
    title = shapes.title
    if title is not None:
        with_title = copy.deepcopy(element)
        title = Slide(with_title, None).shapes.title
        around = _around_paragraphs(with_title, title.text_frame._txBody)
    return (element, around)


def _notes_skeleton(master_part):
    """A notes slide with the master's placeholders: (element, path to its notes text body,
    its XML before and after the notes paragraphs), or (element, None, None) without a body."""
    from pptx.oxml.slide import CT_NotesSlide
    from pptx.slide import NotesSlide

    element = CT_NotesSlide.new()
    notes = NotesSlide(element, None)
    notes.clone_master_placeholders(master_part.notes_master)
    frame = notes.notes_text_frame
    if frame is None:
        return (element, None, None)
    path, node = [], frame._txBody
    while node is not element:
        parent = node.getparent()
        path.append(parent.index(node))
        node = parent
    path.reverse()
    copied = copy.deepcopy(element)
    return (element, tuple(path), _around_paragraphs(copied, _follow(copied, path)))


def _follow(element, path):
    """The descendant of `element` at `path`, child indexes from the top."""
    for index in path:
        element = element[index]
    return element


def _parts_api():
    try:
        from pptx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from pptx.parts.slide import NotesSlidePart, SlidePart
    except ImportError:
        return None
    return CONTENT_TYPE, RELATIONSHIP_TYPE, NotesSlidePart, SlidePart


def add_slide(prs, layout, title: str | None = None):
    """prs.slides.add_slide(layout), then slide.shapes.title.text = title unless None: the slide
    made from a skeleton (its XML with the title's paragraphs, or a copy); None: not done."""
    api = _parts_api() if active() else None
    if api is None:
        return None
    ct, rt, _, slide_part_class = api
    presentation_part = prs.part
    slides = prs.slides
    id_list = getattr(slides, "_sldIdLst", None)
    if id_list is None or not hasattr(presentation_part, "_next_slide_partname"):
        return None
    skeleton, around = _skeleton(layout.part, "slide", _slide_skeleton)
    if title is None:
        element = copy.deepcopy(skeleton)
    else:
        element = _parse_around(around, title)
        if element is None:
            return None
    slide_part = slide_part_class(presentation_part._next_slide_partname, ct.PML_SLIDE,
                                  presentation_part.package, element)
    _relate_new(slide_part, layout.part, rt.SLIDE_LAYOUT)
    id_list.add_sldId(_relate_new(presentation_part, slide_part, rt.SLIDE))
    return slide_part.slide


def _parse_around(around: tuple[str, str] | None, text: str):
    """The element of a skeleton's XML with a text frame's paragraphs for `text`, or None."""
    if around is None:
        return None
    from pptx.oxml import oxml_parser

    xml = "".join(paragraph_xml(line) for line in text.split("\n")).join(around)
    try:
        return etree.fromstring(xml, oxml_parser)
    except etree.XMLSyntaxError:
        return None


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
    skeleton, path, around = _skeleton(master_part, "notes", _notes_skeleton)
    if path is None:
        return False
    element = _parse_around(around, text)  # the whole notes slide parsed at once: faster
    if element is None:  # than copy and add; or a character XML cannot hold: python-pptx's error
        element = copy.deepcopy(skeleton)
        append_paragraphs(_follow(element, path), text)
    notes_part = notes_part_class(package.next_partname("/ppt/notesSlides/notesSlide%d.xml"),
                                  ct.PML_NOTES_SLIDE, package, element)
    _relate_new(notes_part, master_part, rt.NOTES_MASTER)
    _relate_new(notes_part, slide_part, rt.SLIDE)
    _relate_new(slide_part, notes_part, rt.NOTES_SLIDE)
    return True
