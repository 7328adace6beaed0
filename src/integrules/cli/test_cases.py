"""integrules test: run case files (a participant, an as-of date, the expected outcome per id)."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import IntegrulesError
from ..testing.cases import describe, run_case_file
from . import EXIT_NOT_MET, EXIT_OK

HELP = "Kjør testsaker fra filer / run case files and report each difference (docs/tests-as-data.md)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("cases", nargs="+", metavar="CASES", help="case files (.json)")
    p.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    results, errors = [], []
    for path in args.cases:
        try:
            results.extend(run_case_file(path))
        except IntegrulesError as exc:  # one bad file is reported; the others still run
            errors.append((path, str(exc), exc.exit_code))
    failed = [r for r in results if not r.passed]
    if args.format == "json":
        json.dump({"cases": len(results), "passed": len(results) - len(failed),
                   "failures": [{"file": r.path, "index": r.index, "name": r.name, "as_of": r.as_of.isoformat(),
                                 "differences": list(r.failures)} for r in failed],
                   "errors": [{"file": p, "error": e} for p, e, _ in errors]},
                  sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
        sys.stdout.write("\n")
    else:
        for r in failed:
            print("FEIL/FAIL " + describe(r))
        for _, message, _ in errors:
            print(f"integrules: {message}", file=sys.stderr)
        print(f"{len(results) - len(failed)} av/of {len(results)} saker/cases passed"
              + (f", {len(errors)} file(s) could not be run" if errors else ""))
    if errors:
        return max(code for _, _, code in errors)
    return EXIT_NOT_MET if failed else EXIT_OK
