"""Benchmark of the build: prints a table of figures with targets and PASS/FAIL (`make bench`).

    python scripts/benchmark.py [--runs 5] [--batch-runs 3] [--rows 30,100,300] [--json FILE]
    python scripts/benchmark.py --decks [--runs 5] [--batch-runs 3] [--rows 30]

With --decks only the deck figures: the four decks in a fresh process (cold), in one warm
process, and the --cijfers batches (no site build, no browser).

Measures, each as the median of several runs:
  - a cold `mkdocs build` of the real site, in a fresh process per run: total time, the project's
    own work (importing its libraries, loading and checking content/, module pages, worksheets,
    decks, the offline zip, and every event of hooks/*.py; read from childcare_guide.timing) and
    MkDocs' part (the rest, including the macros plugin), their ratio, peak memory;
  - rebuilds in one process, as `mkdocs serve` does: after a plain docs/ page edit and after an
    edit of one module's Markdown (only that module's deck is built again);
  - one deck's build time in-process, each deck's size, the page weight of a module page's first
    load in Chromium (gzipped), and what the first search adds (the index and search worker);
  - scripts/build_decks.py --cijfers for 30, 100 and 300 generated fictional municipalities:
    wall time, time per deck against one deck in-process, growth, peak memory of all processes.

This is not a test: timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

PROJECT_PARTS = ("content", "docs", "hooks", "overrides", "design", "schemas", "mkdocs.yml")
PLAIN_PAGE = "docs/gids/tips.md"
MODULE_SLUG = "omgevingsanalyse"
MODULE_MARKDOWN = f"content/modules/{MODULE_SLUG}/stappen/opening.md"
MODULE_PAGE = f"modules/{MODULE_SLUG}/"

TARGET_OWN_RATIO = 0.50
TARGET_REBUILD_RATIO = 1.2
TARGET_PAGE_KB = 90  # the page, its styles and scripts; Material's search comes on top
TARGET_DECK_KB = 150
TARGET_BATCH_RATIO = 0.7
TARGET_BATCH_MB = 300
TARGET_GROWTH = 1.25


# -- workers (run in a fresh process) -------------------------------------------------------------

def time_hooks(config):
    """Count every event of the project's hooks (hooks/*.py in mkdocs.yml) as its own work.

    The hooks' own timed blocks (childcare_guide.timing) nest inside and are not counted twice.
    The macros plugin (a third-party plugin that calls hooks/macros.py) stays in MkDocs' part."""
    import functools

    from childcare_guide.site.timing import timed

    hooks = set(config["hooks"])
    plugins = config.plugins
    for methods in plugins.events.values():
        for index, method in enumerate(methods):
            origin = plugins._event_origins.get(method)
            if origin not in hooks:
                continue

            @functools.wraps(method)
            def wrapper(*args, _method=method, _label=f"hook {Path(origin).stem}", **kwargs):
                with timed(_label):
                    return _method(*args, **kwargs)

            methods[index] = wrapper
    return config


def worker_cold(site: str) -> dict:
    """One cold build: import, load the config, build; split the time into own work and MkDocs."""
    started = time.perf_counter()
    from childcare_guide.site.timing import timed

    with timed("importeren"):
        import childcare_guide.site.cache  # noqa: F401  (what the hook imports: pptx, lxml, jsonschema, yaml)
        import childcare_guide.site.outputs  # noqa: F401
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from childcare_guide.site import cache, timing

    build(time_hooks(load_config(str(ROOT / "mkdocs.yml"), site_dir=site)))
    total = time.perf_counter() - started
    own = timing.own_total()
    return {"total": total, "own": own, "cpu": time.process_time(), "own_cpu": timing.own_total(cpu=True),
            "parts": dict(timing.totals), "parts_cpu": dict(timing.cpu_totals),
            "decks_built": cache.builds["deck"],
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def worker_rebuild(runs: int) -> dict:
    """Rebuilds in one process on a copy of the project, like `mkdocs serve` after an edit."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from childcare_guide.site import cache, timing

    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        project = Path(temp)
        for name in PROJECT_PARTS:
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
        (project / "src").symlink_to(ROOT / "src")
        site = project / "site"

        def rebuild() -> dict:
            timing.reset()
            cache.builds.clear()
            start, start_cpu = time.perf_counter(), time.process_time()
            build(time_hooks(load_config(str(project / "mkdocs.yml"), site_dir=str(site))))
            return {"wall": time.perf_counter() - start, "cpu": time.process_time() - start_cpu,
                    "own": timing.own_total(), "own_cpu": timing.own_total(cpu=True),
                    "decks": cache.builds["deck"]}

        rebuild()  # the first build fills the caches, as `mkdocs serve` does at start
        results: dict[str, list[dict]] = {"plain": [], "module": [], "none": []}
        for run in range(runs):
            for kind, path in (("plain", PLAIN_PAGE), ("module", MODULE_MARKDOWN), ("none", None)):
                if path:
                    target = project / path
                    target.write_text(target.read_text(encoding="utf-8")
                                      + f"\nBenchmark-wijziging {run}.\n", encoding="utf-8")
                results[kind].append(rebuild())
    return results


def worker_decks(runs: int, sample: str) -> dict:
    """Each deck's in-process build time and size; the same with one municipality's data."""
    from childcare_guide.content.loader import load_package
    from childcare_guide.content.local_table import read_table
    from childcare_guide.render.deck import build_deck

    package = load_package(ROOT)

    def measure(module, local=None) -> dict:
        build_deck(package, module, local=local)  # warm up: lazy imports, template
        walls, cpus = [], []
        for _ in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            data = build_deck(package, module, local=local)
            walls.append(time.perf_counter() - start)
            cpus.append(time.process_time() - start_cpu)
        return {"seconds": statistics.median(walls), "cpu": statistics.median(cpus), "bytes": len(data)}

    out = {module.slug: measure(module) for module in package.modules}
    module = package.module(MODULE_SLUG)
    out["local"] = measure(module, read_table(Path(sample), package, module).rows[0].local)
    return out


def worker_decks_cold() -> dict:
    """Every deck of the guide in a fresh process: importing the deck code, loading content/,
    then the decks (the first one also opens the template)."""
    started, started_cpu = time.perf_counter(), time.process_time()
    from childcare_guide.render.deck import build_deck
    imported, imported_cpu = time.perf_counter(), time.process_time()
    from childcare_guide.content.loader import load_package

    package = load_package(ROOT)
    loaded, loaded_cpu = time.perf_counter(), time.process_time()
    sizes = [len(build_deck(package, module)) for module in package.modules]
    done, done_cpu = time.perf_counter(), time.process_time()
    return {"import": imported - started, "import_cpu": imported_cpu - started_cpu,
            "decks": done - loaded, "decks_cpu": done_cpu - loaded_cpu, "count": len(sizes)}


# -- helpers of the parent ------------------------------------------------------------------------

def run_worker(*args: str) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "src"))
    result = subprocess.run([sys.executable, __file__, "--worker", *args], capture_output=True,
                            text=True, env=env, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(f"De meting '{args[0]}' mislukte:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    total = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def run_batch(rows: int, module_columns: list[str]) -> tuple[float, float, float]:
    """Wall time, peak memory (all processes) and CPU time (all processes) of
    build_decks.py --cijfers for `rows` rows."""
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as temp:
        table = Path(temp) / "gemeentecijfers-fictief.csv"
        write_fictional_table(table, rows, module_columns)
        out = Path(temp) / "uit"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "build_decks.py"),
                                    "--cijfers", str(table), "--out", str(out)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        peak = 0.0
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not stop.is_set():
                peak = max(peak, tree_rss_mb(process.pid))
                stop.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, errors = process.communicate()
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        stop.set()
        sampler.join()
        written = len(list(out.glob("*.pptx")))
        if process.returncode != 0 or written != rows:
            sys.exit(f"build_decks.py --cijfers mislukte ({written}/{rows} presentaties):\n{errors}")
        return seconds, peak, cpu


def write_fictional_table(path: Path, rows: int, figure_columns: list[str]) -> None:
    """Generated fictional municipalities (NIS codes 9xxxx, names 'Proefgemeente N (fictief)')."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write("# FICTIEF: gegenereerd door scripts/benchmark.py, geen echte gegevens.\n")
        writer = csv.writer(stream)
        writer.writerow(["gemeente", "niscode", "jaar", *figure_columns, "datum"])
        for index in range(rows):
            values = [f"{5 + (index * 7 + k * 3) % 60}.{index % 10}" for k in range(len(figure_columns))]
            writer.writerow([f"Proefgemeente {index + 1} (fictief)", f"{90001 + index}", "2023",
                             *values, "dinsdag 14 maart"])


def page_weight(site: Path) -> tuple[float, list[tuple[str, int, int]], str, list[tuple[str, int, int]]]:
    """Gzipped bytes of everything the first load of a module page fetches, and what the first
    search on that page fetches on top. Material's search loads its index and worker with the page
    (see is_search), so the first search normally fetches nothing more.

    With Chromium (Playwright): the browser's own network log, the search worker included.
    Without: the files the page references; the search index counts as fetched by the search.
    """
    import functools
    import http.server

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    fetched: dict[str, bytes] = {}
    searched: dict[str, bytes] = {}
    method = "Chromium"
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--no-sandbox", "--disable-gpu"])
            context = browser.new_context()
            urls: list[str] = []
            context.on("request", lambda request: urls.append(request.url))
            page = context.new_page()
            page.on("worker", lambda worker: urls.append(worker.url))
            page.goto(base + MODULE_PAGE, wait_until="networkidle")
            page.wait_for_timeout(1500)  # anything the page still loads after it settled
            first_load = len(urls)
            page.click(".md-search__input")
            page.keyboard.type("drempels")
            page.wait_for_selector(".md-search-result__item", timeout=15000)
            page.wait_for_timeout(500)
            browser.close()
        for url in dict.fromkeys(urls):
            if url.startswith(base):
                relative = url[len(base):].split("#")[0].split("?")[0]
                path = site / relative
                if path.is_dir() or not relative or relative.endswith("/"):
                    path = path / "index.html"
                name = relative or "index.html"
                if path.is_file() and name not in fetched:
                    (fetched if urls.index(url) < first_load else searched)[name] = path.read_bytes()
    except Exception as error:  # no Chromium or Playwright: list what the page references
        method = f"lijst van verwijzingen (Chromium niet bruikbaar: {type(error).__name__})"
        fetched = referenced_files(site)
        index = site / "search" / "search_index.json"
        if index.is_file():  # Material fetches it with the page
            fetched["search/search_index.json"] = index.read_bytes()
    finally:
        server.shutdown()
    rows = [(name, len(data), len(gzip.compress(data, 6))) for name, data in fetched.items()]
    search_rows = [(name, len(data), len(gzip.compress(data, 6))) for name, data in searched.items()]
    return sum(r[2] for r in rows) / 1024, rows, method, search_rows


def is_search(name: str) -> bool:
    """Part of Material's search: its index, its worker and the worker's language support."""
    return name.startswith(("search/", "assets/javascripts/workers/", "assets/javascripts/lunr/"))


def referenced_files(site: Path) -> dict[str, bytes]:
    import re

    page = site / MODULE_PAGE / "index.html"
    html = page.read_text(encoding="utf-8")
    found = {MODULE_PAGE + "index.html": page.read_bytes()}
    for ref in re.findall(r'(?:href|src)="([^"#?]+\.(?:css|js))', html):
        path = (page.parent / ref).resolve()
        if path.is_file():
            found[path.relative_to(site.resolve()).as_posix()] = path.read_bytes()
    return found


# -- the report -----------------------------------------------------------------------------------

def fmt_s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 0.1 else f"{seconds * 1000:.0f} ms"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Meet hoe snel de gids en de presentaties gebouwd worden.")
    parser.add_argument("--runs", type=int, default=5, help="aantal metingen per build (mediaan)")
    parser.add_argument("--batch-runs", type=int, default=3, help="aantal metingen per reeks presentaties")
    parser.add_argument("--rows", default="30,100,300", help="aantal gemeenten per reeks")
    parser.add_argument("--json", type=Path, help="schrijf alle cijfers ook naar dit JSON-bestand")
    parser.add_argument("--decks", action="store_true",
                        help="alleen de presentaties: koud, warm en de reeksen met --cijfers")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        kind, *rest = args.worker
        result = {"cold": lambda: worker_cold(rest[0]), "rebuild": lambda: worker_rebuild(int(rest[0])),
                  "decks": lambda: worker_decks(int(rest[0]), rest[1]),
                  "decks-cold": worker_decks_cold}[kind]()
        print(json.dumps(result))
        return 0

    rows_list = [int(n) for n in args.rows.split(",")]
    report: dict = {"cpus": os.cpu_count(), "load": os.getloadavg()}
    lines: list[tuple[str, str, str, str]] = []

    def line(label: str, value: str, target: str = "", ok: bool | None = None) -> None:
        lines.append((label, value, target, "" if ok is None else verdict(ok)))

    def both(wall: float, cpu: float) -> str:
        return f"{fmt_s(wall)} | {fmt_s(cpu)}"

    def med(values) -> float:
        return statistics.median(list(values))

    if args.decks:
        return decks_only(args, rows_list, report, lines, line, both, med)

    print(f"Meten: koude build ({args.runs}x)...", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="bench-site-") as site_dir:
        colds = []
        for _ in range(args.runs):
            shutil.rmtree(site_dir, ignore_errors=True)
            start = time.perf_counter()
            result = run_worker("cold", site_dir)
            result["process"] = time.perf_counter() - start
            colds.append(result)
        print("Meten: gewicht van een modulepagina in Chromium...", file=sys.stderr)
        weight_kb, weight_rows, weight_method, search_rows = page_weight(Path(site_dir))
        # what filling in the browser adds to the site: the data files of /invullen/ (loaded only
        # when a chair downloads a filled deck) and the fill engine
        fill_files = [*Path(site_dir, "invullen", "data").glob("*.js"), Path(site_dir, "javascripts", "fill.js")]
        fill_kb = sum(f.stat().st_size for f in fill_files if f.is_file()) / 1024
    report["cold"] = colds
    report["fill_kb"] = fill_kb

    total, total_cpu = med(c["process"] for c in colds), med(c["cpu"] for c in colds)
    own, own_cpu = med(c["own"] for c in colds), med(c["own_cpu"] for c in colds)
    ratio = med(c["own_cpu"] / (c["cpu"] - c["own_cpu"]) for c in colds)
    ratio_wall = med(c["own"] / (c["process"] - c["own"]) for c in colds)
    line("Koude build (mkdocs build, nieuw proces): totaal", both(total, total_cpu))
    line("  eigen werk (importeren, inhoud laden, pagina's, werkbladen, decks, hooks)", both(own, own_cpu))
    # every timed part, biggest first ('hook x' holds what runs inside it, such as the decks)
    parts = sorted(colds[0]["parts_cpu"], key=lambda n: -colds[0]["parts_cpu"][n])
    for name in parts:
        if med(c["parts_cpu"].get(name, 0) for c in colds) >= 0.001:
            line(f"    waarvan {name}", both(med(c["parts"].get(name, 0) for c in colds),
                                            med(c["parts_cpu"].get(name, 0) for c in colds)))
    line("  MkDocs zelf (de rest van het proces)", both(total - own, total_cpu - own_cpu))
    line("  verhouding eigen werk / MkDocs", f"{ratio_wall:.0%} | {ratio:.0%}",
         f"≤ {TARGET_OWN_RATIO:.0%}", ratio <= TARGET_OWN_RATIO)
    line("  piekgeheugen", f"{med(c['peak_mb'] for c in colds):.0f} MB")

    print(f"Meten: rebuilds in één proces ({args.runs}x elk)...", file=sys.stderr)
    rebuilds = run_worker("rebuild", str(args.runs))
    report["rebuild"] = rebuilds

    def rebuild_line(kind: str, label: str, decks_expected: int) -> tuple[float, float]:
        runs = rebuilds[kind]
        wall, cpu = med(r["wall"] for r in runs), med(r["cpu"] for r in runs)
        decks = {r["decks"] for r in runs}
        line(label, both(wall, cpu), f"presentaties: {decks_expected}", decks == {decks_expected})
        return wall, cpu

    rebuild_line("none", "Rebuild zonder wijziging", 0)
    plain = rebuild_line("plain", f"Rebuild na wijziging gewone pagina ({PLAIN_PAGE})", 0)
    module = rebuild_line("module", f"Rebuild na wijziging module ({MODULE_MARKDOWN.split('/', 1)[1]})", 1)
    line("  verhouding module / gewone pagina", f"{module[0] / plain[0]:.2f}× | {module[1] / plain[1]:.2f}×",
         f"≤ {TARGET_REBUILD_RATIO}×", module[1] / plain[1] <= TARGET_REBUILD_RATIO)

    print("Meten: presentaties in één proces...", file=sys.stderr)
    sample = ROOT / "data" / "voorbeeld-gemeentecijfers-fictief.csv"
    decks = run_worker("decks", str(max(args.runs, 5)), str(sample))
    report["decks"] = decks
    for slug, values in decks.items():
        name = f"{MODULE_SLUG} met gemeentecijfers" if slug == "local" else slug
        line(f"Presentatie {name}: bouwtijd in één proces", both(values["seconds"], values["cpu"]))
        line("  grootte", f"{values['bytes'] / 1024:.0f} KB", f"≤ {TARGET_DECK_KB} KB",
             values["bytes"] / 1024 <= TARGET_DECK_KB)
    one, one_cpu = decks["local"]["seconds"], decks["local"]["cpu"]

    search_kb = sum(r[2] for r in weight_rows if is_search(r[0])) / 1024
    line(f"Eerste bezoek modulepagina, gzip ({weight_method})", f"{weight_kb:.0f} KB")
    line("  de pagina zelf (zonder het zoeken van Material)", f"{weight_kb - search_kb:.0f} KB",
         f"≤ {TARGET_PAGE_KB} KB", weight_kb - search_kb <= TARGET_PAGE_KB)
    line("  het zoeken van Material (index, worker, taal), laadt mee", f"{search_kb:.0f} KB")
    for name, _raw, gz in sorted(weight_rows, key=lambda r: -r[2]):
        line(f"    {name}", f"{gz / 1024:.1f} KB")
    line("  daarna bij de eerste zoekopdracht, gzip", f"{sum(r[2] for r in search_rows) / 1024:.0f} KB")
    for name, _raw, gz in sorted(search_rows, key=lambda r: -r[2]):
        line(f"    {name}", f"{gz / 1024:.1f} KB")
    line("Invullen in de browser: extra grootte van de site (data per module en fill.js)", f"{fill_kb:.0f} KB")
    report["page_weight"] = weight_rows
    report["page_weight_search"] = search_rows

    from childcare_guide.content.loader import load_package

    package = load_package(ROOT)
    figure_columns = [f.id for f in package.module(MODULE_SLUG).figures]
    batch: dict[int, tuple[float, float, float]] = {}
    for rows in rows_list:
        print(f"Meten: build_decks.py --cijfers met {rows} gemeenten ({args.batch_runs}x)...",
              file=sys.stderr)
        runs = [run_batch(rows, figure_columns) for _ in range(args.batch_runs)]
        batch[rows] = (med(r[0] for r in runs), max(r[1] for r in runs), med(r[2] for r in runs))
    report["batch"] = {str(k): v for k, v in batch.items()}
    largest = max(rows_list)
    for rows, (seconds, peak, cpu) in batch.items():
        per_deck = seconds / rows
        line(f"Reeks van {rows} gemeenten ({os.cpu_count()} kernen): wandkloktijd | CPU alle processen",
             both(seconds, cpu))
        line("  wandkloktijd per presentatie / één presentatie in één proces",
             f"{fmt_s(per_deck)} = {per_deck / one:.2f}×",
             f"≤ {TARGET_BATCH_RATIO}×" if rows == largest else "",
             per_deck / one <= TARGET_BATCH_RATIO if rows == largest else None)
        line("  CPU per presentatie / één presentatie in één proces", f"{cpu / rows / one_cpu:.2f}×")
        line("  piekgeheugen (alle processen samen)", f"{peak:.0f} MB", f"< {TARGET_BATCH_MB} MB",
             peak < TARGET_BATCH_MB)
    if len(rows_list) >= 3:
        a, b, c = sorted(rows_list)[-3:]
        early = (batch[b][0] - batch[a][0]) / (b - a)
        late = (batch[c][0] - batch[b][0]) / (c - b)
        measurable = early > 0 and late > 0  # a negative step is noise, not speed
        line(f"Groei: extra tijd per gemeente {b}→{c} / {a}→{b}",
             f"{late / early:.2f}×" if measurable else "ruis, niet te meten",
             f"≤ {TARGET_GROWTH}× (lineair)", late / early <= TARGET_GROWTH if measurable else None)
        early_cpu = (batch[b][2] - batch[a][2]) / (b - a)
        late_cpu = (batch[c][2] - batch[b][2]) / (c - b)
        line("  dezelfde groei in CPU-tijd (minder gevoelig voor een drukke machine)",
             f"{late_cpu / early_cpu:.2f}×" if early_cpu > 0 and late_cpu > 0 else "ruis, niet te meten")

    return print_report(args, report, lines)


def decks_only(args, rows_list, report, lines, line, both, med) -> int:
    """The deck figures alone (`--decks`): cold, warm and the batches."""
    print(f"Meten: alle presentaties in een nieuw proces ({args.runs}x)...", file=sys.stderr)
    colds = [run_worker("decks-cold") for _ in range(args.runs)]
    report["decks_cold"] = colds
    line(f"{colds[0]['count']} presentaties koud (nieuw proces): importeren",
         both(med(c["import"] for c in colds), med(c["import_cpu"] for c in colds)))
    line(f"  de {colds[0]['count']} presentaties bouwen (de eerste opent het sjabloon)",
         both(med(c["decks"] for c in colds), med(c["decks_cpu"] for c in colds)))
    print("Meten: presentaties in één proces...", file=sys.stderr)
    sample = ROOT / "data" / "voorbeeld-gemeentecijfers-fictief.csv"
    decks = run_worker("decks", str(max(args.runs, 5)), str(sample))
    report["decks"] = decks
    line(f"{len(decks) - 1} presentaties warm (in één proces, samen)",
         both(sum(v["seconds"] for k, v in decks.items() if k != "local"),
              sum(v["cpu"] for k, v in decks.items() if k != "local")))
    line(f"Presentatie {MODULE_SLUG} met gemeentecijfers, warm",
         both(decks["local"]["seconds"], decks["local"]["cpu"]))
    from childcare_guide.content.loader import load_package

    figure_columns = [f.id for f in load_package(ROOT).module(MODULE_SLUG).figures]
    for rows in rows_list:
        print(f"Meten: build_decks.py --cijfers met {rows} gemeenten ({args.batch_runs}x)...",
              file=sys.stderr)
        runs = [run_batch(rows, figure_columns) for _ in range(args.batch_runs)]
        report.setdefault("batch", {})[str(rows)] = runs
        line(f"Reeks van {rows} gemeenten ({os.cpu_count()} kernen): wandkloktijd | CPU alle processen",
             both(med(r[0] for r in runs), med(r[2] for r in runs)))
        line("  piekgeheugen (alle processen samen)", f"{max(r[1] for r in runs):.0f} MB",
             f"< {TARGET_BATCH_MB} MB", max(r[1] for r in runs) < TARGET_BATCH_MB)
    return print_report(args, report, lines)


def print_report(args, report: dict, lines: list[tuple[str, str, str, str]]) -> int:
    width = max(len(label) for label, *_ in lines) + 2
    print()
    print(f"{'Meting':<{width}}{'Waarde':>18}  {'Doel':<22}Oordeel")
    print("-" * (width + 50))
    for label, value, target, ok in lines:
        print(f"{label:<{width}}{value:>18}  {target:<22}{ok}")
    print()
    print("Tijden: mediaan, 'wandklok | CPU'. Wat in één proces loopt, wordt beoordeeld op CPU-tijd:")
    print("op een rustige machine is die gelijk aan de wandklok, op een drukke machine blijft ze stabiel.")
    print("De reeks presentaties (meer processen) wordt beoordeeld op de wandklok.")
    print(f"Machine: {os.cpu_count()} kernen, belasting (load average) bij de start "
          f"{report['load'][0]:.1f}, op het einde {os.getloadavg()[0]:.1f}.")
    failed = [label for label, _, _, ok in lines if ok == "FAIL"]
    print("Alle doelen gehaald." if not failed else f"{len(failed)} doel(en) niet gehaald.")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
