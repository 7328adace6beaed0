"""The report as an xlsx workbook: a sheet per table, numbers as numbers, the worklist a sheet per unit.

The same content as the committee's report (:mod:`.committee`), in the chosen language; counts
come straight from the report dict. Needs openpyxl (the ``xlsx`` extra).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from ..spreadsheet import Sheet, workbook_bytes
from .committee import view
from .norwegian import STATUSES

OUTCOMES = ("met", "not_met", "pending", "unknown", "error", "not_applicable")


def _date(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


def render(report: dict[str, Any], *, lang: str = "nb", worklists: bool = True) -> bytes:
    v = view(report, lang, worklists=worklists)
    t = v["t"]
    compared = v["compare"] is not None
    counts_h = [t("gjelder", "applies")] + [t.outcome(o) for o in OUTCOMES]

    def counts(c: dict[str, int]) -> list[int]:
        return [c["applies"]] + [c[o] for o in OUTCOMES]

    def pp(change: dict[str, Any] | None) -> float | str | None:
        if change is None:
            return None
        return change["pp"] if change.get("pp") is not None else change["text"]

    sheets: list[Sheet] = []
    sheets.append((t("Oversikt", "Overview"),
                   [t("område", "area"), t("krav", "requirements"), *counts_h, t("% oppfylt", "% met")]
                   + ([t("endring (pp)", "change (pp)")] if compared else []),
                   [[a["title"], a["n"], *counts(a["counts"]),
                     round(100 * a["share"], 1) if a["share"] is not None else None]
                    + ([pp(a["change"])] if compared else []) for a in v["areas"]]))
    sheets.append((t("Krav", "Requirements"),
                   [t("område", "area"), "id", t("krav", "requirement"), t("ansvar", "unit"), *counts_h]
                   + ([t("endring (pp)", "change (pp)")] if compared else []),
                   [[a["title"], r["id"], r["title"], r["responsible"], *counts(r["counts"])]
                    + ([pp(r["change"])] if compared else []) for a in v["areas"] for r in a["rows"]]))
    sheets.append((t("Per regelverk", "By regime"), ["id", t("krav", "requirement"), t("regelverk", "regime"), *counts_h],
                   [[r["id"], t.text(r["title"]), t.regime(g), *counts(c)]
                    for r in report["requirements"] for g, c in r["by_regime"].items() if c["applies"]]))
    sheets.append((t("Per enhet", "By unit"), [t("enhet", "unit"), *counts_h],
                   [[u, *counts(c)] for u, c in report["by_unit"].items()]))
    sheets.append(("NIR", [t("tabell", "table"), "id", t("punkt", "item"), t("regelverk", "regime"), "status",
                           t("registrert", "registered"), t("gjelder", "applies"), t.outcome("unknown"),
                           t("hvem registrerer", "who registers")],
                   list(_nir_rows(report, t))))
    n = report["norwegian"]
    sheets.append((t("Norsk", "Norwegian"), [t("delprøve", "sub-test"), *v["norwegian"]["statuses"], t("deltakere", "participants")],
                   [[t.text(s["label"]), *[s[k] for k in STATUSES], n["participants"]] for s in n["subtests"]]))
    o = report["outcomes"]
    sheets.append((t("Resultater", "Outcomes"), [t("kategori", "category"), t("antall", "count"), t("avsluttet", "ended"),
                                                 t("fra", "from"), t("til", "to")],
                   [[label, count, o["ended"], _date(o["period"]["from"]), _date(o["period"]["to"])]
                    for label, count, _ in v["outcomes"]["rows"]]
                   + [[t("i arbeid eller utdanning (standardmål)", "in work or education (standard measure)"),
                       o["work_or_education"]["count"], o["ended"], _date(o["period"]["from"]), _date(o["period"]["to"])]]))
    sheets.append((t("Mangler", "Missing"), [t("felt", "field"), t("ukjente vurderinger", "unknown findings"),
                                             t("bare dette feltet", "only this field"), t("deltakere", "participants"),
                                             t("krav", "requirements")],
                   [[m["field"], m["findings"], m["alone"], m["participants"], m["requirements"]] for m in report.get("missing", [])]))
    if report["rejected"]:
        sheets.append((t("Avviste", "Rejected"), [t("post", "record"), "id", t("kilde", "source"), t("feil", "errors")],
                       [[r["index"], r["record_id"], r["source"], "; ".join(r["errors"])] for r in report["rejected"]]))
    if worklists:
        titles = {r["id"]: t.text(r["title"]) for r in report["requirements"]}
        for unit, wl in report["nir"]["worklist"].items():
            sheets.append((f"{t('Arbeidsliste', 'Worklist')} {unit}",
                           [t("frist", "due"), t("saksnøkkel", "case"), "id", t("punkt", "item"), "status",
                            t("regelverk", "regime"), t("mangler opplysning", "missing fact")],
                           [[_date(r["due"]), r["participant_id"], r["requirement_id"], titles.get(r["requirement_id"], ""),
                             t.outcome(r["outcome"]), t.regime(r["regime"]), ", ".join(r["missing"])] for r in wl["rows"]]))
    if report["kind"] == "with_names":
        sheets.append((t("Saksliste med navn", "Case list with names"),
                       [t("saksnøkkel", "case"), t("navn", "name"), t("regelverk", "regime"), t.outcome("not_met"),
                        t.outcome("unknown")],
                       [[c["participant_id"], c["name"], t.regime(c["regime"]), ", ".join(c["not_met"]), len(c["unknown"])]
                        for c in report["cases"]]))
    return workbook_bytes(sheets, dt.date.fromisoformat(report["as_of"]))


def _nir_rows(report: dict[str, Any], t) -> Iterator[list[Any]]:
    from .committee import NIR_STATUS_TEXT

    for table in report["nir"]["tables"]:
        for row in table["rows"]:
            for g in table["regimes"]:
                c = row["by_regime"][g]
                if not c["applies"]:
                    continue
                yield [t.text(table["title"]), row["id"], t.text(row["title"]), t.regime(g),
                       t.text(NIR_STATUS_TEXT.get(c["status"], (c["status"], c["status"]))), c["met"], c["applies"],
                       c["unknown"], ", ".join(row["responsible"])]
