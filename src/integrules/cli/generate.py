"""integrules generate: a seeded synthetic population (no real person) of any size, as a case file."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import UsageError
from ..outfiles import atomic_output
from ..progress import Progress
from ..synthetic import DEFAULT_AS_OF, participant
from . import EXIT_OK
from .common import date_arg

HELP = "Lag en syntetisk saksfil (ingen ekte personer) / generate a synthetic case file (no real people)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("n", type=int, metavar="N", help="antall deltakere / number of participants")
    p.add_argument("--seed", type=int, default=2024,
                   help="frø / seed (default 2024: the first 70 are the bundled example's participants)")
    p.add_argument("--format", choices=("json", "jsonl"), default="jsonl",
                   help="json: a case file with kommune and as_of; jsonl: one participant per line (default)")
    p.add_argument("--as-of", type=date_arg, metavar="DATE", default=DEFAULT_AS_OF,
                   help=f"dato populasjonen beskrives på / the date the population is drawn at (default {DEFAULT_AS_OF})")
    p.add_argument("--kommune", default="Eksempel kommune", help="kommunens navn i en .json-fil / municipality name")
    p.add_argument("--output", "-o", metavar="PATH", help="skriv til fil / write to a file instead of stdout")


def write_population(out, n: int, *, seed: int, as_of, fmt: str, kommune: str, progress: Progress | None = None) -> None:
    """Write ``n`` participants one at a time (memory stays flat for any ``n``)."""
    dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    numbers = progress.wrap(range(n)) if progress is not None else range(n)
    if fmt == "jsonl":
        for i in numbers:
            out.write(dumps(participant(i, seed=seed, as_of=as_of)) + "\n")
        return
    out.write("{" + f'"as_of": {dumps(as_of.isoformat())}, "kommune": {dumps(kommune)}, "participants": [')
    for i in numbers:
        out.write(("\n" if i == 0 else ",\n") + dumps(participant(i, seed=seed, as_of=as_of)))
    out.write("\n]}\n")


def run(args: argparse.Namespace) -> int:
    if args.n < 0:
        raise UsageError("N must be 0 or more")
    # Progress on a terminal's stderr only while the population goes to a file or a pipe.
    progress = Progress("generate", total=args.n, unit="deltakere/participants", verb="skrevet/written") \
        if sys.stderr.isatty() and (args.output or not sys.stdout.isatty()) else None
    if args.output:
        with atomic_output(args.output) as fh:
            write_population(fh, args.n, seed=args.seed, as_of=args.as_of, fmt=args.format, kommune=args.kommune,
                             progress=progress)
    else:
        write_population(sys.stdout, args.n, seed=args.seed, as_of=args.as_of, fmt=args.format, kommune=args.kommune,
                         progress=progress)
        sys.stdout.flush()
    return EXIT_OK
