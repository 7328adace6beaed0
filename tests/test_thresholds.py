"""Every threshold and period end the bundled rules compare is listed (plugins/*/tests/thresholds.json) and pinned by
case files on both sides and on it ("pins": {id: "below" | "at" | "above"}), or says why not yet ("open"); the list is
tied to the code (each entry names the source text of its comparison) and shown in docs/legal-coverage.md.

``python3 tests/test_thresholds.py --write`` pastes the table into the doc."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from integrules.testing.cases import PIN_SIDES, load_case_file

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "legal-coverage.md"
BEGIN, END = "<!-- BEGIN generated: python3 tests/test_thresholds.py --write -->", "<!-- END generated thresholds -->"
KEYS = {"id", "what", "value", "requirements", "citation", "url", "code"}

# Named whole numbers and dates at the top of a plugin module that are not thresholds of this list, with why.
# A validity boundary (a version's first day) is pinned by "boundary" cases (tests/test_legal_coverage.py).
NOT_THRESHOLDS = {
    "IN_FORCE": "a validity boundary: the law's in-force day (integreringsloven), chapter 6A's (kapittel6a)",
    "SANKSJON_2025": "a validity boundary: LOV-2025-06-20-35 sanctioned",
    "IKRAFT_2025": "a validity boundary: LOV-2025-06-20-35 in force (a setting's default)",
    "TILBUD_FRA": "a validity boundary: LOV-2023-06-09-24, the clocks counted from the offer (forskrift § 74)",
    "VARIGHET_13_FRA": "a validity boundary: forskrift § 75",
    "VARIGHET_14_FORMELL_FRA": "a validity boundary: forskrift § 76",
    "VARIGHET_14_ARBEID_FRA": "a validity boundary: forskrift § 76",
    "ENDRING_37C": "a validity boundary: § 37 c as amended from 01.01.2026",
    "V2024_DEFAULT": "a validity boundary: chapter 6A's 2024 text (a setting's default)",
    "PREPARATORY_FROM": "a validity boundary: forskrift § 28 sixth paragraph from 01.01.2026",
    "VALID_FROM": "a validity boundary: norskmal's requirements from 01.01.2021",
    "VERIFIED_TO": "metadata: the day the texts were verified up to, compared with no fact",
}


def thresholds() -> list[dict]:
    found = []
    for path in sorted(ROOT.glob("plugins/*/tests/thresholds.json")):
        for item in json.loads(path.read_text(encoding="utf-8"))["thresholds"]:
            found.append(dict(item, plugin=path.parent.parent.name))
    return found


def pinned() -> dict[str, dict[str, list[tuple[str, object]]]]:
    """threshold id -> side -> [(case file, case)]."""
    found: dict = {}
    for path in sorted(ROOT.glob("plugins/*/tests/cases/*.json")):
        for case in load_case_file(path).cases:
            for tid, side in case.pins:
                found.setdefault(tid, {}).setdefault(side, []).append((path.relative_to(ROOT).as_posix(), case))
    return found


def test_each_entry_is_complete_and_tied_to_the_code():
    items = thresholds()
    assert items and len({t["id"] for t in items}) == len(items)
    for t in items:
        assert KEYS <= set(t) <= KEYS | {"open", "plugin", "parameters"}, t["id"]
        assert t["requirements"] and t["citation"], t["id"]
        source, text = t["code"]
        assert text in (ROOT / source).read_text(encoding="utf-8"), f"{t['id']}: {text!r} is no longer in {source}"


def _named_numbers() -> list[tuple[str, str]]:
    """(file, name) of every module-level whole number or date a plugin's source names."""
    import ast

    found = []
    for path in sorted(ROOT.glob("plugins/*/src/*/*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
                continue
            target, value = node.targets[0], node.value
            pairs = zip(target.elts, value.elts) if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) \
                else [(target, value)]
            for name, val in pairs:
                number = isinstance(val, ast.Constant) and type(val.value) is int
                date = isinstance(val, ast.Call) and getattr(val.func, "attr", "") == "date"
                if isinstance(name, ast.Name) and (number or date):
                    found.append((path.relative_to(ROOT).as_posix(), name.id))
    return found


def test_every_named_legal_number_is_a_listed_threshold():
    """A new parameter in a rule (ARBEID_TIMER = 30) fails here until the list names it (and so asks for its cases)."""
    listed = {p for t in thresholds() for p in t.get("parameters", ())}
    lacking = [f"{path}: {name}" for path, name in _named_numbers() if name not in listed | set(NOT_THRESHOLDS)]
    assert not lacking, f"named numbers and dates in no thresholds.json \"parameters\": {lacking}"
    for t in thresholds():
        for name in t.get("parameters", ()):
            assert name in {n for _, n in _named_numbers()}, f"{t['id']}: no parameter {name} in the plugins"


def test_the_requirements_named_exist():
    from integrules import Engine

    engine = Engine(entry_points=True)
    for t in thresholds():
        for req_id in t["requirements"]:
            assert req_id in engine.registry.requirements, f"{t['id']}: no requirement {req_id}"


def test_every_threshold_is_pinned_below_at_and_above():
    pins = pinned()
    lacking = {t["id"]: [s for s in PIN_SIDES if s not in pins.get(t["id"], {})] for t in thresholds() if "open" not in t}
    assert not {k: v for k, v in lacking.items() if v}, f"thresholds without a case on each side: {lacking}"


def test_an_open_threshold_is_really_open():
    pins = pinned()
    done = [t["id"] for t in thresholds() if "open" in t and all(s in pins.get(t["id"], {}) for s in PIN_SIDES)]
    assert not done, f"pinned on every side: drop \"open\" from {done}"


def test_pins_name_listed_thresholds_and_their_requirements():
    listed = {t["id"]: t for t in thresholds()}
    for tid, sides in pinned().items():
        assert tid in listed, f"a case pins {tid!r}, which no thresholds.json lists"
        for side, cases in sides.items():
            for path, case in cases:
                assert set(case.expect) & set(listed[tid]["requirements"]), \
                    f"{path}: {case.name!r} pins {tid} but expects none of its requirements"


def table() -> str:
    pins = pinned()
    lines = ["| Threshold | Value | Requirements | Citation | Below / at / above |", "|---|---|---|---|---|"]
    for t in thresholds():
        if "open" in t:
            cases = f"open: {t['open']}"
        else:
            files = sorted({p for s in PIN_SIDES for p, _ in pins[t["id"]][s]})
            count = " / ".join(str(len(pins[t["id"]][s])) for s in PIN_SIDES)
            cases = f"{count} cases in " + ", ".join(f"`{f.split('/tests/cases/')[-1]}`" for f in files)
        reqs = ", ".join(f"`{r}`" for r in t["requirements"])
        lines.append(f"| `{t['id']}`: {t['what']} | {t['value']} | {reqs} | {t['citation']} | {cases} |")
    return "\n".join(lines)


def _block(text: str) -> str:
    assert text.count(BEGIN) == 1 and text.count(END) == 1, f"{DOC.name} needs one thresholds block"
    return text.split(BEGIN, 1)[1].split(END, 1)[0].strip()


def test_the_doc_lists_every_threshold_with_its_cases():
    assert _block(DOC.read_text(encoding="utf-8")) == table(), "run: python3 tests/test_thresholds.py --write"


if __name__ == "__main__":
    if "--write" in sys.argv:
        text = DOC.read_text(encoding="utf-8")
        head, rest = text.split(BEGIN, 1)
        DOC.write_text(head + BEGIN + "\n" + table() + "\n" + END + rest.split(END, 1)[1], encoding="utf-8")
    else:
        print(table())
