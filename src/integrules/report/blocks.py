"""The report as a list of blocks (headings, paragraphs, tables) that text, Markdown and HTML share.

A block is ``("h", level, text)``, ``("p", text)`` or ``("table", headers, rows)``.
"""

from __future__ import annotations

from typing import Any

from .aggregate import UNKNOWN_REGIME
from .norwegian import STATUS_LABELS, STATUSES
from .outcomes import CATEGORIES, CATEGORY_LABELS

Block = tuple

REGIME_LABELS = {
    "integreringsloven": "Integreringsloven",
    "kapittel_6a": "Midlertidig kap. 6A",
    "introduksjonsloven": "Introduksjonsloven",
    UNKNOWN_REGIME: "Ukjent regelverk / unknown",
}
COUNT_HEADERS = ["gjelder / applies", "oppfylt / met", "ikke oppfylt / not met", "frist ikke nådd / pending",
                 "ukjent / unknown", "feil / error", "gjelder ikke / n.a."]
# For «bør» (should) requirements: followed / not followed, never "oppfylt / ikke oppfylt" (a breach).
SHOULD_COUNT_HEADERS = ["gjelder / applies", "fulgt / followed", "ikke fulgt (bør) / not followed (should)",
                        "frist ikke nådd / pending", "ukjent / unknown", "feil / error", "gjelder ikke / n.a."]


def fmt_date(iso: str | None) -> str:
    if not iso:
        return "–"
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y}"


def pct(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)} %"


def of(n: int, total: int) -> str:
    """"15 av 68 (22 %)"."""
    if not total:
        return f"{n} av 0"
    return f"{n} av {total} ({round(100 * n / total)} %)"


def count_cells(c: dict[str, int]) -> list[str]:
    return [str(c["applies"]), of(c["met"], c["applies"]), str(c["not_met"]), str(c["pending"]),
            str(c["unknown"]), str(c["error"]), str(c["not_applicable"])]


def _status(outcome: str) -> str:
    """A worklist status in words, never the code: "ikke oppfylt / not met"."""
    from .committee import OUTCOME_TEXT

    nb, en = OUTCOME_TEXT.get(outcome, (outcome, outcome))
    return f"{nb} / {en}"


def regime_label(regime: str) -> str:
    return REGIME_LABELS.get(regime, regime)


def kind_notice(report: dict[str, Any]) -> str:
    if report["kind"] == "with_names":
        return ("RAPPORT MED NAVN – bare for personer med tjenstlig behov. / REPORT WITH NAMES – only for people "
                "allowed to see it. Aggregatene har ingen navn eller DUF-nummer; navnene står bare i sakslisten til slutt.")
    return ("Aggregert rapport: ingen navn eller DUF-nummer. Arbeidslisten viser bare saksnøkkel (deltaker-id). / "
            "Aggregate report: no names or DUF numbers; the worklist shows only the case key (participant id).")


def summary_blocks(report: dict[str, Any]) -> list[Block]:
    t = report["totals"]
    regimes = ", ".join(f"{regime_label(g)} {n}" for g, n in t["by_regime"].items()) or "–"
    plugins = ", ".join(f"{p['name']} {p['version'] or ''}".strip() for p in report["plugins"])
    should = t.get("requirements_should", 0)
    should_note = f" (herav bør / of which should: {should})" if should else ""
    duf = t.get("duf_warnings", 0)
    return [
        ("h", 1, f"Oppfølgingsrapport / follow-up report: {report['kommune'] or 'ukjent kommune'}, "
                 f"per {fmt_date(report['as_of'])}"),
        *[("p", f"{n['nb']} / {n['en']}") for n in report.get("notices", ())],
        ("p", kind_notice(report)),
        ("p", f"Lest / read {t['read']} = vurdert / evaluated {t['evaluated']} + avvist / rejected {t['rejected']}. "
              f"Regelverk / regimes: {regimes}. Krav i kraft / requirements in force: {t['requirements']}{should_note}. "
              f"Programfeil / plugin errors: {t['plugin_errors']}."),
        *([("p", f"Advarsel / warning: {duf} deltakere har DUF-nummer med feil kontrollsiffer (mod 11); de er vurdert "
                 f"likevel. Kontroller numrene i fagsystemet. / {duf} participants have a DUF number with wrong check "
                 f"digits (mod 11); they are judged all the same. Check the numbers in the case system.")]
          if duf else []),
        ("p", "For hvert krav gjelder: gjelder = oppfylt + ikke oppfylt + frist ikke nådd + ukjent + feil, og "
              "gjelder + gjelder ikke = vurderte deltakere. Ukjent betyr at opplysninger mangler: det er ikke et «OK». / "
              "For each requirement: applies = met + not met + pending + unknown + error, and applies + not applicable = "
              "participants evaluated. Unknown means facts are missing: it is not an OK."),
        ("p", f"Programtillegg / plugins: {plugins or '–'}. Kilde / source: {report.get('source') or '–'}."),
    ]


def requirement_blocks(report: dict[str, Any]) -> list[Block]:
    out: list[Block] = [("h", 2, "Krav / requirements")]
    reqs = [r for r in report["requirements"] if r["category"] != "nir" and r.get("force") != "should"]
    if not reqs:
        out.append(("p", "Ingen krav i kraft (ingen regelsamling installert?). / No requirements in force "
                         "(no rule set installed?)."))
        return out
    rows = [[f"{r['title']['nb']} ({r['id']})", ", ".join(r["responsible"]), *count_cells(r["counts"])] for r in reqs]
    out.append(("table", ["krav / requirement", "ansvar / unit", *COUNT_HEADERS], rows))
    out.append(("h", 3, "Per regelverk / by regime"))
    rows = []
    for r in reqs:
        for g, c in r["by_regime"].items():
            if c["applies"]:
                rows.append([r["id"], regime_label(g), *count_cells(c)[:6]])
    out.append(("table", ["krav / requirement", "regelverk / regime", *COUNT_HEADERS[:6]], rows))
    out.append(("h", 3, "Per ansvarlig enhet / by responsible unit"))
    rows = [[u, *count_cells(c)] for u, c in report["by_unit"].items()]
    out.append(("table", ["enhet / unit", *COUNT_HEADERS], rows))
    return out


def should_blocks(report: dict[str, Any]) -> list[Block]:
    """The «bør» (should) requirements, counted apart: not following one is not a breach of the law."""
    reqs = [r for r in report["requirements"] if r.get("force") == "should"]
    if not reqs:
        return []
    out: list[Block] = [("h", 2, "Bør-krav / should requirements"),
                        ("p", "Disse kravene bygger på «bør» i loven eller forskriften: de er anbefalinger, og «ikke fulgt» "
                              "er ikke et brudd på loven. De telles derfor for seg, ikke sammen med kravene over. / These "
                              "requirements rest on «bør» (should) in the act or regulation: «not followed» is not a breach "
                              "of the law, so they are counted apart from the requirements above.")]
    rows = [[f"{r['title']['nb']} ({r['id']})", ", ".join(r["responsible"]), *count_cells(r["counts"])] for r in reqs]
    out.append(("table", ["krav / requirement", "ansvar / unit", *SHOULD_COUNT_HEADERS], rows))
    rows = []
    for r in reqs:
        for g, c in r["by_regime"].items():
            if c["applies"]:
                rows.append([r["id"], regime_label(g), *count_cells(c)[:6]])
    out.append(("table", ["krav / requirement", "regelverk / regime", *SHOULD_COUNT_HEADERS[:6]], rows))
    rows = [[u, *count_cells(c)] for u, c in report.get("by_unit_should", {}).items()]
    out.append(("table", ["enhet / unit", *SHOULD_COUNT_HEADERS], rows))
    return out


def nir_blocks(report: dict[str, Any]) -> list[Block]:
    nir = report["nir"]
    out: list[Block] = [("h", 2, "Registrering i NIR / NIR registration")]
    if not any(t["rows"] for t in nir["tables"]):
        out.append(("p", "Ingen NIR-punkter i kraft. / No NIR items in force."))
        return out
    out.append(("p", "Status per punkt og regelverk: OK = alle registrert eller frist ikke nådd; NEI = minst én mangler "
                     "etter fristen; OK? = ingen mangler kjent, men noen er ukjente; – = gjelder ingen. Tallene er "
                     "oppfylt/gjelder (ukjent). / OK = all registered or not yet due; NEI = at least one missing after "
                     "the deadline; OK? = none known missing but some unknown; – = applies to none."))
    for table in nir["tables"]:
        if not table["rows"]:
            continue
        out.append(("h", 3, f"{table['title']['nb']} / {table['title']['en']}"))
        headers = ["punkt / item"] + [regime_label(g) for g in table["regimes"]] + ["hvem registrerer / who", "utført / done"]
        rows = []
        for row in table["rows"]:
            cells = []
            for g in table["regimes"]:
                c = row["by_regime"][g]
                cells.append("–" if not c["applies"] else f"{c['status']} {c['met']}/{c['applies']} ({c['unknown']} ukjent)")
            rows.append([row["title"]["nb"], *cells, ", ".join(row["responsible"]), row["status"]])
        out.append(("table", headers, rows))
    out.append(("h", 3, "Arbeidsliste per enhet, eldste frist først / worklist per unit, oldest due first"))
    if not nir["worklist"]:
        out.append(("p", "Ingenting mangler. / Nothing missing."))
    for unit, wl in nir["worklist"].items():
        shown = len(wl["rows"])
        out.append(("p", f"{unit}: {wl['total']} mangler / missing" + (f" (de {shown} eldste vises / the oldest {shown} shown)"
                                                                       if shown < wl["total"] else "")))
        rows = [[fmt_date(r["due"]), r["participant_id"], r["requirement_id"], _status(r["outcome"]), regime_label(r["regime"])]
                for r in wl["rows"]]
        out.append(("table", ["frist / due", "deltaker-id / case", "punkt / item", "status", "regelverk / regime"], rows))
    return out


def outcome_blocks(report: dict[str, Any]) -> list[Block]:
    o = report["outcomes"]
    out: list[Block] = [("h", 2, f"Resultater etter programmet / outcomes, avsluttet / ended "
                                 f"{fmt_date(o['period']['from'])}–{fmt_date(o['period']['to'])}")]
    if not o["ended"]:
        out.append(("p", "Ingen avsluttet programmet i perioden. / Nobody ended the programme in the period."))
        return out
    rows = [[f"{CATEGORY_LABELS[c][0]} / {CATEGORY_LABELS[c][1]}", of(o["by_category"][c], o["ended"])] for c in CATEGORIES]
    out.append(("table", ["kategori / category", "antall / count"], rows))
    rows = [[r["reason"], r["category"], str(r["count"])] for r in o["by_reason"]]
    out.append(("table", ["avslutningsårsak / end reason (NIR)", "kategori / category", "antall / count"], rows))
    w, l_ = o["work_or_education"], o["work_education_or_nav"]
    out.append(("p", f"I arbeid eller utdanning (standardmål) / in work or education (standard measure): "
                     f"{of(w['count'], w['of'])}. Teller arbeid, utdanning og arbeid og utdanning; «ikke registrert» står "
                     f"i nevneren; NAV-tiltak teller ikke (SSB: «Sysselsatt og / eller under utdanning», "
                     f"https://ssb.no/introinnv; IMDi: direkte overgang etter avslutningsårsak i NIR, "
                     f"https://www.imdi.no/arkiv/arkiverte-nyheter/registrering-av-avslutningsarsak-i-nir/)."))
    out.append(("p", f"Lokalt mål som i oppfølgingen (arbeid, utdanning eller NAV-tiltak) / local measure as in the "
                     f"seed report (work, education or NAV measures): {of(l_['count'], l_['of'])}. Ikke SSBs mål. / "
                     f"Not SSB's measure. SSBs egne tall (status i november året etter) krever registerdata og "
                     f"beregnes ikke her. / SSB's own figure (status in November a year later) needs register data."))
    return out


def norwegian_blocks(report: dict[str, Any]) -> list[Block]:
    n = report["norwegian"]
    out: list[Block] = [("h", 2, "Norskprøver per delprøve mot norskmålet / Norwegian tests per sub-test against the goal")]
    src = n["source"]
    if src["installed"]:
        out.append(("p", f"Norskmål fra programtillegget / goal from the plugin norskmal {src['version'] or ''}."))
    else:
        out.append(("p", "Programtillegget norskmal er ikke installert: målet er det registrerte norskmålet, ikke kontrollert "
                         "mot minimumsnivåene. / The norskmal plugin is not installed: the goal is the registered one, "
                         "not checked against the minimum levels."))
    if not n["participants"]:
        out.append(("p", "Ingen deltakere i norskopplæring. / No participants in Norwegian training."))
        return out
    rows = [[f"{s['label']['nb']} / {s['label']['en']}", *[of(s[k], n["participants"]) for k in STATUSES]]
            for s in n["subtests"]]
    out.append(("table", ["delprøve / sub-test", *[f"{a} / {b}" for a, b in (STATUS_LABELS[k] for k in STATUSES)]], rows))
    out.append(("p", f"{n['participants']} deltakere i norskopplæring; hver telles én gang per delprøve (siste resultat "
                     f"per dato). / {n['participants']} participants in training, each counted once per sub-test "
                     f"(latest result by the date)."))
    return out


def compare_blocks(report: dict[str, Any]) -> list[Block]:
    cmp_ = report.get("compare")
    if not cmp_:
        return []
    e, l_ = fmt_date(cmp_["earlier"]["as_of"]), fmt_date(cmp_["later"]["as_of"])
    out: list[Block] = [("h", 2, f"Endring / change: {e} → {l_}")]
    t = cmp_["totals"]
    out.append(("p", f"Vurdert / evaluated: {t['evaluated']['earlier']} → {t['evaluated']['later']}; "
                     f"kilde / source: {cmp_['earlier']['source'] or '–'} → {cmp_['later']['source'] or '–'}."))
    rows = []
    for r in cmp_["requirements"]:
        a, b, ch = r["earlier"], r["later"], r["change"]
        rows.append([r["id"] + (" (bør)" if r.get("force") == "should" else ""),
                     f"{a['met']}/{a['applies']}" if a else "ikke i kraft", f"{b['met']}/{b['applies']}" if b else "ikke i kraft",
                     *([f"{ch['met']:+d}", f"{ch['not_met']:+d}", f"{ch['unknown']:+d}"] if ch else ["–"] * 3)])
    out.append(("table", ["krav / requirement", f"oppfylt {e}", f"oppfylt {l_}", "Δ oppfylt / met", "Δ ikke oppfylt / not met",
                          "Δ ukjent / unknown"], rows))
    if cmp_["nir"]:
        rows = []
        for r in cmp_["nir"]:
            for g, s in r["by_regime"].items():
                if s["earlier"] == "–" and s["later"] == "–":
                    continue
                rows.append([r["title"]["nb"], regime_label(g), ", ".join(r["responsible"]), s["earlier"], s["later"],
                             "endret / changed" if s["changed"] else ""])
        out.append(("table", ["NIR-punkt / item", "regelverk / regime", "hvem / who", e, l_, ""], rows))
    return out


def cases_blocks(report: dict[str, Any]) -> list[Block]:
    if report["kind"] != "with_names":
        return []
    rows = [[c["participant_id"], c["name"] or "–", regime_label(c["regime"]), ", ".join(c["not_met"]) or "–",
             ", ".join(c.get("should_not_followed", ())) or "–", str(len(c["unknown"]))] for c in report["cases"]]
    return [("h", 2, "Saksliste med navn / case list with names"),
            ("p", "Bare for personer med tjenstlig behov. / Only for people allowed to see it."),
            ("table", ["deltaker-id / id", "navn / name", "regelverk / regime", "ikke oppfylt / not met",
                       "ikke fulgt (bør) / not followed (should)", "ukjent / unknown"], rows)]


def rejected_blocks(report: dict[str, Any]) -> list[Block]:
    if not report["rejected"]:
        return []
    rows = [[str(r["index"]), r["record_id"] or "–", r["source"] or "", "; ".join(r["errors"])] for r in report["rejected"]]
    return [("h", 2, f"Avviste poster / rejected records ({len(rows)})"),
            ("p", "Disse postene kunne ikke leses og er ikke med i tallene over. / These records could not be read and "
                  "are not in the counts above."),
            ("table", ["post / record", "id", "kilde / source", "feil / errors"], rows)]


def area_blocks(report: dict[str, Any]) -> list[Block]:
    """The committee's first page as a table: per area of the law, met "X av Y", not met, pending, unknown, change."""
    from .committee import view

    v = view(report, "both", worklists=False)
    if not v["areas"]:
        return []
    compared = v["compare"] is not None
    headers = ["område / area", "oppfylt / met", "ikke oppfylt / not met", "frist ikke nådd / pending", "ukjent / unknown"]
    if compared:
        headers.append(f"endring siden / change since {v['compare']['earlier']}")
    rows = []
    for a in v["areas"]:
        c = a["counts"]
        row = [a["title"], of(c["met"], c["applies"]), str(c["not_met"]), str(c["pending"]), str(c["unknown"])]
        if compared:
            row.append(a["change"]["text"].replace("\u00a0", " ") if a["change"] else "–")
        rows.append(row)
    return [("h", 2, "Status per område / status per area"), ("table", headers, rows),
            ("p", "Vurderinger (deltaker × krav) der kravet gjelder; endringen i prosentpoeng av andelen oppfylt, for krav i "
                  "kraft på begge datoene. / Assessments (participant × requirement) where it applies; the change in "
                  "percentage points of the share met, for requirements in force at both dates.")]


def missing_blocks(report: dict[str, Any]) -> list[Block]:
    """What is missing, ranked: the fields whose absence leaves most findings unknown (report.missing)."""
    missing = report.get("missing") or []
    out: list[Block] = [("h", 2, "Hva mangler i dataene / what is missing in the data")]
    if not missing:
        out.append(("p", "Ingen vurdering er ukjent på grunn av manglende opplysninger. / No finding is unknown for "
                         "lack of facts."))
        return out
    out.append(("p", "Feltene (navn som i dataformatet) som oftest gjør en vurdering ukjent; legg dem til i uttrekket "
                     "først. «Alene» = vurderinger som bare mangler dette feltet. / The fields (data-format names) that "
                     "most often leave a finding unknown; add them to the export first. «Alone» = findings missing "
                     "only this field."))
    rows = [[m["field"], str(m["findings"]), str(m["alone"]), str(m["participants"]), str(m["requirements"])]
            for m in missing]
    out.append(("table", ["felt / field", "ukjente vurderinger / unknown findings", "alene / alone",
                          "deltakere / participants", "krav / requirements"], rows))
    return out


def all_blocks(report: dict[str, Any]) -> list[Block]:
    return (summary_blocks(report) + area_blocks(report) + compare_blocks(report) + requirement_blocks(report)
            + should_blocks(report) + nir_blocks(report) + outcome_blocks(report) + norwegian_blocks(report)
            + missing_blocks(report) + rejected_blocks(report) + cases_blocks(report))
