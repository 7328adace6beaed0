"""report at scale: --jobs gives the same bytes as one process, partial tallies merge exactly,
--pseudonymise and --mapping work as in check (docs/cli.md, docs/performance.md)."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from hypothesis import given, settings, strategies as st

import reportplugin
from integrules import synthetic
from integrules.cli import main
from integrules.engine import Engine
from integrules.reading import parse_document, read_case_file, read_raw
from integrules.report import aggregate, build_report, build_report_parallel
from integrules.report.aggregate import Accumulator
from integrules.report.build import assemble, default_period
from integrules.report.norwegian import NorskmalSource, registered_goal

K1, K2 = "første nøkkel, minst 32 tegn lang: 1", "andre nøkkel, minst 32 tegn lang: 2"  # privacy.MIN_KEY_CHARS

FALLBACK = NorskmalSource(registered_goal, None, None)
DAY = dt.date(2024, 6, 1)


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def population(tmp_path_factory):
    """1 200 generated participants (three chunks of 500) and one broken record."""
    path = tmp_path_factory.mktemp("scale") / "p.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i, p in enumerate(synthetic.population(1200, seed=11)):
            fh.write(json.dumps(p) + "\n")
            if i == 700:
                fh.write('{"id": "broken", "birth_date": "31.02.1990"}\n')
    return path


@pytest.mark.parametrize("extra", [(), ("--with-names",), ("--compare", "2023-11-27")])
def test_report_jobs_is_byte_identical(population, capsys, extra):
    base = ("report", str(population), "--as-of", "2024-11-27", "--format", "json", *extra)
    one = run(capsys, *base)
    assert one[0] == 3 and json.loads(one[1])["totals"]["rejected"] == 1
    assert run(capsys, *base, "--jobs", "2") == one
    assert run(capsys, *base, "--jobs", "3") == one


def test_report_jobs_every_format(population, capsys):
    for fmt in ("text", "csv", "markdown", "html"):
        base = ("report", str(population), "--as-of", "2024-11-27", "--format", fmt)
        assert run(capsys, *base, "--jobs", "2") == run(capsys, *base)


def people(n=60, seed=3):
    """Synthetic participants with repeated ids, few settlement dates and NIR items missing or unknown,
    so that worklist rows tie on (due, participant, requirement) and ties must be broken the same way."""
    out = []
    for i, p in enumerate(synthetic.population(n, seed=seed)):
        p = dict(p, id=f"P{i % 5}", settlement_date=("2023-01-01", "2023-02-01", "2024-05-01")[i % 3])
        if i % 4:
            p["nir"] = [] if i % 4 == 1 else None
        out.append(p)
    out.insert(5, {"id": "bad", "birth_date": "31.02.1990"})
    out.insert(30, [1, 2])
    return out


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(1, 20), min_size=1, max_size=12), st.integers(1, 6), st.booleans())
def test_partials_merged_in_order_are_one_accumulator(cuts, limit, names):
    engine = Engine(entry_points=False, plugins=[reportplugin.plugin])
    _, records = parse_document(people())
    results = list(engine.evaluate_all(records, DAY))
    period = default_period(DAY)

    def acc():
        return Accumulator(engine.requirements(DAY), DAY, period=period, with_names=names, norskmal=FALLBACK,
                           worklist_limit=limit)

    whole = acc().add_all(results)
    merged, start = acc(), 0
    for size in cuts + [len(results)]:
        merged.merge(acc().add_all(results[start:start + size]).partial())
        start += size
        if start >= len(results):
            break
    want = assemble(whole, engine, kommune=None, source=None)
    assert assemble(merged, engine, kommune=None, source=None) == want
    rows = want["nir"]["worklist"]["FT"]["rows"]
    assert len(rows) == min(limit, want["nir"]["worklist"]["FT"]["total"]) and want["nir"]["worklist"]["FT"]["total"] > 6


def test_case_list_limit_across_partials(monkeypatch):
    monkeypatch.setattr(aggregate, "CASE_LIMIT", 10)
    engine = Engine(entry_points=False, plugins=[reportplugin.plugin])
    _, records = parse_document(people())
    results = list(engine.evaluate_all(records, DAY))
    make = lambda: Accumulator(engine.requirements(DAY), DAY, period=default_period(DAY), with_names=True, norskmal=FALLBACK)
    whole = make().add_all(results)
    merged = make()
    for start in range(0, len(results), 4):
        merged.merge(make().add_all(results[start:start + 4]).partial())
    assert (merged.cases, merged.cases_dropped) == (whole.cases, whole.cases_dropped)
    assert len(whole.cases) == 10 and whole.cases_dropped == whole.evaluated - 10


def test_odd_units_are_counted_with_their_own_units():
    """Findings of one requirement naming other units than the first (not from an engine) still count right."""
    import attrs

    from integrules.findings import Unit

    engine = Engine(entry_points=False, plugins=[reportplugin.plugin])
    _, records = parse_document(people(10))
    results = list(engine.evaluate_all(records, DAY))
    odd = [attrs.evolve(r, findings=tuple(attrs.evolve(f, responsible=(Unit.NAV, Unit.NAV)) for f in r.findings))
           if i % 3 == 0 and hasattr(r, "findings") else r for i, r in enumerate(results)]
    acc = Accumulator(engine.requirements(DAY), DAY, period=default_period(DAY), norskmal=FALLBACK).add_all(odd)
    evaluated = acc.evaluated
    odd_n = sum(1 for i, r in enumerate(results) if i % 3 == 0 and hasattr(r, "findings"))
    assert sum(acc.unit_totals["NAV"].values()) == 2 * odd_n * len(engine.requirements(DAY))  # (NAV, NAV): twice
    assert sum(acc.by_req["il.kontrakt"].values()) == evaluated
    merged = Accumulator(engine.requirements(DAY), DAY, period=default_period(DAY), norskmal=FALLBACK)
    for start in range(0, len(odd), 3):
        part = Accumulator(engine.requirements(DAY), DAY, period=default_period(DAY), norskmal=FALLBACK)
        merged.merge(part.add_all(odd[start:start + 3]).partial())
    assert assemble(merged, engine, kommune=None, source=None) == assemble(acc, engine, kommune=None, source=None)


def test_build_report_parallel_is_build_report(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in people(200)), encoding="utf-8")
    engine = Engine(entry_points=False, plugins=[reportplugin.plugin])
    want = build_report(engine, read_case_file(path)[1], DAY, norskmal=FALLBACK, with_names=True)
    kwargs = {"entry_points": False, "plugins": [reportplugin.plugin]}
    for jobs, chunk in ((1, 7), (2, 13), (3, 500)):
        got = build_report_parallel(engine, read_raw(path)[1], DAY, kwargs, jobs, norskmal=FALLBACK,
                                    with_names=True, chunk=chunk)
        assert got == want


def test_report_pseudonymise(tmp_path, capsys, monkeypatch):
    # Judged by the installed rule sets (with none, report refuses: exit 6).
    doc = copy.deepcopy(reportplugin.CASES)
    f = tmp_path / "cases.json"
    f.write_text(json.dumps(doc), encoding="utf-8")
    base = ("report", str(f), "--format", "json", "--with-names")
    code, plain, _ = run(capsys, *base)
    code1, one, _ = run(capsys, *base, "--pseudonymise", "--key", K1)
    assert (code1, run(capsys, *base, "--pseudonymise", "--key", K1)[1]) == (code, one)  # stable
    assert run(capsys, *base, "--pseudonymise", "--key", K1, "--jobs", "2")[1] == one
    assert run(capsys, *base, "--pseudonymise", "--key", K2)[1] != one
    monkeypatch.setenv("INTEGRULES_PSEUDONYM_KEY", K1)
    assert run(capsys, *base, "--pseudonymise")[1] == one
    r, p = json.loads(plain), json.loads(one)
    ids = {c["participant_id"] for c in r["cases"]} | {x["record_id"] for x in r["rejected"]}
    ids |= {w["participant_id"] for u in r["nir"]["worklist"].values() for w in u["rows"]}
    assert ids and all(i not in one for i in ids if len(i) > 1)
    assert all(c["participant_id"].startswith("psn-") for c in p["cases"])
    assert all(x["record_id"].startswith("psn-") for x in p["rejected"] if x["record_id"])
    assert all(w["participant_id"].startswith("psn-") for u in p["nir"]["worklist"].values() for w in u["rows"])
    for key in ("cases", "rejected", "nir"):
        p.pop(key), r.pop(key)
    assert p == r  # nothing else changes
    monkeypatch.delenv("INTEGRULES_PSEUDONYM_KEY")
    assert run(capsys, *base, "--pseudonymise")[0] == 2  # no key: a usage error
    assert run(capsys, *base, "--key", K1)[0] == 2


def test_report_reads_csv_with_mapping(tmp_path, capsys):
    header = ["Løpenr", "Bosatt", "Kontrakt dato"]
    rows = [["K-1", "05.01.2023", "01.03.2023"], ["K-2", "", ""], ["K-3", "99.99.2023", ""]]
    path = tmp_path / "egen.csv"
    path.write_text("\n".join(",".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    mapping = {"columns": {"Løpenr": "id", "Bosatt": {"field": "settlement_date", "type": "date"},
                           "Kontrakt dato": {"field": "integreringskontrakt.date", "type": "date"}}}
    (tmp_path / "m.json").write_text(json.dumps(mapping), encoding="utf-8")
    base = ("report", str(path), "--mapping", str(tmp_path / "m.json"), "--as-of", "2024-11-27", "--format", "json")
    code, out, _ = run(capsys, *base)
    r = json.loads(out)
    assert code == 3 and r["totals"]["read"] == 3 and r["totals"]["rejected"] == 1
    assert r["rejected"][0]["source"] == "row 4"
    assert run(capsys, *base, "--jobs", "2") == (code, out, "")
    check = json.loads(run(capsys, "check", str(path), "--mapping", str(tmp_path / "m.json"), "--as-of", "2024-11-27",
                           "--format", "json")[1])
    assert check["summary"]["evaluated"] == r["totals"]["evaluated"] == 2
    # A compared file that is not a table is read without the mapping.
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "K-9", "settlement_date": "2023-01-01"}) + "\n", encoding="utf-8")
    code, _, err = run(capsys, *base, "--compare", str(other))  # it has no as_of: today would be a guess
    assert code == 2 and "--compare-as-of" in err
    code, out, _ = run(capsys, *base, "--compare", str(other), "--compare-as-of", "2024-02-28")
    both = json.loads(out)["compare"]
    assert both["earlier"]["as_of"] == "2024-02-28"
    assert {both["earlier"]["source"], both["later"]["source"]} == {"egen.csv", "other.jsonl"}
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps({"participants": []}), encoding="utf-8")
    for command in ("check", "report"):  # the report's own file with a mapping it cannot use: as check
        code, _, err = run(capsys, command, str(doc), "--mapping", str(tmp_path / "m.json"))
        assert code == 3 and "only used with .csv or .xlsx" in err  # an input error


def test_report_jobs_must_be_positive(capsys):
    with pytest.raises(SystemExit):
        main(["report", "--example", "--jobs", "0"])
