"""The Markdown pages made from the model."""

import re

from childcare_guide.render.pages import PARTS, module_overview, module_page, modules_index, worksheet_page


def h2s(markdown: str) -> list[str]:
    return re.findall(r"^## (.+)$", markdown, flags=re.M)


def test_every_module_page_has_the_six_parts_in_order(package):
    for module in package.modules:
        assert h2s(module_page(package, module)) == list(PARTS)


def test_outline_table_runs_from_zero_to_the_duration(package):
    module = package.module("omgevingsanalyse")
    page = module_page(package, module)
    first = module.steps[0]
    assert f"| 0:00–0:{first.minutes:02d} | [1. {first.title}](#stap-{first.id})" in page
    assert "–1:20 |" in page
    assert "| | **Totaal** | **80** | | |" in page


def test_every_step_is_worked_out_with_an_anchor(package):
    module = package.module("toegankelijkheid")
    page = module_page(package, module)
    for number, step in enumerate(module.steps, start=1):
        assert f"### Stap {number}: {step.title} ({step.minutes} min) {{ #stap-{step.id} }}" in page


def test_step_headings_sit_below_the_step(package):
    module = package.module("omgevingsanalyse")
    page = module_page(package, module)
    assert "#### Voorbereiden" in page
    assert not re.search(r"^## Voorbereiden", page, flags=re.M)


def test_preparation_lists_every_field_with_where_to_find_it(package):
    module = package.module("omgevingsanalyse")
    page = module_page(package, module)
    for field in module.fields:
        assert f"**{field.label}.** Waar vind je het? {field.where}" in page
    for field in package.title_fields:  # to fill in on the deck's title slide
        assert f"**{field.label}**: dia 1" in page
    for figure in module.figures:
        assert figure.where.split()[0] in page


def test_page_links_the_deck_and_every_worksheet(package):
    module = package.module("omgevingsanalyse")
    page = module_page(package, module)
    assert "](../../downloads/module-1-omgevingsanalyse.pptx)" in page
    for sheet in module.worksheets:
        assert (f"[{sheet.title}]({sheet.id}.md) · "
                f"[Word-bestand (.docx)](../../downloads/module-1-{sheet.id}.docx)") in page


def test_worksheet_page_links_its_word_document_and_shows_the_edition(package):
    module = package.module("toegankelijkheid")
    sheet = module.worksheets[0]
    page = worksheet_page(package, module, sheet)
    assert f"[Download het Word-bestand (.docx)](../../downloads/module-4-{sheet.id}.docx)" in page
    assert f"{package.title}, editie december 2026" in page
    assert f"versie {package.version}" not in page


def test_module_page_shows_edition_and_last_change(package):
    module = package.module("sociale-functie")
    page = module_page(package, module)
    assert ("**Editie van de gids:** december 2026 · **Laatst gewijzigd:** "
            f"{module.last_change.text} · [Wat is er nieuw?](../../wat-is-er-nieuw.md)") in page


def test_editor_text_is_not_run_through_the_template_engine(package):
    module = package.module("omgevingsanalyse")
    assert "render_macros: false" in module_page(package, module)


def test_fact_sheet_gets_the_figure_table_with_an_empty_column(package):
    module = package.module("omgevingsanalyse")
    sheet = next(s for s in module.worksheets if "[[cijfertabel]]" in s.body)
    page = worksheet_page(package, module, sheet)
    assert "[[cijfertabel]]" not in page
    for figure in module.figures:
        assert f"| {figure.label} | {figure.flanders_text} | {figure.year}, " in page
        assert re.search(rf"\| {re.escape(figure.label)} \|.*\| \|$", page, flags=re.M)


def test_overview_comes_from_module_data(package):
    text = module_overview(package, "modules/index.md")
    for module in package.modules:
        assert f"## {module.number}. [{module.title}]({module.slug}/index.md)" in text
        assert module.summary in text
        assert module.when_to_choose in text
        assert f"**Duur:** {module.duration_text}" in text
    assert "(omgevingsanalyse/index.md)" in modules_index(package)


def test_every_step_but_a_pause_shows_its_timeline_as_a_timed_list(package):
    for module in package.modules:
        page = module_page(package, module)
        for step in module.steps:
            if step.method == "Pauze":
                assert step.timeline == ()
                continue
            assert sum(p.minutes for p in step.timeline) == step.minutes
            first, last = step.timeline[0], step.timeline[-1]
            assert f"- 0:00–0:{first.minutes:02d} {first.what}" in page
            assert step.timeline_lines[-1].endswith(last.what)
            assert step.timeline_lines[-1].split(" ")[0].endswith(f"–0:{step.minutes:02d}")


def test_statements_carry_their_background_on_the_page(package):
    module = package.module("sociale-functie")
    page = module_page(package, module)
    statements = [s for step in module.steps for s in step.slides if s.kind == "stelling"]
    assert len(statements) == 4
    for slide in statements:
        assert slide.notes in page
        assert "Waar het om draait" in slide.notes and "Vraag door" in slide.notes


def test_the_speaker_notes_show_the_timeline(package):
    from childcare_guide.render.deck.plan import plan_deck

    module = package.module("toegankelijkheid")
    plan = plan_deck(package, module)
    for step in module.steps:
        for line in step.timeline_lines:
            assert any(f"• {line}" in slide.notes for slide in plan.slides), line
