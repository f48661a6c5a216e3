"""The light/dark switch in Chromium (overrides/partials/palette.html and javascripts/palette.html).

Material's palette component is replaced by a small script that runs before the first paint: it
keeps the same markup and the same stored choice, and a page load restyles nothing.
"""

import pytest

pytestmark = pytest.mark.browser

# Every change of a colour attribute on <body>, with the document's state at that moment.
WATCH_BODY = """
  window.__colour_changes = [];
  new MutationObserver(records => {
    for (const r of records) {
      if (r.target === document.body && r.attributeName.startsWith('data-md-color')) {
        window.__colour_changes.push(r.attributeName + '=' + document.body.getAttribute(r.attributeName)
                                     + ' @' + document.readyState);
      }
    }
  }).observe(document, {attributes: true, subtree: true});
"""
SWITCH = "form[data-gids-component=palette] label:not([hidden])"


def visible_switch(page) -> str:
    """The name of the one visible switch (Material's tooltip takes the label's title on hover)."""
    return page.eval_on_selector(SWITCH, "label => label.previousElementSibling.getAttribute('aria-label')")


@pytest.fixture
def watched(browser, server):
    """open(scheme, path): a page of a phone set to light or dark, its colour changes recorded."""
    contexts = []

    def open_page(scheme: str, path: str):
        context = browser.new_context(color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.add_init_script(WATCH_BODY)
        page.goto(f"{server}/{path}", wait_until="networkidle")
        return page

    yield open_page
    for context in contexts:
        context.close()


def test_a_page_load_changes_no_colour_attribute_when_the_theme_is_already_right(watched):
    page = watched("light", "modules/sociale-functie/")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    assert page.evaluate("window.__colour_changes") == []  # Material's component would set them all again
    assert page.locator("form[data-md-component=palette]").count() == 0
    assert visible_switch(page) == "Donker thema"  # the switch to the other theme


def test_a_dark_phone_gets_the_dark_theme_before_the_page_is_read(watched):
    page = watched("dark", "")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    changes = page.evaluate("window.__colour_changes")
    assert "data-md-color-scheme=slate @loading" in changes, changes  # no flash of the light theme
    assert all(change.endswith("@loading") for change in changes), changes
    assert visible_switch(page) == "Licht thema"


def test_the_choice_switches_by_click_and_by_keyboard_and_is_kept_on_the_next_page(browser, server):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(f"{server}/", wait_until="networkidle")
    page.click(SWITCH)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert visible_switch(page) == "Licht thema"
    page.goto(f"{server}/modules/toegankelijkheid/", wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert visible_switch(page) == "Licht thema"
    page.focus("input#__palette_1")
    page.keyboard.press("Enter")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    assert page.evaluate("document.activeElement.id") == "__palette_0"
    page.reload(wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    assert visible_switch(page) == "Donker thema"  # the switch to the other theme
    context.close()
