"""The guide-wide content files for chairs (the glossary and the self-check), checked together."""

from __future__ import annotations

from pathlib import Path

from childcare_guide.content.errors import ContentError, ContentProblem
from childcare_guide.content.glossary import load_glossary
from childcare_guide.content.selfcheck import load_selfcheck


def load_chair_pages(root: Path, package):
    """The glossary and the self-check, checked together; ContentError holds every problem."""
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
