"""An honest start: no rule set installed is said (exit 6), --version lists every plugin, --kommune names an import."""

import json

import pytest
from integrules.cli import EXIT_NO_RULES, main, version_text


@pytest.mark.parametrize("command", ["check", "report"])
def test_no_requirement_installed_refuses_with_exit_5(command, capsys, monkeypatch):
    monkeypatch.setenv("INTEGRULES_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert main([command, "--example"]) == EXIT_NO_RULES == 6
    out, err = capsys.readouterr()
    assert out == ""
    assert "no requirement is installed" in err and "pip install -e plugins/integreringsloven" in err
    assert "Traceback" not in err


def test_version_lists_the_core_and_each_plugin(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out == version_text() + "\n"
    lines = out.splitlines()
    assert lines[0].startswith("integrules ")
    from importlib import metadata

    for ep in metadata.entry_points(group="integrules"):
        assert any(line.strip().startswith(f"{ep.name} ") for line in lines[1:]), ep.name


@pytest.mark.parametrize("command", ["check", "report"])
def test_kommune_names_the_municipality_of_a_csv_import(command, capsys, tmp_path):
    from test_imports import write_csv

    path = write_csv(tmp_path / "nir.csv", __import__("test_imports").ROWS)
    main([command, str(path), "--format", "json", "--as-of", "2024-11-27"])
    assert json.loads(capsys.readouterr().out)["kommune"] is None  # a CSV export names no municipality
    main([command, str(path), "--format", "json", "--as-of", "2024-11-27", "--kommune", "Testvik"])
    assert json.loads(capsys.readouterr().out)["kommune"] == "Testvik"
    main([command, "--example", "--format", "json", "--kommune", "Testvik"])  # and overrides a case file's
    assert json.loads(capsys.readouterr().out)["kommune"] == "Testvik"


def test_kommune_in_the_html_title(tmp_path):
    out = tmp_path / "r.html"
    assert main(["report", "--example", "--format", "html", "--kommune", "Testvik", "-o", str(out)]) == 0
    assert "Oppfølgingsrapport: Testvik" in out.read_text(encoding="utf-8")


def test_the_mapping_file_names_the_municipality_and_kommune_wins(capsys, tmp_path):
    from integrules.imports import DEFAULT_MAPPING
    from test_imports import ROWS, write_csv

    path = write_csv(tmp_path / "nir.csv", ROWS)
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({**DEFAULT_MAPPING, "kommune": "Kartvik"}), encoding="utf-8")
    for command in ("check", "report"):
        main([command, str(path), "--mapping", str(mapping), "--format", "json", "--as-of", "2024-11-27"])
        assert json.loads(capsys.readouterr().out)["kommune"] == "Kartvik"
        main([command, str(path), "--mapping", str(mapping), "--format", "json", "--as-of", "2024-11-27",
              "--kommune", "Testvik"])
        assert json.loads(capsys.readouterr().out)["kommune"] == "Testvik"
    mapping.write_text(json.dumps({**DEFAULT_MAPPING, "kommune": 7}), encoding="utf-8")
    assert main(["check", str(path), "--mapping", str(mapping)]) == 3
    assert "kommune: expected text" in capsys.readouterr().err
