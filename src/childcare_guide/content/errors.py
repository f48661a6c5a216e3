"""Content problems, reported to editors in Dutch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentProblem:
    """One mistake in the content: where it is, what is wrong and what to do."""

    file: str
    line: int | None
    field: str | None
    message: str
    fix: str

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}, regel {self.line}"
        field = f" (veld '{self.field}')" if self.field else ""
        return f"{place}{field}: {self.message} {self.fix}"


class ContentError(Exception):
    """Raised when the content breaks one or more rules; holds every problem found."""

    def __init__(self, problems: list[ContentProblem]):
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = (
            "De inhoud bevat 1 fout. Verbeter die en probeer opnieuw."
            if count == 1
            else f"De inhoud bevat {count} fouten. Verbeter ze en probeer opnieuw."
        )
        return "\n".join([head, *(f"- {p}" for p in self.problems)])


def _sort_key(problem: ContentProblem) -> tuple:
    return (problem.file, problem.line or 0, problem.field or "", problem.message)


def display_path(path: Path, root: Path) -> str:
    """Path as an editor sees it in the repository: relative to the project root."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
