"""Shared fixtures: the real content, a strict site build, a local web server and Chromium.

Two things happen once, before the first test:
- the content is loaded; a mistake in it stops the run with the Dutch report of `make check`,
  instead of a traceback in every test that reads the content;
- tests marked `browser` (Chromium) or `office` (LibreOffice) are skipped with the reason when
  that program is missing. Under `make test` (option --require-tools) and in CI (CI=true) a
  missing program stops the run instead: those runs never skip silently.
Helpers that tests import live in helpers.py, content_edits.py and page_waits.py, never here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import BIN, CHROMIUM, CHROMIUM_ARGS, ROOT, serve, soffice

# The programs each marker needs: (program, is it there?, the Debian packages that bring it).
TOOLS = {
    "browser": [("Chromium", lambda: Path(CHROMIUM).exists(), "chromium")],
    "office": [("LibreOffice", lambda: soffice() is not None, "libreoffice-impress libreoffice-writer"),
               ("pdftotext", lambda: shutil.which("pdftotext") is not None, "poppler-utils")],
}
PACKAGE = pytest.StashKey[object]()


def pytest_addoption(parser):
    parser.addoption("--require-tools", action="store_true",
                     help="stop when Chromium or LibreOffice is missing instead of skipping their tests "
                          "(also when the environment variable CI is set); 'make test' passes it")


def require_tools(config) -> bool:
    return config.getoption("--require-tools") or os.environ.get("CI", "").lower() not in ("", "0", "false")


def missing_tools(marker: str) -> list[str]:
    return [f"{name} ontbreekt (Debian-pakket {debian})" for name, present, debian in TOOLS[marker] if not present()]


@pytest.hookimpl(trylast=True)  # after -m and -k have deselected what will not run
def pytest_collection_modifyitems(session, config, items):
    unmarked = [item.nodeid for item in items
                if "browser" in item.fixturenames and not item.get_closest_marker("browser")]
    if unmarked:  # they would run in 'make test-fast' and fail without Chromium
        raise pytest.UsageError("These tests use Chromium (the 'browser' fixture) without the marker "
                                f"@pytest.mark.browser: {', '.join(unmarked)}")
    if not items or config.option.collectonly:
        return
    for marker in TOOLS:
        needing = [item for item in items if item.get_closest_marker(marker)]
        missing = missing_tools(marker) if needing else []
        if not missing:
            continue
        reason = f"{'; '.join(missing)}: 'make test' installeert het"
        if require_tools(config):
            pytest.exit(f"{len(needing)} tests met merkteken '{marker}' kunnen niet lopen: {reason}.",
                        returncode=pytest.ExitCode.USAGE_ERROR)
        for item in needing:
            item.add_marker(pytest.mark.skip(reason=reason))


def pytest_collection_finish(session):
    if session.items and not session.config.option.collectonly:
        session.config.stash[PACKAGE] = load_content_once(session.config)


def load_content_once(config):
    """The real package; a content mistake ends the run here, with its Dutch report only."""
    from childcare_guide.content.errors import ContentError
    from childcare_guide.content.loader import load_package

    try:
        return load_package(ROOT)
    except ContentError as error:
        report = error.report().rstrip()
        terminal = config.pluginmanager.get_plugin("terminalreporter")
        if terminal is not None:
            terminal.write_sep("=", "fouten in content/", red=True, bold=True)
            terminal.write_line(report)
            report = "verbeter eerst de fouten hierboven"
        pytest.exit(f"De tests lopen pas als de inhoud in orde is: {report} (zie 'make check').",
                    returncode=pytest.ExitCode.TESTS_FAILED)


@pytest.fixture(scope="session")
def package(pytestconfig):
    return pytestconfig.stash[PACKAGE]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site as `mkdocs build --strict` makes it, in a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIDS_REPO")}  # no edit button
    env["NO_MKDOCS_2_WARNING"] = "1"
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def server(site):
    """Serve the built site on 127.0.0.1; yields the base URL."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source(pytestconfig) -> str:
    """axe-core, pinned in package-lock.json, for the accessibility tests in Chromium."""
    axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.exists():
        reason = "axe-core ontbreekt: 'make test' installeert het met 'npm ci'"
        (pytest.fail if require_tools(pytestconfig) else pytest.skip)(reason)
    return axe.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pdf_tools(pytestconfig):
    """poppler-utils (pdftotext, pdfinfo, pdftoppm), for tests that read a PDF Chromium printed."""
    missing = [name for name in ("pdftotext", "pdfinfo", "pdftoppm") if shutil.which(name) is None]
    if missing:
        reason = f"{', '.join(missing)} ontbreekt (Debian-pakket poppler-utils): 'make test' installeert het"
        (pytest.fail if require_tools(pytestconfig) else pytest.skip)(reason)


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A copy of content/ in a temporary project root, to change without touching the real one."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


@pytest.fixture
def project(content_copy) -> Path:
    """The same copy, by the name the golden tests of the error messages use."""
    return content_copy
