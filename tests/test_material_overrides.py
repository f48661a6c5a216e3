"""Where the site leans on Material's internals, an upgrade of Material shows what changed upstream.

tests/material-originals/<version>/ holds Material's own templates as they were when our overrides in
overrides/ were written against them (the version is the folder's name): every template that an
override replaces, and base.html, whose blocks overrides/main.html fills. The test compares them with
the installed Material and names each template whose upstream changed, with the diff. The bundle facts
that our scripts and the offline package rely on are checked too. ONDERHOUD.md says what to do.
"""

from __future__ import annotations

import difflib
import re
from importlib.metadata import version
from pathlib import Path

import material
from helpers import ROOT

ORIGINALS = ROOT / "tests" / "material-originals"
OVERRIDES = ROOT / "overrides"
TEMPLATES = Path(material.__file__).resolve().parent / "templates"
JAVASCRIPTS = TEMPLATES / "assets" / "javascripts"
UPDATE = ".venv/bin/python scripts/material_originals.py"
# base.html names Material's own version in the generator tag: not a change to report.
_OWN_VERSION = re.compile(r"mkdocs-material-[0-9][0-9a-z.+-]*")


def lines(path: Path) -> list[str]:
    return [_OWN_VERSION.sub("mkdocs-material-VERSIE", line)
            for line in path.read_text(encoding="utf-8").splitlines(keepends=True)]


def stored() -> Path:
    folders = [p for p in ORIGINALS.iterdir() if p.is_dir()]
    assert len(folders) == 1, f"verwacht één map met de versie van Material in {ORIGINALS}, gevonden: {folders}"
    return folders[0]


def originals() -> list[str]:
    folder = stored()
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


def test_every_override_of_a_material_template_has_its_stored_original():
    overridden = sorted(p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.html")
                        if (TEMPLATES / p.relative_to(OVERRIDES)).is_file())
    missing = [name for name in overridden if name not in originals()]
    assert overridden, "overrides/ vervangt geen enkele template van Material meer: pas deze test en ONDERHOUD.md aan"
    assert not missing, (
        f"overrides/ vervangt deze templates van Material, maar tests/material-originals/ heeft hun origineel "
        f"niet / no stored original for these overrides: {missing}. Zet de naam in WATCHED van "
        f"scripts/material_originals.py, voer '{UPDATE}' uit en beschrijf de override in ONDERHOUD.md.")
    assert "base.html" in originals()  # its blocks are what overrides/main.html fills
    assert "partials/javascripts/base.html" in originals()  # __md_get/__md_set for our palette script


def test_onderhoud_md_names_every_override():
    text = (ROOT / "ONDERHOUD.md").read_text(encoding="utf-8")
    for path in sorted(OVERRIDES.rglob("*.html")):
        name = path.relative_to(ROOT).as_posix()
        assert f"`{name}`" in text, f"ONDERHOUD.md beschrijft {name} niet"


def test_material_templates_under_our_overrides_are_unchanged_upstream():
    folder, installed = stored(), version("mkdocs-material")
    changed, diffs = [], []
    for name in originals():
        ours = lines(folder / name)
        upstream = TEMPLATES / name
        if not upstream.is_file():
            changed.append(f"{name} (bestaat niet meer in Material {installed} / removed upstream)")
            continue
        theirs = lines(upstream)
        if ours != theirs:
            changed.append(name)
            diffs.append("".join(difflib.unified_diff(ours, theirs, f"Material {folder.name}/{name}",
                                                      f"Material {installed}/{name}", n=2)))
    assert not changed, (
        f"Material veranderde deze templates sinds onze overrides erop gebaseerd werden (Material {folder.name} "
        f"-> {installed}) / Material changed these templates since our overrides were based on them:\n"
        + "\n".join(f"- {name}" for name in changed)
        + "\n\nBreng de overrides in overrides/ in lijn met de nieuwe versie (zie ONDERHOUD.md) en bewaar dan "
        f"de nieuwe originelen met '{UPDATE}'.\n\n" + "\n".join(diffs))


def test_the_bundle_still_works_the_way_our_scripts_and_the_offline_package_expect():
    bundles = sorted(JAVASCRIPTS.glob("bundle.*.min.js"))
    workers = sorted((JAVASCRIPTS / "workers").glob("search.*.min.js"))
    assert len(bundles) == 1 and len(workers) == 1, (bundles, workers)
    bundle = bundles[0].read_text(encoding="utf-8")
    problems = []
    # the offline package: from file:// the bundle loads search/search_index.js, which sets __index
    if not re.search(r'location\.protocol===?"file:"', bundle) or "search/search_index.js" not in bundle \
            or "__index" not in bundle:
        problems.append("de bundle laadt van file:// niet meer search/search_index.js met __index (offline.py)")
    for name in ("min/lunr.stemmer.support.min.js", "min/lunr.nl.min.js", "min/lunr.multi.min.js"):
        if not (JAVASCRIPTS / "lunr" / name).is_file():
            problems.append(f"assets/javascripts/lunr/{name} ontbreekt (offline.py, lunr_files)")
    # partials/javascripts/palette.html (ours) calls Material's __md_get/__md_set
    helpers = (TEMPLATES / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    if "__md_get=" not in helpers or "__md_set=" not in helpers:
        problems.append("partials/javascripts/base.html definieert __md_get/__md_set niet meer "
                        "(overrides/partials/javascripts/palette.html)")
    base = (TEMPLATES / "base.html").read_text(encoding="utf-8")
    for block in ("site_meta", "header", "content", "scripts"):
        if not re.search(r"{%-?\s*block " + block + r"\b", base):
            problems.append(f"base.html heeft geen block {block} meer "
                            "(overrides/main.html, overrides/404.html, overrides/invullen.html)")
    assert not problems, ("Material werkt anders dan onze scripts verwachten / Material's bundle changed:\n"
                          + "\n".join(f"- {p}" for p in problems))
