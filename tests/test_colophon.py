"""Whose guide is this (issue 19): the colophon 'Over deze gids', the licences, the dated edition."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path
from urllib.parse import urljoin

import pytest
from content_edits import problems, set_line
from helpers import ROOT

from childcare_guide.content.model import format_edition
from childcare_guide.render.colophon import colophon, repository
from childcare_guide.render.pages import whats_new_page
from childcare_guide.site.offline import offline_page, readme

COLOPHON = "over-deze-gids/index.html"
FOOTER_LINK = re.compile(r'<div class="md-copyright__highlight">\s*<a href="([^"]+)">Over deze gids</a>')


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return " ".join(re.sub(r"<[^>]+>", " ", html[html.index("<article"):html.index("</article>")]).split())


# -- the built site --------------------------------------------------------------------------

def test_every_footer_links_to_the_colophon_and_the_theme_credit_is_gone(site):
    found = pages(site)
    assert len(found) > 20
    for path in found:
        html = path.read_text(encoding="utf-8")
        link = FOOTER_LINK.search(html)
        assert link, f"{path.relative_to(site)}: geen link naar 'Over deze gids' in de voettekst"
        page_url = path.relative_to(site).as_posix()
        target = urljoin(page_url, link.group(1))
        assert target == "over-deze-gids/", (page_url, link.group(1))
        assert "Made with" not in html and "squidfunk.github.io" not in html
    assert FOOTER_LINK.search((site / "404.html").read_text(encoding="utf-8"))


def test_colophon_page_says_what_whose_licence_and_how_to_report(site, package):
    text = article(site / COLOPHON)
    assert "Over deze gids" in text
    assert f"doe-pakket {package.title}" in text
    assert "CC BY 4.0" in text and "EUPL-1.2" in text
    assert "editie december 2026" in text
    # no maintainer in pakket.yml and no repository in the test build: nothing is invented
    assert package.maintainer is None
    assert "open project" in text and "beheerd door" not in text
    assert "Vraag het aan wie je de gids bezorgde" in text


def test_colophon_names_no_publisher_of_the_original(site):
    text = article(site / COLOPHON).lower()
    for word in ("uitgegeven door", "uitgever", "gemaakt door", "©"):
        assert word not in text


# -- the colophon's text for each configuration ---------------------------------------------

def test_without_maintainer_or_repository_the_guide_is_an_open_project(package):
    text = colophon(package)
    assert "De gids is een open project" in text
    assert "repository" not in text.lower()
    assert "Vraag het aan wie je de gids bezorgde" in text


def test_repository_from_the_environment_gives_the_issues_link(package):
    text = colophon(package, "https://github.com/voorbeeld/gids/")
    assert "[github.com/voorbeeld/gids](https://github.com/voorbeeld/gids)" in text
    assert "(https://github.com/voorbeeld/gids/issues)" in text
    assert "open project" in text


def test_repository_in_pakket_yml_comes_before_the_environment(package):
    own = dataclasses.replace(package, repository="https://codeberg.org/eigen/gids")
    assert repository(own, "https://github.com/ander/gids") == "https://codeberg.org/eigen/gids"
    assert repository(package, "  ") is None


def test_maintainer_and_contact_come_from_pakket_yml_only(package):
    named = dataclasses.replace(package, maintainer="Naam uit pakket.yml", contact="fouten@voorbeeld.be")
    text = colophon(named)
    assert "De gids wordt beheerd door Naam uit pakket.yml." in text
    assert "open project" not in text
    assert "[fouten@voorbeeld.be](mailto:fouten@voorbeeld.be)" in text
    # with a repository the issues come first
    assert "mailto:" not in colophon(named, "https://github.com/voorbeeld/gids")


# -- the online address ----------------------------------------------------------------------

def test_online_address_in_leesmij_colophon_whats_new_and_offline_note(package):
    online = dataclasses.replace(package, address="https://gids.voorbeeld.be/")
    assert "De online gids: https://gids.voorbeeld.be/" in readme(online)
    assert "(https://gids.voorbeeld.be/)" in colophon(online)
    assert "(https://gids.voorbeeld.be/)" in whats_new_page(online)
    html = '<article><div class="offline-download"><p>x</p></div></article>'
    from pathlib import PurePosixPath
    note = offline_page(html, PurePosixPath("index.html"), {"index.html"}, online)
    assert 'href="https://gids.voorbeeld.be/"' in note


def test_without_an_address_no_address_is_made_up(package):
    assert package.address is None
    assert "https://" not in readme(package)
    assert "online op" not in colophon(package)


# -- licences --------------------------------------------------------------------------------

def test_licences_in_the_repository_pyproject_and_readme():
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in licence and "EUPL-1.2" in licence
    assert "CC-BY-4.0" in (ROOT / "LICENSE-INHOUD").read_text(encoding="utf-8")
    assert "EUPL-1.2" in (ROOT / "LICENSE-CODE").read_text(encoding="utf-8")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "EUPL-1.2 AND CC-BY-4.0"
    for name in project["license-files"]:
        assert (ROOT / name).is_file()
    readme_md = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme_md and "EUPL-1.2" in readme_md


def test_mkdocs_turns_off_the_theme_credit():
    assert re.search(r"^extra:\n(?:  .*\n)*  generator: false", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                     re.M)


# -- the edition -----------------------------------------------------------------------------

@pytest.mark.parametrize(("edition", "text"), [("2026-12", "editie december 2026"),
                                               ("2027-03", "editie maart 2027")])
def test_edition_reads_as_month_and_year(edition, text):
    assert format_edition(edition) == text


def test_the_guide_carries_an_edition_and_its_version_stays_in_the_changelog(package):
    assert package.edition_text == "editie december 2026"
    page = whats_new_page(package)
    assert "**editie december 2026**" in page and f"versie {package.version}" in page


def test_an_edition_that_is_no_month_is_refused(content_copy):
    line = set_line(content_copy, "content/pakket.yml", "", "editie:", "editie: '2026-13'")
    found = problems(content_copy)
    assert len(found) == 1 and f"regel {line}" in found[0] and "'2026-12'" in found[0], found


def test_module_pages_show_the_edition_not_the_version(site, package):
    for module in package.modules:
        text = article(site / "modules" / module.slug / "index.html")
        assert "Editie van de gids: december 2026" in text
        assert f"versie {package.version}" not in text.lower()
