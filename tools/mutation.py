"""Mutation testing of the bundled rule plugins against their case files (not run in CI: it is slow).

    .venv/bin/python tools/mutation.py                      # every mutant (long)
    .venv/bin/python tools/mutation.py --sample 300 --seed 1
    .venv/bin/python tools/mutation.py --files norskmal --list

A small AST mutator of our own (docs/testing.md says why not mutmut or cosmic-ray). Each mutant changes one
place of one plugin source file:

- ``num``      a whole number in the code (a legal number: an age, months, hours, days) plus or minus one;
- ``cmp``      a comparison flipped at its boundary (< and <=, > and >=) or negated (== and !=, in, is);
- ``date``     a date written in the code (``dt.date(2026, 1, 1)``) one day earlier or later;
- ``cond``     a condition dropped: one operand of ``and``/``or`` removed, a ``not`` removed, or the test of
               an ``if`` whose body returns replaced by ``False`` (the guard never fires);
- ``outcome``  a finding's outcome swapped (met and not met, pending to met, unknown to not met,
               not applicable to met);
- ``ref``      a legal reference removed from a finding (an argument of ``not_applicable`` or an element of
               the ``references`` of a requirement, an adaptation or a regime decision).

Each mutant runs in a forked child (the core is imported once, in the parent): the plugin packages are
imported afresh with the one file mutated (nothing is written to disk) and every case file of
``plugins/*/tests/cases`` runs in process, with the plugin's declared citations (``tests/citations.json``), as
the plugins' own ``test_case_files.py`` runs them. A mutant is *killed* when a case fails, a plugin raises, the
mutant fails to import or it runs past the timeout; else it *survived*. ``tools/mutation_equivalent.txt``
names the mutants that cannot change behaviour (equivalent), each with why; they are left out of the rate.
Output is the same for the same arguments (mutants are numbered in source order; the sample is seeded).
"""

from __future__ import annotations

import argparse
import ast
import copy
import datetime as dt
import importlib.abc
import importlib.util
import os
import random
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ("integreringsloven", "kapittel6a", "norskmal", "eksempelkommune")
EQUIVALENT = Path(__file__).with_name("mutation_equivalent.txt")

OUTCOME_FUNCS = {"met": "NOT_MET", "not_met": "MET", "pending": "MET", "unknown": "NOT_MET", "not_applicable": "MET"}
# Calls whose ``references`` end up in findings (a requirement's, an adaptation's, a regime decision's); those of a
# Setting, DerivedFact, Regime or Verification describe the plugin and are not a finding's references.
FINDING_REFS = {"requirement", "Requirement", "Adaptation", "RegimeDecision", "_decision", "Evaluation"}
REF_FUNCS = {"lov", "forskrift", "veileder", "lokal", "LegalRef", "forskrift_ref", "lov_ref"}
TEXT_FUNCS = {"T", "Text", "LegalRef", "lov", "forskrift", "veileder", "lokal"}  # numbers in these are text/citations
CMP_FLIP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
            ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _is_date_call(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and _name(node.func) == "date" and len(node.args) == 3 and not node.keywords
            and all(isinstance(a, ast.Constant) and type(a.value) is int for a in node.args))


class Site:
    """One place to mutate: the node's position in ``ast.walk`` order, the operator, a variant, a label."""

    def __init__(self, path: Path, index: int, op: str, variant: object, line: int, label: str):
        self.path, self.index, self.op, self.variant, self.line, self.label = path, index, op, variant, line, label

    @property
    def key(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}:{self.op}:{self.label}"


def _parents(tree: ast.AST) -> dict[int, ast.AST]:
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    return parents


def _in_text(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """Inside a text, a citation, an f-string or a docstring-like place: not legal logic."""
    p = parents.get(id(node))
    while p is not None:
        if isinstance(p, ast.JoinedStr) or isinstance(p, ast.Call) and _name(p.func) in TEXT_FUNCS:
            return True
        if isinstance(p, ast.Call) and _is_date_call(p):
            return True  # dates are mutated whole, by ``date``
        p = parents.get(id(p))
    return False


def sites(path: Path) -> list[Site]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = _parents(tree)
    found = []
    for index, node in enumerate(ast.walk(tree)):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Constant) and type(node.value) is int and not _in_text(node, parents):
            for d in (-1, 1):
                found.append(Site(path, index, "num", d, line, f"{node.value} -> {node.value + d}"))
        elif isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in CMP_FLIP:
                    found.append(Site(path, index, "cmp", i, line,
                                      f"{type(op).__name__} -> {CMP_FLIP[type(op)].__name__}"))
        elif _is_date_call(node):
            y, m, d = (a.value for a in node.args)
            for delta in (-1, 1):
                found.append(Site(path, index, "date", delta, line,
                                  f"{dt.date(y, m, d)} -> {dt.date(y, m, d) + dt.timedelta(delta)}"))
        elif isinstance(node, ast.BoolOp) and not _in_text(node, parents):
            for i in range(len(node.values)):
                found.append(Site(path, index, "cond", ("drop", i), line,
                                  f"{type(node.op).__name__.lower()} without operand {i + 1}"))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            found.append(Site(path, index, "cond", ("not",), line, "not removed"))
        elif isinstance(node, ast.If) and node.body and isinstance(node.body[-1], ast.Return):
            found.append(Site(path, index, "cond", ("if",), line, "guard never fires"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in OUTCOME_FUNCS:
            found.append(Site(path, index, "outcome", None, line,
                              f"{node.func.id} -> {OUTCOME_FUNCS[node.func.id].lower()}"))
            if node.func.id == "not_applicable":
                for i, a in enumerate(node.args[2:], start=2):
                    if isinstance(a, ast.Call) and _name(a.func) in REF_FUNCS:
                        found.append(Site(path, index, "ref", i, line, f"reference {ast.unparse(a)} dropped"))
        elif isinstance(node, ast.keyword) and node.arg == "references" and isinstance(node.value, (ast.Tuple, ast.List)) \
                and len(node.value.elts) > 1 and _name(parents[id(node)].func) in FINDING_REFS:
            for i, a in enumerate(node.value.elts):
                found.append(Site(path, index, "ref", ("kw", i), line, f"reference {ast.unparse(a)[:60]} dropped"))
    return found


def mutate(path: Path, site: Site) -> str:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    node = next(n for i, n in enumerate(ast.walk(tree)) if i == site.index)
    parents = _parents(tree)
    op, v = site.op, site.variant
    if op == "num":
        node.value += v
    elif op == "cmp":
        node.ops[v] = CMP_FLIP[type(node.ops[v])]()
    elif op == "date":
        day = dt.date(*(a.value for a in node.args)) + dt.timedelta(v)
        node.args = [ast.Constant(day.year), ast.Constant(day.month), ast.Constant(day.day)]
    elif op == "cond" and v[0] == "drop":
        node.values.pop(v[1])
        if len(node.values) == 1:
            _replace(parents[id(node)], node, node.values[0])
    elif op == "cond" and v[0] == "not":
        _replace(parents[id(node)], node, node.operand)
    elif op == "cond":
        node.test = ast.Constant(False)
    elif op == "outcome":
        swapped = ast.parse(f"__import__('attrs').evolve(X, outcome=__import__('integrules').Outcome."
                            f"{OUTCOME_FUNCS[node.func.id]}, missing=())", mode="eval").body
        swapped.args[0] = copy.deepcopy(node)
        _replace(parents[id(node)], node, swapped)
    elif op == "ref" and isinstance(v, int):
        node.args.pop(v)
    elif op == "ref":
        node.value.elts.pop(v[1])
    return ast.unparse(ast.fix_missing_locations(tree))


def _replace(parent: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for field, value in ast.iter_fields(parent):
        if value is old:
            setattr(parent, field, new)
            return
        if isinstance(value, list):
            for i, item in enumerate(value):
                if item is old:
                    value[i] = new
                    return
    raise AssertionError("node not found under its parent")


class _MutantFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves the mutated source for one file; every other module imports as usual."""

    def __init__(self, path: Path, source: str):
        self.path, self.source = str(path), source

    def find_spec(self, fullname, search_path, target=None):
        if fullname.split(".")[0] not in {f"integrules_{p}" for p in PLUGINS}:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, search_path, target)
            if spec is not None:
                if spec.origin == self.path:
                    return importlib.util.spec_from_file_location(fullname, self.path, loader=self,
                                                                  submodule_search_locations=spec.submodule_search_locations)
                return spec
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(compile(self.source, self.path, "exec"), module.__dict__)


def case_paths() -> list[Path]:
    return sorted(p for name in PLUGINS for p in (ROOT / "plugins" / name / "tests" / "cases").glob("*.json"))


def run_cases(paths: list[Path]) -> str | None:
    """The first failure (a line), or None when every case passed (with each plugin's declared citations)."""
    from integrules.testing.cases import load_citations, run_case_file

    for path in paths:
        declared = path.parent.parent / "citations.json"
        for result in run_case_file(path, citations=load_citations(declared) if declared.exists() else None):
            if not result.passed:
                return f"{path.name}: {result.name}: {result.failures[0]}"[:200]
    return None


def run_mutant(site: Site, paths: list[Path], timeout: int) -> tuple[str, str]:
    """('killed' | 'survived' | 'error' | 'timeout', detail), the mutant run in a forked child."""
    source = mutate(site.path, site)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: import the plugins with the mutant, run the cases, report, leave
        os.close(read)
        status, detail = "survived", ""
        try:
            signal.alarm(timeout)
            for name in [m for m in sys.modules if m.split(".")[0].startswith("integrules_")]:
                del sys.modules[name]
            sys.meta_path.insert(0, _MutantFinder(site.path, source))
            failure = run_cases(paths)
            if failure:
                status, detail = "killed", failure
        except BaseException as exc:  # noqa: BLE001 - any failure of the mutant kills it
            status, detail = "error", f"{type(exc).__name__}: {exc}"[:200]
        os.write(write, f"{status}\t{detail}".encode())
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    _, wait_status = os.waitpid(pid, 0)
    if not chunks:
        return "timeout" if os.WIFSIGNALED(wait_status) else "error", f"child ended with status {wait_status}"
    status, _, detail = b"".join(chunks).decode().partition("\t")
    return status, detail


def equivalents() -> dict[str, str]:
    """``file:line:op:label`` -> why it is equivalent, from tools/mutation_equivalent.txt."""
    found = {}
    if EQUIVALENT.exists():
        for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, _, why = line.partition(" # ")
                found[key.strip()] = why.strip()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", nargs="*", default=[], help="only source files whose path contains one of these")
    parser.add_argument("--ops", nargs="*", default=[], help="only these operators (num cmp date cond outcome ref)")
    parser.add_argument("--sample", type=int, default=0, help="run a seeded random sample of this many mutants")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=int, default=60, help="seconds per mutant")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every mutant with what killed it")
    args = parser.parse_args(argv)

    sources = sorted(p for name in PLUGINS for p in (ROOT / "plugins" / name / "src").rglob("*.py"))
    sources = [p for p in sources if not args.files or any(f in str(p) for f in args.files)]
    every = [s for p in sources for s in sites(p) if not args.ops or s.op in args.ops]
    chosen = sorted(random.Random(args.seed).sample(every, args.sample), key=lambda s: (str(s.path), s.index)) \
        if 0 < args.sample < len(every) else every
    if args.list:
        for s in chosen:
            print(s.key)
        print(f"{len(chosen)} of {len(every)} mutants")
        return 0

    import integrules.engine  # noqa: F401  (the core, imported once before forking)
    import integrules.testing.cases  # noqa: F401

    paths, equivalent = case_paths(), equivalents()
    if run_cases(paths):
        print("the case files fail without any mutant: fix them first", file=sys.stderr)
        return 2
    counts: dict[str, int] = {}
    survivors, skipped, start = [], [], time.monotonic()
    for n, site in enumerate(chosen, 1):
        if site.key in equivalent:
            skipped.append(site)
            continue
        status, detail = run_mutant(site, paths, args.timeout)
        counts[status] = counts.get(status, 0) + 1
        if status == "survived":
            survivors.append(site)
            print(f"SURVIVED {site.key}", flush=True)
        elif args.verbose:
            print(f"{status} {site.key}: {detail}", flush=True)
        if n % 25 == 0:
            print(f"... {n}/{len(chosen)} ({time.monotonic() - start:.0f} s)", file=sys.stderr, flush=True)
    by: dict[str, list[int]] = {}
    for site in chosen:
        if site.key in equivalent:
            continue
        for key in (site.op, str(site.path.relative_to(ROOT / "plugins"))):
            by.setdefault(key, [0, 0])[0] += 1
            by[key][1] += site in survivors
    print("\nby operator and file (mutants, survived):")
    for key in sorted(by, key=lambda k: ("/" in k, k)):
        print(f"  {key}: {by[key][0]}, {by[key][1]}")
    judged = sum(counts.values())
    killed = judged - counts.get("survived", 0)
    print(f"\nmutants: {len(chosen)} of {len(every)} ({'sample, seed %d' % args.seed if len(chosen) < len(every) else 'all'})")
    print(f"equivalent (left out): {len(skipped)}")
    print("judged: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"killed: {killed} of {judged} ({100 * killed / judged if judged else 100:.1f} %)")
    print(f"time: {time.monotonic() - start:.0f} s")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
