"""Files that ship inside the package (JSON Schemas, Office templates, the offline shim).

`schemas/` and `design/` stay at the top of the repository, where editors and designers find them;
the package reaches them through links of the same name (src/childcare_guide/schemas, .../design),
so they are package data in a wheel as well as in a checkout.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def package_file(*parts: str) -> Path:
    """The path of a file shipped with the package, e.g. package_file("design", "deck-template.pptx")."""
    return Path(str(files("childcare_guide").joinpath(*parts)))
