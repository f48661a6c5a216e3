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
