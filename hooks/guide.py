"""MkDocs adapter: load and check the content, add the generated module pages, worksheets and decks.

Thin on purpose: the work is done by the childcare_guide package, which has no MkDocs import.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from childcare_guide import ContentError
from childcare_guide.cache import load_cached
from childcare_guide.deck import TemplateError, build_deck
from childcare_guide.offline import ZIP_NAME, build_offline_zip, write_atomic
from childcare_guide.pages import (DOWNLOADS_DIR, MODULES_INDEX, WHATS_NEW, deck_path, module_page,
                                   module_page_path, modules_index, whats_new_page,
                                   worksheet_docx_path, worksheet_page, worksheet_page_path)
from childcare_guide.worksheet_docx import worksheet_docx

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
    package = _package(config)
    generated = {MODULES_INDEX: modules_index(package), WHATS_NEW: whats_new_page(package)}
    for module in package.modules:
        generated[module_page_path(module)] = module_page(package, module)
        for sheet in module.worksheets:
            generated[worksheet_page_path(module, sheet)] = worksheet_page(package, module, sheet)
    try:
        decks = {deck_path(m): build_deck(package, m) for m in package.modules}
    except TemplateError as error:
        raise PluginError(str(error)) from None
    docx = {worksheet_docx_path(m, s): worksheet_docx(package, m, s)
            for m in package.modules for s in m.worksheets}
    for uri, content in list(generated.items()) + list(decks.items()) + list(docx.items()):
        existing = files.get_file_from_path(uri)
        if existing is not None:
            raise PluginError(f"docs/{uri} bestaat al, maar deze pagina wordt gemaakt uit content/. "
                              f"Verwijder docs/{uri} en pas de inhoud aan in content/.")
        files.append(File.generated(config, uri, content=content))
    return files


def on_post_build(config) -> None:
    """The offline package: the whole built site as one zip, in downloads/."""
    site = Path(config.site_dir)
    write_atomic(site / DOWNLOADS_DIR / ZIP_NAME, build_offline_zip(site, _package(config)))
