"""A self-contained HTML file: the committee's report (:mod:`.committee`) with inline SVG charts, no scripts, no network.

Needs the optional extra ``integrules[report]`` (Jinja2 for the template, matplotlib for the charts).
Print rules for A4 are in the template: each major section starts a page, table headers repeat,
rows and charts are not cut.
"""

from __future__ import annotations

from typing import Any

from ..errors import UsageError
from .committee import view


def _require() -> None:
    try:
        import jinja2  # noqa: F401
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise UsageError(f"--format html needs the optional extra: pip install 'integrules[report]' ({exc.name} is missing)") from None


def render(report: dict[str, Any], *, lang: str = "nb", worklists: bool = True) -> str:
    """The report as HTML in ``lang`` (``nb``, ``en`` or ``both``); ``worklists=False`` leaves the worklists out."""
    _require()
    import jinja2
    import markupsafe

    from . import charts

    v = view(report, lang, worklists=worklists)
    t = v["t"]
    env = jinja2.Environment(loader=jinja2.PackageLoader("integrules.report", "templates"),
                             autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
                             trim_blocks=True, lstrip_blocks=True)
    template = env.get_template("report.html.j2")
    drawn = (
        ("compliance", t("Andel oppfylt per område", "Share met per area"), charts.area_chart(v)),
        ("change", t("Andel oppfylt, før og nå", "Share met, then and now"), charts.change_chart(v)),
        ("norwegian", t("Norskprøver per delprøve mot norskmålet", "Norwegian tests per sub-test against the goal"),
         charts.norwegian_chart(v)),
    )
    return template.render(v=v, charts=[c for c in drawn if c[2]], markup=markupsafe.Markup)
