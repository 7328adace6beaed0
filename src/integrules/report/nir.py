"""The seed's two NIR tables and the worklist per unit, from requirements of category "nir".

The seed has two tables: what is registered in NIR about the introduction programme, and about
training in Norwegian and social studies; each row an item, a column per regime
(integreringsloven, the temporary chapter 6A), who registers it and whether it is done.
Here each row is a requirement of category ``nir``; its table is "opplaering" when its id
names training (see :data:`TRAINING_WORDS`), else "program". Status per regime is
:func:`~.aggregate.nir_status` of the counts, and the counts are shown beside it.
"""

from __future__ import annotations

from typing import Any

from .aggregate import Accumulator, UNKNOWN_REGIME, counts_dict, nir_status

TRAINING_WORDS = ("opplaering", "norsk", "utdanningsbakgrunn", "timer", "samfunnskunnskap", "videregaende", "training")
TABLES = (
    ("program", "Introduksjonsprogrammet", "The introduction programme"),
    ("opplaering", "Opplæring i norsk og samfunnskunnskap", "Training in Norwegian and social studies"),
)
REGIME_ORDER = ("integreringsloven", "kapittel_6a", "introduksjonsloven")


def table_of(requirement_id: str) -> str:
    tail = requirement_id.split(".", 1)[-1]
    return "opplaering" if any(w in tail for w in TRAINING_WORDS) else "program"


def regime_columns(regimes: dict[str, int]) -> list[str]:
    known = [r for r in REGIME_ORDER if r in regimes]
    others = sorted(r for r in regimes if r not in REGIME_ORDER and r != UNKNOWN_REGIME)
    return known + others + ([UNKNOWN_REGIME] if UNKNOWN_REGIME in regimes else [])


def nir_section(acc: Accumulator) -> dict[str, Any]:
    columns = regime_columns(dict(acc.regimes))
    tables = []
    for key, nb, en in TABLES:
        rows = []
        for rid in sorted(acc.requirements):
            req = acc.requirements[rid]
            if req.category != "nir" or table_of(rid) != key:
                continue
            by_regime = {}
            for regime in columns:
                c = counts_dict(acc.by_req_regime.get((rid, regime), {}))
                by_regime[regime] = {**c, "status": nir_status(c)}
            total = counts_dict(acc.by_req.get(rid, {}))
            rows.append({"id": rid, "title": {"nb": req.title.nb, "en": req.title.en},
                         "responsible": [u.value for u in req.responsible], "regime": req.regime,
                         "status": nir_status(total), "counts": total, "by_regime": by_regime})
        tables.append({"table": key, "title": {"nb": nb, "en": en}, "regimes": columns, "rows": rows})
    units = sorted(set(acc.worklist_total) | set(acc.worklist))
    worklist = {u: {"total": acc.worklist_total.get(u, 0), "rows": acc.worklist_rows(u)} for u in units}
    return {"tables": tables, "worklist": worklist, "worklist_limit": acc.worklist_limit}
