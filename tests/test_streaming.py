"""Streaming reads (JSON case files in chunks), --jobs output identical to one process, generate."""

import io
import json
import tracemalloc

import pytest

from integrules import jsonstream, synthetic
from integrules.cli import main
from integrules.errors import InputError
from integrules.model import Participant
from integrules.parallel import evaluate_parallel
from integrules.reading import parse_document, read_case_file
from integrules.results import Rejection


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(jsonstream, "CHUNK", 7)  # every value crosses chunk boundaries


def records_of(path):
    header, items = read_case_file(path)
    return header, list(items)


@pytest.mark.parametrize("indent", [None, 1])
@pytest.mark.parametrize("sort_keys", [False, True])
def test_stream_reads_what_json_load_reads(tmp_path, small_chunks, indent, sort_keys):
    doc = synthetic.case_file(12, seed=3)
    doc["settings"] = {"x.y": 3}
    doc["participants"].append({"id": "bad", "birth_date": 19900101})
    doc["participants"].append(5)
    path = tmp_path / "c.json"
    path.write_text(json.dumps(doc, indent=indent, sort_keys=sort_keys, ensure_ascii=False), encoding="utf-8")
    header, got = records_of(path)
    want_header, want = parse_document(json.loads(path.read_text()))
    assert header == want_header and header.settings == {"x.y": 3}  # settings after participants too
    assert got == list(want)


def test_bare_array_numbers_and_literals_across_chunks(tmp_path, small_chunks):
    path = tmp_path / "a.json"
    path.write_text('[ {"id": "A", "earlier_municipality_months": 123456}, 1234567, true , null,{"id":"B"}]')
    _, got = records_of(path)
    assert [type(r).__name__ for r in got] == ["Participant", "Rejection", "Rejection", "Rejection", "Participant"]
    assert got[0].earlier_municipality_months == 123456
    assert got[1].errors == ("participants[1]: expected an object, got int",)


def test_truncated_after_records_yields_them_then_says_where(tmp_path, small_chunks):
    doc = synthetic.case_file(5, seed=1)
    text = json.dumps(doc, indent=1)
    cut = text.index('"id": "EK-01-00003"')
    path = tmp_path / "cut.json"
    path.write_text(text[:cut + 10])
    header, got = records_of(path)
    assert header.kommune == "Eksempel kommune"
    assert [type(r).__name__ for r in got] == ["Participant"] * 3 + ["Rejection"]
    last = got[-1]
    assert last.index == 3 and last.source.startswith("line ")
    line = text[:cut].count("\n") + 1
    assert last.errors[0].startswith(f"participants[3]: not valid JSON (line {line}, column")
    assert last.errors[0].endswith("the rest of the file was not read")


def test_broken_before_the_first_record_is_an_input_error(tmp_path):
    for text, match in [('{"participants": [', "not valid JSON \\(line 1, column 19: Expecting value\\)"),
                        ('{"kommune": 5, "participants": []}', "kommune: expected text"),
                        ('{"participants": {}}', "'participants' must be a list"),
                        ('{"kommune": "K"}', "'participants' must be a list"),
                        ('"text"', "expected an object"),
                        ('{"participants": []} x', "Extra data"),
                        ('{"participants": [{"id": "A"}], "deltakere": 1}', "unknown field")]:
        path = tmp_path / "x.json"
        path.write_text(text)
        with pytest.raises(InputError, match=match):
            records_of(path)


def test_stdin_json_is_read(monkeypatch, capsys):
    data = json.dumps({"as_of": "2024-01-01", "participants": [{"id": "A"}], "kommune": "K"}).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["check", "-", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kommune"] == "K" and out["summary"]["read"] == 1


def test_memory_stays_flat(tmp_path):
    small, large = tmp_path / "s.json", tmp_path / "l.json"
    for path, n in ((small, 200), (large, 4000)):
        with open(path, "w", encoding="utf-8") as fh:
            from integrules.cli.generate import write_population
            write_population(fh, n, seed=1, as_of=synthetic.DEFAULT_AS_OF, fmt="json", kommune="K")

    def peak(path):
        tracemalloc.start()
        _, items = read_case_file(path)
        count = sum(1 for _ in items)
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return count, top

    n_small, p_small = peak(small)
    n_large, p_large = peak(large)
    assert (n_small, n_large) == (200, 4000)
    assert p_large < 3 * p_small + (4 << 20), (p_small, p_large)  # 20x the records, not 20x the memory


def test_generate_is_the_synthetic_population(tmp_path, capsys):
    assert main(["generate", "5", "--seed", "7"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x) for x in lines] == list(synthetic.population(5, seed=7))
    out = tmp_path / "g.json"
    assert main(["generate", "70", "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text()) == synthetic.case_file(as_of=synthetic.DEFAULT_AS_OF)


def run_check(capsys, *args):
    code = main(["check", *args])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["json", "text"])
@pytest.mark.parametrize("suffix", ["json", "jsonl"])
def test_jobs_output_is_byte_identical(tmp_path, capsys, fmt, suffix):
    path = tmp_path / f"g.{suffix}"
    assert main(["generate", "1200", "--seed", "5", "--format", suffix, "-o", str(path)]) == 0
    with open(path, "a", encoding="utf-8") as fh:
        fh.write('{"id": "broken", "birth_date": "31.02.1990"}\n' if suffix == "jsonl" else "")
    one = run_check(capsys, str(path), "--format", fmt, "--as-of", "2024-11-27")
    two = run_check(capsys, str(path), "--format", fmt, "--as-of", "2024-11-27", "--jobs", "2")
    three = run_check(capsys, str(path), "--format", fmt, "--as-of", "2024-11-27", "--jobs", "3")
    assert one == two == three
    assert one[1].count("EK-05-") >= 1200


def test_evaluate_parallel_keeps_order_indices_and_faults(tmp_path):
    import fakeplugins  # noqa: F401  (tests/ is on the path)
    from integrules.engine import Engine

    path = tmp_path / "p.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in synthetic.population(300, seed=2)) + "not json\n")
    engine = Engine(entry_points=False)
    want = [r for r in engine.evaluate_all(read_case_file(path)[1], synthetic.DEFAULT_AS_OF)]
    run = evaluate_parallel(path, synthetic.DEFAULT_AS_OF, {"entry_points": False}, jobs=2, chunk=32)
    got = list(run)
    assert [getattr(x, "index", None) for x in got] == [getattr(x, "index", None) for x in want]
    assert got == want  # ParticipantResult equality leaves the participant out
    assert isinstance(got[-1], Rejection) and got[-1].source == "line 301"
    assert run.fault_count == engine.fault_count


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_jobs_with_pseudonyms_and_every_finding_listed_are_byte_identical(tmp_path, capsys, fmt):
    """The workers write the output (check --jobs N): pseudonyms, --show-not-applicable, the counts
    at the end and the exit code are those of one process."""
    path = tmp_path / "g.jsonl"
    assert main(["generate", "700", "--seed", "11", "--format", "jsonl", "-o", str(path)]) == 0
    with open(path, "a", encoding="utf-8") as fh:
        fh.write('{"id": "broken", "birth_date": "31.02.1990"}\nnot json\n')
    args = [str(path), "--format", fmt, "--as-of", "2025-03-01", "--pseudonymise", "--key", "en nøkkel for strømmetesten, lang nok", "--show-not-applicable"]
    one = run_check(capsys, *args)
    assert one[0] == 3  # rejected records
    assert run_check(capsys, *args, "--jobs", "2") == one
    assert "psn-" in one[1] and "EK-05-" not in one[1]
