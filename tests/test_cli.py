import json
import subprocess
import sys

from integrules import synthetic
from integrules.cli import main
from integrules.cli.common import example_path


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_bundled_example_is_the_generator_output():
    with open(example_path(), encoding="utf-8") as fh:
        assert json.load(fh) == json.loads(json.dumps(synthetic.case_file()))


def test_check_example_json_adds_up(capsys):
    code, out, _ = run(capsys, "check", "--example", "--format", "json")
    doc = json.loads(out)
    s = doc["summary"]
    assert s["read"] == 70 == s["evaluated"] + s["rejected"] and len(doc["participants"]) == s["evaluated"]
    assert doc["as_of"] == "2026-12-04" and code in (0, 1)
    assert sum(s["findings"].values()) + sum(s["should_findings"].values()) == sum(
        len(p["findings"]) for p in doc["participants"])


def test_check_output_is_byte_identical(capsys):
    _, a, _ = run(capsys, "check", "--example", "--format", "json", "--as-of", "2024-02-28")
    _, b, _ = run(capsys, "check", "--example", "--format", "json", "--as-of", "28.02.2024")
    assert a == b


def test_check_text_has_no_names_or_duf(capsys):
    _, out, _ = run(capsys, "check", "--example")
    doc = synthetic.case_file()
    for p in doc["participants"]:
        assert p["name"] not in out and p["duf"] not in out
    assert "Lest/read 70" in out


def test_rejected_records_exit_3_and_are_counted(tmp_path, capsys):
    f = tmp_path / "cases.json"
    f.write_text(json.dumps({"participants": [{"id": "A"}, {"id": "B", "education": "master"}]}))
    code, out, _ = run(capsys, "check", str(f), "--as-of", "2024-01-01", "--format", "json")
    doc = json.loads(out)
    assert code == 3 and doc["summary"]["rejected"] == 1 and doc["rejected"][0]["record_id"] == "B"
    assert doc["rejected"][0]["errors"] == ["participants[1].education: text (6 characters) is not one of: ingen_grunnskole, grunnskole, videregaende, hoyere"]


def test_usage_errors(capsys):
    assert run(capsys, "check")[0] == 2
    code, _, err = run(capsys, "check", "--example", "--setting", "nope")
    assert code == 2 and "NAME=VALUE" in err


def test_requirements_and_plugins_commands(capsys):
    code, out, _ = run(capsys, "requirements", "--format", "json")
    assert code == 0
    for req in json.loads(out)["requirements"]:
        assert req["references"] and req["title"]["nb"] and req["title"]["en"] and req["valid_from"]
    code, out, _ = run(capsys, "plugins")
    assert code == 0 and "integrules_decide_regime" in out


def test_console_script_runs():
    proc = subprocess.run([sys.executable, "-m", "integrules.cli", "plugins"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
