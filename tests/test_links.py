"""The one link rule on the rendered HTML (childcare_guide.content.links): every spelling a browser
could read as a forbidden scheme stops the build, with a Dutch message that names the source file
and its line. The builds that fail on a bad link: tests/test_build_failure.py."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from childcare_guide.content.links import ALLOWED_TEXT, LinkError, bad_links, check_page, scheme_of
from childcare_guide.site.links import page_sources
from childcare_guide.site.offline import offline_page

ALLOWED = [
    "https://www.opgroeien.be/", "HTTPS://www.vlaanderen.be", "mailto:info@example.be",
    "tel:+3225551234", "../tips/", "tips/", "#stap-1", "./", ".", "../../downloads/a.pptx",
    "modules/a/index.html#deel", "?q=voorrang", "bestand met spaties.pdf", "a/b:c", "#x:y", "",
]

FORBIDDEN = {
    "javascript:alert(1)": "javascript",
    "JaVaScRiPt:alert(1)": "javascript",
    "JAVASCRIPT:alert(1)": "javascript",
    " javascript:alert(1)": "javascript",                 # leading space
    "\x01\x02javascript:alert(1)": "javascript",          # leading control characters
    "javascript:alert(1)\x00 ": "javascript",             # trailing
    "java\tscript:alert(1)": "javascript",                # tab inside
    "java\nscript:alert(1)": "javascript",                # newline inside
    "java\rscript:alert(1)": "javascript",
    "java\x00script:alert(1)": "javascript",              # control character inside
    "java script:alert(1)": "javascript",
    "&#106;avascript:alert(1)": "javascript",             # entities (as in a source, unresolved)
    "&#x6A;avascript:alert(1)": "javascript",
    "&#0000106&#0000097vascript:alert(1)": "javascript",  # without semicolons, zero-padded
    "java&Tab;script:alert(1)": "javascript",             # named entity
    "jav&#x09;ascript:alert(1)": "javascript",
    "javascript&colon;alert(1)": "javascript",
    "&amp;#106;avascript:alert(1)": "javascript",          # twice encoded
    "%6Aavascript:alert(1)": "javascript",                 # percent-encoding
    "javascript%3Aalert(1)": "javascript",
    "\u00a0\ufeffjavascript:alert(1)": "javascript",      # non-breaking space, byte order mark
    "vbscript:msgbox(1)": "vbscript",
    "VBScript:msgbox(1)": "vbscript",
    "data:text/html;base64,PHNjcmlwdD4=": "data",
    "DATA:image/png;base64,AAAA": "data",
    "http://www.opgroeien.be": "http",
    "HTTP://www.opgroeien.be": "http",
    "  http://www.opgroeien.be": "http",
    "file:///C:/Users/gids.docx": "file",
    "ftp://example.be/a": "ftp",
    "ws://example.be": "ws",
    "blob:https://example.be/1": "blob",
    "//example.be/pagina": "//",
    "\\\\example.be\\pagina": "//",
    "/\\example.be": "//",
    "/\t/example.be": "//",
}


@pytest.mark.parametrize("url", ALLOWED)
def test_allowed_links(url):
    assert scheme_of(url) in (None, "https", "mailto", "tel"), url
    assert bad_links(f'<p><a href="{url}">x</a></p>') == []


@pytest.mark.parametrize("url, scheme", FORBIDDEN.items(), ids=[repr(u) for u in FORBIDDEN])
def test_forbidden_spellings(url, scheme):
    assert scheme_of(url) == scheme


@pytest.mark.parametrize("spelling", [
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6a;&#x61;&#x76;&#x61;script:alert(1)">x</a>',
    '<a href="java&#9;script:alert(1)">x</a>',
    '<a href="java&#10;script:alert(1)">x</a>',
    '<a href=" &#14; javascript:alert(1)">x</a>',
    "<a href='JaVaScRiPt:alert(1)'>x</a>",
    "<a href=javascript:alert(1)>x</a>",
    '<A HREF="javascript:alert(1)">x</A>',
    '<a title="x" href = "javascript:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="java&#0;script:alert(1)">x</a>',
    '<a href="java\x00script:alert(1)">x</a>',
    '<a href==javascript:alert(1)>x</a>',
])
def test_javascript_in_html_in_every_spelling(spelling):
    found = bad_links(f"<p>Zie {spelling} hier.</p>")
    assert [link.scheme for link in found] == ["javascript"], spelling


@pytest.mark.parametrize("tag", [
    '<img src="data:image/png;base64,AAAA" alt="">',
    '<img srcset="a.png 1x, http://a.be/b.png 2x" alt="">',
    '<iframe src="vbscript:x"></iframe>',
    '<form action="javascript:x"></form>',
    '<button formaction="javascript:x">b</button>',
    '<object data="data:text/html,x"></object>',
    '<svg><a xlink:href="javascript:x"><text>t</text></a></svg>',
    '<area href="http://a.be" alt="a">',
    '<a href="#deel" ping="https://a.be/teller http://a.be/teller">deel</a>',
    '<link rel="stylesheet" href="http://a.be/s.css">',
    '<script src="//a.be/s.js"></script>',
    '<video poster="file:///c/x.png"></video>',
    '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">',
])
def test_every_attribute_that_holds_an_address(tag):
    assert len(bad_links(tag)) == 1, tag


def test_text_and_code_are_no_links():
    page = ("<p>Typ nooit javascript:alert(1) in een link.</p><pre><code>&lt;a href=\"http://x\"&gt;"
            "</code></pre><script>var a = '<a href=\"javascript:x\">';</script>"
            '<a href="https://a.be" data-x="javascript:x">ok</a>')
    assert bad_links(page) == []


def test_the_link_keeps_its_text_and_its_spelling():
    [link] = bad_links('<p><a href="&#106;avascript:alert(1)">Klik <em>hier</em>\n nu</a></p>')
    assert (link.url, link.raw, link.text, link.scheme) == (
        "javascript:alert(1)", "&#106;avascript:alert(1)", "Klik hier nu", "javascript")


# -- the Dutch messages (golden) ------------------------------------------------------------------

GOLDEN = {
    "http://www.opgroeien.be":
        "de link 'http://www.opgroeien.be' is niet beveiligd (http). Gebruik het adres dat met "
        "https:// begint.",
    "JavaScript:alert(1)":
        "de link 'JavaScript:alert(1)' voert code uit (javascript:). Verwijder de link of zet er een "
        "gewone link voor in de plaats die met https:// begint.",
    "vbscript:x":
        "de link 'vbscript:x' voert code uit (vbscript:). Verwijder de link of zet er een gewone link "
        "voor in de plaats die met https:// begint.",
    "data:text/html,hallo":
        "de link 'data:text/html,hallo' draagt zijn inhoud in het adres mee (data:). Zet het bestand "
        "in docs/ en link ernaar, of link naar een adres dat met https:// begint.",
    "file:///C:/gids.docx":
        "de link 'file:///C:/gids.docx' wijst naar een bestand op je eigen computer (file:). Zet het "
        "bestand in docs/ en link ernaar, of link naar een adres dat met https:// begint.",
    "//www.opgroeien.be":
        "de link '//www.opgroeien.be' wijst naar een andere site zonder https:. Schrijf het adres "
        "voluit, met https:// ervoor.",
    "ftp://example.be/a":
        "de link 'ftp://example.be/a' begint met 'ftp:', en dat mag niet. Gebruik een adres dat met "
        "https:// begint, of een mailto:- of tel:-link.",
}


def project_with(tmp_path: Path, rel: str, text: str) -> Path:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("url", list(GOLDEN))
def test_golden_message_names_file_and_line(tmp_path, url):
    source = project_with(tmp_path, "docs/gids/tips.md", f"# Tips\n\nTekst.\n\nZie [de site]({url}).\n")
    with pytest.raises(LinkError) as caught:
        check_page(f'<p>Zie <a href="{url}">de site</a>.</p>', [source], tmp_path, "docs/gids/tips.md")
    assert caught.value.report() == "\n".join([
        "Een pagina bevat een link die niet mag. Verbeter die en probeer opnieuw.",
        f"- docs/gids/tips.md, regel 5: {GOLDEN[url]}",
        "Toegelaten zijn links die met https:// beginnen, mailto:- en tel:-links, en links naar "
        "pagina's en bestanden van de gids zelf."])


def test_entity_spelling_is_found_in_its_source_line_and_several_links_are_all_reported(tmp_path):
    step = project_with(tmp_path, "content/modules/a/stappen/opening.md",
                        "## Zeggen\n\nWelkom.\n\n<a href=\"&#106;avascript:alert(1)\">Klik</a>\n\n"
                        "Meer op [de site](http://a.be).\n")
    other = project_with(tmp_path, "content/modules/a/module.yml", "titel: A\n")
    page = ('<p><a href="&#106;avascript:alert(1)">Klik</a></p>'
            '<p>Meer op <a href="http://a.be">de site</a>.</p>')
    with pytest.raises(LinkError) as caught:
        check_page(page, [other, step], tmp_path, "content/modules/a/")
    assert [str(p) for p in caught.value.problems] == [
        "content/modules/a/stappen/opening.md, regel 5: de link '&#106;avascript:alert(1)' voert code "
        "uit (javascript:). Verwijder de link of zet er een gewone link voor in de plaats die met "
        "https:// begint.",
        "content/modules/a/stappen/opening.md, regel 7: " + GOLDEN["http://www.opgroeien.be"].replace(
            "http://www.opgroeien.be", "http://a.be")]
    assert caught.value.report().startswith(
        "Een pagina bevat 2 links die niet mogen. Verbeter ze en probeer opnieuw.\n")
    assert caught.value.report().endswith("\n" + ALLOWED_TEXT)


def test_a_link_no_source_holds_names_the_page_without_a_line(tmp_path):
    source = project_with(tmp_path, "docs/index.md", "# Start\n")
    with pytest.raises(LinkError) as caught:
        check_page('<a href="javascript:x()">?</a>', [source], tmp_path, "docs/index.md")
    assert str(caught.value.problems[0]).startswith("docs/index.md: de link 'javascript:x()' voert code uit")


def test_a_page_with_good_links_passes(tmp_path):
    check_page('<a href="https://a.be">a</a><a href="../b/">b</a><a href="#c">c</a>'
               '<a href="mailto:a@b.be">d</a><a href="tel:+32">e</a>', [], tmp_path, "docs/index.md")


def test_sources_of_a_page(tmp_path, package):
    root = package.root
    docs, fallback = page_sources(root, "gids/tips.md", False, package)
    assert docs[0] == root / "docs" / "gids" / "tips.md" and fallback == "docs/gids/tips.md"
    assert docs[-1].parent.name in ("overrides", "partials")
    module = package.modules[0]
    sources, fallback = page_sources(root, f"modules/{module.slug}/index.md", True, package)
    assert fallback == f"content/modules/{module.slug}/"
    assert sources[:len(module.source_files)] == [Path(p) for p in module.source_files]
    assert root / "content" / "begrippen.yml" in sources
    assert page_sources(root, "begrippen.md", True, package)[1] == "content/"


def test_the_offline_copy_keeps_the_rule(package):
    files = {"index.html", "modules/index.html"}
    good = '<html><head></head><body><a href="modules/">m</a></body></html>'
    assert 'href="modules/index.html"' in offline_page(good, PurePosixPath("index.html"), files, package)
    bad = '<html><head></head><body><a href="JAVASCRIPT:x">m</a></body></html>'
    with pytest.raises(LinkError) as caught:
        offline_page(bad, PurePosixPath("index.html"), files, package)
    assert str(caught.value.problems[0]) == (
        "index.html (offline pakket): de link 'JAVASCRIPT:x' voert code uit (javascript:). Verwijder "
        "de link of zet er een gewone link voor in de plaats die met https:// begint.")


def test_a_theme_template_with_a_bad_link_names_its_file_in_overrides(tmp_path):
    import importlib.util
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    hook = Path(__file__).parents[1] / "hooks" / "quality.py"
    spec = importlib.util.spec_from_file_location("quality_hook", hook)
    quality = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(quality)
    project_with(tmp_path, "mkdocs.yml", "site_name: x\n")
    project_with(tmp_path, "overrides/404.html",
                 '{% extends "main.html" %}\n<p>Terug naar <a href="http://a.be">de start</a>.</p>\n')
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError) as caught:
        quality.on_post_template('<p>Terug naar <a href="http://a.be">de start</a>.</p>', "404.html", config)
    assert "- overrides/404.html, regel 2: de link 'http://a.be' is niet beveiligd (http)." in str(caught.value)
