"""Macros for the hand-written pages in docs/ (mkdocs-macros-plugin): data from content/, never retyped."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from childcare_guide.content.errors import ContentError
from childcare_guide.render.colophon import colophon
from childcare_guide.render.paths import module_page_path, relative
from childcare_guide.site import preview
from childcare_guide.site.cache import load_cached
from childcare_guide.site.offline import offline_link

log = logging.getLogger("mkdocs.hooks.macros")


def define_env(env):
    root = Path(env.conf.config_file_path).resolve().parent

    loaded = []

    def package():
        """The content, once per build (define_env runs again for every rebuild, so it is never
        stale); None while serving with a content mistake, which then replaces every page."""
        if not loaded:
            try:
                loaded.append(load_cached(root))
            except ContentError as error:
                if not preview.shown_in_browser(error):
                    raise
                loaded.append(None)
        return loaded[0]

    def current_page() -> str:
        return env.page.file.src_uri

    @env.macro
    def module_link(slug: str) -> str:
        """A link to a module with its title; just the title's words if the module is not there."""
        if package() is None:
            return slug
        module = package().module(slug)
        if module is None:
            known = ", ".join(m.slug for m in package().modules)
            # a warning, not an exception: strict mode stops the build without a traceback
            log.warning(f"docs/{current_page()}: de module '{slug}' in module_link('{slug}') bestaat "
                        f"niet. Kies een van deze: {known}.")
            return slug
        return f"[{module.title}]({relative(current_page(), module_page_path(module))})"

    @env.macro
    def versie() -> str:
        """The guide's version (from content/pakket.yml)."""
        return "" if package() is None else package().version

    @env.macro
    def editie() -> str:
        """The guide's edition as a chair reads it: 'editie december 2026' (from content/pakket.yml)."""
        return "" if package() is None else package().edition_text

    @env.macro
    def colofon() -> str:
        """'Over deze gids': maintainer, licence, how to report a mistake (pakket.yml, GIDS_REPO_URL)."""
        return "" if package() is None else colophon(package(), os.environ.get("GIDS_REPO_URL"))

    @env.macro
    def offline_pakket() -> str:
        """The download block of the offline package (a zip made after the build)."""
        # raw HTML: the zip does not exist yet while pages are checked; tests check the link
        if package() is None:
            return ""
        page = env.page
        folder = page.url if env.conf.use_directory_urls else page.file.dest_uri.rpartition("/")[0]
        href = offline_link(folder)
        return (f'<div class="offline-download"><p><strong>Zonder internet?</strong> '
                f'<a href="{href}" download>Download de hele gids als zip-bestand</a> '
                f'({package().edition_text}): alle pagina\'s, presentaties en werkbladen. Pak het '
                'uit, bijvoorbeeld op een USB-stick, en open het bestand index.html.</p></div>')
