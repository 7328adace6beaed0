"""Reports: the follow-up a control committee asks for, built from the findings (docs/reports.md).

``build_report`` judges a stream and returns a JSON-ready dict; ``compare`` diffs two of them;
``render(report, fmt)`` writes it as text, Markdown, CSV, JSON or self-contained HTML.
"""

from __future__ import annotations

from typing import Any

from .build import Progress, build_report, build_report_parallel, default_period
from .compare import compare

FORMATS = ("text", "markdown", "csv", "json", "html", "xlsx")


def render(report: dict[str, Any], fmt: str, *, earlier: dict[str, Any] | None = None, lang: str = "nb",
           worklists: bool = True, excel: bool = False) -> str | bytes:
    """The report in ``fmt`` (bytes for ``xlsx``); for CSV, ``earlier`` (the compared report) adds its rows.

    ``lang`` (``nb``, ``en``, ``both``) and ``worklists`` apply to HTML and xlsx, the committee's
    report; ``excel`` writes CSV for Norwegian Excel (semicolons and a byte-order mark).
    """
    if fmt == "text":
        from .render_text import render as r
    elif fmt == "markdown":
        from .render_markdown import render as r
    elif fmt == "json":
        from .render_json import render as r
    elif fmt == "csv":
        from .render_csv import render as csv_render
        text = csv_render(report, earlier)
        if excel:
            from ..spreadsheet import excel_csv
            return excel_csv(text)
        return text
    elif fmt == "xlsx":
        from .render_xlsx import render as xlsx_render
        return xlsx_render(report, lang=lang, worklists=worklists)
    elif fmt == "html":
        from .render_html import render as html_render
        return html_render(report, lang=lang, worklists=worklists)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return r(report)


__all__ = ["FORMATS", "Progress", "build_report", "build_report_parallel", "compare", "default_period", "render"]
