"""Writing hints for klare taal (B1): long sentences, passive constructions, long paragraphs.

Hints, not errors: they never stop a build. The check command prints them as warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MAX_SENTENCE_WORDS = 25
MAX_PARAGRAPH_WORDS = 120
PASSIVE = re.compile(r"\b(wordt|worden|werd|werden)\b(?:\s+\S+){0,6}?\s+((?:ge|be|ver|ont|her)\w+[dt]|ge\w+en)\b",
                     re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9'‘\"(])")
SKIP_LINE = re.compile(r"^\s*(\||#|```|~~~|!!!|---|\[\[)")


@dataclass(frozen=True)
class Hint:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}, regel {self.line}: {self.message}"


def _words(text: str) -> int:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return len(re.findall(r"[\wÀ-ÿ'’-]+", text))


def hints_for_text(text: str, shown: str) -> list[Hint]:
    hints: list[Hint] = []
    paragraph: list[tuple[int, str]] = []

    def close_paragraph() -> None:
        if paragraph:
            words = sum(_words(t) for _, t in paragraph)
            if words > MAX_PARAGRAPH_WORDS:
                hints.append(Hint(shown, paragraph[0][0],
                                  f"Lange alinea ({words} woorden). Verdeel ze in kortere alinea's "
                                  "of maak er een opsomming van."))
            paragraph.clear()

    in_fence = False
    lines = text.splitlines()
    front_matter_end = 0
    if lines and lines[0].strip() == "---":
        front_matter_end = next((i + 1 for i, text in enumerate(lines[1:], start=1) if text.strip() == "---"), 0)
    for number, line in enumerate(lines, start=1):
        if number <= front_matter_end:
            continue
        if line.strip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence or SKIP_LINE.match(line):
            close_paragraph()
            continue
        if not line.strip() or re.match(r"^\s*([-*+]|\d+\.)\s", line):
            close_paragraph()
        if line.strip():
            paragraph.append((number, line))
        for sentence in SENTENCE_END.split(re.sub(r"^\s*([-*+]|\d+\.)\s+", "", line)):
            words = _words(sentence)
            if words > MAX_SENTENCE_WORDS:
                hints.append(Hint(shown, number, f"Lange zin ({words} woorden). Maak er twee zinnen "
                                                 f"van (hoogstens {MAX_SENTENCE_WORDS} woorden)."))
        for match in PASSIVE.finditer(line):
            hints.append(Hint(shown, number, f"Lijdende vorm ('{match.group(0)}'). Zeg wie iets doet: "
                                             "schrijf een actieve zin."))
    close_paragraph()
    return hints


def hints_for_tree(root: Path) -> list[Hint]:
    """Hints for every Markdown file of the content and the hand-written pages."""
    hints: list[Hint] = []
    for folder in (root / "content" / "modules", root / "docs"):
        for path in sorted(folder.rglob("*.md")):
            shown = path.relative_to(root).as_posix()
            hints.extend(hints_for_text(path.read_text(encoding="utf-8", errors="replace"), shown))
    return hints
