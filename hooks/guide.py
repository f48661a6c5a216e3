"""MkDocs adapter: load and check the content, add the generated module pages, worksheets and decks.

Thin on purpose: the work is done by the childcare_guide package, which has no MkDocs import.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from childcare_guide import ContentError
from childcare_guide.content.links import LinkError
from childcare_guide.render.deck import TemplateError
from childcare_guide.render.paths import DOWNLOADS_DIR, MODULES_INDEX, module_page_path
from childcare_guide.render.worksheet import WorksheetTemplateError
from childcare_guide.site import preview
from childcare_guide.site.cache import load_cached
from childcare_guide.site.files import write_atomic
from childcare_guide.site.offline import ZIP_NAME, build_offline_zip
from childcare_guide.site.outputs import site_files
from childcare_guide.site.timing import timed

MODULES_SECTION = "Modules"


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _package(config):
    """The loaded content; None while serving with a content mistake (every page shows it)."""
    try:
        return load_cached(_root(config))
    except ContentError as error:
        if preview.shown_in_browser(error):
            return None
        raise PluginError(error.report()) from None


def on_startup(command: str, dirty: bool) -> None:
    preview.start(command)


def on_config(config):
    preview.begin_build()
    package = _package(config)
    if package is None:
        return config
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
    if package is None:
        return files
    try:
        generated = site_files(package)
    except (TemplateError, WorksheetTemplateError) as error:
        raise PluginError(str(error)) from None
    for uri, content in generated.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            raise PluginError(f"docs/{uri} bestaat al, maar deze pagina wordt gemaakt uit content/. "
                              f"Verwijder docs/{uri} en pas de inhoud aan in content/.")
        files.append(File.generated(config, uri, content=content))
    return files


def on_post_page(output: str, page, config) -> str:
    """While serving with a content mistake: the mistake in place of the page."""
    report = preview.pending_report()
    return output if report is None else preview.error_page(report)


def on_post_build(config) -> None:
    """The offline package: the whole built site as one zip, in downloads/."""
    package = _package(config)
    if package is None:
        return
    site = Path(config.site_dir)
    try:
        data = build_offline_zip(site, package, config.site_url if preview.serving() else None)
    except LinkError as error:
        raise PluginError(error.report()) from None
    write_atomic(site / DOWNLOADS_DIR / ZIP_NAME, data)
