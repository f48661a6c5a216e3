"""The offline package: the whole built site as one .zip that works from a USB stick (file://).

Made from the built site, after the build: every page, deck, worksheet and asset. The site uses
directory URLs ('modules/omgevingsanalyse/'); a browser that opens files from disk shows a folder
listing for those, so every internal link gets 'index.html' added. Search works as in Material's
own offline plugin: the index is also written as a script (search/search_index.js, which
Material's bundle loads when it runs from file://) and the tiny iframe-worker shim (vendored, MIT)
stands in for the web worker that a browser does not start from file://. To do so the shim sets
window.Worker to its frame-based stand-in, and only when the page is opened from file://: the one
browser global the guide still replaces, only in the offline copy, exactly as Material's own offline
plugin does (it adds the same shim). Material's bundle creates its search worker with
`new Worker(url)` and offers no other way in. Equal input gives equal bytes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

from childcare_guide.content.model import Package
from childcare_guide.package_data import package_file
from childcare_guide.render.reproducible import reproducible_zip
from childcare_guide.content.links import LinkError, LinkProblem, bad_links
from childcare_guide.site.timing import timed

ZIP_NAME = "kinderopvang-voor-iedereen-offline.zip"
FOLDER = "kinderopvang-voor-iedereen"
README = "LEESMIJ.txt"
SKIPPED = {"sitemap.xml", "sitemap.xml.gz", "404.html"}  # 404.html: absolute links, no use from disk
# Source maps of Material's CSS and JavaScript: only a developer's browser tools read them; left
# out, the zip is about 290 KB smaller.
SKIPPED_SUFFIXES = (".map", ".tmp")
SEARCH_INDEX = "search/search_index.json"  # from disk the bundle reads search_index.js instead
# Material ships the search's language support for some 30 languages (about 1 MB, 680 KB of it
# Thai word splitting). Its search worker loads only what the index's languages need: those files
# go in the zip, the others not.
LUNR = "assets/javascripts/lunr/"
# Already compressed: stored as they are, compressing them again costs time and gains nothing.
STORED_SUFFIXES = (".pptx", ".docx", ".xlsx", ".zip", ".gz", ".png", ".jpg", ".jpeg", ".ico", ".woff2")
SHIM = "assets/javascripts/iframe-worker-shim.js"
# The shim runs the search worker in a frame with an inline script of its own, whose text
# depends on the page's place in the folder tree, so no fixed hash can allow it. In the offline
# copy the pages' script-src therefore allows inline scripts ('self' 'unsafe-inline', without the
# hashes, which would switch 'unsafe-inline' off). Nothing from another host is allowed still,
# and these pages are static files opened from the chair's own disk.
CSP_SCRIPT_SRC = re.compile(r"script-src 'self'[^;\"]*")
SHIM_SOURCE = package_file("vendor", "iframe-worker-shim.js")
ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
DOWNLOAD_BLOCK = re.compile(r'<div class="offline-download">.*?</div>', re.S)
OFFLINE_NOTE = ('<div class="offline-download"><p><strong>Je bekijkt het offline pakket</strong> '
                '({edition}). Is het nog actueel? Kijk op de pagina \'Wat is er nieuw\' '
                'van de online gids{where}.</p></div>')


def offline_link(from_page_dir: str) -> str:
    """The relative address of the zip from a page's folder in the built site ('' = the root)."""
    depth = len([p for p in from_page_dir.split("/") if p])
    return "../" * depth + f"downloads/{ZIP_NAME}"


def rewrite_links(html: str, page: PurePosixPath, files: set[str]) -> str:
    """Make every internal link of a page work from disk: 'x/' becomes 'x/index.html'."""

    def fix(match: re.Match) -> str:
        value = match.group(2)
        outside = ":" in value.split("/")[0]  # https:, mailto:, data: ...
        if not value or outside or value.startswith(("#", "/")):
            return match.group(0)
        path, sep, rest = _split(value)
        target = _resolve(page.parent, path)
        if path.endswith("/") or path in (".", ".."):
            path = path.rstrip("/") + "/index.html" if path not in ("", "/") else "index.html"
        elif target is not None and target not in files and \
                f"{target}/index.html".lstrip("/") in files:
            path += "/index.html"
        return f"{match.group(1)}{path}{sep}{rest}{match.group(3)}"

    return ATTRIBUTE.sub(fix, html)


def _split(value: str) -> tuple[str, str, str]:
    for sep in ("#", "?"):
        if sep in value:
            path, _, rest = value.partition(sep)
            return path, sep, rest
    return value, "", ""


def _resolve(folder: PurePosixPath, path: str) -> str | None:
    parts: list[str] = [p for p in folder.parts if p not in ("", ".")]
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)


def offline_page(html: str, page: PurePosixPath, files: set[str], package: Package,
                 own_site: str | None = None) -> str:
    """A page of the offline copy; its rewritten HTML keeps the site's one link rule (links.py).
    `own_site`: the local address of `mkdocs serve`, whose pages link to it."""
    html = rewrite_links(html, page, files)
    where = f' (<a href="{package.address}">{_shown(package.address)}</a>)' if package.address else ""
    html = DOWNLOAD_BLOCK.sub(OFFLINE_NOTE.format(edition=package.edition_text, where=where), html)
    shim = "../" * (len(page.parts) - 1) + SHIM
    html = CSP_SCRIPT_SRC.sub("script-src 'self' 'unsafe-inline'", html, count=1)
    html = html.replace("</head>", f'<script src="{shim}"></script></head>', 1)
    found = bad_links(html, own_site)
    if found:
        raise LinkError([LinkProblem(f"{page} (offline pakket)", None, link) for link in found])
    return html


def offline_search_index(index: str) -> str:
    """The search index with every location as a file: 'modules/x/#deel' -> 'modules/x/index.html#deel'."""
    data = json.loads(index)
    for doc in data.get("docs", []):
        path, sep, anchor = doc.get("location", "").partition("#")
        if path == "" or path.endswith("/"):
            path += "index.html"
        doc["location"] = f"{path}{sep}{anchor}"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def lunr_files(index: str) -> set[str]:
    """The files under assets/javascripts/lunr/ that Material's search worker loads for this index."""
    languages = json.loads(index).get("config", {}).get("lang", ["en"])
    needed = {"min/lunr.stemmer.support.min.js"}
    needed |= {f"min/lunr.{language}.min.js" for language in languages if language != "en"}
    if len(languages) > 1:
        needed.add("min/lunr.multi.min.js")
    if "ja" in languages:
        needed.add("tinyseg.js")
    if "th" in languages:
        needed.add("wordcut.js")
    return {LUNR + name for name in needed}


def _shown(url: str) -> str:
    return url.removeprefix("https://").rstrip("/")


def readme(package: Package) -> str:
    lines = [
        f"{package.title}, {package.edition_text} (versie {package.version})",
        "",
        "Dit is de volledige gids om te gebruiken zonder internet, bijvoorbeeld van een USB-stick.",
        "",
        f"Zo open je de gids: pak het zip-bestand uit en open in de map {FOLDER} het bestand",
        "index.html. Je browser toont dan de startpagina. Alle pagina's, de presentaties (.pptx)",
        "en de werkbladen (.docx) staan erin; je vindt ze via de links op de pagina's.",
        "",
        "Zoeken werkt ook zonder internet: klik bovenaan op het vergrootglas.",
        "",
        "Is je editie nog actueel? Kijk op de pagina 'Wat is er nieuw' van de online gids. Staat daar",
        f"een nieuwere uitgave dan de {package.edition_text}, download het pakket dan opnieuw.",
    ]
    if package.address:
        lines += [f"De online gids: {package.address}"]
    lines += [
        "",
        "Wanneer veranderde elke module voor het laatst?",
    ]
    lines += [f"- Module {m.number}: {m.title}: {m.last_change.text}" for m in package.modules
              if m.last_change is not None]
    return "\r\n".join(lines) + "\r\n"  # CRLF: Kladblok on an older Windows shows it well too


def build_offline_zip(site: Path, package: Package, own_site: str | None = None) -> bytes:
    """The zip of the built site in folder site, as reproducible bytes (`own_site`: see offline_page)."""
    with timed("offline-zip"):
        return _build_offline_zip(site, package, own_site)


def _build_offline_zip(site: Path, package: Package, own_site: str | None) -> bytes:
    paths = sorted(p for p in site.rglob("*") if p.is_file())
    names = {p.relative_to(site).as_posix() for p in paths}
    members: dict[str, bytes] = {f"{FOLDER}/{README}": readme(package).encode("utf-8"),
                                 f"{FOLDER}/{SHIM}": SHIM_SOURCE.read_bytes()}
    lunr: set[str] = set()
    if (site / SEARCH_INDEX).is_file():
        raw = (site / SEARCH_INDEX).read_text(encoding="utf-8")
        lunr = lunr_files(raw)
        members[f"{FOLDER}/search/search_index.js"] = f"var __index = {offline_search_index(raw)}".encode()
    for path in paths:
        name = path.relative_to(site).as_posix()
        if name in SKIPPED or name == f"downloads/{ZIP_NAME}" or name.endswith(SKIPPED_SUFFIXES) \
                or path.name.startswith(".") or name == SEARCH_INDEX \
                or (name.startswith(LUNR) and name not in lunr):
            continue
        data = path.read_bytes()
        if name.endswith(".html"):
            data = offline_page(data.decode("utf-8"), PurePosixPath(name), names, package,
                                own_site).encode("utf-8")
        members[f"{FOLDER}/{name}"] = data
    return reproducible_zip(members, stored=STORED_SUFFIXES)
