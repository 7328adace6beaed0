"""Counting findings as they stream past: counts are kept, findings are not.

:class:`Accumulator` takes :class:`~integrules.results.ParticipantResult` and
:class:`~integrules.results.Rejection` items one at a time and keeps, per requirement, the
number of each outcome, split by regime and by responsible unit. Nothing it keeps names a
person: the only per-case state is the bounded NIR worklist (pseudonymous participant ids)
and, only when asked for (``with_names``), the case list.

Invariants (tested): ``read = evaluated + rejected``; per requirement
``applies = met + not_met + pending + unknown + error`` and ``applies + not_applicable = evaluated``.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from typing import Any, Iterable

from ..findings import Outcome
from ..results import ParticipantResult, Rejection
from ..rules import Requirement
from .norwegian import NorwegianTally
from .outcomes import OutcomeTally

APPLY_OUTCOMES = ("met", "not_met", "pending", "unknown", "error")
ALL_OUTCOMES = APPLY_OUTCOMES + ("not_applicable",)
UNKNOWN_REGIME = "ukjent"  # the regime column for participants whose regime is unknown
WORKLIST_OUTCOMES = ("not_met", "unknown", "pending")
WORKLIST_LIMIT = 200  # worklist rows kept per unit (oldest due first); the total is always counted
CASE_LIMIT = 100_000  # cases kept for --with-names


def counts_dict(counter: Counter) -> dict[str, int]:
    """Outcome counts with ``applies`` and ``total``: every outcome present, zeros included."""
    out = {o: counter.get(o, 0) for o in ALL_OUTCOMES}
    out["applies"] = sum(out[o] for o in APPLY_OUTCOMES)
    out["total"] = out["applies"] + out["not_applicable"]
    return out


def nir_status(counts: dict[str, int]) -> str:
    """The seed's "Utført" column from counts: OK, NEI, OK? (unknowns) or "–" (applies to none).

    NEI when any applicable case is not met or failed; OK? when none failed but some are
    unknown (an "OK?" is not an OK); "OK (frist ikke nådd)" is not used: pending items are
    not late, so OK covers met and pending alike.
    """
    if counts["applies"] == 0:
        return "–"
    if counts["not_met"] or counts["error"]:
        return "NEI"
    if counts["unknown"]:
        return "OK?"
    return "OK"


class Accumulator:
    """Streaming counts for one report date.

    :param requirements: the requirements in force at ``as_of`` (their metadata goes in the report).
    :param with_names: keep a case list (participant id, name, what is not met) as well.
    :param period: (from, to) inclusive dates for programme end outcomes.
    :param norskmal: an adapter giving the Norwegian goal in force (see :mod:`.norwegian`).
    """

    def __init__(self, requirements: Iterable[Requirement], as_of: dt.date, *, period: tuple[dt.date, dt.date],
                 with_names: bool = False, norskmal: Any = None, worklist_limit: int = WORKLIST_LIMIT) -> None:
        self.as_of = as_of
        self.requirements = {r.id: r for r in requirements}
        self.with_names = with_names
        self.read = self.evaluated = 0
        self.rejected: list[Rejection] = []
        self.regimes: Counter = Counter()
        self.by_req: dict[str, Counter] = {}
        self.by_req_regime: dict[tuple[str, str], Counter] = {}
        self.by_req_unit: dict[tuple[str, str], Counter] = {}
        self.unit_totals: dict[str, Counter] = {}
        self.worklist: dict[str, list] = {}
        self.worklist_total: Counter = Counter()
        self.worklist_limit = worklist_limit
        self._seq = 0
        self.outcomes = OutcomeTally(period)
        self.norwegian = NorwegianTally(as_of, norskmal)
        self.cases: list[dict[str, Any]] = []
        self.cases_dropped = 0

    def add(self, item: ParticipantResult | Rejection) -> None:
        self.read += 1
        if isinstance(item, Rejection):
            self.rejected.append(item)
            return
        self.evaluated += 1
        regime = item.regime.regime or UNKNOWN_REGIME
        self.regimes[regime] += 1
        not_met_ids, unknown_ids = [], []
        for f in item.findings:
            outcome = f.outcome.value
            rid = f.requirement_id
            self.by_req.setdefault(rid, Counter())[outcome] += 1
            self.by_req_regime.setdefault((rid, regime), Counter())[outcome] += 1
            for unit in f.responsible:
                self.by_req_unit.setdefault((rid, unit.value), Counter())[outcome] += 1
                self.unit_totals.setdefault(unit.value, Counter())[outcome] += 1
            if f.outcome is Outcome.NOT_MET:
                not_met_ids.append(rid)
            elif f.outcome is Outcome.UNKNOWN:
                unknown_ids.append(rid)
            req = self.requirements.get(rid)
            if req is not None and req.category == "nir" and outcome in WORKLIST_OUTCOMES:
                self._work(f, item.participant_id, regime)
        if item.participant is not None:
            self.outcomes.add(item.participant, regime)
            self.norwegian.add(item.participant, regime)
        if self.with_names:
            if len(self.cases) < CASE_LIMIT:
                name = item.participant.name if item.participant is not None else None
                self.cases.append({"participant_id": item.participant_id, "name": name, "regime": regime,
                                   "not_met": sorted(not_met_ids), "unknown": sorted(unknown_ids)})
            else:
                self.cases_dropped += 1

    def add_all(self, items: Iterable[ParticipantResult | Rejection]) -> Accumulator:
        for item in items:
            self.add(item)
        return self

    def _work(self, f, participant_id: str, regime: str) -> None:
        """A missing NIR item on each responsible unit's worklist, oldest due first (bounded heap)."""
        self._seq += 1
        due = f.due.isoformat() if f.due else "9999-12-31"  # no due date: last
        row = {"due": f.due.isoformat() if f.due else None, "requirement_id": f.requirement_id,
               "participant_id": participant_id, "regime": regime, "outcome": f.outcome.value,
               "missing": list(f.missing)}
        for unit in f.responsible:
            self.worklist_total[unit.value] += 1
            heap = self.worklist.setdefault(unit.value, [])
            # Max-heap on (due, order) via negation of the key: keep the `limit` oldest.
            key = (_neg(due), -self._seq)
            if len(heap) < self.worklist_limit:
                heapq.heappush(heap, (key, row))
            elif key > heap[0][0]:
                heapq.heapreplace(heap, (key, row))

    def worklist_rows(self, unit: str) -> list[dict[str, Any]]:
        rows = [row for _, row in self.worklist.get(unit, [])]
        return sorted(rows, key=lambda r: (r["due"] or "9999-12-31", r["participant_id"], r["requirement_id"]))


def _neg(iso: str) -> tuple[int, ...]:
    """An ISO date as a tuple that sorts in reverse (for the max-heap of oldest due dates)."""
    return tuple(-int(part) for part in iso.split("-"))
