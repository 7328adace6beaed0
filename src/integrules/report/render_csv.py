"""CSV in long ("tidy") form: one number per row, so every section fits one set of columns.

Columns (docs/reports.md): ``report, as_of, section, id, split, split_value, measure, value``.
With ``--compare`` the other report's rows follow, with ``report`` = ``compare``.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterator

from ..escaping import csv_cell
from .aggregate import ALL_OUTCOMES
from .norwegian import STATUSES
from .outcomes import CATEGORIES

COLUMNS = ("report", "as_of", "section", "id", "split", "split_value", "measure", "value")
COUNT_MEASURES = ("applies",) + ALL_OUTCOMES


def rows(report: dict[str, Any], which: str = "current") -> Iterator[tuple]:
    for row in _rows(report):
        yield tuple(map(csv_cell, (which, *row)))  # no cell a spreadsheet would run as a formula


def _rows(report: dict[str, Any]) -> Iterator[tuple]:
    d = report["as_of"]
    t = report["totals"]
    for m in ("read", "evaluated", "rejected", "plugin_errors"):
        yield (d, "totals", "", "", "", m, t[m])
    yield (d, "totals", "", "", "", "duf_warnings", t.get("duf_warnings", 0))
    for g, n in t["by_regime"].items():
        yield (d, "totals", "", "regime", g, "evaluated", n)
    for r in report["requirements"]:
        # A «bør» requirement is its own section, so its "not_met" (not followed) is never summed as a breach.
        section = "nir" if r["category"] == "nir" else "requirement"
        if r.get("force") == "should":
            section += "_should"
        for m in COUNT_MEASURES:
            yield (d, section, r["id"], "", "", m, r["counts"][m])
        for g, c in r["by_regime"].items():
            for m in COUNT_MEASURES:
                yield (d, section, r["id"], "regime", g, m, c[m])
        for u, c in r["by_unit"].items():
            for m in COUNT_MEASURES:
                yield (d, section, r["id"], "unit", u, m, c[m])
    o = report["outcomes"]
    yield (d, "outcomes", "", "", "", "ended", o["ended"])
    for c in CATEGORIES:
        yield (d, "outcomes", c, "", "", "count", o["by_category"][c])
    for key in ("work_or_education", "work_education_or_nav"):
        yield (d, "outcomes", key, "", "", "count", o[key]["count"])
        yield (d, "outcomes", key, "", "", "of", o[key]["of"])
    n = report["norwegian"]
    for s in n["subtests"]:
        for k in STATUSES:
            yield (d, "norwegian", s["subtest"], "", "", k, s[k])
    for r in report["rejected"]:
        yield (d, "rejected", r["record_id"] or "", "record", str(r["index"]), "errors", len(r["errors"]))
    for m in report.get("missing") or ():
        for measure in ("findings", "alone", "participants", "requirements"):
            yield (d, "missing", m["field"], "", "", measure, m[measure])


def render(report: dict[str, Any], earlier: dict[str, Any] | None = None) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    w.writerows(rows(report))
    if earlier is not None:
        w.writerows(rows(earlier, "compare"))
    return buf.getvalue()
