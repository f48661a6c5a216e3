"""Lighthouse report: build the site, serve it on 127.0.0.1 and score the home page and every module.

Run it with `make lighthouse` (that installs Lighthouse 12.2.3 in tools/lighthouse/ first). Mobile
preset (Lighthouse's default), Chromium from Debian at /usr/bin/chromium. The local server compresses
text with gzip, as every real web host does. Prints one table row per
page and, under it, every audit that cost points. The full reports go to build/lighthouse/.
Exits non-zero when a page scores under the target (accessibility, best practices and SEO 100,
performance 95).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from childcare_guide.content.loader import load_package  # noqa: E402
from childcare_guide.render.paths import module_page_path  # noqa: E402

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
CATEGORIES = {"performance": "prestaties", "accessibility": "toegankelijkheid",
              "best-practices": "goede praktijken", "seo": "SEO"}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
REPORTS = ROOT / "build" / "lighthouse"


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a real web host does: text compressed with gzip when the browser asks."""

    COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in self.COMPRESS
                or not path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def build_site(out: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run([str(mkdocs), "build", "--strict", "-q", "-d", str(out)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("De site bouwt niet:\n" + result.stdout + result.stderr)


def run_lighthouse(url: str, name: str) -> dict:
    REPORTS.mkdir(parents=True, exist_ok=True)
    report = REPORTS / f"{name}.json"
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output=html",
               f"--output-path={REPORTS / name}", f"--chrome-flags={CHROME_FLAGS}",
               "--only-categories=" + ",".join(CATEGORIES)]
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"Lighthouse faalde voor {url}:\n{result.stderr[-2000:]}")
    (REPORTS / f"{name}.report.json").replace(report)
    (REPORTS / f"{name}.report.html").replace(REPORTS / f"{name}.html")
    return json.loads(report.read_text(encoding="utf-8"))


def lost_points(result: dict) -> list[str]:
    """The audits that cost points, per category."""
    lines = []
    for key, category in result["categories"].items():
        if category["score"] is not None and category["score"] >= 1:
            continue
        for ref in category["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                value = audit.get("displayValue", "")
                lines.append(f"    {key}: {audit['id']} ({audit['score']:.2f}) {audit['title']} {value}".rstrip())
    return lines


def main() -> int:
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse ontbreekt: voer 'make lighthouse' uit, dat installeert het in tools/lighthouse/.")
    if not Path(CHROMIUM).exists():
        sys.exit("Chromium ontbreekt: voer 'make system-packages' uit.")
    package = load_package(ROOT)
    pages = [("start", "")] + [(m.slug, module_page_path(m).removesuffix("index.md")) for m in package.modules]
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build_site(site)
        handler = functools.partial(_Handler, directory=str(site))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_port}/"
        rows, details, below = [], [], False
        try:
            for name, path in pages:
                result = run_lighthouse(base + path, name)
                scores = {k: round(100 * (result["categories"][k]["score"] or 0)) for k in CATEGORIES}
                below |= any(scores[k] < TARGETS[k] for k in CATEGORIES)
                rows.append(("/" + path, *(scores[k] for k in CATEGORIES)))
                lost = lost_points(result)
                details += [f"  /{path}", *lost] if lost else []
        finally:
            httpd.shutdown()
    header = ("pagina", *CATEGORIES.values())
    width = max(len(r[0]) for r in rows + [header])
    print(f"{header[0]:<{width}} | " + " | ".join(f"{h:>16}" for h in header[1:]))
    print("-" * width + "-+-" + "-+-".join("-" * 16 for _ in CATEGORIES))
    for row in rows:
        print(f"{row[0]:<{width}} | " + " | ".join(f"{v:>16}" for v in row[1:]))
    print(f"\nDoel: prestaties ≥ {TARGETS['performance']}, de rest 100. Volledige rapporten: "
          f"{REPORTS.relative_to(ROOT)}/")
    if details:
        print("\nWat punten kost:\n" + "\n".join(details))
    if below:
        print("\nMinstens één pagina haalt het doel niet (zie hierboven). Prestaties hangen ook af van "
              "hoe druk deze computer is: meet opnieuw voor je besluit.")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
