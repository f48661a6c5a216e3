"""Decks: save to bytes, reopen, and check what a chair gets."""

import io
import re
import shutil

import pytest
from helpers import runs
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

from childcare_guide.content import fit
from childcare_guide.content.markdown_text import to_plain_text
from childcare_guide.render.deck import FILL_IN_PREFIX, TEMPLATE, TemplateError, build_deck, plan_deck

P = "http://schemas.openxmlformats.org/presentationml/2006/main"


@pytest.fixture(scope="module")
def decks(package):
    return {m.slug: Presentation(io.BytesIO(build_deck(package, m))) for m in package.modules}


def titles(prs):
    return [s.shapes.title.text for s in prs.slides]


def notes(slide):
    return slide.notes_slide.notes_text_frame.text


def field_runs(slide):
    return [r for r in runs(slide) if r.text.startswith("[Vul in")]


def empty_chart_values(slide):
    """Categories of a chart on the slide whose municipal value is still empty."""
    empty = []
    for shape in slide.shapes:
        if getattr(shape, "has_chart", False) and shape.has_chart:
            plot = shape.chart.plots[0]
            municipal = plot.series[1]
            empty += [c for c, v in zip(plot.categories, municipal.values, strict=True) if v is None]
    return empty


def test_widescreen_and_a_title_on_every_slide(decks):
    for prs in decks.values():
        assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))
        assert all(t.strip() for t in titles(prs))


def test_slide_titles_are_unique(decks):
    for prs in decks.values():
        assert len(set(titles(prs))) == len(titles(prs))


def test_deck_follows_the_module(package, decks):
    module = package.module("omgevingsanalyse")
    prs = decks["omgevingsanalyse"]
    expected = [f"Module 1: {module.title}", "Voorbereiding: in te vullen", "Doelstellingen", "Agenda"]
    for step in module.steps:
        expected += [s.title for s in step.slides] or [step.title]
    assert titles(prs) == expected  # no generic closing slide: the module's last step closes


def test_title_slide_puts_the_fill_in_fields_in_sentences_for_the_room(package, decks):
    slide = decks["omgevingsanalyse"].slides[0]
    lines = [p.text for p in slide.placeholders[1].text_frame.paragraphs]
    assert lines[0].startswith(f"{package.title} · {package.edition_text}")  # the edition stays
    assert lines[1:] == ["Lokaal Overleg Kinderopvang [Vul in: naam van de gemeente]",
                         "Op [Vul in: datum], met [Vul in: naam van de voorzitter]"]
    # each field is still its own run, and no field's label for the chair is shown as a line
    assert len(field_runs(slide)) == len(package.title_fields) == 3
    assert not any(line.startswith(FILL_IN_PREFIX) for line in lines)


def test_fill_in_field_is_one_highlighted_run(decks):
    slide = decks["omgevingsanalyse"].slides[0]
    run = field_runs(slide)[0]
    assert run.font.bold
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    highlighted = [r.findtext(f"{a}t") for shape in slide.shapes for r in shape._element.iter(f"{a}r")
                   if r.find(f"{a}rPr/{a}highlight") is not None]
    assert highlighted == [r.text for r in field_runs(slide)]


def test_objectives_and_agenda_come_from_the_content(package, decks):
    module = package.module("sociale-functie")
    prs = decks["sociale-functie"]
    objectives = next(s for s in prs.slides if s.shapes.title.text == "Doelstellingen")
    body = "\n".join(sh.text_frame.text for sh in objectives.placeholders if sh.placeholder_format.idx == 1)
    for objective in module.objectives:
        assert objective in body
    agenda = next(s for s in prs.slides if s.shapes.title.text == "Agenda")
    table = next(sh.table for sh in agenda.shapes if sh.has_table)
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[1:-1] == [[str(n), s.title, f"{s.minutes} min"] for n, s in enumerate(module.steps, start=1)]
    assert rows[-1][1:] == ["Samen", module.duration_text]
    shown = "\n".join(c for row in rows for c in row)
    assert not re.search(r"\d:\d\d", shown), "the agenda is clock-free; the clock is in the notes"
    assert "0:00–" in notes(agenda)


def test_first_slide_of_each_step_holds_its_facilitation(package, decks):
    for module in package.modules:
        prs = decks[module.slug]
        by_title = {s.shapes.title.text: s for s in prs.slides}
        for number, step in enumerate(module.steps, start=1):
            first = step.slides[0].title if step.slides else step.title
            text = notes(by_title[first])
            assert text.startswith(f"Stap {number}: {step.title} · {step.minutes} minuten")
            assert to_plain_text(step.facilitation)[:200] in text


def test_figures_are_a_native_table_with_empty_municipal_fields(package, decks):
    module = package.module("omgevingsanalyse")
    prs = decks["omgevingsanalyse"]
    slide = next(s for s in prs.slides if any(sh.has_table for sh in s.shapes)
                 and s.shapes.title.text not in ("Agenda", "Voorbereiding: in te vullen"))
    table = next(sh.table for sh in slide.shapes if sh.has_table)
    assert [c.text for c in table.rows[0].cells] == ["Cijfer", "Vlaanderen", "Onze gemeente"]
    labels = [row.cells[0].text for row in list(table.rows)[1:]]
    assert set(labels) <= {f.label for f in module.figures}
    assert all(row.cells[2].text == "[Vul in]" for row in list(table.rows)[1:])


def test_checklist_slide_is_hidden_and_lists_every_field(package, decks):
    module = package.module("omgevingsanalyse")
    prs = decks["omgevingsanalyse"]
    checklist = prs.slides[1]
    assert checklist._element.get("show") == "0"
    table = next(sh.table for sh in checklist.shapes if sh.has_table)
    listed = [row.cells[0].text for row in list(table.rows)[1:]]
    expected = {f.label for f in package.title_fields}
    for step in module.steps:
        for content in step.slides:
            expected |= {f.label for f in content.fields}
            expected |= {f"{fig.label} ({fig.unit})" for fig in content.figures}
    assert set(listed) == expected
    for row in list(table.rows)[1:]:
        for number in row.cells[1].text.split(", "):
            slide = prs.slides[int(number) - 1]
            assert field_runs(slide) or empty_chart_values(slide), \
                f"dia {number} heeft geen invulveld voor '{row.cells[0].text}'"
    assert all(f.where in notes(checklist) for f in package.title_fields)


def test_version_is_in_the_notes_and_properties_never_on_a_shown_slide(package, decks):
    for prs in decks.values():
        assert "Afspraken en volgende stappen" not in titles(prs)
        assert f"versie {package.version}" in notes(prs.slides[0])
        assert "editie december 2026" in notes(prs.slides[0])  # the edition chairs recognise
        assert "editie december 2026" in prs.slides[0].placeholders[1].text_frame.text  # shown too
        assert prs.core_properties.version == package.version
        for slide in prs.slides:
            if slide._element.get("show") == "0":
                continue
            shown = "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
            assert "versie" not in shown.lower() and package.version not in shown, slide.shapes.title.text


def test_no_label_colon_field_on_a_shown_slide(decks):
    """A field sits in a sentence for the room, never as 'Label: [Vul in]'."""
    for prs in decks.values():
        for slide in prs.slides:
            if slide._element.get("show") == "0":
                continue
            for shape in slide.shapes:
                if not shape.has_text_frame:
                    continue
                for paragraph in shape.text_frame.paragraphs:
                    assert not re.search(r":\s*\[Vul in", paragraph.text), (slide.shapes.title.text,
                                                                            paragraph.text)


def test_a_field_sits_inside_its_sentence(package, decks):
    slide = next(s for s in decks["omgevingsanalyse"].slides
                 if s.shapes.title.text == "Waarom we vandaag samenkomen")
    paragraph = next(p for p in slide.placeholders[1].text_frame.paragraphs if "[Vul in" in p.text)
    assert paragraph.text == "Vandaag maken we samen een beeld van de kinderopvang in [Vul in: naam van je gemeente]."
    assert [r.text for r in paragraph.runs][1] == "[Vul in: naam van je gemeente]"


def test_core_properties(package, decks):
    props = decks["omgevingsanalyse"].core_properties
    assert props.title == "Module 1: Omgevingsanalyse"
    assert props.language == "nl-BE"
    assert props.version == package.version


def test_same_content_gives_the_same_bytes(package):
    module = package.module("samenwerken-met-toeleiders")
    assert build_deck(package, module) == build_deck(package, module)


def test_missing_layout_gives_a_dutch_error(package, tmp_path):
    broken = tmp_path / "sjabloon.pptx"
    shutil.copy(TEMPLATE, broken)
    prs = Presentation(str(broken))
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Stelling")
    layout._element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}cSld").set("name", "Slot")
    prs.save(str(broken))
    with pytest.raises(TemplateError) as error:
        build_deck(package, package.modules[0], template=broken)
    assert "mist de dia-indeling 'Stelling'" in str(error.value)
    assert "Slot" in str(error.value)


def test_text_on_shown_slides_is_at_least_18_pt(decks):
    """Explicit sizes on shown slides, and the template's body levels, are readable (≥ 18 pt)."""
    from pptx.util import Pt

    for slug, prs in decks.items():
        for number, slide in enumerate(prs.slides, start=1):
            if slide._element.get("show") == "0":
                continue
            for element in slide._element.iter():
                if not isinstance(element.tag, str) or element.tag.split("}")[-1] not in (
                        "rPr", "defRPr", "endParaRPr"):
                    continue
                size = element.get("sz")
                assert size is None or int(size) >= 1800, f"{slug}, dia {number}: {int(size) / 100} pt"
        master = prs.slide_master._element
        sizes = [int(e.get("sz")) for e in master.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/main}defRPr") if e.get("sz")
            and e.getparent().getparent().tag.endswith("bodyStyle")]
        assert sizes and min(sizes) >= Pt(18).pt * 100


def test_field_places_match_the_checklist_slide(package):
    from childcare_guide.render.deck import field_places
    module = package.module("omgevingsanalyse")
    places = field_places(package, module)
    deck = Presentation(io.BytesIO(build_deck(package, module)))
    checklist = deck.slides[1].shapes
    table = next(s for s in checklist if s.has_table).table
    rows = [(r.cells[0].text, r.cells[1].text) for r in list(table.rows)[1:]]
    assert rows == [(p.field.label, ", ".join(str(n) for n, _ in p.slides)) for p in places]
    for place in places:
        for number, title in place.slides:
            assert deck.slides[number - 1].shapes.title.text == title


def test_the_deck_is_written_from_its_plan(package, decks):
    from childcare_guide.render.deck import plan_deck

    for module in package.modules:
        plan = plan_deck(package, module)
        prs = decks[module.slug]
        assert [(s.title, s.hidden, s.notes) for s in plan.slides] == [
            (slide.shapes.title.text, slide._element.get("show") == "0", notes(slide)) for slide in prs.slides]


def test_the_plan_and_the_checklist_page_need_no_python_pptx():
    """Field places come from the plan: the module page's checklist does not load python-pptx."""
    import subprocess
    import sys

    code = ("import sys; import childcare_guide.render.preparation; "
            "from childcare_guide.render.deck import field_places, plan_deck; "
            "assert not [m for m in sys.modules if m == 'pptx' or m.startswith('pptx.')], 'pptx geladen'")
    subprocess.run([sys.executable, "-c", code], check=True)


def _slide(prs, title):
    return next(s for s in prs.slides if s.shapes.title.text == title)


def test_a_statement_is_large_with_a_legend_in_colour_and_words(package, decks):
    module = package.module("samenwerken-met-toeleiders")
    statement = next(s for step in module.steps for s in step.slides if s.kind == "stelling")
    slide = _slide(decks[module.slug], statement.title)
    assert slide.slide_layout.name == "Stelling"
    body = slide.placeholders[1]
    assert body.text_frame.text == statement.text
    assert all(r.font.size is not None and r.font.size.pt >= 32
               for p in body.text_frame.paragraphs for r in p.runs)
    legend = [sh for sh in slide.slide_layout.shapes if sh.name.startswith("Legende")]
    assert [sh.text_frame.text for sh in legend] == ["Akkoord", "Twijfel", "Niet akkoord"]
    colours = {str(sh.fill.fore_color.rgb) for sh in legend}
    assert len(colours) == 3, "each answer has its own colour, besides its word"


def test_one_big_question(package, decks):
    module = package.module("sociale-functie")
    question = next(s for step in module.steps for s in step.slides if s.kind == "vraag")
    slide = _slide(decks[module.slug], question.title)
    assert slide.slide_layout.name == "Vraag"
    runs = [r for p in slide.placeholders[1].text_frame.paragraphs for r in p.runs]
    assert "".join(r.text for r in runs) == question.text
    assert all(r.font.size.pt >= 36 for r in runs)


def test_the_family_journey_is_a_route_of_native_shapes(package, decks):
    module = package.module("toegankelijkheid")
    route = next(s for step in module.steps for s in step.slides if s.kind == "route")
    slide = _slide(decks[module.slug], route.title)
    assert slide.slide_layout.name == "Route"
    group = next(sh for sh in slide.shapes if sh.name == "Route")
    circles = [sh for sh in group.shapes if re.fullmatch(r"Halte \d+", sh.name)]
    assert len(circles) == len(route.stops) == 7
    assert [c.text_frame.text for c in circles] == [str(n) for n in range(1, 8)]
    labels = [sh.text_frame.text for sh in group.shapes if sh.name.endswith(": tekst")]
    assert labels == list(route.stops)
    assert not any(re.match(r"\d", stop) for stop in labels), "the circle numbers the stop, not its text"
    connectors = [sh for sh in group.shapes if sh.shape_type == MSO_SHAPE_TYPE.LINE]
    assert len(connectors) == 1
    descr = group._element.find(f"{{{P}}}nvGrpSpPr/{{{P}}}cNvPr").get("descr")
    assert descr.startswith("Route in 7 haltes: 1. Informatie zoeken;")
    # the route uses the slide: large circles, words of at least 24 pt, from near the title to
    # near the bottom
    assert all(c.width >= Emu(1100000) for c in circles)
    words = [sh for sh in group.shapes if sh.name.endswith(": tekst")]
    assert {r.font.size.pt for sh in words for r in sh.text_frame.paragraphs[0].runs} == {24}
    assert [sh.top < circles[0].top for sh in words] == [n % 2 == 0 for n in range(7)], "above, under, ..."
    top, bottom = min(sh.top for sh in words), max(sh.top + sh.height for sh in words)
    assert bottom - top > 0.65 * decks[module.slug].slide_height


def test_route_words_fit_at_the_largest_size_that_breaks_no_word():
    longest = "Een opvangvraag stellen, inschrijven en wachten op"  # 50 characters, as the schema allows
    assert len(longest) == 50
    assert fit.route_label_size([longest] * 8) == fit.ROUTE_LABEL_SIZES_PT[-1]
    assert fit.route_label_size(["Informatie zoeken"] * 3) == fit.ROUTE_LABEL_SIZES_PT[0]
    # a long compound word is never broken in two: at 4 stops it takes a smaller size, at 8 none fits
    assert fit.route_label_size(["Kinderbegeleiders"] * 4) == fit.ROUTE_LABEL_SIZES_PT[-1]
    assert fit.route_label_size(["Opvangverantwoordelijken"] * 8) is None


A = "http://schemas.openxmlformats.org/drawingml/2006/main"


@pytest.mark.parametrize(("slug", "title", "group_name"), [
    ("toegankelijkheid", "De reis van een gezin naar de opvang", "Route"),
    ("toegankelijkheid", "Agenda", "Tijdbalk"),
    ("omgevingsanalyse", "Agenda", "Tijdbalk"),
])
def test_route_and_bar_sizes_sit_on_the_runs(decks, slug, title, group_name):
    """PowerPoint draws a run with its own a:rPr; a paragraph default (a:pPr/a:defRPr) does not
    reach runs that are already there. So every run of the route and the agenda bar carries its
    size and colour, and the numbers their weight."""
    group = next(sh for sh in _slide(decks[slug], title).shapes if sh.name == group_name)
    runs = list(group._element.iter(f"{{{A}}}r"))
    assert runs
    for run in runs:
        rpr = run.find(f"{{{A}}}rPr")
        assert rpr is not None and int(rpr.get("sz")) >= 1800, etree_text(run)
        assert rpr.find(f"{{{A}}}solidFill") is not None, etree_text(run)
        if run.findtext(f"{{{A}}}t").isdigit():
            assert rpr.get("b") == "1", etree_text(run)
    assert not list(group._element.iter(f"{{{A}}}defRPr")), "no size left on a paragraph default"


def etree_text(element) -> str:
    return "".join(element.itertext())


def test_every_deck_has_two_shown_slides_with_a_native_visual(decks):
    """Besides bullets: a native table (the agenda counts), chart or diagram (a route group)."""
    for slug, prs in decks.items():
        visual = [s.shapes.title.text for s in prs.slides if s._element.get("show") != "0"
                  and any(getattr(sh, "has_table", False) and sh.has_table
                          or getattr(sh, "has_chart", False) and sh.has_chart
                          or sh.shape_type == MSO_SHAPE_TYPE.GROUP for sh in s.shapes)]
        assert len(visual) >= 2, (slug, visual)


def test_a_step_without_slides_gets_a_divider_with_its_minutes(package, decks):
    module = package.module("toegankelijkheid")
    number, step = next((n, s) for n, s in enumerate(module.steps, start=1) if not s.slides)
    slide = _slide(decks[module.slug], step.title)
    assert slide.slide_layout.name == "Sectie"
    assert slide.placeholders[1].text_frame.text == f"Stap {number} · {step.minutes} minuten"


def test_the_agenda_has_a_bar_of_steps_as_wide_as_their_minutes(package, decks):
    module = package.module("samenwerken-met-toeleiders")
    agenda = _slide(decks[module.slug], "Agenda")
    group = next(sh for sh in agenda.shapes if sh.name == "Tijdbalk")
    blocks = list(group.shapes)
    assert [b.text_frame.text for b in blocks] == [str(n) for n in range(1, len(module.steps) + 1)]
    total = sum(b.width for b in blocks)
    for block, step in zip(blocks, module.steps, strict=True):
        assert abs(block.width / total - step.minutes / module.minutes) < 0.01
    assert "stap 1: 8 minuten" in group._element.find(f"{{{P}}}nvGrpSpPr/{{{P}}}cNvPr").get("descr")


# -- short texts read larger ----------------------------------------------------------------------

def test_a_short_text_gets_the_largest_size_and_more_air():
    size = fit.text_size([(["Je naam en je organisatie."] * 3, fit.BODY)], fit.BODY_SIZES_PT)
    assert (size.size_pt, size.space_before) == (fit.BODY_SIZES_PT[0], fit.SPACES_BEFORE[0])


def test_a_text_at_the_validation_limit_keeps_the_template_size():
    full = ["Gezinnen met een laag inkomen gebruiken formele opvang ongeveer half zo vaak als "
            "andere gezinnen, zegt het onderzoek."] * 5
    assert fit.fits(full, fit.BODY) and not fit.fits(full + full[:1], fit.BODY)
    size = fit.text_size([(full, fit.BODY)], fit.BODY_SIZES_PT)
    assert (size.size_pt, size.space_before) == (fit.BODY.size_pt, fit.SPACE_BEFORE)


def test_the_chosen_size_always_fits_and_never_goes_under_the_template(package):
    for module in package.modules:
        for slide in plan_deck(package, module).slides:
            if slide.layout not in ("Tekst", "Twee kolommen"):
                continue
            for text in slide.texts:
                assert text.size_pt is not None and text.size_pt >= 22, (slide.title, text)
            if slide.layout == "Tekst" and slide.title != "Doelstellingen":
                (text,) = slide.texts
                capacity = fit.BODY.at(text.size_pt, text.space_before)
                assert fit.fits([p.text for p in text.paragraphs], capacity), slide.title


def test_a_short_slide_is_written_large_with_air_between_its_bullets(package, decks):
    module = package.module("omgevingsanalyse")
    slide = _slide(decks[module.slug], "Even kennismaken")
    body = slide.placeholders[1].text_frame
    assert {r.font.size.pt for p in body.paragraphs for r in p.runs} == {fit.BODY_SIZES_PT[0]}
    assert {p.space_before.pt for p in body.paragraphs} == {fit.BODY_SIZES_PT[0] * fit.SPACES_BEFORE[0]}
