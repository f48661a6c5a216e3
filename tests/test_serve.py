"""`make serve` for editors: a taken port gets a Dutch message; a content mistake shows in the browser."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SERVE = ROOT / "scripts" / "serve.py"
WAIT = 180  # seconds: an upper bound for a busy machine, never a pause (we poll for the state)


TOP_LEVEL_OUTPUTS = {".git", ".venv", "site", "build", "node_modules", "tools", ".pytest_cache"}


def _not_the_source(folder: str, names: list[str]) -> set[str]:
    """What a copy of the project leaves out: outputs and tools at the top, caches everywhere."""
    skip = {n for n in names if n == "__pycache__"}
    return skip | (TOP_LEVEL_OUTPUTS & set(names) if Path(folder) == ROOT else set())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, text: str) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        page = _page(url)
        if page is not None and text in page:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r}")


def test_a_taken_port_gets_a_dutch_message():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, str(SERVE), str(port)], capture_output=True, text=True,
                                check=False, timeout=60)
    assert result.returncode == 1
    assert f"Poort {port} is al in gebruik" in result.stderr
    assert f"make serve PORT={port + 1}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_content_mistake_shows_in_the_browser_until_it_is_fixed(tmp_path):
    project = tmp_path / "gids"
    shutil.copytree(ROOT, project, symlinks=True, ignore=_not_the_source)
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project / "src"))
    server = subprocess.Popen([sys.executable, str(project / "scripts" / "serve.py"), str(port)], cwd=project,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    module = project / "content" / "modules" / "omgevingsanalyse" / "module.yml"
    good = module.read_text(encoding="utf-8")
    page = f"http://127.0.0.1:{port}/gids/tips/"
    try:
        _wait_for(f"http://127.0.0.1:{port}/modules/omgevingsanalyse/", "Omgevingsanalyse")
        module.write_text(re.sub(r"^titel:.*$", "titel: 12", good, count=1, flags=re.M), encoding="utf-8")
        shown = _wait_for(page, "er is een fout in de inhoud")
        assert "content/modules/omgevingsanalyse/module.yml, regel 3" in shown
        assert "Traceback" not in shown
        module.write_text(good, encoding="utf-8")
        fixed = _wait_for(page, "Tips")
        assert "fout in de inhoud" not in fixed
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
