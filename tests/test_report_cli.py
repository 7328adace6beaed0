"""integrules report on the command line: formats, sums, names, compare, documented columns."""

import csv
import io
import json
import re
from pathlib import Path

import reportplugin
from integrules import synthetic
from integrules.cli import main
from integrules.report.render_csv import COLUMNS

DOCS = Path(__file__).resolve().parents[1] / "docs" / "reports.md"


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_example_report_json_adds_up(capsys):
    code, out, err = run(capsys, "report", "--example", "--format", "json")
    r = json.loads(out)
    t = r["totals"]
    assert code == 0 and err == ""  # quiet when not on a terminal
    assert t["read"] == 70 == t["evaluated"] + t["rejected"] and sum(t["by_regime"].values()) == t["evaluated"]
    for q in r["requirements"]:
        assert q["counts"]["total"] == t["evaluated"]
        assert q["counts"]["applies"] == sum(q["counts"][o] for o in ("met", "not_met", "pending", "unknown", "error"))
    assert r["as_of"] == "2026-12-04" and r["kind"] == "aggregate"


def test_example_compare_every_format_without_names(capsys):
    people = synthetic.case_file()["participants"]
    for fmt in ("text", "markdown", "csv", "json"):
        code, out, _ = run(capsys, "report", "--example", "--compare", "2024-02-28", "--format", fmt)
        assert code == 0 and out
        for p in people:
            assert p["name"] not in out and p["duf"] not in out, fmt
    code, out, _ = run(capsys, "report", "--example", "--compare", "28.02.2024", "--format", "json")
    cmp_ = json.loads(out)["compare"]
    assert cmp_["earlier"]["as_of"] == "2024-02-28" and cmp_["later"]["as_of"] == "2026-12-04"


def test_compare_with_a_file_and_rejections_exit_3(tmp_path, capsys):
    # The installed rule sets judge the file (with none installed, report refuses: exit 6, test_no_rules_*).
    f = tmp_path / "cases.json"
    f.write_text(json.dumps(reportplugin.CASES), encoding="utf-8")
    code, out, _ = run(capsys, "report", str(f), "--compare", str(f), "--format", "json")
    r = json.loads(out)
    assert code == 3 and r["totals"]["rejected"] == 1 and r["rejected"][0]["record_id"] == "F"
    assert r["compare"]["earlier"]["source"] == "cases.json"
    code, _, err = run(capsys, "report", str(f), "--compare", "no-such-thing")
    assert code == 2 and "neither a date nor a file" in err


def test_with_names(capsys):
    code, out, _ = run(capsys, "report", "--example", "--with-names", "--format", "markdown")
    assert "RAPPORT MED NAVN" in out and "Syntetisk Deltaker 000" in out
    assert not any(p["duf"] in out for p in synthetic.case_file()["participants"])


def test_csv_columns_are_the_documented_ones(capsys):
    _, out, _ = run(capsys, "report", "--example", "--format", "csv", "--compare", "2024-02-28")
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == COLUMNS
    documented = re.search(r"^`(report,as_of,[a-z_,]+)`$", DOCS.read_text(encoding="utf-8"), re.M).group(1)
    assert tuple(documented.split(",")) == COLUMNS
    assert {r[0] for r in rows[1:]} == {"current", "compare"}
    assert all(r[7].lstrip("-").isdigit() for r in rows[1:])


def test_json_fields_are_documented(capsys):
    _, out, _ = run(capsys, "report", "--example", "--format", "json", "--with-names", "--compare", "2024-02-28")
    doc = DOCS.read_text(encoding="utf-8")
    for key in json.loads(out):
        assert re.search(rf"^\| {key}\b", doc, re.M) or f"| {key}" in doc or f", {key}" in doc, key
