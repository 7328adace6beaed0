"""Bad input, tried systematically: every reader, fed arbitrary, truncated and wrongly encoded input.

The only outcomes allowed: evaluated records and rejected records with a clear message, or an
InputError for a file that cannot be read as a whole. Never a traceback, never a hang, and
read = evaluated + rejected every time. The number of cases tried is printed at the end of the
run (tests/conftest.py). INTEGRULES_FUZZ_EXAMPLES scales every test (default 40 examples).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
import signal
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import fuzzcounts
from integrules.cli import main
from integrules.convert import converter
from integrules.errors import InputError
from integrules.model import Participant
from integrules.reading import parse_document, read_case_file, read_json_lines, structure_participant
from integrules.results import Rejection
from integrules.testing import strategies as irs

EXAMPLES = int(os.environ.get("INTEGRULES_FUZZ_EXAMPLES", "40"))
TIME_LIMIT = 20  # seconds per case: anything slower is a hang
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
FIELD_NAMES = sorted({a.name for cls in (Participant,) for a in attrs.fields(cls)} | {
    "date", "done", "documented", "levels", "kind", "muntlig", "skriftlig", "start_date", "end_date", "basis",
    "participants", "as_of", "kommune", "settings", "revisions", "hours", "sessions", "months"})

# A name and a DUF number planted in the input: they must never come back in a message.
PLANTED_NAME = "Kari Plantesen Nordmann"
PLANTED_DUF = "202109700904"


@contextlib.contextmanager
def time_limit(seconds: int = TIME_LIMIT):
    def timeout(signum, frame):
        raise AssertionError(f"a reader ran for more than {seconds} s: a hang")

    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# -- strategies ----------------------------------------------------------------------------------

keys = st.sampled_from(FIELD_NAMES) | st.text(max_size=10)
scalars = (st.none() | st.booleans() | st.integers() | st.integers(min_value=-10**30, max_value=10**30)
           | st.floats() | st.text(max_size=20)
           | st.sampled_from(["2023-01-01", "31.02.2023", "B1", "under A1", "A7", "hoyere", "2021 097009 04",
                              PLANTED_NAME, PLANTED_DUF, "", " ", "\x00", "NaN", "ja"]))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
                           max_leaves=20)


def raw_participant() -> st.SearchStrategy[dict]:
    return irs.participants().map(converter().unstructure)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, prefix + (i,))
    return out


def _replace(value: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replace(value[head], rest, new)}
    copy = list(value)
    copy[head] = _replace(copy[head], rest, new)
    return copy


@st.composite
def mutated(draw, base: st.SearchStrategy = raw_participant(), values: st.SearchStrategy = json_values) -> Any:
    """A valid record with one to three of its parts (or a new key) replaced by arbitrary JSON."""
    value = draw(base)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(value)
        path = draw(st.sampled_from(paths))
        new = draw(values)
        if draw(st.booleans()) and isinstance(_get(value, path), dict):
            path = path + (draw(keys),)
            value = _replace(value, path[:-1], {**_get(value, path[:-1]), path[-1]: new})
        else:
            value = _replace(value, path, new)
    return value


def _get(value: Any, path: tuple) -> Any:
    for p in path:
        value = value[p]
    return value


records = st.one_of(raw_participant(), mutated(), json_values, irs.broken_records())
documents = st.one_of(
    json_values,
    st.lists(records, max_size=5),
    st.fixed_dictionaries({"participants": st.lists(records, max_size=5)},
                          optional={"kommune": scalars, "as_of": scalars, "settings": json_values, "extra": scalars}),
    irs.case_files().flatmap(lambda doc: mutated(st.just(doc))),
)


# -- the promises each outcome must keep -----------------------------------------------------------

def check_records(items: list, expected: int | None, test: str) -> None:
    """read = evaluated + rejected; each rejection says where and what, and never echoes a planted value."""
    if expected is not None:
        assert len(items) == expected, f"{expected} records in, {len(items)} out"
    for item in items:
        assert isinstance(item, (Participant, Rejection)), type(item)
        if isinstance(item, Rejection):
            assert item.errors, "a rejection without a message"
            for error in item.errors:
                assert error.startswith(f"participants[{item.index}]"), error
                assert_private(error)
                assert "Traceback" not in error and len(error) < 2000
    rejected = sum(isinstance(i, Rejection) for i in items)
    fuzzcounts.add(test, "records evaluated", len(items) - rejected)
    fuzzcounts.add(test, "records rejected", rejected)


def assert_private(message: str) -> None:
    assert PLANTED_NAME not in message and PLANTED_DUF not in message, message
    assert "Plantesen" not in message


def write(directory: str, name: str, data: bytes) -> Path:
    path = Path(directory) / name
    path.write_bytes(data)
    return path


def non_blank_lines(data: bytes) -> int:
    """The records a JSON Lines file holds, counted independently of the reader."""
    text = data.decode("utf-8", errors="surrogateescape")
    text = text.removeprefix("\ufeff")
    return sum(1 for line in re.split(r"\r\n|\r|\n", text) if line.strip())


def read_whole_file(path: Path, test: str) -> list | None:
    """Read a case file: an InputError (counted), or every record it holds (checked)."""
    try:
        with time_limit():
            _, items = read_case_file(path)
            items = list(items)
    except InputError as exc:
        assert_private(str(exc))
        fuzzcounts.case(test, "input error")
        return None
    fuzzcounts.case(test, "read")
    return items


# -- the readers ---------------------------------------------------------------------------------

@FUZZ
@given(documents)
def test_parse_document_takes_any_json(document):
    try:
        with time_limit():
            header, items = parse_document(document)
            items = list(items)
    except InputError as exc:
        assert_private(str(exc))
        fuzzcounts.case("parse_document", "input error")
        return
    fuzzcounts.case("parse_document", "read")
    raw = document if isinstance(document, list) else document["participants"]
    check_records(items, len(raw), "parse_document")


@FUZZ
@given(st.one_of(mutated(), records))
def test_structure_participant_takes_any_record(record):
    with time_limit():
        item = structure_participant(record, 0)
    fuzzcounts.case("structure_participant", "read")
    check_records([item], 1, "structure_participant")


@FUZZ
@given(documents, st.sampled_from([None, 2]))
def test_json_case_file_round_trip(document, indent):
    with tempfile.TemporaryDirectory() as d:
        data = json.dumps(document, indent=indent).encode()
        items = read_whole_file(write(d, "case.json", data), "read_case_file .json")
        if items is not None:
            raw = document if isinstance(document, list) else document["participants"]
            check_records(items, len(raw), "read_case_file .json")


lines_of_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=40)
jsonl_lines = st.one_of(records.map(json.dumps), lines_of_text, st.just(""), st.just("   "),
                        records.map(lambda r: json.dumps(r)[: len(json.dumps(r)) // 2]))


@FUZZ
@given(st.lists(jsonl_lines, max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_json_lines_one_record_per_line(lines, newline):
    data = newline.join(lines).encode("utf-8")
    with tempfile.TemporaryDirectory() as d:
        items = read_whole_file(write(d, "case.jsonl", data), "read_json_lines")
    assert items is not None, "a JSON Lines file is read line by line, never refused whole"
    check_records(items, non_blank_lines(data), "read_json_lines")


@FUZZ
@given(irs.case_files(max_participants=4), st.data())
def test_truncated_files(document, data):
    whole = json.dumps(document, indent=data.draw(st.sampled_from([None, 1]))).encode()
    lines = b"\n".join(json.dumps(p).encode() for p in document["participants"])
    with tempfile.TemporaryDirectory() as d:
        cut = data.draw(st.integers(0, len(whole)))
        items = read_whole_file(write(d, "cut.json", whole[:cut]), "truncated .json")
        if items is not None:
            check_records(items, len(document["participants"]) if cut == len(whole) else None, "truncated .json")
        cut = data.draw(st.integers(0, len(lines)))
        items = read_whole_file(write(d, "cut.jsonl", lines[:cut]), "truncated .jsonl")
        assert items is not None
        check_records(items, non_blank_lines(lines[:cut]), "truncated .jsonl")


ENCODINGS = ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"]


@FUZZ
@given(irs.case_files(max_participants=3), st.sampled_from(ENCODINGS), st.data())
def test_wrongly_encoded_files(document, encoding, data):
    for p in document["participants"]:
        p["name"] = data.draw(st.sampled_from(["Åse Ørnes", "Ali Şahin", "Zoë Ødegård", PLANTED_NAME]))
    text = json.dumps(document, ensure_ascii=False)
    lines = "\n".join(json.dumps(p, ensure_ascii=False) for p in document["participants"])
    with tempfile.TemporaryDirectory() as d:
        items = read_whole_file(write(d, "enc.json", text.encode(encoding, errors="replace")), f"encoded .json")
        if items is not None:
            check_records(items, len(document["participants"]), "encoded .json")
        blob = lines.encode(encoding, errors="replace")
        items = read_whole_file(write(d, "enc.jsonl", blob), "encoded .jsonl")
        assert items is not None
        check_records(items, non_blank_lines(blob), "encoded .jsonl")


@FUZZ
@given(st.binary(max_size=300), st.sampled_from(["x.json", "x.jsonl", "x.ndjson"]))
def test_random_bytes(blob, name):
    with tempfile.TemporaryDirectory() as d:
        items = read_whole_file(write(d, name, blob), "random bytes")
    if name.endswith("json"):
        if items is not None:
            check_records(items, None, "random bytes")
    else:
        assert items is not None
        check_records(items, non_blank_lines(blob), "random bytes")


@FUZZ
@given(st.lists(st.one_of(records.map(json.dumps), lines_of_text), max_size=5))
def test_read_json_lines_from_any_iterable(lines):
    with time_limit():
        items = list(read_json_lines(iter(line + "\n" for line in lines)))
    fuzzcounts.case("read_json_lines(iterable)", "read")
    check_records(items, sum(1 for line in lines if line.strip()), "read_json_lines(iterable)")


@pytest.mark.parametrize("data, suffix", [
    (b"[" * 100_000, ".json"),
    (b'{"participants": [' + b"1" * 10_000 + b"]}", ".json"),
    (b'{"id": "A"}\n' + b"[" * 100_000 + b"\n" + b'{"id": "B", "hours": ' + b"9" * 10_000 + b"}\n", ".jsonl"),
    (b'{"id": "A"}\n\xff\xfe{"id": "B"}\n{"id": "C"}\n', ".jsonl"),
    (b'{"id": "A", "livsmestring": {"hours": NaN}}\n{"id": "B", "livsmestring": {"hours": 1e400}}\n', ".jsonl"),
    (b"[null]", ".json"),  # found by this suite: the streaming reader read a scalar record twice
    (b'{"participants": [1, {"id": "A"}]}', ".json"),
], ids=["deep", "long number", "jsonl deep and long", "bad byte", "nan inf", "[null]", "scalar then record"])
def test_extreme_inputs(tmp_path, data, suffix):
    """Deep nesting, numbers of thousands of digits, a bad byte mid-file, NaN and Infinity."""
    items = read_whole_file(write(str(tmp_path), "x" + suffix, data), "extreme inputs")
    if suffix == ".jsonl":
        assert items is not None
        check_records(items, non_blank_lines(data), "extreme inputs")
        if b"\xff" in data:  # one bad line is rejected; the lines after it are still read
            assert [type(i).__name__ for i in items] == ["Participant", "Rejection", "Participant"]
        if b"NaN" in data:
            assert all(isinstance(i, Rejection) for i in items)
    elif items is not None:
        document = json.loads(data, parse_int=len)  # counted without converting a 10 000-digit number
        raw = document if isinstance(document, list) else document["participants"]
        check_records(items, len(raw), "extreme inputs")


# -- the whole command, end to end -------------------------------------------------------------------

@settings(FUZZ, max_examples=max(5, EXAMPLES // 4))
@given(st.one_of(irs.case_files(max_participants=4).map(lambda d: ("case.json", json.dumps(d).encode())),
                 documents.map(lambda d: ("case.json", json.dumps(d).encode())),
                 st.lists(jsonl_lines, max_size=5).map(lambda ls: ("case.jsonl", "\n".join(ls).encode())),
                 st.binary(max_size=100).map(lambda b: ("case.json", b))),
       st.sampled_from(["json", "text"]))
def test_check_command_never_tracebacks(named, fmt):
    name, data = named
    with tempfile.TemporaryDirectory() as d:
        path = write(d, name, data)
        out, err = io.StringIO(), io.StringIO()
        with time_limit(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", str(path), "--as-of", "2024-06-01", "--format", fmt])
    # 4 would be a built-in rule failing on valid input; 2 is an unknown or bad setting in the file.
    assert code in (0, 1, 3) or (code == 2 and "setting" in err.getvalue()), (code, err.getvalue())
    fuzzcounts.case("integrules check", f"exit {code}")
    assert_private(out.getvalue() + err.getvalue())
    if fmt == "json" and out.getvalue():
        summary = json.loads(out.getvalue())["summary"]
        assert summary["read"] == summary["evaluated"] + summary["rejected"]


# -- the spreadsheet readers (integrules.imports): CSV and xlsx ------------------------------------------------

TABLE_HEADERS = ["Id", "DUF-nummer", "Fornavn, Etternavn", "Fødselsdato", "Bosettingsdato", "Kategori", "Sluttmål",
                 "Avslutningsårsak", "Avslutningsdato", "Ukjent kolonne"]
cells = (st.text(max_size=12) | st.sampled_from(["", " ", "01.12.2023", "2023-12-01", "31.02.2023", "ja", "nei", "x",
                                                "Arbeid - person har utdanning", "Rett til introduksjonsprogram",
                                                PLANTED_NAME, PLANTED_DUF, "=1+1", "@SUM(A1)", '"', 'a"b', "a;b",
                                                "a,b", "linje\nto", "\r", "\t", "\x00", "1e400", "9999-12-31"]))
# Two columns at least: with one, nothing in the header tells which character separates cells.
tables = st.tuples(st.lists(st.sampled_from(TABLE_HEADERS), min_size=2, max_size=6, unique=True),
                   st.lists(st.lists(cells, max_size=7), max_size=6))


def check_table_records(items: list, expected: int | None, test: str) -> None:
    """One item per data row, numbered 0, 1, 2 ... (none dropped); rejections name their row, privately."""
    if expected is not None:
        assert len(items) == expected, f"{expected} rows in, {len(items)} out"
    assert [getattr(i, "index", n) for n, i in enumerate(items) if isinstance(i, Rejection)] == \
        [n for n, i in enumerate(items) if isinstance(i, Rejection)]
    for item in items:
        assert isinstance(item, (Participant, Rejection)), type(item)
        if isinstance(item, Rejection):
            assert item.errors, "a rejection without a message"
            for error in item.errors:
                assert error.startswith(("row ", "after row")), error
                assert_private(error)
                assert "Traceback" not in error and len(error) < 2000
            assert item.record_id is None or "\n" not in item.record_id
    rejected = sum(isinstance(i, Rejection) for i in items)
    fuzzcounts.add(test, "records evaluated", len(items) - rejected)
    fuzzcounts.add(test, "records rejected", rejected)


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


@FUZZ
@given(tables, st.sampled_from([";", ",", "\t"]), st.booleans())
def test_csv_reader_takes_any_table(table, delimiter, bom):
    import csv

    header, rows = table
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = (b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8", "surrogatepass")
    with tempfile.TemporaryDirectory() as d:
        items = read_whole_file(write(d, "nir.csv", data), "csv reader")
    if items is not None:
        # Excel's quoting keeps a row one record even with a delimiter, a quote or a line break in a cell.
        check_table_records(items, sum(1 for r in rows if not all(_blank(c) for c in r)), "csv reader")


@FUZZ
@given(st.binary(max_size=300), st.integers(0, 400))
def test_csv_reader_takes_any_bytes_and_any_truncation(blob, cut):
    header = "Id;DUF-nummer;Fornavn, Etternavn;Avslutningsdato\r\n".encode()
    good = f'A1;{PLANTED_DUF};"{PLANTED_NAME}";01.12.2023\r\n"A2;x;y;z\r\n'.encode()
    with tempfile.TemporaryDirectory() as d:
        for name, data in (("bytes.csv", header + blob), ("cut.csv", (header + good + blob)[:cut])):
            items = read_whole_file(write(d, name, data), "csv reader (bytes, truncated)")
            if items is not None:
                check_table_records(items, None, "csv reader (bytes, truncated)")


xlsx_cells = cells.filter(lambda c: "\x00" not in c and "\r" not in c) | st.none() | st.integers(-10**6, 10**6) \
    | st.floats(allow_nan=False, allow_infinity=False) | st.booleans() | st.dates() | st.just("=A1+1")


@settings(FUZZ, max_examples=max(5, EXAMPLES // 2))
@given(st.lists(st.sampled_from(TABLE_HEADERS), min_size=1, max_size=6, unique=True),
       st.lists(st.lists(xlsx_cells, max_size=7), max_size=5), st.booleans())
def test_xlsx_reader_takes_any_sheet(header, rows, merge):
    openpyxl = pytest.importorskip("openpyxl")
    import warnings
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = openpyxl.Workbook()
    sheet = book.active
    try:
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    except (IllegalCharacterError, ValueError):
        return  # a value openpyxl cannot store: not a file anyone could hand us
    if merge and rows:
        sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=2)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "nir.xlsx"
        book.save(path)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            items = read_whole_file(path, "xlsx reader")
    if items is not None:
        check_table_records(items, None, "xlsx reader")
        assert len(items) <= len(rows)


@FUZZ
@given(st.binary(max_size=200))
def test_xlsx_reader_takes_any_bytes(blob):
    pytest.importorskip("openpyxl")
    with tempfile.TemporaryDirectory() as d:
        items = read_whole_file(write(d, "x.xlsx", blob), "xlsx reader (bytes)")
    assert items is None  # not a workbook: one InputError
