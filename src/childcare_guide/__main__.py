"""Command line: `python -m childcare_guide check` validates all content without building the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from childcare_guide.content.chair_pages import load_chair_pages
from childcare_guide.content.errors import ContentError
from childcare_guide.content.form import check_form
from childcare_guide.content.loader import load_package
from childcare_guide.content.writing_hints import hints_for_tree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m childcare_guide",
                                     description="Controleer de inhoud van de gids.")
    parser.add_argument("command", choices=["check"], help="check: controleer alle inhoud")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="map van het project, met content/ erin (standaard: de huidige map)")
    args = parser.parse_args(argv)
    hints = hints_for_tree(args.root)
    if hints:
        count = "1 schrijftip" if len(hints) == 1 else f"{len(hints)} schrijftips"
        print(f"{count} voor klare taal (geen fouten, wel het nakijken waard):")
        for hint in hints:
            print(f"- Schrijftip: {hint}")
    # how the files are written (the rules of the commit hooks), then what they say
    problems = check_form(args.root)
    try:
        package = load_package(args.root)
        load_chair_pages(args.root, package)  # content/begrippen.yml and content/zelftest.yml
    except ContentError as error:
        problems.extend(error.problems)
    if problems:
        print(ContentError(problems).report(), file=sys.stderr)
        return 1
    steps = sum(len(m.steps) for m in package.modules)
    print(f"De inhoud is in orde: {len(package.modules)} modules, {steps} stappen.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
