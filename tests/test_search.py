"""Search in the browser: the Dutch words a chair types lead to the module that treats them."""

from urllib.parse import urlparse

import pytest
from page_waits import search, wait_until_idle

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
    pages = result_pages(search_page, server, "voorrang")
    assert set(pages[:3]) == {"/modules/sociale-functie/", "/modules/samenwerken-met-toeleiders/",
                              "/modules/toegankelijkheid/"}, pages[:5]


def test_index_comes_when_the_reader_goes_to_the_search(browser, server):
    """search-on-demand.js: a page loads without the search index and worker; opening the search
    fetches them, and the search then works."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}/modules/omgevingsanalyse/", wait_until="networkidle")
    wait_until_idle(page)
    assert not [url for url in requests if "search_index.json" in url or "/workers/search." in url]
    page.keyboard.press("/")  # Material's shortcut gives the search field focus
    page.keyboard.type("drempels")
    page.wait_for_selector(".md-search-result__item")
    assert [url for url in requests if "search_index.json" in url]
    assert [url for url in requests if "/workers/search." in url]
    # a search in the address loads the index at once (search.highlight)
    requests.clear()
    with page.expect_request(lambda request: "search_index.json" in request.url):
        page.goto(f"{server}/modules/toegankelijkheid/?h=drempels", wait_until="networkidle")
    assert [url for url in requests if "search_index.json" in url]
    context.close()
