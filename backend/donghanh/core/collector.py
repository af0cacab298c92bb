"""The garbage collector, spared what it need not look at: the objects that live as long as the process, and
during imports, most passes over the young ones."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_YOUNG_OBJECTS_PER_PASS = 20_000  # the collector's first threshold while imports run (Python's own: 700)
_YOUNG_OBJECTS_PER_PASS_SERVING = 10_000  # and once a server has started
_runs_under_way = 0
_thresholds = gc.get_threshold()
_frozen_by_runs = False


def freeze_start_up() -> None:
    """Once per process, after start-up: the modules, the app, its routes and the ORM's and Pydantic's
    registries (some 225,000 objects) move out of the collector's sight. A full pass over them took about
    140 ms and fell on whichever request set it off: it was the lists' p99 (referrals 215 → 58 ms at four
    connections). Cyclic garbage made later is collected as before."""
    if gc.get_freeze_count() == 0:
        gc.collect()
        gc.freeze()
        # A list request holds a few thousand young objects at once (its rows, their dicts, the answer): at
        # Python's 700 the collector looked them over about once a request, and again a tenth of the time one
        # generation up. At 10,000 it passes a sixth as often (2,251 → 389 young passes over 2,000 referrals
        # pages), and a page takes 1.6% fewer instructions (bench/RESULTS.md). Garbage cycles wait longer,
        # and are collected all the same.
        gc.set_threshold(_YOUNG_OBJECTS_PER_PASS_SERVING, *gc.get_threshold()[1:])


@contextmanager
def eased() -> Iterator[None]:
    """An import allocates millions of short-lived objects, and the collector's passes cost a quarter to a
    third of its CPU: while imports run, the objects that were there before them sit out the full passes
    (a server froze them at start-up already; the CLI freezes them here), and the young ones are looked at
    every 20,000 allocations instead of every 700. Cyclic garbage made meanwhile is collected all the same,
    later."""
    global _runs_under_way, _thresholds, _frozen_by_runs
    if _runs_under_way == 0:
        _frozen_by_runs = gc.get_freeze_count() == 0
        if _frozen_by_runs:
            gc.freeze()
        _thresholds = gc.get_threshold()
        gc.set_threshold(max(_thresholds[0], _YOUNG_OBJECTS_PER_PASS), *_thresholds[1:])
    _runs_under_way += 1
    try:
        yield
    finally:
        _runs_under_way -= 1
        if _runs_under_way == 0:
            gc.set_threshold(*_thresholds)
            if _frozen_by_runs:
                gc.unfreeze()
