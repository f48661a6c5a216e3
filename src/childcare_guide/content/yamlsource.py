"""Read a YAML file into plain data, with the line of every value, and Dutch errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from childcare_guide.content.errors import ContentProblem

MAX_FILE_BYTES = 200_000

Path_ = tuple[str | int, ...]


@dataclass
class YamlDocument:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int | None:
        """Line of the value at path, or of the nearest parent that exists."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def read_text(path: Path, shown: str, problems: list[ContentProblem]) -> str | None:
    """Read a content file as UTF-8 text; report a problem and return None if that fails."""
    try:
        raw = path.read_bytes()
    except OSError:
        problems.append(ContentProblem(shown, None, None, "Het bestand kan niet gelezen worden.",
                                       "Controleer of het bestand bestaat en leesbaar is."))
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.append(ContentProblem(
            shown, None, None,
            f"Het bestand is te groot ({len(raw) // 1000} kB; hoogstens {MAX_FILE_BYTES // 1000} kB).",
            "Maak de tekst korter of verdeel hem over meer bestanden."))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(ContentProblem(
            shown, line, None, "Het bestand is niet in UTF-8 opgeslagen.",
            "Sla het bestand op met de codering UTF-8 (in je editor: 'Opslaan met codering')."))
        return None
    return text.removeprefix("\ufeff")


def load_yaml(path: Path, shown: str, problems: list[ContentProblem]) -> YamlDocument | None:
    """Parse one YAML file; on a mistake add a Dutch problem and return None."""
    text = read_text(path, shown, problems)
    if text is None:
        return None
    fast = _fast_parse(text)
    if fast is not None:
        node, data = fast
        doc = YamlDocument(data)
        _walk(node, (), doc, shown, problems)
        return doc
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as error:
        # PyYAML refuses control characters (for example a NUL byte) before parsing starts.
        line = text[: error.position].count("\n") + 1
        problems.append(ContentProblem(
            shown, line, None,
            f"Deze regel bevat een onzichtbaar teken dat niet mag (#x{error.character:04x}).",
            "Verwijder het teken: typ de regel opnieuw in plaats van hem te kopiëren."))
        return None
    try:
        node = loader.get_single_node()
        if node is None:
            problems.append(ContentProblem(shown, None, None, "Het bestand is leeg.",
                                           "Vul de velden in zoals beschreven in content/README.md."))
            return None
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        problems.append(_syntax_problem(shown, text, error))
        return None
    except yaml.YAMLError:
        problems.append(ContentProblem(shown, None, None, "De YAML kan niet gelezen worden.",
                                       "Controleer de inspringing en de dubbele punten."))
        return None
    except ValueError:
        # an unquoted value that looks like a date but is none, for example 2026-02-30
        problems.append(ContentProblem(shown, None, None,
                                       "Een datum in dit bestand bestaat niet.",
                                       "Schrijf elke datum als jaar-maand-dag tussen "
                                       "aanhalingstekens, bijvoorbeeld '2026-11-29'."))
        return None
    finally:
        loader.dispose()
    doc = YamlDocument(data)
    _walk(node, (), doc, shown, problems)
    return doc


def _fast_parse(text: str) -> tuple[yaml.Node, Any] | None:
    """Parse with libyaml (several times faster) when the text is clean; None means: take the
    pure-Python path, which gives the exact Dutch messages for a mistake or an empty file."""
    if _C_LOADER is None or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    loader = _C_LOADER(text)
    try:
        node = loader.get_single_node()
        return None if node is None else (node, loader.construct_document(node))
    except (yaml.YAMLError, ValueError):  # ValueError: an impossible date such as 2026-02-30
        return None
    finally:
        loader.dispose()


_C_LOADER = getattr(yaml, "CSafeLoader", None)


def _syntax_problem(shown: str, text: str, error: yaml.MarkedYAMLError) -> ContentProblem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    problem = (error.problem or "").lower()
    if "\t" in problem or "'\\t'" in problem or (line and "\t" in _line_at(text, line)):
        return ContentProblem(shown, line, None, "Deze regel bevat een tab.",
                              "Gebruik spaties om in te springen, geen tabs.")
    context = (error.context or "").lower()
    if ("quoted scalar" in context or "flow" in context) and error.context_mark:
        # Report the line where the quote or bracket opens, not where PyYAML gave up.
        return ContentProblem(shown, error.context_mark.line + 1, None,
                              "Een aanhalingsteken of haakje wordt niet gesloten.",
                              "Sluit elk aanhalingsteken en elk haakje op dezelfde regel.")
    if "mapping values are not allowed" in problem:
        return ContentProblem(
            shown, line, None, "Er staat een dubbele punt op een plaats waar dat niet mag.",
            "Zet de tekst tussen aanhalingstekens als hij een dubbele punt bevat, "
            "of controleer de inspringing.")
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return ContentProblem(shown, line, None, "De inspringing of de opbouw van de YAML klopt niet.",
                              "Controleer of deze regel even ver inspringt als de velden ernaast "
                              "en of elk veld de vorm 'naam: waarde' heeft.")
    if "found unexpected end of stream" in problem or "found unexpected" in problem:
        return ContentProblem(shown, line, None, "Een aanhalingsteken of haakje wordt niet gesloten.",
                              "Sluit elk aanhalingsteken en elk haakje op dezelfde regel.")
    return ContentProblem(shown, line, None, "De YAML kan niet gelezen worden.",
                          "Controleer de inspringing, de dubbele punten en de aanhalingstekens op deze regel.")


def _line_at(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _walk(node: yaml.Node, path: Path_, doc: YamlDocument, shown: str,
          problems: list[ContentProblem]) -> None:
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                problems.append(ContentProblem(
                    shown, key_node.start_mark.line + 1, dotted(path + (key,)),
                    f"Het veld '{key}' staat twee keer in dezelfde groep.",
                    "Houd één van de twee over; anders gaat de eerste waarde verloren."))
            seen.add(key)
            doc.lines[path + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, path + (key,), doc, shown, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), doc, shown, problems)


def dotted(path: Path_) -> str:
    """A field path as editors read it: 'stappen › 2 › minuten' (items counted from 1)."""
    parts = [str(p + 1) if isinstance(p, int) else p for p in path]
    return " › ".join(parts)
