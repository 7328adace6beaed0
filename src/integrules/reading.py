"""Reading case files: a JSON case file or JSON Lines, record by record.

A record that cannot be read as a participant becomes a :class:`Rejection` naming its index,
its id when it has one, and the field paths at fault; the other records go on. A file that
cannot be read at all raises :class:`~integrules.errors.InputError`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import IO, Any, Iterator

import attrs

from .convert import converter, error_messages, fast_structurer
from .dates import parse_date
from .errors import FieldValueError, InputError
from .fastjson import json_structurer
from .jsonstream import Broken, CaseFileStream, Unreadable
from .model import Participant
from .privacy import safe_keys
from .results import Rejection

CASE_FILE_KEYS = ("kommune", "as_of", "settings", "participants")
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")


@attrs.frozen
class Header:
    """What a case file says about itself (JSON Lines files have none)."""

    kommune: str | None = None
    as_of: dt.date | None = None
    settings: dict[str, Any] = attrs.field(factory=dict)


def structure_participant(raw: Any, index: int, source: str | None = None) -> Participant | Rejection:
    """One raw record to a Participant, or a Rejection with every error found in it."""
    path = f"participants[{index}]"
    if not isinstance(raw, dict):
        return Rejection(index, None, (f"{path}: expected an object, got {type(raw).__name__}",), source)
    try:
        return fast_structurer(Participant)(raw)
    except Exception:  # not a record it takes as it is: the converter decides, and words the errors
        pass
    record_id = raw.get("id") if isinstance(raw.get("id"), str) else None
    try:
        return converter().structure(raw, Participant)
    except Exception as exc:  # cattrs wraps every field error; all become messages
        return Rejection(index, record_id, tuple(error_messages(exc, path)), source)


def open_text(path: str | Path, errors: str = "strict") -> IO[str]:
    """Open a file as UTF-8 text (a BOM is accepted); ``-`` is standard input.

    ``errors="surrogateescape"`` lets a line-by-line reader reject one badly encoded line
    (see :func:`read_json_lines`) instead of losing the rest of the file.
    """
    if str(path) == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors=errors)
    try:
        return open(path, encoding="utf-8-sig", errors=errors)
    except OSError as exc:
        raise InputError(f"cannot open {path}: {exc.strerror}") from None


INPUT_FORMATS = ("json", "jsonl", "csv", "xlsx")


def read_case_file(path: str | Path, *, mapping: str | Path | None = None,
                   input_format: str | None = None) -> tuple[Header, Iterator[Participant | Rejection]]:
    """Read a case file by its suffix, as a stream: ``.jsonl``/``.ndjson`` as JSON Lines,
    ``.csv`` and ``.xlsx`` through a column mapping (:mod:`integrules.imports`), else JSON.

    Only one record at a time is held in memory (a JSON case file on standard input is the
    exception: it is read whole). See :mod:`integrules.jsonstream` for where a broken JSON file
    is an :class:`InputError` and where it is a final rejection after the records read so far.
    """
    header, items = read_raw(path, mapping=mapping, input_format=input_format)
    return header, map(structure_item, items)


# A record not yet structured: ("raw", index, decoded JSON, source), ("line", index, text, source)
# or ("table", index, (record, columns, row), source) (a CSV or Excel row, integrules.imports).
RawItem = tuple


def read_raw(path: str | Path, *, mapping: str | Path | None = None,
             input_format: str | None = None) -> tuple[Header, Iterator[RawItem | Rejection]]:
    """Like :func:`read_case_file`, but the records are not yet structured (see :func:`structure_item`).

    The decoding of JSON Lines and the structuring are left to the caller, so that
    :mod:`integrules.parallel` can do them in its worker processes. ``input_format`` (one of
    INPUT_FORMATS) overrides the suffix; on standard input without it, JSON Lines are recognised
    by a first line that is a whole participant (see :func:`stdin_is_json_lines`).
    """
    fmt = input_format
    if fmt is None:
        name = str(path).lower()
        fmt = ("jsonl" if name.endswith(JSON_LINES_SUFFIXES) else "csv" if name.endswith(".csv")
               else "xlsx" if name.endswith(".xlsx") else "jsonl" if name == "-" and stdin_is_json_lines() else "json")
    if fmt == "jsonl":
        return Header(), _json_lines_raw(open_text(path, errors="surrogateescape"))
    if fmt in ("csv", "xlsx"):
        if str(path) == "-":
            raise InputError(f"{fmt.upper()} cannot be read from standard input; give the file's name")
        from .imports import load_mapping, read_table

        loaded = load_mapping(mapping)  # its kommune, if it names one, is the export's municipality
        return Header(kommune=loaded.kommune), read_table(path, loaded, fmt)
    if mapping is not None:
        raise InputError(f"{path}: a column mapping is only used with .csv or .xlsx files")
    return _json_raw(path)


def stdin_is_json_lines() -> bool:
    """Whether standard input holds JSON Lines: its first line (as far as already buffered, without
    consuming it) is a whole JSON object without ``participants``. A case file's first line is
    ``{`` or the whole file with ``participants``; when in doubt, JSON (``--input-format`` decides)."""
    try:
        head = sys.stdin.buffer.peek(1 << 16)
    except (AttributeError, OSError, ValueError):
        return False
    line = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
    if not line.startswith(b"{"):
        return False
    try:
        first = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return isinstance(first, dict) and "participants" not in first


def structure_item(item: RawItem | Rejection) -> Participant | Rejection:
    """A raw item from :func:`read_raw` to a Participant or a Rejection."""
    if isinstance(item, Rejection):
        return item
    kind, index, payload, source = item
    if kind == "table":
        from .imports import structure_row

        return structure_row(index, payload, source)
    if kind == "line":
        fast = json_structurer(Participant)
        if fast is not None:
            try:
                return fast(payload)
            except Exception:  # not a line it takes as it is: read the ordinary way, which words the errors
                pass
        try:
            payload = json.loads(payload)
        except json.JSONDecodeError as exc:
            return Rejection(index, None, (f"participants[{index}]: not valid JSON ({exc.msg}, column {exc.colno})",), source)
        except (ValueError, RecursionError) as exc:
            return Rejection(index, None, (f"participants[{index}]: cannot be read ({_json_problem(exc)})",), source)
    return structure_participant(payload, index, source)


def _json_raw(path: str | Path) -> tuple[Header, Iterator[RawItem | Rejection]]:
    fh = open_text(path)
    try:
        stream = CaseFileStream(fh)
    except UnicodeDecodeError:
        fh.close()
        raise InputError(f"{path}: not UTF-8 text") from None
    except Broken as exc:
        fh.close()
        raise InputError(f"{path}: not valid JSON (line {exc.line}, column {exc.column}: {exc.msg})") from None
    except InputError as exc:
        fh.close()
        raise InputError(f"{path}: {exc}") from None
    except (ValueError, RecursionError) as exc:  # a number of thousands of digits; nesting too deep
        fh.close()
        raise InputError(f"{path}: not valid JSON ({_json_problem(exc)})") from None
    name = str(path)
    if stream.kind == "scalar":
        stream.close()
        raise InputError(f"{name}: expected an object with 'participants' or a list of participants")
    if stream.kind == "array":
        header = Header()
    else:
        document = dict(stream.header)
        if stream.kind == "object-without-participants":
            document.setdefault("participants", None)
        try:
            header = _header_of(document, name)
        except InputError:
            stream.close()
            raise
    return header, _stream_items(stream)


def _stream_items(stream: CaseFileStream) -> Iterator[RawItem | Rejection]:
    try:
        for index, raw in stream.participants():
            if isinstance(raw, Broken):
                yield Rejection(index, None, (f"participants[{index}]: not valid JSON (line {raw.line}, column {raw.column}: "
                                              f"{raw.msg}); the rest of the file was not read",), f"line {raw.line}")
                return
            if isinstance(raw, Unreadable):  # this record only; the ones after it are read
                yield Rejection(index, None, (f"participants[{index}]: cannot be read ({raw.problem})",), None)
                continue
            yield ("raw", index, raw, None)
    finally:
        stream.close()


def _json_problem(exc: BaseException) -> str:
    """What json.loads raised besides JSONDecodeError, said without quoting the input."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return "a number too long to read" if "digits" in str(exc) else type(exc).__name__


def _undecodable(line: str) -> bool:
    """True when a line read with surrogateescape held bytes that are not UTF-8."""
    if line.isascii():  # the common case, and no escaped byte is ASCII
        return False
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def parse_document(document: Any, name: str = "<input>") -> tuple[Header, Iterator[Participant | Rejection]]:
    """A parsed JSON case file (an object with ``participants``, or a bare list of participants)."""
    if isinstance(document, list):
        return Header(), _structure_all(document)
    header = _header_of(document, name)
    return header, _structure_all(document["participants"])


def _header_of(document: Any, name: str) -> Header:
    """Check a case file's keys (``participants`` must be a list) and read its header."""
    if not isinstance(document, dict):
        raise InputError(f"{name}: expected an object with 'participants' or a list of participants")
    extra = sorted(set(document) - set(CASE_FILE_KEYS))
    if extra:
        raise InputError(f"{name}: unknown field(s) {safe_keys(extra)} (expected: {', '.join(CASE_FILE_KEYS)})")
    participants = document.get("participants")
    if not isinstance(participants, list):
        raise InputError(f"{name}: 'participants' must be a list")
    kommune = document.get("kommune")
    if kommune is not None and not isinstance(kommune, str):
        raise InputError(f"{name}: kommune: expected text")
    settings = document.get("settings") or {}
    if not isinstance(settings, dict):
        raise InputError(f"{name}: settings: expected an object of name: value")
    try:
        as_of = parse_date(document["as_of"]) if document.get("as_of") is not None else None
    except FieldValueError as exc:
        raise InputError(f"{name}: as_of: {exc}") from None
    return Header(kommune, as_of, settings)


def _structure_all(records: list[Any]) -> Iterator[Participant | Rejection]:
    for index, raw in enumerate(records):
        yield structure_participant(raw, index)


def read_json_lines(lines: IO[str] | Iterator[str]) -> Iterator[Participant | Rejection]:
    """One participant per line; blank lines are skipped, a bad line is a rejection."""
    return map(structure_item, _json_lines_raw(lines))


def _json_lines_raw(lines: IO[str] | Iterator[str]) -> Iterator[RawItem | Rejection]:
    index = 0
    try:
        for lineno, line in enumerate(lines, start=1):
            if not line or line.isspace():  # blank (as `not line.strip()`, without copying the line)
                continue
            source = f"line {lineno}"
            if _undecodable(line):
                yield Rejection(index, None, (f"participants[{index}]: not UTF-8 text",), source)
            else:
                yield ("line", index, line, source)
            index += 1
    except UnicodeDecodeError:
        yield Rejection(index, None, (f"participants[{index}]: not UTF-8 text; the rest of the file was not read",), "after the last line read")
    finally:
        close = getattr(lines, "close", None)
        if close:
            close()
