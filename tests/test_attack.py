"""Issue 17: every row of the attack table, as a test (docs/reliability.md names each one).

Each test failed on the code before the fix (traceback, lost records, a half-written or destroyed
file, a cell a spreadsheet runs, a silent exit 0) and holds the promise now.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from integrules import synthetic
from integrules.cli import main

AS_OF = "2024-11-27"


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def cli(*argv, env=None, **kwargs):
    """The command in a subprocess (a traceback, an exit code and stdout as a user sees them)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "integrules", *argv], capture_output=True, text=True,
                          env=full_env, timeout=120, **kwargs)


def people(n=5):
    return synthetic.case_file(n)["participants"]


def deep(levels):
    return "[" * levels + "]" * levels


def json_file_with(tmp_path, index, text, n=5, name="case.json"):
    """A case file of ``n`` participants whose ``index``-th is replaced by the raw JSON ``text``."""
    parts = [json.dumps(p, ensure_ascii=False) for p in people(n)]
    parts[index] = text
    path = tmp_path / name
    path.write_text('{"as_of": "%s", "participants": [\n%s\n]}\n' % (AS_OF, ",\n".join(parts)), encoding="utf-8")
    return path


def one_line_error(err):
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err
    return lines


# -- readers: one record's depth, size or quoting costs that record only -------------------------------

@pytest.mark.parametrize("index", [0, 2, 4])
@pytest.mark.parametrize("what,text", [
    ("nested too deeply", '{"id": "deep", "education": %s}' % deep(1500)),
    ("a number too long to read", '{"id": "long", "children_under_18": %s}' % ("9" * 5000)),
])
def test_json_record_too_deep_or_with_a_huge_number_is_one_rejection(tmp_path, capsys, index, what, text):
    path = json_file_with(tmp_path, index, text)
    code, out, err = run(capsys, "check", str(path), "--format", "json")
    doc = json.loads(out)
    assert code == 3 and "Traceback" not in err
    summary = doc["summary"]
    assert (summary["read"], summary["evaluated"], summary["rejected"]) == (5, 4, 1)
    [rejection] = doc["rejected"]
    assert rejection["index"] == index and what in rejection["errors"][0]
    assert rejection["errors"][0].startswith(f"participants[{index}]")
    assert sorted(p["index"] for p in doc["participants"]) == [i for i in range(5) if i != index]


def test_json_record_too_deep_when_keys_follow_the_participants(tmp_path, capsys):
    """sort_keys puts "settings" after "participants": the header is read by skipping the records once."""
    parts = [json.dumps(p) for p in people(3)]
    parts[1] = deep(1500)
    path = tmp_path / "sorted.json"
    path.write_text('{"as_of": "%s", "participants": [%s], "settings": {}}' % (AS_OF, ",".join(parts)))
    code, out, _ = run(capsys, "check", str(path), "--format", "json")
    doc = json.loads(out)
    assert code == 3 and doc["summary"]["evaluated"] == 2 and doc["rejected"][0]["index"] == 1


def test_json_lines_record_too_deep_is_one_rejection(tmp_path, capsys):
    lines = [json.dumps(p) for p in people(3)]
    lines[1] = deep(1500)
    path = tmp_path / "case.jsonl"
    path.write_text("\n".join(lines) + "\n")
    code, out, _ = run(capsys, "check", str(path), "--format", "json", "--as-of", AS_OF)
    doc = json.loads(out)
    assert code == 3 and (doc["summary"]["evaluated"], doc["summary"]["rejected"]) == (2, 1)


HEADER = "Id;DUF-nummer;Fornavn, Etternavn;Avslutningsdato"


def test_csv_cell_over_128_kib_in_a_middle_row_rejects_that_row(tmp_path, capsys):
    rows = [HEADER, "A1;202208703208;Syntetisk En;01.12.2023", "A2;;" + "x" * 140_000 + ";01.12.2023",
            "A3;;Syntetisk Tre;01.12.2023", "A4;;Syntetisk Fire;01.12.2023"]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(path), "--format", "json", "--as-of", AS_OF)
    doc = json.loads(out)
    assert code == 3 and "Traceback" not in err
    assert (doc["summary"]["read"], doc["summary"]["evaluated"], doc["summary"]["rejected"]) == (4, 3, 1)
    [rejection] = doc["rejected"]
    assert rejection["source"] == "row 3" and "longer than" in rejection["errors"][0]
    assert [p["participant_id"] for p in doc["participants"]] == ["A1", "A3", "A4"]


def test_csv_stray_quote_is_a_rejection_naming_the_row_without_personal_data(tmp_path, capsys):
    rows = [HEADER, "A1;202208703208;Syntetisk En;01.12.2023", '"A2;202208703209;Syntetisk To;01.12.2023',
            "A3;202208703210;Syntetisk Tre;01.12.2023", "A4;202208703211;Syntetisk Fire;01.12.2023"]
    path = tmp_path / "quote.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(path), "--format", "json", "--as-of", AS_OF)
    doc = json.loads(out)
    assert code == 3
    [rejection] = doc["rejected"]
    assert rejection["source"] == "row 3" and rejection["record_id"] is None
    assert "quote" in rejection["errors"][0] and "row 3" in rejection["errors"][0]
    for secret in ("Syntetisk", "2022087032", "A3;"):
        assert secret not in out and secret not in err
    s = doc["summary"]
    assert s["read"] == s["evaluated"] + s["rejected"]


def test_participants_given_twice_is_refused_before_any_output(tmp_path, capsys):
    path = tmp_path / "twice.json"
    path.write_text(json.dumps({"as_of": AS_OF, "participants": people(2)})[:-1] + ', "participants": []}')
    code, out, err = run(capsys, "check", str(path), "--format", "json")
    assert code == 3 and out == "" and "'participants' is given twice" in err


# -- the outer guard ----------------------------------------------------------------------------------

def test_an_unexpected_exception_is_one_line_exit_5_and_the_traceback_on_request(monkeypatch, capsys):
    import integrules.cli.check as check

    def broken(args):
        raise ValueError("Kari Nordmann 202208703208")  # a message that may hold personal data

    monkeypatch.setattr(check, "run", broken)
    monkeypatch.delenv("INTEGRULES_DEBUG", raising=False)
    code, out, err = run(capsys, "check", "--example")
    assert code == 5 and out == "" and len(one_line_error(err)) == 1
    assert "ValueError" in err and "Kari" not in err and "INTEGRULES_DEBUG" in err
    code, _, err = run(capsys, "--debug", "check", "--example")
    assert code == 5 and "Traceback" in err and "Kari Nordmann" in err
    monkeypatch.setenv("INTEGRULES_DEBUG", "1")
    code, _, err = run(capsys, "check", "--example")
    assert code == 5 and "Traceback" in err


# -- output: -o is atomic, and a failed write is an error -------------------------------------------------

@pytest.mark.parametrize("target", ["missing/dir/out.txt", "a-folder", "read-only.txt", "/dev/full"])
@pytest.mark.parametrize("command", [("report", "--example"), ("generate", "3")])
def test_output_that_cannot_be_written_is_one_line_and_exit_2(tmp_path, capsys, target, command):
    (tmp_path / "a-folder").mkdir()
    ro = tmp_path / "read-only.txt"
    ro.write_text("old report\n")
    ro.chmod(0o444)
    path = target if target.startswith("/") else str(tmp_path / target)
    code, out, err = run(capsys, *command, "-o", path)
    assert code == 2 and out == "" and len(one_line_error(err)) == 1 and "cannot write" in err
    assert ro.read_text() == "old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder", "read-only.txt"]  # no temporary file left


def test_output_failing_midway_leaves_the_old_file_intact(tmp_path, capsys, monkeypatch):
    import integrules.cli.generate as generate

    old = tmp_path / "pop.jsonl"
    old.write_text("the old population\n")
    real = generate.write_population

    def fails_midway(out, n, **kwargs):
        real(out, 2, **kwargs)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(generate, "write_population", fails_midway)
    code, _, err = run(capsys, "generate", "5", "-o", str(old))
    assert code == 2 and "No space left on device" in err and "Traceback" not in err
    assert old.read_text() == "the old population\n" and os.listdir(tmp_path) == ["pop.jsonl"]
    monkeypatch.setattr(generate, "write_population", real)
    assert run(capsys, "generate", "5", "-o", str(old))[0] == 0
    assert len(old.read_text().splitlines()) == 5 and os.listdir(tmp_path) == ["pop.jsonl"]


def test_ctrl_c_during_generate_into_an_existing_file_leaves_it_intact(tmp_path):
    old = tmp_path / "pop.jsonl"
    old.write_text("the old population\n")
    proc = subprocess.Popen([sys.executable, "-m", "integrules", "generate", "2000000", "-o", str(old)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
        time.sleep(0.05)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "Traceback" not in err and len(one_line_error(err)) == 1
    assert old.read_text() == "the old population\n" and os.listdir(tmp_path) == ["pop.jsonl"]


def test_stdout_closed_early_is_not_all_met():
    proc = subprocess.Popen([sys.executable, "-m", "integrules", "check", "--example", "--as-of", AS_OF],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert proc.returncode == 141 and "Traceback" not in err and "broken pipe" in err


# -- plugin faults ------------------------------------------------------------------------------------

EXITING = """
import datetime as dt, sys
from integrules import LegalRef, Regime, RegimeDecision, Text, Unit, hookimpl, met, requirement

REF = LegalRef("testloven", "§ 1", url="https://example.org/testloven")

class Odd(BaseException):
    pass

def _req(req_id, fn):
    return requirement(id=req_id, title=Text("T", "T"), description=Text("D", "D"), references=(REF,),
                       valid_from=dt.date(2000, 1, 1), regime="exiting", responsible=(Unit.FT,))(fn)

def _exit(ctx):
    sys.exit(0)

def _odd(ctx):
    raise Odd("for " + str(ctx.p.name))

@hookimpl
def integrules_register_regimes(register):
    register.regime(Regime(id="exiting", title=Text("Avslutter", "Exiting"), references=(REF,)))

@hookimpl
def integrules_register_requirements(register):
    register.requirement(_req("exiting.exit", _exit), _req("exiting.odd", _odd),
                         _req("exiting.ok", lambda ctx: met("ok", "ok")))

@hookimpl
def integrules_decide_regime(participant, as_of, settings):
    return RegimeDecision(regime="exiting", reason=Text("avslutter", "exiting"), plugin="exitplug")
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_rule_raising_system_exit_or_any_base_exception_is_a_plugin_fault(installed, capsys, jobs):
    installed(exitplug=EXITING)
    code, out, err = run(capsys, "check", "--example", "--as-of", AS_OF, "--format", "json", "--jobs", jobs)
    doc = json.loads(out)
    assert code == 4 and doc["summary"]["evaluated"] == 70 and doc["summary"]["plugin_errors"] == 140
    assert "plugin 'exitplug' failed on record 0 (exiting.exit): SystemExit" in err
    assert "(exiting.odd): Odd" in err and "Traceback" not in err
    for p in doc["participants"]:
        outcomes = {f["requirement_id"]: f["outcome"] for f in p["findings"]}
        assert outcomes == {"exiting.exit": "error", "exiting.odd": "error", "exiting.ok": "met"}


def test_a_rule_raising_keyboard_interrupt_still_stops_the_run():
    from fakeplugins import base, make_plugin
    from integrules import Engine, LegalRef, Text, Unit, requirement
    import datetime as dt

    def stop(ctx):
        raise KeyboardInterrupt

    req = requirement(id="stop.now", title=Text("T", "T"), description=Text("D", "D"),
                      references=(LegalRef("testloven", "§ 1"),), valid_from=dt.date(2000, 1, 1), regime="base",
                      responsible=(Unit.FT,))(stop)
    engine = Engine(entry_points=False, plugins=[base, make_plugin("stop", integrules_register_requirements=lambda register: register.requirement(req))])
    from integrules.model import Participant
    with pytest.raises(KeyboardInterrupt):
        engine.evaluate(Participant(id="a"), dt.date(2024, 1, 1))


SECRET = "Kari Nordmann 202208703208"
LEAKY_IMPORT = f"raise ImportError({SECRET!r})\n"
LEAKY_EXIT = f"import sys\nsys.exit({SECRET!r})\n"
LEAKY_REGISTER = f"""
from integrules import hookimpl

@hookimpl
def integrules_register_requirements(register):
    raise ValueError({SECRET!r})
"""


def test_plugin_errors_at_import_and_registration_print_only_type_and_plugin(installed, capsys):
    installed(leakyimport=LEAKY_IMPORT, leakyexit=LEAKY_EXIT, leakyregister=LEAKY_REGISTER)
    code, out, err = run(capsys, "check", "--example", "--as-of", AS_OF, "--format", "json")
    # None of them gives a requirement, so check refuses after the load warnings (exit 6, docs/cli.md).
    assert code == 6 and out == "" and "no requirement is installed" in err
    assert "plugin 'leakyimport' (integrules_leakyimport) failed to load: ImportError" in err
    assert "plugin 'leakyexit' (integrules_leakyexit) failed to load: SystemExit" in err
    assert "plugin 'leakyregister' failed in integrules_register_requirements: ValueError" in err
    assert "Kari" not in err and "202208703208" not in err and "Traceback" not in err
    code, out, err = run(capsys, "plugins")
    assert code == 4 and "Kari" not in out + err and "202208703208" not in out + err


# -- escaping per output format -------------------------------------------------------------------------

HOSTILE_IDS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR",
               "[x](javascript:alert(1))", "<script>alert(1)</script>", "esc\x1b[31mred", "ny\nlinje"]
HOSTILE_KOMMUNE = "<script>alert(1)</script> [k](javascript:alert(2)) \x1b]0;title\x07\x1b[2J"


def hostile_file(tmp_path):
    """Participants with hostile ids, each rejected (so each id is listed) plus one judged."""
    parts = [{"id": i, "birth_date": "not a date"} for i in HOSTILE_IDS]
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({"kommune": HOSTILE_KOMMUNE, "as_of": AS_OF,
                                "participants": [*parts, {**people(1)[0], "id": "\x1b[1mjudged"}]}))
    return path


def test_report_csv_neutralises_cells_a_spreadsheet_would_run(tmp_path, capsys):
    import csv as csvmod
    import io
    code, out, _ = run(capsys, "report", str(hostile_file(tmp_path)), "--format", "csv")
    assert code == 3
    cells = [c for row in csvmod.reader(io.StringIO(out)) for c in row]
    rejected_ids = [row[3] for row in csvmod.reader(io.StringIO(out)) if row[2] == "rejected"]
    assert len(rejected_ids) == len(HOSTILE_IDS)
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=HYPERLINK(\"http://x\",\"y\")" in rejected_ids and "'@SUM(A1)" in rejected_ids and "'\\x09TAB" in rejected_ids


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_report_markdown_and_text_escape_markup_and_control_characters(tmp_path, capsys, fmt):
    code, out, _ = run(capsys, "report", str(hostile_file(tmp_path)), "--format", fmt)
    assert code == 3 and "\x1b" not in out and "\x07" not in out and "\r" not in out
    assert "\\x1b" in out
    if fmt == "markdown":
        import re
        assert not re.search(r"(?<!\\)<script", out) and not re.search(r"(?<!\\)\]\(javascript:", out)
        assert "\\<script\\>" in out and "\\[x\\](javascript:alert(1))" in out


def test_report_html_escapes_markup(tmp_path, capsys):
    pytest.importorskip("jinja2")
    code, out, _ = run(capsys, "report", str(hostile_file(tmp_path)), "--format", "html")
    assert code == 3 and "<script>alert(" not in out and "&lt;script&gt;alert(" in out


def test_check_text_escapes_control_characters(tmp_path, capsys):
    code, out, _ = run(capsys, "check", str(hostile_file(tmp_path)))
    assert code == 3 and "\x1b" not in out and "\x07" not in out and "\r" not in out
    assert "\\x1b[1mjudged" in out and "esc\\x1b[31mred" in out and "ny\\x0alinje" in out


# -- interrupts -------------------------------------------------------------------------------------------

def _group_alive(pgid):
    alive = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(int(entry))
    return alive


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc to find the workers")
def test_one_ctrl_c_stops_a_parallel_check_reaps_the_workers_and_exits_130(tmp_path):
    path = tmp_path / "many.jsonl"
    assert main(["generate", "3000", "-o", str(path)]) == 0
    out = tmp_path / "out.txt"
    with open(out, "w") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "integrules", "check", str(path), "--jobs", "2",
                                 "--as-of", AS_OF], stdout=fh, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)  # its own process group, as a terminal's job
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and out.stat().st_size < 10_000 and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the whole group, workers included
    sent = time.monotonic()
    try:
        _, err = proc.communicate(timeout=20)
    finally:  # never leave a hung run behind
        if proc.poll() is None or _group_alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
    assert time.monotonic() - sent < 5
    assert proc.returncode == 130 and "Traceback" not in err
    assert one_line_error(err) == ["integrules: avbrutt / interrupted"]
    time.sleep(0.2)
    assert _group_alive(proc.pid) == []  # no worker left behind


# -- dates at the ends of the calendar ---------------------------------------------------------------------

@pytest.mark.parametrize("as_of", ["0001-01-01", "9999-12-31", "01.01.0001", "31.12.1899", "01.01.2200"])
def test_as_of_outside_the_dates_read_is_a_usage_error(capsys, as_of):
    with pytest.raises(SystemExit) as exit_info:  # argparse: one line and exit 2
        main(["check", "--example", "--as-of", as_of])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and "outside the dates integrules reads" in err and "Traceback" not in err


@pytest.mark.parametrize("as_of, ok", [("1899-12-31", False), ("1900-01-01", True), ("2199-12-31", True),
                                        ("2200-01-01", False)])
def test_the_bounds_of_the_dates_read(as_of, ok):
    """Day before / the day / day after at both ends; the same in every reader of dates."""
    from integrules.dates import parse_date
    from integrules.errors import FieldValueError
    from integrules.convert import fast_structurer
    from integrules.model import Participant
    from integrules.fastjson import json_structurer
    from integrules.reading import structure_participant
    norwegian = ".".join(reversed(as_of.split("-")))
    for text in (as_of, norwegian):
        if ok:
            assert parse_date(text).isoformat() == as_of
        else:
            with pytest.raises(FieldValueError, match="outside the dates integrules reads"):
                parse_date(text)
    record = {"id": "a", "settlement_date": as_of}
    result = structure_participant(record, 0)
    assert (type(result).__name__ == "Participant") is ok
    if not ok:
        assert "participants[0].settlement_date" in result.errors[0] and "outside" in result.errors[0]
        with pytest.raises(Exception):
            fast_structurer(Participant)(record)
        fast = json_structurer(Participant)
        if fast is not None:
            with pytest.raises(Exception):
                fast(json.dumps(record))


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_fact_dated_near_9999_is_a_rejected_record_not_a_plugin_fault(tmp_path, capsys, suffix, jobs):
    parts = people(3)
    parts[1] = {**parts[1], "settlement_date": "9999-12-15", "birth_date": "0001-01-01"}
    path = tmp_path / f"far{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps({"as_of": AS_OF, "participants": parts}))
    else:
        path.write_text("\n".join(map(json.dumps, parts)) + "\n")
    code, out, err = run(capsys, "check", str(path), "--format", "json", "--as-of", AS_OF, "--jobs", jobs)
    doc = json.loads(out)
    assert code == 3 and doc["summary"]["plugin_errors"] == 0 and doc["summary"]["evaluated"] == 2
    errors = " ".join(doc["rejected"][0]["errors"])
    assert "settlement_date" in errors and "birth_date" in errors and "outside the dates" in errors


def test_date_arithmetic_within_the_bounds_cannot_overflow():
    import datetime as dt
    from integrules.dates import MAX_DATE, MIN_DATE, add_months, add_years
    assert add_months(MAX_DATE, 12 * 100) == dt.date(2299, 12, 31)
    assert add_months(MIN_DATE, -12 * 100) == dt.date(1800, 1, 1)
    assert add_years(MAX_DATE, 100) == dt.date(2299, 12, 31)
    with pytest.raises((ValueError, OverflowError)):  # what a bound keeps rules away from
        add_months(dt.date(9999, 12, 31), 1)


# -- new-plugin and pseudonymisation keys ----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["integreringsloven", "kapittel6a", "norskmal", "eksempelkommune"])
def test_new_plugin_refuses_the_name_of_an_installed_plugin(tmp_path, capsys, name):
    code, out, err = run(capsys, "new-plugin", name, "--dir", str(tmp_path))
    assert code == 2 and "choose another name" in err and not (tmp_path / name).exists()


def test_new_plugin_refuses_a_distribution_or_package_of_that_name(installed, tmp_path, capsys):
    installed(otherplug="")
    code, _, err = run(capsys, "new-plugin", "otherplug", "--dir", str(tmp_path))
    assert code == 2 and "installed plugin" in err
    (tmp_path / "integrules_onlypackage.py").write_text("")  # importable (tmp_path is on sys.path)
    code, _, err = run(capsys, "new-plugin", "onlypackage", "--dir", str(tmp_path / "out"))
    assert code == 2 and "importable" in err


def test_new_plugin_into_a_file_is_a_clear_error(tmp_path, capsys):
    afile = tmp_path / "a-file"
    afile.write_text("")
    code, _, err = run(capsys, "new-plugin", "minkommune", "--dir", str(afile))
    assert code == 2 and "not a folder" in err and len(one_line_error(err)) == 1


@pytest.mark.parametrize("key", ["a", "kort nøkkel", "x" * 64, "ab" * 20, "0123456789abcdef0123456789abcde"])
def test_weak_pseudonymisation_keys_are_refused(capsys, monkeypatch, key):
    code, out, err = run(capsys, "check", "--example", "--pseudonymise", "--key", key)
    assert code == 2 and out == "" and "secrets.token_hex(32)" in err
    monkeypatch.setenv("INTEGRULES_PSEUDONYM_KEY", key)
    assert run(capsys, "check", "--example", "--pseudonymise")[0] == 2


def test_a_strong_key_is_taken(capsys):
    import secrets
    code, out, _ = run(capsys, "check", "--example", "--as-of", AS_OF, "--pseudonymise", "--key", secrets.token_hex(32))
    assert code in (0, 1) and "psn-" in out


# -- JSON Lines on standard input ------------------------------------------------------------------------------

@pytest.mark.parametrize("flag", [(), ("--input-format", "jsonl")])
def test_json_lines_on_stdin_are_read_as_json_lines(flag):
    lines = "\n".join(json.dumps(p) for p in people(4)) + "\n"
    proc = cli("check", "-", *flag, "--as-of", AS_OF, "--format", "json", input=lines)
    assert proc.returncode in (0, 1), proc.stderr
    summary = json.loads(proc.stdout)["summary"]
    assert (summary["read"], summary["evaluated"], summary["rejected"]) == (4, 4, 0)


@pytest.mark.parametrize("pretty", [False, True])
def test_a_case_file_on_stdin_is_still_one_json_document(pretty):
    doc = json.dumps({"as_of": AS_OF, "participants": people(3)}, indent=1 if pretty else None)
    proc = cli("check", "-", "--format", "json", input=doc)
    assert proc.returncode in (0, 1) and json.loads(proc.stdout)["summary"]["evaluated"] == 3
    proc = cli("check", "-", "--format", "json", "--input-format", "jsonl", input=doc)
    assert proc.returncode == 3 and "Traceback" not in proc.stderr  # said to be JSON Lines: lines rejected


def test_input_format_overrides_the_suffix(tmp_path, capsys):
    path = tmp_path / "export.txt"
    path.write_text("\n".join(json.dumps(p) for p in people(2)) + "\n")
    code, out, _ = run(capsys, "check", str(path), "--input-format", "jsonl", "--format", "json", "--as-of", AS_OF)
    assert code in (0, 1) and json.loads(out)["summary"]["evaluated"] == 2


# -- xlsx: what reading values only would hide -------------------------------------------------------------------

def test_xlsx_merged_cells_formulas_without_a_value_and_an_empty_first_sheet_are_named(tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["Id", "DUF-nummer", "Avslutningsdato"])
    sheet.append(["A1", "202208703208", "01.12.2023"])
    sheet.append(["A2", "=B2", "01.12.2023"])  # openpyxl stores no value for a formula
    sheet.append(["A3", None, None])
    sheet.merge_cells("B4:C4")
    path = tmp_path / "doubts.xlsx"
    book.save(path)
    code, out, err = run(capsys, "check", str(path), "--format", "json", "--as-of", AS_OF)
    assert code in (0, 1, 3) and json.loads(out)["summary"]["read"] == 3
    assert "warning" in err and "sheet 'Data'" in err and "formula" in err and "B3" in err
    assert "merged" in err and "B4:C4" in err and "202208703208" not in err

    empty_first = openpyxl.Workbook()
    empty_first.active.title = "Forside"
    data = empty_first.create_sheet("Deltakere")
    data.append(["Id"])
    data.append(["A1"])
    path = tmp_path / "empty-first.xlsx"
    empty_first.save(path)
    code, out, err = run(capsys, "check", str(path), "--as-of", AS_OF)
    assert code == 3 and out == "" and "the first sheet 'Forside' is empty" in err and "'Deltakere'" in err


# -- duplicate ids --------------------------------------------------------------------------------------

@pytest.mark.parametrize("jobs", ["1", "2"])
def test_duplicate_participant_ids_are_a_warning_and_each_record_counts(tmp_path, capsys, jobs):
    parts = people(4)
    parts[2] = {**parts[2], "id": parts[0]["id"]}
    parts[3] = {**parts[3], "id": parts[0]["id"], "birth_date": "not a date"}  # a rejected record counts too
    path = tmp_path / "twice.json"
    path.write_text(json.dumps({"as_of": AS_OF, "participants": parts}))
    code, out, err = run(capsys, "check", str(path), "--format", "json", "--jobs", jobs,
                         "--pseudonymise", "--key", "en nøkkel som er lang nok for testen her")
    assert code == 3 and json.loads(out)["summary"]["read"] == 4
    assert "2 record(s) repeat the id of an earlier record (records 2, 3)" in err
    assert parts[0]["id"] not in err  # pseudonymised output: the id is not named
    code, _, err = run(capsys, "check", "--example", "--as-of", AS_OF)
    assert "repeat the id" not in err


def test_every_test_named_here_exists():
    """docs/reliability.md names the test keeping each promise: each name is a test in tests/."""
    from pathlib import Path
    import re
    root = Path(__file__).resolve().parent
    page = (root.parent / "docs" / "reliability.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(test_[a-z0-9_]+)`", page))
    defined = set()
    for path in root.glob("test_*.py"):
        defined |= set(re.findall(r"^def (test_[a-z0-9_]+)", path.read_text(encoding="utf-8"), re.M))
    assert len(named) > 40 and named <= defined, sorted(named - defined)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_report_reads_standard_input_once_whatever_it_needs(fmt):
    data = cli("generate", "5", "--format", fmt).stdout
    proc = cli("report", "-", "--as-of", AS_OF, "--format", "json", "--compare", "2024-01-01", input=data)
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    assert report["totals"]["read"] == 5 and report["source"] == "stdin"


@pytest.mark.parametrize("text", [
    '{"kommune": "A", "kommune": "B", "participants": []}',
    '{"kommune": "A", "participants": [%s], "kommune": "B"}',
    '{"participants": [%s], "as_of": "2024-01-01", "as_of": "2024-02-01"}',
])
def test_a_header_key_given_twice_is_refused_before_any_output(tmp_path, capsys, text):
    path = tmp_path / "twice.json"
    path.write_text(text.replace("%s", json.dumps(people(1)[0])))
    code, out, err = run(capsys, "check", str(path), "--as-of", AS_OF)
    assert code == 3 and out == "" and "is given twice" in err


def test_output_through_a_symlink_writes_where_it_points_and_keeps_the_link(tmp_path, capsys):
    real = tmp_path / "reports" / "latest.txt"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "latest-link.txt"
    link.symlink_to(real)
    assert run(capsys, "generate", "2", "-o", str(link))[0] == 0
    assert link.is_symlink() and len(real.read_text().splitlines()) == 2
    assert sorted(p.name for p in real.parent.iterdir()) == ["latest.txt"]


DYING = EXITING.replace("def _exit(ctx):\n    sys.exit(0)", "def _exit(ctx):\n    import os\n    os._exit(3)")


def test_a_worker_process_that_dies_stops_the_run_instead_of_hanging(installed, capsys):
    installed(exitplug=DYING)
    sent = time.monotonic()
    code, out, err = run(capsys, "check", "--example", "--as-of", AS_OF, "--format", "json", "--jobs", "2")
    assert code == 4 and "worker process ended" in err and "Traceback" not in err
    assert time.monotonic() - sent < 30


def test_a_warning_is_shown_once_per_run_and_again_in_the_next_run(tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["Id", "DUF-nummer"])
    book.active.append(["A1", "=1+1"])
    path = tmp_path / "f.xlsx"
    book.save(path)
    for _ in range(2):  # report reads its file twice (the header, then the records)
        code, _, err = run(capsys, "report", str(path), "--as-of", AS_OF)
        assert err.count("formula cell") == 1, err
