"""check's outputs: -o (atomic), --only, --participant, the worklist as csv or xlsx, and usage errors by subcommand."""

import csv
import io
import json

import pytest
from integrules.cli import main


def run(capsys, *argv):
    code = main(["check", "--example", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_output_file_is_the_same_as_stdout(capsys, tmp_path):
    code, out, _ = run(capsys, "--format", "json")
    path = tmp_path / "funn.json"
    path.write_text("old", encoding="utf-8")
    assert run(capsys, "--format", "json", "-o", str(path)) == (code, "", "")
    assert path.read_text(encoding="utf-8") == out
    assert [p.name for p in tmp_path.iterdir()] == ["funn.json"]  # no temporary file left behind


def test_output_file_is_left_alone_on_an_error(capsys, tmp_path):
    path = tmp_path / "funn.txt"
    path.write_text("old", encoding="utf-8")
    code, _, err = run(capsys, "--setting", "no.such=1", "-o", str(path))
    assert code == 2 and path.read_text(encoding="utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == ["funn.txt"]


def test_only_filters_findings_but_the_summary_and_exit_code_count_all(capsys):
    code_all, out_all, _ = run(capsys, "--format", "json")
    code, out, _ = run(capsys, "--format", "json", "--only", "unknown")
    full, only = json.loads(out_all), json.loads(out)
    assert code == code_all == 1  # not met findings exist, shown or not
    assert only["summary"] == full["summary"] and only["filter"] == {"only": ["unknown"], "participant": None}
    shown = [f for p in only["participants"] for f in p["findings"]]
    assert shown and all(f["outcome"] == "unknown" for f in shown)
    assert len(shown) == full["summary"]["findings"]["unknown"] + full["summary"]["should_findings"]["unknown"]
    with_unknown = {p["participant_id"] for p in full["participants"] if any(f["outcome"] == "unknown" for f in p["findings"])}
    assert {p["participant_id"] for p in only["participants"]} == with_unknown
    assert "filter" not in full
    code, out, _ = run(capsys, "--only", "not_met,pending")
    assert "[ikke oppfylt / not met]" in out and "[oppfylt / met]" not in out and "[ukjent / unknown]" not in out
    with pytest.raises(SystemExit) as exc:
        run(capsys, "--only", "bad")
    assert exc.value.code == 2 and "unknown outcome(s) 'bad'" in capsys.readouterr().err


def test_participant_selects_one_and_counts_it_alone(capsys):
    code, out, _ = run(capsys, "--format", "json", "--participant", "EK-2024-00003")
    doc = json.loads(out)
    assert [p["participant_id"] for p in doc["participants"]] == ["EK-2024-00003"]
    assert doc["summary"]["read"] == doc["summary"]["evaluated"] == 1
    code, out, err = run(capsys, "--participant", "EK-NOBODY")
    assert code == 0 and "no participant with id EK-NOBODY" in err and "Lest/read 0" in out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_worklist_csv_is_the_findings_to_act_on(capsys, jobs):
    code, out, _ = run(capsys, "--format", "csv", "--jobs", jobs)
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:5] == ["deltaker-id", "regelverk", "krav-id", "krav", "status"]
    assert {r[4] for r in rows[1:]} == {"ikke oppfylt", "ukjent", "frist ikke nådd"}
    _, js, _ = run(capsys, "--format", "json")
    counted = json.loads(js)["summary"]
    must, should = counted["findings"], counted["should_findings"]  # the worklist lists «skal» and «bør» findings
    assert len(rows) - 1 == sum(c["not_met"] + c["unknown"] + c["pending"] for c in (must, should))
    assert code == 1


def test_worklist_csv_for_excel_and_xlsx(capsys, tmp_path):
    _, out, _ = run(capsys, "--format", "csv", "--excel", "--only", "not_met")
    assert out.startswith("\ufeffdeltaker-id;regelverk;")
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))
    assert all(r[4] == "ikke oppfylt" for r in rows[1:]) and any(r[5].count(".") == 2 for r in rows[1:])
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "arbeidsliste.xlsx"
    assert run(capsys, "--format", "xlsx", "-o", str(path))[0] == 1
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Arbeidsliste" and "Arbeidsliste FT" in wb.sheetnames
    assert wb["Arbeidsliste"].max_row - 1 == len(list(csv.reader(io.StringIO(run(capsys, "--format", "csv")[1])))) - 1
    dues = [r[5] for r in wb["Arbeidsliste FT"].iter_rows(min_row=2, values_only=True) if r[5] is not None]
    assert dues == sorted(dues)  # oldest due first per unit
    assert run(capsys, "--format", "json", "--excel")[0] == 2


def test_a_wrong_option_shows_the_subcommands_usage(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--example", "--no-such-option"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: integrules check ") and "unrecognized arguments: --no-such-option" in err


def test_xlsx_refuses_more_rows_than_excel_holds(monkeypatch, capsys, tmp_path):
    pytest.importorskip("openpyxl")
    from integrules.cli import check

    _, out, _ = run(capsys, "--format", "csv")
    rows = len(out.splitlines()) - 1
    monkeypatch.setattr(check, "EXCEL_ROWS", rows + 1)  # the header and every row: just fits
    assert run(capsys, "--format", "xlsx", "-o", str(tmp_path / "a.xlsx"))[0] == 1
    monkeypatch.setattr(check, "EXCEL_ROWS", rows)  # one row too many
    code, _, err = run(capsys, "--format", "xlsx", "-o", str(tmp_path / "b.xlsx"))
    assert code == 2 and "do not fit in an Excel sheet" in err and not (tmp_path / "b.xlsx").exists()
