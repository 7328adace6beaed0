"""CSV and Excel imports through a column mapping: dialects, BOM, dates, bad rows with row and column."""

import datetime as dt
import json

import pytest

from integrules.cli import main
from integrules.errors import InputError
from integrules.imports import DEFAULT_MAPPING, load_mapping
from integrules.model import Participant, Sluttmal
from integrules.reading import read_case_file
from integrules.results import Rejection

HEADER = ["DUF-nummer", "Fornavn, Etternavn", "Kategori", "Sluttmål", "Avslutningsårsak", "Avslutningsdato"]
ROWS = [
    ["2022 087032 08", "Syntetisk En", "Rett til introduksjonsprogram",
     "Arbeid - person har utdanning på videregående nivå fra før", "Arbeidsmarkedstiltak i regi av NAV", "01.12.2023"],
    ["", "Syntetisk To", "Rett til introduksjonsprogram", "Fullføre videregående opplæring - over 25 år",
     "Videregående opplæring - fag og yrkesopplæring", "31.08.2023"],
]


def write_csv(path, rows, sep=";", bom=False, header=HEADER, newline="\r\n"):
    def cell(c):
        return f'"{c}"' if (sep in c or '"' in c) else c
    text = newline.join(sep.join(cell(c) for c in row) for row in [header, *rows]) + newline
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def read(path, mapping=None):
    _, items = read_case_file(path, mapping=mapping)
    return list(items)


@pytest.mark.parametrize("sep", [";", ",", "\t"])
@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_dialects_and_bom(tmp_path, sep, bom, newline):
    items = read(write_csv(tmp_path / "nir.csv", ROWS, sep=sep, bom=bom, newline=newline))
    assert all(isinstance(p, Participant) for p in items), items
    first, second = items
    assert first.id == "rad-2" and second.id == "rad-3"  # spreadsheet rows: the header is row 1
    assert first.duf.digits == "202208703208" and first.name == "Syntetisk En"
    prog = first.introduksjonsprogram
    assert prog.participates is True and prog.sluttmal is Sluttmal.ARBEID
    assert prog.end_date == dt.date(2023, 12, 1) and prog.end_reason == "Arbeidsmarkedstiltak i regi av NAV"
    assert second.duf is None  # an empty cell is unknown
    assert second.introduksjonsprogram.sluttmal is Sluttmal.FULLFORT_VIDEREGAENDE


def test_seed_ascii_headers_are_aliases(tmp_path):
    header = ["DUF-nummer", "Fornavn, Etternavn", "Kategori", "Sluttmaal", "Avslutningsarsak", "Avslutningsdato"]
    items = read(write_csv(tmp_path / "nir.csv", ROWS, header=header))
    assert items[0].introduksjonsprogram.end_reason == "Arbeidsmarkedstiltak i regi av NAV"


def test_bad_rows_are_rejections_with_row_and_column_never_dropped(tmp_path):
    rows = [
        ROWS[0],
        ["2022 08703", "X", "Rett til introduksjonsprogram", "Arbeid", "", "31.02.2023"],  # bad DUF, bad date
        ["", "", "", "", "", ""],  # empty row: skipped
        ["", "Y", "Annen kategori", "Noe annet", "", "2023-05-01"],  # a sluttmål the mapping does not know
        ROWS[1],
    ]
    items = read(write_csv(tmp_path / "nir.csv", rows))
    assert [type(i).__name__ for i in items] == ["Participant", "Rejection", "Rejection", "Participant"]
    bad, unknown_goal = items[1], items[2]
    assert bad.index == 1 and bad.source == "row 3"
    assert "row 3, column 'Avslutningsdato': '31.02.2023' is not a date that exists" in bad.errors
    assert any(e.startswith("row 3, column 'DUF-nummer': ") for e in bad.errors)
    assert "08703" not in " ".join(bad.errors)  # a DUF number is never echoed
    assert unknown_goal.source == "row 5"
    assert unknown_goal.errors[0].startswith("row 5, column 'Sluttmål': text (9 characters) is not one of: arbeid")
    assert items[3].id == "rad-6"


def test_mapping_file_json_and_toml(tmp_path):
    header = ["Løpenr", "Bosatt", "Barn", "Timer"]
    rows = [["K-1", "05.01.2023", "ja", "2"], ["K-2", "", "nei", "x"], ["K-3", "01.02.2023", "kanskje", "1,5"]]
    path = write_csv(tmp_path / "egen.csv", rows, header=header, sep=",")
    mapping = {"columns": {"Løpenr": "id", "Bosatt": {"field": "settlement_date", "type": "date"},
                           "Barn": {"field": "children_under_18", "type": "bool"},
                           "Timer": {"field": "earlier_municipality_months", "type": "int"}},
               "id": "required", "unmapped": "error"}
    (tmp_path / "m.json").write_text(json.dumps(mapping), encoding="utf-8")
    (tmp_path / "m.toml").write_text(
        'id = "required"\nunmapped = "error"\n[columns]\n"Løpenr" = "id"\n'
        '"Bosatt" = { field = "settlement_date", type = "date" }\n'
        '"Barn" = { field = "children_under_18", type = "bool" }\n'
        '"Timer" = { field = "earlier_municipality_months", type = "int" }\n', encoding="utf-8")
    for m in ("m.json", "m.toml"):
        items = read(path, tmp_path / m)
        assert isinstance(items[0], Participant) and items[0].id == "K-1"
        assert items[0].settlement_date == dt.date(2023, 1, 5) and items[0].children_under_18 is True
        assert items[0].earlier_municipality_months == 2
        assert items[1].errors == ("row 3, column 'Timer': expected a number, got text (1 characters)",)
        assert items[1].record_id == "K-2"
        assert set(items[2].errors) == {"row 4, column 'Barn': expected ja/nei (yes/no), got text (7 characters)",
                                         "row 4, column 'Timer': expected a whole number"}


def test_files_that_cannot_be_read_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no column matches the mapping"):
        read(write_csv(tmp_path / "a.csv", [["1", "2"]], header=["Foo", "Bar"]))
    (tmp_path / "e.csv").write_text("")
    with pytest.raises(InputError, match="empty"):
        read(tmp_path / "e.csv")
    (tmp_path / "l.csv").write_bytes("DUF-nummer;Sluttmål\n;Høyere utdanning\n".encode("cp1252"))
    with pytest.raises(InputError, match="not utf-8-sig text"):
        read(tmp_path / "l.csv")
    (tmp_path / "cp.json").write_text(json.dumps({"columns": {"Sluttmål": {
        "field": "introduksjonsprogram.sluttmal", "values": {"Høyere utdanning": "hoyere_utdanning"}}}, "encoding": "cp1252"}))
    assert read(tmp_path / "l.csv", tmp_path / "cp.json")[0].introduksjonsprogram.sluttmal is Sluttmal.HOYERE_UTDANNING
    (tmp_path / "bad.json").write_text('{"columns": {"A": {"field": "id", "type": "colour"}}}')
    with pytest.raises(InputError, match="type must be one of"):
        read(tmp_path / "l.csv", tmp_path / "bad.json")
    with pytest.raises(InputError, match="only used with .csv or .xlsx"):
        read_case_file(tmp_path / "x.json", mapping=tmp_path / "cp.json")
    with pytest.raises(InputError, match="not in the mapping"):
        path = write_csv(tmp_path / "u.csv", [["1", "2"]], header=["Id", "Annet"])
        (tmp_path / "strict.json").write_text('{"columns": {"Id": "id"}, "unmapped": "error"}')
        read(path, tmp_path / "strict.json")


def test_default_mapping_is_valid_and_documented():
    m = load_mapping(None)
    assert {c.header for c in m.columns} == set(DEFAULT_MAPPING["columns"])
    assert m.match("  sluttmaal ").field == "introduksjonsprogram.sluttmal"


def test_check_reads_csv_with_mapping_option(tmp_path, capsys):
    path = write_csv(tmp_path / "nir.csv", ROWS + [["", "Z", "", "", "", "99.99.2023"]])
    code = main(["check", str(path), "--as-of", "2024-11-27", "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 3 and out["summary"]["read"] == 3 and out["summary"]["rejected"] == 1
    assert out["rejected"][0]["source"] == "row 4"
    assert out["rejected"][0]["errors"] == ["row 4, column 'Avslutningsdato': '99.99.2023' is not a date that exists"]
    assert main(["check", str(path), "--as-of", "2024-11-27", "--format", "json", "--jobs", "2"]) == 3
    assert json.loads(capsys.readouterr().out) == out


def test_xlsx(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([202208703208, "Syntetisk En", "Rett til introduksjonsprogram", "Arbeid", "Arbeid",
                  dt.datetime(2023, 12, 1)])
    sheet.append([None, None, None, None, None, None])
    sheet.append([None, "Syntetisk To", "Rett til introduksjonsprogram", "Grunnskole", None, "32.01.2023"])
    book.save(tmp_path / "nir.xlsx")
    items = read(tmp_path / "nir.xlsx")
    assert isinstance(items[0], Participant) and items[0].duf.digits == "202208703208"
    assert items[0].introduksjonsprogram.end_date == dt.date(2023, 12, 1)
    assert isinstance(items[1], Rejection) and items[1].source == "row 4"
    assert items[1].errors == ("row 4, column 'Avslutningsdato': '32.01.2023' is not a date that exists",)
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not an Excel"):
        read(tmp_path / "broken.xlsx")
