"""Where the build spends its own time: a tiny registry of totals per kind of work.

Always on (two clock reads per block); `scripts/benchmark.py` reads it to split a build into the
project's own work and MkDocs' work. Each block counts wall-clock time and the process's CPU time
(on a busy machine the CPU time stays close to what an idle machine would take). Nested blocks
are not added twice: only the outermost block of a stack counts towards `own_total()`.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

totals: defaultdict[str, float] = defaultdict(float)  # wall-clock seconds per label
cpu_totals: defaultdict[str, float] = defaultdict(float)  # CPU seconds per label
counts: defaultdict[str, int] = defaultdict(int)
_outer = [0.0, 0.0]  # wall, CPU of the outermost blocks
_depth = 0


@contextmanager
def timed(label: str) -> Iterator[None]:
    """Add the time of the block to totals[label] and cpu_totals[label]."""
    global _depth
    start, start_cpu = time.perf_counter(), time.process_time()
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        totals[label] += wall
        cpu_totals[label] += cpu
        counts[label] += 1
        if _depth == 0:
            _outer[0] += wall
            _outer[1] += cpu


def own_total(cpu: bool = False) -> float:
    """Seconds spent inside timed blocks (wall clock, or CPU), counting nested blocks once."""
    return _outer[1] if cpu else _outer[0]


def reset() -> None:
    totals.clear()
    cpu_totals.clear()
    counts.clear()
    _outer[0] = _outer[1] = 0.0
