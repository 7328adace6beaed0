"""Spreadsheet outputs: the report as xlsx (a sheet per table, a worklist per unit) and CSV for Norwegian Excel."""

import csv
import io
import json

import pytest
from integrules.cli import main

openpyxl = pytest.importorskip("openpyxl", reason="the 'xlsx' extra is not installed (pip install 'integrules[xlsx]')")


def _report(capsys, *argv):
    code = main(["report", "--example", *argv])
    return code, capsys.readouterr()


def test_report_xlsx_has_a_sheet_per_table_and_the_same_counts(tmp_path, capsys):
    path = tmp_path / "r.xlsx"
    assert main(["report", "--example", "--compare", "2024-02-28", "--format", "xlsx", "-o", str(path)]) == 0
    again = tmp_path / "r2.xlsx"
    assert main(["report", "--example", "--compare", "2024-02-28", "--format", "xlsx", "-o", str(again)]) == 0
    assert path.read_bytes() == again.read_bytes()  # deterministic: no save time
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:8] == ["Oversikt", "Krav", "Per regelverk", "Per enhet", "NIR", "Norsk", "Resultater", "Mangler"]
    assert "Arbeidsliste FT" in wb.sheetnames and "Arbeidsliste VO" in wb.sheetnames
    _, out = _report(capsys, "--format", "json")
    report = json.loads(out.out)
    sheet = wb["Krav"]
    header = [c.value for c in sheet[1]]
    rows = {r[1]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {r["id"] for r in report["requirements"]}
    for r in report["requirements"]:
        row = rows[r["id"]]
        assert (row["gjelder"], row["oppfylt"], row["ikke oppfylt"], row["ukjent"]) == (
            r["counts"]["applies"], r["counts"]["met"], r["counts"]["not_met"], r["counts"]["unknown"])
    for unit, wl in report["nir"]["worklist"].items():
        ws = wb[f"Arbeidsliste {unit}"]
        assert ws.max_row - 1 == len(wl["rows"])
        first = [c.value for c in ws[2]]
        assert first[1] == wl["rows"][0]["participant_id"] and first[4] in ("ikke oppfylt", "ukjent", "frist ikke nådd")
        assert ws["A2"].number_format == "DD.MM.YYYY"
    missing = wb["Mangler"]
    assert [c.value for c in missing[2]][:2] == [report["missing"][0]["field"], report["missing"][0]["findings"]]


def test_report_xlsx_in_english_and_without_worklists(tmp_path):
    path = tmp_path / "r.xlsx"
    assert main(["report", "--example", "--format", "xlsx", "--lang", "en", "--no-worklists", "-o", str(path)]) == 0
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Overview" and not any(n.startswith("Worklist") for n in wb.sheetnames)
    assert [c.value for c in wb["Requirements"][1]][4:6] == ["applies", "met"]


def test_xlsx_to_a_terminal_is_refused(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    code, out = _report(capsys, "--format", "xlsx")
    assert code == 2 and "-o PATH" in out.err


def test_excel_csv_semicolons_and_bom(capsys, tmp_path):
    _, plain = _report(capsys, "--format", "csv")
    _, excel = _report(capsys, "--format", "csv", "--excel")
    assert excel.out.startswith("\ufeffreport;as_of;section;")
    rows = list(csv.reader(io.StringIO(excel.out.removeprefix("\ufeff")), delimiter=";"))
    assert rows == list(csv.reader(io.StringIO(plain.out)))  # the same cells
    path = tmp_path / "r.csv"
    assert main(["report", "--example", "--format", "csv", "--excel", "-o", str(path)]) == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbfreport;as_of;")
    assert main(["report", "--example", "--format", "json", "--excel"]) == 2
    assert "--excel is for --format csv" in capsys.readouterr().err
