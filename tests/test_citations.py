"""Findings' references checked per requirement (issue 22): each bundled plugin declares, in
plugins/<plugin>/tests/citations.json, the references every finding of each of its requirements must cite; its
test_case_files.py checks them on every case. Here: the declarations cover every requirement and name real ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrules import Engine
from integrules.testing.cases import cites, load_citations

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ("eksempelkommune", "integreringsloven", "kapittel6a", "norskmal")


@pytest.fixture(scope="module")
def engine():
    engine = Engine(entry_points=True)
    if not set(PLUGINS) <= {p.name for p in engine.plugins()}:
        pytest.skip("needs the bundled plugins installed")
    return engine


@pytest.mark.parametrize("plugin", PLUGINS)
def test_every_requirement_declares_its_citations(engine, plugin):
    declared = load_citations(ROOT / "plugins" / plugin / "tests" / "citations.json")
    owned = {rid for rid, versions in engine.registry.requirements.items()
             if any(engine.registry.owner(v) == plugin for v in versions)}
    assert owned == set(declared), f"undeclared: {sorted(owned - set(declared))}; unknown: {sorted(set(declared) - owned)}"
    for rid, wanted in declared.items():
        assert wanted, f"{rid}: declares no citation"
        for version in engine.registry.requirements[rid]:
            for c in wanted:  # what a version's findings always carry: its own references
                assert any(cites(r, c) for r in version.references), f"{rid} ({version.valid_from}) does not declare {c}"


def test_cites_matches_a_reference_or_its_more_precise_form():
    from integrules.findings import LegalRef

    ref = LegalRef("integreringsloven", "§ 32", ledd=1)
    assert cites(ref, "integreringsloven § 32 første ledd") and cites(ref, "integreringsloven § 32")
    assert not cites(LegalRef("integreringsloven", "§ 32 a"), "integreringsloven § 32")
    assert not cites(ref, "integreringsloven § 3") and not cites(ref, "integreringsloven § 32 andre ledd")


def test_a_finding_without_a_declared_citation_fails_its_case(engine):
    from integrules.testing.cases import run_case_file

    path = ROOT / "plugins/integreringsloven/tests/cases/grense-13-alder-25.json"
    assert all(r.passed for r in run_case_file(path, citations={"integreringsloven.sluttmal": ("integreringsloven § 13",)}))
    failed = [r for r in run_case_file(path, citations={"integreringsloven.sluttmal": ("integreringsloven § 99",)})
              if not r.passed]
    assert len(failed) == 3 and "does not cite integreringsloven § 99, which its requirement declares" in failed[0].failures[0]
