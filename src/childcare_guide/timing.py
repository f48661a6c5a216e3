"""Where the build spends its own time: a tiny registry of wall-clock totals per kind of work.

Always on (a perf_counter call per block); `scripts/benchmark.py` reads it to split a build into
the project's own work and MkDocs' work. Nested blocks are not added twice: only the outermost
block of a stack counts towards `own_total()`.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

totals: defaultdict[str, float] = defaultdict(float)
counts: defaultdict[str, int] = defaultdict(int)
_outer = 0.0
_depth = 0


@contextmanager
def timed(label: str) -> Iterator[None]:
    """Add the wall time of the block to totals[label]."""
    global _depth, _outer
    start = time.perf_counter()
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        elapsed = time.perf_counter() - start
        totals[label] += elapsed
        counts[label] += 1
        if _depth == 0:
            _outer += elapsed


def own_total() -> float:
    """Seconds spent inside timed blocks, counting nested blocks once."""
    return _outer


def reset() -> None:
    global _outer
    totals.clear()
    counts.clear()
    _outer = 0.0
