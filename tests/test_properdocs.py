"""Ready to move: the site builds, strict, with ProperDocs (the maintained fork of MkDocs 1.x) too,
and gives the same pages as MkDocs: the same files, and on every page the same title and main content.

ProperDocs reads our mkdocs.yml as it is (`-f mkdocs.yml`; its own name is properdocs.yml), runs
Material, mkdocs-macros-plugin and our hooks unchanged (it answers their `import mkdocs...`), and
only its generator tag differs. See ONDERHOUD.md for what a move asks.
"""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from helpers import BIN, ROOT

GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
MAIN = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def main_content(page_html: str) -> str:
    found = MAIN.search(page_html)
    return found.group(1) if found else GENERATOR.sub("", page_html)


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("properdocs-site")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIDS_REPO")}  # as the `site` fixture
    result = subprocess.run([str(BIN / "properdocs"), "build", "--strict", "-q", "-f", "mkdocs.yml", "-d", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, ("ProperDocs bouwt de site niet (strikt):\n" + result.stdout + result.stderr)
    return out


@pytest.mark.slow
def test_properdocs_builds_the_same_pages_as_mkdocs(site, properdocs_site):
    assert files(properdocs_site) == files(site)
    pages = sorted(name for name in files(site) if name.endswith(".html"))
    assert len(pages) >= 20
    different = []
    for name in pages:
        ours = (site / name).read_text(encoding="utf-8")
        theirs = (properdocs_site / name).read_text(encoding="utf-8")
        if TITLE.findall(ours) != TITLE.findall(theirs) or main_content(ours) != main_content(theirs):
            different.append(name)
    assert not different, f"ProperDocs maakt andere pagina's dan MkDocs: {different}"
    # It really was ProperDocs that built it.
    assert "ProperDocs" in GENERATOR.search((properdocs_site / "index.html").read_text(encoding="utf-8")).group(1)
    assert "ProperDocs" not in GENERATOR.search((site / "index.html").read_text(encoding="utf-8")).group(1)


@pytest.mark.slow
def test_properdocs_gives_the_same_search_index_decks_and_offline_package(site, properdocs_site):
    for name in sorted(files(site)):
        if name.endswith(".zip"):  # the offline package holds the pages, whose generator tag differs
            with zipfile.ZipFile(site / name) as ours, zipfile.ZipFile(properdocs_site / name) as theirs:
                assert ours.namelist() == theirs.namelist(), name
        elif not name.endswith(".html"):
            assert (site / name).read_bytes() == (properdocs_site / name).read_bytes(), name
