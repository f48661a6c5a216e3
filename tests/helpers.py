"""Helpers shared by the tests: paths, commands, a local web server and deck text.

Test files import from here (or from content_edits.py, page_waits.py, deck_contrast.py,
deck_overflow.py); shared fixtures live in conftest.py, which no test imports.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# A project root with fixed content (tests/fixtures/content/): for tests that need content that
# never changes. Tests on the real content/ check rules that hold for any module.
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BIN = Path(sys.executable).parent

# Chromium from Debian (never a browser that Playwright downloads); LibreOffice and poppler-utils.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# A safety net for a hung program (LibreOffice, a command), not a measure of speed.
SUBPROCESS_TIMEOUT = 600


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def run_python(args: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run this venv's Python with args, the package's src/ first on the path; output as text."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]))
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, env=env,
                          timeout=SUBPROCESS_TIMEOUT)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 while the block runs; yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def runs(slide):
    """Every text run on the slide, in its text boxes and its table cells."""
    for shape in slide.shapes:
        frames = []
        if shape.has_text_frame:
            frames.append(shape.text_frame)
        if shape.has_table:
            frames.extend(cell.text_frame for row in shape.table.rows for cell in row.cells)
        for frame in frames:
            yield from (r for p in frame.paragraphs for r in p.runs)
