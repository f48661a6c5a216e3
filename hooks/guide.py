"""MkDocs adapter: load and check the content, add the generated module pages, worksheets and decks.

Thin on purpose: the work is done by the childcare_guide package, which has no MkDocs import.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from childcare_guide import ContentError
from childcare_guide.cache import artifact, load_cached, module_inputs
from childcare_guide.deck import TEMPLATE, TemplateError, build_deck
from childcare_guide.pages import (MODULES_INDEX, deck_path, module_page, module_page_path,
                                   modules_index, worksheet_page, worksheet_page_path)
from childcare_guide.timing import timed

MODULES_SECTION = "Modules"


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _package(config):
    try:
        return load_cached(_root(config))
    except ContentError as error:
        raise PluginError(error.report()) from None


def on_config(config):
    package = _package(config)
    section = next((item for item in config.nav or [] if isinstance(item, dict)
                    and MODULES_SECTION in item), None)
    if section is None:
        raise PluginError(f"mkdocs.yml: de navigatie ('nav') heeft geen onderdeel '{MODULES_SECTION}'. "
                          f"Zet '- {MODULES_SECTION}:' terug met '{MODULES_INDEX}' eronder.")
    entries = [{"Overzicht": MODULES_INDEX}]
    entries += [{f"{m.number}. {m.title}": module_page_path(m)} for m in package.modules]
    section[MODULES_SECTION] = entries
    return config


def on_files(files: Files, config) -> Files:
    with timed("hook on_files"):
        return _add_generated(files, config)


def _add_generated(files: Files, config) -> Files:
    package = _package(config)
    # Each module's page, worksheets and deck come from a content-hash cache: after an edit in
    # `mkdocs serve` only the changed module's files are made again (see childcare_guide.cache).
    with timed("pagina's"):
        generated = {MODULES_INDEX: modules_index(package)}
    decks = {}
    try:
        for module in package.modules:
            inputs = module_inputs(package, module) + [TEMPLATE]
            generated[module_page_path(module)] = artifact(
                "module-page", inputs, lambda m=module: module_page(package, m))
            for sheet in module.worksheets:
                generated[worksheet_page_path(module, sheet)] = artifact(
                    "worksheet-page", inputs + [sheet.id],
                    lambda m=module, s=sheet: worksheet_page(package, m, s))
            decks[deck_path(module)] = artifact("deck", inputs, lambda m=module: build_deck(package, m))
    except TemplateError as error:
        raise PluginError(str(error)) from None
    for uri, content in list(generated.items()) + list(decks.items()):
        existing = files.get_file_from_path(uri)
        if existing is not None:
            raise PluginError(f"docs/{uri} bestaat al, maar deze pagina wordt gemaakt uit content/. "
                              f"Verwijder docs/{uri} en pas de inhoud aan in content/.")
        files.append(File.generated(config, uri, content=content))
    return files
