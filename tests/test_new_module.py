"""A new module is a new folder: no code change makes it appear everywhere."""

import os
import shutil
import subprocess

from helpers import BIN, ROOT
from pptx import Presentation


def test_a_fifth_module_appears_in_nav_overview_page_worksheets_and_deck(tmp_path, package):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "hooks", "overrides", "design", "content", "schemas", "src"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    new = project / "content" / "modules" / "proefmodule"
    shutil.copytree(project / "content" / "modules" / "omgevingsanalyse", new)
    number = max(m.number for m in package.modules) + 1  # 5 while the package has four modules
    yml = new / "module.yml"
    text = yml.read_text(encoding="utf-8")
    text = text.replace("nummer: 1", f"nummer: {number}", 1).replace("titel: Omgevingsanalyse",
                                                                     "titel: Proefmodule", 1)
    yml.write_text(text, encoding="utf-8")

    out = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(out)],
                            cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr

    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="modules/proefmodule/"' in home  # navigation
    assert f"{number}. Proefmodule" in home  # overview on the home page, from module.yml
    assert "Proefmodule" in (out / "modules" / "index.html").read_text(encoding="utf-8")
    page = (out / "modules" / "proefmodule" / "index.html").read_text(encoding="utf-8")
    assert f"Module {number}: Proefmodule" in page
    for sheet in (new / "werkinstrumenten").glob("*.md"):
        assert (out / "modules" / "proefmodule" / sheet.stem / "index.html").is_file()
    deck = Presentation(str(out / "downloads" / f"module-{number}-proefmodule.pptx"))
    assert deck.slides[0].shapes.title.text == f"Module {number}: Proefmodule"
