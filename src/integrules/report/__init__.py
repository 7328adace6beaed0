"""Reports: the follow-up a control committee asks for, built from the findings (docs/reports.md).

``build_report`` judges a stream and returns a JSON-ready dict; ``compare`` diffs two of them;
``render(report, fmt)`` writes it as text, Markdown, CSV, JSON or self-contained HTML.
"""

from __future__ import annotations

from typing import Any

from .build import Progress, build_report, build_report_parallel, default_period
from .compare import compare

FORMATS = ("text", "markdown", "csv", "json", "html")


def render(report: dict[str, Any], fmt: str, *, earlier: dict[str, Any] | None = None, lang: str = "nb",
           worklists: bool = True) -> str:
    """The report in ``fmt``; for CSV, ``earlier`` (the compared report) adds its rows.

    ``lang`` (``nb``, ``en``, ``both``) and ``worklists`` apply to HTML, the committee's report.
    """
    if fmt == "text":
        from .render_text import render as r
    elif fmt == "markdown":
        from .render_markdown import render as r
    elif fmt == "json":
        from .render_json import render as r
    elif fmt == "csv":
        from .render_csv import render as csv_render
        return csv_render(report, earlier)
    elif fmt == "html":
        from .render_html import render as html_render
        return html_render(report, lang=lang, worklists=worklists)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return r(report)


__all__ = ["FORMATS", "Progress", "build_report", "build_report_parallel", "compare", "default_period", "render"]
