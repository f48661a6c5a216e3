"""A content mistake stops `mkdocs build` loudly, in Dutch, without traceback or half-written site."""

import os
import shutil
import subprocess

from helpers import BIN, ROOT


def copy_project(tmp_path):
    tmp_path.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "hooks", "overrides", "design", "content", "schemas", "src"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    return tmp_path


def build(project, out):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(out)], cwd=project,
                          capture_output=True, text=True, env=env)


def test_bad_minutes_stop_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    yml = project / "content" / "modules" / "omgevingsanalyse" / "module.yml"
    text = yml.read_text(encoding="utf-8")
    yml.write_text(text.replace("duur: 80", "duur: 90", 1), encoding="utf-8")
    out = tmp_path / "site"
    result = build(project, out)
    assert result.returncode == 1
    assert ("content/modules/omgevingsanalyse/module.yml, regel 4 (veld 'duur'): De stappen duren "
            "samen 80 minuten, maar de module duurt 90 minuten.") in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not out.exists() or not any(out.iterdir())


def test_unknown_module_in_a_docs_page_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    tips = project / "docs" / "gids" / "tips.md"
    tips.write_text(tips.read_text(encoding="utf-8") + "\n{{ module_link('onbestaand') }}\n",
                    encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "docs/gids/tips.md: de module 'onbestaand' in module_link('onbestaand') bestaat niet." in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def insert_line(path, number, text):
    """Put text on line number of path (1 = the first line)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(number - 1, text)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_bad_link_in_a_docs_page_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    insert_line(project / "docs" / "gids" / "tips.md", 7,
                'Lees ook [de site van Opgroeien](http://www.opgroeien.be) of <a href="&#106;ava&#x09;'
                'script:alert(1)">klik hier</a>.')
    out = tmp_path / "site"
    result = build(project, out)
    assert result.returncode == 1
    assert ("Een pagina bevat 2 links die niet mogen. Verbeter ze en probeer opnieuw.\n"
            "- docs/gids/tips.md, regel 7: de link 'http://www.opgroeien.be' is niet beveiligd (http). "
            "Gebruik het adres dat met https:// begint.\n"
            "- docs/gids/tips.md, regel 7: de link '&#106;ava&#x09;script:alert(1)' voert code uit "
            "(javascript:). Verwijder de link of zet er een gewone link voor in de plaats die met "
            "https:// begint.\n"
            "Toegelaten zijn links die met https:// beginnen") in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (out / "gids" / "tips" / "index.html").exists()  # the page is not written


def test_a_bad_link_in_a_modules_markdown_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    step = project / "content" / "modules" / "omgevingsanalyse" / "stappen" / "opening.md"
    insert_line(step, 3, "- Bekijk [de cijfers](JaVaScRiPt:toon()) vooraf.")
    out = tmp_path / "site"
    result = build(project, out)
    assert result.returncode == 1
    assert ("- content/modules/omgevingsanalyse/stappen/opening.md, regel 3: de link 'JaVaScRiPt:toon()' "
            "voert code uit (javascript:). Verwijder de link of zet er een gewone link voor in de "
            "plaats die met https:// begint.") in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (out / "modules" / "omgevingsanalyse" / "index.html").exists()
