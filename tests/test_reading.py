import json

import pytest
from hypothesis import given, settings, strategies as st

from integrules.errors import InputError
from integrules.model import Participant
from integrules.reading import parse_document, read_case_file, read_json_lines
from integrules.results import Rejection
from integrules.testing import strategies as irs


def test_bad_records_are_rejected_with_index_id_and_path_others_read():
    doc = {"kommune": "K", "as_of": "27.11.2024", "participants": [
        {"id": "A"},
        {"id": "B", "integreringsplan": {"revisions": [{"date": "31.02.2023"}]}},
        {"id": "C", "norskmal": [{"date": "2023-01-01", "kind": "fastsetting", "levels": {"muntlig": "B3"}}]},
        {"id": "D", "duf": "2022 0870 08", "foo": 1},
        {"id": "E", "birth_date": 19900101},
        {"id": "F"},
    ]}
    header, records = parse_document(doc)
    records = list(records)
    assert header.kommune == "K" and header.as_of.isoformat() == "2024-11-27"
    assert [type(r).__name__ for r in records] == ["Participant", "Rejection", "Rejection", "Rejection", "Rejection", "Participant"]
    b, c, d, e = records[1:5]
    assert b.describe() == "record 1 (id B): participants[1].integreringsplan.revisions[0].date: '31.02.2023' is not a date that exists"
    assert c.errors == ("participants[2].norskmal[0].levels.muntlig: 'B3' is not a CEFR level (expected one of: under A1, A1, A2, B1, B2, C1)",)
    assert any(x.startswith("participants[3].duf: malformed DUF number") for x in d.errors)
    assert any(x.startswith("participants[3]: unknown field(s) foo") for x in d.errors)
    assert e.errors == ("participants[4].birth_date: expected a date as text (YYYY-MM-DD or dd.mm.yyyy), got int",)


def test_json_lines_bad_line_is_a_rejection_with_line_number():
    lines = ['{"id": "A"}\n', "\n", '{"id": \n', '{"id": "C"}\n']
    out = list(read_json_lines(iter(lines)))
    assert [type(r).__name__ for r in out] == ["Participant", "Rejection", "Participant"]
    assert out[1].source == "line 3" and out[1].index == 1


def test_unreadable_file_is_an_input_error(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"participants": [')
    with pytest.raises(InputError, match="not valid JSON"):
        read_case_file(bad)
    with pytest.raises(InputError, match="cannot open"):
        read_case_file(tmp_path / "missing.json")
    with pytest.raises(InputError, match="unknown field"):
        parse_document({"participants": [], "deltakere": []})


def test_bom_is_accepted(tmp_path):
    f = tmp_path / "bom.json"
    f.write_bytes("\ufeff".encode() + json.dumps({"participants": [{"id": "A"}]}).encode())
    assert isinstance(list(read_case_file(f)[1])[0], Participant)


@settings(max_examples=60, deadline=None)
@given(st.lists(irs.participants() | irs.broken_records(), max_size=6), st.data())
def test_nothing_is_silently_dropped(items, data):
    from integrules.convert import converter
    raw = [converter().unstructure(x) if isinstance(x, Participant) else x for x in items]
    _, records = parse_document({"participants": raw})
    records = list(records)
    assert len(records) == len(raw)
    for item, rec in zip(items, records):
        assert isinstance(rec, Participant) == isinstance(item, Participant)
        if isinstance(rec, Rejection):
            assert rec.errors and all(e.startswith(f"participants[{rec.index}]") for e in rec.errors)
