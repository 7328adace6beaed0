"""docs/reports.md's walkthrough, followed as an analyst would: two CSV exports to a worklist and a committee report."""

import re
from pathlib import Path

import pytest
from integrules.cli import main
from test_imports import HEADER, ROWS, write_csv

DOC = Path(__file__).resolve().parent.parent / "docs" / "reports.md"


def _commands() -> list[list[str]]:
    """The integrules commands of the walkthrough's shell block, as argument lists (line continuations joined)."""
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"## From a CSV export to the printed committee report.*?```sh\n(.*?)```", text, re.S).group(1)
    joined = block.replace("\\\n", " ")
    out = []
    for line in joined.splitlines():
        line = line.split("#", 1)[0].strip()
        if ".venv/bin/integrules " in line:
            import shlex

            out.append(shlex.split(line.split(".venv/bin/integrules ", 1)[1]))
    return out


def test_the_walkthrough_runs(tmp_path, monkeypatch, capsys):
    pytest.importorskip("openpyxl")
    pytest.importorskip("jinja2")
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    write_csv(tmp_path / "nov.csv", ROWS, header=HEADER)
    write_csv(tmp_path / "feb.csv", ROWS[:1], header=HEADER)
    commands = _commands()
    assert [c[0] for c in commands] == ["--version", "check", "report"]
    with pytest.raises(SystemExit):
        main(commands[0])
    assert "integreringsloven" in capsys.readouterr().out
    assert main(commands[1]) in (0, 1)
    assert (tmp_path / "arbeidsliste.xlsx").read_bytes()[:2] == b"PK"
    assert main(commands[2]) == 0
    html = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert "Oppfølgingsrapport: Eksempel kommune" in html and "Endring siden 28.02.2024" in html
    assert 'id="worklists"' not in html and 'id="missing"' in html
