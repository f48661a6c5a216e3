"""What keeps a page fast on a slow phone: script files load with defer, in their order (hooks/quality.py)."""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("quality_hook", ROOT / "hooks" / "quality.py")
quality = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(quality)

SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.I)


def test_defer_scripts_adds_defer_to_script_files_only():
    page = ('<script>var a=1</script><script src="a.js"></script><script src="b.js" async></script>'
            '<script id="__config" type="application/json">{}</script><script defer src="c.js"></script>'
            "<script\n  src='d.js' >")
    assert quality.defer_scripts(page) == (
        '<script>var a=1</script><script src="a.js" defer></script><script src="b.js" async></script>'
        '<script id="__config" type="application/json">{}</script><script defer src="c.js"></script>'
        "<script\n  src='d.js' defer>")


def test_every_script_file_on_every_page_is_deferred_in_its_order(site):
    module_page = None
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        files = [tag for tag in SCRIPT_TAG.findall(html) if " src=" in tag]
        assert files, path
        assert all(re.search(r"\sdefer\b", tag) for tag in files), (path, files)
        if path.parent.name == "omgevingsanalyse" and path.parent.parent.name == "modules":
            module_page = files
    # Material's bundle first, then ours
    names = [re.search(r'src="([^"]+)"', tag).group(1).rsplit("/", 1)[1] for tag in module_page]
    assert names[0].startswith("bundle."), names
    assert names[1:] == ["chairs.js", "tables.js"], names  # fill.js: only on /invullen/, when used


def test_heading_links_are_named_by_aria_label_not_by_a_title_that_costs_a_tooltip(site):
    page = (site / "modules" / "sociale-functie" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="headerlink"[^>]*>', page)
    assert len(links) > 50
    assert all('aria-label="Link naar dit deel"' in link and "title=" not in link for link in links), links[:3]
    heading = '<h2 id="a">A<a class="headerlink" href="#a" {}="Link naar dit deel">¶</a></h2>'
    assert quality.name_headerlinks(heading.format("title")) == heading.format("aria-label")
