"""Build the decks (.pptx) of the guide without building the site.

    python scripts/build_decks.py --out DIR [--module SLUG]

Exit code 1 with a Dutch message when the content has a mistake; no deck is written then.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from childcare_guide.deck import TemplateError, build_deck  # noqa: E402
from childcare_guide.errors import ContentError  # noqa: E402
from childcare_guide.loader import load_package  # noqa: E402


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written deck."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak de presentaties van de gids.")
    parser.add_argument("--out", type=Path, required=True, help="map waarin de presentaties komen")
    parser.add_argument("--module", help="alleen de module met dit adres, bijvoorbeeld omgevingsanalyse")
    parser.add_argument("--root", type=Path, default=ROOT, help="map van het project")
    args = parser.parse_args(argv)
    try:
        package = load_package(args.root)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
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


if __name__ == "__main__":
    sys.exit(main())
