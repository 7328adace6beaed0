"""Charts as inline SVG, drawn with matplotlib (the optional extra ``integrules[report]``).

They take the committee view (:func:`.committee.view`), so labels are titles in the chosen
language, never technical ids. Sized for print: 6.3 inches wide (A4's text width), 9 pt text,
about a third of an inch per bar, the legend just above the bars; the page scales them down
little or not at all. The chart's title is the HTML figure caption, not drawn twice.

Deterministic: a fixed hash salt and no date in the metadata, so equal reports give equal SVG.
Text stays text (``svg.fonttype = none``), which keeps the file small and searchable.
"""

from __future__ import annotations

import io
import textwrap
from typing import Any

COLORS = {"met": "#2e7d32", "pending": "#64b5f6", "unknown": "#f9a825", "not_met": "#c62828", "error": "#6a1b9a",
          "reached": "#2e7d32", "not_yet": "#c62828", "no_result": "#90a4ae", "goal_unknown": "#f9a825",
          "results_unknown": "#6d4c41"}
WIDTH = 6.3  # inches: A4 (8.27 in) less the page margins
FONT = 9
LABEL_WIDTH = 30  # characters per label line


def _figure(n_bars: int, per_bar: float = 0.32):
    import matplotlib
    from matplotlib.figure import Figure

    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["svg.hashsalt"] = "integrules"
    matplotlib.rcParams["font.size"] = FONT
    fig = Figure(figsize=(WIDTH, 0.7 + per_bar * n_bars))
    return fig, fig.add_subplot()


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", pad_inches=0.05, metadata={"Date": None, "Creator": "integrules"})
    text = buf.getvalue()
    return text[text.index("<svg"):]  # drop the XML prolog and doctype: inline SVG


def _label(text: str) -> str:
    return "\n".join(textwrap.wrap(text, LABEL_WIDTH)) or text


def _style(ax, labels: list[str]) -> None:
    ax.set_yticks(range(len(labels)), [_label(s) for s in labels], fontsize=FONT)
    ax.invert_yaxis()
    ax.tick_params(axis="x", labelsize=FONT - 1)
    ax.spines[["top", "right"]].set_visible(False)
    ax.margins(y=0.02)


def _legend(ax, n: int) -> None:
    ax.legend(fontsize=FONT - 1, ncols=min(n, 5), loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False,
              handlelength=1.2, columnspacing=1.0, borderaxespad=0.2)


def _per_bar(labels: list[str], least: float) -> float:
    """Inches per bar: enough for the longest wrapped label (about 0.15 in a line at 9 pt)."""
    lines = max((_label(s).count("\n") + 1 for s in labels), default=1)
    return max(least, 0.15 * lines + 0.1)


def _stacked(labels: list[str], series: list[tuple[str, list[float], str]], xlabel: str, xmax: float | None) -> str:
    fig, ax = _figure(len(labels), per_bar=_per_bar(labels, 0.32))
    left = [0.0] * len(labels)
    for name, values, color in series:
        ax.barh(range(len(labels)), values, left=left, color=color, label=name, height=0.7)
        left = [a + b for a, b in zip(left, values)]
    _style(ax, labels)
    if xmax is not None:
        ax.set_xlim(0, xmax)
    ax.set_xlabel(xlabel, fontsize=FONT - 1)
    _legend(ax, len(series))
    return _svg(fig)


def area_chart(v: dict[str, Any]) -> str | None:
    """Per area: the shares met, pending, unknown, not met and error of the assessments that apply."""
    t = v["t"]
    areas = [a for a in v["areas"] if a["counts"]["applies"]]
    if not areas:
        return None
    series = []
    for o in ("met", "pending", "unknown", "not_met", "error"):
        values = [100 * a["counts"][o] / a["counts"]["applies"] for a in areas]
        if any(values):
            series.append((t.outcome(o), values, COLORS[o]))
    return _stacked([a["title"] for a in areas], series,
                    t("% av vurderingene der kravet gjelder", "% of the assessments the requirement applies to"), 100)


def norwegian_chart(v: dict[str, Any]) -> str | None:
    n = v["norwegian"]
    if not n["participants"]:
        return None
    keys = ("reached", "not_yet", "no_result", "goal_unknown", "results_unknown")
    series = [(label, [row["cells"][i][0] for row in n["rows"]], COLORS[k]) for i, (k, label) in enumerate(zip(keys, n["statuses"]))]
    series = [s for s in series if any(s[1])]
    return _stacked([row["label"] for row in n["rows"]], series, v["t"]("deltakere", "participants"), n["participants"])


def change_chart(v: dict[str, Any]) -> str | None:
    """Per area in force at both dates: the share met at the earlier and the later date."""
    if not v["compare"]:
        return None
    t = v["t"]
    areas = [a for a in v["areas"] if a["change"] is not None]
    if not areas:
        return None
    fig, ax = _figure(len(areas), per_bar=_per_bar([a["title"] for a in areas], 0.42))
    y = list(range(len(areas)))
    earlier = [a["change"]["before"] for a in areas]
    later = [a["change"]["after"] for a in areas]
    ax.barh([i - 0.19 for i in y], earlier, height=0.38, color="#b0bec5", label=v["compare"]["earlier"])
    ax.barh([i + 0.19 for i in y], later, height=0.38, color="#1565c0", label=v["compare"]["later"])
    _style(ax, [a["title"] for a in areas])
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("% oppfylt, krav i kraft på begge datoene", "% met, requirements in force at both dates"),
                  fontsize=FONT - 1)
    _legend(ax, 2)
    return _svg(fig)
