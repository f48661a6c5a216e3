"""A module's pictures: linked from its Markdown as `beelden/<name>.png`, checked before any build.

A picture lives in content/modules/<slug>/beelden/ and every Markdown file of the module (also one
in stappen/ or werkinstrumenten/) links it the same way: `![beschrijving](beelden/naam.png)`.
The build copies it next to the module's pages (render/paths.picture_path), where that link works.

Each rule here is a content mistake with a Dutch message at the Markdown file and line: a missing
picture, no description (alt text), a file that is too big, a path outside beelden/, a type the
site does not show, and an SVG that runs code or asks another site for something (the site's
Content-Security-Policy and the visitors' privacy: no request to another host).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from childcare_guide.content.errors import ContentProblem

FOLDER = "beelden"
SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
KB = 1024
# Limits per type, in KB: a module page loads every picture it shows, also on a phone.
LIMITS = {".png": 300, ".jpg": 300, ".jpeg": 300, ".svg": 100}
PILLOW_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}
TYPE_NAMES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".svg": "SVG"}
NAME = re.compile(r"[a-z0-9][a-z0-9-]*\.(?:png|jpe?g|svg)")
# ![alt](target "title"): the target may stand between < and >.
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*(<[^>]*>|[^)\s]*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
HTML_IMAGE = re.compile(r"<\s*img\b", re.I)
FENCE = re.compile(r"^\s*(```|~~~)")

# What an SVG may not hold: code, and any reference to a file or another site.
SVG_SCRIPT = re.compile(r"<\s*script\b", re.I)
SVG_EVENT = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)
SVG_REFERENCE = re.compile(r"""\b(?:xlink:)?href\s*=\s*["']\s*([^"'\s]*)|\bsrc\s*=\s*["']\s*([^"'\s]*)""", re.I)
SVG_URL = re.compile(r"""url\(\s*["']?\s*([^"')\s]*)|@import\s+["']([^"']*)""", re.I)
SVG_FOREIGN = re.compile(r"<\s*(?:foreignObject|iframe|embed|object)\b|<!ENTITY", re.I)

SMALLER = ("Maak het kleiner: sla een foto op als JPEG met kwaliteit 80 en hoogstens 1600 pixels breed, "
           "of verklein een PNG (bijvoorbeeld met squoosh.app of in Paint: 'Formaat wijzigen'). "
           "Een SVG maak je kleiner door hem opnieuw te bewaren als 'Geoptimaliseerde SVG' of 'Gewone SVG'.")


@dataclass(frozen=True)
class PictureLink:
    """One picture link in a Markdown file: where it stands, what it says and what it points to."""

    file: Path
    line: int
    alt: str
    target: str  # as written, without the < > around it


def picture_links(text: str, file: Path) -> list[PictureLink]:
    """Every `![alt](target)` in text, outside code blocks, in the order of the file (a description
    may run over more lines; the link's line is where it starts)."""
    lines = []
    in_fence = False
    for line in text.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            lines.append("")
        else:
            lines.append("" if in_fence else line)
    visible = "\n".join(lines)
    links = []
    for match in IMAGE.finditer(visible):
        target = match.group(2).strip()
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1].strip()
        line = visible.count("\n", 0, match.start()) + 1
        links.append(PictureLink(file, line, " ".join(match.group(1).split()), target))
    return links


def check_links(text: str, file: Path, shown: str, folder: Path, shown_folder: str,
                problems: list[ContentProblem]) -> list[tuple[PictureLink, Path]]:
    """Check every picture link of one Markdown file of the module in folder; return the good
    links with the picture's file. shown and shown_folder are the paths as the editor sees them."""
    good = []
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and HTML_IMAGE.search(line):
            problems.append(ContentProblem(
                shown, number, None, "De tekst toont een beeld met HTML (<img>).",
                "Schrijf het in Markdown: ![wat er op het beeld staat](beelden/naam.png)."))
    for link in picture_links(text, file):
        before = len(problems)
        picture = _check_link(link, shown, folder, shown_folder, problems)
        if picture is not None and len(problems) == before:
            good.append((link, picture))
    return good


def _alt_and_here(link: PictureLink, place: str, problem) -> bool:
    """Report a picture without alt text or from another site; False when it is from another site
    (then nothing more about it can be checked). `place`: where the editor puts the file instead."""
    target = link.target
    if not link.alt:
        problem(f"Het beeld '{target}' heeft geen beschrijving (alt-tekst).",
                "Schrijf tussen de vierkante haken in één zin wat er op het beeld staat, voor wie het "
                f"niet ziet: ![Vier stappen van de gezinsreis]({target}).")
    if re.match(r"[a-z][a-z0-9+.-]*:|//", target, re.I):
        problem(f"Het beeld '{target}' komt van een andere site. De gids vraagt niets aan andere "
                "sites (privacy) en de browser toont het niet.",
                f"Mag je het beeld gebruiken? Zet het dan in {place}. Anders: zet een gewone link naar "
                "de pagina met het beeld.")
        return False
    return True


def _check_link(link: PictureLink, shown: str, folder: Path, shown_folder: str,
                problems: list[ContentProblem]) -> Path | None:
    def problem(message: str, fix: str) -> None:
        problems.append(ContentProblem(shown, link.line, None, message, fix))

    target = link.target
    name = PurePosixPath(target.split("#")[0].split("?")[0]).name or target
    where = f"{shown_folder}/{FOLDER}/"
    if not _alt_and_here(link, f"{where} en link ernaar als '{FOLDER}/naam.png'", problem):
        return None
    parts = PurePosixPath(target).parts
    if target.startswith("/") or ".." in parts or "\\" in target:
        problem(f"Het pad '{target}' gaat buiten de map van de module.",
                f"Zet het beeld in {where} en link ernaar als '{FOLDER}/{name}', ook vanuit een bestand "
                "in stappen/ of werkinstrumenten/.")
        return None
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in SUFFIXES:
        problem(f"Het bestand '{target}' is geen beeld dat de gids toont.",
                "Gebruik een PNG (tekening, schema), een JPEG (foto) of een SVG (tekening). Sla het "
                "beeld in dat formaat op, bijvoorbeeld met 'Opslaan als' in je tekenprogramma.")
        return None
    if len(parts) != 2 or parts[0] != FOLDER:
        problem(f"Het beeld '{target}' staat niet in de map {FOLDER}/ van de module.",
                f"Zet het bestand in {where} en link ernaar als '{FOLDER}/{name}'.")
        return None
    if not NAME.fullmatch(name):
        problem(f"De naam van het beeld '{name}' kan geen adres op de site zijn.",
                "Geef het bestand een naam met alleen kleine letters, cijfers en koppeltekens, "
                "bijvoorbeeld 'gezinsreis.svg', en pas de link aan.")
        return None
    path = folder / FOLDER / name
    if not path.is_file():
        problem(f"Het beeld '{target}' bestaat niet: er staat geen bestand {where}{name}.",
                f"Zet het beeld in {where}, of pas de naam in de link aan (let op hoofdletters).")
        return None
    _check_file(path, target, suffix, problem)
    return path


def _check_file(path: Path, target: str, suffix: str, problem) -> None:
    """The file itself: its size, and what it holds."""
    size = path.stat().st_size
    limit = LIMITS[suffix]
    if size > limit * KB:
        problem(f"Het beeld '{target}' is te groot ({_kb(size)} kB; een {TYPE_NAMES[suffix]}-beeld mag "
                f"hoogstens {limit} kB zijn). Zo laadt de pagina snel, ook op een gsm.", SMALLER)
    elif suffix == ".svg":
        _check_svg(path, target, problem)
    else:
        _check_bitmap(path, target, suffix, problem)


DOCS_IMAGES = "images"


def check_docs_links(text: str, file: Path, shown: str, docs: Path,
                     problems: list[ContentProblem]) -> None:
    """The pictures of a hand-written page in docs/: in docs/images/, with alt text, not too big."""
    images = docs / DOCS_IMAGES
    for link in picture_links(text, file):
        def problem(message: str, fix: str, line: int = link.line) -> None:
            problems.append(ContentProblem(shown, line, None, message, fix))

        target = link.target
        name = PurePosixPath(target.split("#")[0].split("?")[0]).name or target
        if not _alt_and_here(link, "docs/images/ en link ernaar", problem):
            continue
        path = (file.parent / target.split("#")[0].split("?")[0]).resolve()
        try:
            inside = path.relative_to(images.resolve())
        except ValueError:
            inside = None
        suffix = PurePosixPath(name).suffix.lower()
        if suffix not in SUFFIXES:
            problem(f"Het bestand '{target}' is geen beeld dat de gids toont.",
                    "Gebruik een PNG (tekening, schema), een JPEG (foto) of een SVG (tekening).")
            continue
        if inside is None or target.startswith("/"):
            problem(f"Het beeld '{target}' staat niet in de map docs/images/.",
                    "Zet het bestand in docs/images/ en link ernaar vanaf deze pagina, bijvoorbeeld "
                    f"'{posixpath_relative(images / name, file.parent)}'.")
            continue
        if not path.is_file():
            problem(f"Het beeld '{target}' bestaat niet: er staat geen bestand docs/images/{inside.as_posix()}.",
                    "Zet het beeld in docs/images/, of pas de naam in de link aan (let op hoofdletters).")
            continue
        _check_file(path, target, suffix, problem)


def posixpath_relative(target: Path, start: Path) -> str:
    return Path(os.path.relpath(target, start)).as_posix()


def _kb(size: int) -> int:
    """Size in kB, rounded up: a file just over the limit never reads as the limit itself."""
    return -(-size // KB)


def _check_bitmap(path: Path, target: str, suffix: str, problem) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            found = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        found = None
    expected = PILLOW_FORMATS[suffix]
    if found != expected:
        what = f"een {found}-bestand" if found else "geen beeld dat een browser kan tonen"
        problem(f"Het bestand '{target}' heet {suffix}, maar is {what}.",
                f"Open het in een tekenprogramma en sla het opnieuw op als {TYPE_NAMES[suffix]} "
                f"(met de extensie {suffix}).")


def _check_svg(path: Path, target: str, problem) -> None:
    try:
        svg = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        problem(f"Het beeld '{target}' is geen leesbare SVG (het is niet in UTF-8 opgeslagen).",
                "Sla het opnieuw op als SVG in je tekenprogramma, of gebruik een PNG.")
        return
    if "<svg" not in svg:
        problem(f"Het bestand '{target}' heet .svg, maar is geen SVG-tekening.",
                "Sla het opnieuw op als SVG in je tekenprogramma, of gebruik een PNG.")
        return
    if SVG_SCRIPT.search(svg) or SVG_EVENT.search(svg):
        problem(f"Het beeld '{target}' bevat code (een <script> of een 'on…'-attribuut). De gids voert "
                "geen code uit beelden uit.",
                "Bewaar de tekening opnieuw als 'Gewone SVG' zonder scripts of interactie, of "
                "exporteer ze als PNG.")
    external = [m.group(1) if m.group(1) is not None else m.group(2) for m in SVG_REFERENCE.finditer(svg)]
    external = [v for v in external if v and not v.startswith(("#", "data:"))]
    urls = [m.group(1) if m.group(1) is not None else m.group(2) for m in SVG_URL.finditer(svg)]
    external += [v for v in urls if v and not v.startswith(("#", "data:"))]
    if external or SVG_FOREIGN.search(svg):
        shown = f" ('{external[0]}')" if external else ""
        problem(f"Het beeld '{target}' verwijst naar een ander bestand of een andere site{shown}. "
                "Een beeld op de gids haalt niets van elders (privacy, en de browser blokkeert het).",
                "Zet lettertypes, foto's en andere beelden in de tekening zelf (in Inkscape: "
                "'Insluiten' in plaats van 'Koppelen'; tekst eventueel 'Omzetten naar pad'), of "
                "exporteer ze als PNG.")


SVG_ROOT = re.compile(r"<svg\b[^>]*>", re.I | re.S)
SVG_SIZE = re.compile(r"""\b(width|height)\s*=\s*["']\s*([0-9.]+)\s*(?:px)?\s*["']""")
SVG_VIEWBOX = re.compile(r"""\bviewBox\s*=\s*["']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)""")


def picture_size(path: Path) -> tuple[int, int] | None:
    """Width and height in pixels of a checked picture: a page reserves its room (no jump while
    it loads) and a slide can place it. An SVG without sizes in pixels: None."""
    if path.suffix.lower() != ".svg":
        from PIL import Image

        with Image.open(path) as image:
            return image.size
    root = SVG_ROOT.search(path.read_text(encoding="utf-8"))
    if root is None:
        return None
    sizes = dict(SVG_SIZE.findall(root.group(0)))
    try:
        if "width" in sizes and "height" in sizes:
            return round(float(sizes["width"])), round(float(sizes["height"]))
        box = SVG_VIEWBOX.search(root.group(0))
        if box:
            return round(float(box.group(1))), round(float(box.group(2)))
    except ValueError:
        return None
    return None
