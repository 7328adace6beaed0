"""A self-contained HTML file: the report's tables plus inline SVG charts, no scripts, no network.

Needs the optional extra ``integrules[report]`` (Jinja2 for the template, matplotlib for the charts).
"""

from __future__ import annotations

from typing import Any

from ..errors import UsageError
from .blocks import all_blocks, kind_notice, summary_blocks


def _require() -> None:
    try:
        import jinja2  # noqa: F401
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise UsageError(f"--format html needs the optional extra: pip install 'integrules[report]' ({exc.name} is missing)") from None


def render(report: dict[str, Any]) -> str:
    _require()
    import jinja2

    from . import charts

    env = jinja2.Environment(loader=jinja2.PackageLoader("integrules.report", "templates"),
                             autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
                             trim_blocks=True, lstrip_blocks=True)
    template = env.get_template("report.html.j2")
    return template.render(
        report=report,
        head=summary_blocks(report),
        blocks=all_blocks(report)[len(summary_blocks(report)):],
        notice=kind_notice(report),
        charts=[c for c in (
            ("compliance", "Oppfyllelse per krav / compliance per requirement", charts.compliance_chart(report)),
            ("norwegian", "Norskprøver / Norwegian tests", charts.norwegian_chart(report)),
            ("change", "Endring / change", charts.change_chart(report)),
        ) if c[2]],
        markup=jinja2.filters.Markup if hasattr(jinja2.filters, "Markup") else __import__("markupsafe").Markup,
    )
