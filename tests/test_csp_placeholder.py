"""A build never ships the Content-Security-Policy placeholder of overrides/main.html unfilled.

hooks/quality.py fills CSP_INLINE_HASHES and CSP_STYLE_HASHES on every page; its on_post_build reads
every built page (and the pages in the offline zip) again and stops the build, in Dutch, when a
policy still holds a placeholder.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
_spec = importlib.util.spec_from_file_location("quality_hook_csp", ROOT / "hooks" / "quality.py")
quality = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(quality)

FILLED = """<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'sha256-x='">"""
UNFILLED = """<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src CSP_STYLE_HASHES">"""


def test_a_policy_with_a_placeholder_is_found_and_a_filled_one_is_not():
    assert not quality.has_unfilled_policy(f"<head>{FILLED}</head>")
    assert quality.has_unfilled_policy(f"<head>{UNFILLED}</head>")
    assert quality.has_unfilled_policy(f"<head>{FILLED.replace('sha256-x=', 'CSP_INLINE_HASHES')}</head>")
    # the word in the text of a page (a page about the policy) is not a policy
    assert not quality.has_unfilled_policy(f"<head>{FILLED}</head><p>CSP_INLINE_HASHES</p>")


def test_pages_and_pages_in_a_zip_with_a_placeholder_are_named(tmp_path):
    (tmp_path / "goed").mkdir()
    (tmp_path / "goed" / "index.html").write_text(FILLED, encoding="utf-8")
    (tmp_path / "fout.html").write_text(UNFILLED, encoding="utf-8")
    (tmp_path / "downloads").mkdir()
    with zipfile.ZipFile(tmp_path / "downloads" / "offline.zip", "w") as archive:
        archive.writestr("gids/index.html", UNFILLED)
        archive.writestr("gids/goed.html", FILLED)
    assert quality.unfilled_policies(tmp_path) == ["downloads/offline.zip: gids/index.html", "fout.html"]
    assert quality.unfilled_policies(tmp_path / "goed") == []


def test_the_real_build_fills_every_policy(site):
    assert quality.unfilled_policies(site) == []


@pytest.mark.slow
def test_a_placeholder_left_unfilled_stops_the_build_in_dutch(tmp_path):
    """A second policy in overrides/main.html: the hook fills one placeholder per page, the check finds the other."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "content", "docs", "hooks", "overrides", "design", "schemas", "src"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    main = project / "overrides" / "main.html"
    referrer = '<meta name="referrer" content="no-referrer">'
    text = main.read_text(encoding="utf-8")
    assert referrer in text
    main.write_text(text.replace(referrer, referrer + "\n  " + UNFILLED), encoding="utf-8")
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(tmp_path / "out")],
                            cwd=project, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "De Content-Security-Policy is niet ingevuld op deze pagina's" in result.stderr
    assert "\n- 404.html\n" in result.stderr
    assert "- ... en nog " in result.stderr
    assert "Traceback" not in result.stderr
