"""One report at one date: evaluate a stream, count it, and assemble a JSON-ready dict.

The dict is the report: every renderer (text, markdown, CSV, JSON, HTML) reads only it, and
``--compare`` diffs two of them. Its fields are documented in docs/reports.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from ..areas import area_of, collect_areas, report_areas
from ..dates import add_months
from ..engine import Engine
from ..parallel import CHUNK, ParallelRun
from ..privacy import Pseudonymiser
from ..progress import Progress
from ..results import ParticipantResult, Rejection
from .aggregate import Accumulator, UNKNOWN_REGIME, counts_dict
from .nir import nir_section, regime_columns
from .norwegian import NorskmalSource, load_source
from .outcomes import OutcomeTally

REPORT_FORMAT = 1


def default_period(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """Programme ends counted: the twelve months up to and including ``as_of``."""
    return add_months(as_of, -12) + dt.timedelta(days=1), as_of


def build_report(engine: Engine, records: Iterable[Any], as_of: dt.date, *, kommune: str | None = None,
                 source: str | None = None, with_names: bool = False, period: tuple[dt.date, dt.date] | None = None,
                 norskmal: NorskmalSource | None = None, progress: Progress | None = None,
                 pseudonymiser: Pseudonymiser | None = None) -> dict[str, Any]:
    """Judge ``records`` (participants and rejections) at ``as_of`` and return the report dict.

    ``pseudonymiser`` replaces every participant id (worklist, case list, rejected records).
    """
    period = period or default_period(as_of)
    requirements = engine.requirements(as_of)
    if norskmal is None:
        norskmal = load_source(disabled="norskmal" in engine.disabled)
    acc = Accumulator(requirements, as_of, period=period, with_names=with_names, norskmal=norskmal)
    items: Iterable[ParticipantResult | Rejection] = engine.evaluate_all(records, as_of)
    if pseudonymiser is not None:
        items = pseudonymiser.apply_all(items)
    if progress is not None:
        items = progress.wrap(items)
    acc.add_all(items)
    return assemble(acc, engine, kommune=kommune, source=source)


def build_report_parallel(engine: Engine, raw_items: Iterable[Any], as_of: dt.date, engine_kwargs: dict[str, Any],
                          jobs: int, *, kommune: str | None = None, source: str | None = None, with_names: bool = False,
                          period: tuple[dt.date, dt.date] | None = None, norskmal: NorskmalSource | None = None,
                          progress: Progress | None = None, pseudonymiser: Pseudonymiser | None = None,
                          chunk: int = CHUNK) -> dict[str, Any]:
    """:func:`build_report` with ``jobs`` worker processes (:mod:`integrules.parallel`): the same report.

    ``raw_items`` come from :func:`integrules.reading.read_raw`; ``engine_kwargs`` build in each
    worker an engine like ``engine`` (:func:`integrules.parallel.engine_kwargs`). Each worker counts
    its chunks into partial tallies, which are merged here in input order. Plugin faults from the
    workers are added to ``engine.faults`` and ``engine.fault_count``.
    """
    period = period or default_period(as_of)
    own_source = norskmal
    if norskmal is None:
        norskmal = load_source(disabled="norskmal" in engine.disabled)
    acc = Accumulator(engine.requirements(as_of), as_of, period=period, with_names=with_names, norskmal=norskmal)
    tally = ChunkTally(period, with_names, "norskmal" in engine.disabled, own_source, pseudonymiser)
    run = ParallelRun(raw_items, as_of, engine_kwargs, jobs, map_chunk=tally, chunk=chunk)
    for part in run:
        acc.merge(part)
        if progress is not None:
            progress.advance(part["read"])
    if progress is not None:
        progress.done()
    engine.faults.extend(run.faults[:max(0, 1000 - len(engine.faults))])
    engine.fault_count += run.fault_count
    return assemble(acc, engine, kommune=kommune, source=source)


class ChunkTally:
    """Runs in each worker of :func:`build_report_parallel`: one chunk of results counted, as plain data."""

    def __init__(self, period: tuple[dt.date, dt.date], with_names: bool, norskmal_disabled: bool,
                 norskmal: NorskmalSource | None, pseudonymiser: Pseudonymiser | None) -> None:
        self.period = period
        self.with_names = with_names
        self.norskmal_disabled = norskmal_disabled
        self.norskmal = norskmal
        self.pseudonymiser = pseudonymiser

    def __call__(self, engine: Engine, as_of: dt.date, items: Iterable[Any]) -> dict[str, Any]:
        if self.norskmal is None:  # loaded once per worker
            self.norskmal = load_source(disabled=self.norskmal_disabled)
        acc = Accumulator(engine.requirements(as_of), as_of, period=self.period, with_names=self.with_names,
                          norskmal=self.norskmal)
        acc.add_all(map(self.pseudonymiser.apply, items) if self.pseudonymiser is not None else items)
        return acc.partial()


def assemble(acc: Accumulator, engine: Engine | None, *, kommune: str | None, source: str | None) -> dict[str, Any]:
    columns = regime_columns(dict(acc.regimes))
    units = sorted(acc.unit_totals)
    should_units = sorted(acc.unit_totals_should)
    areas, _ = collect_areas(engine)  # a plugin failing here only loses its grouping
    reqs = []
    for rid in sorted(acc.requirements):
        req = acc.requirements[rid]
        reqs.append({
            "id": rid,
            "title": {"nb": req.title.nb, "en": req.title.en},
            "category": req.category,
            "force": req.force.value,
            "regime": req.regime,
            "responsible": [u.value for u in req.responsible],
            "references": [str(r) for r in req.references],
            "plugin": engine.plugin_of(req) if engine is not None else None,
            "counts": counts_dict(acc.by_req.get(rid, {})),
            "by_regime": {g: counts_dict(acc.by_req_regime.get((rid, g), {})) for g in columns},
            "by_unit": {u.value: counts_dict(acc.by_req_unit.get((rid, u.value), {})) for u in req.responsible},
        })
        reqs[-1]["checklist"] = list(req.checklist)
        reqs[-1]["area"] = area_of(rid, req.category, req.checklist, reqs[-1]["plugin"], areas)
    report: dict[str, Any] = {
        "integrules": {"report_format": REPORT_FORMAT},
        "kind": "with_names" if acc.with_names else "aggregate",
        "kommune": kommune,
        "source": source,
        "as_of": acc.as_of.isoformat(),
        "plugins": [{"name": p.name, "version": p.version} for p in engine.plugins()] if engine else [],
        "settings": dict(sorted(engine.settings.items())) if engine else {},
        "notices": [{"nb": t.nb, "en": t.en} for t in engine.notices(acc.as_of)] if engine else [],
        "totals": {
            "read": acc.read, "evaluated": acc.evaluated, "rejected": len(acc.rejected),
            "by_regime": {g: acc.regimes.get(g, 0) for g in columns},
            "requirements": len(reqs),
            "requirements_should": sum(r["force"] == "should" for r in reqs),
            "plugin_errors": sum(r["counts"]["error"] for r in reqs),
            "duf_warnings": acc.duf_warnings,
        },
        "by_unit": {u: counts_dict(acc.unit_totals[u]) for u in units},
        "by_unit_should": {u: counts_dict(acc.unit_totals_should[u]) for u in should_units},
        "requirements": reqs,
        "areas": report_areas(reqs, areas),
        "nir": nir_section(acc),
        "outcomes": acc.outcomes.as_dict(),
        "norwegian": acc.norwegian.as_dict(),
        "missing": acc.missing.as_list(),
        "rejected": [{"index": r.index, "record_id": r.record_id, "source": r.source, "errors": list(r.errors)}
                     for r in acc.rejected],
    }
    if acc.with_names:
        report["cases"] = acc.cases
        report["cases_dropped"] = acc.cases_dropped
    return report


__all__ = ["Accumulator", "OutcomeTally", "Progress", "UNKNOWN_REGIME", "build_report", "build_report_parallel",
           "default_period"]
