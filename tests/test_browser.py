"""The guide in headless Chromium, as a chair opens it: every page, no outside request, decks download."""

from urllib.parse import urljoin, urlparse

import pytest
from page_waits import search

from childcare_guide.render.pages import PARTS

pytestmark = pytest.mark.browser


def crawl(page, base: str) -> list[str]:
    """Every page reachable from the home page through internal links."""
    seen, queue = set(), [base + "/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        page.goto(url, wait_until="networkidle")
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            target = urljoin(url, href).split("#")[0]
            if target.startswith(base) and target.endswith("/") and target not in seen:
                queue.append(target)
    return sorted(seen)


@pytest.fixture(scope="module")
def visit(browser, server):
    """Open a page and record console errors, failed requests and requests to other hosts."""
    context = browser.new_context()
    page = context.new_page()
    log = {"errors": [], "failed": [], "outside": []}
    page.on("console", lambda m: m.type == "error" and log["errors"].append(m.text))
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("requestfailed", lambda r: log["failed"].append(r.url))
    host = urlparse(server).netloc
    page.on("request", lambda r: urlparse(r.url).netloc not in (host, "")
            and not r.url.startswith("data:") and log["outside"].append(r.url))
    yield page, log
    context.close()


def test_every_page_loads_cleanly_and_stays_on_this_host(visit, server):
    page, log = visit
    pages = crawl(page, server)
    assert len(pages) >= 8 + 4, pages
    assert log["errors"] == []
    assert log["failed"] == []
    assert log["outside"] == []


def test_module_page_shows_six_parts_and_the_deck_downloads(visit, server):
    page, _ = visit
    page.goto(f"{server}/modules/omgevingsanalyse/")
    headings = page.eval_on_selector_all(
        "article h2", "els => els.map(e => e.textContent.replace('¶', '').trim())")
    assert headings == list(PARTS)
    with page.expect_download() as info:
        page.click("a.md-button[href$='.pptx']", modifiers=["Alt"])
    download = info.value
    assert download.suggested_filename == "module-1-omgevingsanalyse.pptx"
    with open(download.path(), "rb") as stream:
        assert stream.read(2) == b"PK"


def test_search_finds_the_module_on_figures(visit, server):
    page, _ = visit
    page.goto(f"{server}/")
    results = search(page, "kansarmoede")
    assert any("/modules/omgevingsanalyse/" in href for href in results)


def test_printed_module_page_hides_navigation_and_keeps_the_parts(visit, server):
    page, _ = visit
    page.goto(f"{server}/modules/toegankelijkheid/")
    page.emulate_media(media="print")
    assert not page.is_visible(".md-sidebar--primary")
    assert not page.is_visible(".md-header")
    for part in PARTS:
        assert page.is_visible(f"h2:has-text('{part}')")
    page.emulate_media(media="screen")
