"""Store the installed Material's own templates that our overrides replace or build on.

    .venv/bin/python scripts/material_originals.py

writes them to tests/material-originals/<Material's version>/ and removes the folder of the
previous version. Do this only after bringing every override in overrides/ in step with the new
Material (see ONDERHOUD.md): tests/test_material_overrides.py compares the stored copies with the
installed Material, so a stored copy says "our overrides were written against this".
"""

from __future__ import annotations

import shutil
import sys
from importlib.metadata import version
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parents[1]
ORIGINALS = ROOT / "tests" / "material-originals"
TEMPLATES = Path(material.__file__).resolve().parent / "templates"
# Material's templates that overrides/ replaces (same name); base.html, whose blocks
# overrides/main.html fills (site_meta, header, scripts); and partials/javascripts/base.html, whose
# inline script defines the __md_get/__md_set that our palette script uses.
WATCHED = ("base.html", "main.html", "404.html", "partials/palette.html", "partials/search.html",
           "partials/copyright.html",
           "partials/javascripts/palette.html", "partials/javascripts/base.html")


def main() -> int:
    target = ORIGINALS / version("mkdocs-material")
    for old in ORIGINALS.glob("*"):
        if old.is_dir() and old != target:
            shutil.rmtree(old)
    for name in WATCHED:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(TEMPLATES / name, target / name)
    print(f"Material {target.name}: {len(WATCHED)} originelen bewaard in {target.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
