"""integrules check: judge every participant in a case file at a date."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import sys
from typing import IO, Any, Iterable, Iterator

import attrs

from ..errors import UsageError
from ..findings import Outcome
from ..outfiles import atomic_output
from ..output import json_pieces, text_pieces, write_json_pieces, write_text_pieces
from ..privacy import Pseudonymiser
from ..progress import Progress, count_records
from ..results import Rejection, Summary
from ..reading import read_case_file, read_raw
from . import EXIT_NOT_MET, EXIT_OK, EXIT_PLUGIN_FAULT, EXIT_REJECTED
from .common import (DuplicateIds, add_engine_arguments, add_input_arguments, add_kommune_argument, add_privacy_arguments,
                     example_path, make_engine, parse_settings, pseudonymiser, require_rules)

HELP = "Vurder hver deltaker mot kravene / judge every participant against the requirements"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_input_arguments(p, file_help="saksfil (.json) eller JSON Lines (.jsonl); - for stdin / case file",
                        date_help="vurderingsdato / date to judge at")
    p.add_argument("--format", choices=("text", "json", "csv", "xlsx"), default="text",
                   help="text, json, or a worklist (one row per finding) as csv or xlsx")
    p.add_argument("--show-not-applicable", action="store_true", help="list not-applicable findings in text output")
    p.add_argument("--output", "-o", metavar="PATH",
                   help="skriv til fil (atomisk) / write to a file (replaced whole at the end, never half-written)")
    p.add_argument("--only", type=_outcomes_arg, metavar="OUTCOME[,...]",
                   help="vis bare funn med disse utfallene / show only findings with these outcomes ("
                        + ", ".join(o.value for o in Outcome) + "); the summary and exit code still count all. "
                        "Default for csv/xlsx: not_met,unknown,pending")
    p.add_argument("--participant", action="append", metavar="ID",
                   help="bare denne deltakeren / only this participant (repeatable); the summary counts those only")
    p.add_argument("--excel", action="store_true",
                   help="CSV for norsk Excel: semikolon og BOM / CSV for Norwegian Excel: semicolons and a byte-order mark")
    add_engine_arguments(p)
    add_privacy_arguments(p)
    add_scale_arguments(p)
    add_kommune_argument(p)


def add_scale_arguments(p: argparse.ArgumentParser) -> None:
    """--mapping (CSV/Excel column mapping) and --jobs (worker processes); report uses them too."""
    p.add_argument("--mapping", metavar="FILE",
                   help="kolonnekobling for .csv/.xlsx (JSON eller TOML) / column mapping for .csv/.xlsx files "
                        "(JSON or TOML; default: the NIR report's columns, see docs/imports.md)")
    p.add_argument("--jobs", "-j", type=_jobs_arg, default=1, metavar="N",
                   help="antall prosesser / worker processes (default 1); the output is the same for any N")


def _outcomes_arg(value: str) -> frozenset[str]:
    known = {o.value for o in Outcome}
    chosen = {v.strip() for v in value.split(",") if v.strip()}
    wrong = sorted(chosen - known)
    if wrong or not chosen:
        raise argparse.ArgumentTypeError(f"unknown outcome(s) {', '.join(wrong) or value!r}; choose from {', '.join(sorted(known))}")
    return frozenset(chosen)


def _jobs_arg(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("--jobs must be at least 1")
    return n


def _render_chunk(fmt: str, show_not_applicable: bool, pseudonyms: Pseudonymiser | None, engine: Any, as_of: dt.date,
                  items: Iterable[Any], only: frozenset[str] | None = None,
                  participants: frozenset[str] | None = None) -> tuple[list[Any], Summary, list[tuple[str | None, int]]]:
    """In a worker (``check --jobs N``): one chunk's results written as the command writes them, and
    counted; with each record's id and index (for the warning on ids given twice)."""
    summary = Summary()
    ids: list[tuple[str | None, int]] = []
    items = _ids_of(items, ids)
    if participants is not None:
        items = _chosen(items, participants)
    if pseudonyms is not None:
        items = pseudonyms.apply_all(items)
    shown = _filtered(items, summary, only)
    return list(_pieces(fmt, shown, show_not_applicable, engine, as_of)), summary, ids


def _chosen(items: Iterable[Any], participants: frozenset[str]) -> Iterator[Any]:
    """--participant: only these participants (and rejected records with these ids); before counting."""
    for item in items:
        key = item.record_id if isinstance(item, Rejection) else item.participant_id
        if key in participants:
            yield item


def _filtered(items: Iterable[Any], summary: Summary, only: frozenset[str] | None) -> Iterator[Any]:
    """Every item counted into ``summary``; with --only, each result shown with those findings only (if any)."""
    for item in items:
        summary.add(item)
        if only is None or isinstance(item, Rejection):
            yield item
            continue
        kept = tuple(f for f in item.findings if f.outcome._value_ in only)
        if kept:
            yield attrs.evolve(item, findings=kept)


def _pieces(fmt: str, items: Iterable[Any], show_not_applicable: bool, engine: Any, as_of: dt.date) -> Iterator[Any]:
    """The output pieces of already counted items (their own summary is not used)."""
    unused = Summary()
    if fmt == "json":
        return json_pieces(items, unused)
    if fmt == "text":
        return text_pieces(items, unused, show_not_applicable=show_not_applicable)
    return worklist_rows(items, {r.id: r.title.nb for r in engine.requirements(as_of)})


EXCEL_ROWS = 1_048_576  # rows in an Excel sheet, the header row included
WORKLIST_HEADERS = ("deltaker-id", "regelverk", "krav-id", "krav", "status", "frist", "ansvar", "mangler opplysning",
                    "begrunnelse")


def worklist_rows(items: Iterable[Any], titles: dict[str, str]) -> Iterator[list[Any]]:
    """``check --format csv|xlsx``: a row per finding (rejected records as a row each, status «avvist»)."""
    from ..output import OUTCOME_LABELS

    for item in items:
        if isinstance(item, Rejection):
            yield [item.record_id or "", "", "", "", "avvist", None, "", "", "; ".join(item.errors)]
            continue
        regime = item.regime.regime or "ukjent"
        for f in item.findings:
            yield [item.participant_id, regime, f.requirement_id, titles.get(f.requirement_id, ""),
                   OUTCOME_LABELS[f.outcome][0], f.due, ", ".join(u.value for u in f.responsible), ", ".join(f.missing),
                   f.message.nb]


def _ids_of(items: Iterable[Any], ids: list[tuple[str | None, int]]) -> Iterator[Any]:
    for item in items:
        ids.append((getattr(item, "participant_id", None) or getattr(item, "record_id", None), item.index))
        yield item


def _merged(chunks: Iterable[tuple[list[Any], Summary, list[tuple[str | None, int]]]], summary: Summary,
            duplicates: DuplicateIds, progress: Progress | None = None) -> Iterator[Any]:
    """The pieces of every chunk in order, their counts added to ``summary`` as they arrive."""
    for pieces, counted, ids in chunks:
        summary.merge(counted)
        for participant_id, index in ids:
            duplicates.see(participant_id, index)
        if progress is not None:
            progress.advance(counted.read)
        yield from pieces
    if progress is not None:
        progress.done()


def _progress(args: argparse.Namespace, path: str) -> Progress | None:
    """A progress bar on stderr when it is a terminal and the output is not (a file or a pipe): never mixed in."""
    if not sys.stderr.isatty() or (not args.output and sys.stdout.isatty()):
        return None
    return Progress("check", total=None if args.participant else count_records(path))


def resolve_input(args: argparse.Namespace) -> str:
    if args.example and args.file:
        raise UsageError("give a FILE or --example, not both")
    if not args.example and not args.file:
        raise UsageError("give a FILE to check, or --example")
    return example_path() if args.example else args.file


def run(args: argparse.Namespace) -> int:
    path = resolve_input(args)
    pseudonyms = pseudonymiser(args)
    if args.excel and args.format != "csv":
        raise UsageError("--excel is for --format csv (xlsx is Excel's own format)")
    only = args.only
    if only is None and args.format in ("csv", "xlsx"):  # a worklist: what needs doing
        only = frozenset(("not_met", "unknown", "pending"))
    chosen = frozenset(args.participant) if args.participant else None
    jobs = getattr(args, "jobs", 1)
    if jobs > 1:
        header, records = read_raw(path, mapping=args.mapping, input_format=args.input_format)
    else:
        header, records = read_case_file(path, mapping=args.mapping, input_format=args.input_format)
    engine = make_engine(args, header.settings)
    require_rules(engine)
    # The command line is the one place a clock is read, and only when no date is given.
    as_of = args.as_of or header.as_of or dt.date.today()
    meta = {
        "integrules": {"format": 1},
        "as_of": as_of.isoformat(),
        "kommune": args.kommune or header.kommune,
        "plugins": [{"name": p.name, "version": p.version} for p in engine.plugins()],
        "settings": engine.settings,
        "notices": [{"nb": t.nb, "en": t.en} for t in engine.notices(as_of)],
    }
    if args.only is not None or chosen is not None:  # say what was left out (only when something was)
        meta["filter"] = {"only": sorted(args.only) if args.only is not None else None,
                          "participant": sorted(chosen) if chosen is not None else None}
    if args.format == "xlsx" and not args.output and sys.stdout.isatty():
        raise UsageError("--format xlsx writes a binary file: give -o PATH (or redirect the output)")
    faults_of: Any = engine
    duplicates = DuplicateIds()
    summary = Summary()
    if jobs > 1:
        # The workers judge and also write (JSON or text), so only text and counts come back:
        # sending the findings to this process and writing them here took longer than judging.
        from ..parallel import ParallelRun, engine_kwargs

        settings = parse_settings(args.setting, header.settings)
        render = functools.partial(_render_chunk, args.format, args.show_not_applicable, pseudonyms,
                                   only=only, participants=chosen)
        parallel = faults_of = ParallelRun(records, as_of, engine_kwargs(engine, settings, args.disable), jobs,
                                       map_chunk=render)
        pieces = _merged(parallel, summary, duplicates, _progress(args, path))
    else:
        results: Iterable[Any] = duplicates.track(engine.evaluate_all(records, as_of))
        progress = _progress(args, path)
        if progress is not None:
            results = progress.wrap(results)
        if chosen is not None:
            results = _chosen(results, chosen)
        if pseudonyms is not None:
            results = pseudonyms.apply_all(results)
        pieces = _pieces(args.format, _filtered(results, summary, only), args.show_not_applicable, engine, as_of)
    with _destination(args.output, binary=args.format == "xlsx") as out:
        if args.format == "json":
            write_json_pieces(out, meta, pieces, summary)
        elif args.format == "text":
            write_text_pieces(out, meta, pieces, summary)
        elif args.format == "csv":
            _write_csv(out, pieces, excel=args.excel)
        else:
            from ..spreadsheet import workbook_bytes

            out.write(workbook_bytes(_worklist_sheets(list(pieces)), as_of))
    sys.stdout.flush()
    duplicates.warn()
    for fault in faults_of.faults[:20]:
        print(f"integrules: plugin {fault.plugin!r} failed on record {fault.index}"
              f" ({fault.requirement_id or 'regime'}): {fault.error.split(':')[0]}", file=sys.stderr)
    if chosen is not None and not summary.read:
        print(f"integrules: advarsel/warning: no participant with id {', '.join(sorted(chosen))} in {path}",
              file=sys.stderr)
    if faults_of.fault_count:
        return EXIT_PLUGIN_FAULT
    if summary.rejected:
        return EXIT_REJECTED
    if summary.outcomes.get("not_met"):
        return EXIT_NOT_MET
    return EXIT_OK


@contextlib.contextmanager
def _destination(path: str | None, *, binary: bool) -> Iterator[IO[Any]]:
    """Standard output, or ``-o PATH`` written all at once or not at all (outfiles.atomic_output)."""
    if path is None:
        out = sys.stdout.buffer if binary else sys.stdout
        yield out
        out.flush()
        return
    with atomic_output(path, binary=binary, newline="") as fh:
        yield fh


def _write_csv(out: IO[str], rows: Iterable[list[Any]], *, excel: bool) -> None:
    import csv

    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n")
    writer.writerow(WORKLIST_HEADERS)
    for row in rows:
        writer.writerow([f"{v:%d.%m.%Y}" if excel and isinstance(v, dt.date) else (v if v is not None else "")
                         for v in row])


def _worklist_sheets(rows: list[list[Any]]) -> list[tuple[str, tuple[str, ...], list[list[Any]]]]:
    """The worklist sheet, then one per responsible unit, oldest due first (no due date last)."""
    if len(rows) >= EXCEL_ROWS:
        raise UsageError(f"{len(rows)} rows do not fit in an Excel sheet ({EXCEL_ROWS - 1} at most): use --format csv, "
                         "or --only / --participant to choose fewer")
    by_unit: dict[str, list[list[Any]]] = {}
    for row in rows:
        for unit in filter(None, row[6].split(", ")):
            by_unit.setdefault(unit, []).append(row)
    late = dt.date.max
    sheets = [("Arbeidsliste", WORKLIST_HEADERS, rows)]
    for unit in sorted(by_unit):
        ordered = sorted(by_unit[unit], key=lambda r: (r[5] or late, r[0], r[2]))
        sheets.append((f"Arbeidsliste {unit}", WORKLIST_HEADERS, ordered))
    return sheets
