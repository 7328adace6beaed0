"""The fast paths of reading give exactly what the cattrs converter gives: the fast structurer
(integrules.convert.fast_structurer) for decoded records, and for a JSON Lines line the msgspec
mirror (integrules.fastjson.json_structurer) before json.loads and either of them.

For valid records: the same participant, with the same types (an int hours is a float either way).
For anything else: the same rejection, message for message, because the fast path gives up and the
converter words the errors. Records are generated valid, then broken at a random place.
"""

from __future__ import annotations

import copy
import datetime as dt
import json

import attrs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from integrules.convert import converter, error_messages, fast_structurer
from integrules.model import Course, Leave, Participant
from integrules.fastjson import json_structurer
from integrules.reading import structure_item, structure_participant
from integrules.results import Rejection
from integrules.testing import strategies as irs

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def typed(value):
    """A value as nested tuples that carry every type: 25 and 25.0 differ, as they do in the output."""
    if attrs.has(type(value)):
        return (type(value).__name__, tuple((a.name, typed(getattr(value, a.name))) for a in attrs.fields(type(value))))
    if isinstance(value, (tuple, list)):
        return (type(value).__name__, tuple(typed(v) for v in value))
    return (type(value).__name__, repr(value))


def by_converter(raw, index=0):
    """structure_participant as it was before the fast path: the converter alone."""
    if not isinstance(raw, dict):
        return structure_participant(raw, index)
    record_id = raw.get("id") if isinstance(raw.get("id"), str) else None
    try:
        return converter().structure(raw, Participant)
    except Exception as exc:
        return Rejection(index, record_id, tuple(error_messages(exc, f"participants[{index}]")), None)


def assert_same(raw):
    want = by_converter(copy.deepcopy(raw))
    got = structure_participant(copy.deepcopy(raw), 0)
    assert typed(got) == typed(want)
    assert_same_line(json.dumps(raw), want)
    return got


def assert_same_line(line, want=None):
    """A JSON Lines line read by the reader (msgspec first) gives what json.loads and the converter give."""
    if want is None:
        try:
            raw = json.loads(line)
        except ValueError:
            raw = None
            want = structure_item(("line", 0, line, None))  # not JSON: the reader's rejection, checked below
            assert isinstance(want, Rejection)
        else:
            want = by_converter(raw)
    got = structure_item(("line", 0, line, None))
    assert typed(got) == typed(want)


def raw_participants():
    return irs.participants().map(lambda p: json.loads(json.dumps(converter().unstructure(p))))


ODD_VALUES = st.sampled_from([
    None, True, False, 0, 1, -1, 2.5, -0.5, 1e308, float("nan"), float("inf"), "", " ", "x", "2023-02-30",
    "2023-13-01", "2023-1-01", "01.03.2023", "1.3.2023", " 2023-03-01", "2023-03-01 ", "2023-W01-1", "20230301",
    "2023-03-01T00:00", "٢٠٢٣-٠٣-٠١", "+023-03-01", "b1", "B1", "under a1", "UNDER_A1", "B3", "Flyktning",
    "flyktning", "arbeid", "2021 097009 04", "202109700904", "2021097009", [], [None], ["2023-01-01"], {},
    {"date": "2023-01-01"}, {"unknown": 1}, 10**400,
])


@st.composite
def broken(draw):
    """A valid record broken at one random place: a value replaced, a key dropped or added."""
    raw = draw(raw_participants())
    containers = []

    def walk(node):
        if isinstance(node, dict):
            containers.append(node)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            containers.append(node)
            for v in node:
                walk(v)

    walk(raw)
    for _ in range(draw(st.integers(1, 3))):
        node = draw(st.sampled_from(containers))
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        if isinstance(node, dict):
            if action == "add" or not node:
                node[draw(st.sampled_from(["extra", "date", "done", "levels", "id", "name"]))] = draw(ODD_VALUES)
            elif action == "drop":
                node.pop(draw(st.sampled_from(sorted(node))))
            else:
                node[draw(st.sampled_from(sorted(node)))] = draw(ODD_VALUES)
        elif node:
            i = draw(st.integers(0, len(node) - 1))
            if action == "drop":
                node.pop(i)
            else:
                node[i] = draw(ODD_VALUES)
    return raw


@SETTINGS
@given(raw_participants())
def test_valid_records_take_the_fast_path_and_give_the_converters_participant(raw):
    fast = fast_structurer(Participant)(copy.deepcopy(raw))  # no exception: the fast path took it
    assert typed(fast) == typed(converter().structure(copy.deepcopy(raw), Participant))
    assert_same(raw)


@SETTINGS
@given(broken())
def test_broken_records_give_the_converters_value_or_errors(raw):
    assert_same(raw)


@SETTINGS
@given(st.text(alphabet="0123456789-.W٣２+T: ", min_size=8, max_size=12))
def test_dates_as_the_converter_reads_them(text):
    raw = {"start": text, "end": "2024-01-01"}
    try:
        want = ("ok", typed(converter().structure(raw, Leave)))
    except Exception:
        want = ("error",)
    try:
        got = ("ok", typed(fast_structurer(Leave)(raw)))
    except Exception:
        got = ("error",)
    if got[0] == "ok":  # where the fast path answers, it is the converter's answer
        assert got == want
    # and within a record, whichever path answers, the result is the converter's
    assert_same({"id": "X-1", "introduksjonsprogram": {"leaves": [raw]}})


@pytest.mark.parametrize("hours", [0, 25, 2.5, True, -1, float("nan"), "3"])
def test_course_hours_int_becomes_float_as_in_the_converter(hours):
    raw = {"id": "X-1", "livsmestring": {"done": True, "hours": hours}}
    got = assert_same(raw)
    if isinstance(got, Participant):
        assert type(got.livsmestring.hours) is float


def test_the_fast_path_is_the_converters_hooks():
    """A model class the generator cannot inline still structures, through the converter's own hook."""
    from integrules.convert import _FastCode

    code = _FastCode(converter())
    code.function(Participant)
    source = "\n".join(code.source)
    assert "_hook" not in source  # every field of the model is inlined
    assert isinstance(fast_structurer(Course)({"hours": 3}).hours, float)


def test_rejections_keep_index_and_id():
    got = structure_participant({"id": "X-9", "birth_date": "31.02.1990"}, 4, "line 5")
    assert isinstance(got, Rejection)
    assert (got.index, got.record_id, got.source) == (4, "X-9", "line 5")
    assert got.errors == ("participants[4].birth_date: '31.02.1990' is not a date that exists",)
    assert structure_participant({"id": "X-9", "birth_date": dt.date(1990, 1, 2).isoformat()}, 0).birth_date == dt.date(1990, 1, 2)


@pytest.mark.parametrize("text", ["2023-03-01", "2023-02-30", "2023-W01-1", "2023-W011", "20230301", "2023-060",
                                  "2023-03-01T00:00", "2023-03-1 ", " 2023-3-01", "٢٠٢٣-٠٣-٠١", "2023-03-0١",
                                  "01.03.2023", "1.3.2023", "+023-03-01", "0000-01-01", "2023–03–01"])
def test_date_edge_cases_as_the_converter(text):
    for raw in ({"id": "X-1", "birth_date": text}, {"id": "X-1", "introduksjonsprogram": {"leaves": [{"start": text, "end": text}]}}):
        assert_same(raw)


def test_valid_lines_take_the_msgspec_path():
    fast = json_structurer(Participant)
    assert fast is not None  # installed with the README's command (the extra integrules[fast])


@SETTINGS
@given(raw_participants())
def test_valid_lines_give_the_converters_participant_through_msgspec(raw):
    line = json.dumps(raw)
    got = json_structurer(Participant)(line)  # no exception: the mirror took it
    assert typed(got) == typed(converter().structure(raw, Participant))


@pytest.mark.parametrize("line", [
    '{"id": "A", "id": "B"}', '{"id": "A", "livsmestring": {"hours": NaN}}', '{"id": "A", "livsmestring": {"hours": 1e400}}',
    '{"id": "A", "livsmestring": {"hours": -0.0}}', '{"id": "A", "livsmestring": {"sessions": 1E2}}',
    '{"id": "A", "earlier_municipality_months": 99999999999999999999999}', '{"id": "A", "earlier_municipality_months": -0}',
    '{"id": "A", "name": "\\ud800"}', '{"id": "A", "name": "\\u00e5se \\n"}', '{"id": ""}', '{"id": 5}', '{}', '[]', '"x"',
    '{"id": "A"} x', ' {"id": "A"} ', '{"id": "A", "permit": {"basis": "flyktning", "extra": 1}}',
    '{"id": "A", "permit": {"basis": "Flyktning"}}', '{"id": "A", "duf": "2021 097009 04"}', '{"id": "A", "duf": "2021097009"}',
    '{"id": "A", "birth_date": "01.03.1990"}', '{"id": "A", "birth_date": "1990-02-30"}', '{"id": "A", "nir": null}',
    '{"id": "A", "nir": [{"item": "x", "date": "2024-01-01", "unit": "FT"}]}', '{"id": "A", "norskmal": [{"date": "2024-01-01", '
    '"kind": "fastsetting", "levels": {"muntlig": "b1"}}]}', '{"id": "A", "introduksjonsprogram": {"extensions": '
    '[{"date": "2024-01-01", "months": 0}]}}', '{"id": "A", "opplaering": {"class_changes": ["2024-01-01", "2024-02-01"]}}',
])
def test_odd_lines_as_json_loads_and_the_converter(line):
    assert_same_line(line)


def test_without_msgspec_lines_are_read_the_ordinary_way(monkeypatch):
    import integrules.fastjson as fastjson

    line = '{"id": "A", "birth_date": "1990-03-01"}'
    monkeypatch.setattr(fastjson, "msgspec", None)
    fastjson.json_structurer.cache_clear()
    try:
        assert json_structurer(Participant) is None
        assert structure_item(("line", 0, line, None)) == converter().structure(json.loads(line), Participant)
    finally:
        fastjson.json_structurer.cache_clear()
