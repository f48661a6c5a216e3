"""Small, dependency-free helpers for the editors' Markdown: checks, heading levels, plain text."""

from __future__ import annotations

import functools
import re

from childcare_guide.content.errors import ContentProblem

FORBIDDEN = (
    (re.compile(r"<\s*script", re.I), "een <script>-blok",
     "Verwijder het: de gids voert geen eigen scripts uit de inhoud uit."),
    (re.compile(r"<\s*iframe", re.I), "een <iframe>",
     "Verwijder het en zet een gewone link naar de pagina."),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "HTML met een 'on…'-attribuut",
     "Verwijder het attribuut: de inhoud voert geen code uit."),
)
DIRECTIVE = re.compile(r"^\s*\[\[\s*([^\]]*?)\s*\]\]\s*$")
KNOWN_DIRECTIVES = ("cijfertabel", "invulvelden", "nieuwe-pagina", "voor-de-voorzitter")
# A worksheet's part for the chair only (the key, the answers) starts with [[voor-de-voorzitter]]:
# on paper and in Word it begins on a sheet of its own, never on the participants' handout.
CHAIR_DIRECTIVE = "voor-de-voorzitter"
CHAIR_HEADING = re.compile(r"^#{1,6}\s+voor de voorzitter\b", re.I)
HEADING = re.compile(r"^(#{1,6})(\s+.*)$")
FENCE = re.compile(r"^\s*(```|~~~)")
IMAGE_TEXT = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def check_markdown(text: str, shown: str, problems: list[ContentProblem],
                   allow_directives: bool = False) -> None:
    """Add a problem for empty text, unsafe HTML or unknown directives. Links have one rule for
    the whole site, checked on the rendered pages: childcare_guide.content.links (also in `make check`)."""
    if not text.strip():
        problems.append(ContentProblem(shown, None, None, "Het bestand is leeg.",
                                       "Schrijf de tekst of verwijder het bestand uit de module."))
        return
    chair_part = False
    for number, line in enumerate(text.splitlines(), start=1):
        if allow_directives and CHAIR_HEADING.match(line) and not chair_part:
            problems.append(ContentProblem(
                shown, number, None, "Dit deel is voor de voorzitter, maar het staat niet op een eigen blad.",
                f"Zet op de regel erboven [[{CHAIR_DIRECTIVE}]]. Dan begint het op een nieuwe bladzijde, "
                "apart van wat de deelnemers krijgen."))
        for pattern, what, fix in FORBIDDEN:
            if pattern.search(line):
                problems.append(ContentProblem(shown, number, None, f"De tekst bevat {what}.", fix))
        match = DIRECTIVE.match(line)
        if match:
            name = match.group(1)
            twice = name == CHAIR_DIRECTIVE and chair_part
            chair_part = chair_part or name == CHAIR_DIRECTIVE
            if not allow_directives:
                problems.append(ContentProblem(
                    shown, number, None, f"'[[{name}]]' werkt alleen in een werkblad.",
                    "Verwijder de regel of zet hem in een bestand in werkinstrumenten/."))
            elif twice:
                problems.append(ContentProblem(
                    shown, number, None, f"'[[{name}]]' staat twee keer in dit werkblad.",
                    "Zet alles voor de voorzitter samen aan het einde, na één keer "
                    f"[[{CHAIR_DIRECTIVE}]]."))
            elif name not in KNOWN_DIRECTIVES:
                known = ", ".join(f"[[{d}]]" for d in KNOWN_DIRECTIVES)
                problems.append(ContentProblem(
                    shown, number, None, f"'[[{name}]]' is geen bekende aanduiding.",
                    f"Gebruik {known}."))


def demote_headings(text: str, parent_level: int) -> str:
    """Shift headings so the highest one in text sits one level below parent_level."""
    lines = text.splitlines()
    levels = [len(m.group(1)) for m in _headings(lines)]
    if not levels:
        return text.strip() + "\n"
    shift = parent_level + 1 - min(levels)
    out: list[str] = []
    in_fence = False
    for line in lines:
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if match:
            level = min(6, max(1, len(match.group(1)) + shift))
            line = "#" * level + match.group(2)
        out.append(line)
    return "\n".join(out).strip() + "\n"


def _headings(lines: list[str]):
    in_fence = False
    for line in lines:
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            match = HEADING.match(line)
            if match:
                yield match


TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
LIST_MARK = re.compile(r"^(\s*)[*+-]\s+")
ADMONITION = re.compile(r"^\s*!!!\s*\w+\s*\"?([^\"]*)\"?")
QUOTE_MARK = re.compile(r"^\s*>\s?")
BLANK_LINES = re.compile(r"\n{3,}")
STRONG = re.compile(r"(\*\*|__)(.+?)\1")
EMPHASIS = re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])")
CODE = re.compile(r"`([^`]+)`")


@functools.lru_cache(maxsize=1024)
def to_plain_text(text: str) -> str:
    """Markdown to readable plain text for speaker notes: no markup, keep structure.

    Remembered: the decks of a batch (one per municipality) convert the same texts."""
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if FENCE.match(line) or TABLE_RULE.match(line):
            continue
        heading = HEADING.match(line)
        if heading:
            if out and out[-1] != "":
                out.append("")
            out.append(_inline(heading.group(2).strip()).upper())
            continue
        if line.lstrip().startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            line = " | ".join(c for c in cells if c)
        line = LIST_MARK.sub(r"\1• ", line)
        line = ADMONITION.sub(r"\1:", line)
        line = QUOTE_MARK.sub("", line)
        out.append(_inline(line))
    text = "\n".join(out)
    return BLANK_LINES.sub("\n\n", text).strip()


def _inline(text: str) -> str:
    if "![" in text:
        text = IMAGE_TEXT.sub(lambda m: f"(Beeld: {m.group(1).strip()})" if m.group(1).strip() else "", text)
    if "[" in text:
        text = LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = STRONG.sub(r"\2", text)
        text = EMPHASIS.sub(r"\2", text)
    if "`" in text:
        text = CODE.sub(r"\1", text)
    return text.replace("\\", "")
