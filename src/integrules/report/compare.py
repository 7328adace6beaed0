"""Two reports side by side: what changed per requirement and per NIR item.

``compare(earlier, later)`` takes two report dicts (:func:`~.build.build_report`) and returns
the change: per requirement the counts at both dates and the difference (later minus earlier;
None when it is in force at one date only),
per NIR item and regime the status at both dates, and the totals.
"""

from __future__ import annotations

from typing import Any

from .aggregate import ALL_OUTCOMES

MEASURES = ALL_OUTCOMES + ("applies",)


def _share(c: dict[str, int]) -> float | None:
    return round(c["met"] / c["applies"], 4) if c.get("applies") else None


def compare(earlier: dict[str, Any], later: dict[str, Any]) -> dict[str, Any]:
    before = {r["id"]: r for r in earlier["requirements"]}
    after = {r["id"]: r for r in later["requirements"]}
    rows = []
    for rid in sorted(set(before) | set(after)):
        a, b = before.get(rid), after.get(rid)
        ca = a["counts"] if a else None
        cb = b["counts"] if b else None
        ref = b or a
        rows.append({
            "id": rid, "title": ref["title"], "category": ref["category"], "force": ref.get("force", "must"),
            "earlier": ca, "later": cb,
            # A requirement in force at one date only has no change: its counts at the other date are
            # not zero, they do not exist ("+46 met" for a rule not yet in force would be false).
            "change": {m: cb[m] - ca[m] for m in MEASURES} if ca is not None and cb is not None else None,
            "area": ref.get("area"),
            "met_share": {"earlier": _share(ca) if ca else None, "later": _share(cb) if cb else None},
            "in_force": {"earlier": a is not None, "later": b is not None},
        })
    nir_rows = []
    for ta, tb in zip(earlier["nir"]["tables"], later["nir"]["tables"]):
        ia = {r["id"]: r for r in ta["rows"]}
        ib = {r["id"]: r for r in tb["rows"]}
        regimes = list(dict.fromkeys(ta["regimes"] + tb["regimes"]))
        for rid in sorted(set(ia) | set(ib)):
            ref = ib.get(rid) or ia.get(rid)
            per_regime = {}
            for g in regimes:
                sa = ia[rid]["by_regime"].get(g, {}).get("status", "–") if rid in ia else "–"
                sb = ib[rid]["by_regime"].get(g, {}).get("status", "–") if rid in ib else "–"
                per_regime[g] = {"earlier": sa, "later": sb, "changed": sa != sb}
            nir_rows.append({"table": tb["table"], "id": rid, "title": ref["title"],
                             "responsible": ref["responsible"], "by_regime": per_regime})
    ta_, tb_ = earlier["totals"], later["totals"]
    return {
        "earlier": {"as_of": earlier["as_of"], "source": earlier.get("source")},
        "later": {"as_of": later["as_of"], "source": later.get("source")},
        "totals": {k: {"earlier": ta_[k], "later": tb_[k]} for k in ("read", "evaluated", "rejected")},
        "requirements": rows,
        "nir": nir_rows,
        "outcomes": {"earlier": earlier["outcomes"]["work_or_education"], "later": later["outcomes"]["work_or_education"]},
    }
