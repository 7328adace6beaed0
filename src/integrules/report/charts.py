"""Charts as inline SVG, drawn with matplotlib (the optional extra ``integrules[report]``).

Deterministic: a fixed hash salt and no date in the metadata, so equal reports give equal SVG.
Text stays text (``svg.fonttype = none``), which keeps the file small and searchable.
"""

from __future__ import annotations

import io
from typing import Any

from .norwegian import STATUS_LABELS, STATUSES

COLORS = {"met": "#2e7d32", "pending": "#90caf9", "unknown": "#f9a825", "not_met": "#c62828", "error": "#6a1b9a",
          "reached": "#2e7d32", "not_yet": "#c62828", "no_result": "#90a4ae", "goal_unknown": "#f9a825",
          "results_unknown": "#6d4c41"}
OUTCOME_LABELS = {"met": "oppfylt / met", "not_met": "ikke oppfylt / not met", "pending": "frist ikke nådd / pending",
                  "unknown": "ukjent / unknown", "error": "feil / error"}


def _figure(height: float):
    import matplotlib
    from matplotlib.figure import Figure

    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["svg.hashsalt"] = "integrules"
    fig = Figure(figsize=(9, height))
    return fig, fig.add_subplot()


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.tight_layout()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": "integrules"})
    text = buf.getvalue()
    return text[text.index("<svg"):]  # drop the XML prolog and doctype: inline SVG


def _stacked(labels: list[str], series: list[tuple[str, list[float], str]], title: str, xlabel: str) -> str:
    fig, ax = _figure(max(2.2, 0.38 * len(labels) + 1.4))
    left = [0.0] * len(labels)
    y = list(range(len(labels)))
    for name, values, color in series:
        ax.barh(y, values, left=left, color=color, label=name, height=0.7)
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(y, labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel, fontsize=8)
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=7, ncols=min(len(series), 5), loc="upper center", bbox_to_anchor=(0.5, -0.2),
              frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def compliance_chart(report: dict[str, Any]) -> str | None:
    """Per «skal» requirement (NIR items included): shares of met, pending, unknown, not met among those it applies
    to. «Bør» requirements are left out: their "not followed" is not a breach (they have their own table)."""
    reqs = [r for r in report["requirements"] if r["counts"]["applies"] and r.get("force") != "should"]
    if not reqs:
        return None
    labels = [r["id"] for r in reqs]
    series = []
    for o in ("met", "pending", "unknown", "not_met", "error"):
        values = [100 * r["counts"][o] / r["counts"]["applies"] for r in reqs]
        if any(values):
            series.append((OUTCOME_LABELS[o], values, COLORS[o]))
    return _stacked(labels, series, "Oppfyllelse per krav / compliance per requirement",
                    "% av deltakerne kravet gjelder / % of participants it applies to")


def norwegian_chart(report: dict[str, Any]) -> str | None:
    n = report["norwegian"]
    if not n["participants"]:
        return None
    labels = [f"{s['label']['nb']} / {s['label']['en']}" for s in n["subtests"]]
    series = [(f"{STATUS_LABELS[k][0]} / {STATUS_LABELS[k][1]}", [s[k] for s in n["subtests"]], COLORS[k]) for k in STATUSES]
    return _stacked(labels, series, "Norskprøver mot norskmålet / Norwegian tests against the goal", "deltakere / participants")


def change_chart(report: dict[str, Any]) -> str | None:
    cmp_ = report.get("compare")
    if not cmp_:
        return None
    rows = [r for r in cmp_["requirements"] if (r["earlier"] or {}).get("applies") or (r["later"] or {}).get("applies")]
    if not rows:
        return None
    fig, ax = _figure(max(2.2, 0.45 * len(rows) + 1.4))
    y = list(range(len(rows)))
    share = lambda c: 100 * c["met"] / c["applies"] if c and c["applies"] else 0  # noqa: E731
    ax.barh([v - 0.2 for v in y], [share(r["earlier"]) for r in rows], height=0.4, color="#b0bec5",
            label=f"{cmp_['earlier']['as_of']}")
    ax.barh([v + 0.2 for v in y], [share(r["later"]) for r in rows], height=0.4, color="#1565c0",
            label=f"{cmp_['later']['as_of']}")
    ax.set_yticks(y, [r["id"] for r in rows], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% oppfylt av dem kravet gjelder / % met of those it applies to", fontsize=8)
    ax.set_title("Endring mellom datoene / change between the dates", fontsize=10)
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)
