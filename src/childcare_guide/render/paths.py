"""Where each generated file lives in the site (paths relative to docs/), and links between them."""

from __future__ import annotations

import posixpath

from childcare_guide.content.model import CHECKLIST_ID, HANDOUT_ID, Module, Picture, Worksheet

MODULES_DIR = "modules"
DOWNLOADS_DIR = "downloads"
MODULES_INDEX = f"{MODULES_DIR}/index.md"
WHATS_NEW = "wat-is-er-nieuw.md"
GLOSSARY_PAGE = "begrippen.md"
FILL_PAGE = "invullen.md"  # 'Vul je gegevens in': one form for every deck and worksheet


def module_page_path(module: Module) -> str:
    return f"{MODULES_DIR}/{module.slug}/index.md"


def worksheet_page_path(module: Module, sheet: Worksheet) -> str:
    return f"{MODULES_DIR}/{module.slug}/{sheet.id}.md"


def deck_path(module: Module) -> str:
    return f"{DOWNLOADS_DIR}/{module.deck_name}"


def worksheet_docx_path(module: Module, sheet: Worksheet) -> str:
    return f"{DOWNLOADS_DIR}/module-{module.number}-{sheet.id}.docx"


def relative(from_page: str, target: str) -> str:
    """A Markdown link from one source file to another (both relative to docs/)."""
    return posixpath.relpath(target, posixpath.dirname(from_page))


def checklist_page_path(module: Module) -> str:
    """modules/<slug>/voorbereiding.md: the module's checklist on its own page."""
    return f"{MODULES_DIR}/{module.slug}/{CHECKLIST_ID}.md"


def picture_path(module: Module, picture: Picture) -> str:
    """modules/<slug>/beelden/<name>: beside the module page, its worksheet pages and checklist."""
    return f"{MODULES_DIR}/{module.slug}/{picture.link}"


def handout_page_path(module: Module) -> str:
    """modules/<slug>/deelnemersblad.md: the participants' one-page handout."""
    return f"{MODULES_DIR}/{module.slug}/{HANDOUT_ID}.md"


def handout_docx_path(module: Module) -> str:
    return f"{DOWNLOADS_DIR}/module-{module.number}-{HANDOUT_ID}.docx"


FILL_DATA_DIR = "invullen/data"


def fill_data_path(module: Module) -> str:
    """invullen/data/<slug>.js: the module's unfilled deck and worksheets with their fill maps,
    which docs/javascripts/fill.js loads when a chair downloads them filled in."""
    return f"{FILL_DATA_DIR}/{module.slug}.js"
