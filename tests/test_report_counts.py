"""Report counts against a hand-worked case file (tests/reportplugin.py), and the sums that must add up."""

import copy
import datetime as dt
import io

import reportplugin
from integrules import Engine
from integrules.reading import parse_document
from integrules.report import Progress, build_report, compare, render
from integrules.report.aggregate import APPLY_OUTCOMES
from integrules.report.norwegian import NorskmalSource, registered_goal
from integrules.report.outcomes import categorize

FALLBACK = NorskmalSource(registered_goal, None, None)  # hand-worked numbers assume the registered goal


def make(as_of="2024-06-01", doc=None, **kw):
    engine = Engine(entry_points=False, plugins=[reportplugin.plugin])
    header, records = parse_document(copy.deepcopy(doc or reportplugin.CASES))
    return build_report(engine, records, dt.date.fromisoformat(as_of), kommune=header.kommune, norskmal=FALLBACK, **kw)


def req(report, rid):
    return next(r for r in report["requirements"] if r["id"] == rid)


def test_totals_and_rejections():
    r = make()
    assert r["totals"]["read"] == 6 == r["totals"]["evaluated"] + r["totals"]["rejected"]
    assert r["totals"]["rejected"] == 1 and r["rejected"][0]["record_id"] == "F"
    assert r["totals"]["by_regime"] == {"integreringsloven": 3, "kapittel_6a": 1, "ukjent": 1}


def test_requirement_counts_by_hand():
    r = make()
    c = req(r, "il.kontrakt")["counts"]
    # A met, B not met (deadline 01.04 passed), C pending (due 01.08), D set aside (6A), E unknown (no regime).
    assert (c["met"], c["not_met"], c["pending"], c["unknown"], c["not_applicable"], c["applies"]) == (1, 1, 1, 1, 1, 4)
    assert req(r, "il.kontrakt")["by_regime"]["integreringsloven"]["applies"] == 3
    n = req(r, "il.nir_sluttmal")["counts"]
    assert (n["met"], n["not_met"], n["unknown"], n["applies"]) == (1, 2, 2, 5)


def test_every_count_adds_up():
    r = make()
    evaluated = r["totals"]["evaluated"]
    for q in r["requirements"]:
        for c in [q["counts"], *q["by_regime"].values(), *q["by_unit"].values()]:
            assert c["applies"] == sum(c[o] for o in APPLY_OUTCOMES)
            assert c["total"] == c["applies"] + c["not_applicable"]
        assert q["counts"]["total"] == evaluated
        assert sum(c["total"] for c in q["by_regime"].values()) == evaluated


def test_nir_tables_and_worklist():
    r = make()
    tables = {t["table"]: t for t in r["nir"]["tables"]}
    row = tables["program"]["rows"][0]
    assert row["id"] == "il.nir_sluttmal" and row["status"] == "NEI"
    assert {g: v["status"] for g, v in row["by_regime"].items()} == {"integreringsloven": "NEI", "kapittel_6a": "NEI", "ukjent": "OK?"}
    assert tables["opplaering"]["rows"][0]["id"] == "il.nir_norskmal"
    ft = r["nir"]["worklist"]["FT"]
    assert ft["total"] == 4
    assert [(w["participant_id"], w["due"]) for w in ft["rows"]] == [("B", "2024-03-01"), ("D", "2024-03-01"),
                                                                      ("C", "2024-07-01"), ("E", None)]


def test_worklist_is_bounded_but_counted():
    doc = copy.deepcopy(reportplugin.CASES)
    doc["participants"] = [dict(reportplugin.CASES["participants"][1], id=f"P{i:03d}",
                                settlement_date=f"2023-{1 + i % 12:02d}-01") for i in range(30)]
    engine = Engine(entry_points=False, plugins=[reportplugin.plugin])
    header, records = parse_document(doc)
    from integrules.report.aggregate import Accumulator
    from integrules.report.build import assemble, default_period
    day = dt.date(2024, 6, 1)
    acc = Accumulator(engine.requirements(day), day, period=default_period(day), norskmal=FALLBACK, worklist_limit=5)
    acc.add_all(engine.evaluate_all(records, day))
    rows = acc.worklist_rows("FT")
    assert acc.worklist_total["FT"] == 30 and len(rows) == 5
    assert [w["due"] for w in rows] == ["2023-03-01"] * 3 + ["2023-04-01"] * 2  # the oldest five
    assert assemble(acc, engine, kommune=None, source=None)["nir"]["worklist"]["FT"]["total"] == 30


def test_outcomes_by_hand():
    o = make()["outcomes"]
    # A ended 01.05.2024 to work; B ended 01.04.2024 with no reason; D ended 2023, outside the period.
    assert o["ended"] == 2 and o["by_category"]["arbeid"] == 1 and o["by_category"]["ikke_registrert"] == 1
    assert o["work_or_education"] == {"count": 1, "of": 2, "share": 0.5, "categories": ["arbeid", "utdanning", "arbeid_og_utdanning"]}
    assert make(period=(dt.date(2022, 1, 1), dt.date(2024, 6, 1)))["outcomes"]["ended"] == 3


def test_end_reason_categories():
    assert categorize("Arbeidsmarkeds tiltak i regi av NAV") == "nav_tiltak"  # spelled as in the seed
    assert categorize("Arbeid og utdanning - videregående opplæring") == "arbeid_og_utdanning"
    assert categorize("Videregående opplæring - fag og yrkesopplæring") == "utdanning"
    assert categorize("Venter på tiltak i regi av NAV") == "annet"
    assert categorize(None) == categorize("  ") == categorize("Avslutningsårsak ikke registrert") == "ikke_registrert"
    assert categorize("Ordinært arbeid, heltid") == "arbeid" and categorize("Flyttet") == "annet"


def test_norwegian_by_hand():
    n = make()["norwegian"]
    assert n["participants"] == 1 and not n["source"]["installed"]
    got = {s["subtest"]: (s["reached"], s["not_yet"], s["no_result"], s["goal_unknown"]) for s in n["subtests"]}
    assert got == {"lytteforstaelse": (1, 0, 0, 0), "leseforstaelse": (0, 1, 0, 0), "skriftlig": (0, 1, 0, 0),
                   "muntlig": (0, 0, 1, 0)}


def test_compare_diff():
    early, late = make("2024-02-01"), make("2024-06-01")
    cmp_ = compare(early, late)
    row = next(r for r in cmp_["requirements"] if r["id"] == "il.kontrakt")
    assert row["earlier"]["not_met"] == 0 and row["later"]["not_met"] == 1 and row["change"]["not_met"] == 1
    for r in cmp_["requirements"]:
        for m, d in r["change"].items():
            assert d == r["later"][m] - r["earlier"][m]
    nir = next(r for r in cmp_["nir"] if r["id"] == "il.nir_sluttmal")
    assert nir["by_regime"]["integreringsloven"] == {"earlier": "OK?", "later": "NEI", "changed": True}


def test_aggregates_carry_no_names_or_duf():
    for fmt in ("text", "markdown", "csv", "json"):
        out = render(make(), fmt)
        for p in reportplugin.CASES["participants"]:
            assert p["name"] not in out, fmt
        assert "202012345601" not in out


def test_with_names_adds_a_case_list_and_says_so():
    r = make(with_names=True)
    assert r["kind"] == "with_names" and [c["participant_id"] for c in r["cases"]] == ["A", "B", "C", "D", "E"]
    assert r["cases"][1] == {"participant_id": "B", "name": "Navn Beta", "regime": "integreringsloven",
                             "not_met": ["il.kontrakt", "il.nir_sluttmal"], "should_not_followed": [],
                             "unknown": []}
    text = render(r, "text")
    assert "Navn Alfa" in text and "RAPPORT MED NAVN" in text
    assert "202012345601" not in text  # DUF numbers never, even with names
    assert "RAPPORT MED NAVN" not in render(make(), "text")


def test_progress_only_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self):
            return True
    quiet, loud = io.StringIO(), Tty()
    assert list(Progress("x", quiet).wrap(range(3))) == [0, 1, 2] and quiet.getvalue() == ""
    list(Progress("x", loud).wrap(range(3)))
    assert "3 lest/read" in loud.getvalue()
