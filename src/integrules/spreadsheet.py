"""Spreadsheet outputs: xlsx workbooks (openpyxl, the ``xlsx`` extra) and CSV for Norwegian Excel.

Deterministic like every other output: the workbook's dates are the report date, and the zip
entries carry a fixed time, so the same input gives the same bytes. Norwegian Excel opens a CSV
in columns only with semicolons and a byte-order mark (its list separator is ";" because "," is
the decimal comma): :func:`excel_csv` writes that.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from typing import Any, Iterable, Sequence

from .errors import UsageError

Sheet = tuple[str, Sequence[str], Iterable[Sequence[Any]]]  # (name, headers, rows)
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def excel_csv(text: str) -> str:
    """A comma-separated CSV text rewritten for Norwegian Excel: semicolons and a UTF-8 byte-order mark."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerows(csv.reader(io.StringIO(text)))
    return "\ufeff" + buf.getvalue()


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\ ."""
    base = _BAD_SHEET_CHARS.sub("-", name).strip("'")[:31] or "Ark"
    out, n = base, 2
    while out.lower() in taken:
        suffix = f" ({n})"
        out, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(out.lower())
    return out


def workbook_bytes(sheets: Iterable[Sheet], stamp: dt.date) -> bytes:
    """An xlsx workbook, a sheet per table: bold header row kept in view, numbers as numbers, sized columns."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
    except ImportError:
        raise UsageError("xlsx output needs the optional extra: pip install 'integrules[xlsx]' (openpyxl)") from None
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    bold = Font(bold=True)
    for name, headers, rows in sheets:
        ws = wb.create_sheet(sheet_name(name, taken))
        ws.append(list(headers))
        for cell in ws[1]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        widths = [len(str(h)) for h in headers]
        for row in rows:
            row = list(row)
            ws.append(row)
            for i, value in enumerate(row):
                if isinstance(value, dt.date):  # a date, shown as Norwegian Excel writes one
                    ws.cell(row=ws.max_row, column=i + 1).number_format = "DD.MM.YYYY"
            for i, value in enumerate(row):
                if i < len(widths):
                    widths[i] = max(widths[i], len(str(value)) if value is not None else 0)
        for i, w in enumerate(widths):
            ws.column_dimensions[_column_letter(i + 1)].width = min(60, max(8, w + 2))
        ws.freeze_panes = "A2"
        if ws.max_row > 1:
            ws.auto_filter.ref = ws.dimensions
    if not wb.worksheets:
        wb.create_sheet("Tom")
    when = dt.datetime(stamp.year, stamp.month, stamp.day)
    wb.properties.created = when
    wb.properties.creator = "integrules"
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed(buf.getvalue(), when)


def _column_letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def _fixed(data: bytes, when: dt.datetime) -> bytes:
    """The saved workbook with its save time replaced by ``when`` and fixed zip entry times."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>", body)
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, body)
    return out.getvalue()
