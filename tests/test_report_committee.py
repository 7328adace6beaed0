"""The committee's report without a browser: areas, what is missing ranked, check's unknowns once, compare."""

import copy
import datetime as dt
import json

import pytest
import reportplugin
from integrules import Area, Engine, Participant, Text, hookimpl
from integrules.areas import area_of, collect_areas
from integrules.cli import main
from integrules.reading import parse_document
from integrules.report import build_report, compare, render
from integrules.report.committee import Tr, change_of, view
from integrules.report.missing import MissingTally
from integrules.report.norwegian import NorskmalSource, registered_goal

FALLBACK = NorskmalSource(registered_goal, None, None)


def make(as_of="2024-06-01", plugins=()):
    engine = Engine(entry_points=False, plugins=[reportplugin.plugin, *plugins])
    header, records = parse_document(copy.deepcopy(reportplugin.CASES))
    return build_report(engine, records, dt.date.fromisoformat(as_of), kommune=header.kommune, norskmal=FALLBACK)


class Areas:
    PLUGIN_NAME = "omrader"

    @staticmethod
    @hookimpl
    def integrules_report_areas():
        return [Area(id="nir", order=80, categories=("nir",), title=Text("Registrering i NIR", "Registration in NIR")),
                Area(id="kontrakt", order=40, requirements=("il.kontrakt",), title=Text("Kontrakt", "Contract"))]


class Broken:
    PLUGIN_NAME = "odelagt"

    @staticmethod
    @hookimpl
    def integrules_report_areas():
        raise RuntimeError("bug")


def test_areas_from_a_plugin_group_every_requirement_in_order():
    r = make(plugins=[Areas()])
    assert [(a["id"], a["requirements"]) for a in r["areas"]] == [
        ("kontrakt", ["il.kontrakt"]), ("nir", ["il.nir_norskmal", "il.nir_sluttmal"])]
    assert {x["id"]: x["area"] for x in r["requirements"]} == {
        "il.kontrakt": "kontrakt", "il.nir_norskmal": "nir", "il.nir_sluttmal": "nir"}


def test_without_areas_requirements_group_by_plugin_and_a_failing_plugin_costs_only_its_grouping():
    r = make(plugins=[Broken()])
    assert [a["id"] for a in r["areas"]] == ["plugin:reporttest"]
    assert r["areas"][0]["title"] == {"nb": "Andre krav (reporttest)", "en": "Other requirements (reporttest)"}
    engine = Engine(entry_points=False, plugins=[reportplugin.plugin, Broken()])
    areas, problems = collect_areas(engine)
    assert areas == [] and problems and "odelagt" in problems[0] and "RuntimeError" in problems[0]


def test_claims_by_id_beat_prefix_beat_category_beat_checklist():
    areas = [Area(id="a", title=Text("a", "a"), checklist=("R6",)), Area(id="b", title=Text("b", "b"), categories=("nir",)),
             Area(id="c", title=Text("c", "c"), requirements=("x.",)), Area(id="d", title=Text("d", "d"), requirements=("x.nir.",)),
             Area(id="e", title=Text("e", "e"), requirements=("x.nir.one",))]
    assert area_of("x.nir.one", "nir", ("R6",), "p", areas) == "e"
    assert area_of("x.nir.two", "nir", ("R6",), "p", areas) == "d"
    assert area_of("x.other", "nir", ("R6",), "p", areas) == "c"
    assert area_of("y.other", "nir", ("R6",), "p", areas) == "b"
    assert area_of("y.other", "krav", ("R17", "R6"), "p", areas) == "a"
    assert area_of("y.other", "krav", ("R17",), "p", areas) == "plugin:p"


def test_the_installed_law_groups_the_example_by_area():
    engine = Engine.from_environment()
    if not any(p.name == "integreringsloven" for p in engine.plugins()):
        pytest.skip("the integreringsloven plugin is not installed")
    from integrules.cli.common import example_path

    with open(example_path(), encoding="utf-8") as fh:
        header, records = parse_document(json.load(fh))
    r = build_report(engine, records, dt.date(2024, 11, 27))
    ids = [a["id"] for a in r["areas"]]
    assert ids[:4] == ["vedtak", "kartlegging", "plan", "kontrakt"] and "nir" in ids and "norskmal" in ids
    by_id = {x["id"]: x["area"] for x in r["requirements"]}
    # Chapter 6A's and the municipality's requirements land with the rule they follow, by checklist item.
    assert by_id["kapittel_6a.integreringsplan"] == by_id["eksempelkommune.integreringsplan_klassebytte"] == "plan"
    assert by_id["norskmal.fastsetting"] == "norskmal" and by_id["integreringsloven.nir.klage"] == "nir"
    assert sum(len(a["requirements"]) for a in r["areas"]) == len(r["requirements"])  # none left out, none twice


def test_missing_ranked_by_hand():
    r = make()
    # C has no NIR list (one NIR item unknown, missing only "nir"); E has no regime: its three findings wait on it.
    assert r["missing"] == [
        {"field": "regime", "findings": 3, "alone": 3, "participants": 1, "requirements": 3},
        {"field": "nir", "findings": 1, "alone": 1, "participants": 1, "requirements": 1}]


def test_missing_tally_folds_list_positions_and_counts_alone_and_merges():
    from integrules import Finding, LegalRef, Outcome, Unit

    def f(rid, outcome, missing):
        return Finding(requirement_id=rid, outcome=outcome, message=Text("x", "x"), references=(LegalRef("l", "§ 1"),),
                       responsible=(Unit.FT,), missing=tuple(missing), plugin="p")

    one, two = MissingTally(), MissingTally()
    one.add([f("a.x", Outcome.UNKNOWN, ["norskmal[0].justification"]), f("a.y", Outcome.UNKNOWN, ["nir", "norskmal[1].justification"]),
             f("a.z", Outcome.MET, [])])
    two.add([f("a.x", Outcome.UNKNOWN, ["norskmal[3].justification"])])
    one.merge(two.partial())
    assert one.as_list() == [
        {"field": "norskmal[].justification", "findings": 3, "alone": 2, "participants": 2, "requirements": 2},
        {"field": "nir", "findings": 1, "alone": 0, "participants": 1, "requirements": 1}]


def test_missing_in_every_format_and_the_same_with_jobs(capsys):
    out = {}
    for jobs in ("1", "2"):
        assert main(["report", "--example", "--format", "json", "--jobs", jobs]) == 0
        out[jobs] = capsys.readouterr().out
    assert out["1"] == out["2"]
    missing = json.loads(out["1"])["missing"]
    assert missing and missing == sorted(missing, key=lambda m: (-m["findings"], m["field"]))
    assert all(m["alone"] <= m["findings"] and m["participants"] <= m["findings"] for m in missing)
    assert main(["report", "--example", "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert "Hva mangler i dataene" in text and missing[0]["field"] in text
    assert main(["report", "--example", "--format", "csv"]) == 0
    assert f"missing,{missing[0]['field']},,,findings,{missing[0]['findings']}" in capsys.readouterr().out


def test_check_text_says_the_missing_facts_once_per_participant(capsys):
    assert main(["check", "--example"]) in (0, 1)
    text = capsys.readouterr().out
    blocks = text.split("\n\n")
    with_unknown = [b for b in blocks if "[ukjent / unknown]" in b]
    assert with_unknown
    for block in with_unknown:
        assert block.count("[ukjent / unknown]") == 1 and block.count("mangler/missing:") <= 1
    # JSON is unchanged: each unknown finding is still there with its own missing paths.
    assert main(["check", "--example", "--format", "json"]) in (0, 1)
    data = json.loads(capsys.readouterr().out)
    unknown = [f for p in data["participants"] for f in p["findings"] if f["outcome"] == "unknown"]
    counted = data["summary"]["findings"]["unknown"] + data["summary"]["should_findings"]["unknown"]
    assert len(unknown) == counted and all("missing" in f for f in unknown)


def test_change_arrows_at_the_boundaries():
    base = {"applies": 100, "met": 50}
    assert change_of(base, {"applies": 100, "met": 50})["arrow"] == "▶"
    assert change_of({"applies": 1000, "met": 500}, {"applies": 1000, "met": 505})["arrow"] == "▲"  # +0.5 pp: up
    assert change_of({"applies": 1000, "met": 500}, {"applies": 1000, "met": 504})["arrow"] == "▶"  # +0.4 pp
    assert change_of({"applies": 1000, "met": 500}, {"applies": 1000, "met": 495})["arrow"] == "▼"  # -0.5 pp
    assert change_of({"applies": 0, "met": 0}, base) is None


def test_compare_of_a_requirement_in_force_at_one_date_only_has_no_change():
    early, late = make("2024-02-01"), make("2024-06-01")
    early["requirements"] = [r for r in early["requirements"] if r["id"] != "il.kontrakt"]
    cmp_ = compare(early, late)
    row = next(r for r in cmp_["requirements"] if r["id"] == "il.kontrakt")
    assert row["change"] is None and row["later"]["applies"] == 4
    late["compare"] = cmp_
    v = view(late, "en")
    kontrakt = next(r for a in v["areas"] for r in a["rows"] if r["id"] == "il.kontrakt")
    assert kontrakt["change"]["text"] == "new"


def test_tr_languages():
    assert Tr("nb")("a", "b") == "a" and Tr("en")("a", "b") == "b" and Tr("both")("a", "b") == "a / b"
    assert Tr("both")("OK", "OK") == "OK" and Tr("nb").outcome("not_met") == "ikke oppfylt"
    with pytest.raises(ValueError):
        Tr("de")


def test_participant_is_exported():
    import integrules

    assert "Participant" in integrules.__all__ and Participant(id="X").id == "X"


def test_text_and_markdown_open_with_the_areas(capsys):
    for fmt in ("text", "markdown"):
        assert main(["report", "--example", "--compare", "2024-02-28", "--format", fmt]) == 0
        out = capsys.readouterr().out
        assert out.index("Status per område") < out.index("Krav / requirements")
        assert "Integreringsplan / Integration plan" in out and "pp" in out


class _Tty:
    """A terminal-like stream for the progress line."""

    def __init__(self):
        import io

        self.buf = io.StringIO()

    def isatty(self):
        return True

    def write(self, text):
        self.buf.write(text)

    def flush(self):
        pass

    def fileno(self):
        raise OSError("no descriptor")


@pytest.mark.parametrize("with_tqdm", [True, False])
def test_progress_shows_total_rate_and_time_left_on_a_terminal_only(with_tqdm, monkeypatch):
    import io
    import sys

    from integrules.progress import Progress

    if not with_tqdm:
        monkeypatch.setitem(sys.modules, "tqdm", None)  # as if not installed: the plain counter
    else:
        pytest.importorskip("tqdm", reason="tqdm (the 'progress' extra) is not installed")
    tty, pipe = _Tty(), io.StringIO()
    assert list(Progress("rapport", tty, total=4).wrap(range(4))) == [0, 1, 2, 3]
    assert list(Progress("rapport", pipe, total=4).wrap(range(4))) == [0, 1, 2, 3] and pipe.getvalue() == ""
    shown = tty.buf.getvalue()
    assert "rapport: 4/4 lest/read" in shown and "/s" in shown
    assert shown.endswith("\n")
    if with_tqdm:
        assert "100 %" in shown and "<00:00" in shown  # tqdm: elapsed<left


def test_count_records(tmp_path):
    from integrules.progress import count_records

    (tmp_path / "a.jsonl").write_text('{"id": "1"}\n\n{"id": "2"}\n', encoding="utf-8")
    (tmp_path / "b.json").write_text('{"participants": [{"id": "1"}]}', encoding="utf-8")
    (tmp_path / "c.json").write_text("not json", encoding="utf-8")
    assert count_records(str(tmp_path / "a.jsonl")) == 2 and count_records(str(tmp_path / "b.json")) == 1
    assert count_records(str(tmp_path / "c.json")) is None and count_records(str(tmp_path / "d.csv")) is None


def test_no_status_code_in_the_text_and_markdown_worklists(capsys):
    for fmt in ("text", "markdown"):
        assert main(["report", "--example", "--format", fmt]) == 0
        out = capsys.readouterr().out
        assert "not_met" not in out and "ikke oppfylt / not met" in out


def test_the_verified_up_to_notice_is_on_the_first_page_once():
    """After a rule set's verified-up-to date the report says, once and at the top, that later amendments are not
    encoded (issue 15 item 6)."""
    from integrules.cli import main as cli_main
    import io
    import contextlib

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli_main(["report", "--example", "--as-of", "2026-12-04", "--format", "html"]) == 0
    html = out.getvalue()
    first_page = html.split('id="detail"')[0]
    assert 'id="verified"' in first_page and "28.07.2026" in first_page.split('id="verified"')[1].split("</p>")[0]
    assert html.count("Endringer i regelverket") == 1
