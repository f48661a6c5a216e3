"""The page 'Vul je gegevens in' (/invullen/) in headless Chromium: typing, checking, keeping and
clearing the values, and handing them to the fill engine for each download.

The engine (window.childcareFill, javascripts/fill.js) is our own API: these tests put a recording
stand-in in its place before the page's scripts run, and answer the request for fill.js with an
empty script, so the stand-in stays. That the engine fills decks right is tested with the engine.
"""

from __future__ import annotations

import json
import zipfile

import pytest
from page_waits import wait_until_still
from test_accessibility import RUN_AXE, SCHEMES, WCAG_AA
from test_fill_page import content_ids

from childcare_guide.render.fill_page import START_ID, STORAGE_KEY, YEAR_ID
from childcare_guide.site.offline import FOLDER, ZIP_NAME

pytestmark = pytest.mark.browser

PAGE = "/invullen/"
READY = "#invullen[data-klaar]"

# A stand-in for the engine that records what it is given and returns a small file.
ENGINE = """
window.fillCalls = [];
window.childcareFill = {
  deck: function (slug, values) {
    window.fillCalls.push({kind: 'deck', slug: slug, values: JSON.parse(JSON.stringify(values))});
    return Promise.resolve(new Blob(['deck ' + slug], {type: 'application/octet-stream'}));
  },
  worksheet: function (slug, id, values) {
    window.fillCalls.push({kind: 'worksheet', slug: slug, id: id, values: JSON.parse(JSON.stringify(values))});
    return Promise.resolve(new Blob(['sheet ' + slug + '/' + id], {type: 'application/octet-stream'}));
  },
  fileName: function (slug, id) { return 'test-' + slug + (id ? '-' + id : '') + '.bin'; }
};
"""


def empty_engine_file(route):
    route.fulfill(status=200, content_type="text/javascript", body="")


@pytest.fixture(scope="module")
def context(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.add_init_script(ENGINE)
    context.route("**/javascripts/fill.js", empty_engine_file)
    yield context
    context.close()


@pytest.fixture
def page(context, server):
    tab = context.new_page()
    log = {"errors": [], "outside": []}
    tab.on("pageerror", lambda e: log["errors"].append(str(e)))
    tab.on("console", lambda m: m.type == "error" and log["errors"].append(m.text))
    tab.on("request", lambda r: not r.url.startswith((server, "blob:", "data:", "about:"))
           and log["outside"].append(r.url))
    tab.goto(server + PAGE)
    tab.evaluate("() => localStorage.clear()")
    tab.reload()
    tab.wait_for_selector(READY)
    yield tab
    tab.close()
    assert log == {"errors": [], "outside": []}  # no error, and no request to another host


def message(page, name: str) -> str:
    return page.text_content(f"#fout-{name}")


def leave(page, name: str, text: str) -> None:
    """Type text into the input and leave it, as a chair does (the check runs on change)."""
    page.fill(f"input[name='{name}']", text)
    page.press(f"input[name='{name}']", "Tab")


def test_an_input_for_every_id_of_the_content_each_once(page, package):
    names = page.eval_on_selector_all("#invullen input", "els => els.map(e => e.name)")
    assert sorted(names) == sorted(set(content_ids(package)) | {YEAR_ID, START_ID})
    assert names.count("gemeente") == 1 and names.count("kansarmoede") == 1


def test_download_hands_the_typed_values_to_the_engine(page):
    leave(page, "gemeente", "Fabeldorp")
    leave(page, "kansarmoede", "12,3")
    leave(page, "geen-formele-opvang", " 12.3 ")
    leave(page, "jaar", "2024")
    page.fill("input[name='start']", "19:30")
    leave(page, "kinderen-0-3", "412")
    assert message(page, "kansarmoede") == ""
    assert page.get_attribute("input[name='kansarmoede']", "aria-invalid") is None
    with page.expect_download() as download:
        page.click("[data-download='omgevingsanalyse']")
    assert download.value.suggested_filename == "module-1-omgevingsanalyse-ingevuld.pptx"
    page.wait_for_function("() => document.querySelector('#status-omgevingsanalyse').textContent.includes('downloads')")
    assert page.text_content("#status-omgevingsanalyse") == (
        "De presentatie van module 1 staat in je downloads, als module-1-omgevingsanalyse-ingevuld.pptx.")
    values = {"gemeente": "Fabeldorp", "kansarmoede": "12.3", "geen-formele-opvang": "12.3",
              "jaar": "2024", "start": "19:30", "kinderen-0-3": "412"}  # empty inputs left out
    assert page.evaluate("window.fillCalls") == [{"kind": "deck", "slug": "omgevingsanalyse", "values": values}]
    with page.expect_download() as download:
        page.click("[data-download='omgevingsanalyse/gemeentelijke-fiche']")
    assert download.value.suggested_filename == "module-1-gemeentelijke-fiche-ingevuld.docx"
    assert page.evaluate("window.fillCalls[1]") == {"kind": "worksheet", "slug": "omgevingsanalyse",
                                                    "id": "gemeentelijke-fiche", "values": values}
    with page.expect_download():
        page.click("[data-download='toegankelijkheid']")  # a later module: the same shared values
    assert page.evaluate("window.fillCalls[2]") == {"kind": "deck", "slug": "toegankelijkheid", "values": values}


@pytest.mark.parametrize("typed, expected", [
    ("12,3%", "Dit is geen getal."),
    ("twaalf", "Dit is geen getal."),
    ("1.234,5", "Dit is geen getal."),
    ("-2", "kleiner dan 0"),
    ("120", "percentage"),
])
def test_a_wrong_number_gets_a_dutch_message_at_the_field(page, typed, expected):
    field = "input[name='kansarmoede']"
    leave(page, "kansarmoede", typed)
    assert expected in message(page, "kansarmoede")
    assert page.get_attribute(field, "aria-invalid") == "true"
    assert page.get_attribute(field, "aria-describedby").split()[0] == "fout-kansarmoede"
    page.fill(field, "12,1")  # fixed while typing: the message goes at once
    assert message(page, "kansarmoede") == ""
    assert page.get_attribute(field, "aria-invalid") is None
    assert "fout-kansarmoede" not in page.get_attribute(field, "aria-describedby")


def test_a_year_with_other_than_four_digits_gets_a_message(page):
    leave(page, "jaar", "23")
    assert message(page, "jaar") == "Schrijf het jaar met 4 cijfers, bijvoorbeeld 2023."
    leave(page, "jaar", "2023")
    assert message(page, "jaar") == ""


def test_a_download_with_a_wrong_value_is_refused_and_focus_goes_to_it(page):
    leave(page, "gemeente", "Fabeldorp")
    page.fill("input[name='kansarmoede']", "veel")  # not left: the check runs at the download too
    page.click("[data-download='sociale-functie']")
    status = page.text_content("#status-sociale-functie")
    assert "niet in orde" in status and "Kinderen geboren in kansarmoede" in status
    assert page.evaluate("document.activeElement.name") == "kansarmoede"
    assert "Dit is geen getal." in message(page, "kansarmoede")
    assert page.evaluate("window.fillCalls") == []


def test_values_survive_a_reload_in_one_versioned_key(page):
    leave(page, "gemeente", "Fabeldorp")
    leave(page, "kansarmoede", "14,2")
    leave(page, "lokaal-loket", "Huis van het Kind, Dorpsstraat 1")
    page.reload()
    page.wait_for_selector(READY)
    assert page.input_value("input[name='gemeente']") == "Fabeldorp"
    assert page.input_value("input[name='kansarmoede']") == "14,2"  # as the chair typed it
    assert page.input_value("input[name='lokaal-loket']") == "Huis van het Kind, Dorpsstraat 1"
    kept = page.evaluate("() => Object.keys(localStorage)")
    assert kept == [STORAGE_KEY]
    stored = json.loads(page.evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')"))
    assert stored["versie"] == 1 and stored["waarden"]["kansarmoede"] == "14,2"


def test_a_kept_wrong_value_shows_its_message_after_a_reload(page):
    leave(page, "kansarmoede", "12,3%")
    page.reload()
    page.wait_for_selector(READY)
    assert "Dit is geen getal." in message(page, "kansarmoede")


def test_clear_asks_first_then_empties_the_form_and_the_storage(page):
    leave(page, "gemeente", "Fabeldorp")
    leave(page, "kansarmoede", "14,2")
    wipe = "[data-wis]"
    page.click(wipe)
    assert page.get_attribute(wipe, "aria-expanded") == "true"
    assert page.is_visible("#wis-bevestig")
    assert page.evaluate("document.activeElement.textContent") == "Nee, hou mijn gegevens"
    page.keyboard.press("Escape")  # keyboard: Escape says no
    assert page.is_hidden("#wis-bevestig")
    assert page.evaluate("document.activeElement.hasAttribute('data-wis')")
    assert page.input_value("input[name='gemeente']") == "Fabeldorp"
    page.keyboard.press("Enter")  # the focused 'Wis' button opens the question again
    page.keyboard.press("Shift+Tab")  # from 'Nee' back to 'Ja, wis alles'
    assert page.evaluate("document.activeElement.textContent") == "Ja, wis alles"
    page.keyboard.press("Enter")
    assert page.text_content("#status-wis").startswith("Alles is gewist.")
    assert page.input_value("input[name='gemeente']") == "" and page.input_value("input[name='kansarmoede']") == ""
    assert page.evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')") is None
    page.reload()
    page.wait_for_selector(READY)
    assert page.input_value("input[name='gemeente']") == ""


def test_printing_gives_a_clean_list_of_what_was_typed(page):
    leave(page, "gemeente", "Fabeldorp")
    leave(page, "kansarmoede", "14,2")
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    try:
        assert page.is_visible(".invullen-afdruk") and page.is_hidden("#invullen")
        rows = page.eval_on_selector_all(".invullen-afdruk dt, .invullen-afdruk dd",
                                         "els => els.map(e => e.textContent)")
        assert rows == ["Naam van je gemeente", "Fabeldorp",
                        "Kinderen geboren in kansarmoede in je gemeente (%)", "14,2%"]
        headings = page.eval_on_selector_all(".invullen-afdruk h3", "els => els.map(e => e.textContent)")
        assert headings == ["Voor elke module", "Module 1: Omgevingsanalyse"]
    finally:
        page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
        page.emulate_media(media="screen")
    assert page.query_selector(".invullen-afdruk") is None and page.is_visible("#invullen")


def test_without_the_engine_a_download_says_it_is_not_available(browser, server):
    context = browser.new_context()
    context.route("**/javascripts/fill.js", lambda route: route.fulfill(status=404, body=""))
    page = context.new_page()
    page.goto(server + PAGE)
    page.wait_for_selector(READY)
    page.click("[data-download='omgevingsanalyse']")
    page.wait_for_function("() => document.querySelector('#status-omgevingsanalyse').textContent.includes('kan niet')")
    assert page.text_content("#status-omgevingsanalyse").startswith(
        "Downloaden met je gegevens erin kan niet in deze versie van de gids.")
    context.close()


def test_without_javascript_no_dead_buttons_and_a_link_to_each_module(browser, server, package):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + PAGE)
    assert page.is_hidden("[data-download='omgevingsanalyse']") and page.is_hidden("[data-wis]")
    page.click(".invullen-zonder-js a >> nth=0")
    page.wait_for_url(f"**/modules/{package.modules[0].slug}/")
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_with_a_message_and_the_question_open(browser, server, axe_source, scheme):
    # bypass_csp only here: the site's Content-Security-Policy rightly refuses an injected script.
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    page.goto(server + PAGE, wait_until="networkidle")
    page.wait_for_selector(READY)
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
    leave(page, "kansarmoede", "veel")
    page.click("[data-download='omgevingsanalyse']")
    page.click("[data-wis]")
    wait_until_still(page)
    page.add_script_tag(content=axe_source)
    assert page.evaluate(RUN_AXE, WCAG_AA) == []
    page.evaluate("() => localStorage.clear()")
    context.close()


def test_the_form_works_from_the_offline_zip(browser, site, tmp_path):
    with zipfile.ZipFile(site / "downloads" / ZIP_NAME) as archive:
        archive.extractall(tmp_path)
    usb = tmp_path / FOLDER
    context = browser.new_context()
    context.add_init_script(ENGINE)
    page = context.new_page()
    log = {"errors": [], "outside": []}
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("console", lambda m: m.type == "error" and log["errors"].append(m.text))
    page.on("request", lambda r: not r.url.startswith(("file:", "blob:", "data:", "about:"))
            and log["outside"].append(r.url))
    page.goto((usb / "index.html").as_uri())
    page.click("article a[href='invullen/index.html'] >> nth=0")
    page.wait_for_url((usb / "invullen" / "index.html").as_uri())
    page.wait_for_selector(READY)
    page.evaluate("() => localStorage.clear()")
    leave(page, "gemeente", "Fabeldorp")
    leave(page, "kansarmoede", "9,8")
    page.reload()
    page.wait_for_selector(READY)
    assert page.input_value("input[name='kansarmoede']") == "9,8"  # localStorage works from file://
    with page.expect_download() as download:
        page.click("[data-download='omgevingsanalyse']")
    assert download.value.suggested_filename == "module-1-omgevingsanalyse-ingevuld.pptx"
    assert page.evaluate("window.fillCalls[0].values") == {"gemeente": "Fabeldorp", "kansarmoede": "9.8"}
    page.click(".invullen-al-gevraagd a >> nth=0")  # in-page links work from disk too
    page.evaluate("() => localStorage.clear()")
    context.close()
    assert log == {"errors": [], "outside": []}
