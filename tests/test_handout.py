"""The participants' one-page handout ('deelnemersblad') of each module: a page and a Word file from
module.yml, with the goals, the agenda, the figures with year and source, and the questions."""

import dataclasses
import io
import re
import subprocess

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from helpers import SUBPROCESS_TIMEOUT, soffice

from childcare_guide.render.handout import handout_body, handout_inputs, handout_page, handout_questions
from childcare_guide.render.pages import module_page
from childcare_guide.render.preparation import checklist_page
from childcare_guide.render.worksheet import render_docx
from childcare_guide.site.outputs import module_files


def test_every_module_has_a_handout_page_and_word_file(package):
    for module in package.modules:
        files = module_files(package, module)
        page = files[f"modules/{module.slug}/deelnemersblad.md"]
        assert f"# Deelnemersblad: Module {module.number}: {module.title}" in page
        assert f"(../../downloads/module-{module.number}-deelnemersblad.docx)" in page
        doc = Document(io.BytesIO(files[f"downloads/module-{module.number}-deelnemersblad.docx"]))
        assert doc.paragraphs[0].text == f"Deelnemersblad: Module {module.number}: {module.title}"
        assert doc.core_properties.category == "Deelnemersblad"
        assert "deelnemersblad bij module" in doc.sections[0].footer.paragraphs[0].text


def test_the_handout_holds_goals_agenda_figures_and_questions(package):
    module = package.module("omgevingsanalyse")
    body = handout_body(module)
    for objective in module.objectives:
        assert f"- {objective}" in body
    for step in module.steps:  # the agenda: clock times and minutes, from the steps
        assert re.search(rf"\| \d:\d\d–\d:\d\d \| {re.escape(step.title)} \({step.minutes} min\) \|", body), step.title
    for figure in module.figures:  # each figure with its Flemish value, year and source
        assert f"| {figure.label} | {figure.flanders_text} | {figure.year}, {figure.source} |" in body
    # the points of the slide marked 'deelnemersblad: true', read from module.yml
    marked = [b for step in module.steps for s in step.slides if s.handout for b in s.bullets]
    assert marked and all("{veld:" not in b for b in marked)
    assert [q for q in handout_questions(module) if q in marked] == marked
    for question in marked:
        assert f"- {question}" in body


def test_statements_questions_and_marked_slides_are_the_questions(package):
    module = package.module("sociale-functie")
    questions = handout_questions(module)
    statements = [s.text for step in module.steps for s in step.slides if s.kind == "stelling"]
    assert [q.removeprefix("Stelling: ") for q in questions[:len(statements)]] == statements
    asked = [" ".join(s.text.split()) for step in module.steps for s in step.slides if s.kind == "vraag"]
    assert asked and questions[-1] == asked[-1]  # the last 'vraag' slide closes the sheet
    # a fill-in field is a blank on the participants' sheet, not a note for the chair
    with_field = next(b for step in module.steps for s in step.slides if s.handout
                      for b in s.bullets if "{veld:" in b)
    before = with_field.split("{veld:")[0]
    assert any(q.startswith(before) and ". . . ." in q for q in questions)
    assert not any("{veld:" in q or "Vul in" in q for q in questions)


def test_the_module_page_and_the_checklist_link_the_handout(package):
    module = package.module("toegankelijkheid")
    assert "- [Deelnemersblad](deelnemersblad.md): doelstellingen, agenda" in module_page(package, module)
    assert "(../../downloads/module-4-deelnemersblad.docx)" in module_page(package, module)
    assert "- [ ] [Deelnemersblad](deelnemersblad.md): één voor elke deelnemer" in checklist_page(package, module)
    assert "deelnemersblad-afdrukken" in handout_page(package, module)  # the compact print style


@pytest.mark.office
def test_every_handout_fits_one_page_in_word(package, tmp_path):
    """Each handout fits one page, with room to spare: also with three more questions of two lines."""
    files = []
    extra = "".join(f"- Een vraag die er later bij komt, nummer {n}, lang genoeg om op twee regels te staan "
                    "zoals een stelling met een bijzin die nog wat uitleg geeft.\n" for n in range(1, 4))
    for module in package.modules:
        inputs = handout_inputs(package, module)
        files.append(tmp_path / f"module-{module.number}.docx")
        files[-1].write_bytes(render_docx(inputs))
        files.append(tmp_path / f"module-{module.number}-ruimer.docx")
        files[-1].write_bytes(render_docx(dataclasses.replace(inputs, body=inputs.body + extra)))
    result = subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'profiel').as_uri()}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, files)],
                            capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT)
    assert result.returncode == 0, result.stderr
    for docx in files:
        info = subprocess.run(["pdfinfo", str(docx.with_suffix(".pdf"))], capture_output=True, text=True,
                              check=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), (docx.name, info)
        text = subprocess.run(["pdftotext", str(docx.with_suffix(".pdf")), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "Vragen voor de groep" in text and "Agenda" in text
    # the text never smaller than 10 pt to get there (the footer is the template's 9 pt, as on a worksheet)
    doc = Document(io.BytesIO(files[0].read_bytes()))
    sizes = {s.name: s.font.size.pt for s in doc.styles if s.type == WD_STYLE_TYPE.PARAGRAPH and s.font.size}
    assert sizes["Title"] >= 10 and all(size >= 10 for name, size in sizes.items() if name != "Footer"), sizes


@pytest.mark.browser
def test_every_handout_page_prints_on_one_sheet(package, browser, server, tmp_path, pdf_tools):
    context = browser.new_context()
    page = context.new_page()
    for module in package.modules:
        page.goto(f"{server}/modules/{module.slug}/deelnemersblad/", wait_until="networkidle")
        pdf = tmp_path / f"{module.slug}.pdf"
        page.pdf(path=str(pdf), prefer_css_page_size=True)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), (module.slug, info)
        assert "Vragen voor de groep" in text and "Download" not in text
    context.close()
