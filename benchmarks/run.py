"""Benchmark: participants per second end to end, peak memory, and the engine against plain Python.

    python benchmarks/run.py                      # 10 000, 100 000 and 1 000 000 participants
    python benchmarks/run.py --sizes 10000 --jobs 2

For each size a synthetic population is written as JSON Lines (``integrules generate``, seed 2024)
and then, each in a fresh child process so that its peak memory is its own:

- ``report``: ``integrules report FILE --jobs N --format json -o FILE``, the command itself, end to
  end: read, decode and structure, evaluate every requirement of every installed plugin, count (in
  the workers), render the JSON report. This is the issue's "read, evaluate, report".
- ``all``: the same without the report's own tallies (NIR worklist, outcomes, Norwegian results) and
  rendering: every installed plugin through :mod:`integrules.parallel`, counts per requirement and
  outcome made in the workers. Its counts must agree with the report's.
- Both also with one process at the sizes below 1 000 000.
- ``engine5``/``plain5`` and ``engine15``/``plain15``: the requirements of benchmarks/workload.py
  (the first five, and all fifteen), once through the engine (its plugin alone, one process) and once
  as hand-written functions over ``json.loads`` of each line (one process); their counts must
  agree, and the ratio is engine time / plain time (at sizes up to --compare-up-to, default 10 000:
  the ratio does not depend on the size; each run --repeat times, alternating, the fastest kept).

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


def count_chunk(engine, as_of, items):
    """Runs in the worker: one chunk's results counted per (requirement id, outcome), and its rejections."""
    counts: collections.Counter = collections.Counter()
    read = rejected = 0
    for item in items:
        read += 1
        findings = getattr(item, "findings", None)
        if findings is None:
            rejected += 1
            continue
        counts.update((f.requirement_id, f.outcome._value_) for f in findings)
    return read, rejected, counts


def reader() -> str:
    """How JSON Lines are read: straight into the model with msgspec (integrules[fast]), or json.loads."""
    try:
        from importlib.metadata import version

        return f"JSON Lines read with msgspec {version('msgspec')} (integrules[fast])"
    except Exception:
        return "JSON Lines read with json.loads (msgspec not installed)"


def child(mode: str, path: str, jobs: int) -> dict:
    import datetime as dt

    import tempfile

    from integrules.cli import main as integrules_main
    from integrules.parallel import evaluate_parallel

    sys.path.insert(0, str(HERE))
    from workload import IDS, PLUGIN, PLUGIN5, baseline

    # Modules are imported before the clock starts (a one-off cost, the same for any size); building
    # the engine and loading its plugins is timed.
    as_of = dt.date.fromisoformat(AS_OF)
    counts: collections.Counter = collections.Counter()
    n = rejected = 0
    start = time.perf_counter()
    if mode == "report":
        # The command itself, end to end: read, evaluate, count, render the JSON report.
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "report.json")
            integrules_main(["report", path, "--as-of", AS_OF, "--jobs", str(jobs), "--format", "json", "-o", out])
            with open(out, encoding="utf-8") as fh:
                report = json.load(fh)
        n, rejected = report["totals"]["read"], report["totals"]["rejected"]
        counts.update({(r["id"], o): c for r in report["requirements"] for o, c in r["counts"].items()
                       if o not in ("applies", "total") and c})
    elif mode.startswith("plain"):
        size = int(mode.removeprefix("plain"))
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                n += 1
                for rid, outcome in zip(IDS[:size], baseline(json.loads(line), as_of, size)):
                    counts[rid, outcome] += 1
    else:
        if mode.startswith("engine"):
            kwargs = {"entry_points": False, "plugins": [PLUGIN5 if mode == "engine5" else PLUGIN]}
        else:
            kwargs = {"entry_points": True}
        for read, rejects, part in evaluate_parallel(path, as_of, kwargs, jobs, map_chunk=count_chunk):
            n += read
            rejected += rejects
            counts.update(part)
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
    p.add_argument("--compare-up-to", type=int, default=10_000, metavar="N",
                   help="run the engine/plain comparison only at sizes up to N (it is per participant; default 10000)")
    p.add_argument("--repeat", type=int, default=3, metavar="R",
                   help="run each engine/plain comparison R times, alternating, and keep the fastest of each "
                        "(the machine is shared: the fastest run is the least disturbed; default 3)")
    p.add_argument("--workdir", default=os.environ.get("TMPDIR", "/tmp") + "/integrules-bench")
    p.add_argument("--child", nargs=3, metavar=("MODE", "FILE", "JOBS"), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        mode, path, jobs = args.child
        print(json.dumps(child(mode, path, int(jobs))))
        return
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus; {reader()}; plugins: {plugins()}")
    print(f"{'size':>9} {'run':<9} {'jobs':>4} {'seconds':>8} {'part./s':>9} {'peak MB (main/worker)':>22}  note")
    for size in [int(s) for s in args.sizes.split(",")]:
        path = work / f"population-{size}.jsonl"
        if not path.exists():
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "integrules", "generate", str(size), "--seed", "2024",
                            "-o", str(path)], check=True)
            print(f"{size:>9} generated in {time.perf_counter() - t:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
        runs = [("report", args.jobs), ("all", args.jobs)]
        runs += [("report", 1), ("all", 1)] if size < 1_000_000 and args.jobs != 1 else []
        compare = [("engine5", 1), ("plain5", 1), ("engine15", 1), ("plain15", 1)] if size <= args.compare_up_to else []
        best = {}
        for _ in range(max(1, args.repeat) if compare else 0):
            for mode, jobs in compare:
                r = measure(mode, path, jobs)
                if (mode, jobs) not in best or r["seconds"] < best[mode, jobs]["seconds"]:
                    best[mode, jobs] = r
        found = {}
        for mode, jobs in runs + compare:
            r = best.get((mode, jobs)) or measure(mode, path, jobs)
            found[mode, jobs] = r
            note = ""
            if mode == "all" and ("report", jobs) in found:
                same = found["report", jobs]["counts"] == r["counts"]
                note = f"counts {'agree' if same else 'DIFFER'} with report"
            if mode.startswith("plain"):
                engine_mode = "engine" + mode.removeprefix("plain")
                engine = found[engine_mode, 1]
                same = engine["counts"] == r["counts"]
                note = (f"{engine_mode}/{mode} = {engine['seconds'] / r['seconds']:.2f}x; counts {'agree' if same else 'DIFFER'}"
                        f"; best of {max(1, args.repeat)}")
            print(f"{size:>9} {mode:<9} {jobs:>4} {r['seconds']:>8.1f} {r['n'] / r['seconds']:>9.0f} "
                  f"{r['rss_mb']:>11.0f}/{r['worker_rss_mb']:<10.0f}  {note}", flush=True)


if __name__ == "__main__":
    main()
