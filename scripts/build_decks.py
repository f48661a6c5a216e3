"""Build the decks (.pptx) of the guide without building the site.

    python scripts/build_decks.py --out DIR [--module SLUG]
    python scripts/build_decks.py --cijfers TABLE.csv --out DIR [--module SLUG] [--stop-bij-fout]

Exit code 1 with a Dutch message when the content has a mistake; no deck is written then.
With --cijfers: one pre-filled deck per municipality (row of the table), built on every core.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from childcare_guide.content.errors import ContentError  # noqa: E402
from childcare_guide.content.loader import load_package  # noqa: E402
from childcare_guide.content.local_table import REQUIRED, TableError, columns_for, deck_file_name, read_table  # noqa: E402
from childcare_guide.content.model import LocalData  # noqa: E402
from childcare_guide.render.deck import TemplateError, build_deck  # noqa: E402
from childcare_guide.site.files import write_atomic  # noqa: E402

DEFAULT_TABLE_MODULE = "omgevingsanalyse"
TABLE_HELP = """\
Met --cijfers maak je één ingevulde presentatie per gemeente. De tabel is een CSV-bestand
(UTF-8, komma of puntkomma als scheidingsteken). De eerste regel noemt de kolommen:

  gemeente   naam van de gemeente (verplicht)
  niscode    NIS-code van de gemeente: precies 5 cijfers (verplicht, elke code één keer)
  jaar       jaar van de cijfers, bijvoorbeeld 2023 (verplicht)

en daarna, naar keuze, één kolom per cijfer en per invulveld van de module. Die namen komen
uit content/ (de id's in module.yml en pakket.yml). Voor de module {module}:

{columns}
  start                  het uur waarop het overleg begint, bijvoorbeeld 09:30: de agenda
                         toont dan de uren van elke stap

Een cijfer is een getal (12,1 of 12.1; zonder % en zonder punt voor de duizendtallen). Een
lege cel blijft een geel invulveld dat de voorzitter zelf invult. Regels die met # beginnen,
boven de kolomnamen, zijn commentaar. Een voorbeeld met verzonnen gemeenten:
data/voorbeeld-gemeentecijfers-fictief.csv.

Een rij met een fout (NIS-code zonder 5 cijfers of dubbel, geen getal, een waarde te veel of
te weinig) wordt overgeslagen met een melding en het rijnummer; met --stop-bij-fout stopt het
script dan zonder iets te schrijven. Een presentatie wordt nooit half geschreven.
"""



def _columns_text(root: Path, slug: str) -> str:
    """The table's optional columns for a module, read from the content (for --help)."""
    try:
        package = load_package(root)
    except ContentError:
        return "  (de inhoud heeft een fout: voer 'make check' uit om de kolommen te zien)"
    module = package.module(slug)
    if module is None:
        return f"  (de module '{slug}' bestaat niet)"
    columns = columns_for(package, module)
    lines = [f"  {figure_id:<22} cijfer: {figure.label} ({figure.unit})"
             for figure_id, figure in columns.figures.items()]
    lines += [f"  {field_id:<22} tekst: {label}" for field_id, label in columns.fields.items()]
    return "\n".join(lines)


def _parser(epilog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Maak de presentaties van de gids.", epilog=epilog,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="map waarin de presentaties komen")
    parser.add_argument("--module", help="alleen de module met dit adres, bijvoorbeeld omgevingsanalyse "
                                         f"(met --cijfers: standaard {DEFAULT_TABLE_MODULE})")
    parser.add_argument("--cijfers", type=Path, metavar="TABEL.csv",
                        help="tabel met de cijfers per gemeente: één ingevulde presentatie per rij")
    parser.add_argument("--stop-bij-fout", action="store_true",
                        help="met --cijfers: stop bij de eerste foute rij, zonder iets te schrijven "
                             "(standaard: sla foute rijen over)")
    parser.add_argument("--processen", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="met --cijfers: aantal processen dat tegelijk werkt (standaard: "
                             "het aantal processorkernen)")
    parser.add_argument("--root", type=Path, default=ROOT, help="map van het project")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    epilog = ""
    if "-h" in argv or "--help" in argv:
        epilog = TABLE_HELP.format(module=DEFAULT_TABLE_MODULE,
                                   columns=_columns_text(ROOT, DEFAULT_TABLE_MODULE))
    args = _parser(epilog).parse_args(argv)
    try:
        package = load_package(args.root)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    if args.cijfers:
        return build_from_table(package, args)
    modules = package.modules
    if args.module:
        modules = tuple(m for m in modules if m.slug == args.module)
        if not modules:
            known = ", ".join(m.slug for m in package.modules)
            print(f"De module '{args.module}' bestaat niet. Kies een van deze: {known}.", file=sys.stderr)
            return 1
    try:
        decks = {m.deck_name: build_deck(package, m) for m in modules}
    except TemplateError as error:
        print(str(error), file=sys.stderr)
        return 1
    for name, data in decks.items():
        write_atomic(args.out / name, data)
        print(f"Geschreven: {args.out / name}")
    return 0


# -- one deck per municipality --------------------------------------------------------------------

def build_from_table(package, args) -> int:
    slug = args.module or DEFAULT_TABLE_MODULE
    module = package.module(slug)
    if module is None:
        known = ", ".join(m.slug for m in package.modules)
        print(f"De module '{slug}' bestaat niet. Kies een van deze: {known}.", file=sys.stderr)
        return 1
    try:
        table = read_table(args.cijfers, package, module)
    except TableError as error:
        print(str(error), file=sys.stderr)
        return 1
    for problem in table.problems:
        print(f"Fout: {problem}", file=sys.stderr)
    if table.problems and args.stop_bij_fout:
        print(f"Gestopt: {len(table.problems)} rij(en) met een fout (--stop-bij-fout). Er is niets "
              "geschreven. Verbeter de rijen en start opnieuw.", file=sys.stderr)
        return 1
    if not table.rows:
        print(f"{args.cijfers}: geen enkele bruikbare rij. Er is niets geschreven. De tabel heeft "
              f"minstens de kolommen {', '.join(REQUIRED)} en één rij per gemeente.", file=sys.stderr)
        return 1
    jobs = [(row.number, row.local, deck_file_name(module, row.local)) for row in table.rows]
    started = time.perf_counter()
    _worker.update(package=package, module=module, root=args.root, slug=module.slug)  # loaded once
    try:
        written = _run_jobs(jobs, args.root, module.slug, args.out, max(1, args.processen))
    except TemplateError as error:
        print(str(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"\nOnderbroken. De presentaties die klaar waren, staan in {args.out}; er is geen "
              "half geschreven bestand.", file=sys.stderr)
        return 130
    seconds = time.perf_counter() - started
    print(f"Klaar: {written} presentatie(s) in {args.out} ({seconds:.1f} s)."
          + (f" {len(table.problems)} rij(en) overgeslagen: zie de fouten hierboven."
             if table.problems else ""))
    return 0


_worker: dict = {}


def _init_worker(root: Path, slug: str, out: Path) -> None:
    """Load the package once per process; every deck of the batch reuses it.

    A forked worker inherits the package (and a warm python-pptx) from the main process.
    """
    if _worker.get("root") == root and _worker.get("slug") == slug:
        _worker["out"] = out
        return
    package = load_package(root)
    _worker.update(package=package, module=package.module(slug), out=out, root=root, slug=slug)


def _build_chunk(chunk: list[tuple[int, LocalData, str]]) -> int:
    package, module, out = _worker["package"], _worker["module"], _worker["out"]
    for _number, local, name in chunk:
        write_atomic(out / name, build_deck(package, module, local=local))
    return len(chunk)


def _run_jobs(jobs: list, root: Path, slug: str, out: Path, processes: int) -> int:
    out.mkdir(parents=True, exist_ok=True)
    progress = _Progress(len(jobs))
    processes = min(processes, len(jobs))
    if processes == 1:
        _init_worker(root, slug, out)
        for job in jobs:
            progress.advance(_build_chunk([job]))
        progress.done()
        return len(jobs)
    # Small chunks keep both cores busy to the end and the progress bar moving.
    size = max(1, min(8, len(jobs) // (processes * 6)))
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        # the first deck here warms up python-pptx once; the forked workers inherit it
        _init_worker(root, slug, out)
        progress.advance(_build_chunk(jobs[:1]))
        jobs = jobs[1:]
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context(method),
                             initializer=_init_worker, initargs=(root, slug, out)) as pool:
        for count in pool.map(_build_chunk, chunks):
            progress.advance(count)
    progress.done()
    return progress.count


class _Progress:
    """A progress bar on stderr: redrawn in place on a terminal, every tenth part in a log."""

    WIDTH = 30

    def __init__(self, total: int):
        self.total = total
        self.count = 0
        self.started = time.perf_counter()
        self.tty = sys.stderr.isatty()
        self.shown_tenth = -1

    def advance(self, count: int) -> None:
        self.count += count
        tenth = self.count * 10 // self.total
        if self.tty or tenth != self.shown_tenth:
            self.shown_tenth = tenth
            self._draw()

    def _draw(self) -> None:
        filled = self.count * self.WIDTH // self.total
        seconds = time.perf_counter() - self.started
        line = (f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.count}/{self.total} "
                f"presentaties ({seconds:.1f} s)")
        print(("\r" if self.tty else "") + line, end="" if self.tty else "\n", file=sys.stderr,
              flush=True)

    def done(self) -> None:
        if self.tty:
            print(file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
