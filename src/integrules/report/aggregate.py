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

from ..findings import Force, Outcome, Unit
from ..results import ParticipantResult, Rejection, duf_warning
from ..rules import Requirement
from .missing import MissingTally
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
        # One count per (requirement, regime, outcome); the per-unit counts follow from the units the
        # requirement's findings name (the same tuple for every finding of an engine's requirement), so
        # a finding costs one dict update here (performance). Findings naming other units than the
        # first of their requirement are counted apart, with their units.
        self._counts: dict[tuple[str, str, str], int] = {}
        self._units: dict[str, tuple[Unit, ...]] = {}
        self._odd: dict[tuple[str, str, str, tuple[Unit, ...]], int] = {}
        self._derived: tuple | None = None
        self._nir = frozenset(rid for rid, r in self.requirements.items() if r.category == "nir")
        self.worklist: dict[str, list] = {}
        self.worklist_total: Counter = Counter()
        self.worklist_limit = worklist_limit
        self._seq = 0
        self.outcomes = OutcomeTally(period)
        self.norwegian = NorwegianTally(as_of, norskmal)
        self.cases: list[dict[str, Any]] = []
        self.cases_dropped = 0
        self.duf_warnings = 0  # participants whose DUF number fails the check digits (never the number)
        self._should = frozenset(rid for rid, r in self.requirements.items() if r.force is Force.SHOULD)
        self.missing = MissingTally()  # what is missing, ranked (report.missing)

    def add(self, item: ParticipantResult | Rejection) -> None:
        self.read += 1
        if isinstance(item, Rejection):
            self.rejected.append(item)
            return
        self.evaluated += 1
        self._derived = None
        if item.warnings and duf_warning(item):
            self.duf_warnings += 1
        regime = item.regime.regime or UNKNOWN_REGIME
        self.regimes[regime] += 1
        counts, units, nir = self._counts, self._units, self._nir
        for f in item.findings:
            rid = f.requirement_id
            outcome = f.outcome._value_
            if f.responsible is not units.get(rid) and not self._same_units(rid, f.responsible):
                key4 = (rid, regime, outcome, f.responsible)
                self._odd[key4] = self._odd.get(key4, 0) + 1
            else:
                key = (rid, regime, outcome)
                counts[key] = counts.get(key, 0) + 1
            if rid in nir and outcome in WORKLIST_OUTCOMES:
                self._work(f, item.participant_id, regime)
        self.missing.add(item.findings)
        if item.participant is not None:
            self.outcomes.add(item.participant, regime)
            self.norwegian.add(item.participant, regime)
        if self.with_names:
            if len(self.cases) < CASE_LIMIT:
                name = item.participant.name if item.participant is not None else None
                not_met_ids = [f.requirement_id for f in item.findings
                               if f.outcome is Outcome.NOT_MET and f.force is not Force.SHOULD]
                should_ids = [f.requirement_id for f in item.findings
                              if f.outcome is Outcome.NOT_MET and f.force is Force.SHOULD]
                unknown_ids = [f.requirement_id for f in item.findings if f.outcome is Outcome.UNKNOWN]
                self.cases.append({"participant_id": item.participant_id, "name": name, "regime": regime,
                                   "not_met": sorted(not_met_ids), "should_not_followed": sorted(should_ids),
                                   "unknown": sorted(unknown_ids)})
            else:
                self.cases_dropped += 1

    def _same_units(self, rid: str, units: tuple[Unit, ...]) -> bool:
        """True when ``units`` are the units first seen for ``rid`` (recorded now if none was)."""
        known = self._units.get(rid)
        if known is None:
            self._units[rid] = units
            return True
        return units == known

    def add_all(self, items: Iterable[ParticipantResult | Rejection]) -> Accumulator:
        for item in items:
            self.add(item)
        return self

    # -- counts per requirement, regime and unit, as the report reads them ------------------------

    def _tables(self) -> tuple:
        if self._derived is None:
            by_req: dict[str, Counter] = {}
            by_req_regime: dict[tuple[str, str], Counter] = {}
            by_req_unit: dict[tuple[str, str], Counter] = {}
            unit_totals: dict[str, Counter] = {}
            unit_should: dict[str, Counter] = {}  # «bør» requirements, counted apart from the «skal» ones
            rows = [(rid, regime, outcome, self._units[rid], n) for (rid, regime, outcome), n in self._counts.items()]
            rows += [(rid, regime, outcome, units, n) for (rid, regime, outcome, units), n in self._odd.items()]
            for rid, regime, outcome, units, n in rows:
                by_req.setdefault(rid, Counter())[outcome] += n
                by_req_regime.setdefault((rid, regime), Counter())[outcome] += n
                totals = unit_should if rid in self._should else unit_totals
                for unit in units:
                    by_req_unit.setdefault((rid, unit.value), Counter())[outcome] += n
                    totals.setdefault(unit.value, Counter())[outcome] += n
            self._derived = (by_req, by_req_regime, by_req_unit, unit_totals, unit_should)
        return self._derived

    @property
    def by_req(self) -> dict[str, Counter]:
        """Outcome counts per requirement id."""
        return self._tables()[0]

    @property
    def by_req_regime(self) -> dict[tuple[str, str], Counter]:
        """Outcome counts per (requirement id, regime)."""
        return self._tables()[1]

    @property
    def by_req_unit(self) -> dict[tuple[str, str], Counter]:
        """Outcome counts per (requirement id, responsible unit)."""
        return self._tables()[2]

    @property
    def unit_totals(self) -> dict[str, Counter]:
        """Outcome counts per responsible unit, over every «skal» (must) requirement."""
        return self._tables()[3]

    @property
    def unit_totals_should(self) -> dict[str, Counter]:
        """Outcome counts per responsible unit, over every «bør» (should) requirement."""
        return self._tables()[4]

    # -- the worklist -------------------------------------------------------------------------------

    def _work(self, f, participant_id: str, regime: str) -> None:
        """A missing NIR item on each responsible unit's worklist, oldest due first (bounded heap)."""
        self._seq += 1
        key = (-f.due.toordinal() if f.due else _NO_DUE, -self._seq)
        row = None
        for unit in f.responsible:
            self.worklist_total[unit.value] += 1
            heap = self.worklist.setdefault(unit.value, [])
            if len(heap) < self.worklist_limit or key > heap[0][0]:
                if row is None:  # built only when kept (performance: most candidates are not)
                    row = {"due": f.due.isoformat() if f.due else None, "requirement_id": f.requirement_id,
                           "participant_id": participant_id, "regime": regime, "outcome": f.outcome.value,
                           "missing": list(f.missing)}
                self._keep(heap, key, row)

    def _push(self, unit: str, seq: int, row: dict[str, Any]) -> None:
        """A kept row of a partial (see :meth:`merge`), as :meth:`_work` would have pushed it."""
        due = dt.date.fromisoformat(row["due"]).toordinal() if row["due"] else -_NO_DUE
        key = (-due, -seq)
        heap = self.worklist.setdefault(unit, [])
        if len(heap) < self.worklist_limit or key > heap[0][0]:
            self._keep(heap, key, row)

    def _keep(self, heap: list, key: tuple[int, int], row: dict[str, Any]) -> None:
        # Max-heap on (due, order) via negated keys: keep the `limit` oldest (no due date: last).
        if len(heap) < self.worklist_limit:
            heapq.heappush(heap, (key, row))
        else:
            heapq.heapreplace(heap, (key, row))

    def worklist_rows(self, unit: str) -> list[dict[str, Any]]:
        """The rows kept for ``unit``: oldest due first, then by participant and requirement, then in input order."""
        rows = sorted(self.worklist.get(unit, []), key=lambda kr: (kr[1]["due"] or "9999-12-31", kr[1]["participant_id"],
                                                                   kr[1]["requirement_id"], kr[0][1] * -1))
        return [row for _, row in rows]

    # -- parts counted apart (integrules.parallel), merged in input order -----------------------------

    def partial(self) -> dict[str, Any]:
        """What this accumulator counted, as plain picklable data for :meth:`merge`."""
        return {"read": self.read, "evaluated": self.evaluated, "rejected": self.rejected,
                "regimes": self.regimes, "counts": self._counts, "units": self._units, "odd": self._odd,
                "seq": self._seq, "worklist_total": self.worklist_total,
                "worklist": {u: sorted(((-key[1], row) for key, row in heap), key=lambda sr: sr[0])
                             for u, heap in self.worklist.items()},
                "outcomes": self.outcomes.partial(), "norwegian": self.norwegian.partial(),
                "cases": self.cases, "cases_dropped": self.cases_dropped, "duf_warnings": self.duf_warnings,
                "missing": self.missing.partial()}

    def merge(self, part: dict[str, Any]) -> Accumulator:
        """Add a :meth:`partial` of the records that follow the ones counted so far.

        Merged in input order, parts give exactly what one accumulator fed every record gives.
        """
        self._derived = None
        self.read += part["read"]
        self.evaluated += part["evaluated"]
        self.rejected.extend(part["rejected"])
        self.regimes.update(part["regimes"])
        for (rid, regime, outcome), n in part["counts"].items():
            units = part["units"][rid]
            if self._same_units(rid, units):
                key = (rid, regime, outcome)
                self._counts[key] = self._counts.get(key, 0) + n
            else:
                key4 = (rid, regime, outcome, units)
                self._odd[key4] = self._odd.get(key4, 0) + n
        for key4, n in part["odd"].items():
            if self._same_units(key4[0], key4[3]):
                key = key4[:3]
                self._counts[key] = self._counts.get(key, 0) + n
            else:
                self._odd[key4] = self._odd.get(key4, 0) + n
        # The part's worklist rows renumbered after the ones seen so far, as one accumulator numbers them.
        self.worklist_total.update(part["worklist_total"])
        for unit, rows in part["worklist"].items():
            for seq, row in rows:
                self._push(unit, self._seq + seq, row)
        self._seq += part["seq"]
        self.outcomes.merge(part["outcomes"])
        self.norwegian.merge(part["norwegian"])
        self.missing.merge(part["missing"])
        room = max(0, CASE_LIMIT - len(self.cases))
        self.cases.extend(part["cases"][:room])
        self.cases_dropped += max(0, len(part["cases"]) - room) + part["cases_dropped"]
        self.duf_warnings += part["duf_warnings"]
        return self


_NO_DUE = -dt.date.max.toordinal()  # a row without a due date sorts as 9999-12-31: last
