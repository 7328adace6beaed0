"""Rows of a CSV or .xlsx file to raw participant records (see the package docstring)."""

from __future__ import annotations

import csv
import datetime as dt
import math
import posixpath
import warnings
import zipfile
from xml.etree import ElementTree
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..dates import parse_date
from ..errors import FieldValueError, InputError, InputWarning
from ..privacy import describe
from ..results import Rejection
from .mapping import Column, Mapping, load_mapping, norm

SNIFF_CHARS = 64 * 1024
TRUE = {"ja", "j", "yes", "y", "true", "sann", "1", "x"}
FALSE = {"nei", "n", "no", "false", "usann", "0"}


class BadRow:
    """A row the CSV reader could not split into cells (a cell over the size limit, a stray quote)."""

    def __init__(self, problem: str) -> None:
        self.problem = problem


def read_table(path: str | Path, mapping: str | Path | Mapping | None = None, kind: str | None = None) -> Iterator[Any]:
    """Raw items (``("table", index, (record, columns), "row N")``) or Rejections, one per data row.

    ``kind`` is "csv" or "xlsx" (default: by the file's suffix)."""
    m = mapping if isinstance(mapping, Mapping) else load_mapping(mapping)
    xlsx = kind == "xlsx" if kind else str(path).lower().endswith(".xlsx")
    rows = _xlsx_rows(path, m) if xlsx else _csv_rows(path, m)
    return _records(rows, m, str(path))


def _records(rows: Iterator[tuple[int, list[Any]]], m: Mapping, name: str) -> Iterator[Any]:
    try:
        header_row, header = next(rows)
    except StopIteration:
        raise InputError(f"{name}: the file is empty (expected a header row)") from None
    if isinstance(header, BadRow):
        raise InputError(f"{name}: the header row cannot be read ({header.problem})")
    layout: list[Column | None] = []
    unmapped = []
    for cell in header:
        text = "" if cell is None else str(cell)
        column = m.match(text) if text.strip() else None
        layout.append(column)
        if column is None and text.strip():
            unmapped.append(text.strip())
    used = [c for c in layout if c is not None]
    if not used:
        raise InputError(f"{name}: no column matches the mapping (expected some of: "
                         f"{', '.join(c.header for c in m.columns)})")
    twice = {c.header for c in used if used.count(c) > 1}
    if twice:
        raise InputError(f"{name}: the column(s) {', '.join(sorted(twice))} appear more than once")
    if unmapped and m.unmapped == "error":
        raise InputError(f"{name}: {len(unmapped)} column(s) not in the mapping: "
                         f"{', '.join(repr(u[:40]) for u in unmapped[:10])}")
    has_id = any(c.field == "id" for c in used)
    if not has_id and m.id == "required":
        raise InputError(f"{name}: no column gives the participant's id (the mapping says id is required)")
    return _rows_to_records(rows, layout, has_id, name)


def _rows_to_records(rows, layout, has_id, name) -> Iterator[Any]:
    index = 0
    try:
        for row, cells in rows:
            if isinstance(cells, BadRow):  # this row only; the rows after it are read
                yield Rejection(index, None, (f"row {row}: {cells.problem}",), f"row {row}")
                index += 1
                continue
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                continue
            source = f"row {row}"
            record: dict[str, Any] = {}
            errors: list[str] = []
            if len(cells) > len(layout) and any(c not in (None, "") for c in cells[len(layout):]):
                errors.append(f"row {row}: {len(cells)} cells, more than the {len(layout)} columns of the header")
            columns: dict[str, str] = {}
            for column, cell in zip(layout, cells):
                if column is None:
                    continue
                columns[column.field] = column.header
                try:
                    value = _cell_value(cell, column)
                except FieldValueError as exc:
                    errors.append(f"row {row}, column {column.header!r}: {exc}")
                    continue
                if value is not None:
                    _put(record, column.field, value)
            if not has_id:
                record.setdefault("id", f"rad-{row}")
            if errors:  # every error in the row at once: the other cells are still checked
                rest = structure_row(index, (record, columns, row), source)
                more = rest.errors if isinstance(rest, Rejection) else ()
                yield Rejection(index, _id_of(record, has_id), tuple(errors) + tuple(more), source)
            else:
                yield ("table", index, (record, columns, row), source)
            index += 1
    except UnicodeDecodeError:
        yield Rejection(index, None, (f"after row {row if index else 1}: not text in the expected encoding; "
                                      "the rest of the file was not read",), "after the last row read")


def _id_of(record: dict[str, Any], has_id: bool) -> str | None:
    value = record.get("id")
    return value if isinstance(value, str) and value else None


def _put(record: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    target = record
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


def _cell_value(cell: Any, column: Column) -> Any:
    """A cell to the value its field takes, or None for an empty cell (unknown)."""
    if cell is None:
        return None
    if isinstance(cell, str):
        cell = cell.strip()
        if not cell:
            return None
    if column.values and isinstance(cell, str):
        key = norm(cell)
        if key in column.values:
            return column.values[key]
        head = norm(cell.split(" - ", 1)[0])
        if head in column.values:
            return column.values[head]
        if column.unmatched == "unknown":
            return None
    kind = column.type
    if kind == "date":
        if isinstance(cell, dt.datetime):
            if cell.time() != dt.time(0):
                raise FieldValueError("expected a date, got a date and time")
            return cell.date().isoformat()
        if isinstance(cell, dt.date):
            return cell.isoformat()
        return parse_date(str(cell)).isoformat()
    if kind == "bool":
        if isinstance(cell, bool):
            return cell
        key = norm(str(cell))
        if key in TRUE:
            return True
        if key in FALSE:
            return False
        raise FieldValueError(f"expected ja/nei (yes/no), got {describe(cell)}")
    if kind in ("int", "number"):
        if isinstance(cell, bool):
            raise FieldValueError("expected a number, got true/false")
        if isinstance(cell, str):
            text = cell.replace("\u00a0", "").replace(" ", "").replace(",", ".")
            try:
                number = float(text)
            except ValueError:
                raise FieldValueError(f"expected a number, got {describe(cell)}") from None
        else:
            number = float(cell)
        if not math.isfinite(number):
            raise FieldValueError("expected a number, got a number that is not finite")
        if kind == "int":
            if number != int(number):
                raise FieldValueError("expected a whole number")
            return int(number)
        return number
    # text: numbers from a spreadsheet (a DUF number typed as a number) become their digits
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, (dt.datetime, dt.date)):
        return cell.isoformat()[:10]
    return str(cell) if not isinstance(cell, str) else cell


def structure_row(index: int, payload: tuple[dict[str, Any], dict[str, str], int], source: str | None):
    """A table row's record to a Participant, or a Rejection whose messages name row and column."""
    from ..reading import structure_participant

    record, columns, row = payload
    result = structure_participant(record, index, source)
    if not isinstance(result, Rejection):
        return result
    prefix = f"participants[{index}]"
    errors = []
    for message in result.errors:
        path, sep, text = message.partition(": ")
        field = path[len(prefix):].lstrip(".") if path.startswith(prefix) else ""
        column = columns.get(field) or next((h for f, h in columns.items() if field.startswith(f + ".")), None)
        if column is not None and sep:
            errors.append(f"row {row}, column {column!r}: {text}")
        elif sep and field:
            errors.append(f"row {row}, field {field}: {text}")
        else:
            errors.append(f"row {row}: {text if sep else message}")
    return Rejection(index, result.record_id, tuple(errors), source)


# -- the two kinds of table ---------------------------------------------------------------------

def _csv_rows(path: str | Path, m: Mapping) -> Iterator[tuple[int, list[Any]]]:
    name = str(path)
    try:
        fh = open(path, encoding=m.encoding, newline="")
    except OSError as exc:
        raise InputError(f"cannot open {name}: {exc.strerror}") from None
    except LookupError:
        raise InputError(f"{name}: the mapping's encoding {m.encoding!r} is not known") from None
    try:
        sample = fh.read(SNIFF_CHARS)
    except UnicodeDecodeError:
        fh.close()
        raise InputError(f"{name}: not {m.encoding} text (save the export as 'CSV UTF-8', or name the "
                         "encoding in a mapping file, e.g. \"encoding\": \"cp1252\")") from None
    fh.seek(0)
    if sample.startswith("\ufeff"):  # a BOM under an encoding that keeps it
        fh.read(1)
    return _csv_iter(fh, _dialect(sample))


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    first = sample.lstrip("\ufeff").split("\n", 1)[0]
    try:
        dialect = csv.Sniffer().sniff(sample if "\n" in sample else first, delimiters=";,\t")
    except csv.Error:
        dialect = None
    # The header line decides between ; , and tab when the sniffer cannot, or disagrees with it.
    counts = {d: first.count(d) for d in ";,\t"}
    best = max(counts, key=lambda d: counts[d])
    if dialect is None or (counts.get(dialect.delimiter, 0) == 0 and counts[best] > 0):
        class Plain(csv.excel):
            delimiter = best if counts[best] else ","
        return Plain
    dialect.doublequote = True
    return dialect


def _csv_iter(fh, dialect) -> Iterator[tuple[int, list[Any] | BadRow]]:
    """Rows numbered as a spreadsheet shows them. A row the reader refuses (a cell longer than the
    csv module's limit) or one running over several lines of the file (a quote mark left open joins
    the lines after it into one cell: names and DUF numbers in the id) is a BadRow; no field of the
    format takes a line break."""
    with fh:
        reader = csv.reader(fh, dialect)
        number = 0
        while True:
            first_line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                number += 1
                limit = csv.field_size_limit()
                problem = (f"a cell longer than {limit} characters" if "field limit" in str(exc)
                           else f"not readable as CSV ({str(exc)[:80]})")
                yield number, BadRow(problem + "; the row was not read")
                continue
            number += 1
            if reader.line_num != first_line and any(("\n" in c or "\r" in c) and c.strip() for c in cells):
                yield number, BadRow(f"a quoted cell runs over lines {first_line}-{reader.line_num} of the file "
                                     "(a quote mark left open?); the row was not read")
                continue
            yield number, cells


def _xlsx_rows(path: str | Path, m: Mapping) -> Iterator[tuple[int, list[Any]]]:
    name = str(path)
    try:
        import openpyxl
    except ImportError:
        raise InputError(f"{name}: reading .xlsx needs the optional extra: pip install 'integrules[xlsx]'") from None
    if not Path(path).exists():
        raise InputError(f"cannot open {name}: No such file or directory")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a broken or non-Excel file, in any of the ways openpyxl reports it
        raise InputError(f"{name}: not an Excel .xlsx file ({type(exc).__name__})") from None
    if m.sheet is not None and m.sheet not in book.sheetnames:
        book.close()
        raise InputError(f"{name}: no sheet named {m.sheet!r} (sheets: {', '.join(book.sheetnames)})")
    sheet = book[m.sheet] if m.sheet is not None else book.worksheets[0]
    if m.sheet is None and sheet.max_row in (None, 0, 1) and sheet.max_column in (None, 0, 1) \
            and not any(any(c is not None for c in row) for row in sheet.iter_rows(max_row=2, values_only=True)):
        others = [n for n in book.sheetnames[1:]]
        book.close()
        hint = f"; the other sheets: {', '.join(map(repr, others))} (name one with \"sheet\" in a mapping file)" if others else ""
        raise InputError(f"{name}: the first sheet {sheet.title!r} is empty{hint}")
    for message in _xlsx_doubts(path, sheet.title):
        warnings.warn(f"{name}: {message}", InputWarning, stacklevel=2)
    return _xlsx_iter(book, sheet)


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _xlsx_doubts(path: str | Path, title: str, limit: int = 10) -> list[str]:
    """What data_only reading cannot show: formula cells without a saved value (read as empty, so
    the fact is unknown) and merged cells (only the first cell holds the value). Read from the
    sheet's XML, streamed; named by sheet and cell, at most ``limit`` of each kind."""
    try:
        with zipfile.ZipFile(path) as z:
            book = ElementTree.fromstring(z.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
            rid = next((s.get(_REL) for s in book.iter(f"{_NS}sheet") if s.get("name") == title), None)
            target = next((r.get("Target") for r in rels if r.get("Id") == rid), None)
            if target is None:
                return []
            member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            formulas: list[str] = []
            merged: list[str] = []
            n_formulas = n_merged = 0
            with z.open(member) as fh:
                for _, el in ElementTree.iterparse(fh):
                    if el.tag == f"{_NS}c":
                        if el.find(f"{_NS}f") is not None and not (el.findtext(f"{_NS}v") or "").strip():
                            n_formulas += 1
                            if len(formulas) < limit:
                                formulas.append(el.get("r", "?"))
                        el.clear()
                    elif el.tag == f"{_NS}mergeCell":
                        n_merged += 1
                        if len(merged) < limit:
                            merged.append(el.get("ref", "?"))
    except (KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError, RuntimeError):
        return []  # not the usual layout: openpyxl read it; nothing more to say
    out = []
    if n_formulas:
        out.append(f"sheet {title!r}: {n_formulas} formula cell(s) without a saved value, read as empty (unknown): "
                   f"{', '.join(formulas)}{' ...' if n_formulas > limit else ''} (open and save the file in Excel "
                   "to store the values)")
    if n_merged:
        out.append(f"sheet {title!r}: {n_merged} merged cell range(s), only the first cell of each holds the value: "
                   f"{', '.join(merged)}{' ...' if n_merged > limit else ''}")
    return out


def _xlsx_iter(book, sheet) -> Iterator[tuple[int, list[Any]]]:
    try:
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(cells)
    finally:
        book.close()
