"""Where to look for the source of a link on a page of the site (the rule is content/links.py)."""

from __future__ import annotations

from pathlib import Path

from childcare_guide.content.model import Package
from childcare_guide.render.paths import MODULES_DIR


def page_sources(root: Path, src_uri: str, generated: bool,
                 package: Package | None = None) -> tuple[list[Path], str]:
    """Where to look for a page's links, most likely first, and the file to name when no source
    holds the link. A hand-written page: its file in docs/. A page made from content/: the files
    of its module (for modules/<slug>/...), then every file in content/. The theme's templates
    (overrides/) come last for every page: a link in the header or footer stands there."""
    theme = sorted((root / "overrides").rglob("*.html"))
    if not generated:
        return [root / "docs" / src_uri, *theme], f"docs/{src_uri}"
    everything = sorted(path for pattern in ("*.yml", "*.md") for path in (root / "content").rglob(pattern)
                        if path.name != "README.md")
    parts = src_uri.split("/")
    module = package.module(parts[1]) if package is not None and len(parts) > 2 \
        and parts[0] == MODULES_DIR else None
    if module is None:
        return [*everything, *theme], "content/"
    own = [Path(p) for p in module.source_files]
    return [*own, *(p for p in everything if p not in own), *theme], f"content/{MODULES_DIR}/{module.slug}/"
