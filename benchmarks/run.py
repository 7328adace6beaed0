"""Benchmark: participants per second end to end, peak memory, and the engine against plain Python.

    python benchmarks/run.py                      # 10 000, 100 000 and 1 000 000 participants
    python benchmarks/run.py --sizes 10000 --jobs 2

For each size a synthetic population is written as JSON Lines (``integrules generate``, seed 2024)
and then, each in a fresh child process so that its peak memory is its own:

- ``all``: every installed plugin, ``--jobs N`` processes: read the JSONL file, evaluate, aggregate
  counts per requirement and outcome (what ``check`` and ``report`` do before writing). Also with one
  process at the sizes below 1 000 000.
- ``engine5`` and ``plain5``: the five requirements of benchmarks/workload.py, once through the engine
  (its plugin alone, one process) and once as the hand-written function over ``json.loads`` of each
  line (one process); their counts must agree, and the ratio is engine time / plain time
  (at sizes up to --compare-up-to, default 100 000: the ratio does not depend on the size).

Peak memory is the largest resident set size (ru_maxrss) of the child and of each worker process.
This is a script, not a test: figures depend on the machine (record them in docs/performance.md).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF = "2024-11-27"


def outcomes_of(item):
    """Runs in the worker: a result reduced to its (requirement id, outcome) pairs."""
    findings = getattr(item, "findings", None)
    if findings is None:
        return None  # a rejection
    return tuple((f.requirement_id, f.outcome.value) for f in findings)


def child(mode: str, path: str, jobs: int) -> dict:
    import datetime as dt

    as_of = dt.date.fromisoformat(AS_OF)
    counts: collections.Counter = collections.Counter()
    n = rejected = 0
    start = time.perf_counter()
    if mode == "plain5":
        sys.path.insert(0, str(HERE))
        from workload import IDS, baseline

        with open(path, encoding="utf-8") as fh:
            for line in fh:
                n += 1
                for rid, outcome in zip(IDS, baseline(json.loads(line), as_of)):
                    counts[rid, outcome] += 1
    else:
        from integrules.parallel import evaluate_parallel

        if mode == "engine5":
            sys.path.insert(0, str(HERE))
            from workload import PLUGIN

            kwargs = {"entry_points": False, "plugins": [PLUGIN]}
        else:
            kwargs = {"entry_points": True}
        run = evaluate_parallel(path, as_of, kwargs, jobs, map_item=outcomes_of)
        for pairs in run:
            n += 1
            if pairs is None:
                rejected += 1
                continue
            for pair in pairs:
                counts[pair] += 1
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"mode": mode, "jobs": jobs, "n": n, "rejected": rejected, "seconds": seconds,
            "rss_mb": round(own / 1024, 1), "worker_rss_mb": round(workers / 1024, 1),
            "counts": sorted([list(k) + [v] for k, v in counts.items()])}


def measure(mode: str, path: Path, jobs: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(path), str(jobs)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.splitlines()[-1])


def plugins() -> str:
    from integrules.engine import Engine

    engine = Engine()
    reqs = len(engine.requirements())
    return ", ".join(f"{p.name} {p.version or ''}".strip() for p in engine.plugins()) + f" ({reqs} requirements)"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", default="10000,100000,1000000")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--compare-up-to", type=int, default=100_000, metavar="N",
                   help="run the engine5/plain5 comparison only at sizes up to N (it is per participant; default 100000)")
    p.add_argument("--workdir", default=os.environ.get("TMPDIR", "/tmp") + "/integrules-bench")
    p.add_argument("--child", nargs=3, metavar=("MODE", "FILE", "JOBS"), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        mode, path, jobs = args.child
        print(json.dumps(child(mode, path, int(jobs))))
        return
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus; plugins: {plugins()}")
    print(f"{'size':>9} {'run':<9} {'jobs':>4} {'seconds':>8} {'part./s':>9} {'peak MB (main/worker)':>22}  note")
    for size in [int(s) for s in args.sizes.split(",")]:
        path = work / f"population-{size}.jsonl"
        if not path.exists():
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "integrules", "generate", str(size), "--seed", "2024",
                            "-o", str(path)], check=True)
            print(f"{size:>9} generated in {time.perf_counter() - t:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
        runs = [("all", args.jobs)] + ([("all", 1)] if size < 1_000_000 and args.jobs != 1 else [])
        if size <= args.compare_up_to:
            runs += [("engine5", 1), ("plain5", 1)]
        found = {}
        for mode, jobs in runs:
            r = measure(mode, path, jobs)
            found[mode, jobs] = r
            note = ""
            if mode == "plain5":
                engine = found["engine5", 1]
                same = engine["counts"] == r["counts"]
                note = f"engine5/plain5 = {engine['seconds'] / r['seconds']:.2f}x; counts {'agree' if same else 'DIFFER'}"
            print(f"{size:>9} {mode:<9} {jobs:>4} {r['seconds']:>8.1f} {r['n'] / r['seconds']:>9.0f} "
                  f"{r['rss_mb']:>11.0f}/{r['worker_rss_mb']:<10.0f}  {note}", flush=True)


if __name__ == "__main__":
    main()
