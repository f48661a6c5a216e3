"""The edit button: on every page when GIDS_REPO_URL is set, leading to the file to change
(docs/ for hand-written pages, content/ for generated ones); absent without it; no outside request."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
from helpers import BIN, ROOT, serve

REPO = "https://git.example.org/lok/gids"  # example.org: a name reserved for examples, never a real site
BRANCH = "voorstel"
EDIT = f"{REPO}/edit/{BRANCH}/"
# hooks/quality.py adds 'noopener noreferrer' to every link to another host, the edit button too
EDIT_LINK = re.compile(r'<a href="([^"]*)" title="([^"]*)" class="md-content__button md-icon" '
                       r'rel="edit noopener noreferrer"')


def build(out: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GIDS_REPO")}
    environment.update(NO_MKDOCS_2_WARNING="1", **env)
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(out)],
                          cwd=ROOT, capture_output=True, text=True, env=environment)


@pytest.fixture(scope="module")
def edit_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("edit-site")
    result = build(out, GIDS_REPO_URL=REPO + "/", GIDS_REPO_BRANCH=BRANCH)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def pages(site: Path) -> dict[str, str]:
    """Every HTML page of the site (not the 404 page), by its path in the site."""
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(site.rglob("*.html")) if p.name != "404.html"}


def expected_sources(package) -> dict[str, str]:
    """For each page: the file an editor changes, relative to the project root."""
    expected = {}
    for md in sorted((ROOT / "docs").rglob("*.md")):
        rel = md.relative_to(ROOT / "docs").with_suffix("")
        html = "index.html" if rel.as_posix() == "index" else f"{rel.as_posix().removesuffix('/index')}/index.html"
        expected[html] = f"docs/{md.relative_to(ROOT / 'docs').as_posix()}"
    expected["modules/index.html"] = "content/pakket.yml"
    expected["begrippen/index.html"] = "content/begrippen.yml"
    expected["waar-staan-we/index.html"] = "content/zelftest.yml"
    expected["wat-is-er-nieuw/index.html"] = "content/wijzigingen.yml"
    expected["invullen/index.html"] = "content/pakket.yml"
    for module in package.modules:
        expected[f"modules/{module.slug}/index.html"] = f"content/modules/{module.slug}/module.yml"
        expected[f"modules/{module.slug}/voorbereiding/index.html"] = f"content/modules/{module.slug}/module.yml"
        for sheet in module.worksheets:
            expected[f"modules/{module.slug}/{sheet.id}/index.html"] = sheet.file.relative_to(ROOT).as_posix()
    return expected


def test_every_page_leads_to_the_file_to_change(edit_site, package):
    expected = expected_sources(package)
    found = {}
    for path, html in pages(edit_site).items():
        links = EDIT_LINK.findall(html)
        assert len(links) == 1, f"{path}: {len(links)} knoppen om te wijzigen"
        href, title = links[0]
        assert title == "Wijzig deze pagina"
        assert href.startswith(EDIT), href
        found[path] = href.removeprefix(EDIT)
    assert found == expected
    for source in found.values():
        assert (ROOT / source).is_file(), source
        assert source.startswith(("docs/", "content/"))
    # each module.yml behind two pages: the module page and its preparation checklist
    assert sum(s.startswith("content/modules/") and s.endswith("/module.yml")
               for s in found.values()) == 2 * len(package.modules)
    assert sum("/werkinstrumenten/" in s for s in found.values()) >= 4


def test_without_a_repository_address_there_is_no_edit_button(site):
    for path, html in pages(site).items():
        assert 'rel="edit' not in html, path
        assert "md-source" not in html, path  # no repository widget that asks another host for facts


def test_the_repository_widget_stays_off_with_an_address(edit_site):
    for path, html in pages(edit_site).items():
        assert "md-source" not in html, path  # Material fetches stars and forks only for repo_url
        assert "api.github.com" not in html, path


@pytest.mark.parametrize("value", ["github.com/lok/gids", "https://git.example.org/lok gids"])
def test_a_wrong_repository_address_stops_the_build_in_dutch(tmp_path, value):
    result = build(tmp_path / "site", GIDS_REPO_URL=value)
    assert result.returncode != 0
    assert "GIDS_REPO_URL" in result.stderr and "geen adres van een repository" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.fixture(scope="module")
def edit_server(edit_site):
    with serve(edit_site) as url:
        yield url


@pytest.mark.browser
def test_the_edit_button_is_a_named_link_and_the_site_stays_on_this_host(browser, edit_server, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    host = urlparse(edit_server).netloc
    outside = []
    page.on("request", lambda r: urlparse(r.url).netloc not in (host, "")
            and not r.url.startswith("data:") and outside.append(r.url))
    try:
        for path, source in [("modules/omgevingsanalyse/", "content/modules/omgevingsanalyse/module.yml"),
                             ("modules/toegankelijkheid/drempelscan/",
                              "content/modules/toegankelijkheid/werkinstrumenten/drempelscan.md"),
                             ("gids/tips/", "docs/gids/tips.md"),
                             ("", "docs/index.md")]:
            page.goto(f"{edit_server}/{path}", wait_until="networkidle")
            button = page.get_by_role("link", name="Wijzig deze pagina")
            assert button.count() == 1, path
            assert button.is_visible(), path
            assert button.get_attribute("href") == EDIT + source
        page.goto(f"{edit_server}/modules/omgevingsanalyse/", wait_until="networkidle")
        page.screenshot(path=str(tmp_path / "edit-button.png"))
        page.emulate_media(media="print")
        assert not page.get_by_role("link", name="Wijzig deze pagina").is_visible()  # not on paper
    finally:
        context.close()
    assert outside == []
