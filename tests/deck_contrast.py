"""Text contrast on slides, as WCAG measures it, with colours resolved like a presentation program.

A run's colour comes from the run itself, its paragraph, the shape's list style, the layout's and
the master's placeholder, the master's text styles and the presentation's default text style; a
scheme colour ('tx1', 'bg1', 'accent1') goes through the master's colour map to the theme. The
background is the run's highlight, else its table cell's or its shape's fill, else the slide's,
layout's or master's background. Chart text is not resolved here (the deck sets it explicitly).
"""

from __future__ import annotations

from dataclasses import dataclass

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
TITLE_TYPES = {"title", "ctrTitle"}
BODY_TYPES = {"body", "subTitle", "obj", None}


@dataclass(frozen=True)
class Contrast:
    slide: int
    text: str
    colour: str
    background: str
    ratio: float


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class _Resolver:
    def __init__(self, prs):
        master = prs.slide_master
        self.master = master._element
        self.clr_map = dict(self.master.find(f"{P}clrMap").attrib)
        theme_part = next(rel.target_part for rel in master.part.rels.values()
                          if rel.reltype.endswith("/theme"))
        from lxml import etree
        theme = etree.fromstring(theme_part.blob)
        scheme = theme.find(f".//{A}clrScheme")
        self.scheme = {}
        for child in scheme:
            colour = child[0]
            self.scheme[child.tag.replace(A, "")] = colour.get("lastClr") or colour.get("val")
        self.default_style = prs.part._element.find(f"{P}defaultTextStyle")

    # -- colours ------------------------------------------------------------------------------

    def colour(self, fill) -> str | None:
        """The hex colour of an a:solidFill (or a colour element's parent), None if absent."""
        if fill is None:
            return None
        element = fill[0] if len(fill) else None
        if element is None:
            return None
        tag = element.tag.replace(A, "")
        if tag == "srgbClr":
            base = element.get("val")
        elif tag == "schemeClr":
            name = element.get("val")
            base = self.scheme[self.clr_map.get(name, name)]
        elif tag == "sysClr":
            base = element.get("lastClr")
        else:
            raise ValueError(f"kleur van het type {tag} kan ik niet lezen")
        return _modify(base, element)

    # -- text colour --------------------------------------------------------------------------

    def text_colour(self, run, paragraph, shape, slide) -> str:
        level = int(paragraph.find(f"{A}pPr").get("lvl", "0")) + 1 if paragraph.find(f"{A}pPr") is not None else 1
        candidates = [run.find(f"{A}rPr"), paragraph.find(f"{A}pPr/{A}defRPr")]
        candidates += self._list_styles(shape, slide, level)
        for rpr in candidates:
            if rpr is not None:
                found = self.colour(rpr.find(f"{A}solidFill"))
                if found:
                    return found
        return self.scheme[self.clr_map["tx1"]]

    def _list_styles(self, shape, slide, level):
        lvl = f"{A}lvl{level}pPr/{A}defRPr"
        styles = [shape.find(f".//{A}lstStyle/{A}lvl{level}pPr/{A}defRPr")]
        ph = shape.find(f".//{P}nvPr/{P}ph")
        if ph is not None:
            kind, idx = ph.get("type"), ph.get("idx")
            for owner in (slide.slide_layout._element, self.master):
                match = _placeholder(owner, kind, idx)
                if match is not None:
                    styles.append(match.find(f".//{A}lstStyle/" + lvl))
            text_styles = self.master.find(f"{P}txStyles")
            style = "titleStyle" if kind in TITLE_TYPES else "bodyStyle" if kind in BODY_TYPES else "otherStyle"
            styles.append(text_styles.find(f"{P}{style}/" + lvl))
        else:
            styles.append(self.master.find(f"{P}txStyles/{P}otherStyle/" + lvl))
        if self.default_style is not None:
            styles.append(self.default_style.find(lvl))
        return styles

    # -- background ---------------------------------------------------------------------------

    def background(self, run, shape, cell, slide) -> str:
        highlight = run.find(f"{A}rPr/{A}highlight")
        if highlight is not None:
            return self.colour(highlight)
        if cell is not None:
            found = self.colour(cell.find(f"{A}tcPr/{A}solidFill"))
            if found:
                return found
        found = self.colour(shape.find(f"{P}spPr/{A}solidFill"))
        if found:
            return found
        for owner in (slide._element, slide.slide_layout._element, self.master):
            bg = owner.find(f"{P}cSld/{P}bg")
            if bg is None:
                continue
            pr = bg.find(f"{P}bgPr")
            if pr is not None:
                return self.colour(pr.find(f"{A}solidFill"))
            ref = bg.find(f"{P}bgRef")
            if ref is not None:
                return self.colour(ref)
        return self.scheme[self.clr_map["bg1"]]


def _placeholder(owner, kind, idx):
    for ph in owner.iter(f"{P}ph"):
        if (idx is not None and ph.get("idx") == idx) or (kind is not None and ph.get("type") == kind) \
                or (kind in TITLE_TYPES and ph.get("type") in TITLE_TYPES):
            return ph.getparent().getparent().getparent()
    return None


def _modify(hex_colour: str, element) -> str:
    """Apply DrawingML tint, shade, lumMod and lumOff (approximately, in sRGB)."""
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    for child in element:
        name, value = child.tag.replace(A, ""), int(child.get("val", "100000")) / 100000
        if name == "tint":
            rgb = [1 - (1 - c) * value for c in rgb]
        elif name == "shade" or name == "lumMod":
            rgb = [c * value for c in rgb]
        elif name == "lumOff":
            rgb = [min(1.0, c + value) for c in rgb]
        elif name == "alpha" and value < 1:
            raise ValueError("doorzichtige tekstkleur: contrast niet te bepalen")
    return "".join(f"{round(c * 255):02X}" for c in rgb)


def text_contrasts(prs) -> list[Contrast]:
    """Every run of text on the shown slides, with its colour, its background and their ratio."""
    resolver = _Resolver(prs)
    found = []
    for number, slide in enumerate(prs.slides, start=1):
        if slide._element.get("show") == "0":
            continue
        for shape in _shapes(slide.shapes._spTree):
            for cell, paragraph in _paragraphs(shape):
                for run in paragraph.iter(f"{A}r"):
                    text = "".join(t.text or "" for t in run.iter(f"{A}t")).strip()
                    if not text:
                        continue
                    colour = resolver.text_colour(run, paragraph, shape, slide)
                    background = resolver.background(run, shape, cell, slide)
                    found.append(Contrast(number, text, colour, background,
                                          contrast_ratio(colour, background)))
    return found


def _shapes(tree):
    """The shapes of a shape tree, with the shapes inside a group (p:grpSp) in its place."""
    for child in tree.iterchildren():
        if child.tag == f"{P}grpSp":
            yield from _shapes(child)
        else:
            yield child


def _paragraphs(shape):
    """(table cell or None, a:p) for every paragraph in a shape or a table."""
    for cell in shape.iter(f"{A}tc"):
        for paragraph in cell.iter(f"{A}p"):
            yield cell, paragraph
    if shape.find(f".//{A}tbl") is None:
        for paragraph in shape.iter(f"{A}p"):
            yield None, paragraph
