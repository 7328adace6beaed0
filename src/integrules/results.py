"""Results of a run: per participant, per rejected record, and the counts that must add up."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import attrs

from .findings import Finding, Force, Outcome
from .model import Participant
from .rules import RegimeDecision


@attrs.frozen
class ParticipantResult:
    """Every requirement in force at ``as_of`` judged for one participant (one finding per id)."""

    index: int
    participant_id: str
    as_of: dt.date
    regime: RegimeDecision
    findings: tuple[Finding, ...]
    participant: Participant | None = attrs.field(default=None, eq=False, repr=False)
    # Codes of warnings about the record itself (e.g. "duf_check_digits"); the record is judged all the same.
    warnings: tuple[str, ...] = ()

    def finding(self, requirement_id: str) -> Finding:
        for f in self.findings:
            if f.requirement_id == requirement_id:
                return f
        raise KeyError(requirement_id)

    def outcomes(self) -> dict[str, Outcome]:
        return {f.requirement_id: f.outcome for f in self.findings}


@attrs.frozen
class Rejection:
    """A record that could not be read as a participant, and why (field paths, never values)."""

    index: int
    record_id: str | None
    errors: tuple[str, ...]
    source: str | None = None  # e.g. "line 12" in a JSON Lines file

    def describe(self) -> str:
        who = f"record {self.index}" + (f" (id {self.record_id})" if self.record_id else "")
        where = f", {self.source}" if self.source else ""
        return f"{who}{where}: " + "; ".join(self.errors)


@attrs.define
class Summary:
    """Counts for a run: read = evaluated + rejected, always.

    ``outcomes`` counts the findings of «skal» (must) requirements, ``should`` those of «bør»
    (should) requirements: a «bør» not followed is never counted as a breach. ``duf_warnings``
    counts participants whose DUF number fails the check digits (a warning, never a rejection).
    """

    read: int = 0
    evaluated: int = 0
    rejected: int = 0
    plugin_errors: int = 0  # findings with outcome error
    outcomes: Counter = attrs.field(factory=Counter)
    should: Counter = attrs.field(factory=Counter)
    duf_warnings: int = 0

    def add(self, item: ParticipantResult | Rejection) -> None:
        self.read += 1
        if isinstance(item, Rejection):
            self.rejected += 1
            return
        self.evaluated += 1
        for f in item.findings:
            if f.force is Force.SHOULD:
                self.should[f.outcome.value] += 1
            else:
                self.outcomes[f.outcome.value] += 1
            if f.outcome is Outcome.ERROR:
                self.plugin_errors += 1
        if DUF_CHECK_DIGITS in item.warnings:
            self.duf_warnings += 1

    def merge(self, other: Summary) -> None:
        """Add the counts of another run's summary (``check --jobs N``: one per chunk)."""
        self.read += other.read
        self.evaluated += other.evaluated
        self.rejected += other.rejected
        self.plugin_errors += other.plugin_errors
        self.outcomes.update(other.outcomes)
        self.should.update(other.should)
        self.duf_warnings += other.duf_warnings

    def as_dict(self) -> dict:
        return {
            "read": self.read,
            "evaluated": self.evaluated,
            "rejected": self.rejected,
            "plugin_errors": self.plugin_errors,
            "findings": {o.value: self.outcomes.get(o.value, 0) for o in Outcome},
            "should_findings": {o.value: self.should.get(o.value, 0) for o in Outcome},
            "duf_warnings": self.duf_warnings,
        }


DUF_CHECK_DIGITS = "duf_check_digits"


def participant_warnings(participant: Participant) -> tuple[str, ...]:
    """Warning codes for a participant's record: ``duf_check_digits`` when its DUF number is given and
    fails SSB's mod-11 check (integrules.duf). A warning, never a rejection; the number is never shown."""
    duf = participant.duf
    return (DUF_CHECK_DIGITS,) if duf is not None and not duf.check_digits_ok else ()


def duf_warning(result: ParticipantResult) -> bool:
    """True when the result carries the DUF check-digit warning."""
    return DUF_CHECK_DIGITS in result.warnings
