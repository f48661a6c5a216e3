"""MkDocs hook: the edit button of every page leads to the file an editor changes.

Hand-written pages lead to their file in docs/. Pages made from content/ lead to their source:
a module page and its checklist to its module.yml, a worksheet to its Markdown file, the modules
overview to content/pakket.yml, the glossary, the self-check and 'Wat is er nieuw' to their YAML file.

The repository's address is not in mkdocs.yml: the GitHub Pages workflow gives it in the
environment variable GIDS_REPO_URL (and the branch in GIDS_REPO_BRANCH, 'main' by default).
Without it the site shows no edit button at all. The hook sets only edit_uri, never repo_url:
with repo_url, Material would ask api.github.com for the repository's stars and forks, and the
site requests nothing from another host.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from childcare_guide import ContentError
from childcare_guide.content import changelog, glossary, selfcheck
from childcare_guide.render import fill_page, glossary_page, selfcheck_page
from childcare_guide.render.paths import (
    MODULES_INDEX,
    WHATS_NEW,
    checklist_page_path,
    module_page_path,
    worksheet_page_path,
)
from childcare_guide.site.cache import load_cached

REPO_ENV = "GIDS_REPO_URL"
BRANCH_ENV = "GIDS_REPO_BRANCH"
DEFAULT_BRANCH = "main"
PACKAGE_FILE = "content/pakket.yml"

_edit_root: str | None = None  # e.g. https://github.com/org/repo/edit/main/
_sources: dict[str, str] = {}  # generated page (relative to docs/) -> its source in content/


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def edit_root(repo_url: str, branch: str) -> str:
    """The address under which GitHub opens a file of the branch in its web editor."""
    repo_url = repo_url.strip().rstrip("/")
    if not re.fullmatch(r"https://[^\s/]+(/[^\s/]+)+", repo_url):
        raise PluginError(f"{REPO_ENV} is '{repo_url}', maar dat is geen adres van een repository. "
                          f"Geef het volledige adres, in de vorm 'https://github.com/<organisatie>/<repository>', "
                          f"of laat {REPO_ENV} leeg: dan toont de site geen knop om te wijzigen.")
    branch = branch.strip() or DEFAULT_BRANCH
    if not re.fullmatch(r"[^\s]+", branch):
        raise PluginError(f"{BRANCH_ENV} is '{branch}', maar een branch heeft geen spaties. "
                          f"Geef de naam van de branch, bijvoorbeeld '{DEFAULT_BRANCH}'.")
    return f"{repo_url}/edit/{branch}/"


def on_config(config):
    global _edit_root
    repo_url = os.environ.get(REPO_ENV, "").strip()
    if not repo_url:
        _edit_root = None
        return config
    _edit_root = edit_root(repo_url, os.environ.get(BRANCH_ENV, ""))
    docs = Path(config.docs_dir).resolve().relative_to(_root(config)).as_posix()
    config.edit_uri = f"{_edit_root}{docs}/"
    config.edit_uri_template = None
    return config


def generated_sources(config) -> dict[str, str]:
    """For each page made from content/: the file to change, relative to the project root."""
    root = _root(config)
    try:
        package = load_cached(root)
    except ContentError:
        return {}  # hooks/guide.py reports the content's mistakes
    sources = {MODULES_INDEX: PACKAGE_FILE,
               glossary_page.PAGE: f"content/{glossary.FILE}",
               selfcheck_page.PAGE: f"content/{selfcheck.FILE}",
               WHATS_NEW: f"content/{changelog.FILE}",
               # the form comes from pakket.yml and every module.yml: like the modules overview,
               # it leads to pakket.yml (content/README.md says where labels and 'waar' texts are)
               fill_page.PAGE: PACKAGE_FILE}
    for module in package.modules:
        module_file = (module.folder / "module.yml").resolve().relative_to(root).as_posix()
        sources[module_page_path(module)] = module_file
        sources[checklist_page_path(module)] = module_file  # the checklist is made from module.yml
        for sheet in module.worksheets:
            if sheet.file is not None:
                sources[worksheet_page_path(module, sheet)] = sheet.file.resolve().relative_to(root).as_posix()
    return sources


def on_files(files, config):
    global _sources
    _sources = generated_sources(config) if _edit_root is not None else {}
    return files


def on_pre_page(page, config, files):
    if _edit_root is None or page.file.generated_by is None:
        return page
    source = _sources.get(page.file.src_uri)
    page.edit_url = f"{_edit_root}{source}" if source else None
    return page
