"""The benchmark's comparison is fair: the plugin and the plain functions of benchmarks/workload.py
give the same outcome for every requirement and participant (docs/performance.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from integrules import Engine, synthetic
from integrules.reading import structure_participant

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
workload = pytest.importorskip("workload")


@pytest.mark.parametrize("size", [5, 15])
def test_engine_and_plain_agree_participant_by_participant(size):
    engine = Engine(entry_points=False, plugins=[workload.PLUGIN5 if size == 5 else workload.PLUGIN])
    as_of = synthetic.DEFAULT_AS_OF
    seen = set()
    for i, raw in enumerate(synthetic.population(400, seed=2024)):
        raw = json.loads(json.dumps(raw))
        result = engine.evaluate(structure_participant(raw, i), as_of)
        got = tuple(result.finding(rid).outcome.value for rid in workload.IDS[:size])
        assert got == workload.baseline(raw, as_of, size), raw["id"]
        seen.update(zip(workload.IDS[:size], got))
    # every requirement meets several outcomes, so the comparison is not trivial
    for rid in workload.IDS[:size]:
        assert len({o for r, o in seen if r == rid}) >= 2, rid
