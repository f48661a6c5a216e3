"""The chairs' tools in headless Chromium: planner, printed agenda, self-check, glossary terms,
preparation checklist; each also without JavaScript where the page must stay complete."""

from __future__ import annotations

import pytest
from helpers import ROOT
from page_waits import wait_for_rendering

from childcare_guide.content.selfcheck import load_selfcheck

pytestmark = pytest.mark.browser

MODULE = "/modules/omgevingsanalyse/"


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: m.type == "error" and errors.append(m.text))
    yield tab
    context.close()
    assert errors == []


@pytest.fixture(scope="module")
def no_js(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def fresh(page, url: str) -> None:
    """Open url with nothing kept from an earlier test (the planner and self-check use localStorage)."""
    page.goto(url)
    page.evaluate("() => localStorage.clear()")
    page.reload()


def outline(page) -> list[list[str]]:
    """The cells of the outline table (the first table after the planner)."""
    return page.eval_on_selector(
        ".sessieplanner ~ * table, .sessieplanner + table",
        "t => [...t.rows].map(r => [...r.cells].map(c => c.textContent.trim()))")


def plan(page, start: str, after: str, minutes: str) -> None:
    page.fill(".sessieplanner input[name=begin]", start)
    page.select_option(".sessieplanner select[name=pauze-na]", after)
    page.fill(".sessieplanner input[name=pauze-minuten]", minutes)


def test_planner_shows_clock_times_with_a_break(page, server, package):
    module = package.module("omgevingsanalyse")
    fresh(page, server + MODULE)
    assert page.is_hidden(".sessieplanner__klok")  # no start time yet: no clock column
    plan(page, "19:30", "3", "15")
    rows = outline(page)
    assert rows[0][:3] == ["Tijd", "Klokuur", "Stap"]
    clocks = [row[1] for row in rows[1:]]
    assert clocks[:3] == ["19:30–19:40", "19:40–19:55", "19:55–20:07"]
    assert rows[4][1:4] == ["20:07–20:22", "Pauze", "15"]
    assert clocks[4] == "20:22–20:40"
    assert clocks[-2] == "21:01–21:05"  # the last step ends 80 + 15 minutes after 19:30
    assert clocks[-1] == "19:30–21:05"  # the total row
    assert rows[-1][3] == str(module.minutes + 15)  # its minutes follow the real schedule too
    assert [row[0] for row in rows[1:4]] == ["0:00–0:10", "0:10–0:25", "0:25–0:37"]
    assert len(rows) == 1 + len(module.steps) + 1 + 1
    assert page.text_content(".sessieplanner__status") == "Het overleg loopt van 19:30 tot 21:05."


def test_planner_without_a_break_and_changing_the_start(page, server):
    fresh(page, server + MODULE)
    plan(page, "09:00", "0", "15")
    rows = outline(page)
    assert "Pauze" not in [row[2] for row in rows]
    assert rows[1][1] == "09:00–09:10" and rows[-1][1] == "09:00–10:20"
    plan(page, "13:45", "0", "15")
    assert outline(page)[-1][1] == "13:45–15:05"


def test_printed_agenda_has_title_date_clock_times_and_steps_only(page, server, package):
    module = package.module("omgevingsanalyse")
    fresh(page, server + MODULE)
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.click(".sessieplanner button")  # no start time yet: asks for it, prints nothing
    assert not page.evaluate("window.printed === true")
    assert "beginuur" in page.text_content(".sessieplanner__status")
    page.fill(".sessieplanner input[name=datum]", "2026-03-17")
    plan(page, "19:30", "3", "15")
    page.click(".sessieplanner button")
    assert page.evaluate("window.printed === true")
    page.emulate_media(media="print")
    try:
        assert page.is_visible(".sessieplanner-agenda")
        assert page.is_hidden(".md-container") and page.is_hidden(".md-header")
        agenda = page.text_content(".sessieplanner-agenda")
        assert "Module 1: Omgevingsanalyse" in agenda
        assert "dinsdag 17 maart 2026" in agenda
        rows = page.eval_on_selector_all(".sessieplanner-agenda tbody tr",
                                         "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
        assert rows[0] == ["19:30–19:40", f"1. {module.steps[0].title}"]
        assert rows[3] == ["20:07–20:22", "Pauze"]
        assert len(rows) == len(module.steps) + 1
    finally:
        page.emulate_media(media="screen")
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.is_visible(".md-container")


def test_without_javascript_the_relative_times_stay(no_js, server):
    no_js.goto(server + MODULE)
    assert no_js.query_selector(".sessieplanner form") is None
    head = no_js.eval_on_selector("#overzicht-van-het-verloop ~ table",
                                  "t => [...t.rows[0].cells].map(c => c.textContent.trim())")
    assert head == ["Tijd", "Stap", "Minuten", "Werkvorm", "Materiaal"]
    assert no_js.is_visible("td:has-text('0:00–0:10')")


@pytest.mark.parametrize("level, modules", [
    ("nog-niet", ["omgevingsanalyse", "sociale-functie"]),
    ("beleid", ["omgevingsanalyse", "toegankelijkheid", "samenwerken-met-toeleiders"]),
])
def test_selfcheck_recommends_a_route_that_starts_with_module_1(page, server, level, modules):
    fresh(page, server + "/waar-staan-we/")
    assert "altijd met" in page.text_content(".zelftest-resultaat")
    page.check(f"#zelftest-niveau-{level}")
    links = page.eval_on_selector_all(".zelftest-jullie-route a", "as => as.map(a => a.href)")
    assert [href.rstrip("/").rsplit("/", 1)[-1] for href in links] == modules
    page.click(".zelftest-jullie-route a >> nth=0")
    page.wait_for_url("**/modules/omgevingsanalyse/")


def test_selfcheck_advises_on_who_is_missing_and_on_help(page, server, package):
    check = load_selfcheck(ROOT, package)
    table = next(q for q in check.questions if q.kind == "aanvinken")
    fresh(page, server + "/waar-staan-we/")
    page.check("#zelftest-aan-tafel-ouders")
    result = page.text_content(".zelftest-resultaat")
    assert table.choices[0].advice not in result  # parents are there
    for choice in table.choices[1:]:
        assert choice.advice in result
    for choice in table.choices[1:]:
        page.check(f"#zelftest-aan-tafel-{choice.id}")
    assert table.all_ticked in page.text_content(".zelftest-resultaat")
    page.check("#zelftest-hulp-hulp-nodig")
    assert "vormingsorganisatie" in page.text_content(".zelftest-resultaat")


def test_selfcheck_without_javascript_shows_every_level_and_route(no_js, server, package):
    check = load_selfcheck(ROOT, package)
    no_js.goto(server + "/waar-staan-we/")
    text = no_js.text_content("article")
    for question in check.questions:
        for choice in question.choices:
            assert choice.advice in text
    routes = no_js.query_selector_all(".zelftest-route")
    assert len(routes) == 4
    for route in routes:
        assert route.query_selector("a").get_attribute("href") == "../modules/omgevingsanalyse/"


def test_a_term_on_a_module_page_shows_its_explanation(page, server, package):
    from childcare_guide.content.glossary import load_glossary

    explanation = load_glossary(ROOT).explanations()["LOK"]
    page.goto(server + MODULE)
    term = page.locator("article p abbr", has_text="LOK").first
    assert term.get_attribute("title") == explanation
    term.hover()
    page.wait_for_selector(".md-tooltip2--active")
    assert explanation in page.text_content(".md-tooltip2--active")
    page.mouse.move(0, 0)
    # keyboard: the first mention of a term is focusable and shows the same explanation
    assert term.evaluate("e => e.tabIndex") == 0
    page.goto(server + MODULE)
    page.locator("article p abbr", has_text="LOK").first.focus()
    page.wait_for_selector(".md-tooltip2--active")
    assert explanation in page.text_content(".md-tooltip2--active")
    # readable: at least 14 px and normal weight (Material's own is 10 px bold)
    size, weight = page.eval_on_selector(
        ".md-tooltip2--active .md-tooltip2__inner",
        "e => [parseFloat(getComputedStyle(e).fontSize), getComputedStyle(e).fontWeight]")
    assert size >= 14 and weight == "400", (size, weight)


def test_terms_leave_headings_links_and_code_intact(page, server):
    page.goto(server + "/begrippen/")
    assert page.query_selector_all("article h1 abbr, article h2 abbr, article h3 abbr") == []
    assert page.is_visible("h2#begrip-lok")
    page.goto(server + "/modules/sociale-functie/")
    assert page.query_selector_all("article h1 abbr, article h2 abbr, article code abbr") == []
    assert page.text_content("article h1").startswith("Module 2: Wat is de sociale functie")


def test_glossary_page_lists_every_term(page, server):
    from childcare_guide.content.glossary import load_glossary

    glossary = load_glossary(ROOT)
    page.goto(server + "/begrippen/")
    headings = page.eval_on_selector_all("article h2", "hs => hs.map(h => h.textContent.replace('¶', '').trim())")
    assert headings == [t.term for t in glossary.terms]
    page.goto(server + "/")
    assert page.is_visible("nav.md-nav--primary a[href='begrippen/']")


def test_checklist_on_the_module_page_and_printable_on_its_own(page, server):
    page.goto(server + MODULE)
    boxes = page.query_selector_all("#voorbereiding ~ ul.task-list input[type=checkbox]")
    assert len(boxes) >= 20
    page.click("a[href='voorbereiding/']")
    page.wait_for_url("**/modules/omgevingsanalyse/voorbereiding/")
    items = page.query_selector_all("article li.task-list-item")
    assert len(items) == len(boxes)
    page.focus("article li.task-list-item input >> nth=0")  # tick off on screen, by keyboard
    page.keyboard.press("Space")
    assert page.is_checked("article li.task-list-item input >> nth=0")
    page.emulate_media(media="print")
    try:
        assert page.is_hidden(".md-sidebar--primary") and page.is_hidden(".md-header")
        assert page.is_visible("article li.task-list-item >> nth=0")
    finally:
        page.emulate_media(media="screen")


def test_no_extra_pause_is_offered_next_to_a_built_in_pause(page, server, package):
    module = package.module("toegankelijkheid")
    pause = next(n for n, step in enumerate(module.steps, start=1) if step.method == "Pauze")
    fresh(page, server + "/modules/toegankelijkheid/")
    offered = page.eval_on_selector_all(".sessieplanner select[name=pauze-na] option", "os => os.map(o => o.value)")
    assert str(pause - 1) not in offered and str(pause) not in offered
    assert offered[0] == "0" and "1" in offered and str(len(module.steps)) not in offered
    plan(page, "19:30", "2", "15")
    rows = outline(page)
    assert rows[-1][3] == str(module.minutes + 15)
    assert rows[-1][1].endswith(page.text_content(".sessieplanner__status").split(" tot ")[1].rstrip("."))


def test_planner_keeps_its_choices_until_wis(page, server):
    fresh(page, server + MODULE)
    page.fill(".sessieplanner input[name=datum]", "2027-01-14")
    plan(page, "19:30", "3", "20")
    page.reload()
    assert page.input_value(".sessieplanner input[name=datum]") == "2027-01-14"
    assert page.input_value(".sessieplanner input[name=begin]") == "19:30"
    assert page.input_value(".sessieplanner select[name=pauze-na]") == "3"
    assert page.input_value(".sessieplanner input[name=pauze-minuten]") == "20"
    assert outline(page)[-1][1] == "19:30–21:10"  # the outline follows at once
    page.click(".sessieplanner button:has-text('Wis')")
    assert page.input_value(".sessieplanner input[name=begin]") == ""
    assert page.is_hidden(".sessieplanner__klok")
    page.reload()
    assert page.input_value(".sessieplanner input[name=begin]") == ""
    assert page.input_value(".sessieplanner select[name=pauze-na]") == "0"


def test_agenda_downloads_as_a_word_file_with_clock_times(browser, server, package, tmp_path):
    import docx
    from openxml_audit import OpenXmlValidator

    module = package.module("omgevingsanalyse")
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.goto(server + MODULE)
    tab.fill(".sessieplanner input[name=datum]", "2026-03-17")
    plan(tab, "19:30", "3", "15")
    with tab.expect_download() as download:
        tab.click(".sessieplanner button:has-text('.docx')")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    context.close()
    assert path.name == "agenda-module-1-omgevingsanalyse-2026-03-17.docx"
    document = docx.Document(str(path))
    text = [p.text for p in document.paragraphs]
    assert "Module 1: Omgevingsanalyse" in text and "Datum: dinsdag 17 maart 2026" in text
    assert "Uur: 19:30–21:05" in text
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Uur", "Wat"]
    assert rows[1] == ["19:30–19:40", f"1. {module.steps[0].title}"]
    assert rows[4] == ["20:07–20:22", "Pauze"]
    assert len(rows) == 1 + len(module.steps) + 1
    assert [str(e) for e in OpenXmlValidator(max_errors=0).validate(path).errors] == []


def test_selfcheck_keeps_answers_until_wis_and_prints_the_advice(page, server, package):
    check = load_selfcheck(ROOT, package)
    fresh(page, server + "/waar-staan-we/")
    assert page.is_hidden(".zelftest-knoppen")
    page.check("#zelftest-niveau-acties")
    page.check("#zelftest-aan-tafel-ouders")
    page.reload()
    assert page.is_checked("#zelftest-niveau-acties") and page.is_checked("#zelftest-aan-tafel-ouders")
    level = next(c for c in check.questions[0].choices if c.id == "acties")
    assert level.advice in page.text_content(".zelftest-resultaat")
    page.emulate_media(media="print")
    try:
        assert page.is_hidden(".zelftest-form") and page.is_hidden(".zelftest-knoppen")
        answers = page.text_content(".zelftest-antwoorden")
        assert level.text in answers and "Ouders" in answers
        assert page.is_visible(".zelftest-resultaat .zelftest-advies >> nth=0")
        assert page.is_hidden("h2#alle-vragen-en-adviezen")  # only the chosen answers and their advice
    finally:
        page.emulate_media(media="screen")
    page.click(".zelftest-knoppen button:has-text('Wis')")
    assert not page.is_checked("#zelftest-niveau-acties")
    page.reload()
    assert not page.is_checked("#zelftest-niveau-acties") and not page.is_checked("#zelftest-aan-tafel-ouders")
    assert "altijd met" in page.text_content(".zelftest-resultaat")


def test_selfcheck_advice_speaks_to_the_chair_and_helps_choose_module_3_or_4(no_js, server):
    no_js.goto(server + "/waar-staan-we/")
    text = no_js.text_content("article")
    assert "Als je antwoordt" not in text
    for level in ("acties", "beleid"):
        advice = no_js.text_content(f".zelftest-keuze[data-keuze='{level}']")
        assert "module 3" in advice and "module 4" in advice, advice


PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", [MODULE, "/modules/omgevingsanalyse/gemeentelijke-fiche/",
                                  "/modules/toegankelijkheid/drempelscan/"])
def test_on_a_phone_every_table_column_is_readable_without_scrolling_sideways(phone, server, path):
    fresh(phone, server + path)
    if path == MODULE:
        plan(phone, "19:30", "3", "15")  # with the clock column and a break row too
    wait_for_rendering(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    cells = phone.eval_on_selector_all("article table tbody td", """cs => cs.map(c => {
        const r = c.getBoundingClientRect(), s = getComputedStyle(c, '::before');
        return {label: c.getAttribute('data-label'), before: s.content, shown: r.height > 0,
                left: r.left, right: r.right, empty: !c.textContent.trim(),
                writeIn: c.hasAttribute('data-invullen')}; })""")
    assert cells
    for cell in cells:
        if cell["shown"]:
            assert cell["left"] >= 0 and cell["right"] <= PHONE["width"], cell
            assert cell["label"] and cell["before"] == f'"{cell["label"]}"', cell
        else:
            assert cell["empty"] and not cell["writeIn"], cell  # only empty cells (Totaal row) leave the card
    if "fiche" in path:  # the column the chair fills in is always there, as a box to write in
        ours = [c for c in cells if c["label"] == "Onze gemeente"]
        assert ours and all(c["shown"] and c["writeIn"] for c in ours)


def test_on_a_phone_the_home_page_leads_to_module_1_and_a_module_page_to_its_parts(phone, server):
    phone.goto(server + "/")
    button = phone.locator("article a.md-button", has_text="module 1").first
    box = button.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]
    button.click()
    phone.wait_for_url("**/modules/omgevingsanalyse/")
    nav = phone.locator("nav.delen-nav")
    assert nav.is_visible()
    targets = nav.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    headings = phone.eval_on_selector_all("article h2", "hs => hs.map(h => '#' + h.id)")
    assert targets == headings[:6] and len(targets) == 6
    nav.locator("a", has_text="Werkinstrumenten").click()
    phone.wait_for_function("() => document.querySelector('h2#werkinstrumenten').getBoundingClientRect().top < 200")
    phone.set_viewport_size({"width": 1400, "height": 900})  # the sidebar shows the parts there
    assert nav.is_hidden()
    phone.set_viewport_size(PHONE)
