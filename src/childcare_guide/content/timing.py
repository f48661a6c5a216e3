"""One source for times: a step's 'verloop' adds up to its minutes, and no typed duration disagrees.

A duration in a step's text, in its slides or in their notes ('in 20 minuten', 'vijftien minuten')
must be a time the data knows: the step's minutes, one part of its 'verloop', the time after a few
parts of it, or the duration of the module. Short times (under five minutes, such as 'één minuut
per persoon') and rates ('vijf minuten per stelling') are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MIN_CHECKED = 5
WORDS = {
    "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
    "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18,
    "negentien": 19, "twintig": 20, "vijfentwintig": 25, "dertig": 30, "veertig": 40,
    "vijfenveertig": 45, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
    "honderd": 100, "honderdtwintig": 120,
}
DURATION = re.compile(r"\b(\d+|" + "|".join(sorted(WORDS, key=len, reverse=True)) +
                      r")\s+minuten\b(?!\s+per\b)", re.IGNORECASE)


def durations(text: str) -> Iterator[tuple[int, str]]:
    """Each checked duration in a text: its value and the words as typed ('20 minuten')."""
    for match in DURATION.finditer(text):
        word = match.group(1).lower()
        value = int(word) if word.isdigit() else WORDS[word]
        if value >= MIN_CHECKED:
            yield value, match.group(0)


def known_times(step_minutes: int, parts: list[int], module_minutes: int) -> set[int]:
    """The times a text may name: the step, each part, each run of parts in a row, the module."""
    known = {step_minutes, module_minutes}
    for start in range(len(parts)):
        total = 0
        for minutes in parts[start:]:
            total += minutes
            known.add(total)
    return known
