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

from .convert import converter, error_messages
from .dates import parse_date
from .errors import FieldValueError, InputError
from .model import Participant
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
    record_id = raw.get("id") if isinstance(raw.get("id"), str) else None
    try:
        return converter().structure(raw, Participant)
    except Exception as exc:  # cattrs wraps every field error; all become messages
        return Rejection(index, record_id, tuple(error_messages(exc, path)), source)


def open_text(path: str | Path) -> IO[str]:
    """Open a file as UTF-8 text (a BOM is accepted); ``-`` is standard input."""
    if str(path) == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig")
    try:
        return open(path, encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot open {path}: {exc.strerror}") from None


def read_case_file(path: str | Path) -> tuple[Header, Iterator[Participant | Rejection]]:
    """Read a case file by its suffix: ``.jsonl``/``.ndjson`` as JSON Lines, else JSON."""
    if str(path).lower().endswith(JSON_LINES_SUFFIXES):
        return Header(), read_json_lines(open_text(path))
    with open_text(path) as fh:
        try:
            document = json.load(fh)
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text") from None
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    return parse_document(document, str(path))


def parse_document(document: Any, name: str = "<input>") -> tuple[Header, Iterator[Participant | Rejection]]:
    """A parsed JSON case file (an object with ``participants``, or a bare list of participants)."""
    if isinstance(document, list):
        return Header(), _structure_all(document)
    if not isinstance(document, dict):
        raise InputError(f"{name}: expected an object with 'participants' or a list of participants")
    extra = sorted(set(document) - set(CASE_FILE_KEYS))
    if extra:
        raise InputError(f"{name}: unknown field(s) {', '.join(extra)} (expected: {', '.join(CASE_FILE_KEYS)})")
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
    return Header(kommune, as_of, settings), _structure_all(participants)


def _structure_all(records: list[Any]) -> Iterator[Participant | Rejection]:
    for index, raw in enumerate(records):
        yield structure_participant(raw, index)


def read_json_lines(lines: IO[str] | Iterator[str]) -> Iterator[Participant | Rejection]:
    """One participant per line; blank lines are skipped, a bad line is a rejection."""
    index = 0
    try:
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            source = f"line {lineno}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Rejection(index, None, (f"participants[{index}]: not valid JSON ({exc.msg}, column {exc.colno})",), source)
            else:
                yield structure_participant(raw, index, source)
            index += 1
    except UnicodeDecodeError:
        yield Rejection(index, None, (f"participants[{index}]: not UTF-8 text; the rest of the file was not read",), "after the last line read")
    finally:
        close = getattr(lines, "close", None)
        if close:
            close()
