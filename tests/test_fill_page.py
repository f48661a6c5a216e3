"""The page 'Vul je gegevens in' (/invullen/) as the build makes it from content/: one input per
id of the content, shared fields once, the Flemish value beside each figure, links to it.
The behaviour in Chromium is in test_fill_page_browser.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from childcare_guide.render.fill_page import START_ID, YEAR_ID, fill_page, form_groups, input_ids
from childcare_guide.render.preparation import checklist, checklist_page


class Inputs(HTMLParser):
    """Every input, fieldset legend and element id of the page."""

    def __init__(self):
        super().__init__()
        self.inputs: list[dict[str, str]] = []
        self.ids: set[str] = set()
        self.legends: list[str] = []
        self._legend = False

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "input":
            self.inputs.append(attrs)
        self._legend = tag == "legend"

    def handle_data(self, data):
        if self._legend:
            self.legends.append(data)
            self._legend = False


def content_ids(package) -> list[str]:
    """Every id a chair fills in, read from the content model: title fields, module fields, figures."""
    ids = [f.id for f in package.title_fields]
    for module in package.modules:
        ids += [f.id for f in module.fields] + [f.id for f in module.figures]
    return ids


@pytest.fixture(scope="module")
def parsed(package) -> Inputs:
    parser = Inputs()
    parser.feed(fill_page(package))
    return parser


def test_one_input_for_every_id_in_the_content_and_each_only_once(package, parsed):
    names = [i["name"] for i in parsed.inputs]
    assert len(names) == len(set(names)), names
    assert set(names) == set(content_ids(package)) | {YEAR_ID, START_ID}
    assert names == input_ids(package)
    assert not any(name.startswith("cijfer-") for name in names)  # a figure by its own id


def test_shared_fields_come_first_once_then_each_module_in_order(package, parsed):
    groups = form_groups(package)
    assert [i.id for i in groups[0].inputs] == [f.id for f in package.title_fields] + [START_ID, YEAR_ID]
    assert [g.module for g in groups[1:]] == list(package.modules)
    assert parsed.legends == [g.legend for g in groups]
    assert parsed.legends[1] == "Gegevens voor module 1: Omgevingsanalyse"
    for group in groups[1:]:  # a module uses every field it declares: asked here or before
        module = group.module
        own = [i.id for i in group.inputs] + [i.id for i, _ in group.asked_before]
        assert sorted(own) == sorted([f.id for f in module.fields] + [f.id for f in module.figures])


def test_a_figure_shared_by_modules_is_asked_once_and_pointed_to_later(package):
    groups = form_groups(package)
    using = [g for g in groups[1:] if "kansarmoede" in [f.id for f in g.module.figures]]
    assert len(using) > 1
    assert "kansarmoede" in [i.id for i in using[0].inputs]
    for group in using[1:]:
        assert [(i.id, where) for i, where in group.asked_before if i.id == "kansarmoede"] == \
            [("kansarmoede", using[0].heading)]
    page = fill_page(package)
    assert page.count('name="kansarmoede"') == 1
    assert page.count('href="#veld-kansarmoede"') == len(using) - 1


def test_each_input_has_a_label_and_its_where_text_as_description(package, parsed):
    page = fill_page(package)
    for item in parsed.inputs:
        assert f'<label for="{item["id"]}">' in page, item
        described = item["aria-describedby"].split()
        assert f"waar-{item['name']}" in described
        assert all(d in parsed.ids for d in described), item
        assert f"fout-{item['name']}" in parsed.ids  # the place of a message, linked when it shows
    where = package.modules[0].fields[0].where
    assert f"Waar vind je het? {where}" in page


def test_figures_take_a_comma_or_a_dot_and_show_the_flemish_value(package, parsed):
    figures = {f.id: f for m in package.modules for f in m.figures}
    page = fill_page(package)
    for item in parsed.inputs:
        if item["name"] in figures:
            figure = figures[item["name"]]
            assert item["type"] == "text" and item["inputmode"] == "decimal", item
            assert item["data-soort"] == "getal" and item["data-eenheid"] == figure.unit
            assert f"vlaanderen-{figure.id}" in item["aria-describedby"].split()
            assert f"Vlaanderen: {figure.flanders_text} ({figure.year}). Bron: {figure.source}." in page
    assert figures["kansarmoede"].flanders_text == "12,1%"
    rule = re.search(r'data-getal="([^"]*)"', page).group(1)
    assert all(re.fullmatch(rule, v) for v in ("12,3", "12.3", "7"))
    assert not any(re.fullmatch(rule, v) for v in ("12,3%", "twaalf", "1.234,5", ""))


def test_download_buttons_for_every_deck_and_each_filled_worksheet(package):
    page = fill_page(package)
    targets = dict(re.findall(r'data-download="([^"]*)" data-bestand="([^"]*)"', page))
    decks = [m.slug for m in package.modules]
    # a worksheet with a place for a value ({veld:id}, [[cijfertabel]], [[invulvelden]]) is offered
    sheets = [f"{m.slug}/{s.id}" for m in package.modules for s in m.worksheets if s.fields]
    assert sorted(targets) == sorted(decks + sheets)
    assert "omgevingsanalyse/gemeentelijke-fiche" in targets
    assert not any(s.fields for s in package.module("omgevingsanalyse").worksheets
                   if s.id == "keuzeblad-volgende-module")  # nothing to fill in: no button
    # the downloaded file is named as the blank one, with '-ingevuld'
    assert targets["omgevingsanalyse"] == "module-1-omgevingsanalyse-ingevuld.pptx"
    assert targets["omgevingsanalyse/gemeentelijke-fiche"] == "module-1-gemeentelijke-fiche-ingevuld.docx"


def test_without_javascript_the_page_points_to_the_module_pages(package):
    page = fill_page(package)
    assert all(" hidden " in b for b in re.findall(r"<button[^>]*data-download[^>]*>", page))
    for module in package.modules:
        assert f'<a href="../modules/{module.slug}/">pagina van module {module.number}</a>' in page


def test_every_checklist_links_to_the_fill_page(package):
    for module in package.modules:
        assert "[Vul je gegevens in](../../invullen.md)" in checklist(package, module, level=2)
        assert "[Vul je gegevens in](../../invullen.md)" in checklist_page(package, module)


def test_the_built_page_is_in_the_site_with_its_script_and_linked_from_home(site):
    page = (site / "invullen" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="vul-je-gegevens-in">Vul je gegevens in' in page
    assert re.search(r'<script src="\.\./javascripts/invullen\.js" defer>', page)
    assert (site / "javascripts" / "invullen.js").is_file()
    assert 'href="invullen/"' in (site / "index.html").read_text(encoding="utf-8")
    module = (site / "modules" / "omgevingsanalyse" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../invullen/"' in module
    assert "invullen.js" not in module  # the form's script only where the form is
