"""Every file the site generates from content/, each from the content-hash cache.

The MkDocs hook adds these files; after an edit in `mkdocs serve` only the changed module's
page, worksheets and deck are made again (see cache.artifact for the key).
"""

from __future__ import annotations

from pathlib import Path

from childcare_guide.render import deck as deck_module
from childcare_guide.site.cache import artifact, module_inputs
from childcare_guide.content.model import Module, Package
from childcare_guide.render.preparation import checklist_page
from childcare_guide.render.pages import module_page, modules_index, whats_new_page, worksheet_page
from childcare_guide.render.fill_data import fill_data_script
from childcare_guide.render.handout import handout_inputs, handout_page
from childcare_guide.render.paths import (MODULES_INDEX, WHATS_NEW, deck_path, fill_data_path, handout_docx_path,
                                         handout_page_path, module_page_path, picture_path, worksheet_docx_path,
                                         worksheet_page_path)
from childcare_guide.site.timing import timed
from childcare_guide.render.worksheet import TEMPLATE as WORKSHEET_TEMPLATE
from childcare_guide.render.worksheet import docx_inputs, render_docx, render_docx_with_places


def module_files(package: Package, module: Module, template: Path | None = None, *,
                 worksheet_template: Path | None = None) -> dict[str, str | bytes]:
    """A module's page, worksheet pages, Word worksheets, deck, pictures and the data file for
    filling in the browser (render/fill_data.py), by their path under docs/.
    template is the deck template, worksheet_template the Word one (the ones in design/ if None)."""
    template = template or deck_module.TEMPLATE
    worksheet_template = worksheet_template or WORKSHEET_TEMPLATE
    inputs = module_inputs(package, module) + [template]
    # the deck and its fill map come from one build
    deck, deck_map = artifact("deck", inputs, lambda: deck_module.build_deck_with_map(package, module, template))
    fillable = []
    files: dict[str, str | bytes] = {
        module_page_path(module): artifact("module-page", inputs,
                                           lambda: module_page(package, module))}
    for sheet in module.worksheets:
        files[worksheet_page_path(module, sheet)] = artifact(
            "worksheet-page", inputs + [sheet.id], lambda s=sheet: worksheet_page(package, module, s))
        # keyed on exactly what the .docx is made from: a step's edit does not make it again,
        # a restyled template makes every worksheet again
        sheet_inputs = docx_inputs(package, module, sheet)
        docx, places = artifact("worksheet-docx", [sheet_inputs, worksheet_template],
                                lambda i=sheet_inputs: render_docx_with_places(i, worksheet_template))
        files[worksheet_docx_path(module, sheet)] = docx
        if sheet.fields:
            fillable.append((sheet, worksheet_docx_path(module, sheet).rsplit("/", 1)[-1], docx, places))
    # the participants' handout: from module.yml alone, its Word file through the worksheet's code
    files[handout_page_path(module)] = artifact("handout-page", inputs, lambda: handout_page(package, module))
    handout = handout_inputs(package, module)
    files[handout_docx_path(module)] = artifact(
        "handout-docx", [handout, worksheet_template], lambda: render_docx(handout, worksheet_template))
    files[deck_path(module)] = deck
    files[fill_data_path(module)] = fill_data_script(module, deck, deck_map, fillable)
    # the pictures beside the pages that link them, keyed on their bytes
    for picture in module.pictures:
        files[picture_path(module, picture)] = artifact(
            "picture", [picture.path], lambda p=picture.path: p.read_bytes())
    return files


def site_files(package: Package, template: Path | None = None, *,
               worksheet_template: Path | None = None) -> dict[str, str | bytes]:
    """Every generated file: the modules overview, then each module's files."""
    with timed("pagina's"):
        files: dict[str, str | bytes] = {MODULES_INDEX: modules_index(package),
                                         WHATS_NEW: whats_new_page(package)}
    for module in package.modules:
        files.update(module_files(package, module, template, worksheet_template=worksheet_template))
    return files


def checklist_file(package: Package, module: Module, template: Path | None = None) -> str:
    """The module's printable checklist page, from the cache: made from the same inputs as its
    module page (the deck's field places included), so only an edit of this module makes it again."""
    template = template or deck_module.TEMPLATE
    return artifact("checklist-page", module_inputs(package, module) + [template],
                    lambda: checklist_page(package, module))
