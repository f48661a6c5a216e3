"""Read one of the guide-wide content files for chairs (the self-check, the glossary)."""

from __future__ import annotations

from pathlib import Path

from childcare_guide.content import schema
from childcare_guide.content.errors import ContentError, ContentProblem, display_path
from childcare_guide.content.markdown_text import check_markdown
from childcare_guide.content.yamlsource import YamlDocument, dotted, load_yaml


def read_content_file(root: Path, name: str,
                      schema_name: str) -> tuple[YamlDocument, str, list[ContentProblem]]:
    """content/<name> parsed and checked against its schema: the document, the path shown in
    messages, and the problems found so far (the caller adds its own checks and raises them).
    Raises ContentError if the file is missing, is no YAML or is not as the schema says."""
    path = root / "content" / name
    shown = display_path(path, root)
    problems: list[ContentProblem] = []
    if not path.is_file():
        problems.append(ContentProblem(
            shown, None, None, f"Het bestand {shown} ontbreekt.",
            f"Zet {shown} terug; de velden staan beschreven in schemas/{schema_name}."))
        raise ContentError(problems)
    doc = load_yaml(path, shown, problems)
    errors = [] if doc is None else schema.validate(doc, schema_name, shown)
    if doc is None or errors:
        raise ContentError(problems + errors)
    return doc, shown, problems


def check_text(doc: YamlDocument, path: tuple, shown: str, text: str,
               problems: list[ContentProblem]) -> None:
    """The Markdown rules (no script, no iframe ...) for a text inside a YAML file."""
    found: list[ContentProblem] = []
    check_markdown(text, shown, found)
    for problem in found:
        problems.append(ContentProblem(shown, doc.line(path), dotted(path), problem.message,
                                       problem.fix))
