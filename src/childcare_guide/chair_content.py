"""Read one of the guide-wide content files for chairs (the self-check, the glossary)."""

from __future__ import annotations

from pathlib import Path

from . import schema
from .errors import ContentError, ContentProblem, display_path
from .markdown_text import check_markdown
from .yamlsource import YamlDocument, dotted, load_yaml


def read_content_file(root: Path, name: str, schema_name: str,
                      problems: list[ContentProblem]) -> YamlDocument | None:
    """content/<name> parsed and checked against its schema; None (with problems) if it fails."""
    path = root / "content" / name
    shown = display_path(path, root)
    if not path.is_file():
        problems.append(ContentProblem(
            shown, None, None, f"Het bestand {shown} ontbreekt.",
            f"Zet {shown} terug; de velden staan beschreven in schemas/{schema_name}."))
        return None
    doc = load_yaml(path, shown, problems)
    if doc is None:
        return None
    errors = schema.validate(doc, schema_name, shown)
    problems.extend(errors)
    return None if errors else doc


def check_text(doc: YamlDocument, path: tuple, shown: str, text: str,
               problems: list[ContentProblem]) -> None:
    """The Markdown rules (no script, no http links ...) for a text inside a YAML file."""
    found: list[ContentProblem] = []
    check_markdown(text, shown, found)
    for problem in found:
        problems.append(ContentProblem(shown, doc.line(path), dotted(path), problem.message,
                                       problem.fix))


def load_chair_pages(root: Path, package):
    """The glossary and the self-check, checked together; ContentError holds every problem."""
    from .glossary import load_glossary
    from .selfcheck import load_selfcheck

    problems: list[ContentProblem] = []
    results = []
    for load in (lambda: load_glossary(root), lambda: load_selfcheck(root, package)):
        try:
            results.append(load())
        except ContentError as error:
            problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    return tuple(results)
