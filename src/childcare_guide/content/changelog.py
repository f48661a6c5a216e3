"""Read and check content/wijzigingen.yml: the versions of the guide, newest first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from childcare_guide.content import schema
from childcare_guide.content.errors import ContentProblem
from childcare_guide.content.model import Release
from childcare_guide.content.yamlsource import YamlDocument, dotted, load_yaml

FILE = "wijzigingen.yml"

Report = Callable[[Path, int | None, str | None, str, str], None]


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def load_releases(content: Path, shown: str, problems: list[ContentProblem], report: Report,
                  package_version: str, slugs: list[str]) -> tuple[Release, ...]:
    """The releases in content/wijzigingen.yml; every mistake becomes a Dutch problem."""
    path = content / FILE
    if not path.is_file():
        report(path, None, None, "Het bestand met de wijzigingen per versie ontbreekt.",
               f"Maak {shown} met minstens de huidige versie {package_version} "
               "(zie content/README.md).")
        return ()
    doc = load_yaml(path, shown, problems)
    if doc is None:
        return ()
    for item in (doc.data or {}).get("versies", []) if isinstance(doc.data, dict) else []:
        # an unquoted 2026-11-29 is read by YAML as a date; the schema checks the text form
        if isinstance(item, dict) and isinstance(item.get("datum"), dt.date):
            item["datum"] = item["datum"].isoformat()
    errors = schema.validate(doc, "wijzigingen.schema.json", shown)
    if errors:
        problems.extend(errors)
        return ()
    before = len(problems)
    releases = _read(path, doc, report)
    _check(path, doc, report, package_version, slugs)
    return tuple(releases) if len(problems) == before else ()


def _read(path: Path, doc: YamlDocument, report: Report) -> list[Release]:
    releases = []
    for index, raw in enumerate(doc.data["versies"]):
        where = ("versies", index, "datum")
        try:
            date = dt.date.fromisoformat(raw["datum"])
        except ValueError:
            report(path, doc.line(where), dotted(where), f"De datum '{raw['datum']}' bestaat niet.",
                   "Schrijf een echte datum als jaar-maand-dag, bijvoorbeeld '2026-11-29'.")
            continue
        releases.append(Release(version=raw["versie"], date=date,
                                summary=" ".join(raw["samenvatting"].split()),
                                changes=tuple(" ".join(c.split()) for c in raw["wijzigingen"]),
                                modules=tuple(raw["modules"])))
    return releases


def _check(path: Path, doc: YamlDocument, report: Report, package_version: str,
           slugs: list[str]) -> None:
    raw = doc.data["versies"]
    newest = raw[0]["versie"]
    if newest != package_version:
        where = ("versies", 0, "versie")
        report(path, doc.line(where), dotted(where),
               f"De nieuwste versie hier is {newest}, maar content/pakket.yml heeft versie "
               f"{package_version}.",
               f"Zet bovenaan een item voor versie {package_version} met wat er veranderde, of "
               f"maak de versie in content/pakket.yml gelijk aan {newest}.")
    for index in range(1, len(raw)):
        newer, older = raw[index - 1], raw[index]
        where = ("versies", index, "versie")
        if _version_key(older["versie"]) >= _version_key(newer["versie"]):
            report(path, doc.line(where), dotted(where),
                   f"De versie {older['versie']} staat onder versie {newer['versie']}, maar is niet "
                   "ouder.", "Zet de versies van nieuw naar oud, de nieuwste bovenaan, en gebruik "
                   "elk nummer één keer.")
        elif str(older["datum"]) > str(newer["datum"]):
            where = ("versies", index, "datum")
            report(path, doc.line(where), dotted(where),
                   f"Versie {older['versie']} heeft een latere datum ({older['datum']}) dan de "
                   f"nieuwere versie {newer['versie']} ({newer['datum']}).",
                   "Controleer beide datums: een nieuwere versie komt niet vroeger uit.")
    if not slugs:
        return  # no modules at all: the loader already says so
    for index, item in enumerate(raw):
        for position, slug in enumerate(item["modules"]):
            if slug not in slugs:
                where = ("versies", index, "modules", position)
                report(path, doc.line(where), dotted(where), f"De module '{slug}' bestaat niet.",
                       f"Kies een van deze: {', '.join(slugs)}.")
