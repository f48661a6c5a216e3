"""Make a mistake in a copy of content/: read, write and replace text, find lines and positions.

The copy comes from the `project` or `content_copy` fixture (conftest.py). Line numbers and list
positions are computed from the copied files, so the tests survive ordinary content edits.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from childcare_guide.content.errors import ContentError
from childcare_guide.content.loader import load_package

MOD = "content/modules/omgevingsanalyse"
YML = f"{MOD}/module.yml"
OTHER = "content/modules/sociale-functie"


def problems(root: Path) -> list[str]:
    """Load the content; it must fail. The text of every problem, in report order."""
    with pytest.raises(ContentError) as caught:
        load_package(root)
    return [str(p) for p in caught.value.problems]


def read(root: Path, rel: str) -> str:
    return (root / rel).read_text(encoding="utf-8")


def write(root: Path, rel: str, data: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")


def line_of(text: str, needle: str, after: str = "") -> int:
    """1-based line where needle first occurs (after the first occurrence of `after`)."""
    start = text.index(after) if after else 0
    index = text.index(needle, start)
    return text[:index].count("\n") + 1


def replace(root: Path, rel: str, old: str, new: str, after: str = "") -> int:
    """Replace the first `old` (after `after`) in a file; return the line where it was."""
    text = read(root, rel)
    assert after in text, f"{after!r} staat niet meer in {rel}"
    assert old in text[text.index(after) if after else 0:], f"{old!r} staat niet meer in {rel}"
    line = line_of(text, old, after)
    start = text.index(old, text.index(after) if after else 0)
    write(root, rel, text[:start] + new + text[start + len(old):])
    return line


def set_line(root: Path, rel: str, after: str, prefix: str, new: str) -> int:
    """Replace the whole first line starting with prefix (after `after`); return its number."""
    lines = read(root, rel).split("\n")
    begin = next(i for i, line in enumerate(lines) if line.startswith(after)) if after else 0
    index = next(i for i in range(begin, len(lines)) if lines[i].startswith(prefix))
    lines[index] = new
    write(root, rel, "\n".join(lines))
    return index + 1


def module_data(root: Path, rel: str = YML) -> dict:
    return yaml.safe_load(read(root, rel))


def step_no(root: Path, step_id: str) -> int:
    """Position (from 1, as in the field names) of the step with this id."""
    ids = [s["id"] for s in module_data(root)["stappen"]]
    return ids.index(step_id) + 1


def slide_no(root: Path, step_id: str, title: str) -> int:
    titles = [d["titel"] for d in module_data(root)["stappen"][step_no(root, step_id) - 1]["dias"]]
    return titles.index(title) + 1


def sheet_no(root: Path, sheet_id: str) -> int:
    ids = [w["id"] for w in module_data(root)["werkinstrumenten"]]
    return ids.index(sheet_id) + 1
