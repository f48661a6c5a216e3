"""Writing hints for klare taal (B1): long sentences, passive constructions, long paragraphs, and
one term per thing (content/termen.yml).

Hints, not errors: they never stop a build. The check command prints them as warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

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
    return hints + term_hints_for_tree(root)


TERMS_FILE = "content/termen.yml"
# the files that document the variants themselves, and the changelog of released versions
TERMS_SKIP = {"content/README.md", "content/wijzigingen.yml", TERMS_FILE}


@dataclass(frozen=True)
class Term:
    preferred: str
    variants: tuple[str, ...]
    note: str = ""


def load_terms(root: Path) -> tuple[Term, ...]:
    """The editors' word list: the preferred term and the variants that should not come back."""
    path = root / TERMS_FILE
    if not path.is_file():
        return ()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(Term(preferred=t["term"], variants=tuple(t.get("niet", [])),
                      note=" ".join(str(t.get("uitleg", "")).split()))
                 for t in data.get("termen", []))


def _phrase(text: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\wÀ-ÿ-])" + r"\s+".join(map(re.escape, text.split())) + r"(?![\wÀ-ÿ-])",
                      re.IGNORECASE)


def term_hints_for_text(text: str, shown: str, terms: tuple[Term, ...]) -> list[Hint]:
    """A hint for each listed variant in the text, unless it is part of the preferred term there
    ('verminderd tarief' inside 'individueel verminderd tarief')."""
    hints: list[Hint] = []
    for term in terms:
        preferred = [m.span() for m in _phrase(term.preferred).finditer(text)]
        for variant in term.variants:
            for match in _phrase(variant).finditer(text):
                if any(a <= match.start() and match.end() <= b for a, b in preferred):
                    continue
                line = text.count("\n", 0, match.start()) + 1
                note = f" {term.note}" if term.note else ""
                hints.append(Hint(shown, line, f"Schrijf '{term.preferred}', niet '{match.group(0)}' "
                                               f"(woordenlijst in {TERMS_FILE}).{note}"))
    return sorted(hints, key=lambda h: h.line)


def term_hints_for_tree(root: Path) -> list[Hint]:
    """Variants from the word list in the content (Markdown and YAML) and the hand-written pages."""
    terms = load_terms(root)
    if not terms:
        return []
    hints: list[Hint] = []
    paths = sorted((root / "content").rglob("*.md")) + sorted((root / "content").rglob("*.yml")) \
        + sorted((root / "docs").rglob("*.md"))
    for path in paths:
        shown = path.relative_to(root).as_posix()
        if shown in TERMS_SKIP:
            continue
        hints.extend(term_hints_for_text(path.read_text(encoding="utf-8", errors="replace"), shown, terms))
    return hints
