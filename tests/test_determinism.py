"""The same input, date and plugins give byte-identical JSON, whatever the order of plugin loading,
the number of jobs, or the dictionary order of the input."""

from __future__ import annotations

import datetime as dt
import io
import json
import random

import pytest

from integrules import Engine, RegimeDecision, Text, hookimpl
from integrules.cli import build_parser, main
from integrules.output import write_json
from integrules.reading import parse_document
from integrules.synthetic import case_file

from fakeplugins import base, make_plugin, variant_plugin
from test_faults import FAULTY

D = dt.date


def shuffled(value, rng: random.Random):
    """The same JSON value with every object's keys in a random order."""
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: shuffled(v, rng) for k, v in items}
    if isinstance(value, list):
        return [shuffled(v, rng) for v in value]
    return value


def document():
    doc = case_file()
    # Some records that are rejected with several errors each, so that message order is tested too.
    doc["participants"] += [
        {"id": "BAD-1", "birth_date": "31.02.1990", "education": "x", "zeta": 1, "alpha": 2, "Beta Name": 3},
        {"id": "BAD-2", "norskmal": [{"levels": {"muntlig": "B3", "skriftlig": "Q"}, "kind": "?", "date": 5}]},
    ]
    return doc


def run_json(engine: Engine, doc: dict, as_of=D(2024, 11, 27)) -> str:
    _, records = parse_document(doc)
    meta = {"as_of": as_of.isoformat(), "plugins": [p.name for p in engine.plugins()], "settings": engine.settings}
    out = io.StringIO()
    write_json(out, meta, engine.evaluate_all(records, as_of))
    return out.getvalue()


def competing(name: str, regime: str):
    """A plugin that decides every participant's regime, without tryfirst/trylast: load order would decide."""
    return make_plugin(name, integrules_decide_regime=hookimpl(
        lambda participant, as_of, settings: RegimeDecision(regime=regime, reason=Text(name, name), plugin=name)))


def test_plugin_order_does_not_change_the_output():
    plugins = [base, variant_plugin(), competing("alfa", "base"), competing("omega", "old")]
    doc = document()
    outputs = {run_json(Engine(entry_points=False, plugins=order), doc)
               for order in (plugins, plugins[::-1], plugins[1:] + plugins[:1], [plugins[2], plugins[0], plugins[3], plugins[1]])}
    assert len(outputs) == 1


def test_dictionary_order_of_the_input_does_not_change_the_output():
    engine = Engine(entry_points=False, plugins=[base, variant_plugin()])
    doc = document()
    reference = run_json(engine, doc)
    for seed in range(5):
        assert run_json(engine, shuffled(doc, random.Random(seed))) == reference


def test_command_line_output_is_byte_identical_for_shuffled_files(tmp_path, capsys):
    doc = document()
    outputs = set()
    for seed in range(3):
        f = tmp_path / f"case{seed}.json"
        f.write_text(json.dumps(shuffled(doc, random.Random(seed)), ensure_ascii=False, indent=seed or None))
        assert main(["check", str(f), "--format", "json", "--as-of", "2024-11-27"]) in (0, 1, 3)
        outputs.add(capsys.readouterr().out)
    assert len(outputs) == 1


def test_entry_point_plugins_give_the_same_output_run_after_run(installed, capsys):
    installed(faultyplug=FAULTY)
    outs = []
    for _ in range(2):
        assert main(["check", "--example", "--format", "json", "--as-of", "2024-11-27"]) == 4
        outs.append(capsys.readouterr())
    assert outs[0].out == outs[1].out and outs[0].err == outs[1].err


def _has_jobs() -> bool:
    check = build_parser()._subparsers._group_actions[0].choices["check"]
    return any("--jobs" in a.option_strings for a in check._actions)


@pytest.mark.skipif(not _has_jobs(), reason="check --jobs is not there yet")
def test_number_of_jobs_does_not_change_the_output(tmp_path, capsys):
    f = tmp_path / "case.json"
    f.write_text(json.dumps(document(), ensure_ascii=False))
    outputs = set()
    for jobs in ("1", "2", "3"):
        main(["check", str(f), "--format", "json", "--as-of", "2024-11-27", "--jobs", jobs])
        outputs.add(capsys.readouterr().out)
    assert len(outputs) == 1
