"""A content mistake stops the test run once, with the Dutch report of `make check`.

Without this, every test that reads the content would fail with its own traceback, and an editor
would have to find the Dutch message in the middle of them.
"""

import os
import shutil
import subprocess
import sys

import pytest
from content_edits import YML, replace
from helpers import ROOT

from childcare_guide.content.errors import ContentError
from childcare_guide.content.loader import load_package

# Two quick files with many tests that read the content through the `package` fixture.
TESTS = ["tests/test_model.py", "tests/test_pages.py"]


def pytest_run(project) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *TESTS], cwd=project,
                          capture_output=True, text=True, env=env, timeout=600)


def test_a_content_mistake_stops_the_run_with_the_dutch_report_once(tmp_path):
    shutil.copytree(ROOT / "tests", tmp_path / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    good = pytest_run(tmp_path)
    assert good.returncode == 0, good.stdout + good.stderr  # the same tests pass on the unbroken copy

    replace(tmp_path, YML, "duur: 80", "duur: 85")
    with pytest.raises(ContentError) as caught:
        load_package(tmp_path)
    report = caught.value.report().rstrip().splitlines()
    result = pytest_run(tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert report[0] == "De inhoud bevat 1 fout. Verbeter die en probeer opnieuw."
    for line in report:
        assert output.count(line) == 1, (line, output)
    assert "De tests lopen pas als de inhoud in orde is" in output
    assert "Traceback" not in output and "ContentError" not in output and "passed" not in output, output
