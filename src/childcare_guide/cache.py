"""Load the package once per content state: the hook and the macros share one model per build."""

from __future__ import annotations

from pathlib import Path

from .loader import load_package
from .model import Package

_cache: dict[Path, tuple[tuple, Package]] = {}


def fingerprint(root: Path) -> tuple:
    """What the model is made from: every file under content/ and the schemas, with size and time."""
    entries = []
    for folder in (root / "content", root / "schemas"):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    entries.append((path.as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


def load_cached(root: Path) -> Package:
    """The package for root, loaded again only when a content file changed."""
    root = root.resolve()
    key = fingerprint(root)
    hit = _cache.get(root)
    if hit and hit[0] == key:
        return hit[1]
    package = load_package(root)
    _cache[root] = (key, package)
    return package
