"""Caches for the build, so `mkdocs serve` only redoes what an edit changed.

Two layers:

- `load_cached`: the package model, loaded again only when a file under content/ or schemas/ changed.
- `artifact`: a content-hash memo for generated files (decks, worksheet pages, .docx worksheets,
  ...). The key is a SHA-256 of exactly what the artifact is made from: the bytes of its input
  files, any extra values, and the source of the code that is running. A changed input gives a
  new key, so a stale artifact can never be served; an unchanged one is never built twice.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from childcare_guide.content.changelog import FILE as CHANGELOG_FILE
from childcare_guide.content.loader import load_package
from childcare_guide.content.model import Module, Package
from childcare_guide.site.timing import timed

T = TypeVar("T")

_cache: dict[Path, tuple[tuple, Package]] = {}

# Generated artifacts by key; the oldest are dropped past this count (a long `mkdocs serve`
# session makes a new key for every edit).
MAX_ARTIFACTS = 200
_artifacts: OrderedDict[str, object] = OrderedDict()
builds: Counter[str] = Counter()  # how often each kind was really built (tests, benchmark)
hits: Counter[str] = Counter()

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the whole childcare_guide package
# Third-party code whose version changes what a generated file looks like.
LIBRARIES = ("python-pptx", "python-docx", "lxml", "XlsxWriter", "Markdown", "PyYAML")


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
    with timed("inhoud laden"):
        key = fingerprint(root)
        hit = _cache.get(root)
        if hit and hit[0] == key:
            return hit[1]
        package = load_package(root)
        _cache[root] = (key, package)
        return package


@cache
def code_version() -> str:
    """A hash of the running code: this package's source (as imported, it cannot change in this
    process), the Python version and the versions of the libraries that shape the output."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}=={version}\0".encode())
    return digest.hexdigest()


def key_of(kind: str, key_inputs: Iterable[object]) -> str:
    """SHA-256 over the kind, the code version and each input: a Path counts by its name and
    bytes (a missing file counts as missing), anything else by its repr."""
    digest = hashlib.sha256(f"{kind}\0{code_version()}\0".encode())
    for item in key_inputs:
        if isinstance(item, Path):
            digest.update(b"file\0" + item.name.encode() + b"\0")
            try:
                data = item.read_bytes()
            except OSError:
                data = b"\0missing\0"
            digest.update(hashlib.sha256(data).digest())
        elif isinstance(item, bytes):
            digest.update(b"bytes\0" + hashlib.sha256(item).digest())
        else:
            digest.update(b"value\0" + repr(item).encode() + b"\0")
    return digest.hexdigest()


def artifact(kind: str, key_inputs: Iterable[object], build: Callable[[], T]) -> T:
    """The artifact made by build(), built only if nothing with the same key was built before.

    kind names the sort of artifact ('deck', 'worksheet-page', 'worksheet-docx', ...); it is
    part of the key and of the counters. key_inputs must list everything build() reads.
    """
    key = key_of(kind, key_inputs)
    if key in _artifacts:
        _artifacts.move_to_end(key)
        hits[kind] += 1
        return _artifacts[key]  # type: ignore[return-value]
    with timed(kind):
        value = build()
    builds[kind] += 1
    _artifacts[key] = value
    while len(_artifacts) > MAX_ARTIFACTS:
        _artifacts.popitem(last=False)
    return value


def module_inputs(package: Package, module: Module) -> list[object]:
    """What a module's own artifacts are made from: pakket.yml (title, version, title fields),
    the changelog (the version line), the module's folder name, every file the loader read for
    it, and the date of its last change (from git, shown on the page and the closing slide)."""
    return [package.root / "content" / "pakket.yml", package.root / "content" / CHANGELOG_FILE,
            module.slug, *module.source_files, module.last_change]


def clear() -> None:
    """Forget every cached model and artifact (tests, the benchmark's cold runs)."""
    _cache.clear()
    _artifacts.clear()
    builds.clear()
    hits.clear()
