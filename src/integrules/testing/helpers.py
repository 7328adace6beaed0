"""Assertion helpers and a stand-in regime for testing rules in isolation."""

from __future__ import annotations

from typing import Mapping

from .. import hookimpl
from ..findings import LegalRef, Outcome, Text
from ..results import ParticipantResult
from ..rules import Regime, RegimeDecision


def _describe(result: ParticipantResult, req_id: str) -> str:
    f = result.finding(req_id)
    missing = f" [missing: {', '.join(f.missing)}]" if f.missing else ""
    due = f" (due {f.due:%d.%m.%Y})" if f.due else ""
    return f"{f.outcome.value}{due}: {f.message.en}{missing}"


def assert_outcome(result: ParticipantResult, requirement_id: str, outcome: Outcome | str) -> None:
    """Assert that ``result`` judged ``requirement_id`` as ``outcome`` (an Outcome or its value).

    On failure the message shows the finding's outcome, message, due date and missing facts.
    """
    expected = Outcome(outcome) if isinstance(outcome, str) else outcome
    ids = [f.requirement_id for f in result.findings]
    if requirement_id not in ids:
        raise AssertionError(f"{requirement_id}: no such requirement judged at {result.as_of} "
                             f"(judged: {', '.join(ids) or 'none'})")
    got = result.finding(requirement_id).outcome
    if got is not expected:
        raise AssertionError(f"{requirement_id}: expected {expected.value}, got {_describe(result, requirement_id)}")


def assert_outcomes(result: ParticipantResult, expected: Mapping[str, Outcome | str]) -> None:
    """Assert several outcomes at once, reporting every difference together."""
    problems = []
    for req_id, outcome in sorted(expected.items()):
        try:
            assert_outcome(result, req_id, outcome)
        except AssertionError as exc:
            problems.append(str(exc))
    if problems:
        raise AssertionError("\n".join(problems))


STUB_REF = LegalRef("integrules.testing", "stub_regime", kind="lokal")


def stub_regime(regime_id: str = "integreringsloven", *, base: str | None = None):
    """A tiny plugin declaring ``regime_id`` and deciding it for every participant.

    For unit-testing rules without the plugin that really decides regimes. Do not combine it
    with a plugin that declares the same regime (that is a start-up error naming both).
    """

    class StubRegime:
        PLUGIN_NAME = f"stub_{regime_id}"

        @staticmethod
        @hookimpl
        def integrules_register_regimes(register):
            register.regime(Regime(id=regime_id, title=Text(f"{regime_id} (stub)", f"{regime_id} (stub)"),
                                   references=(STUB_REF,), base=base))

        @staticmethod
        @hookimpl
        def integrules_decide_regime(participant, as_of, settings):
            return RegimeDecision(regime=regime_id, reason=Text("Testregelverk.", "Test regime."),
                                  plugin=f"stub_{regime_id}")

    stub = StubRegime()
    # How the conformance check rebuilds it in a fresh interpreter (its subprocess run).
    stub.__integrules_rebuild__ = ("integrules.testing.helpers:stub_regime", (regime_id,), {"base": base})
    return stub
