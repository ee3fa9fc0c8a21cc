"""The worst-case section of the benchmarks runs every shape and judges it against the targets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS, needs_shared

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import worst


@pytest.mark.slow
@needs_shared
def test_every_worst_case_shape_is_parsed_and_judged(capsys: pytest.CaptureFixture[str]) -> None:
    results = worst.measure(SEEDS, 0.05)
    assert [r.shape for r in results] == [s.name for s in worst.SHAPES]
    assert all(0.04 < r.megabytes < 0.06 and r.seconds > 0 and r.articles >= 1 for r in results)
    worst.print_results(results)
    assert capsys.readouterr().out.count("PASS") + sum(not r.passed for r in results) == len(results)
