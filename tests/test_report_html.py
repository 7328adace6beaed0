"""The HTML report in real headless Chromium: it renders, shows its charts, logs no console errors.

The fixture uses Chromium when it is installed (`.ci/run` installs Debian's `chromium` package
when it can); else the tests skip with the reason. A test never installs anything itself.
"""

import os
import re
import shutil
import subprocess
import tempfile

import pytest

from integrules.cli import main

pytest.importorskip("jinja2", reason="the 'report' extra is not installed (pip install 'integrules[report]')")
pytest.importorskip("matplotlib", reason="the 'report' extra is not installed (pip install 'integrules[report]')")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0"]


def _find() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


@pytest.fixture(scope="session")
def chromium():
    path = _find()
    if not path:
        pytest.skip("Chromium is not installed (apt-get install chromium, as .ci/run does, or set up any "
                    "chromium/google-chrome on PATH): the HTML report is not checked in a browser")
    return path


def _browse(chromium: str, html_path: str) -> tuple[str, str]:
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", f"file://{html_path}"],
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, proc.stderr


def _console_errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if "Uncaught" in line or re.search(r"CONSOLE\(\d+\)|console", line, re.I) or "Refused to" in line]


@pytest.mark.parametrize("extra", [[], ["--compare", "2024-02-28"]], ids=["single", "compare"])
def test_html_renders_with_charts_in_chromium(chromium, tmp_path, capsys, extra):
    out = tmp_path / "rapport.html"
    assert main(["report", "--example", "--format", "html", "-o", str(out), *extra]) == 0
    html = out.read_text(encoding="utf-8")
    # No network: nothing loads from elsewhere (namespace URIs and cited URLs in the text are not fetched).
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', html) and "url(http" not in html and "<script" not in html
    dom, stderr = _browse(chromium, str(out))
    assert "Oppfølgingsrapport" in dom and "</table>" in dom
    charts = re.findall(r'<figure id="chart-(\w+)"', dom)
    assert "norwegian" in charts
    if extra:
        assert dom.count("<svg") >= 1 and ("change" in charts or "compliance" not in charts)
    assert dom.count("<svg") == len(charts) >= 1
    assert _console_errors(stderr) == [], stderr[-2000:]


def test_all_three_charts_with_rules_in_chromium(chromium, tmp_path):
    import copy
    import datetime as dt

    import reportplugin
    from integrules import Engine
    from integrules.reading import parse_document
    from integrules.report import build_report, compare, render

    engine = Engine(entry_points=False, plugins=[reportplugin.plugin])

    def at(day):
        header, records = parse_document(copy.deepcopy(reportplugin.CASES))
        return build_report(engine, records, dt.date.fromisoformat(day), kommune=header.kommune)

    report = at("2024-06-01")
    report["compare"] = compare(at("2024-02-01"), report)
    out = tmp_path / "r.html"
    out.write_text(render(report, "html"), encoding="utf-8")
    dom, stderr = _browse(chromium, str(out))
    assert re.findall(r'<figure id="chart-(\w+)"', dom) == ["compliance", "norwegian", "change"]
    assert dom.count("<svg") == 3 and "il.kontrakt" in dom
    assert _console_errors(stderr) == [], stderr[-2000:]


def test_console_errors_are_detected(chromium, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>")
    _, stderr = _browse(chromium, str(bad))
    assert _console_errors(stderr), "the console-error check would miss a real error"
