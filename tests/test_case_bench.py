"""benchmarks/_case.py: the synthetic case the benchmark opens is a real, valid case."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from conftest import ROOT
from peacebrief.core.case import load_case
from peacebrief.core.changes import compare

CASE_BENCH = ROOT / "benchmarks" / "_case.py"


def _module():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(CASE_BENCH.parent))
    spec = importlib.util.spec_from_file_location("bench_case", CASE_BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_case_loads_with_shared_ids_and_disputes(tmp_path: Path) -> None:
    folder = _module().ensure_case(rounds=3, events=20, out=tmp_path)
    case = load_case(folder)
    assert [r.name for r in case.rounds] == ["round-01", "round-02", "round-03"]
    assert [p for p in case.problems if p.severity == "error"] == []
    assert {p.id for p in case.rounds[0].brief.parties} == {p.id for p in case.rounds[2].brief.parties}
    assert len(case.histories) == 10  # the ten shared event ids, told with other dates
    changes = compare(case)
    assert changes.counts()["changed"] + changes.counts()["unchanged"] > 0
    assert len(changes.new_events) == 10 and len(changes.new_quotes) == 40
