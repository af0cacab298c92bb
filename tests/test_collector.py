"""The garbage collector's settings: the server freezes its start-up heap once and spaces the passes over young
objects; an import run eases the collector while it lasts and leaves those settings in place afterwards."""
from __future__ import annotations

import gc

from donghanh.core import collector


def test_an_import_run_leaves_the_start_up_freeze_and_thresholds_as_it_found_them() -> None:
    collector.freeze_start_up()
    frozen, thresholds = gc.get_freeze_count(), gc.get_threshold()
    assert frozen > 0
    assert thresholds[0] >= 10_000, "a serving process looks over its young objects every 10,000, not 700"
    with collector.eased():
        assert gc.get_threshold()[0] >= 20_000
        with collector.eased():  # two runs at once: the first to end must not undo the other's settings
            pass
        assert gc.get_threshold()[0] >= 20_000
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() >= frozen, "an import unfroze the server's start-up heap"


def test_freezing_start_up_twice_freezes_once() -> None:
    collector.freeze_start_up()
    frozen = gc.get_freeze_count()
    made_since = [[] for _ in range(10)]  # tracked objects a second freeze would take
    collector.freeze_start_up()
    assert gc.get_freeze_count() == frozen
    assert len(made_since) == 10
