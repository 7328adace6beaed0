"""Tests as data: case files holding a participant, an as-of date and the expected outcomes.

The format is documented in docs/tests-as-data.md. ``integrules test CASES...`` runs them from the
command line; :func:`run_case_file` runs one from Python (the pytest parametrization in this
repository and in the plugin template call it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import importlib
import json
import sys
from importlib import metadata
from pathlib import Path
from typing import Any, Iterator

import attrs

from ..dates import parse_date
from ..engine import ENTRY_POINT_GROUP, Engine
from ..errors import IntegrulesError
from ..errors import FieldValueError, InputError, PluginLoadError
from ..findings import Outcome
from ..reading import structure_participant
from ..results import Rejection

FILE_KEYS = ("description", "plugins", "settings", "cases", "checklist")
CASE_KEYS = ("name", "as_of", "participant", "expect", "regime", "description", "boundary", "pins")
EXPECT_KEYS = ("outcome", "due", "missing", "cites")
PIN_SIDES = ("below", "at", "above")  # where a case sits against a threshold it pins (docs/tests-as-data.md)
OUTCOMES = tuple(o.value for o in Outcome)


class CaseFileError(InputError):
    """A case file that cannot be read as one (bad JSON, unknown keys, a bad participant)."""


NOT_IN_FORCE = "not_in_force"  # expected: the requirement is not in force at as_of (a validity boundary)


@attrs.frozen
class Expectation:
    outcome: Outcome | None  # None: expected not in force
    due: dt.date | None = None
    due_given: bool = False
    missing: tuple[str, ...] | None = None
    cites: tuple[str, ...] = ()  # references the finding must carry (each the text of one, or its beginning)


@attrs.frozen
class Case:
    name: str
    as_of: dt.date
    participant: Any
    expect: dict[str, Expectation]
    regime: str | None = None
    regime_given: bool = False
    boundary: dt.date | None = None  # the validity boundary (a version's first day) this case sits at
    pins: tuple[tuple[str, str], ...] = ()  # (threshold id, "below" | "at" | "above"): the thresholds it pins


@attrs.frozen
class CaseFile:
    path: str
    plugins: tuple[str, ...] | None
    settings: dict[str, Any]
    cases: tuple[Case, ...]
    description: str | None = None
    checklist: tuple[str, ...] = ()  # the checklist items (e.g. "R4") the file pins down


@attrs.frozen
class CaseResult:
    """One case run: its failures (empty when it passed), each a line naming the difference."""

    path: str
    index: int
    name: str
    as_of: dt.date
    failures: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.failures


def _err(path: str, where: str, message: str) -> CaseFileError:
    return CaseFileError(f"{path}: {where}: {message}")


def _parse_expectation(path: str, where: str, raw: Any) -> Expectation:
    if raw == NOT_IN_FORCE:
        return Expectation(None)
    if isinstance(raw, str):
        raw = {"outcome": raw}
    if not isinstance(raw, dict):
        raise _err(path, where, "expected an outcome (text) or an object with outcome, due, missing")
    extra = sorted(set(raw) - set(EXPECT_KEYS))
    if extra:
        raise _err(path, where, f"unknown key(s) {', '.join(extra)} (expected: {', '.join(EXPECT_KEYS)})")
    if raw.get("outcome") not in OUTCOMES:
        raise _err(path, f"{where}.outcome",
                   f"{raw.get('outcome')!r} is not one of: {', '.join(OUTCOMES)} (or the text {NOT_IN_FORCE!r})")
    due = None
    if raw.get("due") is not None:
        try:
            due = parse_date(raw["due"])
        except FieldValueError as exc:
            raise _err(path, f"{where}.due", str(exc)) from None
    missing = raw.get("missing")
    if missing is not None and not (isinstance(missing, list) and all(isinstance(m, str) for m in missing)):
        raise _err(path, f"{where}.missing", "expected a list of fact paths")
    cites = raw.get("cites", [])
    if not (isinstance(cites, list) and all(isinstance(c, str) and c.strip() for c in cites)):
        raise _err(path, f"{where}.cites", "expected a list of references, e.g. [\"integreringsloven § 13 tredje ledd\"]")
    return Expectation(Outcome(raw["outcome"]), due, "due" in raw,
                       tuple(sorted(missing)) if missing is not None else None, tuple(cites))


def _parse_pins(path: str, where: str, raw: Any) -> tuple[tuple[str, str], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not all(isinstance(k, str) and k for k in raw):
        raise _err(path, where, "expected an object of threshold id: \"below\", \"at\" or \"above\"")
    for key, side in raw.items():
        if side not in PIN_SIDES:
            raise _err(path, f"{where}.{key}", f"{side!r} is not one of: {', '.join(PIN_SIDES)}")
    return tuple(sorted(raw.items()))


def parse_case_document(document: Any, path: str = "<cases>") -> CaseFile:
    """A parsed JSON document to a :class:`CaseFile`; raises :class:`CaseFileError` naming the place."""
    if isinstance(document, dict) and "participant" in document:
        document = {"cases": [document]}  # a file holding a single case
    if not isinstance(document, dict):
        raise CaseFileError(f"{path}: expected an object with 'cases' (or a single case)")
    extra = sorted(set(document) - set(FILE_KEYS))
    if extra:
        raise CaseFileError(f"{path}: unknown key(s) {', '.join(extra)} (expected: {', '.join(FILE_KEYS)})")
    plugins = document.get("plugins")
    if plugins is not None and not (isinstance(plugins, list) and all(isinstance(p, str) and p for p in plugins)):
        raise _err(path, "plugins", "expected a list of plugin names or import paths")
    settings = document.get("settings") or {}
    if not isinstance(settings, dict):
        raise _err(path, "settings", "expected an object of name: value")
    raw_cases = document.get("cases")
    if not isinstance(raw_cases, list) or not raw_cases:
        raise _err(path, "cases", "expected a non-empty list of cases")
    cases = []
    for i, raw in enumerate(raw_cases):
        where = f"cases[{i}]"
        if not isinstance(raw, dict):
            raise _err(path, where, "expected an object")
        extra = sorted(set(raw) - set(CASE_KEYS))
        if extra:
            raise _err(path, where, f"unknown key(s) {', '.join(extra)} (expected: {', '.join(CASE_KEYS)})")
        for key in ("as_of", "participant", "expect"):
            if key not in raw:
                raise _err(path, f"{where}.{key}", "required")
        try:
            as_of = parse_date(raw["as_of"])
        except FieldValueError as exc:
            raise _err(path, f"{where}.as_of", str(exc)) from None
        participant = structure_participant(raw["participant"], 0)
        if isinstance(participant, Rejection):
            fixed = [e.replace("participants[0]", f"{where}.participant", 1) for e in participant.errors]
            raise CaseFileError(f"{path}: " + "; ".join(fixed))
        if not isinstance(raw["expect"], dict) or not raw["expect"]:
            raise _err(path, f"{where}.expect", "expected an object of requirement id: outcome")
        expect = {req_id: _parse_expectation(path, f"{where}.expect.{req_id}", value)
                  for req_id, value in sorted(raw["expect"].items())}
        name = raw.get("name") or f"case {i}"
        if not isinstance(name, str):
            raise _err(path, f"{where}.name", "expected text")
        boundary = None
        if raw.get("boundary") is not None:
            try:
                boundary = parse_date(raw["boundary"])
            except FieldValueError as exc:
                raise _err(path, f"{where}.boundary", str(exc)) from None
        pins = _parse_pins(path, f"{where}.pins", raw.get("pins"))
        cases.append(Case(name, as_of, participant, expect, raw.get("regime"), "regime" in raw, boundary, pins))
    checklist = document.get("checklist") or []
    if not (isinstance(checklist, list) and all(isinstance(c, str) and c for c in checklist)):
        raise _err(path, "checklist", "expected a list of checklist items, e.g. [\"R4\"]")
    return CaseFile(path, tuple(plugins) if plugins is not None else None, settings, tuple(cases),
                    document.get("description"), tuple(checklist))


def load_case_file(path: str | Path) -> CaseFile:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            document = json.load(fh)
    except OSError as exc:
        raise CaseFileError(f"cannot open {path}: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise CaseFileError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    return parse_case_document(document, str(path))


def resolve_plugin(spec: str, near: str | Path | None = None) -> tuple[str, Any]:
    """A plugin named in a case file: ``module:attribute`` (``module:factory()`` calls it), an
    installed entry-point name, or a module.

    A bare name that is not installed is tried as the module ``integrules_<name>`` and then as
    the module ``<name>``, so case files also run from a source tree on ``PYTHONPATH``. With
    ``near`` (the case file's path), a module that is not importable is also looked for in the
    case file's folder and the folder above it, where a test suite keeps its helper plugins
    (``tests/cases/x.json`` naming ``fakeplugins:base`` finds ``tests/fakeplugins.py``).
    """
    try:
        try:
            return _resolve_plugin(spec)
        except ModuleNotFoundError:
            if near is None:
                raise
            folder = Path(near).resolve().parent
            with _on_path(folder, folder.parent):
                return _resolve_plugin(spec)
    except IntegrulesError:
        raise
    except ModuleNotFoundError as exc:
        raise PluginLoadError(f"plugin {spec!r} failed to import: it needs the module {exc.name!r}, which is not "
                              "installed") from None
    except Exception as exc:  # the plugin's own code failed while importing: say where, not a traceback
        raise PluginLoadError(f"plugin {spec!r} failed to import: {type(exc).__name__}: {exc}{_where(exc)}") from None


@contextlib.contextmanager
def _on_path(*folders: Path) -> Iterator[None]:
    """``folders`` first on the import path for the block; the modules imported stay imported."""
    added = [str(f) for f in folders if str(f) not in sys.path]
    sys.path[:0] = added
    try:
        yield
    finally:
        for f in added:
            sys.path.remove(f)


def _where(exc: BaseException) -> str:
    import traceback

    if isinstance(exc, SyntaxError) and exc.filename:
        return f" ({exc.filename}, line {exc.lineno})"
    frames = traceback.extract_tb(exc.__traceback__)
    return f" ({frames[-1].filename}, line {frames[-1].lineno})" if frames else ""


def _resolve_plugin(spec: str) -> tuple[str, Any]:
    if ":" in spec:
        module_name, _, attr = spec.partition(":")
        call = attr.endswith("()")
        attr = attr.removesuffix("()")
        try:
            obj = getattr(importlib.import_module(module_name), attr)
        except AttributeError:
            raise CaseFileError(f"plugin {spec!r}: module {module_name!r} has no attribute {attr!r}") from None
        if call:
            obj = obj()
        return getattr(obj, "PLUGIN_NAME", None) or attr, obj
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == spec:
            return spec, ep.load()
    for module_name in (f"integrules_{spec}", spec):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        return spec.rpartition(".")[2].removeprefix("integrules_"), module
    names = sorted(ep.name for ep in metadata.entry_points(group=ENTRY_POINT_GROUP))
    close = difflib.get_close_matches(spec, names, n=3)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else \
        (f" (installed: {', '.join(names)})" if names else "")
    raise CaseFileError(f"plugin {spec!r} is neither installed nor importable{hint}")


def engine_for_case_file(case_file: CaseFile) -> Engine:
    """The engine a case file asks for: its plugins only, or (no ``plugins`` key) everything installed."""
    if case_file.plugins is None:
        engine = Engine(settings=case_file.settings)
        if engine.load_errors:  # every installed plugin is asked for: one that did not load spoils the cases
            raise PluginLoadError(f"{case_file.path}: " + "; ".join(engine.load_errors))
        return engine
    try:
        plugins = [resolve_plugin(spec, near=case_file.path) for spec in case_file.plugins]
    except ImportError as exc:
        raise CaseFileError(f"{case_file.path}: plugins: {exc}") from None
    return Engine(entry_points=False, plugins=plugins, settings=case_file.settings)


def _not_found(engine: Engine, req_id: str, as_of: dt.date, found: dict) -> str:
    """Why ``req_id`` has no finding at ``as_of``: not in force then, or no such id (did you mean ...?)."""
    versions = engine.registry.requirements.get(req_id)
    if versions:
        spans = ", ".join(f"{v.valid_from.isoformat()}" + (f" to {v.valid_to.isoformat()}" if v.valid_to else " on")
                          for v in versions)
        return f"no such requirement is in force at {as_of.isoformat()} (the id is in force {spans})"
    known = sorted(set(engine.registry.requirements) | set(found))
    close = difflib.get_close_matches(req_id, known, n=3, cutoff=0.6)
    if not close:
        close = [i for i in known if i.split(".")[-1] == req_id.split(".")[-1]][:3]
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    return f"no such requirement is in force at {as_of.isoformat()}{hint}"


def _fmt(day: dt.date | None) -> str:
    return day.isoformat() if day else "none"


def run_case(engine: Engine, case: Case, path: str = "", index: int = 0,
             citations: dict[str, Any] | None = None) -> CaseResult:
    """Judge one case and compare: every expected id, outcome, due date, missing facts and citations.

    ``citations`` (requirement id -> references, see :func:`load_citations`): every finding of a listed requirement
    that the requirement judged (not not_applicable) must cite each, whether or not the case expects it."""
    result = engine.evaluate(case.participant, case.as_of)
    found = {f.requirement_id: f for f in result.findings}
    failures = []
    for f in result.findings:
        wanted = (citations or {}).get(f.requirement_id, ())
        lacking = [c for c in wanted if f.outcome is not Outcome.NOT_APPLICABLE and not any(cites(r, c) for r in f.references)]
        if lacking:
            failures.append(f"{f.requirement_id}: {f.outcome.value}, but it does not cite {'; '.join(lacking)}, which "
                            "its requirement declares")
    if case.regime_given and result.regime.regime != case.regime:
        failures.append(f"regime: expected {case.regime or 'undecided'}, got {result.regime.regime or 'undecided'} "
                        f"({result.regime.reason.en})")
    for req_id, exp in case.expect.items():
        f = found.get(req_id)
        if exp.outcome is None:
            if f is not None:
                failures.append(f"{req_id}: expected not in force at {case.as_of.isoformat()}, but it is "
                                f"(got {f.outcome.value})")
            continue
        if f is None:
            failures.append(f"{req_id}: expected {exp.outcome.value}, but " + _not_found(engine, req_id, case.as_of, found))
            continue
        if f.outcome is not exp.outcome:
            missing = f" [missing: {', '.join(f.missing)}]" if f.missing else ""
            failures.append(f"{req_id}: expected {exp.outcome.value}, got {f.outcome.value}: {f.message.en}{missing}")
            continue
        if exp.due_given and f.due != exp.due:
            failures.append(f"{req_id}: {f.outcome.value} as expected, but due {_fmt(f.due)}, expected {_fmt(exp.due)}")
        if exp.missing is not None and tuple(sorted(f.missing)) != exp.missing:
            failures.append(f"{req_id}: unknown as expected, but missing [{', '.join(f.missing)}], "
                            f"expected [{', '.join(exp.missing)}]")
        lacking = [c for c in exp.cites if not any(cites(ref, c) for ref in f.references)]
        if lacking:
            failures.append(f"{req_id}: {f.outcome.value} as expected, but it does not cite {'; '.join(lacking)} "
                            f"(cites {'; '.join(map(str, f.references)) or 'nothing'})")
    return CaseResult(path, index, case.name, case.as_of, tuple(failures))


def cites(ref: Any, citation: str) -> bool:
    """Whether a reference is ``citation`` or more precise than it («integreringsloven § 13» is cited by
    «integreringsloven § 13 tredje ledd», not by «integreringsloven § 13 a»)."""
    text, citation = str(ref), " ".join(citation.split())
    if text == citation:
        return True
    rest = text[len(citation) + 1:] if text.startswith(citation + " ") else ""
    return rest.split(" ")[0] in _PRECISER


_PRECISER = ("første", "andre", "tredje", "fjerde", "femte", "sjette", "sjuende", "åttende", "niende", "tiende",
             "bokstav", "ledd")


def case_files(folder: str | Path) -> list[Path]:
    """The case files (``*.json``) of a folder, sorted."""
    return sorted(Path(folder).glob("*.json"))


def case_file_test(folder: str | Path, citations: str | Path | None = None):
    """A pytest test running every case file of ``folder``, one test per file (id: the file name).

    A plugin's test module says ``test_case_files = case_file_test(Path(__file__).parent / "cases")``, so its
    pytest suite runs its own case files (the same check as ``integrules test``). ``citations``: a file read by
    :func:`load_citations`; every finding in the cases must then cite what its requirement declares there."""
    import pytest

    paths = case_files(folder)
    if not paths:
        raise CaseFileError(f"{folder}: no case files (*.json)")
    declared = load_citations(citations) if citations is not None else None

    @pytest.mark.parametrize("path", paths, ids=[p.name for p in paths])
    def test_case_file(path):
        assert_case_file(path, citations=declared)

    return test_case_file


def load_citations(path: str | Path) -> dict[str, tuple[str, ...]]:
    """A plugin's declared citations: a JSON object ``{"citations": {requirement id: [reference, ...]}}``."""
    try:
        with open(path, encoding="utf-8") as fh:
            raw = json.load(fh)["citations"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CaseFileError(f"{path}: expected {{\"citations\": {{requirement id: [reference, ...]}}}} ({exc})") from None
    if not (isinstance(raw, dict) and all(isinstance(v, list) and all(isinstance(c, str) for c in v) for v in raw.values())):
        raise CaseFileError(f"{path}: citations: expected requirement id: [reference, ...]")
    return {k: tuple(v) for k, v in raw.items()}


def run_case_file(path: str | Path, engine: Engine | None = None,
                  citations: dict[str, Any] | None = None) -> list[CaseResult]:
    """Run every case in a file (with the engine it asks for, unless one is given)."""
    case_file = load_case_file(path)
    engine = engine or engine_for_case_file(case_file)
    results = [run_case(engine, case, str(path), i, citations) for i, case in enumerate(case_file.cases)]
    faults = [f for f in engine.faults]
    if faults:
        results.append(CaseResult(str(path), len(results), "plugin faults", case_file.cases[0].as_of,
                                  tuple(f"plugin {f.plugin!r} raised {f.error}" for f in faults[:5])))
    return results


def describe(result: CaseResult) -> str:
    """A failed case as a block of text: the case, then one line per difference."""
    head = f"{result.path}: case {result.index} {result.name!r} (as of {result.as_of.isoformat()})"
    return head + "".join(f"\n    {line}" for line in result.failures)


def assert_case_file(path: str | Path, engine: Engine | None = None, citations: dict[str, Any] | None = None) -> None:
    """Run a case file and raise ``AssertionError`` listing every failed case (for pytest)."""
    failed = [r for r in run_case_file(path, engine, citations) if not r.passed]
    if failed:
        raise AssertionError("\n".join(describe(r) for r in failed))


__all__ = ["Case", "CaseFile", "CaseFileError", "CaseResult", "assert_case_file", "case_file_test", "case_files", "cites",
           "describe", "load_citations",
           "engine_for_case_file", "load_case_file", "parse_case_document", "resolve_plugin", "run_case",
           "run_case_file"]
