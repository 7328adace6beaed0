"""The control committee's report as a view: per area of the law first, then the detail, the worklists last.

:func:`view` turns a report dict (:func:`~.build.build_report`) into what the HTML template shows,
in one language (``nb``, ``en``) or both. It reads only the report dict, so it adds no count of its
own: every number shown is one of the report's.

The first page holds, per area (``report["areas"]``, declared by plugins), the assessments met
"X av Y" (participant × requirement, among those the requirement applies to), not met, pending and
unknown, and with ``--compare`` the change in the share met, in percentage points, over the
requirements in force at both dates (a requirement in force at one date only is not a change).
"""

from __future__ import annotations

from typing import Any

from .aggregate import UNKNOWN_REGIME
from .blocks import fmt_date, kind_notice, summary_blocks
from .norwegian import STATUS_LABELS, STATUSES
from .outcomes import CATEGORIES, CATEGORY_LABELS

LANGS = ("nb", "en", "both")
OUTCOME_TEXT = {
    "met": ("oppfylt", "met"), "not_met": ("ikke oppfylt", "not met"), "pending": ("frist ikke nådd", "pending"),
    "unknown": ("ukjent", "unknown"), "error": ("feil", "error"), "not_applicable": ("gjelder ikke", "not applicable"),
}
NIR_STATUS_TEXT = {"OK": ("OK", "OK"), "NEI": ("NEI", "NO"), "OK?": ("OK?", "OK?"), "–": ("–", "–")}
REGIME_TEXT = {
    "integreringsloven": ("Integreringsloven", "Integration Act"),
    "kapittel_6a": ("Midlertidig kap. 6A", "Temporary ch. 6A"),
    "introduksjonsloven": ("Introduksjonsloven", "Introduction Act"),
    UNKNOWN_REGIME: ("Ukjent regelverk", "Unknown regime"),
}
STEADY_PP = 0.5  # a change in the share met smaller than this (percentage points) shows as steady


class Tr:
    """Texts in the chosen language: ``nb``, ``en`` or ``both`` ("nb / en")."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r} (nb, en or both)")
        self.lang = lang

    def __call__(self, nb: str, en: str) -> str:
        if self.lang == "nb":
            return nb
        if self.lang == "en":
            return en
        return nb if nb == en else f"{nb} / {en}"

    def text(self, pair: dict[str, str] | tuple[str, str] | None) -> str:
        if pair is None:
            return "–"
        if isinstance(pair, dict):
            return self(pair["nb"], pair["en"])
        return self(*pair)

    def outcome(self, code: str) -> str:
        return self.text(OUTCOME_TEXT.get(code, (code, code)))

    def regime(self, code: str) -> str:
        return self.text(REGIME_TEXT.get(code, (code, code)))

    def date(self, iso: str | None) -> str:
        return fmt_date(iso)


def pct(n: int, total: int) -> str:
    """"22 %" with a no-break space, so it never wraps; "–" when there is nothing to divide by."""
    return f"{round(100 * n / total)}\u00a0%" if total else "–"


def _sum(counts: list[dict[str, int]]) -> dict[str, int]:
    keys = ("applies", "met", "not_met", "pending", "unknown", "error", "not_applicable")
    return {k: sum(c.get(k, 0) for c in counts) for k in keys}


def change_of(earlier: dict[str, int], later: dict[str, int]) -> dict[str, Any] | None:
    """The change in the share met between two sums of counts: points, arrow and class; None if not comparable."""
    if not earlier["applies"] or not later["applies"]:
        return None
    before, after = 100 * earlier["met"] / earlier["applies"], 100 * later["met"] / later["applies"]
    pp = after - before
    if pp >= STEADY_PP:
        arrow, cls = "▲", "up"
    elif pp <= -STEADY_PP:
        arrow, cls = "▼", "down"
    else:
        arrow, cls = "▶", "steady"
    return {"pp": round(pp, 1), "arrow": arrow, "cls": cls, "text": f"{arrow}\u00a0{pp:+.0f}\u00a0pp",
            "earlier": f"{earlier['met']}\u00a0/\u00a0{earlier['applies']}", "before": before, "after": after}


def _areas(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's areas; a report made before areas existed is one area per plugin."""
    if report.get("areas"):
        return report["areas"]
    groups: dict[str, list[str]] = {}
    for r in report["requirements"]:
        groups.setdefault(r.get("area") or f"plugin:{r.get('plugin') or 'ukjent'}", []).append(r["id"])
    return [{"id": a, "title": {"nb": a.removeprefix("plugin:"), "en": a.removeprefix("plugin:")}, "order": 0,
             "requirements": ids} for a, ids in groups.items()]


def _both_dates(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Compare rows by id, for requirements in force at both dates only."""
    cmp_ = report.get("compare")
    if not cmp_:
        return {}
    return {r["id"]: r for r in cmp_["requirements"] if r["earlier"] is not None and r["later"] is not None}


def view(report: dict[str, Any], lang: str = "nb", *, worklists: bool = True) -> dict[str, Any]:
    """Everything the committee template shows, in ``lang``; ``worklists=False`` leaves the worklists out."""
    t = Tr(lang)
    reqs = {r["id"]: r for r in report["requirements"]}
    both = _both_dates(report)
    cmp_ = report.get("compare")
    areas = []
    for area in _areas(report):
        members = [reqs[i] for i in area["requirements"] if i in reqs]
        must = [r for r in members if r.get("force") != "should"]  # a «bør» not followed is no breach: not in "X av Y"
        total = _sum([r["counts"] for r in must])
        change = None
        if both:
            paired = [both[r["id"]] for r in must if r["id"] in both]
            if paired:
                change = change_of(_sum([p["earlier"] for p in paired]), _sum([p["later"] for p in paired]))
        rows = []
        for r in members:
            c = r["counts"]
            row_change = None
            if cmp_:
                row_change = (change_of(both[r["id"]]["earlier"], c) if r["id"] in both
                              else {"text": t("ny", "new"), "cls": "new", "pp": None, "arrow": "", "earlier": "–"})
            should = r.get("force") == "should"
            rows.append({"id": r["id"], "title": t.text(r["title"]) + (t(" (bør)", " (should)") if should else ""),
                         "should": should, "category": r["category"],
                         "responsible": ", ".join(r["responsible"]), "counts": c,
                         "met": f"{c['met']}\u00a0av\u00a0{c['applies']}" if lang != "en" else f"{c['met']}\u00a0of\u00a0{c['applies']}",
                         "pct": pct(c["met"], c["applies"]), "change": row_change})
        areas.append({"id": area["id"], "title": t.text(area["title"]), "n": len(members), "counts": total,
                      "pct": pct(total["met"], total["applies"]), "share": total["met"] / total["applies"] if total["applies"] else None,
                      "change": change, "rows": rows,
                      "detail": [row for row in rows if row["category"] != "nir" and not row["should"]],
                      "should": [row for row in rows if row["should"]]})
    totals = report["totals"]
    v: dict[str, Any] = {
        "lang": lang, "html_lang": "en" if lang == "en" else "nb", "t": t,
        "title": t("Oppfølgingsrapport", "Follow-up report"),
        "kommune": report.get("kommune") or t("ukjent kommune", "unknown municipality"),
        "as_of": fmt_date(report["as_of"]),
        "kind": report["kind"],
        "totals": totals,
        "regimes": [(t.regime(g), n) for g, n in totals["by_regime"].items() if n],
        "areas": areas,
        "should": [row for a in areas for row in a["should"]],  # «bør» requirements: apart, never a breach
        "compare": {"earlier": fmt_date(cmp_["earlier"]["as_of"]), "later": fmt_date(cmp_["later"]["as_of"])} if cmp_ else None,
        "nir": _nir(report, t),
        "norwegian": _norwegian(report, t),
        "outcomes": _outcomes(report, t),
        "units": [{"unit": u, "counts": c, "pct": pct(c["met"], c["applies"])} for u, c in report["by_unit"].items()],
        "missing": _missing(report, t),
        "worklists": _worklists(report, t, reqs) if worklists else None,
        "cases": report.get("cases") if report["kind"] == "with_names" else None,
        "rejected": report["rejected"],
        "plugins": report["plugins"],
        "source": report.get("source") or "–",
        "about": _about(report, t),
        "notices": [t.text(n) for n in report.get("notices", ())],  # rule sets verified only up to a date
    }
    return v


def _nir(report: dict[str, Any], t: Tr) -> list[dict[str, Any]]:
    tables = []
    for table in report["nir"]["tables"]:
        if not table["rows"]:
            continue
        regimes = [g for g in table["regimes"] if any(r["by_regime"][g]["applies"] for r in table["rows"])]
        rows = []
        for row in table["rows"]:
            cells = []
            for g in regimes:
                c = row["by_regime"][g]
                cells.append({"status": t.text(NIR_STATUS_TEXT.get(c["status"], (c["status"], c["status"]))),
                              "cls": {"OK": "ok", "NEI": "no", "OK?": "maybe"}.get(c["status"], "none"),
                              "detail": f"{c['met']}/{c['applies']}" if c["applies"] else "",
                              "unknown": c["unknown"]})
            rows.append({"title": t.text(row["title"]).removeprefix("NIR: "), "cells": cells,
                         "responsible": ", ".join(row["responsible"]),
                         "status": t.text(NIR_STATUS_TEXT.get(row["status"], (row["status"], row["status"])))})
        tables.append({"title": t.text(table["title"]), "regimes": [t.regime(g) for g in regimes], "rows": rows})
    return tables


def _norwegian(report: dict[str, Any], t: Tr) -> dict[str, Any]:
    n = report["norwegian"]
    return {"participants": n["participants"], "installed": n["source"]["installed"],
            "statuses": [t.text(STATUS_LABELS[k]) for k in STATUSES],
            "rows": [{"label": t.text(s["label"]), "cells": [(s[k], pct(s[k], n["participants"])) for k in STATUSES]}
                     for s in n["subtests"]]}


def _outcomes(report: dict[str, Any], t: Tr) -> dict[str, Any]:
    o = report["outcomes"]
    return {"from": fmt_date(o["period"]["from"]), "to": fmt_date(o["period"]["to"]), "ended": o["ended"],
            "rows": [(t.text(CATEGORY_LABELS[c]), o["by_category"][c], pct(o["by_category"][c], o["ended"]))
                     for c in CATEGORIES],
            "standard": o["work_or_education"], "standard_pct": pct(o["work_or_education"]["count"], o["ended"]),
            "local": o["work_education_or_nav"], "local_pct": pct(o["work_education_or_nav"]["count"], o["ended"])}


def _missing(report: dict[str, Any], t: Tr) -> list[dict[str, Any]]:
    return [{"field": m["field"], "findings": m["findings"], "alone": m["alone"], "participants": m["participants"],
             "requirements": m["requirements"]} for m in report.get("missing", [])]


def _worklists(report: dict[str, Any], t: Tr, reqs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for unit, wl in report["nir"]["worklist"].items():
        rows = [{"due": fmt_date(r["due"]), "participant": r["participant_id"],
                 "item": t.text(reqs[r["requirement_id"]]["title"]).removeprefix("NIR: ") if r["requirement_id"] in reqs
                 else r["requirement_id"],
                 "status": t.outcome(r["outcome"]), "cls": r["outcome"], "regime": t.regime(r["regime"]),
                 "missing": ", ".join(r["missing"])} for r in wl["rows"]]
        out.append({"unit": unit, "total": wl["total"], "shown": len(rows), "rows": rows})
    return out


_SHOWN_ELSEWHERE = ("Lest / read", "For hvert krav", "Programtillegg / plugins")  # summary lines _about says itself


def _about(report: dict[str, Any], t: Tr) -> list[str]:
    """Where the figures come from, in ``t``'s language; other summary lines of the shared blocks follow as they are."""
    totals = report["totals"]
    plugins = ", ".join(f"{p['name']} {p['version'] or ''}".strip() for p in report["plugins"]) or "–"
    out = [
        t(f"Lest {totals['read']} = vurdert {totals['evaluated']} + avvist {totals['rejected']}. Krav i kraft: "
          f"{totals['requirements']}. Programfeil: {totals['plugin_errors']}.",
          f"Read {totals['read']} = evaluated {totals['evaluated']} + rejected {totals['rejected']}. Requirements in "
          f"force: {totals['requirements']}. Plugin errors: {totals['plugin_errors']}."),
        t("For hvert krav: gjelder = oppfylt + ikke oppfylt + frist ikke nådd + ukjent + feil, og gjelder + gjelder "
          "ikke = vurderte deltakere.",
          "For each requirement: applies = met + not met + pending + unknown + error, and applies + not applicable "
          "= participants evaluated."),
        t(f"Programtillegg: {plugins}. Kilde: {report.get('source') or '–'}.",
          f"Plugins: {plugins}. Source: {report.get('source') or '–'}."),
    ]
    notice = kind_notice(report)
    on_first_page = {f"{n['nb']} / {n['en']}" for n in report.get("notices", ())}  # the verified-up-to notice
    out += [b[1] for b in summary_blocks(report)
            if b[0] == "p" and b[1] != notice and b[1] not in on_first_page and not b[1].startswith(_SHOWN_ELSEWHERE)]
    return out
