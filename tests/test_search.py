"""Search in the browser: the Dutch words a chair types lead to the module that treats them."""

from urllib.parse import urlparse

import pytest
from page_waits import search

pytestmark = pytest.mark.browser


def result_pages(page, server: str, word: str) -> list[str]:
    """The pages Material's search shows for word, best first, as paths without the query."""
    page.goto(f"{server}/", wait_until="networkidle")
    search(page, word)  # typed like a person: Material searches on each key
    hrefs = page.eval_on_selector_all(".md-search-result__list > .md-search-result__item > a",
                                      "els => els.map(e => e.href)")
    pages = []
    for href in hrefs:
        path = urlparse(href).path
        if path not in pages:
            pages.append(path)
    return pages


@pytest.fixture(scope="module")
def search_page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("word, module", [
    ("drempels", "toegankelijkheid"),
    ("toeleiders", "samenwerken-met-toeleiders"),
    ("cijfers", "omgevingsanalyse"),
])
def test_word_leads_to_its_module_first(search_page, server, word, module):
    pages = result_pages(search_page, server, word)
    assert pages[0].startswith(f"/modules/{module}/"), pages[:5]
    assert f"/modules/{module}/" in pages[:4], pages[:5]


def test_priority_rules_lead_to_the_three_modules_that_explain_them(search_page, server):
    # Module 2, 3 and 4 each have a part 'Voorrang ...' about the priority rules; they come first,
    # before the general pages and before module 1, which only mentions the word.
    # A module's worksheet (its word list, say) counts for its module.
    pages = result_pages(search_page, server, "voorrang")
    modules = ["/".join(page.split("/")[:3]) + "/" for page in pages]
    assert set(modules[:3]) == {"/modules/sociale-functie/", "/modules/samenwerken-met-toeleiders/",
                                "/modules/toegankelijkheid/"}, pages[:5]
    assert "/modules/omgevingsanalyse/" not in modules[:3], pages[:5]


def test_search_is_materials_own_and_stays_on_this_host(browser, server):
    """Material loads the search index and its worker itself (no script of ours stands between),
    and neither the page nor the search asks another host for anything."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("worker", lambda worker: requests.append(worker.url))
    page.goto(f"{server}/modules/omgevingsanalyse/", wait_until="networkidle")
    # the browser's own Worker and XMLHttpRequest, not replaced by a script
    assert page.evaluate("() => Worker.toString().includes('[native code]')")
    assert page.evaluate("() => XMLHttpRequest.prototype.send.toString().includes('[native code]')")
    page.keyboard.press("/")  # Material's shortcut gives the search field focus
    page.keyboard.type("drempels")
    page.wait_for_selector(".md-search-result__item")
    assert [url for url in requests if url.endswith("/search/search_index.json")]
    assert [url for url in requests if "/workers/search." in url]
    assert all(url.startswith(server) for url in requests), [u for u in requests if not u.startswith(server)]
    context.close()
