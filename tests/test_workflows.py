"""The GitHub workflows: valid for actionlint (with shellcheck), and running the README's commands."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from helpers import BIN, ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
TESTS = WORKFLOWS / "tests.yml"
SITE = WORKFLOWS / "site.yml"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    return subprocess.run([str(BIN / "actionlint"), "-no-color", "-shellcheck", str(BIN / "shellcheck"),
                           *map(str, files)], cwd=files[0].parents[2], capture_output=True, text=True, env=env)


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key 'on' as true
    return data


def run_steps(workflow: dict) -> list[str]:
    return [step["run"].strip() for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def readme_commands() -> list[str]:
    """The commands in the README's sh blocks: the two commands a chair or editor types."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return [line.strip() for block in re.findall(r"```sh\n(.*?)```", readme, re.S) for line in block.splitlines()]


def test_the_workflows_are_valid_for_actionlint():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["site.yml", "tests.yml"]
    result = actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("mistake, message", [
    (("runs-on: ubuntu-latest", "runs_on: ubuntu-latest"), "runs_on"),
    (("${{ github.server_url }}", "${{ github.server_adres }}"), "server_adres"),
    (("run: make build", "run: make build \"$UNQUOTED\" ${GIDS_REPO_URL}"), "SC2086"),
])
def test_actionlint_rejects_a_broken_workflow(tmp_path, mistake, message):
    broken = tmp_path / ".github" / "workflows" / "site.yml"
    broken.parent.mkdir(parents=True)
    text = SITE.read_text(encoding="utf-8")
    assert mistake[0] in text
    broken.write_text(text.replace(mistake[0], mistake[1], 1), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode != 0
    assert message in result.stdout


def test_pull_requests_run_exactly_the_readme_test_command():
    assert "make test" in readme_commands(), "de README noemt 'make test' niet meer als testcommando"
    workflow = load(TESTS)
    assert set(workflow["on"]) == {"pull_request"}
    assert run_steps(workflow)[-1] == "make test"
    assert [c for c in run_steps(workflow) if c.startswith("make")] == ["make test"]
    # Debian, as the README asks ('Debian of Ubuntu met apt-get') and as .ci/run runs it
    assert workflow["jobs"]["test"]["container"]["image"].startswith("debian:")
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_main_builds_with_the_readme_command_and_deploys_to_pages():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| `make build` |" in readme
    workflow = load(SITE)
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    # the only command: it installs the runtime lock only (tests/test_dependencies.py)
    assert run_steps(workflow) == ["make build"]
    build_step = next(step for step in build["steps"] if step.get("run") == "make build")
    assert build_step["env"]["GIDS_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"  # where `mkdocs build` writes (site_dir)
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]

