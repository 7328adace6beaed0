"""docs/legal-coverage.md and the code in step: the generated table, the checklist tags, and the case files
that pin down each checklist item R1-R18.

Run as a script (``python3 tests/test_legal_coverage.py``) to print what each item still lacks, and with
``--write`` to paste the generated table into the doc and list new case files in its tests column.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest

from integrules import Engine
from integrules.dates import parse_date
from integrules.engine import ENV_DISABLE, ENV_NO_AUTOLOAD, ENV_TRACE
from integrules.errors import IntegrulesError
from integrules.testing.cases import parse_case_document

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "legal-coverage.md"
COMMAND = "integrules requirements --format markdown"
BEGIN = f"<!-- BEGIN generated: {COMMAND} -->"
END = "<!-- END generated -->"
BUNDLED = ("eksempelkommune", "integreringsloven", "kapittel6a", "norskmal")
ITEMS = tuple(f"R{n}" for n in range(1, 19))
REGIME_ONLY = "R18"  # which law applies: judged by the regime expectation, not by a requirement's outcome


def _case_paths() -> list[Path]:
    return sorted(ROOT.glob("tests/cases/*.json")) + sorted(ROOT.glob("plugins/*/tests/cases/*.json"))


def _bundled_engine(**kwargs) -> Engine:
    """Every bundled plugin installed, nothing else, default settings; skips when that is not this machine."""
    engine = Engine(entry_points=True, **kwargs)
    names = {p.name for p in engine.plugins()} - {"integrules"}
    if engine.load_errors or not set(BUNDLED) - set(kwargs.get("disable", ())) <= names:
        pytest.skip(f"needs exactly the bundled plugins installed ({', '.join(BUNDLED)}); have {sorted(names)}, "
                    f"load errors: {engine.load_errors}")
    if names - set(BUNDLED):
        pytest.skip(f"other plugins installed ({sorted(names - set(BUNDLED))}): the generated table would differ")
    return engine


# -- the generated block ------------------------------------------------------------------------------


def _generated_block(text: str) -> str:
    assert text.count(BEGIN) == 1 and text.count(END) == 1, f"{DOC.name} needs one {BEGIN} ... {END} block"
    return text.split(BEGIN, 1)[1].split(END, 1)[0].strip()


def test_generated_block_is_the_command_output(capsys, monkeypatch):
    for name in (ENV_DISABLE, ENV_NO_AUTOLOAD, ENV_TRACE):
        monkeypatch.delenv(name, raising=False)
    _bundled_engine()
    from integrules.cli import main

    assert main(["requirements", "--format", "markdown"]) == 0
    output = capsys.readouterr().out.strip()
    block = _generated_block(DOC.read_text(encoding="utf-8"))
    assert block == output, (
        f"the generated block in docs/legal-coverage.md is out of date: run `python3 tests/test_legal_coverage.py "
        f"--write` (it pastes the output of `{COMMAND}`, every bundled plugin installed, default settings)")


# -- the tags -----------------------------------------------------------------------------------------


def _tagged(engine: Engine) -> dict[str, set[str]]:
    """Checklist item -> requirement ids and ``regime:<id>`` tagged with it."""
    out: dict[str, set[str]] = {}
    for req in engine.requirements():
        for item in req.checklist:
            out.setdefault(item, set()).add(req.id)
    for regime_id, regime in engine.registry.regimes.items():
        for item in regime.checklist:
            out.setdefault(item, set()).add(f"regime:{regime_id}")
    return out


def test_every_requirement_and_regime_carries_a_checklist_tag():
    untagged = []
    # Without eksempelkommune too: its override hides the national integreringsplan_revisjon.
    for engine in (_bundled_engine(), _bundled_engine(disable=["eksempelkommune"])):
        untagged += [f"{r.id} ({engine.plugin_of(r)}, from {r.valid_from})" for r in engine.requirements()
                     if engine.plugin_of(r) in BUNDLED and not r.checklist]
        untagged += [f"regime:{rid}" for rid, regime in engine.registry.regimes.items()
                     if engine.registry.regime_owners[rid] in BUNDLED and not regime.checklist]
    assert not untagged, "add checklist=(\"Rn\",) to: " + ", ".join(sorted(set(untagged)))
    tags = {t for r in _bundled_engine().requirements() for t in r.checklist}
    unknown = sorted(t for t in tags if t not in ITEMS)
    assert not unknown, f"checklist tags outside R1-R18: {unknown}"


def test_every_checklist_item_has_a_tagged_id():
    tagged = _tagged(_bundled_engine())
    lacking = [item for item in ITEMS if not tagged.get(item)]
    assert not lacking, f"no requirement or regime is tagged with: {', '.join(lacking)}"


# -- the case files -----------------------------------------------------------------------------------


def _dates_in(value) -> set[dt.date]:
    """Every date written as text anywhere in a raw participant."""
    if isinstance(value, dict):
        return set().union(*(_dates_in(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_dates_in(v) for v in value)) if value else set()
    if isinstance(value, str):
        try:
            return {parse_date(value)}
        except (IntegrulesError, ValueError):
            return set()
    return set()


def _load(path: Path):
    """(checklist, [(case, dates it contains)]) of one case file."""
    document = json.loads(path.read_text(encoding="utf-8"))
    case_file = parse_case_document(document, str(path.relative_to(ROOT)))
    raw = document["cases"] if "cases" in document else [document]
    return case_file.checklist, [(case, {case.as_of} | _dates_in(r["participant"])) for case, r in zip(case_file.cases, raw)]


def coverage_gaps(tagged: dict[str, set[str]]) -> dict[str, list[str]]:
    """What each checklist item still lacks: outcomes on its tagged ids, and both sides of each boundary."""
    files: dict[str, list[Path]] = {item: [] for item in ITEMS}
    cases: dict[str, list] = {item: [] for item in ITEMS}
    for path in _case_paths():
        checklist, loaded = _load(path)
        for item in checklist:
            if item in files:
                files[item].append(path)
                cases[item] += loaded
    gaps: dict[str, list[str]] = {}
    for item in ITEMS:
        lacks = []
        ids = {i for i in tagged.get(item, ()) if not i.startswith("regime:")}
        regimes = {i.split(":", 1)[1] for i in tagged.get(item, ()) if i.startswith("regime:")}
        if not files[item]:
            gaps[item] = ["no case file declares it (\"checklist\": [\"%s\"])" % item]
            continue
        seen = {e.outcome.value for case, _ in cases[item] for rid, e in case.expect.items()
                if rid in ids and e.outcome is not None}
        if item == REGIME_ONLY or not ids:
            if not any(c.regime_given and c.regime in regimes for c, _ in cases[item]):
                lacks.append(f"a case expecting a decided regime ({', '.join(sorted(regimes)) or 'none tagged'})")
            if not any(c.regime_given and c.regime is None for c, _ in cases[item]):
                lacks.append("a case expecting an undecided regime (\"regime\": null)")
        else:
            for wanted, label in ((("met",), "met"), (("not_met",), "not_met"), (("pending", "unknown"), "pending or unknown")):
                if not seen & set(wanted):
                    lacks.append(f"a case expecting {label} for an id tagged {item}")
        boundaries = sorted({c.boundary for c, _ in cases[item] if c.boundary is not None})
        if not boundaries:
            lacks.append("a validity boundary (cases marked \"boundary\")")
        for b in boundaries:
            marked = [dates for c, dates in cases[item] if c.boundary == b]
            for day, label in ((b - dt.timedelta(days=1), "the day before"), (b, "the day itself")):
                if not any(day in dates for dates in marked):
                    lacks.append(f"boundary {b}: a case marked with it containing {label} ({day})")
        if lacks:
            gaps[item] = lacks
    return gaps


def _gap_report(gaps: dict[str, list[str]]) -> str:
    return "\n".join(f"  {item}: " + "; ".join(lacks) for item, lacks in gaps.items())


def test_every_checklist_item_is_pinned_down_by_case_files():
    gaps = coverage_gaps(_tagged(_bundled_engine()))
    assert not gaps, ("checklist items not yet pinned down by case files (plugins/<plugin>/tests/cases/rNN-*.json, "
                      "docs/tests-as-data.md):\n" + _gap_report(gaps))


# -- the hand-written table ---------------------------------------------------------------------------

_ROW = re.compile(r"^\| (R\d+) \|")


def _table_rows() -> dict[str, str]:
    """Checklist item -> its row of the hand-written table (the part of the doc before the generated block)."""
    text = DOC.read_text(encoding="utf-8").split(BEGIN, 1)[0]
    rows: dict[str, str] = {}
    for line in text.splitlines():
        m = _ROW.match(line)
        if m:
            assert m.group(1) not in rows, f"{m.group(1)} has two rows in {DOC.name}"
            rows[m.group(1)] = line
    return rows


def _named_files(row: str) -> list[str]:
    """The files the last (tests) column names, as `path` or `path::test_name`."""
    tests = row.rstrip().rstrip("|").rsplit("|", 1)[1]
    return re.findall(r"`([^`]+\.(?:json|py)(?:::\w+)?)`", tests)


def test_the_table_has_one_row_per_checklist_item():
    assert tuple(_table_rows()) == ITEMS


def test_the_table_names_only_files_that_exist():
    problems = []
    for item, row in _table_rows().items():
        for name in _named_files(row):
            path, _, test = name.partition("::")
            if not (ROOT / path).is_file():
                problems.append(f"{item}: {path} does not exist")
            elif test and not re.search(rf"^\s*(async )?def {re.escape(test)}\(", (ROOT / path).read_text(encoding="utf-8"), re.M):
                problems.append(f"{item}: {path} has no test {test}")
    assert not problems, "\n".join(problems)


def test_the_table_names_every_case_file_of_its_item():
    rows = _table_rows()
    problems = []
    for path in _case_paths():
        name = str(path.relative_to(ROOT))
        checklist, _ = _load(path)
        for item in checklist:
            if item in rows and name not in _named_files(rows[item]):
                problems.append(f"{item}: add `{name}` to its row")
    assert not problems, ("docs/legal-coverage.md, the tests column (`python3 tests/test_legal_coverage.py --write` "
                          "adds them):\n" + "\n".join(problems))


def write_doc() -> None:
    """Bring docs/legal-coverage.md up to date: paste the command's output into the generated block and add
    each case file that declares an item to that item's tests column (names already there are kept)."""
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if not k.startswith("INTEGRULES_")}
    output = subprocess.run([sys.executable, "-m", "integrules.cli", "requirements", "--format", "markdown"],
                            env=env, capture_output=True, text=True, check=True).stdout.strip()
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    declared: dict[str, list[str]] = {}
    for path in _case_paths():
        for item in _load(path)[0]:
            declared.setdefault(item, []).append(str(path.relative_to(ROOT)))
    lines = []
    for line in head.splitlines(keepends=True):
        m = _ROW.match(line)
        if m:
            named = _named_files(line)
            missing = [f for f in declared.get(m.group(1), []) if f not in named]
            if missing:
                body = line.rstrip("\n").rstrip()[:-1].rstrip()  # the row without its closing "|"
                line = body + ", " + ", ".join(f"`{f}`" for f in missing) + " |\n"
        lines.append(line)
    DOC.write_text("".join(lines) + BEGIN + "\n" + output + "\n" + END + tail, encoding="utf-8")


if __name__ == "__main__":  # what each checklist item still lacks; --write brings the doc up to date
    if "--write" in sys.argv:
        write_doc()
    found = coverage_gaps(_tagged(Engine()))
    print(_gap_report(found) if found else "every checklist item is pinned down")
    sys.exit(1 if found else 0)
