"""Where the time goes: microseconds per participant for each piece of a run, in one process.

    python benchmarks/pieces.py                   # 10 000 generated participants (seed 2024)
    python benchmarks/pieces.py --size 20000 --rules 15

Pieces, each timed over the whole population with garbage collection off: decode the JSON lines,
structure them into the typed model (and both at once, as the reader does when msgspec is installed), decide the regime, evaluate every requirement of every
installed plugin (the regime decision included), and the report's tallies over the results. Then,
with ``--rules N``, the N costliest requirements on their own (each rule timed around its call,
on a context like the engine's; the timer adds about 0.1 µs a call). A script, not a test: record
the figures in docs/performance.md.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path

AS_OF = dt.date(2024, 11, 27)


def _population(size: int, workdir: Path) -> Path:
    path = workdir / f"population-{size}.jsonl"
    if not path.exists():
        workdir.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "integrules", "generate", str(size), "--seed", "2024", "-o", str(path)],
                       check=True)
    return path


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--size", type=int, default=10_000)
    p.add_argument("--rules", type=int, default=10, metavar="N", help="list the N costliest requirements (0: none)")
    p.add_argument("--workdir", default=os.environ.get("TMPDIR", "/tmp") + "/integrules-bench")
    args = p.parse_args()

    from integrules import Engine, Missing
    from integrules.context import Context
    from integrules.convert import fast_structurer
    from integrules.fastjson import json_structurer
    from integrules.model import Participant
    from integrules.report.aggregate import Accumulator
    from integrules.report.build import default_period
    from integrules.report.norwegian import load_source

    lines = _population(args.size, Path(args.workdir)).read_text(encoding="utf-8").splitlines()
    n = len(lines)
    engine = Engine()
    structure = fast_structurer(Participant)
    figures = []

    def timed(name, work):
        start = time.perf_counter()
        value = work()
        figures.append((name, (time.perf_counter() - start) / n * 1e6))
        return value

    gc.disable()
    raw = timed("decode the JSON line (json.loads)", lambda: [json.loads(line) for line in lines])
    people = timed("structure into the typed model", lambda: [structure(r) for r in raw])
    if json_structurer(Participant) is not None:
        direct = json_structurer(Participant)
        timed("  or both at once, as the reader does (msgspec, integrules[fast])", lambda: [direct(line) for line in lines])
    timed("decide the regime (plugins)", lambda: [engine.decide_regime(x, AS_OF) for x in people])
    results = timed(f"evaluate all {len(engine.requirements(AS_OF))} requirements (regime decision included)",
                    lambda: [engine.evaluate(x, AS_OF, index=i) for i, x in enumerate(people)])
    acc = Accumulator(engine.requirements(AS_OF), AS_OF, period=default_period(AS_OF), norskmal=load_source(disabled=False))
    timed("the report's tallies", lambda: acc.add_all(results))
    print(f"{n} participants, as of {AS_OF}, python {sys.version.split()[0]}, "
          f"msgspec {'installed' if json_structurer(Participant) else 'not installed'}")
    for name, micro in figures:
        print(f"{micro:8.1f} µs  {name}")

    if args.rules:
        spent: collections.Counter = collections.Counter()
        clock = time.perf_counter
        for x in people:
            decision = engine.decide_regime(x, AS_OF)
            ctx = Context(x, AS_OF, decision, engine.settings, engine.registry)
            # The rules the engine judges for this regime (its plan: overrides and adaptations resolved).
            for _, rule, _, _, rid, _, _ in engine._plan(decision.regime, AS_OF).judge:
                start = clock()
                try:
                    rule(ctx)
                except Missing:
                    pass
                spent[rid] += clock() - start
        print(f"\nthe rules the engine judges: {sum(spent.values()) / n * 1e6:.1f} µs in all; the {args.rules} costliest:")
        for rid, seconds in spent.most_common(args.rules):
            print(f"{seconds / n * 1e6:8.1f} µs  {rid}")
    gc.enable()


if __name__ == "__main__":
    main()
