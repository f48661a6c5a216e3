"""scripts/build_decks.py: the same decks as the site, without building the site."""

import subprocess
import sys

from helpers import ROOT
from pptx import Presentation

SCRIPT = ROOT / "scripts" / "build_decks.py"


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True)


def test_builds_every_deck(tmp_path, package):
    result = run("--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(m.deck_name for m in package.modules)  # module-1-omgevingsanalyse.pptx, ...
    assert names[0] == "module-1-omgevingsanalyse.pptx"
    assert Presentation(str(tmp_path / names[0])).slides[0].shapes.title.text == "Module 1: Omgevingsanalyse"


def test_one_module(tmp_path):
    result = run("--out", str(tmp_path), "--module", "toegankelijkheid")
    assert result.returncode == 0
    assert [p.name for p in tmp_path.iterdir()] == ["module-4-toegankelijkheid.pptx"]


def test_unknown_module_is_a_dutch_error(tmp_path):
    result = run("--out", str(tmp_path), "--module", "onbekend")
    assert result.returncode == 1
    assert "De module 'onbekend' bestaat niet. Kies een van deze: omgevingsanalyse" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())


def test_same_bytes_as_the_site(tmp_path, site):
    run("--out", str(tmp_path))
    for deck in tmp_path.iterdir():
        assert deck.read_bytes() == (site / "downloads" / deck.name).read_bytes()
