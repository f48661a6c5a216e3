"""Read a YAML file into plain data, with the line of every value, and Dutch errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from childcare_guide.content.errors import ContentProblem
from childcare_guide.content.yamlsyntax import syntax_problem, written_value

MAX_FILE_BYTES = 200_000

Path_ = tuple[str | int, ...]


@dataclass
class YamlDocument:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    source: list[str] = field(default_factory=list)  # the lines of the file, as written

    def written(self, path: Path_) -> str:
        """The value at path as written on its line (after 'key: ' or '- '), or ''."""
        line = self.lines.get(tuple(path))
        if not line or line > len(self.source):
            return ""
        keyed = not (path and isinstance(path[-1], int))  # a list item: '- text'
        return written_value(self.source[line - 1], keyed)

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
            shown, line, None,
            "Het bestand is niet in UTF-8 opgeslagen: op deze regel staat het eerste teken dat "
            "geen UTF-8 is (vaak een letter met een accent, zoals é).",
            "Sla het bestand opnieuw op met de codering UTF-8 (in je editor: 'Opslaan met "
            "codering' en dan 'UTF-8'). Kijk daarna de letters met accenten op deze regel na."))
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
        doc = YamlDocument(data, source=text.split("\n"))
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
        problems.append(syntax_problem(shown, text, error))
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
    doc = YamlDocument(data, source=text.split("\n"))
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


def _walk(node: yaml.Node, path: Path_, doc: YamlDocument, shown: str,
          problems: list[ContentProblem]) -> None:
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(ContentProblem(
                    shown, line, dotted(path + (key,)),
                    f"Het veld '{key}' staat twee keer in dezelfde groep: op regel {seen[key]} en "
                    f"op regel {line}.",
                    f"Hou er één over. Nu telt alleen de waarde op regel {line}; die op regel "
                    f"{seen[key]} gaat verloren."))
            seen.setdefault(key, line)
            doc.lines[path + (key,)] = line
            _walk(value_node, path + (key,), doc, shown, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), doc, shown, problems)


def dotted(path: Path_) -> str:
    """A field path as editors read it: 'stappen › 2 › minuten' (items counted from 1)."""
    parts = [str(p + 1) if isinstance(p, int) else p for p in path]
    return " › ".join(parts)
