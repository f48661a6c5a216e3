"""The strict site build and what its HTML holds."""

import io
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

from pptx import Presentation

from childcare_guide.render.pages import PARTS

SLUGS = ["omgevingsanalyse", "sociale-functie", "samenwerken-met-toeleiders", "toegankelijkheid"]


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h2: list[str] = []
        self.links: list[str] = []
        self.resources: list[str] = []
        self._in_h2 = False
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h2":
            self._in_h2, self._text = True, ""
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        for key in ("src", "srcset"):
            if attrs.get(key):
                self.resources.append(attrs[key])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical",):
            self.resources.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "h2" and self._in_h2:
            self.h2.append(self._text.replace("¶", "").strip())
            self._in_h2 = False

    def handle_data(self, data):
        if self._in_h2:
            self._text += data


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def test_module_pages_show_the_six_parts_in_order(site):
    for slug in SLUGS:
        page = parse(site / "modules" / slug / "index.html")
        assert page.h2 == list(PARTS), slug


def test_deck_link_resolves_to_a_deck_that_opens(site):
    for slug in SLUGS:
        page_path = site / "modules" / slug / "index.html"
        links = [link for link in parse(page_path).links if link.endswith(".pptx")]
        assert links, f"geen presentatie gelinkt op {slug}"
        for link in set(links):
            url = urljoin(f"/modules/{slug}/", link)
            assert url.startswith("/downloads/")
            target = site / url.lstrip("/")
            prs = Presentation(io.BytesIO(target.read_bytes()))
            assert len(prs.slides) > 5


def test_worksheets_each_have_their_own_page(site, package):
    for module in package.modules:
        for sheet in module.worksheets:
            page = site / "modules" / module.slug / sheet.id / "index.html"
            assert page.is_file()
            assert f"Werkblad: {sheet.title}" in page.read_text(encoding="utf-8")


def test_navigation_lists_every_module(site, package):
    home = (site / "index.html").read_text(encoding="utf-8")
    for module in package.modules:
        assert f'href="modules/{module.slug}/"' in home


def test_overview_is_generated_on_the_modules_page(site, package):
    html = (site / "modules" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"</?abbr[^>]*>", "", html)  # glossary terms are wrapped in <abbr title=...>
    for module in package.modules:
        assert module.summary.split(".")[0] in text


def test_no_resource_from_another_host(site):
    """Every src/href of a resource and every url() in CSS stays on this site."""
    for page in site.rglob("*.html"):
        for ref in parse(page).resources:
            assert not urlparse(ref).netloc, f"{page.relative_to(site)} laadt {ref}"
    for css in site.rglob("*.css"):
        for ref in re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8")):
            ref = ref.strip("'\"")
            assert not ref.startswith(("http:", "https:", "//")), f"{css.name} laadt {ref}"


def test_no_half_written_or_leftover_files(site, package):
    assert not list(site.rglob("*.tmp"))
    decks = [module.deck_name for module in package.modules]
    worksheets = [f"module-{m.number}-{s.id}.docx" for m in package.modules for s in m.worksheets]
    worksheets += [f"module-{m.number}-deelnemersblad.docx" for m in package.modules]
    assert sorted(p.name for p in (site / "downloads").iterdir()) == sorted(
        decks + worksheets + ["kinderopvang-voor-iedereen-offline.zip"])


def test_pages_have_a_description(site):
    for slug in SLUGS:
        html = (site / "modules" / slug / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<meta name="description" content="[^"]{30,}"', html)


def test_home_page_links_the_offline_package_and_whats_new(site):
    links = parse(site / "index.html").links
    assert "downloads/kinderopvang-voor-iedereen-offline.zip" in links
    assert (site / "downloads" / "kinderopvang-voor-iedereen-offline.zip").stat().st_size > 100_000
    assert "wat-is-er-nieuw/" in links  # in the text and in the navigation


def test_whats_new_page_is_built_from_the_changelog(site, package):
    html = (site / "wat-is-er-nieuw" / "index.html").read_text(encoding="utf-8")
    release = package.releases[0]
    assert f"Versie {release.version}" in html
    assert release.changes[0] in html


def test_worksheet_documents_are_linked_and_open(site, package):
    from docx import Document

    for module in package.modules:
        page_links = parse(site / "modules" / module.slug / "index.html").links
        for sheet in module.worksheets:
            link = f"../../downloads/module-{module.number}-{sheet.id}.docx"
            assert link in page_links
            sheet_links = parse(site / "modules" / module.slug / sheet.id / "index.html").links
            assert "../" + link in sheet_links
            doc = Document(str(site / "downloads" / link.rpartition("/")[2]))
            assert doc.paragraphs[0].text == f"Werkblad: {sheet.title}"



def test_each_term_carries_its_explanation_once_in_each_part_of_a_page(site):
    """The glossary's title is on a term's first mention in each part (h2) of a page: later
    mentions in the same part are plain text, and a term used again in a later part is explained
    there once more."""
    html = (site / "modules" / "omgevingsanalyse" / "index.html").read_text(encoding="utf-8")
    body = html[html.index("<article"):html.index("</article>")]
    parts = re.split(r"(?=<h2[\s>])", body)
    assert len(parts) >= 7  # the page's opening and its six parts
    explained_in = {}
    for number, part in enumerate(parts):
        terms = [term for _, term in re.findall(r'<abbr title="([^"]*)">(.*?)</abbr>', part)]
        assert len(terms) == len(set(terms)), f"deel {number}: een begrip twee keer uitgelegd: {terms}"
        for term in terms:
            explained_in.setdefault(term, []).append(number)
    assert "<abbr>" not in body
    text = re.sub(r"<[^>]+>", " ", body)
    assert len(re.findall(r"\bLOK\b", text)) > len(explained_in["LOK"])  # later mentions are plain
    assert len(explained_in["LOK"]) > 1  # LOK is explained again in a later part


def test_module_summaries_live_on_the_modules_overview_only(site, package):
    """Once, not thrice: each summary is on the modules overview (and on its own module page);
    the home page and 'Inhoud en opbouw' link to the overview instead of repeating it."""
    def text(path: str) -> str:
        html = (site / path).read_text(encoding="utf-8")
        return " ".join(re.sub(r"<[^>]+>", " ", html[html.index("<article"):]).split())

    overview = text("modules/index.html")
    for page in ("index.html", "gids/inhoud-en-opbouw/index.html"):
        body = text(page)
        assert any(link.endswith("modules/") for link in parse(site / page).links)
        for module in package.modules:
            summary = " ".join(module.summary.split())[:60]
            assert summary in overview
            assert summary not in body, f"{page} herhaalt de samenvatting van module {module.number}"


def test_module_pages_link_to_the_glossary(site, package):
    for module in package.modules:
        links = parse(site / "modules" / module.slug / "index.html").links
        assert "../../begrippen/" in links


def test_printable_checklists_are_not_indexed_twice(site, package):
    """The checklist page repeats the module page's checklist: search finds it on the module page."""
    import json

    locations = [d["location"] for d in json.loads(
        (site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]]
    for module in package.modules:
        assert f"modules/{module.slug}/" in locations
        assert f"modules/{module.slug}/#voorbereiding" in locations
        assert not [x for x in locations if x.startswith(f"modules/{module.slug}/voorbereiding/")]
        assert (site / "modules" / module.slug / "voorbereiding" / "index.html").is_file()
