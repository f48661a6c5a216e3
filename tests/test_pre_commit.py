"""pre-commit on a clean copy of the project: it passes, and it stops a broken YAML file, a content
mistake and a Python mistake (the gate can fail)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from helpers import BIN, ROOT

HOOK_IDS = {"yamllint", "content-check", "ruff", "actionlint"}


def git(*args: str, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    result = subprocess.run(["git", "-c", "safe.directory=*", *args], cwd=cwd, capture_output=True, text=True,
                            env=env, check=True)
    return result.stdout


@pytest.fixture
def project(tmp_path) -> Path:
    """The project's files (as git sees them) in a fresh repository, with the tests' .venv linked in."""
    copy = tmp_path / "project"
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT).split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    git("init", "-q", cwd=copy)
    (copy / ".git" / "info" / "exclude").write_text(".venv\n", encoding="utf-8")
    (copy / ".venv").symlink_to(BIN.parent, target_is_directory=True)
    return copy


def pre_commit(project: Path, *args: str) -> subprocess.CompletedProcess:
    git("add", "-A", cwd=project)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(PRE_COMMIT_HOME=str(project.parent / "pre-commit-cache"), NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(BIN / "pre-commit"), "run", "--all-files", "--color", "never", *args],
                          cwd=project, capture_output=True, text=True, env=env)


def test_config_uses_only_local_hooks_from_the_venv():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert {hook["id"] for hook in hooks} == HOOK_IDS
    for hook in hooks:
        assert hook["language"] == "unsupported", hook["id"]  # no environment of its own: nothing to download
        program = hook["entry"].split()[0]
        assert program.startswith(".venv/bin/"), hook["id"]
        assert (BIN / Path(program).name).exists(), f"{program} ontbreekt: staat het in requirements/test.txt?"


def test_pre_commit_passes_on_a_clean_copy(project):
    result = pre_commit(project)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("yamllint", "make check", "ruff", "actionlint"):
        line = next(line for line in result.stdout.splitlines() if name in line)
        assert line.endswith("Passed"), result.stdout


def test_pre_commit_stops_a_broken_content_yaml_file_in_dutch(project):
    """YAML in content/ is checked by `make check` (yamllint's rules included), in Dutch."""
    pakket = project / "content" / "pakket.yml"
    text = pakket.read_text(encoding="utf-8")
    assert "\n  - id: datum\n" in text
    pakket.write_text(text.replace("\n  - id: datum\n", "\n   - id: datum\n"), encoding="utf-8")
    result = pre_commit(project)
    assert result.returncode != 0
    failed = [line for line in result.stdout.splitlines() if line.endswith("Failed")]
    assert [line.split(".")[0] for line in failed] == ["Inhoud van de gids (make check)"], result.stdout
    line = text[:text.index("\n  - id: datum\n") + 1].count("\n") + 1
    assert f"content/pakket.yml, regel {line}:" in result.stdout
    assert "Traceback" not in result.stdout


def test_pre_commit_stops_windows_line_endings_and_other_encodings_in_content_in_dutch(project):
    module = project / "content" / "modules" / "omgevingsanalyse" / "module.yml"
    module.write_bytes(module.read_bytes().replace(b"\n", b"\r\n"))
    intro = project / "content" / "modules" / "omgevingsanalyse" / "inleiding.md"
    intro.write_bytes("Eerste regel\nCrèche\n".encode("cp1252"))
    result = pre_commit(project)
    assert result.returncode != 0
    failed = [line for line in result.stdout.splitlines() if line.endswith("Failed")]
    assert [line.split(".")[0] for line in failed] == ["Inhoud van de gids (make check)"], result.stdout
    assert "Windows-regeleinden" in result.stdout and "niet in UTF-8" in result.stdout
    assert "Traceback" not in result.stdout


def test_pre_commit_stops_a_broken_yaml_file_outside_content(project):
    mkdocs = project / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8") + "extra_lege_regel: 1   \n", encoding="utf-8")
    result = pre_commit(project, "yamllint")
    assert result.returncode != 0
    assert "mkdocs.yml" in result.stdout and "trailing spaces" in result.stdout


def test_pre_commit_stops_a_content_mistake_in_dutch(project):
    module = project / "content" / "modules" / "omgevingsanalyse" / "module.yml"
    text = module.read_text(encoding="utf-8")
    assert "\nduur: 80\n" in text
    module.write_text(text.replace("\nduur: 80\n", "\nduur: 85\n"), encoding="utf-8")
    result = pre_commit(project)
    assert result.returncode != 0
    failed = [line for line in result.stdout.splitlines() if line.endswith("Failed")]
    assert [line.split(".")[0] for line in failed] == ["Inhoud van de gids (make check)"], result.stdout
    assert "content/modules/omgevingsanalyse/module.yml, regel 4 (veld 'duur')" in result.stdout
    assert "Traceback" not in result.stdout


def test_pre_commit_stops_a_python_mistake(project):
    hook = project / "hooks" / "editors.py"
    hook.write_text("import sys\n" + hook.read_text(encoding="utf-8"), encoding="utf-8")
    result = pre_commit(project, "ruff")
    assert result.returncode != 0
    assert "F401" in result.stdout and "hooks/editors.py" in result.stdout
